//! Control characters and terminal escape sequences: never stored, never printed as is.

/// A C0 or C1 control character other than the line break and the tab (`ESC`, `BEL`, `DEL`,
/// `U+009B`): never stored, never printed as is.
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Whether `s` has a character [`is_control`] says is one, read byte by byte: the C0 controls
/// but the line break, carriage return and tab (one byte below 0x20), `DEL` (0x7f) and the C1
/// controls (U+0080-U+009F: 0xc2 and a byte 0x80-0x9f), which are all of Unicode's `Cc` (a
/// character decoded at a time was a tenth of the RDF mapping's time).
pub fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    let control_at = |k: usize| match b[k] {
        x @ 0..=0x1f => !matches!(x, b'\n' | b'\r' | b'\t'),
        0x7f => true,
        0xc2 => b.get(k + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => false,
    };
    // Eight bytes at a time: most hold no byte below 0x20, no 0x7f and no 0xc2 (an article's
    // text is read here whole, for the copy the graph keeps); those that do, byte by byte.
    let chunks = b.len() / 8;
    for c in 0..chunks {
        let at = c * 8;
        let x = u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        if (swar::any_below(x, 0x20) || swar::any_is(x, 0x7f) || swar::any_is(x, 0xc2))
            && (at..at + 8).any(control_at)
        {
            return true;
        }
    }
    (chunks * 8..b.len()).any(control_at)
}

/// Tests of eight bytes at once, in a `u64` (SIMD within a register): exact answers to "is
/// any byte ...", not which one.
pub(crate) mod swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;

    /// Whether a byte of `x` is below `n` (`n` at most 0x80).
    #[inline]
    pub(crate) fn any_below(x: u64, n: u8) -> bool {
        debug_assert!(n <= 0x80);
        x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0
    }

    /// Whether a byte of `x` is `v`.
    #[inline]
    pub(crate) fn any_is(x: u64, v: u8) -> bool {
        let y = x ^ (ONES * u64::from(v));
        y.wrapping_sub(ONES) & !y & HIGHS != 0
    }
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
    if !has_control(s) {
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
    if !has_control(s) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test says what the character test says, for every character up to U+3000 and
    /// the Vietnamese letters, alone and among others.
    #[test]
    fn has_control_is_any_character_a_control() {
        for u in (0..0x3000u32)
            .chain(0x1e00..0x1f00)
            .chain([0xfeff, 0x10_ffff])
        {
            let Some(c) = char::from_u32(u) else { continue };
            let mut texts = vec![
                c.to_string(),
                format!("Hà {c} Tĩnh"),
                format!("ệ{c}"),
                format!("{c}\u{80}"),
            ];
            // At every place in a run of eight bytes, in a text read eight bytes at a time.
            for pad in 0..9 {
                let pad = "a".repeat(pad);
                texts.push(format!("Bí thư Tỉnh ủy {pad}{c} Hà Tĩnh, Bí thư"));
                texts.push(format!("Bí thư Tỉnh ủy Hà Tĩnh, Bí {pad}{c}"));
            }
            for s in texts {
                assert_eq!(
                    has_control(&s),
                    s.chars().any(is_control),
                    "U+{u:04X} in {s:?}"
                );
            }
        }
        assert!(!has_control("Bí thư\nTỉnh ủy\r\n\t"));
        // 0xc2 ending a run of eight bytes, its second byte starting the next.
        assert!(has_control("1234567\u{85}") && !has_control("1234567\u{a0}"));
        assert!(has_control("Hà\u{9b}31m") && has_control("\u{7f}") && has_control("a\u{1b}"));
    }
}
