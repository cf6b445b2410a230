//! The article texts behind the evidence. The store keeps, for each fact, the words it was read
//! from (`pg:surface`) and their character span (`pg:start`, `pg:end`) in the article's text
//! (`pg:text`): the pages show the sentence around each span and the whole article with its facts
//! marked; for a store without the text (built before it was kept), the words alone.

use crate::normalize::canonical;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The texts of the articles read so far, by article id (`None`: the store has none), at most
/// [`CACHED`] of them.
#[derive(Default)]
pub struct Texts {
    by_id: Mutex<HashMap<String, Option<Arc<str>>>>,
}

/// How many texts [`Texts`] keeps.
const CACHED: usize = 512;

/// A span in its sentence: the text before it, the span, the text after it (each a whole number
/// of characters; cut with `…` past a few hundred characters).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InSentence {
    pub before: String,
    pub mark: String,
    pub after: String,
}

/// A run of an article's text and the facts (indexes into the caller's list) that cover it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    pub text: String,
    pub facts: Vec<usize>,
}

/// How far a sentence reaches on either side of a span, in characters.
const REACH: usize = 300;

impl Texts {
    /// The text of an article, read by `fetch` from the store the first time.
    pub fn get(&self, doc: &str, fetch: impl FnOnce() -> Option<String>) -> Option<Arc<str>> {
        if let Some(t) = self.by_id.lock().expect("texts").get(doc) {
            return t.clone();
        }
        let text: Option<Arc<str>> = fetch().map(Arc::from);
        let mut by_id = self.by_id.lock().expect("texts");
        if by_id.len() >= CACHED {
            by_id.clear();
        }
        by_id.insert(doc.to_string(), text.clone());
        text
    }

    /// The text of an article if it holds `surface` at `start..end` (a store whose facts point
    /// elsewhere would put the marks on other words).
    pub fn text_for(
        &self,
        doc: &str,
        start: usize,
        end: usize,
        surface: &str,
        fetch: impl FnOnce() -> Option<String>,
    ) -> Option<Arc<str>> {
        let text = self.get(doc, fetch)?;
        let span = chars(&text, start, end)?;
        same_words(span, surface).then_some(text)
    }
}

/// Whether two strings are the same words once normalised (the stored words are the
/// normalised text's; the span is the original's).
pub fn same_words(a: &str, b: &str) -> bool {
    canonical(a) == canonical(b)
}

/// Byte offset of character `n` of `s` (its length for `n` = the number of characters).
fn byte_at(s: &str, n: usize) -> Option<usize> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).nth(n)
}

/// Characters `start..end` of `s`.
fn chars(s: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let a = byte_at(s, start)?;
    let b = a + byte_at(&s[a..], end - start)?;
    Some(&s[a..b])
}

/// Whether a sentence ends at character `c` followed by `next`.
fn ends_sentence(c: char, next: Option<char>) -> bool {
    c == '\n' || (matches!(c, '.' | '!' | '?' | '…') && next.is_none_or(char::is_whitespace))
}

/// The sentence around characters `start..end` of `text`, the span apart.
pub fn sentence(text: &str, start: usize, end: usize) -> Option<InSentence> {
    let mark = chars(text, start, end)?.to_string();
    let all: Vec<char> = text.chars().collect();
    let mut from = start;
    while from > 0 && start - from < REACH && !ends_sentence(all[from - 1], all.get(from).copied())
    {
        from -= 1;
    }
    let mut to = end;
    while to < all.len() && to - end < REACH && !ends_sentence(all[to], all.get(to + 1).copied()) {
        to += 1;
    }
    // The sentence's own full stop.
    if to < all.len() && all[to] != '\n' {
        to += 1;
    }
    let mut before: String = all[from..start].iter().collect();
    let mut after: String = all[end..to].iter().collect();
    if start - from >= REACH {
        before.insert(0, '…');
    }
    if to - end > REACH {
        after.push('…');
    }
    Some(InSentence {
        before: before.trim_start().to_string(),
        mark,
        after: after.trim_end().to_string(),
    })
}

/// `text` cut at every start and end of the spans (character offsets), each run with the
/// spans that cover it: overlapping facts (a post held, the person and the body in it) stay
/// visible as runs covered by several.
pub fn segments(text: &str, spans: &[(usize, usize)]) -> Vec<Segment> {
    let n = text.chars().count();
    let mut cuts: Vec<usize> = vec![0, n];
    for &(s, e) in spans {
        if s < e && e <= n {
            cuts.extend([s, e]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    cuts.windows(2)
        .map(|w| Segment {
            text: text[offsets[w[0]]..offsets[w[1]]].to_string(),
            facts: spans
                .iter()
                .enumerate()
                .filter(|(_, &(s, e))| s <= w[0] && w[1] <= e && e <= n)
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Hội nghị khai mạc. Dự có đồng chí Nguyễn Văn Hải - Phó Bí thư Thị ủy; đại diện các ban.\nLê Hồng Hạnh";

    fn at(needle: &str) -> (usize, usize) {
        let b = TEXT.find(needle).unwrap();
        let s = TEXT[..b].chars().count();
        (s, s + needle.chars().count())
    }

    #[test]
    fn the_sentence_around_a_span() {
        let (s, e) = at("Nguyễn Văn Hải - Phó Bí thư Thị ủy");
        let got = sentence(TEXT, s, e).unwrap();
        assert_eq!(got.before, "Dự có đồng chí ");
        assert_eq!(got.mark, "Nguyễn Văn Hải - Phó Bí thư Thị ủy");
        assert_eq!(got.after, "; đại diện các ban.");
        // A line is a sentence: the byline alone.
        let (s, e) = at("Lê Hồng Hạnh");
        let got = sentence(TEXT, s, e).unwrap();
        assert_eq!((got.before.as_str(), got.after.as_str()), ("", ""));
        // Boundary: a span past the end is none.
        assert_eq!(sentence(TEXT, 500, 510), None);
    }

    #[test]
    fn a_long_sentence_is_cut() {
        let long = format!("{} X {}.", "a ".repeat(400), "b ".repeat(400));
        let s = long.find('X').unwrap();
        let got = sentence(&long, s, s + 1).unwrap();
        assert_eq!(got.mark, "X");
        assert!(got.before.starts_with('…') && got.after.ends_with('…'));
        assert!(got.before.chars().count() <= REACH + 1);
    }

    #[test]
    fn segments_keep_overlapping_facts() {
        let office = at("Nguyễn Văn Hải - Phó Bí thư Thị ủy");
        let person = at("Nguyễn Văn Hải");
        let segs = segments(TEXT, &[office, person]);
        let text: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, TEXT);
        let name = segs.iter().find(|s| s.text == "Nguyễn Văn Hải").unwrap();
        assert_eq!(name.facts, [0, 1]);
        let post = segs
            .iter()
            .find(|s| s.text == " - Phó Bí thư Thị ủy")
            .unwrap();
        assert_eq!(post.facts, [0]);
        // Text outside every fact is a run of none; a span past the end is ignored.
        assert!(segs[0].facts.is_empty());
        assert_eq!(segments("abc", &[(1, 9)]).len(), 1);
    }

    #[test]
    fn a_text_whose_spans_point_elsewhere_is_not_used() {
        let t = Texts::default();
        let fetch = || Some(TEXT.to_string());
        let (s, e) = at("Nguyễn Văn Hải");
        assert!(t.text_for("a", s, e, "Nguyễn Văn Hải", fetch).is_some());
        // Read once: the second look-up does not fetch.
        assert!(t
            .text_for("a", s, e, "Nguyễn Văn Hải", || panic!("fetched twice"))
            .is_some());
        // Old-style tones in the stored words are the same words.
        assert!(t.text_for("a", s, e, "Nguyễn Văn Hải", fetch).is_some());
        assert!(t
            .text_for("a", s + 1, e + 1, "Nguyễn Văn Hải", fetch)
            .is_none());
        // An article without a text (a store built before texts were kept).
        assert!(t.text_for("b", s, e, "Nguyễn Văn Hải", || None).is_none());
    }
}
