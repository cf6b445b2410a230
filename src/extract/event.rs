//! Events (EXTRACTION.md §8): conferences, congresses, sessions, seminars, meetings with voters,
//! with their date, organizer, chairs and attendees.
//! - `event.named`: a trigger (`Hội nghị`, `Đại hội`, `Kỳ họp`, `Hội thảo`) and what qualifies it
//!   (`Hội nghị tổng kết ...`, `Kỳ họp thứ 7, Quốc hội khóa XV`, `Đại hội ... lần thứ XIV`);
//! - a bare trigger later on (`chủ trì hội nghị`) is the last event of that type;
//! - organizer: the body before `tổ chức` or `họp` in the sentence (`Tỉnh ủy Hậu Giang tổ chức
//!   hội nghị`), or after `của`; chairs: the people of a sentence with `chủ trì`; attendees: the
//!   people of a sentence with `dự`, `tham dự` or `tiếp xúc`.

use super::date::{DateFact, When};
use super::{Context, Facts, Org, Tokens};
use crate::extract::lexicon::{Table, EVENT, NUMERAL};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct EventFact {
    pub event_type: String,
    pub name: String,
    pub date: Option<When>,
    pub organizer: Option<Org>,
    pub chairs: Vec<String>,
    pub attendees: Vec<String>,
    /// `(nhiệm kỳ 2025 - 2030)`, `khóa XV`.
    pub term: Option<String>,
    pub span: Range<usize>,
    pub rule: &'static str,
}

/// Words after which an event's name stops.
const STOP: [&str; 28] = [
    "các", "cho", "chủ", "chiều", "còn", "có", "cũng", "diễn", "do", "gồm", "là", "ngày", "nhằm",
    "này", "phải", "sau", "sáng", "sẽ", "trong", "tại", "vào", "với", "để", "đã", "đó", "được",
    "đến", "đúng",
];

/// The ordinal of an event's name: `lần thứ XIV` -> `XIV`, `Kỳ họp thứ 7` -> `7`.
fn ordinal(name: &str) -> Option<String> {
    crate::regex!(r"(?i)\bthứ\s+([IVXL]+|\d+)\b")
        .captures(name)
        .map(|c| c[1].to_uppercase())
}

fn has_word(toks: &Tokens, r: &Range<usize>, w: &[&str]) -> bool {
    r.clone().any(|k| {
        w.iter().all(|x| {
            x.split(' ')
                .enumerate()
                .all(|(o, p)| toks.is_word(k + o, p))
        })
    })
}

/// Finds events; `dates` and the people and bodies already in `facts` fill them in.
pub fn extract(toks: &Tokens, ctx: &Context, dates: &[DateFact], facts: &Facts) -> Vec<EventFact> {
    let mut events: Vec<EventFact> = Vec::new();
    let in_doc = |b: usize| facts.documents.iter().any(|d| d.span.contains(&b));
    let persons_in = |r: &Range<usize>| -> Vec<String> {
        let (s, e) = (
            toks.toks[r.start.min(toks.len() - 1)].span.start,
            toks.toks[r.end.max(1).min(toks.len()) - 1].span.end,
        );
        let mut v: Vec<(usize, String)> = facts
            .persons
            .iter()
            .filter(|p| p.span.start >= s && p.span.end <= e)
            .map(|p| (p.span.start, p.name.clone()))
            .chain(
                facts
                    .offices
                    .iter()
                    .filter(|o| o.span.start >= s && o.span.end <= e)
                    .map(|o| (o.span.start, o.person.clone())),
            )
            .collect();
        v.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, n) in v {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    };
    let mut seen_sentences: Vec<usize> = Vec::new();
    // The table read once: a `LazyLock`'s state is checked wherever it is read (every token).
    let events_table: &Table<String> = &EVENT;
    let mut i = 0;
    while i < toks.len() {
        let Some((event_type, j)) = toks.longest(events_table, i) else {
            i += 1;
            continue;
        };
        if in_doc(toks.toks[i].span.start) {
            i = j;
            continue;
        }
        // The qualifying words: up to a stop word or punctuation; `thứ 7, Quốc hội khóa XV` keeps its comma.
        let mut k = j;
        while let Some(t) = toks.get(k) {
            let keep_comma = t.text() == ","
                && toks.get(k + 1).is_some_and(|n| n.is_cap())
                && k > j
                && toks.toks[k - 1].text().chars().all(|c| c.is_ascii_digit());
            let next_event = t.key() == "và" && toks.longest(events_table, k + 1).is_some();
            let term = t.key() == "nhiệm" && toks.is_word(k + 1, "kỳ");
            if (!t.word && !keep_comma)
                || STOP.contains(&t.key())
                || next_event
                || term
                || k - j >= 40
            {
                break;
            }
            k += 1;
        }
        // A quoted subject right after the name is part of it: `Hội thảo khoa học cấp bộ “...”`.
        if toks.is_punct(k, &["“", "\""]) {
            if let Some(close) =
                (k + 1..(k + 40).min(toks.len())).find(|&x| toks.is_punct(x, &["”", "\""]))
            {
                k = close + 1;
            }
        }
        // `(nhiệm kỳ 2025 - 2030)` belongs to a congress.
        let mut term = None;
        if toks.is_punct(k, &["("]) && toks.is_word(k + 1, "nhiệm") {
            if let Some(close) = (k..(k + 10).min(toks.len())).find(|&x| toks.is_punct(x, &[")"])) {
                term = Some(
                    toks.words(k + 3, close)
                        .replace(" - ", "-")
                        .replace(' ', ""),
                );
            }
        }
        if term.is_none() {
            if let Some(x) = (j..k).find(|&x| {
                toks.is_word(x, "khóa")
                    && toks
                        .get(x + 1)
                        .is_some_and(|t| NUMERAL.get(t.key()).is_some())
            }) {
                term = Some(format!("khóa {}", toks.toks[x + 1].text()));
            }
        }
        let name = toks
            .words(i, k)
            .replace(" ,", ",")
            .replace("“ ", "“")
            .replace(" ”", "”");
        let span = toks.span(i, k);
        let sentence = ctx.sentence(i);
        // A bare trigger, or a plural one (`đại hội Đảng bộ các cấp`), is no event of its own.
        let plural = (i > 0 && toks.is_word(i - 1, "các")) || toks.is_word(k, "các");
        // At the head of a sentence the trigger is its subject: `Hội nghị đánh giá cao ...` refers back.
        let subject = i == sentence.start && events.iter().any(|e| e.event_type == *event_type);
        let bare = k == j || plural || subject;
        let idx = if bare {
            events.iter().rposition(|e| e.event_type == *event_type)
        } else {
            // The same name, or the same type and ordinal (`lần thứ XXVI`, `thứ 45`), is the same event.
            let key = crate::normalize::key(&name);
            let ord = ordinal(&name);
            events.iter().position(|e| {
                crate::normalize::key(&e.name) == key
                    || (e.event_type == *event_type && ord.is_some() && ordinal(&e.name) == ord)
            })
        };
        let idx = match idx {
            Some(x) => x,
            None if bare => {
                i = k.max(i + 1);
                continue;
            }
            None => {
                events.push(EventFact {
                    event_type: event_type.clone(),
                    name,
                    date: None,
                    organizer: None,
                    chairs: Vec::new(),
                    attendees: Vec::new(),
                    term: term.clone(),
                    span: span.clone(),
                    rule: "event.named",
                });
                events.len() - 1
            }
        };
        let first_in_sentence = !seen_sentences.contains(&sentence.start);
        seen_sentences.push(sentence.start);
        let e = &mut events[idx];
        if e.term.is_none() {
            e.term = term;
        }
        let (ss, se) = (
            toks.toks[sentence.start.min(toks.len() - 1)].span.start,
            toks.toks[sentence.end.max(1).min(toks.len()) - 1].span.end,
        );
        if e.date.is_none() && first_in_sentence {
            // Not the date of a document cited in the sentence (`Kế hoạch số 25-KH/TU, ngày 13/01/2017`).
            let of_document = |d: &DateFact| {
                facts
                    .documents
                    .iter()
                    .any(|doc| doc.tail <= d.span.start && d.span.start - doc.tail <= 12)
            };
            e.date = dates
                .iter()
                .find(|d| d.span.start >= ss && d.span.end <= se && !of_document(d))
                .map(|d| d.when);
        }
        if e.organizer.is_none() {
            let trigger = toks.toks[i].span.start;
            // A body in the name: `Kỳ họp thứ 21, HĐND tỉnh khóa XVIII`, `kỳ họp ... của HĐND huyện`.
            if matches!(e.event_type.as_str(), "Kỳ họp" | "Đại hội") {
                e.organizer = facts
                    .organizations
                    .iter()
                    .find(|o| o.span.start > trigger && o.span.end <= span.end)
                    .map(|o| o.org.clone());
            }
            // The subject of `<body> (đã) tổ chức <event>`, `<body> đã họp kỳ thứ 45`.
            let verb = (sentence.start..i).rev().find(|&x| {
                toks.is_word(x, "tổ") && toks.is_word(x + 1, "chức")
                    || toks.is_word(x, "họp")
                        && !toks
                            .get(x.wrapping_sub(1))
                            .is_some_and(|p| matches!(p.key(), "kỳ" | "phiên" | "cuộc"))
            });
            if let (None, Some(v)) = (&e.organizer, verb) {
                let clause = (sentence.start..v)
                    .rev()
                    .find(|&x| toks.is_punct(x, &[","]))
                    .map(|x| x + 1)
                    .unwrap_or(sentence.start);
                let (cs, ve) = (toks.toks[clause].span.start, toks.toks[v].span.start);
                e.organizer = facts
                    .organizations
                    .iter()
                    .filter(|o| o.span.start >= cs && o.span.end <= ve && o.span.end <= trigger)
                    .min_by_key(|o| o.span.start)
                    .map(|o| o.org.clone());
            }
        }
        if !first_in_sentence {
            i = k.max(i + 1);
            continue;
        }
        if has_word(toks, &sentence, &["chủ trì"]) {
            for p in persons_in(&sentence) {
                if !e.chairs.contains(&p) {
                    e.chairs.push(p);
                }
            }
        } else if has_word(toks, &sentence, &["dự"]) || has_word(toks, &sentence, &["tiếp xúc"])
        {
            for p in persons_in(&sentence) {
                if !e.attendees.contains(&p) && !e.chairs.contains(&p) {
                    e.attendees.push(p);
                }
            }
        }
        i = k.max(i + 1);
    }
    events
}

#[cfg(test)]
mod tests {
    use super::super::date::dates;
    use super::*;

    fn events(s: &str) -> Vec<EventFact> {
        let t = Tokens::new(s, &[]);
        let ctx = Context::new(&t, &[], None);
        extract(&t, &ctx, &dates(s, None), &Facts::default())
    }

    #[test]
    fn named_events_with_dates_and_terms() {
        let e = events("Ngày 16/3, Tỉnh ủy Hậu Giang tổ chức hội nghị tổng kết việc thực hiện đổi mới. Hội nghị đánh giá cao.");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].event_type, "Hội nghị");
        assert_eq!(e[0].name, "hội nghị tổng kết việc thực hiện đổi mới");
        assert_eq!(e[0].date, Some(When::MonthDay(3, 16)));
        let e = events("sau Kỳ họp thứ 7, Quốc hội khóa XV và Đại hội đại biểu Đảng bộ huyện lần thứ XXII (nhiệm kỳ 2025 - 2030).");
        assert_eq!(e[0].name, "Kỳ họp thứ 7, Quốc hội khóa XV");
        assert_eq!(e[0].term.as_deref(), Some("khóa XV"));
        assert_eq!(e[1].term.as_deref(), Some("2025-2030"));
    }

    #[test]
    fn a_bare_trigger_is_the_last_event_and_nothing_else() {
        assert!(events("Các đại biểu dự hội nghị.").is_empty());
    }
}
