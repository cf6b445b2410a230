//! Tokens: words (syllables) and punctuation, with byte spans into the normalised text.

use crate::lexicon::{Table, ABBREVIATIONS};
use crate::normalize::key;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Range<usize>,
    pub text: String,
    /// Lower case, for lexicon look-ups.
    pub key: String,
    pub word: bool,
    /// Removed from reading (a byline, a quoted title): kept so that positions stay stable.
    pub hidden: bool,
}

impl Tok {
    pub fn is_cap(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// A capitalised syllable of a name: `Hải`, `S`, not `HĐND`.
    pub fn is_name_syllable(&self) -> bool {
        let mut c = self.text.chars();
        self.word
            && c.next().is_some_and(char::is_uppercase)
            && c.all(char::is_lowercase)
            && !self.text.chars().any(|c| c.is_ascii_digit())
    }
    pub fn is(&self, s: &str) -> bool {
        self.key == s
    }
    /// Sentence end: `.`, `!`, `?`, `…`, a line break.
    pub fn ends_sentence(&self) -> bool {
        !self.word && matches!(self.text.as_str(), "." | "!" | "?" | "…" | "\n")
    }
}

pub struct Tokens {
    pub toks: Vec<Tok>,
    text: String,
}

impl Tokens {
    pub fn new(text: &str, skip: &[Range<usize>]) -> Tokens {
        let mut toks = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (b, c) = chars[i];
            if c.is_alphanumeric() {
                let mut j = i + 1;
                while j < chars.len() {
                    let cj = chars[j].1;
                    // `đ/c`, `TP.HCM`, `T.N` stay one token; `Tỉnh.` does not.
                    let inner = matches!(cj, '.' | '/' | '\'')
                        && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric())
                        && !(cj == '.' && chars.get(j + 1).is_some_and(|n| n.1.is_lowercase()));
                    if cj.is_alphanumeric() || inner {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let end = chars.get(j).map(|x| x.0).unwrap_or(text.len());
                toks.push(Tok::new(text, b..end, true));
                i = j;
            } else if c.is_whitespace() && c != '\n' {
                i += 1;
            } else {
                toks.push(Tok::new(text, b..b + c.len_utf8(), false));
                i += 1;
            }
        }
        for t in &mut toks {
            t.hidden = skip.iter().any(|r| r.contains(&t.span.start));
        }
        Tokens {
            toks,
            text: text.to_string(),
        }
    }

    /// The same tokens with those inside `ranges` hidden.
    pub fn without(mut self, ranges: &[Range<usize>]) -> Tokens {
        for t in &mut self.toks {
            if ranges.iter().any(|r| r.contains(&t.span.start)) {
                t.hidden = true;
            }
        }
        self
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i).filter(|t| !t.hidden)
    }

    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.get(i).is_some_and(|t| t.is(w))
    }

    pub fn is_punct(&self, i: usize, p: &[&str]) -> bool {
        self.get(i)
            .is_some_and(|t| !t.word && p.contains(&t.text.as_str()))
    }

    /// The byte span from token `a` to token `b` (exclusive).
    pub fn span(&self, a: usize, b: usize) -> Range<usize> {
        let s = self.toks[a].span.start;
        let e = self.toks[b.max(a + 1) - 1].span.end;
        s..e
    }

    /// The words `a..b` as written, joined by single spaces.
    pub fn words(&self, a: usize, b: usize) -> String {
        self.toks[a..b]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The longest lexicon entry starting at `i`: its value and the index after it.
    /// Abbreviations match only in capitals; `case` false lets lower-case text match.
    pub fn longest<'a, T>(&self, table: &'a Table<T>, i: usize) -> Option<(&'a T, usize)> {
        // Candidate ends: after each word, within the table's longest entry. Commas and dashes
        // may stand inside an entry (`Văn hóa, Thể thao và Du lịch`); keys are the text's own.
        let mut ends: Vec<usize> = Vec::new();
        let mut words = 0;
        let mut j = i;
        while j < self.len() && words < table.max_words {
            match self.get(j) {
                Some(t) if t.word => {
                    words += 1;
                    ends.push(j + 1);
                }
                Some(t) if j > i && matches!(t.text.as_str(), "," | "-" | "–") => {}
                _ => break,
            }
            j += 1;
        }
        let start = match self.get(i) {
            Some(t) if t.word && table.first.contains(&t.key) => t.span.start,
            _ => return None,
        };
        for &e in ends.iter().rev() {
            let n = e - i;
            // The text is already normalised (NFC, canonical tones, single spaces): lower case suffices.
            let k = self.text[start..self.toks[e - 1].span.end]
                .to_lowercase()
                .replace(" ,", ",")
                .replace('–', "-");
            if let Some(v) = table.map.get(&k) {
                let abbrev_ok = (i..i + n).all(|j| {
                    let t = &self.toks[j];
                    !ABBREVIATIONS.contains(&t.key.as_str())
                        || t.text.chars().all(|c| !c.is_lowercase())
                });
                if abbrev_ok {
                    return Some((v, i + n));
                }
            }
        }
        None
    }
}

impl Tok {
    fn new(text: &str, span: Range<usize>, word: bool) -> Tok {
        let t = text[span.clone()].to_string();
        Tok {
            key: key(&t),
            text: t,
            span,
            word,
            hidden: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punctuation() {
        let t = Tokens::new("Đ/c Hải - Bí thư TP.HCM, ngày 16/3.", &[]);
        let w: Vec<&str> = t.toks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            w,
            ["Đ/c", "Hải", "-", "Bí", "thư", "TP.HCM", ",", "ngày", "16/3", "."]
        );
    }
}
