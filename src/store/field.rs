//! A value in a line of the files kept beside the store (the name index, the page's list of
//! articles) and a cell of `polgraph query --format tsv`: a backslash, a tab and a line end
//! escaped, so a line holds one record and a tab ends a field.

use std::borrow::Cow;

/// `s` with `\`, tab, line feed and carriage return written `\\`, `\t`, `\n`, `\r`.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['\\', '\t', '\n', '\r']) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.into()
}

/// The value [`escape`] wrote. A backslash before any other character stands for that
/// character; a lone backslash at the end (a file cut or written by hand) is kept.
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(c) => out.push(c),
            None => out.push('\\'),
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_comes_back_as_it_was() {
        for v in [
            "",
            "Hà Tĩnh",
            "a\tb",
            "x\ny\r\n",
            "\\",
            "\\t is not a tab",
            "end\\",
        ] {
            let e = escape(v);
            assert!(!e.contains(['\t', '\n', '\r']), "{e:?}");
            assert_eq!(unescape(&e), v, "{e:?}");
        }
        assert!(matches!(escape("Nguyễn Văn A"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_lone_backslash_at_the_end_is_kept() {
        assert_eq!(unescape("cut\\"), "cut\\");
        assert_eq!(unescape("a\\qb"), "aqb");
    }
}
