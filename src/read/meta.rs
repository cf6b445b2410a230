//! Article metadata (EXTRACTION.md §1): the headline, the publication date from the dateline,
//! the byline's authors and the source line.

use crate::normalize::Text;
use crate::regex;
use chrono::NaiveDate;
use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    /// Lines that are metadata, not article text (dateline, byline): extractors skip them.
    pub skip: Vec<Range<usize>>,
}

const MONTHS: [&str; 12] = [
    "một",
    "hai",
    "ba",
    "tư",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "mười một",
    "mười hai",
];

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date of a dateline: a short line holding a date, a time, a weekday and nothing else
/// (`15:19 21/02/2017`, `01/10/2020 | 17:25 GMT+7`, `Thứ Năm, 18 Tháng Tư, 2024`, `Thứ 6,
/// 19.10.2018 | 11:34:21`), or such a line with a time or a weekday after a byline or a section
/// and a dash (`Vương Trần - Thứ sáu, 28/06/2024 18:14 (GMT+7)`, `Xây dựng Đảng - Ngày đăng :
/// 08:50, 30/03/2021`).
pub fn dateline(line: &str) -> Option<NaiveDate> {
    let l = line.trim();
    if let Some(d) = dateline_alone(l) {
        return Some(d);
    }
    let c = regex!(r"^([\p{Lu}][\p{L}.]*(?:\s+[\p{L}.]+){0,4})\s+[-–|]\s+(.+)$").captures(l)?;
    let rest = c.get(2)?.as_str();
    // Too long for a dateline whatever it holds: the marks' regex (Unicode boundaries, an NFA's
    // search) is not run over a paragraph (issue 30).
    if too_long(rest) {
        return None;
    }
    let marked = regex!(
        r"(?i)\d{1,2}:\d{2}|\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\b|\bchủ\s+nhật\b|\bngày\s+đăng\b|\bcập\s+nhật\b"
    )
    .is_match(rest);
    if marked {
        dateline_alone(rest)
    } else {
        None
    }
}

/// Whether a line is longer than a dateline may be (64 chars).
fn too_long(l: &str) -> bool {
    l.chars().count() > 64
}

/// [`dateline`] of a line that is nothing else.
fn dateline_alone(l: &str) -> Option<NaiveDate> {
    if too_long(l) {
        return None;
    }
    let lower = l.to_lowercase();
    let mut date = None;
    let mut rest = lower.clone();
    if let Some(c) = regex!(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b").captures(&lower) {
        date = ymd(&c[3], &c[2], &c[1]);
        rest = rest.replace(&c[0], " ");
    } else if let Some(c) = regex!(
        r"\b(\d{1,2}),?\s+tháng\s+(\d{1,2}|mười một|mười hai|[\p{L}]+),?\s+(?:năm\s+)?(\d{4})\b"
    )
    .captures(&lower)
    {
        let m = match c[2].parse::<u32>() {
            Ok(m) => Some(m),
            Err(_) => MONTHS
                .iter()
                .position(|w| *w == &c[2])
                .map(|i| i as u32 + 1),
        };
        date = m.and_then(|m| ymd(&c[3], &m.to_string(), &c[1]));
        rest = rest.replace(&c[0], " ");
    }
    date?;
    // What may stand beside the date on a dateline.
    let rest = regex!(
        r"(?x) \d{1,2}:\d{2}(?::\d{2})? | gmt\s*[+-]\s*\d+ | \b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\b
             | \b(?:cập\s+nhật|đăng\s+lúc|đăng|ngày|lúc|giờ|am|pm)\b | [|,:()\-–]"
    )
    .replace_all(&rest, " ");
    if rest.trim().is_empty() {
        date
    } else {
        None
    }
}

/// Title-cases a name written in capitals (`KIM LOAN` -> `Kim Loan`, `Đ.BẢO` -> `Đ.Bảo`).
pub fn name_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

/// The names of a byline line, if the line is one.
pub fn byline(line: &str) -> Option<Vec<String>> {
    let l = line.trim();
    if l.is_empty() || l.chars().count() > 60 {
        return None;
    }
    let l = regex!(r"(?i)^(?:tin(?:\s*,?\s*(?:bài|ảnh))*(?:\s+và\s+ảnh)?|bài(?:\s*(?:,|và)\s*ảnh)?|ảnh|nhóm\s+pv|theo)\s*:\s*")
        .replace(l, "");
    let l = regex!(r"(?i)\s+(?:thực\s+hiện|ghi)\s*$").replace(&l, "");
    let full = regex!(
        r"^([\p{Lu}][\p{L}]*\.?(?:[\p{Lu}][\p{L}]*)?(?:\s+[\p{Lu}][\p{L}]*){0,3})(?:\s*(?:[-–,]|\svà\s)\s*([\p{Lu}][\p{L}]*\.?(?:[\p{Lu}][\p{L}]*)?(?:\s+[\p{Lu}][\p{L}]*){0,3}))*$"
    );
    if !full.is_match(&l) {
        return None;
    }
    let names: Vec<String> = regex!(r"\s*(?:[-–,]|\svà\s)\s*")
        .split(&l)
        .map(|n| name_case(n.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    // A single capitalised word is a heading, not a byline.
    if names.len() == 1 && !names[0].contains([' ', '.']) {
        return None;
    }
    Some(names)
}

/// Reads the metadata of a normalised text.
pub fn read(text: &Text) -> Meta {
    let mut meta = Meta::default();
    let lines: Vec<Range<usize>> = text
        .lines()
        .into_iter()
        .filter(|r| !text.text[r.clone()].trim().is_empty())
        .collect();
    // The dateline sits among the first lines; the headline is the first other line.
    for r in lines.iter().take(4) {
        let l = &text.text[r.clone()];
        if let Some(d) = dateline(l) {
            meta.date.get_or_insert(d);
            meta.skip.push(r.clone());
        } else if meta.title.is_none() {
            meta.title = Some(l.trim().to_string());
        }
    }
    // The byline and the source line close the article.
    for r in lines.iter().rev().take(3) {
        let l = text.text[r.clone()].trim();
        if let Some(src) = l.strip_prefix("Nguồn:") {
            meta.source = Some(src.trim().to_string());
            continue;
        }
        if meta.title.as_deref() == Some(l) {
            break;
        }
        if let Some(names) = byline(l) {
            meta.authors = names;
            meta.skip.push(r.clone());
        }
        break;
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_in_every_form_of_the_corpus() {
        let d = |s: &str| dateline(s).map(|d| d.to_string());
        assert_eq!(d("15:19 21/02/2017").as_deref(), Some("2017-02-21"));
        assert_eq!(d("01/10/2020 | 17:25 GMT+7").as_deref(), Some("2020-10-01"));
        assert_eq!(
            d("Thứ Năm, 18 Tháng Tư, 2024").as_deref(),
            Some("2024-04-18")
        );
        assert_eq!(
            d("Chủ nhật, 3 tháng 12, 2023").as_deref(),
            Some("2023-12-03")
        );
        assert_eq!(
            d("Thứ 6, 19.10.2018 | 11:34:21").as_deref(),
            Some("2018-10-19")
        );
        // After a byline or a section and a dash, with a time or a weekday.
        assert_eq!(
            d("Vương Trần - Thứ sáu, 28/06/2024 18:14 (GMT+7)").as_deref(),
            Some("2024-06-28")
        );
        assert_eq!(
            d("Xây dựng Đảng - Ngày đăng : 08:50, 30/03/2021").as_deref(),
            Some("2021-03-30")
        );
        // A sentence with a date in it is not a dateline.
        assert_eq!(d("Ngày 27/10/2023, Học viện tổ chức Hội thảo"), None);
        assert_eq!(
            d("Hà Nội - Ngày 27/10/2023, Học viện tổ chức Hội thảo"),
            None
        );
        assert_eq!(d("Hội nghị lần thứ 5 - 27/10/2023"), None);
        assert_eq!(d("32/13/2020"), None);
        // After the dash, 64 chars at most, as a dateline alone (issue 30: told before the
        // marks are looked for).
        let rest = "Thứ sáu, 28/06/2024 18:14 (GMT+7)";
        let padded = format!("{rest}{}|", " ".repeat(63 - rest.chars().count()));
        assert_eq!(padded.chars().count(), 64);
        assert_eq!(
            d(&format!("Vương Trần - {padded}")).as_deref(),
            Some("2024-06-28")
        );
        assert_eq!(d(&format!("Vương Trần - {padded}|")), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("Lê Hồng Hạnh").unwrap(), ["Lê Hồng Hạnh"]);
        assert_eq!(byline("Đ.BẢO thực hiện").unwrap(), ["Đ.Bảo"]);
        assert_eq!(byline("Tin, ảnh: KIM LOAN").unwrap(), ["Kim Loan"]);
        assert_eq!(
            byline("Tin bài và ảnh: Thành Trung - Duy Chiến").unwrap(),
            ["Thành Trung", "Duy Chiến"]
        );
        assert_eq!(byline("Xin cảm ơn ông !"), None);
        assert_eq!(byline("Hội nghị kết thúc."), None);
    }

    #[test]
    fn headline_date_and_byline_of_an_article() {
        let t = Text::new("Tiêu đề bài\nEmailPrintAa\n15:19 21/02/2017\n\nNội dung.\n\nLê Hồng Hạnh\n\n Ý kiến bạn đọc");
        let m = read(&t);
        assert_eq!(m.title.as_deref(), Some("Tiêu đề bài"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2017-02-21"));
        assert_eq!(m.authors, ["Lê Hồng Hạnh"]);
    }
}
