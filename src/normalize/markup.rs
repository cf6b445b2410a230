//! HTML markup a scraper left in a text (`ông <b>Lê</b> Văn Tâm`, issue 27): a tag of a known
//! HTML element, or a comment, is not text. Only tags are read so: `a < b`, `x <y` or a `<`
//! before a word that is no element stay as they are.

/// Elements that break a line (`<br>`, `</p>`): a tag of one is a line break in the text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements inside a line (`<b>`, `<a href=...>`): a tag of one is nothing in the text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "img", "ins", "kbd", "mark",
    "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "u",
];

/// The longest tag read as one, in characters (attributes included): a `<` with no `>` that
/// near is text.
const MAX_TAG: usize = 512;

/// What a tag stands for in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A line break (a block element).
    Break,
    /// Nothing (an inline element, a comment).
    Nothing,
}

/// The end (exclusive) of a tag or comment starting at `src[i]`, and what it stands for; `None`
/// when no tag starts there.
pub fn tag_end(src: &[char], i: usize) -> Option<(usize, Tag)> {
    if src.get(i) != Some(&'<') {
        return None;
    }
    let rest = &src[i + 1..src.len().min(i + 1 + MAX_TAG)];
    if rest.starts_with(&['!', '-', '-']) {
        let end = rest.windows(3).position(|w| w == ['-', '-', '>'])?;
        return Some((i + 1 + end + 3, Tag::Nothing));
    }
    let name_start = usize::from(rest.first() == Some(&'/'));
    let name_len = rest[name_start..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name: String = rest[name_start..name_start + name_len]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let kind = if BLOCK.contains(&name.as_str()) {
        Tag::Break
    } else if INLINE.contains(&name.as_str()) {
        Tag::Nothing
    } else {
        return None;
    };
    // After the name: `>`, `/>`, or whitespace and attributes up to `>` (no `<`, no line break).
    let after = &rest[name_start + name_len..];
    match after.first() {
        Some('>') => return Some((i + 1 + name_start + name_len + 1, kind)),
        Some('/') if after.get(1) == Some(&'>') => {
            return Some((i + 1 + name_start + name_len + 2, kind))
        }
        Some(c) if c.is_whitespace() && *c != '\n' => {}
        _ => return None,
    }
    let mut quote = None;
    for (k, &c) in after.iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some((i + 1 + name_start + name_len + k + 1, kind)),
            (None, '<' | '\n') => return None,
            _ => {}
        }
    }
    None
}

/// `s` without its tags (a block tag becomes a space): for a title given apart from the text,
/// whose offsets nothing keeps.
pub fn strip_markup(s: &str) -> String {
    if !s.contains('<') {
        return s.to_string();
    }
    let src: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < src.len() {
        match tag_end(&src, i) {
            Some((e, tag)) => {
                if tag == Tag::Break && !out.ends_with(' ') {
                    out.push(' ');
                }
                i = e;
            }
            None => {
                out.push(src[i]);
                i += 1;
            }
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<(String, Tag)> {
        let src: Vec<char> = s.chars().collect();
        tag_end(&src, 0).map(|(e, t)| (src[..e].iter().collect(), t))
    }

    #[test]
    fn tags_and_comments_are_read_and_text_is_not() {
        assert_eq!(at("<b>Lê</b>"), Some(("<b>".into(), Tag::Nothing)));
        assert_eq!(at("</B> Văn"), Some(("</B>".into(), Tag::Nothing)));
        assert_eq!(at("<br/>x"), Some(("<br/>".into(), Tag::Break)));
        assert_eq!(
            at("<a href=\"/x?a>b\" class='c'>Hà Nội</a>"),
            Some(("<a href=\"/x?a>b\" class='c'>".into(), Tag::Nothing))
        );
        assert_eq!(at("<p class=x>"), Some(("<p class=x>".into(), Tag::Break)));
        assert_eq!(
            at("<!-- ad -->x"),
            Some(("<!-- ad -->".into(), Tag::Nothing))
        );
        // Negative: comparisons and words that are no element.
        assert_eq!(at("< b"), None);
        assert_eq!(at("<5 tuổi"), None);
        assert_eq!(at("<Hà Nội>"), None);
        assert_eq!(at("<bx>"), None);
        // Boundary: a tag not closed on its line, or closed too far away, is text.
        assert_eq!(at("<b class=x\n>"), None);
        assert_eq!(at(&format!("<b {}>", "x".repeat(MAX_TAG))), None);
        assert_eq!(at("<b"), None);
    }

    #[test]
    fn a_title_loses_its_tags() {
        assert_eq!(
            strip_markup("Bà <b>Bùi Thị Minh Hoài</b> giữ chức<br>Bí thư"),
            "Bà Bùi Thị Minh Hoài giữ chức Bí thư"
        );
        assert_eq!(strip_markup("a < b và c > d"), "a < b và c > d");
    }
}
