//! When: the time of a post (EXTRACTION.md §4 "When"), and the words that mark a post as left.
//! A pass over the office facts after [`super::office::extract`]: each fact's evidence span is
//! placed in its sentence and line, and the dates around it are read by these rules, first match
//! wins:
//! - `when.dated_list`: a career list's line `05/2003 - 03/2006: Phó Tư lệnh ...`;
//! - `when.after`: a date right after the post, `giữ chức Hiệu trưởng kể từ ngày 02/11/2023`,
//!   `được bầu làm Chủ tịch UBND TP Hà Nội vào tháng 12/2015`, `từ năm 2015 đến 2020`;
//! - `when.span`: a span opened by `từ` before the post, `Từ tháng 4/2016 ..., ông là Bộ trưởng`;
//! - `when.lead`: the sentence's opening date, `Tháng 2/2019, ông Quang giữ chức ...`;
//! - `when.decision`: the date of the decision the sentence reports, `Quyết định số 1616-QĐNS/TW
//!   ngày 25-10-2024 ... giữ chức`, also from the sentence before when this one goes on with
//!   `Theo đó`;
//! - `when.congress`: a post taken at the congress that opens `nhiệm kỳ 2025-2030` (since 2025);
//! - `when.effective`: the date the decision giving the posts takes effect, stated after them
//!   (`Quyết định trên có hiệu lực thi hành kể từ ngày 18/11/2024`); a roster's posts too.
//!
//! A date is a `since`, or an `until` where the clause leaves the post (`thôi giữ chức`, `nghỉ
//! hưu`, `miễn nhiệm`: `when.left` marks such a post former, as it does a post with an `until`).
//! The cue words are data (`data/lexicon/when.tsv`). Only a post the clause gives (an appointment,
//! a career, a profile) takes the sentence's date: a person's title in apposition is their post
//! at the time, not one they took then. Not a time: a body's term (`nhiệm kỳ 2020-2025` after it),
//! a birth year, a span with no date (`hơn 4 năm`), a planned end (`đến năm 2025` alone).

use super::{Facts, OfficeFact};
use crate::regex;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::util::captures::Captures;
use regex_automata::util::look::LookMatcher;
use regex_automata::{Anchored, Input};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

/// A partial ISO date, as precise as the text: `2019`, `2019-02`, `2019-02-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Partial {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Partial {
    pub fn year(year: i32) -> Partial {
        Partial {
            year,
            month: None,
            day: None,
        }
    }
    pub fn month(year: i32, month: u32) -> Option<Partial> {
        (1..=12).contains(&month).then_some(Partial {
            year,
            month: Some(month),
            day: None,
        })
    }
    pub fn date(d: NaiveDate) -> Partial {
        Partial {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
    /// The lexical form: `2019`, `2019-02`, `2019-02-15`.
    pub fn lexical(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
    /// Reads a lexical form back (a datatype or time part after it is ignored).
    pub fn parse(s: &str) -> Option<Partial> {
        let c = regex!(r#"^\s*"?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"#).captures(s)?;
        let year = c[1].parse().ok()?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        match (num(2), num(3)) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d).map(Partial::date),
            (Some(m), None) => Partial::month(year, m),
            _ => Some(Partial::year(year)),
        }
    }
}

/// The time of one post and the rule that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Time {
    pub since: Option<Partial>,
    pub until: Option<Partial>,
}

const WHEN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/when.tsv"
));

/// The cue words of each kind of `when.tsv`, as one regex a kind (longest first, whole words).
struct Cues {
    start: Words,
    end: Words,
    lead: Regex,
    past: Words,
    onward: Regex,
    then: Regex,
    later: Words,
    opens_past: Regex,
    before_new: Regex,
}

fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    WHEN.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
}

/// One alternation of a kind's phrases, longest first, spaces as any white space.
fn alternation(kind: &str) -> String {
    let mut words: Vec<&str> = rows().filter(|(k, _)| *k == kind).map(|(_, w)| w).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// A regex of whole words, `(?i)\b(?:WORDS)\b`, searched as the regex crate searches it, match
/// after match, but cheaper: the words alone, without the boundaries, are searched first (a lazy
/// DFA's search: Unicode word boundaries keep the regex off its DFA on Vietnamese text, and its
/// search ran its NFA over the whole clause, issue 30), and the whole regex is tried, anchored,
/// only where they match. A match of the regex is one of the words where it starts, so the
/// leftmost start of the words at or after a point is where the regex's next match may start.
struct Words {
    bare: Regex,
    whole: regex_automata::meta::Regex,
}

/// A match of [`Words`]: its byte range in the haystack.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    range: Range<usize>,
}

impl Found {
    fn start(&self) -> usize {
        self.range.start
    }
    fn end(&self) -> usize {
        self.range.end
    }
    fn len(&self) -> usize {
        self.range.len()
    }
}

impl Words {
    /// The regex `(?i)\b(?:alternation)\b`, which must match no empty text.
    fn new(alternation: &str) -> Words {
        let bare = Regex::new(&format!(r"(?i)(?:{alternation})")).expect("words");
        assert!(!bare.is_match(""), "no cue of when.tsv is empty");
        // Tried anchored at a word's start, the whole regex runs an NFA (the boundaries keep it
        // off its DFA): the PikeVM's work is that of the match, while the backtracker's first
        // clears a table as long as the rest of the clause.
        let whole = regex_automata::meta::Regex::builder()
            .configure(regex_automata::meta::Config::new().backtrack(false))
            .build(&format!(r"(?i)\b(?:{alternation})\b"))
            .expect("words");
        Words { bare, whole }
    }

    /// The first match that starts at or after byte `from` of `hay`.
    fn find_at(&self, hay: &str, mut from: usize) -> Option<Found> {
        loop {
            let at = self.bare.find_at(hay, from)?.start();
            let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
            if let Some(m) = self.whole.search(&input) {
                return Some(Found { range: m.range() });
            }
            from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
            if from > hay.len() {
                return None;
            }
        }
    }

    fn is_match(&self, hay: &str) -> bool {
        self.find_at(hay, 0).is_some()
    }

    /// The matches from left to right, each after the last (none is empty).
    fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Found> + 'h {
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find_at(hay, from)?;
            from = m.end();
            Some(m)
        })
    }
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let re = |kind: &str| Words::new(&alternation(kind));
    Cues {
        start: re("start"),
        end: re("end"),
        lead: Regex::new(&format!(
            r"(?i)^\s*(?:(?:{})[\s,]+)*(?:(?:ngày|sáng|chiều|tối|trưa)\s+)?",
            alternation("lead")
        ))
        .expect("lead"),
        past: re("past"),
        onward: Regex::new(&format!(r"(?i)\b(?:{})\s*$", alternation("onward"))).expect("onward"),
        then: Regex::new(&format!(r"(?i)^\s*(?:{})\s+", alternation("then"))).expect("then"),
        later: re("later"),
        // `Trước khi được phê chuẩn giữ chức ..., ông`: the sentence's opening clause, up to the
        // comma before its subject.
        before_new: Regex::new(&format!(
            r"(?i)^[\s\W]*trước\s+khi\s+(?:(?:được|đã|chính\s+thức)\s+)*(?:{})\b[^;:.]*?,\s*(?:ông|bà|anh|chị|đồng\s+chí)\s",
            alternation("before_new")
        ))
        .expect("before_new"),
        opens_past: Regex::new(&format!(
            r"(?i)^[\s,]*(?:vào\s+)?(?:{})\b",
            alternation("opens_past")
        ))
        .expect("opens_past"),
    }
});

/// A date written in the text: its byte range and value. `bare` for a year with no `năm`
/// (`2020` in `từ năm 2015 đến 2020`), read only as the end of a span.
#[derive(Debug, Clone, PartialEq)]
struct Mention {
    span: Range<usize>,
    at: Partial,
    bare: bool,
}

/// The forms of a date `mentions` reads.
const DATES: &str = r"(?xi)
    \b(?:
        (?:(?:ngày|hôm)\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})
      | ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d{2})
      | tháng\s+(?P<m3>\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(?P<y3>(?:19|20)\d{2})
      | (?P<m4>\d{1,2})\s*[/.]\s*(?P<y4>(?:19|20)\d{2})
      | năm\s+(?P<y5>(?:19|20)\d{2})
      | (?:ngày|sáng|chiều|tối|trưa|hôm)\s+(?P<d6>\d{1,2})\s*[/-]\s*(?P<m6>\d{1,2})(?P<more>\s*[/.-]\s*\d)?
      | (?P<y7>(?:19|20)\d{2})
    )\b";

/// Whether a match of [`DATES`] may start at byte `at` of `slice`: one or two digits, spaces and
/// `/`, `.` or `-`; a year `19..` or `20..`; or one of the words `ngày`, `hôm`, `tháng`, `năm`,
/// `sáng`, `chiều`, `tối`, `trưa` in any case, then a space (every form of the pattern opens so).
/// More than the pattern takes (a digit is any numeric char), never less.
fn may_open_date(slice: &str, at: usize) -> bool {
    const WORDS: [&[char]; 8] = [
        &['n', 'g', 'à', 'y'],
        &['h', 'ô', 'm'],
        &['t', 'h', 'á', 'n', 'g'],
        &['n', 'ă', 'm'],
        &['s', 'á', 'n', 'g'],
        &['c', 'h', 'i', 'ề', 'u'],
        &['t', 'ố', 'i'],
        &['t', 'r', 'ư', 'a'],
    ];
    let mut chars = slice[at..].chars();
    let Some(c) = chars.next() else {
        return false;
    };
    // Most chars open nothing: a letter other than `n`, `h`, `t`, `s`, `c` (or `ſ`), a mark.
    let first = if c == 'ſ' {
        's'
    } else {
        c.to_ascii_lowercase()
    };
    if !matches!(first, 'n' | 'h' | 't' | 's' | 'c') && !may_be_numeric(c) {
        return false;
    }
    if c.is_numeric() {
        let rest = chars.as_str();
        let mut r = rest.chars();
        let century = match c {
            '1' => r.next() == Some('9'),
            '2' => r.next() == Some('0'),
            _ => false,
        };
        if century
            && r.next().is_some_and(char::is_numeric)
            && r.next().is_some_and(char::is_numeric)
        {
            return true;
        }
        let mut r = rest.chars().peekable();
        r.next_if(|c| c.is_numeric());
        return r
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| matches!(c, '/' | '.' | '-'));
    }
    // The next six chars folded, read once for the words (the longest has five letters).
    let mut folded = ['\0'; 6];
    for (f, t) in folded.iter_mut().zip(slice[at..].chars()) {
        *f = fold(t);
    }
    WORDS
        .iter()
        .any(|w| w.iter().zip(folded).all(|(&wc, f)| f == wc) && folded[w.len()].is_whitespace())
}

/// A letter as a case-insensitive regex reads it, for the letters of the words of
/// [`may_open_date`]: its lower case (`ſ` is an `s`).
fn fold(c: char) -> char {
    match c {
        'ſ' => 's',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// The matches of [`DATES`] in `slice`, from left to right, each after the last, as a search
/// finds them: the pattern is tried, anchored, only where a match may start
/// ([`may_open_date`]), in order, so that the first found is the leftmost. The regex's Unicode
/// word boundaries keep an unanchored search off its DFA on Vietnamese text, and its
/// backtracking went over the rest of the sentence again after each match (issue 30: most of
/// the time of dates on political press).
/// Every form opens with a word character after `\b`: a match starts only where a word does
/// (the regex's Unicode boundary, read as the regex reads it), so the pattern is tried at the
/// start of a word only.
fn date_matches(slice: &str) -> Vec<Captures> {
    static RE: LazyLock<PikeVM> = LazyLock::new(|| PikeVM::new(DATES).expect("dates"));
    static LOOK: LazyLock<LookMatcher> = LazyLock::new(LookMatcher::new);
    // The search's room, made once a thread: making it costs more than a sentence's search.
    thread_local! {
        static CACHE: RefCell<pikevm::Cache> = RefCell::new(RE.create_cache());
    }
    let re = &*RE;
    let mut c = re.create_captures();
    let mut out = Vec::new();
    let mut from = 0;
    CACHE.with_borrow_mut(|cache| {
        let mut after_word = false;
        for (at, ch) in slice.char_indices() {
            // After a letter or digit no word starts: the common case told cheaply.
            let inside = after_word;
            after_word = surely_word(ch);
            if at < from
                || inside
                || !may_open_date(slice, at)
                || !LOOK
                    .is_word_start_unicode(slice.as_bytes(), at)
                    .expect("a UTF-8 haystack")
            {
                continue;
            }
            let input = Input::new(slice).range(at..).anchored(Anchored::Yes);
            re.search(cache, &input, &mut c);
            if let Some(m) = c.get_match() {
                from = m.end();
                out.push(c.clone());
            }
        }
    });
    out
}

/// The dates of `text[range]`; a day and month take `year`, else are dropped.
fn mentions(text: &str, range: Range<usize>, year: Option<i32>) -> Vec<Mention> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    // Every form has a digit (`\d`, a decimal digit, is numeric): a sentence without one is
    // not searched.
    if !slice.chars().any(may_be_numeric) {
        return out;
    }
    for c in date_matches(slice) {
        let m = c.get_match().expect("a match");
        let group = |name: &str| c.get_group_by_name(name).map(|s| &slice[s.range()]);
        let n = |name: &str| group(name).and_then(|x| x.parse::<u32>().ok());
        let at = if let (Some(d), Some(mo), Some(y)) = (n("d"), n("m"), n("y")) {
            NaiveDate::from_ymd_opt(y as i32, mo, d).map(Partial::date)
        } else if let (Some(d), Some(mo), Some(y)) = (n("d2"), n("m2"), n("y2")) {
            NaiveDate::from_ymd_opt(y as i32, mo, d).map(Partial::date)
        } else if let (Some(mo), Some(y)) = (n("m3"), n("y3")) {
            Partial::month(y as i32, mo)
        } else if let (Some(mo), Some(y)) = (n("m4"), n("y4")) {
            Partial::month(y as i32, mo)
        } else if let Some(y) = n("y5") {
            Some(Partial::year(y as i32))
        } else if let (Some(d), Some(mo)) = (n("d6"), n("m6")) {
            if group("more").is_some() {
                None
            } else {
                year.and_then(|y| NaiveDate::from_ymd_opt(y, mo, d).map(Partial::date))
            }
        } else {
            n("y7").map(|y| Partial::year(y as i32))
        };
        let Some(at) = at else { continue };
        let span = range.start + m.start()..range.start + m.end();
        if excluded(text, &span) {
            continue;
        }
        out.push(Mention {
            span,
            at,
            bare: group("y7").is_some(),
        });
    }
    out
}

/// Whether `c` is a word character as the regex's `\w` and `\b` read it, told without a table
/// for ASCII and the Vietnamese letters; false for the others, which may be one or not.
fn surely_word(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => true,
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}' => true,
        _ => false,
    }
}

/// Whether `c` is numeric ([`char::is_numeric`]), the table looked up only outside the blocks of
/// Vietnamese letters, which hold no number (a unit test reads every char).
fn may_be_numeric(c: char) -> bool {
    match c {
        '0'..='9' => true,
        // ASCII; Latin-1's letters, Latin Extended-A and -B, the IPA, the combining marks (`ơ`,
        // `ư`, `đ`, tones written apart); Latin Extended Additional (`ạ`, `ế`, `ữ`).
        '\0'..='\u{7f}' | '\u{c0}'..='\u{36f}' | '\u{1e00}'..='\u{1eff}' => false,
        _ => c.is_numeric(),
    }
}

/// A date that is not a time of a post: a birth, a body's term, a school year, a lunar date.
fn excluded(text: &str, span: &Range<usize>) -> bool {
    let before = &text[floor(text, span.start.saturating_sub(24))..span.start];
    let after = &text[span.end..ceil(text, span.end + 12)];
    regex!(r"(?i)\b(?:sinh|nhiệm\s+kỳ|năm\s+học|khóa|giai\s+đoạn)(?:\s+(?:năm|ngày|tháng))?\s*[\d\s–-]*$")
        .is_match(before)
        || regex!(r"(?i)^\s*(?:âm\s+lịch|[–-]\s*(?:19|20)\d{2}\s*[),.;]?\s*$)").is_match(after)
            && regex!(r"(?i)\bnhiệm\s+kỳ\s*$").is_match(before)
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The sentence around byte `at`: from after the last `.`/`!`/`?` followed by a space and a
/// capital, or a line break, to the next.
fn sentence(text: &str, at: usize) -> Range<usize> {
    let line = line(text, at);
    let ends = regex!(r"[.!?…]\s+\p{Lu}");
    let mut start = line.start;
    let mut end = line.end;
    for m in ends.find_iter(&text[line.clone()]) {
        // After the mark, whatever its width (`…` is three bytes).
        let mark = m.as_str().chars().next().map_or(1, char::len_utf8);
        let cut = line.start + m.start() + mark;
        if cut <= at {
            start = cut;
        } else {
            end = cut;
            break;
        }
    }
    start..end
}

fn line(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = text[at..].find('\n').map(|i| at + i).unwrap_or(text.len());
    start..end
}

/// Whether a post is given as the person's title, not taken in the clause: by its rule, or a
/// second title joined by `kiêm` after an apposition (`lệnh bắt tạm giam ông X, phó chủ nhiệm
/// Văn phòng Quốc hội kiêm trợ lý Chủ tịch Quốc hội`: the arrest's date is no time of it).
fn titled(text: &str, o: &OfficeFact) -> bool {
    let kiem = text
        .get(o.span.clone())
        .and_then(|t| t.split_whitespace().next())
        .is_some_and(|w| w.to_lowercase() == "kiêm");
    kiem || titled_rule(o.rule)
}

/// The rules whose posts are given as the person's title.
fn titled_rule(rule: &str) -> bool {
    matches!(
        rule,
        "office.apposition"
            | "office.title_before_name"
            | "office.plural_heading"
            | "office.deputy"
            | "office.shared_apposition"
            | "office.apposition_unread_title"
            | "office.list_body"
            | "office.roster_body"
            | "office.counted_names"
    )
}

/// Reads the time of each office and the posts the text says were left.
pub fn extract(text: &str, article: Option<NaiveDate>, facts: &mut Facts) {
    let year = article.map(|d| d.year());
    let starts: Vec<usize> = facts.offices.iter().map(|o| o.span.start).collect();
    let owners: Vec<(usize, String)> = facts
        .offices
        .iter()
        .map(|o| (o.span.start, o.person.clone()))
        .collect();
    // The dates of each sentence, read once: a list of posts gives several offices one
    // sentence (issue 30: on political press, the dates' regex read each sentence again for
    // each of its posts).
    let mut dated = Dated::default();
    for i in 0..facts.offices.len() {
        let o = &facts.offices[i];
        // A title joined by `kiêm` is past or left as its clause says (`cựu Chủ tịch UBND kiêm
        // Giám đốc Công an TP HCM`); only its time is a title's.
        let cue = (!titled_rule(o.rule))
            .then(|| clause_cue(text, o))
            .flatten();
        let left = if titled_rule(o.rule) {
            title_left(text, o, &owners)
        } else {
            cue == Some(Cue::End)
        };
        let past = cue == Some(Cue::Past)
            || past_before(text, o.span.start)
            || (!titled_rule(o.rule) && (opens_past(text, o) || before_new_post(text, o)));
        let time = time_of(text, year, o, &starts, left, &mut dated)
            .filter(|(t, rule)| !(past && !left && t.until.is_none() && sentence_dated(rule)));
        let o = &mut facts.offices[i];
        if left || past {
            o.former = true;
        }
        if let Some((mut t, rule)) = time {
            if left && t.until.is_none() {
                t.until = t.since.take();
            }
            if t.until.is_some() {
                o.former = true;
            }
            o.since = t.since;
            o.until = t.until;
            o.time_rule = Some(rule);
        }
    }
}

/// Whether the clause of a post (not a title) opens with words of a time past (`Thời điểm đó
/// đồng chí đang là Trưởng phòng ...`): the clause runs from the last `;` or `:` before the post,
/// else from its sentence's start.
fn opens_past(text: &str, o: &OfficeFact) -> bool {
    let s = sentence(text, o.span.start);
    let at = o.span.start.clamp(s.start, s.end);
    let from = text[s.start..at]
        .rfind([';', ':'])
        .map(|i| s.start + i + 1)
        .unwrap_or(s.start);
    CUES.opens_past.is_match(&text[from..at])
}

/// Whether a post (not a title) follows a sentence's opening `Trước khi` clause about taking a
/// new post (`when.before_new`): `Trước khi được phê chuẩn giữ chức Chủ tịch UBND tỉnh Điện Biên,
/// ông Lê Văn Lương đã trải qua các chức vụ: ...` (dev2 q03, q02, r06): the posts after the comma
/// were held before, the one in the clause is the new post. Not `Trước khi bắt đầu cuộc làm
/// việc, ...`: the clause must speak of a post (verbs of `before_new` in `when.tsv`).
fn before_new_post(text: &str, o: &OfficeFact) -> bool {
    let s = sentence(text, o.span.start);
    let at = o.span.start.clamp(s.start, s.end);
    CUES.before_new
        .find(&text[s.start..at])
        .is_some_and(|m| s.start + m.end() <= at)
}

/// What the clause does with a post it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Start,
    End,
    Past,
}

/// The clause's verb of a post it gives: the last cue in its sentence up to the end of its
/// evidence (an appointment's evidence runs from the name to the end of its list), after the last
/// `;` before the evidence. Cues ending together are one phrase, the longest wins: `thôi giữ
/// chức` leaves, `trong thời gian giữ chức` is past, `giữ chức` takes.
fn clause_cue(text: &str, o: &OfficeFact) -> Option<Cue> {
    let s = sentence(text, o.span.start);
    let from = text[s.start..o.span.start.max(s.start)]
        .rfind(';')
        .map(|i| s.start + i + 1)
        .unwrap_or(s.start);
    let clause = &text[from..o.span.end.clamp(from, s.end.max(from))];
    [
        (Cue::Start, &CUES.start),
        (Cue::End, &CUES.end),
        (Cue::Past, &CUES.past),
    ]
    .into_iter()
    .flat_map(|(c, re)| {
        re.find_iter(clause)
            .filter(|m| !in_name(clause, m.start()))
            .filter(move |m| c != Cue::End || !denied(&clause[..m.start()]))
            .map(move |m| (m.end(), m.len(), c))
    })
    .max_by_key(|&(end, len, _)| (end, len))
    .map(|(_, _, c)| c)
}

/// Whether a capitalised cue at `at` goes on a capitalised word: part of a name (`Thái Nguyên`).
fn in_name(text: &str, at: usize) -> bool {
    let upper = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    upper(Some(&text[at..])) && upper(text[..at].split_whitespace().next_back())
}

/// Whether a time rule dates a post by its sentence rather than by words next to it (the
/// sentence's opening date, a decision's, a congress's, an effective date). A post the text marks
/// as past takes none of these without an end: `Tháng 3/2020, ông Lê Thanh Hải bị cách chức
/// nguyên Bí thư Thành ủy TP HCM` dates the dismissal, not the post.
fn sentence_dated(rule: &str) -> bool {
    matches!(
        rule,
        "when.lead" | "when.decision" | "when.congress" | "when.effective"
    )
}

/// Whether a cue of leaving, after the words `before` it, is denied or not yet done (`Quốc hội
/// sẽ không miễn nhiệm`, `chưa phê chuẩn miễn nhiệm`): the post is still held (`when.denied`).
fn denied(before: &str) -> bool {
    regex!(r"(?i)(?:^|[\s,])(?:không|chưa)\s+(?:\S+\s+){0,2}$").is_match(before)
}

/// Whether a title in apposition is a post the sentence says its holder leaves: a decision on
/// them (`cách tất cả các chức vụ đối với ông X, Chủ tịch Hội Nông dân xã`), or the same role
/// named again after a cue of leaving (`bà X - ..., Trưởng ban Dân vận T.Ư thôi tham gia Ban Bí
/// thư, thôi chức vụ Trưởng ban Dân vận T.Ư`).
fn title_left(text: &str, o: &OfficeFact, starts: &[(usize, String)]) -> bool {
    let s = sentence(text, o.span.start);
    let before = &text[s.start..o.span.start.max(s.start)];
    if let Some(m) = CUES
        .end
        .find_iter(before)
        .filter(|m| !denied(&before[..m.start()]))
        .last()
    {
        // `... đối với ông X, Chủ tịch ...`; `Quốc hội miễn nhiệm Chủ tịch nước Võ Văn Thưởng`:
        // the title is the post the cue leaves, written right after it.
        let gap = &before[m.end()..];
        if regex!(r"(?i)\bđối\s+với\s+(?:\S+\s+){0,2}$").is_match(gap)
            || regex!(r"(?i)^\s*(?:chức\s+(?:vụ\s+|danh\s+)?)?$").is_match(gap)
        {
            return true;
        }
    }
    // After the title, up to the next person's post (their own clauses go on: `thôi tham gia`).
    let next = starts
        .iter()
        .filter(|(x, p)| *x >= o.span.end && *p != o.person)
        .map(|(x, _)| *x)
        .min()
        .unwrap_or(s.end)
        .clamp(o.span.end, s.end.max(o.span.end));
    let after = &text[o.span.end..next];
    let role = o.role.to_lowercase();
    CUES.end.find_iter(after).any(|m| {
        let list = &after[m.end()..];
        let list = &list[..list.find(['.', ';']).unwrap_or(list.len())];
        list.to_lowercase().contains(&role) || left_bare(&after[..m.start()], list)
    })
}

/// Whether a cue of leaving names no post and is the holder's own, right after their title:
/// `hai phó thủ tướng ..., Phạm Bình Minh và Vũ Đức Đam, cũng phải xin thôi chức khi ...` leaves
/// the post just named. Only helping words stand between (`cũng`, `đã`, `phải`), and the cue is
/// followed by the end of the clause or a word that opens another (`khi`, `để`, `vì`); not `cho
/// biết sẽ xem xét cách chức`, a decision on others.
fn left_bare(gap: &str, rest: &str) -> bool {
    regex!(r"(?i)^[\s,]*(?:(?:cũng|phải|đã|vừa|mới|đều|buộc|bị|được|xin)\s+)*$").is_match(gap)
        && regex!(
            r"(?i)^\s*(?:$|[,.;:)]|(?:khi|để|vì|do|theo|sau|từ|kể|trước|vào|ngày|tháng|năm)\b)"
        )
        .is_match(rest)
}

/// The dates of the sentences already read, by byte range (see [`mentions`]).
type Dated = rustc_hash::FxHashMap<(usize, usize), Vec<Mention>>;

fn time_of(
    text: &str,
    year: Option<i32>,
    o: &OfficeFact,
    starts: &[usize],
    left: bool,
    dated: &mut Dated,
) -> Option<(Time, &'static str)> {
    if let Some(t) = dated_list(text, o) {
        return Some((t, "when.dated_list"));
    }
    let s = sentence(text, o.span.start);
    let dates: &[Mention] = dated
        .entry((s.start, s.end))
        .or_insert_with(|| mentions(text, s.clone(), year));
    // A date after a title before a name is the clause's (`trợ lý Chủ tịch Quốc hội Vương Đình
    // Huệ từ tháng 5-2022` dates the assistant's post).
    if o.rule != "office.title_before_name" {
        if let Some(t) = after(text, o, dates, starts, &s) {
            return Some((t, "when.after"));
        }
    }
    if titled(text, o) && !left {
        // A roster under a heading is the list of a decision, whose effective date it takes.
        return (o.rule == "office.plural_heading")
            .then(|| effective(text, year, o))
            .flatten()
            .map(|t| (t, "when.effective"));
    }
    if let Some(t) = span_before(text, o, dates) {
        return Some((
            until_after(text, o, dates, starts, &s, year, t),
            "when.span",
        ));
    }
    if let Some(t) = lead(text, &s, dates).filter(|_| {
        // `Tháng 2/2019, ông Quang giữ chức A và hơn hai năm sau ... làm B`: B's date is not given.
        let first = dates.first().map(|d| d.span.end).unwrap_or(s.start);
        let upto = &text[first..o.span.end.clamp(first, s.end.max(first))];
        // `Ngày 10/10, HĐND bầu ông A làm Chủ tịch UBND huyện thay thế ông B, được điều động làm
        // Giám đốc Sở`: the date is A's; B's move is told by the way, its date not given.
        !CUES.later.is_match(upto)
            && !regex!(r"(?i)\bthay(?:\s+thế)?\s+(?:cho\s+)?(?:ông|bà|đồng\s+chí)\s").is_match(upto)
    }) {
        return Some((
            until_after(text, o, dates, starts, &s, year, t),
            "when.lead",
        ));
    }
    if let Some(t) = decision(text, &s, dates).or_else(|| {
        let goes_on = regex!(r"(?i)^\s*(?:theo\s+đó|cụ\s+thể)\b").is_match(&text[s.clone()]);
        (goes_on && s.start > 0)
            .then(|| {
                let prev = sentence(text, s.start - 1);
                decision(text, &prev, &mentions(text, prev.clone(), year))
            })
            .flatten()
    }) {
        return Some((t, "when.decision"));
    }
    congress(text, &s)
        .map(|t| (t, "when.congress"))
        .or_else(|| effective(text, year, o).map(|t| (t, "when.effective")))
}

/// The sentence that dates a decision's effect (`Quyết định này có hiệu lực từ ngày ...`), up to
/// the date: searched first without the `\b` before it, then with it (see [`effective`]).
const EFFECTIVE: &str = r"quyết\s+định\s+(?:trên|này|nêu\s+trên)\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+";

/// The date a decision the article reports takes effect, stated after the posts it gives:
/// `Quyết định trên có hiệu lực thi hành kể từ ngày 18/11/2024` (dev3 d3-32), within the few
/// paragraphs after the post and before another decision is named.
fn effective(text: &str, year: Option<i32>, o: &OfficeFact) -> Option<Time> {
    let from = ceil(text, o.span.end.min(text.len()));
    let to = floor(text, (from + 3000).min(text.len()));
    let rest = &text[from..to];
    // The words without the boundary first, a DFA's search over the paragraphs after the post
    // (the boundary, Unicode, keeps the pattern on its NFA; issue 30).
    if !regex!(&format!("(?i){EFFECTIVE}")).is_match(rest) {
        return None;
    }
    let m = regex!(&format!(r"(?i)\b{EFFECTIVE}")).find(rest)?;
    // Another decision named between the post and this sentence is the one it speaks of.
    if regex!(r"(?i)\bquyết\s+định\s+số\b").is_match(&rest[..m.start()]) {
        return None;
    }
    let at = from + m.end();
    let d = mentions(text, at..ceil(text, (at + 24).min(text.len())), year)
        .into_iter()
        .find(|d| d.span.start == at && d.at.day.is_some())?;
    Some(since(d.at))
}

fn since(at: Partial) -> Time {
    Time {
        since: Some(at),
        until: None,
    }
}

/// `05/2003 - 03/2006: Phó Tư lệnh ...`, `Từ 2015 đến 2020: ...`, `Tháng 8/2024 - nay: ...`.
fn dated_list(text: &str, o: &OfficeFact) -> Option<Time> {
    let l = line(text, o.span.start);
    let c = regex!(
        r"(?xi)^\s*[-+•*]?\s*(?:từ\s+)?(?:tháng\s+)?(?:(?P<m1>\d{1,2})\s*[/.-]\s*)?(?P<y1>(?:19|20)\d{2})
        \s*(?:[-–]|đến)\s*(?:(?:tháng\s+)?(?:(?P<m2>\d{1,2})\s*[/.-]\s*)?(?P<y2>(?:19|20)\d{2})|nay|(?:hiện\s+)?nay)\s*:"
    )
    .captures(&text[l.clone()])?;
    if l.start + c.get(0)?.end() > o.span.end {
        return None;
    }
    let at = |m: &str, y: &str| -> Option<Partial> {
        let year: i32 = c.name(y)?.as_str().parse().ok()?;
        match c.name(m) {
            Some(m) => Partial::month(year, m.as_str().parse().ok()?),
            None => Some(Partial::year(year)),
        }
    };
    Some(Time {
        since: at("m1", "y1"),
        until: at("m2", "y2"),
    })
}

/// A date right after the post (a comma, `kể từ`, `từ`, `vào` between), and the end of its span.
fn after(
    text: &str,
    o: &OfficeFact,
    dates: &[Mention],
    starts: &[usize],
    s: &Range<usize>,
) -> Option<Time> {
    // The next office's evidence bounds what follows this one (a list shares its evidence).
    let next = starts
        .iter()
        .copied()
        .filter(|&x| x > o.span.start && x >= o.span.end)
        .min()
        .unwrap_or(s.end)
        .min(s.end);
    let d = dates.iter().position(|d| {
        d.span.start >= o.span.end
            && (d.span.start <= next.max(o.span.end) + 40 || o.rule == "office.clause")
    })?;
    let m = &dates[d];
    if m.bare {
        return None;
    }
    let gap = &text[o.span.end..m.span.start];
    // `được bầu làm Tổng Bí thư Ban Chấp hành Trung ương Đảng năm 1997`: a date right after a
    // post the clause gives; after a title, only one opened by `từ`, `vào`.
    let adjacent = !titled(text, o) && gap.trim().is_empty();
    // `miễn nhiệm Chủ tịch HĐND thành phố Hà Nội ... đối với ông Nguyễn Ngọc Tuấn kể từ ngày
    // 13/11/2025`: the clause's person, then its date.
    let person = o.rule == "office.clause"
        && regex!(
            r"(?i)^[^.;]*\bđối\s+với\b[^.;]*?[\s,]+(?:kể\s+)?từ\s+(?:(?:ngày|tháng|năm)\s+)?$"
        )
        .is_match(gap);
    let opened = regex!(
        r"(?i)^[\s,(]*(?:(?:kể\s+)?từ|vào)\s+(?:(?:cuối|đầu|giữa)\s+)?(?:(?:ngày|tháng|năm)\s+)?$"
    )
    .is_match(gap);
    if !(adjacent || person || opened) {
        return None;
    }
    Some(with_end(text, dates, d))
}

/// `từ DATE (cho) đến DATE`: the end after a start, when there is one.
fn with_end(text: &str, dates: &[Mention], d: usize) -> Time {
    let m = &dates[d];
    let until = dates.get(d + 1).filter(|n| {
        let gap = &text[m.span.end..n.span.start];
        CUES.then.is_match(gap) && gap.len() < 24 || regex!(r"^\s*[-–]\s*$").is_match(gap)
    });
    Time {
        since: Some(m.at),
        until: until.map(|n| n.at),
    }
}

/// The end of a span opened before the post, written right after it: `Từ tháng 4/2008, ông được
/// luân chuyển sang làm phó bí thư Tỉnh ủy Quảng Ngãi cho đến tháng 5/2010` (until 2010-05). Only
/// `(cho) đến` or `tới` stands between the post and the date, the date is not before the start
/// and not after the article's year: `... là Chủ tịch UBND tỉnh đến năm 2026`, written in 2024, is
/// the planned end of a term, no until.
fn until_after(
    text: &str,
    o: &OfficeFact,
    dates: &[Mention],
    starts: &[usize],
    s: &Range<usize>,
    year: Option<i32>,
    t: Time,
) -> Time {
    if t.until.is_some() {
        return t;
    }
    let next = starts
        .iter()
        .copied()
        .filter(|&x| x > o.span.start && x >= o.span.end)
        .min()
        .unwrap_or(s.end)
        .min(s.end);
    let Some(d) = dates
        .iter()
        .find(|d| d.span.start >= o.span.end && d.span.start <= next.max(o.span.end) + 24)
    else {
        return t;
    };
    let gap = &text[o.span.end..d.span.start];
    let ends =
        regex!(r"(?i)^[\s,]*(?:cho\s+)?(?:đến|tới)\s+(?:(?:hết\s+)?(?:ngày|tháng|năm)\s+)?$")
            .is_match(gap);
    let ordered = t.since.is_none_or(|a| a <= d.at);
    if !ends || d.bare || !ordered || year.is_some_and(|y| d.at.year > y) {
        return t;
    }
    Time {
        since: t.since,
        until: Some(d.at),
    }
}

/// A span opened by `từ` before the post in its sentence: the last one.
fn span_before(text: &str, o: &OfficeFact, dates: &[Mention]) -> Option<Time> {
    let d = dates.iter().rposition(|d| {
        d.span.end <= o.span.start
            && !d.bare
            && CUES
                .onward
                .is_match(&text[floor(text, d.span.start.saturating_sub(12))..d.span.start])
    })?;
    Some(with_end(text, dates, d))
}

/// The date the sentence opens with (after `Đến`, `Vào`, `Sáng` ...).
fn lead(text: &str, s: &Range<usize>, dates: &[Mention]) -> Option<Time> {
    let first = dates.first().filter(|d| !d.bare)?;
    let opening = &text[s.start..first.span.start];
    let m = CUES.lead.find(opening)?;
    if m.end() != opening.len() {
        return None;
    }
    let mut t = since(first.at);
    if let Some(i) = dates.iter().position(|d| d == first) {
        t = with_end(text, dates, i);
    }
    Some(t)
}

/// The date of a decision the sentence reports: `Quyết định số ... ngày 25-10-2024`.
fn decision(text: &str, s: &Range<usize>, dates: &[Mention]) -> Option<Time> {
    // The approval of an election (`phê chuẩn kết quả bầu`) comes after the post was taken.
    if regex!(r"(?i)\bphê\s+chuẩn\b").is_match(&text[s.clone()]) {
        return None;
    }
    // `Sau quyết định hôm 3/8 ..., ông Khái vẫn là phó thủ tướng`: a decision's own date is
    // written `ngày`, `hôm` tells of the event.
    let d = dates.iter().find(|d| {
        !d.bare
            && d.at.day.is_some()
            && !text[d.span.clone()].to_lowercase().starts_with("hôm")
            && regex!(r"(?i)\b(?:quyết\s+định|nghị\s+quyết)\b(?:\s+số)?[^.;,]{0,40}$").is_match(
                &text[floor(text, d.span.start.saturating_sub(60)).max(s.start)..d.span.start],
            )
    })?;
    Some(since(d.at))
}

/// A post taken at the congress that opens a term: `Đại hội ... nhiệm kỳ 2025-2030` -> 2025.
fn congress(text: &str, s: &Range<usize>) -> Option<Time> {
    let c =
        regex!(r"(?i)\bđại\s+hội\b[^.]*?\bnhiệm\s+kỳ\s+((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}")
            .captures(&text[s.clone()])?;
    Some(since(Partial::year(c[1].parse().ok()?)))
}

/// Whether the words just before byte `at` mark what follows as past (`nguyên`, `cựu`, `cố`), or
/// a cue that runs into it (`trong thời gian [giữ chức vụ ...]`).
pub fn past_before(text: &str, at: usize) -> bool {
    let from = floor(text, at.saturating_sub(40));
    let near = &text[from..ceil(text, at + 24)];
    let at = at - from;
    CUES.past
        .find_iter(near)
        .filter(|m| m.start() < at && !in_name(near, m.start()))
        .last()
        .is_some_and(|m| m.end() >= at || near[m.end()..at].trim().is_empty())
}

#[cfg(test)]
mod tests {
    /// The dates' pattern tried anchored where a date may start finds what the regex crate's
    /// unanchored search finds, match after match, with the same groups (issue 30).
    #[test]
    fn dates_tried_where_they_may_start_are_those_of_a_search() {
        let re = regex::Regex::new(super::DATES).unwrap();
        let texts = [
            "Ngày 16/3/2024, tại Hà Nội; sáng 5-6 và chiều 7/8/9, tháng 12 năm 2015, 2020-2025.",
            "Từ năm 2015 đến 2020, ngày 2 tháng 9 năm 1945, NGÀY 1.2.2003, THÁNG 4/2016 và 05/2003",
            "số 12345 năm1999 x2020 2020x ſáng 3/4 Tối 10-11-2022 trưa 01/02/2023 năm 2024.",
            "tháng 12 - 2019, 12 / 2019, ngày  16 / 3 / 2024 và ٣/٤/٢٠٢٠ rồi ngày 5/6/2007",
            "SÁNG 1/2, CHIỀU 3-4, TỐI 5/6, TRƯA 7-8, NĂM 2001, Tháng 3/2002, ngàY 9/10/2011 x",
            "người 2019, chức năm 2018; thành 3/2017, trong ngày 4/5, các năm 2016 và n",
            "Hôm 20/3, hôm nay 26/8/2024, HÔM 1-2, tô 3/4 và sô 5/6",
            "",
        ];
        for text in texts {
            let want: Vec<Vec<Option<std::ops::Range<usize>>>> = re
                .captures_iter(text)
                .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect())
                .collect();
            let got: Vec<Vec<Option<std::ops::Range<usize>>>> = super::date_matches(text)
                .iter()
                .map(|c| {
                    (0..c.group_len())
                        .map(|i| c.get_group(i).map(|s| s.range()))
                        .collect()
                })
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        assert_eq!(super::date_matches("ngày 16/3/2024 và 5/2020").len(), 2);
    }

    /// A char is numeric where [`super::may_be_numeric`] says so, whatever its block.
    #[test]
    fn numbers_are_looked_up_outside_the_letters_only() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(super::may_be_numeric(c), c.is_numeric(), "{c:?}");
        }
    }

    /// What [`super::surely_word`] takes is a word character of the regex's `\w`.
    #[test]
    fn what_is_surely_a_word_char_is_one_for_the_regex() {
        let word = regex::Regex::new(r"^\w$").unwrap();
        let mut taken = 0;
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if super::surely_word(c) {
                assert!(word.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
                taken += 1;
            }
        }
        assert!(taken > 500);
        assert!(!super::surely_word(' ') && !super::surely_word('/'));
    }

    /// Every char a case-insensitive regex takes for a letter of the words of
    /// [`super::may_open_date`] folds to that letter: the check takes all the regex does.
    #[test]
    fn the_words_that_open_a_date_fold_as_the_regex_does() {
        let letters: std::collections::BTreeSet<char> = [
            "ngày", "hôm", "tháng", "năm", "sáng", "chiều", "tối", "trưa",
        ]
        .iter()
        .flat_map(|w| w.chars())
        .collect();
        for l in letters {
            let re = regex::Regex::new(&format!("(?i)^{l}$")).unwrap();
            let mut taken = 0;
            for c in (0..=0x10ffff).filter_map(char::from_u32) {
                if re.is_match(c.encode_utf8(&mut [0; 4])) {
                    assert_eq!(super::fold(c), l, "{c:?} for {l:?}");
                    // The first letters are told apart before folding.
                    if "nhtsc".contains(l) {
                        assert!(c.is_ascii() || c == 'ſ', "{c:?} for {l:?}");
                    }
                    taken += 1;
                }
            }
            assert!(taken >= 2, "{l:?}");
        }
        assert!(super::may_open_date("x ſáng 3/4", 2));
        assert!(super::may_open_date("THÁNG\u{a0}4/2016", 0));
        assert!(super::may_open_date("12 / 2019", 0));
        assert!(super::may_open_date("2019", 0));
        assert!(!super::may_open_date("2019", 1));
        assert!(!super::may_open_date("100 người", 0));
        assert!(!super::may_open_date("thành 3/2017", 0));
        assert!(!super::may_open_date("tháng", 0));
    }

    /// A date starts only where a word does: letters or digits before it keep it out, as the
    /// regex's `\b` does (issue 30).
    #[test]
    fn dates_start_where_a_word_does() {
        let re = regex::Regex::new(super::DATES).unwrap();
        for text in [
            "Anăm 2019, chứcngày 5/6/2007, x12/2019, 3năm 2020, đtháng 4/2016 và ữ2021",
            "ông\u{301}năm 2019 _tháng 3/2020 (năm 2018) \"ngày 1/2/2003\" -2020 12345",
        ] {
            let want: Vec<_> = re.find_iter(text).map(|m| m.range()).collect();
            let got: Vec<_> = super::date_matches(text)
                .iter()
                .map(|c| c.get_match().unwrap().range())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        let starts: Vec<_> = super::date_matches("Anăm 2019, (năm 2018) x2020 2021")
            .iter()
            .map(|c| c.get_match().unwrap().start())
            .collect();
        // `2019` after `Anăm` (no date opens inside a word), `năm 2018`, `2021`.
        assert_eq!(starts, [6, 13, 30]);
    }

    /// The cue words searched bare, then checked whole where they match, find what the regex
    /// `(?i)\b(?:...)\b` finds, match after match: the words inside others (`bổ nhiệmx`,
    /// `xgiữ chức`), a shorter word whole where a longer one is not (`thôi giữ chứcvụ`), cues that
    /// overlap (issue 30).
    #[test]
    fn cue_words_found_bare_then_whole_are_those_of_the_regex() {
        let texts = [
            "được bổ nhiệm giữ chức Phó Chủ tịch, thôi giữ chức Bí thư và nguyên Giám đốc",
            "xgiữ chức bổ nhiệmx GIỮ CHỨC, Thôi  giữ\nchức; thôi giữ chứcvụ, cựu, cựux nguyên",
            "không có cue nào ở đây",
            "",
            "giữ chức",
            "sau đó, rồi tiếp theo xsau Sau",
            "đã nghỉ hưu, được bầu làm, miễn nhiệm, cách chức và trong thời gian giữ chức vụ",
        ];
        for kind in ["start", "end", "past", "later"] {
            let alternation = super::alternation(kind);
            let words = super::Words::new(&alternation);
            let re = regex::Regex::new(&format!(r"(?i)\b(?:{alternation})\b")).unwrap();
            let mut found = 0;
            for text in texts {
                let want: Vec<_> = re.find_iter(text).map(|m| m.range()).collect();
                let got: Vec<_> = words.find_iter(text).map(|m| m.range).collect();
                assert_eq!(got, want, "{kind} in {text:?}");
                assert_eq!(
                    words.is_match(text),
                    re.is_match(text),
                    "{kind} in {text:?}"
                );
                found += got.len();
            }
            assert!(found > 0, "{kind}: no cue in the texts");
        }
        let start = super::Words::new(&super::alternation("start"));
        assert!(start.is_match("ông giữ chức Bí thư"));
        assert!(!start.is_match("ông xgiữ chứcx Bí thư"));
    }

    #[test]
    fn a_sentence_ends_after_an_ellipsis_whatever_its_width() {
        let t = "Tin mới… Ông Nguyễn Văn Hải giữ chức Bí thư Tỉnh ủy Hà Tĩnh.";
        let at = t.find("Ông").unwrap();
        let s = super::sentence(t, at);
        assert_eq!(
            t[s].trim_start(),
            "Ông Nguyễn Văn Hải giữ chức Bí thư Tỉnh ủy Hà Tĩnh."
        );
    }

    use super::*;
    use crate::extract::{BodyKind, Org};

    fn office(text: &str, post: &str, rule: &'static str) -> OfficeFact {
        let at = text.find(post).expect("post in text");
        OfficeFact {
            person: "X".into(),
            // The role: the post's first two words (`Chủ tịch`, `Bí thư`).
            role: post.split(' ').take(2).collect::<Vec<_>>().join(" "),
            org: Org {
                name: "O".into(),
                kind: BodyKind::State,
                parent: None,
                unit: None,
                implied: false,
            },
            former: false,
            since: None,
            until: None,
            time_rule: None,
            span: at..at + post.len(),
            rule,
        }
    }

    /// The time of the post `post` in `text`, written `since/until` (`-` where none), and
    /// whether it is former.
    fn when(text: &str, post: &str, rule: &'static str) -> (String, bool) {
        let mut facts = Facts {
            offices: vec![office(text, post, rule)],
            ..Facts::default()
        };
        extract(text, NaiveDate::from_ymd_opt(2024, 5, 17), &mut facts);
        let o = &facts.offices[0];
        let l = |p: Option<Partial>| p.map(|p| p.lexical()).unwrap_or("-".into());
        (format!("{}/{}", l(o.since), l(o.until)), o.former)
    }

    const APPOINTED: &str = "office.appointment";

    #[test]
    fn a_decision_takes_effect_after_the_posts_it_gives() {
        // when.effective (dev3 d3-32): the roster's posts and the appointment's.
        let t = "Các ủy viên Ban Chỉ đạo gồm:\n\nThứ trưởng Bộ Y tế Đỗ Xuân Tuyên;\n\nQuyết định trên có hiệu lực thi hành kể từ ngày 18/11/2024.";
        assert_eq!(
            when(t, "Các ủy viên Ban Chỉ đạo", "office.plural_heading").0,
            "2024-11-18/-"
        );
        let t =
            "Ông A là Phó Trưởng ban Ban Chỉ đạo. Quyết định này có hiệu lực từ ngày 1/12/2024.";
        assert_eq!(
            when(t, "Phó Trưởng ban Ban Chỉ đạo", APPOINTED).0,
            "2024-12-01/-"
        );
        // Negative: a title before a name is not given by the decision; another decision named
        // between is the one the sentence speaks of.
        let t = "Thứ trưởng Bộ Y tế Đỗ Xuân Tuyên dự. Quyết định trên có hiệu lực thi hành kể từ ngày 18/11/2024.";
        assert_eq!(
            when(t, "Thứ trưởng Bộ Y tế", "office.title_before_name").0,
            "-/-"
        );
        let t = "Ông A là Phó Trưởng ban Ban Chỉ đạo. Quyết định số 920/QĐ-TTg kiện toàn Ban. Quyết định trên có hiệu lực từ ngày 1/12/2024.";
        assert_eq!(when(t, "Phó Trưởng ban Ban Chỉ đạo", APPOINTED).0, "-/-");
        // The words are searched first without their boundary, then with it (issue 30): in
        // capitals they are found; inside a word they are not.
        let t =
            "Ông A là Phó Trưởng ban Ban Chỉ đạo. QUYẾT ĐỊNH NÀY CÓ HIỆU LỰC TỪ NGÀY 1/12/2024.";
        assert_eq!(
            when(t, "Phó Trưởng ban Ban Chỉ đạo", APPOINTED).0,
            "2024-12-01/-"
        );
        let t =
            "Ông A là Phó Trưởng ban Ban Chỉ đạo. XQuyết định này có hiệu lực từ ngày 1/12/2024.";
        assert_eq!(when(t, "Phó Trưởng ban Ban Chỉ đạo", APPOINTED).0, "-/-");
    }

    #[test]
    fn partial_dates_read_and_print() {
        assert_eq!(
            Partial::parse("2019").map(|p| p.lexical()),
            Some("2019".into())
        );
        assert_eq!(
            Partial::parse("2019-02").map(|p| p.lexical()),
            Some("2019-02".into())
        );
        assert_eq!(
            Partial::parse("\"2019-02-15\"^^xsd:date").map(|p| p.lexical()),
            Some("2019-02-15".into())
        );
        assert_eq!(Partial::parse("2019-13"), None);
        // The less precise sorts first: the earliest since, the latest until.
        assert!(Partial::parse("2019") < Partial::parse("2019-02"));
    }

    #[test]
    fn dated_list() {
        let t = "05/2003 - 03/2006: Phó Tư lệnh về Chính trị Quân đoàn 2;";
        assert_eq!(
            when(t, "Phó Tư lệnh", "office.career"),
            ("2003-05/2006-03".into(), true)
        );
        let t = "Tháng 8/2024 - nay: Trưởng Ban Kinh tế Trung ương";
        assert_eq!(
            when(t, "Trưởng Ban", "office.career"),
            ("2024-08/-".into(), false)
        );
        // A list without dates.
        let t = "- Phó Tư lệnh về Chính trị Quân đoàn 2;";
        assert_eq!(
            when(t, "Phó Tư lệnh", "office.career"),
            ("-/-".into(), false)
        );
    }

    #[test]
    fn after_the_post() {
        let t = "Ông Nguyễn Văn A giữ chức Hiệu trưởng kể từ ngày 02/11/2023.";
        assert_eq!(
            when(t, "Hiệu trưởng", APPOINTED),
            ("2023-11-02/-".into(), false)
        );
        let t = "được bầu làm Chủ tịch UBND TP Hà Nội vào tháng 12/2015 và giữ chức vụ này trong hơn 4 năm 6 tháng.";
        assert_eq!(
            when(t, "Chủ tịch UBND TP Hà Nội", APPOINTED),
            ("2015-12/-".into(), false)
        );
        let t = "ông là Chủ tịch UBND huyện từ năm 2015 đến 2020.";
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", APPOINTED),
            ("2015/2020".into(), true)
        );
        // Leaving: the date is the until.
        let t = "bà Anh thôi giữ chức vụ Hiệu trưởng Trường Đại học Luật kể từ ngày 19/8/2024.";
        assert_eq!(
            when(t, "Hiệu trưởng Trường Đại học Luật", APPOINTED),
            ("-/2024-08-19".into(), true)
        );
        // A body's term after the post is not its time.
        let t = "giữ chức Bí thư Tỉnh ủy, nhiệm kỳ 2025 - 2030.";
        assert_eq!(when(t, "Bí thư Tỉnh ủy", APPOINTED), ("-/-".into(), false));
    }

    #[test]
    fn span_before_the_post() {
        let t = "Từ tháng 4/2016 cho đến khi được phê chuẩn, ông là Bộ trưởng Bộ Tư pháp.";
        assert_eq!(
            when(t, "Bộ trưởng Bộ Tư pháp", APPOINTED),
            ("2016-04/-".into(), false)
        );
        let t = "Từ tháng 7/2023-11/2025, ông là Phó Bí thư Tỉnh ủy Lai Châu.";
        assert_eq!(
            when(t, "Phó Bí thư Tỉnh ủy Lai Châu", APPOINTED),
            ("2023-07/2025-11".into(), true)
        );
        let t = "từ năm 2015 đến 2020 là Chủ tịch UBND huyện";
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", APPOINTED),
            ("2015/2020".into(), true)
        );
        // A title in apposition is not taken then.
        let t = "Từ tháng 4/2016, ông Nguyễn Văn A, Bộ trưởng Bộ Tư pháp, đã ký.";
        assert_eq!(
            when(t, "Bộ trưởng Bộ Tư pháp", "office.apposition"),
            ("-/-".into(), false)
        );
    }

    #[test]
    fn the_end_of_a_span_written_after_the_post() {
        // Hand check (issue 26): a career post with its end after it is past.
        let t = "Từ tháng 4/2008, ông được luân chuyển sang làm phó bí thư Tỉnh ủy Quảng Ngãi cho đến tháng 5/2010 và trở thành bí thư Tỉnh ủy Quảng Ngãi từ tháng 6/2010.";
        assert_eq!(
            when(t, "phó bí thư Tỉnh ủy Quảng Ngãi", "office.pronoun"),
            ("2008-04/2010-05".into(), true)
        );
        // Negative: an end after the article's year is a term's planned end.
        let t = "Từ năm 2021, ông là Chủ tịch UBND tỉnh cho đến năm 2026.";
        assert_eq!(
            when(t, "Chủ tịch UBND tỉnh", APPOINTED),
            ("2021/-".into(), false)
        );
        // Boundary: words other than `(cho) đến` between the post and the date give no end.
        let t = "Từ tháng 4/2008, ông làm Phó Bí thư Tỉnh ủy Quảng Ngãi, sau đó tháng 5/2010 về Hà Nội.";
        assert_eq!(
            when(t, "Phó Bí thư Tỉnh ủy Quảng Ngãi", APPOINTED),
            ("2008-04/-".into(), false)
        );
    }

    #[test]
    fn a_past_post_takes_no_date_of_its_sentence_and_a_denied_leaving_none() {
        // The sentence's date is the dismissal's, not the post's.
        let t = "Tháng 3/2020, ông Lê Thanh Hải bị cách chức nguyên Bí thư Thành ủy TP HCM.";
        assert_eq!(
            when(t, "Bí thư Thành ủy TP HCM", APPOINTED),
            ("-/-".into(), true)
        );
        // A post the clause takes keeps the sentence's date.
        let t = "Tháng 3/2020, ông A được bầu giữ chức Bí thư Thành ủy TP HCM.";
        assert_eq!(
            when(t, "Bí thư Thành ủy TP HCM", APPOINTED),
            ("2020-03/-".into(), false)
        );
        // A leaving denied or not yet done leaves the post held.
        let t = "Quốc hội sẽ không miễn nhiệm chức danh Bộ trưởng Bộ Công an với ông Tô Lâm.";
        assert_eq!(
            when(t, "Bộ trưởng Bộ Công an", "office.clause"),
            ("-/-".into(), false)
        );
        let t = "Quốc hội miễn nhiệm chức danh Bộ trưởng Bộ Công an với ông Tô Lâm.";
        assert_eq!(
            when(t, "Bộ trưởng Bộ Công an", "office.clause"),
            ("-/-".into(), true)
        );
        let t = "Ông X, Bộ trưởng Bộ Công an, chưa được miễn nhiệm.";
        assert_eq!(
            when(t, "Bộ trưởng Bộ Công an", "office.apposition"),
            ("-/-".into(), false)
        );
    }

    #[test]
    fn a_day_and_month_after_hom_opens_the_sentence() {
        // dev3 d3-08: `Hôm 20/3, ... thôi giữ các chức vụ: ...` dates the leaving.
        let t = "Hôm 20/3, Ban Chấp hành Trung ương đồng ý để ông Võ Văn Thưởng thôi giữ các chức vụ: Ủy viên Bộ Chính trị.";
        assert_eq!(
            when(t, "Ủy viên Bộ Chính trị", APPOINTED),
            ("-/2024-03-20".into(), true)
        );
        // Negative: `hôm nay` is no date.
        let t = "Hôm nay, ông A được bầu giữ chức Chủ tịch UBND huyện.";
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", APPOINTED),
            ("-/-".into(), false)
        );
        // Boundary: a full date after `hôm` keeps its own year.
        let t = "Hôm 5/6/2023, ông A được bầu giữ chức Chủ tịch UBND huyện.";
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", APPOINTED),
            ("2023-06-05/-".into(), false)
        );
    }

    #[test]
    fn posts_after_an_opening_clause_on_the_new_post_were_held_before() {
        // dev2 q03: the career after `Trước khi được phê chuẩn giữ chức ..., ông X` is past.
        let t = "Trước khi được phê chuẩn giữ chức Chủ tịch UBND tỉnh Điện Biên, ông Lê Văn Lương đã trải qua các chức vụ: Phó Chủ tịch UBND huyện Than Uyên; Chánh Văn phòng Tỉnh ủy Lai Châu.";
        assert_eq!(
            when(t, "Chánh Văn phòng Tỉnh ủy Lai Châu", "office.career"),
            ("-/-".into(), true)
        );
        // The new post, in the clause itself, is not.
        assert_eq!(
            when(t, "Chủ tịch UBND tỉnh Điện Biên", "office.clause"),
            ("-/-".into(), false)
        );
        // Negative: a clause on an event, not a post (dev3 d3-27).
        let t =
            "Trước khi bắt đầu cuộc làm việc, ông Tô Lâm là Tổng Bí thư Ban Chấp hành Trung ương.";
        assert_eq!(
            when(t, "Tổng Bí thư Ban Chấp hành Trung ương", APPOINTED),
            ("-/-".into(), false)
        );
        // Boundary: the first comma of the clause is not its end; only the one before its subject.
        let t = "Trước khi được điều động, bổ nhiệm làm Phó Chánh Văn phòng Trung ương Đảng, ông Võ Thành Hưng là Thứ trưởng Bộ Tài chính.";
        assert_eq!(
            when(t, "Phó Chánh Văn phòng Trung ương Đảng", "office.clause"),
            ("-/-".into(), false)
        );
        assert_eq!(
            when(t, "Thứ trưởng Bộ Tài chính", APPOINTED),
            ("-/-".into(), true)
        );
    }

    #[test]
    fn the_sentence_opening_date() {
        let t = "Tháng 2/2019, ông Quang giữ chức Phó Bí thư Thường trực Thành ủy.";
        assert_eq!(
            when(t, "Phó Bí thư Thường trực Thành ủy", APPOINTED),
            ("2019-02/-".into(), false)
        );
        let t = "Năm 2010 được bầu làm Bí thư Huyện ủy.";
        assert_eq!(
            when(t, "Bí thư Huyện ủy", APPOINTED),
            ("2010/-".into(), false)
        );
        // A day and month take the article's year.
        let t = "Ngày 6/9, ông A được bổ nhiệm giữ chức Giám đốc Sở Nội vụ.";
        assert_eq!(
            when(t, "Giám đốc Sở Nội vụ", APPOINTED),
            ("2024-09-06/-".into(), false)
        );
        // A birth year is not a time of a post.
        let t = "Ông A sinh năm 1963, là Giám đốc Sở Nội vụ.";
        assert_eq!(
            when(t, "Giám đốc Sở Nội vụ", APPOINTED),
            ("-/-".into(), false)
        );
        // A date in the middle of the sentence, after a transfer with no end: no time.
        let t = "Ông A được điều động làm Giám đốc Sở Nội vụ, báo cáo năm 2024 cho biết.";
        assert_eq!(
            when(t, "Giám đốc Sở Nội vụ", APPOINTED),
            ("-/-".into(), false)
        );
        // The opening date is the election's, not the move of the man replaced (dev2 r13).
        let t = "Ngày 10/10/2018, HĐND huyện Mỹ Hào bầu ông Lê Quang Hiến làm Chủ tịch UBND huyện thay thế ông Đỗ Minh Tuân, được điều động làm Giám đốc Sở Nội vụ.";
        assert_eq!(
            when(t, "Giám đốc Sở Nội vụ", APPOINTED),
            ("-/-".into(), false)
        );
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", APPOINTED),
            ("2018-10-10/-".into(), false)
        );
    }

    #[test]
    fn a_decision_date() {
        let t = "Quyết định số 1616-QĐNS/TW ngày 25-10-2024 của Bộ Chính trị phân công ông A giữ chức Bí thư Tỉnh ủy.";
        assert_eq!(
            when(t, "Bí thư Tỉnh ủy", "office.clause"),
            ("2024-10-25/-".into(), false)
        );
        let t = "Bộ Chính trị ban hành Quyết định số 1379-QĐNS/TW ngày 17/7/2024. Theo đó, bà A thôi giữ chức Trưởng ban Dân vận Trung ương.";
        assert_eq!(
            when(t, "Trưởng ban Dân vận", APPOINTED),
            ("-/2024-07-17".into(), true)
        );
        // Another sentence that does not go on from the decision.
        let t = "Bộ Chính trị ban hành Quyết định số 1379-QĐNS/TW ngày 17/7/2024. Bà A là Trưởng ban Dân vận Trung ương.";
        assert_eq!(
            when(t, "Trưởng ban Dân vận", APPOINTED),
            ("-/-".into(), false)
        );
    }

    #[test]
    fn a_congress_term() {
        let t = "Tại Đại hội đại biểu Đảng bộ tỉnh nhiệm kỳ 2025-2030, ông A được bầu giữ chức Bí thư Tỉnh ủy.";
        assert_eq!(
            when(t, "Bí thư Tỉnh ủy", APPOINTED),
            ("2025/-".into(), false)
        );
        // The term as the body's attribute, with no congress.
        let t = "Ông A được bầu giữ chức Bí thư Tỉnh ủy khóa XVI, nhiệm kỳ 2020-2025.";
        assert_eq!(when(t, "Bí thư Tỉnh ủy", APPOINTED), ("-/-".into(), false));
    }

    #[test]
    fn left_posts_are_former() {
        let t = "Ông A được miễn nhiệm chức vụ Chủ tịch UBND huyện.";
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", APPOINTED),
            ("-/-".into(), true)
        );
        // A new post after the left one in the same sentence is taken.
        let t = "Ông A thôi giữ chức Chánh Văn phòng để giữ chức Chủ tịch UBND huyện.";
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", APPOINTED),
            ("-/-".into(), false)
        );
        // A title in apposition before a decision to leave another post stays.
        let t = "Ông A, Chủ tịch UBND huyện, thôi giữ chức Trưởng ban.";
        assert_eq!(
            when(t, "Chủ tịch UBND huyện", "office.apposition"),
            ("-/-".into(), false)
        );
    }

    #[test]
    fn a_clause_and_its_person_then_the_date() {
        let t = "Ủy ban Thường vụ Quốc hội phê chuẩn kết quả miễn nhiệm Chủ tịch Hội đồng Nhân dân thành phố Hà Nội nhiệm kỳ 2021-2026 đối với ông Nguyễn Ngọc Tuấn kể từ ngày 13/11/2025.";
        assert_eq!(
            when(
                t,
                "nhiệm Chủ tịch Hội đồng Nhân dân thành phố Hà Nội nhiệm kỳ 2021-2026",
                "office.clause"
            ),
            ("-/2025-11-13".into(), true)
        );
        // The approval's own decision date is not the time of the post.
        let t = "Tại Quyết định số 2555/QĐ-TTg ngày 21/11/2025, Thủ tướng Chính phủ phê chuẩn kết quả bầu chức vụ Chủ tịch Ủy ban Nhân dân tỉnh Thái Nguyên đối với ông Vương Quốc Tuấn, Phó Bí thư Tỉnh ủy.";
        assert_eq!(
            when(
                t,
                "chức vụ Chủ tịch Ủy ban Nhân dân tỉnh Thái Nguyên",
                "office.clause"
            ),
            ("-/-".into(), false)
        );
        // A second post `hơn hai năm sau` does not take the opening date.
        let t = "Tháng 2/2019, ông Quang giữ chức Phó bí thư Thường trực Thành ủy và hơn hai năm sau được điều động làm Bí thư Thành ủy Hải Phòng.";
        assert_eq!(
            when(t, "ông Quang giữ chức Phó bí thư Thường trực Thành ủy và hơn hai năm sau được điều động làm Bí thư Thành ủy Hải Phòng", APPOINTED),
            ("-/-".into(), false)
        );
        assert_eq!(
            when(
                t,
                "ông Quang giữ chức Phó bí thư Thường trực Thành ủy",
                APPOINTED
            ),
            ("2019-02/-".into(), false)
        );
    }

    #[test]
    fn a_post_held_before_another_is_not_left() {
        let t = "Ông Vương Quốc Tuấn sinh ngày 3/10/1977; quê quán tỉnh Bắc Ninh. Trước khi giữ chức Chủ tịch Ủy ban Nhân dân tỉnh Thái Nguyên, ông Vương Quốc Tuấn đã từng trải qua các vị trí công tác như Bí thư Tỉnh Đoàn Bắc Ninh.";
        assert_eq!(
            when(
                t,
                "chức Chủ tịch Ủy ban Nhân dân tỉnh Thái Nguyên",
                "office.clause"
            ),
            ("-/-".into(), false)
        );
    }

    #[test]
    fn a_title_right_after_a_cue_of_leaving_and_a_bare_cue_after_it() {
        // `miễn nhiệm Chủ tịch nước Võ Văn Thưởng` (press 2024-05-21): the title the cue leaves.
        let t = "Sau khi Quốc hội miễn nhiệm Chủ tịch nước Võ Văn Thưởng, bà Xuân giữ quyền.";
        assert!(when(t, "Chủ tịch nước Võ Văn Thưởng", "office.title_before_name").1);
        // A cue of leaving with no post after it, the holder's own (`cũng phải xin thôi chức`).
        let t = "Trước đó, hai phó thủ tướng dưới thời ông, Phạm Bình Minh và Vũ Đức Đam, cũng phải xin thôi chức khi các vụ án bị phanh phui.";
        assert!(
            when(
                t,
                "phó thủ tướng dưới thời ông, Phạm Bình Minh và Vũ Đức Đam",
                "office.counted_names"
            )
            .1
        );
        // Negative: a decision the holder speaks of, on others.
        let t = "Ông A, Chủ tịch UBND huyện, cho biết sẽ xem xét cách chức, kỷ luật cán bộ.";
        assert!(!when(t, "Chủ tịch UBND huyện", "office.apposition").1);
        let t = "Thủ tướng Phạm Minh Chính đề nghị miễn nhiệm ngay những cán bộ sai phạm.";
        assert!(!when(t, "Thủ tướng Phạm Minh Chính", "office.title_before_name").1);
        // Boundary: a cue of leaving followed by a post of its own leaves that post only.
        let t = "Ông A, Chủ tịch UBND huyện, thôi giữ chức Trưởng ban Chỉ đạo.";
        assert!(!when(t, "Chủ tịch UBND huyện", "office.apposition").1);
    }

    #[test]
    fn a_second_title_joined_by_kiem_takes_no_date_of_the_sentence() {
        // dev3 d3-02: the date of an arrest is no time of the title written after `kiêm`.
        let t = "Ngày 22-4, Cơ quan điều tra đã ra lệnh bắt tạm giam ông Phạm Thái Hà, phó chủ nhiệm Văn phòng Quốc hội kiêm trợ lý Chủ tịch Quốc hội.";
        assert_eq!(when(t, "kiêm trợ lý Chủ tịch Quốc hội", APPOINTED).0, "-/-");
        // Negative: an appointment written with its verb takes the sentence's date.
        let t = "Ngày 22-4, ông Phạm Thái Hà được bổ nhiệm làm trợ lý Chủ tịch Quốc hội.";
        assert_eq!(
            when(t, "trợ lý Chủ tịch Quốc hội", APPOINTED).0,
            "2024-04-22/-"
        );
        // Boundary: a date right after the `kiêm` title, opened by `từ`, is still its own.
        let t = "Ông Hà, phó chủ nhiệm Văn phòng Quốc hội kiêm trợ lý Chủ tịch Quốc hội từ tháng 5-2022.";
        assert_eq!(
            when(t, "kiêm trợ lý Chủ tịch Quốc hội", APPOINTED).0,
            "2022-05/-"
        );
        // ... and is past as its clause says (press 2024-08-14).
        let t =
            "Năm 2006, ông Mai Chí Thọ, cựu Chủ tịch UBND kiêm Giám đốc Công an TP HCM, kể lại.";
        assert_eq!(
            when(t, "kiêm Giám đốc Công an TP HCM", APPOINTED),
            ("-/-".to_string(), true)
        );
    }

    #[test]
    fn a_title_left_by_its_holder_s_own_clause() {
        let t = "Bộ Chính trị quyết định bà Bùi Thị Minh Hoài - Ủy viên Bộ Chính trị, Trưởng ban Dân vận T.Ư thôi tham gia Ban Bí thư, thôi chức vụ Trưởng ban Dân vận Trung ương.";
        let title = office(
            t,
            "Bùi Thị Minh Hoài - Ủy viên Bộ Chính trị, Trưởng ban Dân vận T.Ư",
            "office.apposition",
        );
        let mut left = office(t, "tham gia Ban Bí thư", APPOINTED);
        left.person = title.person.clone();
        let mut facts = Facts {
            offices: vec![
                OfficeFact {
                    role: "Trưởng ban".into(),
                    ..title.clone()
                },
                left,
            ],
            ..Facts::default()
        };
        extract(t, None, &mut facts);
        assert!(facts.offices.iter().all(|o| o.former));
        // Another person's clause does not leave this title.
        let mut other = office(t, "tham gia Ban Bí thư", APPOINTED);
        other.person = "Y".into();
        let mut facts = Facts {
            offices: vec![
                OfficeFact {
                    role: "Chánh Văn phòng".into(),
                    ..title
                },
                other,
            ],
            ..Facts::default()
        };
        extract(t, None, &mut facts);
        assert!(!facts.offices[0].former);
    }

    #[test]
    fn a_clause_opened_by_a_time_past() {
        // when.tsv `opens_past`: the posts the clause gives are former.
        let t = "Ông Triệu Minh Xiết chia sẻ: Thời điểm đó đồng chí đang là Trưởng phòng Dân tộc - UBND huyện Mường Lát.";
        assert!(when(t, "Trưởng phòng Dân tộc", APPOINTED).1);
        let t = "Ông Triệu Minh Xiết chia sẻ: đồng chí đang là Trưởng phòng Dân tộc - UBND huyện Mường Lát.";
        assert!(!when(t, "Trưởng phòng Dân tộc", APPOINTED).1);
        // Not at the clause's opening (`từ thời điểm đó`, since then), or a title: not past.
        let t = "Như vậy, từ thời điểm đó ông giữ chức Trưởng phòng Dân tộc.";
        assert!(!when(t, "Trưởng phòng Dân tộc", APPOINTED).1);
        let t = "Thời điểm đó, ông Hoàng Thế Du, trưởng phòng Ban quản lý dự án, bị bắt.";
        assert!(
            !when(
                t,
                "Hoàng Thế Du, trưởng phòng Ban quản lý dự án",
                "office.apposition"
            )
            .1
        );
    }

    #[test]
    fn past_markers() {
        let t = "dâng hương tưởng niệm cố Tổng Bí thư Lê Khả Phiêu";
        assert!(past_before(t, t.find("Tổng").expect("role")));
        let t = "tưởng niệm Tổng Bí thư Lê Khả Phiêu";
        assert!(!past_before(t, t.find("Tổng").expect("role")));
        // A marker with words between does not reach the post.
        let t = "từng học tại Trường rồi Tổng Bí thư";
        assert!(!past_before(t, t.find("Tổng").expect("role")));
    }

    #[test]
    fn the_cue_list_is_sorted_without_duplicates() {
        let all: Vec<(&str, &str)> = rows().collect();
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(all, sorted);
        for (k, w) in &all {
            assert!(
                [
                    "start",
                    "end",
                    "lead",
                    "past",
                    "onward",
                    "then",
                    "later",
                    "opens_past",
                    "before_new"
                ]
                .contains(k),
                "unknown kind {k}"
            );
            assert_eq!(*w, w.to_lowercase());
            assert!(unicode_normalization::is_nfc(w));
        }
    }
}
