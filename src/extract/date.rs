//! Dates and terms (EXTRACTION.md §1, §8): absolute dates (`ngày 13/01/2017`, `23-9-2019`,
//! `ngày 13 tháng 01 năm 2017`), a day and month taking the year of the article (`Ngày 16/3`,
//! `Sáng 19/7`, `Sáng nay (02/9)`, `Trong các ngày 7 và 8-8`), and terms (`nhiệm kỳ 2020 - 2025`,
//! `khóa XII`).

use crate::extract::lexicon::NUMERAL;
use crate::{regex, word_boundary};
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// A date as precise as the text makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    Date(NaiveDate),
    /// A day and month, in an article whose year is unknown (xsd:gMonthDay `--03-16`).
    MonthDay(u32, u32),
}

impl When {
    /// The lexical form: `2017-03-16` or `--03-16`.
    pub fn lexical(&self) -> String {
        match self {
            When::Date(d) => d.to_string(),
            When::MonthDay(m, d) => format!("--{m:02}-{d:02}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateFact {
    pub when: When,
    pub span: Range<usize>,
    pub rule: &'static str,
}

/// A term of office or of a body: years (`2020-2025`), a numeral (`khóa XII` -> 12), or both.
#[derive(Debug, Clone, PartialEq)]
pub struct TermFact {
    pub years: Option<(i32, i32)>,
    pub number: Option<u32>,
    pub span: Range<usize>,
    pub rule: &'static str,
}

/// Whether a match starts and ends on Unicode word boundaries (see [`word_boundary`]).
fn bounded(text: &str, m: regex::Match) -> bool {
    word_boundary(text, m.start()) && word_boundary(text, m.end())
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Every date of a normalised text; `article` gives the year to a day and month.
pub fn dates(text: &str, article: Option<NaiveDate>) -> Vec<DateFact> {
    let mut out: Vec<DateFact> = Vec::new();
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    for c in regex!(r"(?-u:\b)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?-u:\b)")
        .captures_iter(text)
        .filter(|c| bounded(text, c.get(0).expect("match")))
    {
        if let Some(d) = ymd(num(&c[3]) as i32, num(&c[2]), num(&c[1])) {
            out.push(DateFact {
                when: When::Date(d),
                span: c.get(0).expect("match").range(),
                rule: "date.absolute",
            });
        }
    }
    for c in regex!(r"(?i)(?-u:\b)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?-u:\b)")
        .captures_iter(text)
        .filter(|c| bounded(text, c.get(0).expect("match")))
    {
        if let Some(d) = ymd(num(&c[3]) as i32, num(&c[2]), num(&c[1])) {
            out.push(DateFact {
                when: When::Date(d),
                span: c.get(0).expect("match").range(),
                rule: "date.absolute_words",
            });
        }
    }
    // A day and month: after `ngày`, a time of day, or `nay`; not followed by a year.
    for c in regex!(
        r"(?xi)(?-u:\b)(?:(?:các\s+)?ngày|sáng|chiều|tối|trưa|đêm)\s+(?:nay\s*\(\s*)?(\d{1,2})(?:\s+và\s+\d{1,2})?\s*[/-]\s*(\d{1,2})(?-u:\b)(\s*[/.-]\s*\d)?"
    )
    .captures_iter(text)
    .filter(|c| {
        word_boundary(text, c.get(0).expect("match").start())
            && word_boundary(text, c.get(2).expect("group 2").end())
    })
    {
        if c.get(3).is_some() {
            continue;
        }
        let (d, m) = (num(&c[1]), num(&c[2]));
        let when = match article.and_then(|a| ymd(a.year(), m, d)) {
            Some(full) => When::Date(full),
            None if ymd(2000, m, d).is_some() => When::MonthDay(m, d),
            None => continue,
        };
        let span = c.get(0).expect("match").range();
        if !out.iter().any(|o| o.span.start < span.end && span.start < o.span.end) {
            out.push(DateFact { when, span, rule: "date.day_month" });
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// Terms: `nhiệm kỳ 2020 - 2025`, `khóa XII`, `khoá X` (the text is already canonical: `khóa`).
pub fn terms(text: &str) -> Vec<TermFact> {
    let mut out = Vec::new();
    for c in regex!(r"(?i)(?-u:\b)nhiệm\s+kỳ\s+(\d{4})\s*[-–]\s*(\d{4})(?-u:\b)")
        .captures_iter(text)
        .filter(|c| bounded(text, c.get(0).expect("match")))
    {
        let (a, b) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        if a < b && b - a <= 10 {
            out.push(TermFact {
                years: Some((a, b)),
                number: None,
                span: c.get(0).expect("match").range(),
                rule: "term.years",
            });
        }
    }
    for c in regex!(r"(?-u:\b)[Kk]hóa\s+([IVXL]+)(?-u:\b)")
        .captures_iter(text)
        .filter(|c| bounded(text, c.get(0).expect("match")))
    {
        if let Some(n) = NUMERAL.get(&c[1].to_lowercase()) {
            out.push(TermFact {
                years: None,
                number: Some(*n),
                span: c.get(0).expect("match").range(),
                rule: "term.numeral",
            });
        }
    }
    out.sort_by_key(|t| t.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(text: &str, year: Option<i32>) -> Vec<String> {
        dates(text, year.and_then(|y| ymd(y, 1, 1)))
            .iter()
            .map(|d| d.when.lexical())
            .collect()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            lex("Kế hoạch số 25-KH/TU, ngày 13/01/2017 của", None),
            ["2017-01-13"]
        );
        assert_eq!(lex("Quy định 205 ngày 23-9-2019", None), ["2019-09-23"]);
        assert_eq!(lex("ngày 13 tháng 01 năm 2017", None), ["2017-01-13"]);
        assert!(lex("ngày 31/02/2017", None).is_empty());
    }

    #[test]
    fn day_and_month_take_the_article_year() {
        assert_eq!(
            lex("Ngày 16/3, Tỉnh ủy Hậu Giang tổ chức", Some(2017)),
            ["2017-03-16"]
        );
        assert_eq!(
            lex("Ngày 16/3, Tỉnh ủy Hậu Giang tổ chức", None),
            ["--03-16"]
        );
        assert_eq!(lex("Sáng nay (02/9), tại nhà ông", None), ["--09-02"]);
        assert_eq!(lex("Trong các ngày 7 và 8-8, Ủy ban", None), ["--08-07"]);
        // A number and a ratio are not dates.
        assert!(lex("tăng 12/15 chỉ tiêu", None).is_empty());
    }

    #[test]
    fn terms_of_office() {
        let t = terms("nhiệm kỳ 2020 - 2025 và Ban Chấp hành khóa XII");
        assert_eq!(t[0].years, Some((2020, 2025)));
        assert_eq!(t[1].number, Some(12));
        assert!(terms("khóa học").is_empty());
    }
}
