//! Tokens: words (syllables) and punctuation, with byte spans into the normalised text.

use crate::extract::lexicon::{Table, ABBREVIATIONS, COMBINED, TABLES};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Range<usize>,
    pub text: String,
    /// Lower case, for lexicon look-ups.
    pub key: String,
    pub word: bool,
    /// Removed from reading (a byline, a quoted title): kept so that positions stay stable.
    pub hidden: bool,
    /// What the rules ask of a token's case, read once from `text` (see [`Tok::new`]): the
    /// rules ask it of every token several times.
    case: u8,
}

/// [`Tok::is_cap`].
const CAP: u8 = 1;
/// [`Tok::is_name_syllable`].
const NAME_SYLLABLE: u8 = 2;
/// [`Tok::is_capitals`].
const CAPITALS: u8 = 4;
/// An abbreviation's key not written in capitals (`tu`): no lexicon entry (see
/// [`Tokens::longest`]).
const ABBREVIATION_IN_LOWER_CASE: u8 = 8;

impl Tok {
    pub fn is_cap(&self) -> bool {
        self.case & CAP != 0
    }
    /// A capitalised syllable of a name: `Hải`, `S`, not `HĐND`.
    /// A capitalised syllable: `Hải`, also the apostrophe names of the Central Highlands, where
    /// the part after the apostrophe may be capitalised too (`H'Drai`, `M'gar`).
    pub fn is_name_syllable(&self) -> bool {
        self.case & NAME_SYLLABLE != 0
    }
    /// A word of two or more letters, all capitals: `TRẦN`, `HĐND`.
    pub fn is_capitals(&self) -> bool {
        self.case & CAPITALS != 0
    }
    fn case_of(text: &str, key: &str, word: bool) -> u8 {
        // Punctuation has no case, and no abbreviation is punctuation.
        if !word {
            return 0;
        }
        let mut case = 0;
        // Each of the first three starts with a capital.
        if text.chars().next().is_some_and(char::is_uppercase) {
            case |= CAP;
            let mut c = text.chars().skip(1);
            let mut after_apostrophe = false;
            if c.all(|c| {
                let ok = c.is_lowercase()
                    || (after_apostrophe && c.is_uppercase())
                    || (matches!(c, '\'' | '’') && !after_apostrophe);
                after_apostrophe = matches!(c, '\'' | '’');
                ok
            }) {
                case |= NAME_SYLLABLE;
            }
            // `char::is_alphabetic` by table for the Latin letters: the standard library
            // searches its tables for every letter beyond ASCII.
            static ALPHABETIC: LazyLock<Vec<bool>> =
                LazyLock::new(|| crate::normalize::latin_table(char::is_alphabetic));
            let alphabetic = |c: char| {
                crate::normalize::latin(c).map_or_else(|| c.is_alphabetic(), |at| ALPHABETIC[at])
            };
            if text.chars().all(|c| alphabetic(c) && c.is_uppercase()) && text.chars().count() > 1 {
                case |= CAPITALS;
            }
        }
        static ABBREVIATION: LazyLock<FxHashSet<&str>> =
            LazyLock::new(|| ABBREVIATIONS.into_iter().collect());
        if ABBREVIATION.contains(key) && text.chars().any(char::is_lowercase) {
            case |= ABBREVIATION_IN_LOWER_CASE;
        }
        case
    }
    pub fn is(&self, s: &str) -> bool {
        self.key == s
    }
    /// Sentence end: `.`, `!`, `?`, `…`, a line break.
    pub fn ends_sentence(&self) -> bool {
        !self.word && matches!(self.text.as_str(), "." | "!" | "?" | "…" | "\n")
    }
}

/// A table's entries in a text: (first token, token after the last, pattern in the table), by
/// first token and then longest first.
type Hits = Vec<(u32, u32, u32)>;

pub struct Tokens {
    pub toks: Vec<Tok>,
    /// The tokens' keys joined by single spaces (`–` read as `-`): look-ups slice it.
    keys: String,
    /// The byte offset of each token's key in `keys`, and `keys.len() + 1` after the last.
    at: Vec<u32>,
    /// Per lexicon table (by id), its entries found in `keys` at token boundaries (see
    /// [`Hits`]), for every table in one pass.
    found: Vec<Hits>,
    /// Per token, the tables with an entry starting there (bit `id`).
    starts: Vec<u16>,
    /// The tables [`COMBINED`] holds (bit `id`).
    covered: u16,
}

impl Tokens {
    /// The tokens of a canonical text (a [`crate::normalize::Text`], a lexicon entry), those
    /// starting inside `skip` hidden.
    pub fn new(text: &str, skip: &[Range<usize>]) -> Tokens {
        let mut toks: Vec<Tok> = crate::normalize::segments(text)
            .into_iter()
            .map(|(span, word)| Tok::new(text, span, word))
            .collect();
        let mut keys = String::with_capacity(text.len() + toks.len());
        let mut at = Vec::with_capacity(toks.len() + 1);
        for t in &mut toks {
            t.hidden = skip.iter().any(|r| r.contains(&t.span.start));
            if !keys.is_empty() {
                keys.push(' ');
            }
            at.push(keys.len() as u32);
            keys.push_str(if t.key == "–" { "-" } else { &t.key });
        }
        at.push(keys.len() as u32 + 1);
        let mut tokens = Tokens {
            toks,
            keys,
            at,
            found: Vec::new(),
            starts: Vec::new(),
            covered: 0,
        };
        // Every article asks the tables at every token: found once, at the start.
        (tokens.found, tokens.starts) = tokens.find_all();
        tokens.covered = (0..TABLES)
            .filter(|&t| COMBINED.covered[t])
            .fold(0, |m, t| m | 1 << t);
        tokens
    }

    /// The keys of all tokens joined by single spaces.
    pub fn key_text(&self) -> &str {
        &self.keys
    }

    /// The keys of tokens `a..b` joined by single spaces (`b > a`).
    pub fn key(&self, a: usize, b: usize) -> &str {
        &self.keys[self.at[a] as usize..self.at[b] as usize - 1]
    }

    /// The table's entries in the text starting at token `i` (see `hits`).
    fn hits<T>(&self, table: &Table<T>, i: usize) -> &[(u32, u32, u32)] {
        if !self.starts_at(table, i) {
            return &[];
        }
        let found = &self.found[table.id];
        let a = found.partition_point(|h| (h.0 as usize) < i);
        let n = found[a..].iter().take_while(|h| h.0 as usize == i).count();
        &found[a..a + n]
    }

    /// Whether an entry of the table starts at token `i` (from the one pass over the article:
    /// without one there, [`Tokens::longest`] finds nothing). For a rule's pre-filter, which skips
    /// the tokens where nothing it reads can start.
    #[inline]
    pub fn starts_entry<T>(&self, table: &Table<T>, i: usize) -> bool {
        self.starts_at(table, i)
    }

    /// Whether an entry of the table starts at token `i`.
    #[inline]
    fn starts_at<T>(&self, table: &Table<T>, i: usize) -> bool {
        let bit = 1u16 << table.id;
        assert!(
            self.covered & bit != 0,
            "a lexicon table missing from lexicon::COMBINED"
        );
        self.starts.get(i).is_some_and(|m| m & bit != 0)
    }

    /// Every table's entries in the text, by one pass of [`COMBINED`] over the keys.
    fn find_all(&self) -> (Vec<Hits>, Vec<u16>) {
        const _: () = assert!(TABLES <= 16, "a table's bit in a u16");
        let combined = &*COMBINED;
        let token_at = |b: usize| self.at.binary_search(&(b as u32)).ok();
        let keys = self.keys.as_bytes();
        let mut found: Vec<Hits> = vec![Vec::new(); TABLES];
        let mut starts = vec![0u16; self.toks.len()];
        for m in combined.ac.find_overlapping_iter(&self.keys) {
            // Tokens' keys hold no spaces: a match at token boundaries has a space (or an end
            // of the keys) on either side.
            let (s, e) = (m.start(), m.end());
            if (s > 0 && keys[s - 1] != b' ') || (e < keys.len() && keys[e] != b' ') {
                continue;
            }
            let (Some(a), Some(b)) = (token_at(s), token_at(e + 1)) else {
                continue;
            };
            let (table, p) = combined.owner[m.pattern().as_usize()];
            found[table as usize].push((a as u32, b as u32, p));
            starts[a] |= 1 << table;
        }
        for out in &mut found {
            out.sort_unstable_by_key(|&(a, b, p)| (a, std::cmp::Reverse(b), p));
        }
        (found, starts)
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
    /// An entry is words, with commas and dashes inside (`Văn hóa, Thể thao và Du lịch`), none
    /// hidden; abbreviations match only in capitals (`UBND`, not a syllable `tu`).
    /// Inlined where it is asked (six times a token): most tokens start no entry of the table.
    #[inline]
    pub fn longest<'a, T>(&self, table: &'a Table<T>, i: usize) -> Option<(&'a T, usize)> {
        if !self.starts_at(table, i) {
            return None;
        }
        self.longest_here(table, i)
    }

    /// [`Tokens::longest`] where an entry of the table starts at `i`.
    #[inline(never)]
    fn longest_here<'a, T>(&self, table: &'a Table<T>, i: usize) -> Option<(&'a T, usize)> {
        if !self.get(i).is_some_and(|t| t.word) {
            return None;
        }
        self.hits(table, i)
            .iter()
            .find(|&&(_, e, _)| {
                let e = e as usize;
                let inner = |j: usize| {
                    self.get(j).is_some_and(|t| {
                        t.word || (j > i && matches!(t.text.as_str(), "," | "-" | "–" | "&"))
                    })
                };
                self.get(e - 1).is_some_and(|t| t.word)
                    && (i..e).all(inner)
                    && self.toks[i..e]
                        .iter()
                        .all(|t| t.case & ABBREVIATION_IN_LOWER_CASE == 0)
            })
            .map(|&(_, e, p)| (table.value(p as usize), e as usize))
    }
}

impl Tok {
    fn new(text: &str, span: Range<usize>, word: bool) -> Tok {
        let t = text[span.clone()].to_string();
        // A token of canonical text is canonical: lower case is its key.
        let key = crate::normalize::segment_key(&t);
        Tok {
            case: Tok::case_of(&t, &key, word),
            key,
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
