//! Control characters and terminal escape sequences: never stored, never printed as is.

/// A C0 or C1 control character other than the line break and the tab (`ESC`, `BEL`, `DEL`,
/// `U+009B`): never stored, never printed as is.
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Where a terminal escape sequence starting at `src[i]` ends (the index after it), if one
/// starts there: CSI (`ESC [` or `U+009B`, parameters, a final byte), OSC and the other string
/// sequences (`ESC ]`, `ESC P`, `U+009D`, ... up to `BEL` or the string terminator), or `ESC` and
/// one character. Its payload (`0;title`, a link's URL) is no text either.
pub fn escape_end(src: &[char], i: usize) -> Option<usize> {
    let c = *src.get(i)?;
    let (kind, mut j) = match c {
        '\u{1b}' => match src.get(i + 1) {
            Some('[') => ('[', i + 2),
            Some(']' | 'P' | 'X' | '^' | '_') => (']', i + 2),
            Some(_) => return Some(i + 2),
            None => return Some(i + 1),
        },
        '\u{9b}' => ('[', i + 1),
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => (']', i + 1),
        _ => return None,
    };
    while let Some(&d) = src.get(j) {
        j += 1;
        match kind {
            '[' if ('\u{40}'..='\u{7e}').contains(&d) => return Some(j),
            '[' if !('\u{20}'..='\u{3f}').contains(&d) => return Some(j - 1),
            ']' if d == '\u{7}' || d == '\u{9c}' => return Some(j),
            ']' if d == '\u{1b}' && src.get(j) == Some(&'\\') => return Some(j + 1),
            ']' if d == '\n' => return Some(j - 1),
            _ => {}
        }
    }
    Some(j)
}

/// `s` without terminal escape sequences and control characters (see [`escape_end`],
/// [`is_control`]), each a space, trimmed: for metadata.
pub fn strip_controls(s: &str) -> String {
    if !s.chars().any(is_control) {
        return s.trim().to_string();
    }
    let src: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < src.len() {
        if let Some(e) = escape_end(&src, i) {
            out.push(' ');
            i = e;
        } else {
            out.push(if is_control(src[i]) { ' ' } else { src[i] });
            i += 1;
        }
    }
    out.trim().to_string()
}

/// `s` with each character of a terminal escape sequence and each control character (see
/// [`escape_end`], [`is_control`]) a space: the same characters at the same offsets, for the
/// article text that the graph keeps and the character spans of its facts point into.
pub fn blank_controls(s: &str) -> String {
    if !s.chars().any(is_control) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(e) = escape_end(&chars, i) {
            out.extend(std::iter::repeat_n(' ', e - i));
            i = e;
            continue;
        }
        out.push(if is_control(chars[i]) { ' ' } else { chars[i] });
        i += 1;
    }
    out
}
