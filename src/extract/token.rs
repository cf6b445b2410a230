//! Tokens: words (syllables) and punctuation, with byte spans into the normalised text.

use crate::extract::lexicon::{Step, Table, COMBINED, TABLES};
use crate::extract::organization::Parsed;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

/// A token of a [`Tokens`]: its text and key are slices of the buffers its [`Toks`] owns (no
/// allocation a token: two strings a token were a tenth of extraction, issue 30), read through
/// [`Tok::text`] and [`Tok::key`]. A `Tok` exists only inside a [`Toks`], which hands out no
/// more than shared references to it: the buffers outlive every `&Tok`.
pub struct Tok {
    pub span: Range<usize>,
    /// `text_len` bytes of UTF-8 at `text`, in the text [`Toks`] holds.
    text: *const u8,
    text_len: u32,
    /// `key_len` bytes of UTF-8 at `key`, in the keys [`Toks`] holds (or a static string).
    key: *const u8,
    key_len: u32,
    pub word: bool,
    /// Removed from reading (a byline, a quoted title): kept so that positions stay stable.
    pub hidden: bool,
    /// What the rules ask of a token's case, read once from the text (see [`push_key`]): the
    /// rules ask it of every token several times.
    case: u8,
}

// SAFETY: a `Tok` only points into the immutable buffers of the `Toks` that holds it, which
// moves with it; nothing is shared that a thread could write.
unsafe impl Send for Tok {}
// SAFETY: as above: the data a `&Tok` reads is never written after the `Toks` is made.
unsafe impl Sync for Tok {}

impl std::fmt::Debug for Tok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tok")
            .field("span", &self.span)
            .field("text", &self.text())
            .field("key", &self.key())
            .field("word", &self.word)
            .field("hidden", &self.hidden)
            .finish()
    }
}

/// The tokens of a text, with the text and the keys their [`Tok`]s point into. Read as a slice
/// of [`Tok`] (it derefs to one); nothing outside this module makes or changes one, so that
/// no `Tok` is ever moved away from the buffers it reads.
pub struct Toks {
    list: Vec<Tok>,
    /// A copy of the text the tokens were cut from: the `Tok`s point into it.
    _text: Box<str>,
    /// The tokens' keys joined by single spaces (`–` read as `-`): the `Tok`s point into it
    /// and look-ups slice it.
    keys: String,
}

impl std::ops::Deref for Toks {
    type Target = [Tok];
    #[inline]
    fn deref(&self) -> &[Tok] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a Toks {
    type Item = &'a Tok;
    type IntoIter = std::slice::Iter<'a, Tok>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

/// [`Tok::is_cap`].
const CAP: u8 = 1;
/// [`Tok::is_name_syllable`].
const NAME_SYLLABLE: u8 = 2;
/// [`Tok::is_capitals`].
const CAPITALS: u8 = 4;
/// [`Tok::abbreviation_in_lower_case`], marked by [`Tokens::new`] where a token's key is a word
/// of an entry (no other token is in an entry found).
const ABBREVIATION_IN_LOWER_CASE: u8 = 8;

impl Tok {
    /// The token as written.
    #[inline]
    pub fn text(&self) -> &str {
        // SAFETY: `text_len` bytes at `text` are a whole token of the UTF-8 text the `Toks`
        // holding `self` owns and never changes; `&self` borrows that `Toks`.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                self.text,
                self.text_len as usize,
            ))
        }
    }
    /// Lower case, for lexicon look-ups ([`crate::normalize::segment_key`] of the text).
    #[inline]
    pub fn key(&self) -> &str {
        // SAFETY: `key_len` bytes at `key` are a whole key pushed as a `&str` into the keys the
        // `Toks` holding `self` owns and never changes (or a static string).
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                self.key,
                self.key_len as usize,
            ))
        }
    }
    #[inline]
    pub fn is_cap(&self) -> bool {
        self.case & CAP != 0
    }
    /// A capitalised syllable of a name: `Hải`, `S`, not `HĐND`.
    /// A capitalised syllable: `Hải`, also the apostrophe names of the Central Highlands, where
    /// the part after the apostrophe may be capitalised too (`H'Drai`, `M'gar`).
    #[inline]
    pub fn is_name_syllable(&self) -> bool {
        self.case & NAME_SYLLABLE != 0
    }
    /// A word of two or more letters, all capitals: `TRẦN`, `HĐND`.
    #[inline]
    pub fn is_capitals(&self) -> bool {
        self.case & CAPITALS != 0
    }
    /// An abbreviation's key not written in capitals (`tu`): no lexicon entry (see
    /// [`Tokens::longest`]). What [`Tokens::new`] marks (`ABBREVIATION_IN_LOWER_CASE`) on the
    /// tokens whose key is a word of an entry; the tests hold the mark to it.
    #[cfg(test)]
    fn abbreviation_in_lower_case(&self) -> bool {
        self.word
            && ABBREVIATION.contains(self.key())
            && self.text().chars().any(char::is_lowercase)
    }
    #[inline]
    pub fn is(&self, s: &str) -> bool {
        self.key() == s
    }
    /// Sentence end: `.`, `!`, `?`, `…`, a line break.
    #[inline]
    pub fn ends_sentence(&self) -> bool {
        !self.word && matches!(self.text(), "." | "!" | "?" | "…" | "\n")
    }
}

/// What a token's case is made of, for a character: [`UPPER`], [`LOWER`], [`ALPHABETIC`].
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const ALPHABETIC: u8 = 4;

/// For the Latin letters of Vietnamese (indexed by [`crate::normalize::latin`]): the lower case
/// where it is one character (`'\0'` where it is not) and the character's [`UPPER`], [`LOWER`]
/// and [`ALPHABETIC`]: what the standard library would search its tables for, once.
static LATIN_CASE: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    crate::normalize::latin_table(|c| {
        let mut l = c.to_lowercase();
        let lower = match (l.next(), l.next()) {
            (Some(one), None) => one,
            _ => '\0',
        };
        (lower, char_case(c))
    })
});

fn char_case(c: char) -> u8 {
    let mut f = 0;
    if c.is_uppercase() {
        f |= UPPER;
    }
    if c.is_lowercase() {
        f |= LOWER;
    }
    if c.is_alphabetic() {
        f |= ALPHABETIC;
    }
    f
}

/// Pushes the key of token `t` ([`crate::normalize::segment_key`]: its lower case, `’` read as
/// `'`) to `keys` and returns its case bits (`CAP`, `NAME_SYLLABLE`, `CAPITALS`). A token that
/// does not start with a capital (most of them) has none of the three: its key is its text,
/// copied, with ASCII capitals lowered, where every other character is its own lower case.
fn push_key(t: &str, word: bool, keys: &mut String) -> u8 {
    let first_upper = match t.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => t.chars().next().is_some_and(|c| {
            crate::normalize::latin(c)
                .map_or_else(|| c.is_uppercase(), |at| LATIN_CASE[at].1 & UPPER != 0)
        }),
    };
    if first_upper {
        return push_cased_key(t, word, keys);
    }
    let start = keys.len();
    // Lowered as it is copied (copied, then read back and lowered, each token's bytes waited
    // for the copy's wide stores).
    // SAFETY: each ASCII byte becomes an ASCII byte and every other byte stays: `t`'s UTF-8,
    // whole characters, stays whole.
    unsafe { keys.as_mut_vec() }.extend(t.bytes().map(|b| b.to_ascii_lowercase()));
    if !t.is_ascii() {
        let table = &*LATIN_CASE;
        let own =
            |c: char| c.is_ascii() || crate::normalize::latin(c).is_some_and(|at| table[at].0 == c);
        if !t.chars().all(own) {
            keys.truncate(start);
            return push_cased_key(t, word, keys);
        }
    }
    0
}

/// [`push_key`] of a token whose case is read: each character read once (the key, then the
/// case read character by character four times over, were a tenth of extraction).
fn push_cased_key(t: &str, word: bool, keys: &mut String) -> u8 {
    let start = keys.len();
    let table = &*LATIN_CASE;
    // The case: the first character's, whether the others make a name syllable, whether all
    // are capital letters.
    let mut first = 0u8;
    let mut n = 0usize;
    let mut name = true;
    let mut after_apostrophe = false;
    let mut capitals = true;
    for c in t.chars() {
        let f = if c.is_ascii() {
            keys.push(c.to_ascii_lowercase());
            match c {
                'A'..='Z' => UPPER | ALPHABETIC,
                'a'..='z' => LOWER | ALPHABETIC,
                _ => 0,
            }
        } else {
            match crate::normalize::latin(c).map(|at| table[at]) {
                Some((l, f)) if l != '\0' => {
                    keys.push(l);
                    f
                }
                // The capital sigma's lower case depends on where it stands: the standard
                // library's lower case of the whole token, as `segment_key` has it.
                _ if c == 'Σ' => {
                    keys.truncate(start);
                    let key = crate::normalize::segment_key(t);
                    keys.push_str(&key);
                    return case_of(t, word);
                }
                _ => {
                    for l in c.to_lowercase() {
                        keys.push(if l == '’' { '\'' } else { l });
                    }
                    char_case(c)
                }
            }
        };
        if n == 0 {
            first = f;
        } else if name {
            let apostrophe = matches!(c, '\'' | '’');
            name = f & LOWER != 0
                || (after_apostrophe && f & UPPER != 0)
                || (apostrophe && !after_apostrophe);
            after_apostrophe = apostrophe;
        }
        capitals &= f & (UPPER | ALPHABETIC) == UPPER | ALPHABETIC;
        n += 1;
    }
    // Punctuation has no case, and no abbreviation is punctuation.
    if !word {
        return 0;
    }
    let mut case = 0;
    // Each of the first three starts with a capital.
    if first & UPPER != 0 {
        case |= CAP;
        if name {
            case |= NAME_SYLLABLE;
        }
        if capitals && n > 1 {
            case |= CAPITALS;
        }
    }
    case
}

#[cfg(test)]
static ABBREVIATION: LazyLock<rustc_hash::FxHashSet<&str>> =
    LazyLock::new(|| crate::extract::lexicon::ABBREVIATIONS.into_iter().collect());

/// A token's case bits read from its text as it stands (the sigma's case in [`push_key`]).
fn case_of(text: &str, word: bool) -> u8 {
    if !word {
        return 0;
    }
    let mut case = 0;
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
        if text.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) && text.chars().count() > 1 {
            case |= CAPITALS;
        }
    }
    case
}

/// A table's entries in a text: (first token, token after the last, pattern in the table), by
/// first token and then longest first.
type Hits = Vec<(u32, u32, u32)>;

pub struct Tokens {
    pub toks: Toks,
    /// The byte offset of each token's key in the keys, and their length + 1 after the last.
    at: Vec<u32>,
    /// Per lexicon table (by id), its entries found in the keys at token boundaries (see
    /// [`Hits`]), for every table in one pass.
    found: Vec<Hits>,
    /// Per token, the tables with an entry starting there (bit `id`).
    starts: Vec<u16>,
    /// The bodies [`crate::extract::organization::parse`] read at a token (by token and whether
    /// a body in lower case was let match), kept for the article: the offices, the context and
    /// the organisations parse the same bodies again and again.
    pub(crate) bodies: RefCell<FxHashMap<(u32, bool), Option<Parsed>>>,
}

impl Tokens {
    /// The tokens of a canonical text (a [`crate::normalize::Text`], a lexicon entry), those
    /// starting inside `skip` hidden.
    pub fn new(text: &str, skip: &[Range<usize>]) -> Tokens {
        let copy: Box<str> = text.into();
        let base = copy.as_ptr();
        let mut list: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
        let mut keys = String::with_capacity(text.len() + text.len() / 4 + 8);
        let mut at: Vec<u32> = Vec::with_capacity(text.len() / 4 + 2);
        crate::normalize::each_segment(&copy, |span, word| {
            if !keys.is_empty() {
                keys.push(' ');
            }
            let k = keys.len();
            at.push(k as u32);
            let text = &copy[span.clone()];
            let case = push_key(text, word, &mut keys);
            if text == "–" {
                keys.truncate(k);
                keys.push('-');
            }
            list.push(Tok {
                hidden: skip.iter().any(|r| r.contains(&span.start)),
                // SAFETY: `span` is a range of `copy`, which the `Toks` below keeps.
                text: unsafe { base.add(span.start) },
                text_len: span.len() as u32,
                key: std::ptr::null(),
                key_len: 0,
                span,
                word,
                case,
            });
        });
        at.push(keys.len() as u32 + 1);
        // The keys are whole now (no more growing): each token points at its own.
        for (i, t) in list.iter_mut().enumerate() {
            let (a, b) = (at[i] as usize, at[i + 1] as usize - 1);
            if t.text() == "–" {
                // `–`, whose key is itself (`-` only in the joined keys).
                t.key = "–".as_ptr();
                t.key_len = 3;
            } else {
                t.key = keys[a..b].as_ptr();
                t.key_len = (b - a) as u32;
            }
        }
        let mut tokens = Tokens {
            toks: Toks {
                list,
                _text: copy,
                keys,
            },
            at,
            found: Vec::new(),
            starts: Vec::new(),
            bodies: RefCell::default(),
        };
        // Every article asks the tables at every token: found once, at the start.
        let abbreviations;
        (tokens.found, tokens.starts, abbreviations) = tokens.find_all_marked();
        for a in abbreviations {
            tokens.toks.list[a as usize].case |= ABBREVIATION_IN_LOWER_CASE;
        }
        tokens
    }

    /// The keys of all tokens joined by single spaces.
    pub fn key_text(&self) -> &str {
        &self.toks.keys
    }

    /// The keys of tokens `a..b` joined by single spaces (`b > a`).
    #[inline]
    pub fn key(&self, a: usize, b: usize) -> &str {
        &self.toks.keys[self.at[a] as usize..self.at[b] as usize - 1]
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

    /// Whether an entry of the table starts at token `i` (every table is one of [`COMBINED`]'s:
    /// the lexicon checks it once, as its tables are made).
    #[inline]
    fn starts_at<T>(&self, table: &Table<T>, i: usize) -> bool {
        self.starts.get(i).is_some_and(|m| m & 1 << table.id != 0)
    }

    /// Every table's entries in the text, by [`COMBINED`]'s trie: from each token whose key
    /// starts an entry, token by token as long as an entry goes on with the next key.
    #[cfg(test)]
    fn find_all(&self) -> (Vec<Hits>, Vec<u16>) {
        let (found, starts, _) = self.find_all_marked();
        (found, starts)
    }

    /// [`Tokens::find_all`], with the tokens whose key is an abbreviation's word of an entry,
    /// written with a lower-case letter (`Tok::abbreviation_in_lower_case`): an entry found is
    /// made of such words only, so no other token is asked. Read here from the word's number
    /// (the key is looked up once a token anyway), not asked again of every token of every
    /// entry [`Tokens::longest`] tries (a hash of the key each time, 1.2% of press's
    /// extraction).
    fn find_all_marked(&self) -> (Vec<Hits>, Vec<u16>, Vec<u32>) {
        const _: () = assert!(TABLES <= 16, "a table's bit in a u16");
        let combined = &*COMBINED;
        let n = self.toks.len();
        // Each token's key as the joined keys have it (`–` read as `-`) as an entries' word,
        // with the step from the trie's root on it (most keys are in no entry).
        let keys = &self.toks.keys;
        let words: Vec<Option<(u32, Option<Step>)>> = (0..n)
            .map(|i| combined.word(keys, self.at[i] as usize, self.at[i + 1] as usize - 1))
            .collect();
        let mut found: Vec<Hits> = vec![Vec::new(); TABLES];
        let mut starts = vec![0u16; n];
        let mut abbreviations = Vec::new();
        for a in 0..n {
            if let Some((w, _)) = words[a] {
                let t = &self.toks[a];
                if combined.is_abbreviation(w) && t.word && t.text().chars().any(char::is_lowercase)
                {
                    abbreviations.push(a as u32);
                }
            }
            let Some((_, Some(mut step))) = words[a] else {
                continue;
            };
            let mut b = a + 1;
            loop {
                for &(table, p) in combined.ends(step) {
                    found[table as usize].push((a as u32, b as u32, p));
                    starts[a] |= 1 << table;
                }
                let Some(next) = words
                    .get(b)
                    .copied()
                    .flatten()
                    .and_then(|(w, _)| combined.step(step, w))
                else {
                    break;
                };
                step = next;
                b += 1;
            }
        }
        for out in &mut found {
            out.sort_unstable_by_key(|&(a, b, p)| (a, std::cmp::Reverse(b), p));
        }
        (found, starts, abbreviations)
    }

    /// Every table's entries in the text as [`Tokens::find_all`] found them before its trie of
    /// tokens: an unanchored overlapping Aho-Corasick scan of every byte of the keys, the
    /// matches at token boundaries kept. What the tests hold the trie to.
    #[cfg(test)]
    fn find_all_unanchored(&self) -> (Vec<Hits>, Vec<u16>) {
        let combined = &*COMBINED;
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&combined.patterns)
            .expect("lexicon automaton");
        let token_at = |b: usize| self.at.binary_search(&(b as u32)).ok();
        let keys = self.toks.keys.as_bytes();
        let mut found: Vec<Hits> = vec![Vec::new(); TABLES];
        let mut starts = vec![0u16; self.toks.len()];
        for m in ac.find_overlapping_iter(&self.toks.keys) {
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
        // A body read before may run into what is hidden now.
        self.bodies.get_mut().clear();
        for t in &mut self.toks.list {
            if ranges.iter().any(|r| r.contains(&t.span.start)) {
                t.hidden = true;
            }
        }
        self
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i).filter(|t| !t.hidden)
    }

    #[inline]
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.get(i).is_some_and(|t| t.is(w))
    }

    #[inline]
    pub fn is_punct(&self, i: usize, p: &[&str]) -> bool {
        self.get(i)
            .is_some_and(|t| !t.word && p.contains(&t.text()))
    }

    /// The byte span from token `a` to token `b` (exclusive).
    #[inline]
    pub fn span(&self, a: usize, b: usize) -> Range<usize> {
        let s = self.toks[a].span.start;
        let e = self.toks[b.max(a + 1) - 1].span.end;
        s..e
    }

    /// The words `a..b` as written, joined by single spaces.
    pub fn words(&self, a: usize, b: usize) -> String {
        self.toks[a..b]
            .iter()
            .map(|t| t.text())
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
                        t.word || (j > i && matches!(t.text(), "," | "-" | "–" | "&"))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_key` reads each character once; `segment_key` and `case_of` read the token as it
    /// stands: the same key and case on every character up to U+3000, alone and inside words.
    #[test]
    fn the_key_and_case_read_in_one_pass_are_those_read_apart() {
        let fixed = [
            "Hải",
            "HĐND",
            "H'Drai",
            "H’Drai",
            "M'gar",
            "M''a",
            "ΣΑΣ",
            "ΌΣΟΣ",
            "İstanbul",
            "TP.HCM",
            "ẞ",
            "a’’b",
            "Đ/c",
            "16/3",
            "x",
            "",
        ];
        let texts = crate::normalize::around_every_char(&fixed, |c| {
            vec![
                format!("{c}"),
                format!("{c}ab"),
                format!("A{c}b"),
                format!("AB{c}"),
                format!("A'{c}"),
                format!("{c}{c}"),
            ]
        });
        for t in &texts {
            for word in [true, false] {
                let mut keys = String::from("x ");
                let case = push_key(t, word, &mut keys);
                assert_eq!(&keys[2..], crate::normalize::segment_key(t), "{t:?}");
                assert_eq!(case, case_of(t, word), "{t:?} word {word}");
            }
        }
    }

    /// A token's text and key are slices of the buffers its tokens hold: they stay right after
    /// the tokens are moved, and `–` keeps its own key while the joined keys read it as `-`.
    #[test]
    fn a_token_reads_its_text_and_key_where_its_tokens_keep_them() {
        let text = String::from("Ủy ban – UBND TP.HCM’s");
        let t = Tokens::new(&text, &[]);
        drop(text);
        let moved = t.without(&[]);
        let texts: Vec<&str> = moved.toks.iter().map(|t| t.text()).collect();
        let keys: Vec<&str> = moved.toks.iter().map(|t| t.key()).collect();
        assert_eq!(texts, ["Ủy", "ban", "–", "UBND", "TP.HCM’s"]);
        assert_eq!(keys, ["ủy", "ban", "–", "ubnd", "tp.hcm's"]);
        assert_eq!(moved.key_text(), "ủy ban - ubnd tp.hcm's");
        assert_eq!(moved.key(2, 4), "- ubnd");
    }

    /// The trie of tokens finds what the unanchored scan of every byte found at token
    /// boundaries, in the same order: on the example articles (whole, line by line and
    /// sentence by sentence) and on every lexicon entry written after a word, capitalised.
    #[test]
    fn the_trie_of_tokens_finds_what_the_scan_of_every_byte_found() {
        let mut texts = Vec::new();
        for text in crate::extract::example_texts() {
            for line in text.lines() {
                texts.extend(line.split(". ").map(String::from));
                texts.push(line.to_string());
            }
            texts.push(text);
        }
        assert!(texts.len() > 400, "{} texts", texts.len());
        let entries: Vec<String> = COMBINED
            .patterns
            .iter()
            .map(|p| format!("ông {}", p.to_uppercase()))
            .collect();
        texts.push(entries.join(" , "));
        texts.push(entries.join(" "));
        texts.push("a–b – –".into());
        texts.push(String::new());
        let mut hits = 0;
        for text in &texts {
            let t = Tokens::new(text, &[]);
            let (found, starts) = t.find_all();
            assert_eq!(
                (&found, &starts),
                (&t.found, &t.starts),
                "what Tokens::new keeps"
            );
            assert_eq!((found, starts), t.find_all_unanchored(), "{text:?}");
            hits += t.found.iter().map(Vec::len).sum::<usize>();
        }
        assert!(hits > 5_000, "{hits} entries found");
    }

    /// The abbreviations in lower case marked once a token are those `abbreviation_in_lower_case`
    /// tells, on every token of an entry found (the only ones `longest` asks), on every token
    /// whose key is an entry's word, and on none other: in the example articles and in every
    /// abbreviation written in capitals, in lower case and capitalised, as words and inside
    /// entries (`UBND tỉnh`, `ubnd tỉnh`, `Ubnd tỉnh`).
    #[test]
    fn an_abbreviation_in_lower_case_is_marked_where_it_was_asked() {
        use crate::extract::lexicon::ABBREVIATIONS;
        let mut texts = crate::extract::example_texts();
        let mut cased = Vec::new();
        for a in ABBREVIATIONS {
            let mut c = a.chars();
            let capitalised: String = c
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(c)
                .collect();
            for w in [a.to_uppercase(), a.to_string(), capitalised] {
                cased.push(format!("{w} tỉnh Nghệ An, Ban {w}, {w}."));
            }
        }
        texts.push(cased.join(" "));
        let (mut marked, mut in_entries) = (0, 0);
        for text in &texts {
            let t = Tokens::new(text, &[]);
            let mut in_entry = vec![false; t.len()];
            for hits in &t.found {
                for &(a, b, _) in hits {
                    in_entry[a as usize..b as usize].fill(true);
                }
            }
            for (i, tok) in t.toks.iter().enumerate() {
                let mark = tok.case & ABBREVIATION_IN_LOWER_CASE != 0;
                let word = COMBINED
                    .word(&t.toks.keys, t.at[i] as usize, t.at[i + 1] as usize - 1)
                    .is_some();
                if word || in_entry[i] {
                    assert_eq!(
                        mark,
                        tok.abbreviation_in_lower_case(),
                        "{tok:?} in {text:?}"
                    );
                } else {
                    assert!(!mark, "{tok:?}");
                }
                assert!(
                    word || !in_entry[i],
                    "{tok:?} in an entry, not a word of one"
                );
                marked += usize::from(mark);
                in_entries += usize::from(in_entry[i] && tok.abbreviation_in_lower_case());
            }
        }
        assert!(
            marked > 40 && in_entries > 10,
            "{marked} marked, {in_entries} in entries"
        );
    }

    #[test]
    fn words_and_punctuation() {
        let t = Tokens::new("Đ/c Hải - Bí thư TP.HCM, ngày 16/3.", &[]);
        let w: Vec<&str> = t.toks.iter().map(|t| t.text()).collect();
        assert_eq!(
            w,
            ["Đ/c", "Hải", "-", "Bí", "thư", "TP.HCM", ",", "ngày", "16/3", "."]
        );
    }
}
