//! Folding and keys: the canonical form of a short string (NFC, spaces, tone marks), its
//! comparison key (lower case), the tokenizer's key of a phrase, the toneless slug, and the key of
//! a document number. Every stage that compares names folds them here.

use super::controls::is_control;
use unicode_normalization::UnicodeNormalization;

/// Old-style tone placement and its canonical form (only in open syllables: the pair must not
/// be followed by a letter, and `qu` is left alone: `quý` is not `qúy`).
pub(crate) const OLD_TONES: [(char, char, char, char); 15] = [
    ('o', 'à', 'ò', 'a'),
    ('o', 'á', 'ó', 'a'),
    ('o', 'ả', 'ỏ', 'a'),
    ('o', 'ã', 'õ', 'a'),
    ('o', 'ạ', 'ọ', 'a'),
    ('o', 'è', 'ò', 'e'),
    ('o', 'é', 'ó', 'e'),
    ('o', 'ẻ', 'ỏ', 'e'),
    ('o', 'ẽ', 'õ', 'e'),
    ('o', 'ẹ', 'ọ', 'e'),
    ('u', 'ỳ', 'ù', 'y'),
    ('u', 'ý', 'ú', 'y'),
    ('u', 'ỷ', 'ủ', 'y'),
    ('u', 'ỹ', 'ũ', 'y'),
    ('u', 'ỵ', 'ụ', 'y'),
];

/// A space for the odd spaces and control characters, nothing for the invisible ones.
pub(crate) fn fold_space(c: char) -> Option<char> {
    match c {
        // Control characters (an escape sequence that would retitle a terminal, a bell) are no
        // text: a space, so that what they separated stays apart. `\n` and `\r` are lines.
        c if is_control(c) => Some(' '),
        '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{ad}' => None,
        '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Some(' ')
        }
        c => Some(c),
    }
}

/// Recases `new` like `like` (upper or lower).
fn same_case(like: char, new: char) -> char {
    if like.is_uppercase() {
        new.to_uppercase().next().unwrap_or(new)
    } else {
        new
    }
}

/// Makes old-style tone placement canonical, in place; the length in characters is unchanged.
pub(crate) fn canonical_tones(chars: &mut [char]) {
    for i in 0..chars.len().saturating_sub(1) {
        let (a, b) = (chars[i], chars[i + 1]);
        // Only `o` and `u` lower-case to the first letter of a pair (most characters stop here).
        if !matches!(a, 'o' | 'O' | 'u' | 'U') {
            continue;
        }
        let (la, lb) = (lower(a), lower(b));
        let Some(&(_, _, na, nb)) = OLD_TONES.iter().find(|t| t.0 == la && t.1 == lb) else {
            continue;
        };
        let after = chars.get(i + 2).copied();
        let before = i.checked_sub(1).map(|j| chars[j]);
        if after.is_some_and(char::is_alphabetic) || matches!(before, Some('q' | 'Q')) {
            continue;
        }
        chars[i] = same_case(a, na);
        chars[i + 1] = same_case(b, nb);
    }
}

/// Whether `canonical` would leave `s` as it is (most strings, read from normalised text, are):
/// NFC, no odd or doubled spaces, no space at either end, no old-style tone placement. One pass
/// over the characters, what it asks of a Latin letter by table (four passes, and the old pairs
/// searched at each `o` and `u`, were most of [`key`]'s time, issue 30).
pub(crate) fn is_canonical(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // What the loop asks of a character that is no ASCII, by table for the Latin letters.
    fn kept(c: char) -> bool {
        !((c.is_whitespace() && c != ' ') || fold_space(c) != Some(c))
    }
    /// [`kept`].
    const KEPT: u8 = 1;
    /// A Latin letter with its marks precomposed (Vietnamese: U+00C0-U+024F, U+1E00-U+1EFF), NFC
    /// as it stands; a combining mark after one is in none of these ranges and sends the string
    /// to NFC's check.
    const LETTER: u8 = 2;
    /// The second letter of an old pair that `canonical_tones` may move after an `o` or a `u`
    /// (it checks the context).
    const SECOND: u8 = 4;
    fn second(c: char) -> bool {
        let l = lower(c);
        OLD_TONES.iter().any(|t| t.1 == l)
    }
    static TABLE: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        latin_table(|c| {
            let mut f = 0;
            if kept(c) {
                f |= KEPT;
            }
            if !('\u{80}'..'\u{c0}').contains(&c) {
                f |= LETTER;
            }
            if second(c) {
                f |= SECOND;
            }
            f
        })
    });
    let table = &*TABLE;
    // A string of ASCII is canonical with its control characters; another is not.
    let (mut ascii, mut control, mut letters) = (true, false, true);
    let mut prev = '\0';
    for c in s.chars() {
        if c.is_ascii() {
            if c == ' ' {
                if prev == ' ' {
                    return false;
                }
            } else if c.is_ascii_whitespace() {
                return false;
            } else if c.is_ascii_control() {
                control = true;
            }
        } else {
            ascii = false;
            let f = match latin(c) {
                Some(at) => table[at],
                None => (u8::from(kept(c)) * KEPT) | (u8::from(second(c)) * SECOND),
            };
            if f & KEPT == 0 || (f & SECOND != 0 && matches!(prev, 'o' | 'O' | 'u' | 'U')) {
                return false;
            }
            letters &= f & LETTER != 0;
        }
        prev = c;
    }
    ascii
        || (!control
            && (letters
                || unicode_normalization::is_nfc_quick(s.chars())
                    == unicode_normalization::IsNormalized::Yes))
}

/// The canonical form of a short string (a name, a key): NFC, spaces folded, canonical tones.
pub fn canonical(s: &str) -> String {
    if is_canonical(s) {
        return s.to_string();
    }
    canonical_full(s)
}

pub(crate) fn canonical_full(s: &str) -> String {
    // A string NFC's quick check says is NFC (most of those that come here have odd spaces or
    // old tones, no decomposed marks) is its own NFC: composing it again was most of the time
    // of `key` on such names.
    let mut chars: Vec<char> = if unicode_normalization::is_nfc_quick(s.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        s.chars().filter_map(fold_space).collect()
    } else {
        s.nfc().filter_map(fold_space).collect()
    };
    canonical_tones(&mut chars);
    let s: String = chars.into_iter().collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The comparison key of a string: canonical, lower-case.
pub fn key(s: &str) -> String {
    if is_canonical(s) {
        return lowercase(s);
    }
    lowercase(&canonical_full(s))
}

/// The index of a character up to U+024F or in U+1E00-U+1EFF (the Latin letters Vietnamese is
/// written in) in a table made by [`latin_table`].
pub(crate) fn latin(c: char) -> Option<usize> {
    let u = c as usize;
    match u {
        0..0x250 => Some(u),
        0x1e00..0x1f00 => Some(u - 0x1e00 + 0x250),
        _ => None,
    }
}

/// `f` of each character up to U+024F and in U+1E00-U+1EFF, indexed by [`latin`]: what the
/// standard library would search its tables for at each character, computed once.
pub(crate) fn latin_table<T>(f: impl Fn(char) -> T) -> Vec<T> {
    (0..0x250u32)
        .chain(0x1e00..0x1f00)
        .map(|u| f(char::from_u32(u).expect("no surrogates below U+D800")))
        .collect()
}

/// For the Latin letters of Vietnamese: the lower case where it is one character (`'\0'` where
/// it is not), and whether the character is alphanumeric.
static LATIN: std::sync::LazyLock<Vec<(char, bool)>> = std::sync::LazyLock::new(|| {
    latin_table(|c| {
        let mut l = c.to_lowercase();
        let lower = match (l.next(), l.next()) {
            (Some(one), None) => one,
            _ => '\0',
        };
        (lower, c.is_alphanumeric())
    })
});

/// The lower case of `c` from [`LATIN`], where the table has it.
fn table_lower(c: char) -> Option<char> {
    latin(c).map(|at| LATIN[at].0).filter(|&l| l != '\0')
}

/// `c` in lower case when that is one character (as `char::to_lowercase`), by table for the
/// letters of Vietnamese.
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    table_lower(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c))
}

/// `char::is_alphanumeric`, by table for the letters of Vietnamese.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match latin(c) {
        Some(at) => LATIN[at].1,
        None => c.is_alphanumeric(),
    }
}

/// `str::to_lowercase`, faster on Vietnamese text (see [`lower`]): the bytes copied, ASCII
/// lowered in place, and a letter whose lower case is another written over it where the two are
/// as long (all of Vietnamese's).
pub fn lowercase(s: &str) -> String {
    let mut out = s.to_ascii_lowercase();
    if s.is_ascii() {
        return out;
    }
    let table = &*LATIN;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("a character at a boundary");
        let n = c.len_utf8();
        // Beyond the table (a Greek capital sigma, whose lower case depends on where it
        // stands, among others): the standard library's own.
        match latin(c).map(|at| table[at].0).filter(|&l| l != '\0') {
            Some(l) if l == c => {}
            Some(l) if l.len_utf8() == n => {
                // SAFETY: the `n` bytes of one character become the `n` bytes of another.
                l.encode_utf8(unsafe { &mut out.as_bytes_mut()[i..i + n] });
            }
            _ => return s.to_lowercase(),
        }
        i += n;
    }
    out
}

/// The toneless ASCII key of a name, for toneless look-ups and IRI slugs: `Tỉnh ủy Hà Tĩnh` ->
/// `tinh-uy-ha-tinh`: lower case, tone and vowel marks dropped (so tone
/// placement and normalisation form do not matter), `đ` -> `d`, every other run -> `-`.
pub fn slug(s: &str) -> String {
    // Every fold is ASCII: the slug is made as bytes, a run of `-` kept to one as it is pushed
    // (a call a character that asked the string for its last character was half of the time).
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut put = |c: Option<char>| match c {
        None => {}
        Some('-') if out.last().is_none_or(|&b| b == b'-') => {}
        Some(c) => {
            debug_assert!(c.is_ascii());
            out.push(c as u8);
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            put(fold(c));
            continue;
        }
        match latin(c).map(|at| SLUG[at]) {
            Some(NOTHING) => {}
            Some(b) if b != COMPLEX => put(Some(b as char)),
            _ => each_folded(c, &mut put),
        }
    }
    while out.last() == Some(&b'-') {
        out.pop();
    }
    String::from_utf8(out).expect("a slug is ASCII")
}

/// What a character of a name becomes in a slug, before runs of `-` are joined: `None` for
/// nothing (a combining mark, a zero-width character).
fn fold(c: char) -> Option<char> {
    match c {
        'đ' | 'Đ' => Some('d'),
        c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
        c if unicode_normalization::char::is_combining_mark(c) => None,
        // Zero-width characters vanish, as normalisation drops them.
        '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{ad}' => None,
        _ => Some('-'),
    }
}

/// The folds of a character's lower case, decomposed: `ệ` -> `e` and two marks.
fn each_folded(c: char, mut f: impl FnMut(Option<char>)) {
    for l in c.to_lowercase() {
        unicode_normalization::char::decompose_canonical(l, |d| f(fold(d)));
    }
}

const NOTHING: u8 = 0;
const COMPLEX: u8 = 1;

/// For the Latin letters of Vietnamese (indexed by [`latin`]), what
/// [`each_folded`] gives, computed once: the one ASCII character, [`NOTHING`], or [`COMPLEX`]
/// for more than one.
static SLUG: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    latin_table(|c| {
        let mut folds = Vec::new();
        each_folded(c, |f| folds.extend(f));
        match folds.as_slice() {
            [] => NOTHING,
            [one] if one.is_ascii() && *one as u32 > 1 => *one as u8,
            _ => COMPLEX,
        }
    })
});

/// A key field as the scorer compares it: NFC, canonical tones, lower case, spaces folded,
/// hyphens and dashes read alike.
pub fn norm(s: &str) -> String {
    let k = key(s);
    crate::regex!(r"\s*[-\u2013\u2014]\s*")
        .replace_all(&k, " - ")
        .trim()
        .to_string()
}

/// A document id as compared (EXTRACTION.md "Scoring"; documents merged by it): its letters and digits, upper case.
pub fn norm_id(s: &str) -> String {
    norm(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_uppercase()
}

/// Level words written short and glued to a unit's name (`TP.Đà Lạt`, `H.Quảng Trạch`,
/// `Q.Hoàn Kiếm`, `TX.An Nhơn`, `P.Bến Nghé`): the word ends after the full stop, so that the
/// level (`H.`, a word: no sentence ends there) and the name are read apart
/// (data/lexicon/levels.tsv has `tp.`, `h.`, `q.` ...).
const GLUED_LEVELS: [&str; 5] = ["H", "P", "Q", "TP", "TX"];

/// The segments of a text as the tokenizer cuts it, with whether each is a word: words (letters
/// and digits, with `.`, `/` and apostrophes inside: `đ/c`, `TP.HCM`, `T.N`, `H'Drai`, not
/// `Tỉnh.`; a short level word glued to a name is cut after its full stop: `H.`, `Quảng`) and every other character
/// but a space alone (a line break is a segment).
pub fn segments(text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
    let mut out = Vec::with_capacity(text.len() / 3);
    each_segment(text, |span, word| out.push((span, word)));
    out
}

/// [`segments`], each handed to `f` as it is cut (the tokenizer makes its tokens there, without
/// a list of the segments first).
#[inline]
pub fn each_segment(text: &str, mut f: impl FnMut(std::ops::Range<usize>, bool)) {
    let bytes = text.as_bytes();
    // The character at byte `b` (a boundary), read where it is asked: a copy of the text as
    // characters, each with its offset, was a quarter of the tokenizer's time (issue 30).
    let at = |b: usize| match bytes.get(b) {
        Some(&x) if x < 0x80 => Some(x as char),
        _ => text.get(b..).and_then(|r| r.chars().next()),
    };
    let mut b = 0;
    while let Some(c) = at(b) {
        if is_alphanumeric(c) {
            let mut j = b + c.len_utf8();
            let mut here = at(j);
            while let Some(cj) = here {
                // ASCII letters and digits go on the word whatever follows them (most of a
                // word's bytes): read byte by byte.
                if cj.is_ascii_alphanumeric() {
                    j += 1;
                    while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                        j += 1;
                    }
                    here = at(j);
                    continue;
                }
                let after = j + cj.len_utf8();
                if is_alphanumeric(cj) {
                    j = after;
                    here = at(after);
                    continue;
                }
                // Only these go inside a word, and only before a letter or a digit (the
                // character after them is read for them alone).
                if !matches!(cj, '.' | '/' | '\'' | '’') {
                    break;
                }
                if cj == '.' && glued_level(text, b..j, after) {
                    // The level word with its full stop, the name after it: `H.`, `Quảng`.
                    j = after;
                    break;
                }
                let next = at(after);
                let inner = next.is_some_and(is_alphanumeric)
                    && !(cj == '.' && next.is_some_and(char::is_lowercase));
                if inner {
                    j = after;
                    here = next;
                } else {
                    break;
                }
            }
            f(b..j, true);
            b = j;
        } else if c == ' ' || (c.is_whitespace() && c != '\n') {
            b += c.len_utf8();
        } else {
            f(b..b + c.len_utf8(), false);
            b += c.len_utf8();
        }
    }
}

/// Whether the word at `word`, before a full stop, is a short level word glued to a name: one of
/// [`GLUED_LEVELS`], then (from byte `after`, after the full stop) a capital and a lower-case
/// letter (`TP.Đà`; not `TP.HCM`, `T.N`).
fn glued_level(text: &str, word: std::ops::Range<usize>, after: usize) -> bool {
    if !GLUED_LEVELS.contains(&&text[word]) {
        return false;
    }
    let mut next = text[after..].chars();
    next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase)
}

/// The key of a segment of canonical text: its lower case, a typographic apostrophe read as the
/// ASCII one (`Ia H’Drai`, `Ia H'Drai`).
pub fn segment_key(t: &str) -> String {
    if t.is_ascii() {
        return t.to_ascii_lowercase();
    }
    let k = lowercase(t);
    // `’` is E2 80 99 in UTF-8: most keys have no E2 byte at all.
    if k.as_bytes().contains(&0xe2) && k.contains('’') {
        k.replace('’', "'")
    } else {
        k
    }
}

/// The key of a phrase as the tokenizer sees it: the keys of its segments joined by single
/// spaces, the en dash read as a hyphen (`Văn hóa, Thể thao` -> `văn hóa , thể thao`). Lexicon
/// entries are matched against the text's tokens by this key.
pub fn token_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (span, _) in segments(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        let k = segment_key(&s[span]);
        out.push_str(if k == "–" { "-" } else { &k });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slug's push as it was before the slug was made as bytes.
    fn push(c: Option<char>, out: &mut String) {
        match c {
            None => {}
            Some('-') if out.is_empty() || out.ends_with('-') => {}
            Some(c) => out.push(c),
        }
    }

    /// The slug as it was computed before the table: every character folded.
    fn slug_by_folding(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            each_folded(c, |f| push(f, &mut out));
        }
        while out.ends_with('-') {
            out.pop();
        }
        out
    }

    /// `is_canonical` as it was written before its tables (issue 30).
    fn is_canonical_by_chars(s: &str) -> bool {
        if s.starts_with(' ') || s.ends_with(' ') || s.contains("  ") {
            return false;
        }
        if s.is_ascii() {
            return !s.bytes().any(|b| b.is_ascii_whitespace() && b != b' ');
        }
        // Latin letters with their marks precomposed (Vietnamese: U+00C0-U+024F, U+1E00-U+1EFF)
        // are NFC as they stand; a combining mark after one is in none of these ranges and sends the
        // string to the full check.
        let latin =
            |c: char| c.is_ascii() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
        if !s.chars().all(latin)
            && unicode_normalization::is_nfc_quick(s.chars())
                != unicode_normalization::IsNormalized::Yes
        {
            return false;
        }
        let mut prev = '\0';
        for c in s.chars() {
            if (c.is_whitespace() && c != ' ') || fold_space(c) != Some(c) {
                return false;
            }
            // A pair that `canonical_tones` may move (it checks the context).
            if matches!(prev, 'o' | 'O' | 'u' | 'U') {
                let l = lower(c);
                if OLD_TONES.iter().any(|t| t.1 == l) {
                    return false;
                }
            }
            prev = c;
        }
        true
    }

    /// `canonical_full` as it was written before NFC's quick check (issue 30).
    fn canonical_by_composing(s: &str) -> String {
        let mut chars: Vec<char> = s.nfc().filter_map(fold_space).collect();
        canonical_tones(&mut chars);
        let s: String = chars.into_iter().collect();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn canonical_full_is_canonical_by_composing() {
        for u in (0..0x3000u32).chain(0x1e00..0x1f00) {
            let Some(c) = char::from_u32(u) else { continue };
            for t in [
                format!("Khánh Hoà {c}"),
                format!("a{c}\u{301}b"),
                format!("e\u{302}{c}\u{301}"),
                format!("o{c}  x"),
                format!("\u{a0}{c}"),
            ] {
                assert_eq!(canonical_full(&t), canonical_by_composing(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn is_canonical_by_table_is_is_canonical_by_characters() {
        let fixed = ["", " ", "a  b", " a", "a ", "hoà", "Khánh Hoà", "quý"];
        let texts = crate::normalize::around_every_char(&fixed, |c| {
            vec![
                format!("{c}"),
                format!("a{c}b"),
                format!("o{c}"),
                format!("U{c} x"),
                format!("ệ{c}"),
                format!("{c}\u{1}ệ"),
                format!("ệ {c} a\u{301}"),
            ]
        });
        for t in &texts {
            assert_eq!(is_canonical(t), is_canonical_by_chars(t), "{t:?}");
        }
    }

    /// `lowercase` as it was written before it lowered in place (issue 30).
    fn lowercase_by_chars(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match table_lower(c) {
                Some(l) if !c.is_ascii() => out.push(l),
                _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                _ => return s.to_lowercase(),
            }
        }
        out
    }

    #[test]
    fn lowercase_in_place_is_lowercase_by_characters_and_the_standard_librarys() {
        let fixed = ["", "ĐẢNG", "Ủy ban", "ΌΣΟΣ", "İstanbul", "Tỉnh ủy Hà Tĩnh"];
        let texts = crate::normalize::around_every_char(&fixed, |c| {
            vec![
                format!("{c}"),
                format!("A{c}b"),
                format!("Ư{c}Ở"),
                format!("{c}Σ"),
            ]
        });
        for t in &texts {
            assert_eq!(lowercase(t), lowercase_by_chars(t), "{t:?}");
            assert_eq!(lowercase(t), t.to_lowercase(), "{t:?}");
        }
    }

    #[test]
    fn a_short_level_word_glued_to_a_name_is_cut_after_its_full_stop() {
        let words = |s: &str| -> Vec<String> {
            segments(s)
                .into_iter()
                .map(|(r, _)| s[r].to_string())
                .collect()
        };
        assert_eq!(
            words("UBND H.Quảng Trạch"),
            ["UBND", "H.", "Quảng", "Trạch"]
        );
        assert_eq!(words("TP.Đà Lạt"), ["TP.", "Đà", "Lạt"]);
        // Negative: an abbreviation in capitals, initials, another word stay whole.
        assert_eq!(words("TP.HCM"), ["TP.HCM"]);
        assert_eq!(words("T.N"), ["T.N"]);
        assert_eq!(words("K.Hoan"), ["K.Hoan"]);
        // Boundary: the level word with a space before the name keeps its full stop apart.
        assert_eq!(words("TX. An Nhơn"), ["TX", ".", "An", "Nhơn"]);
    }

    #[test]
    fn the_slug_table_folds_as_folding_does() {
        let mut all = String::new();
        for u in (0..0x3000u32).chain(0x1e00..0x1f00) {
            let Some(c) = char::from_u32(u) else { continue };
            let one = format!("a{c}b");
            assert_eq!(slug(&one), slug_by_folding(&one), "U+{u:04X}");
            all.push(c);
        }
        for s in [
            all.as_str(),
            "Ủy ban nhân dân tỉnh Đắk Lắk",
            "Khánh Hoà",
            "e\u{301}",
            "-- Hà  Nội (ẞ) --",
            "\u{301}-Đ",
            "",
        ] {
            assert_eq!(slug(s), slug_by_folding(s), "{s:?}");
        }
    }
}
