//! Documents (EXTRACTION.md §7): `Kế hoạch số 25-KH/TU, ngày 13/01/2017 của Ban Thường vụ Thị ủy
//! Hồng Lĩnh`, `Nghị quyết Trung ương 5 khóa X`, `Nghị quyết Đại hội XII của Đảng`, `Luật Tổ chức
//! chính quyền địa phương năm 2015`. Their quoted titles are returned so that no other extractor
//! reads them.

use super::{DocumentFact, Facts, Tokens};
use crate::extract::lexicon::BodyKind;
use crate::extract::lexicon::{Table, DOCTYPE};
use crate::regex;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::ops::Range;

fn date_after(text: &str) -> Option<NaiveDate> {
    let c =
        regex!(r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})")
            .captures(text)?;
    NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
}

/// The quoted subject after `về` (`về “...”`), and its byte range in `text`.
fn title_after(text: &str) -> Option<(String, Range<usize>)> {
    // The words without the boundary first, a DFA's search: the boundary (Unicode) keeps the
    // pattern off its DFA, and its NFA read the text after every document (issue 30).
    if !regex!(r#"^[^.;“"]{0,160}?về\s*[“"]"#).is_match(text) {
        return None;
    }
    let c = regex!(r#"^[^.;“"]{0,160}?\bvề\s*[“"]([^”"]{3,400})[”"]"#).captures(text)?;
    let m = c.get(1)?;
    Some((m.as_str().trim().to_string(), m.range()))
}

/// The text as the tokens see it, for the patterns of [`extract`]: hidden tokens blanked, the gaps
/// between tokens spaces, up to the end of the last token. `text` is what `toks` were made of.
/// Most articles hide no token and write only spaces between tokens: then it is `text` itself,
/// read in place (issue 30: the copy was half of this rule's instructions).
fn seen_text<'a>(text: &'a str, toks: &Tokens) -> Cow<'a, str> {
    let end = toks.toks.last().map_or(0, |t| t.span.end);
    let bytes = text.as_bytes();
    let mut at = 0;
    let as_written = toks.toks.iter().all(|t| {
        let gap = &bytes[at..t.span.start];
        at = t.span.end;
        !t.hidden && gap.iter().all(|&b| b == b' ')
    });
    if as_written {
        Cow::Borrowed(&text[..end])
    } else {
        Cow::Owned(seen_copy(toks))
    }
}

/// [`seen_text`] written out token by token.
fn seen_copy(toks: &Tokens) -> String {
    // Tokens come in order without overlapping: the gaps and hidden tokens are spaces, written
    // as they come (no copy to check as UTF-8 again).
    // Spaces pushed as a string (a gap is mostly one space): `extend` of `char`s cost 37
    // instructions a token.
    const SPACES: &str = "                                ";
    let pad = |s: &mut String, mut n: usize| {
        while n > 0 {
            let k = n.min(SPACES.len());
            s.push_str(&SPACES[..k]);
            n -= k;
        }
    };
    let mut s = String::with_capacity(toks.toks.last().map_or(0, |t| t.span.end));
    for t in &toks.toks {
        let gap = t.span.start - s.len();
        pad(&mut s, gap);
        if t.hidden {
            pad(&mut s, t.span.len());
        } else {
            s.push_str(t.text());
        }
    }
    s
}

/// Finds the documents of `toks`, made of `text`; returns the byte ranges of quoted titles.
pub fn extract(text: &str, toks: &Tokens, facts: &mut Facts) -> Vec<Range<usize>> {
    let mut titles = Vec::new();
    let mut i = 0;
    let full = seen_text(text, toks);
    let full: &str = &full;
    // The table read once: a `LazyLock`'s state is checked wherever it is read (every token).
    let doctypes: &Table<String> = &DOCTYPE;
    while i < toks.len() {
        let Some((doc_type, j)) = toks.longest(doctypes, i) else {
            i += 1;
            continue;
        };
        let start = toks.toks[i].span.start;
        let rest = &full[toks.toks[j - 1].span.end..];
        let base = toks.toks[j - 1].span.end;
        let mut found: Vec<(String, Range<usize>, &'static str)> = Vec::new();
        let capital = toks.toks[i].is_cap();
        // `kỷ luật`, `pháp luật`: the type word inside a common word.
        let compound =
            !capital && i > 0 && (toks.is_word(i - 1, "kỷ") || toks.is_word(i - 1, "pháp"));
        // `Đại học Luật Hà Nội`, `Trường Đại học Luật`: the type word inside a body's name.
        let in_name = (1..=3).any(|k| {
            i >= k
                && toks
                    .longest(&crate::extract::lexicon::BODY, i - k)
                    .is_some_and(|(_, e)| e == i)
        }) || i > 0
            && toks.get(i - 1).is_some_and(|t| t.is_cap())
            && !starts_sentence(toks, full, i - 1);
        let numbered = regex!(r"^\s+(?:số\s+)?(\d+[\p{L}]*(?:\s?[-/]+\s?[\p{L}\d][\p{L}\d-]*)*)")
            .captures(rest)
            // `kỷ luật 28 đảng viên`: a type in lower case before a bare number is no document.
            .filter(|c| {
                !compound || c[0].contains("số") || !c[1].chars().all(|ch| ch.is_ascii_digit())
            });
        if let Some(c) = numbered {
            let m = c.get(1).expect("group 1");
            let id: String = m.as_str().split_whitespace().collect();
            let id = id.trim_end_matches('-').to_string();
            found.push((id, base + m.start()..base + m.end(), "document.number"));
            // `Nghị quyết số 18-NQ/TW, 19-NQ/TW`: more numbers of the same type.
            let mut tail = base + m.end();
            while let Some(c) = regex!(r"^\s*,\s*(\d+-[\p{L}]+/[\p{L}]+)").captures(&full[tail..]) {
                let m = c.get(1).expect("group 1");
                found.push((
                    m.as_str().to_string(),
                    tail + m.start()..tail + m.end(),
                    "document.number_list",
                ));
                tail += m.end();
            }
        } else if doc_type == "Nghị quyết" {
            if let Some(c) = regex!(
                r"(?x)^\s+(?:Hội\s+nghị\s+)?(?:Trung\s+ương\s+(\d+)|lần\s+thứ\s+(\d+|[IVX]+)\s+Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?)
                  \s*\(?\s*khóa\s+([IVXL]+)"
            )
            .captures(rest)
            {
                let n = c.get(1).or(c.get(2)).map(|m| m.as_str()).unwrap_or("");
                found.push((format!("Trung ương {n} khóa {}", &c[3]), base..base + c[0].len(), "document.plenum"));
            } else if let Some(c) = regex!(r"^\s+Đại\s+hội\s+(?:đại\s+biểu\s+toàn\s+quốc\s+)?(?:lần\s+thứ\s+)?([IVXL]+)\s+của\s+Đảng").captures(rest) {
                found.push((format!("Đại hội {}", &c[1]), base..base + c[0].len(), "document.congress"));
            } else if let Some(c) = regex!(
                r"(?x)^\s+(?:Đại\s+hội\s+)?(?:đại\s+biểu\s+)?Đảng\s+bộ(?:\s+(tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn))?\s+(?:lần\s+thứ|làn\s+thứ|khóa)\s+([IVXL]+|\d+)"
            )
            .captures(rest)
            {
                let level = c.get(1).map(|m| m.as_str().to_string()).unwrap_or_else(|| "tỉnh".into());
                found.push((format!("Đại hội Đảng bộ {level} {}", &c[2]), base..base + c[0].len(), "document.local_congress"));
            }
        } else if doc_type == "Luật" && !in_name && !field_of_study(toks, i) {
            for (id, r, rule) in laws(toks, full, j, capital) {
                // A law's name is its title: the bodies inside it are not mentions.
                titles.push(r.clone());
                found.push((id, r, rule));
            }
        } else if doc_type == "Hiến pháp" && capital {
            // The Constitution by its year, or `Hiến pháp` when the text gives none.
            match regex!(r"^\s+(?:năm\s+)?(\d{4})").captures(rest) {
                Some(c) => found.push((
                    c[1].to_string(),
                    base..base + c[0].len(),
                    "document.constitution",
                )),
                None => found.push(("Hiến pháp".into(), start..base, "document.constitution")),
            }
        }
        if found.is_empty() {
            i = j;
            continue;
        }
        let last_end = found.last().map(|f| f.1.end).unwrap_or(base);
        let after = &full[last_end..];
        let date = date_after(after);
        let title = title_after(after).map(|(t, r)| {
            titles.push(last_end + r.start..last_end + r.end);
            t
        });
        for (id, r, rule) in found {
            facts.documents.push(DocumentFact {
                doc_type: doc_type.clone(),
                id,
                date,
                issuer: None,
                title: title.clone(),
                span: start..r.end,
                rule,
                tail: last_end,
            });
        }
        let end_byte = last_end;
        while i < toks.len() && toks.toks[i].span.start < end_byte {
            i += 1;
        }
    }
    // A number cited without its type (`theo số 35-CT/TW`): the symbol gives the type.
    for c in regex!(r"(?-u:\b)số\s+(\d+-([\p{L}]+)/[\p{L}]+)")
        .captures_iter(full)
        .filter(|c| crate::word_boundary(full, c.get(0).expect("match").start()))
    {
        let m = c.get(1).expect("group 1");
        if facts.documents.iter().any(|d| d.span.contains(&m.start())) {
            continue;
        }
        let letters = crate::normalize::key(&c[2]);
        let Some(doc_type) = crate::extract::lexicon::SYMBOL.get(&letters) else {
            continue;
        };
        facts.documents.push(DocumentFact {
            doc_type: doc_type.clone(),
            id: m.as_str().to_string(),
            date: date_after(&full[m.end()..]),
            issuer: None,
            title: None,
            span: c.get(0).expect("match").range(),
            rule: "document.symbol_only",
            tail: m.end(),
        });
    }
    titles
}

/// Whether token `k` starts a sentence: the first token, or after a full stop, a question or
/// exclamation mark, a colon or a line break (`Theo Luật Đất đai`: `Theo` is no name's part).
fn starts_sentence(toks: &Tokens, full: &str, k: usize) -> bool {
    k == 0
        || toks.is_punct(k - 1, &[".", "!", "?", ":", ";", "…"])
        || full[toks.toks[k - 1].span.end..toks.toks[k].span.start].contains('\n')
}

/// `Thạc sĩ Luật`, `Cử nhân Luật`, `ngành Luật`, `khoa Luật`, `học Luật`: law as a field of
/// study; `Công ước ... về Luật Biển`: a convention's name.
fn field_of_study(toks: &Tokens, i: usize) -> bool {
    i > 0
        && ["sĩ", "nhân", "ngành", "khoa", "học", "môn"]
            .iter()
            .any(|w| toks.is_word(i - 1, w))
        || (i.saturating_sub(8)..i).any(|k| toks.is_word(k, "công") && toks.is_word(k + 1, "ước"))
}

/// Words that end a law's name read without the lexicon (`Luật Đất đai đã ...`, `Luật này`):
/// a verb, a preposition, a determiner.
const NOT_IN_A_LAW_NAME: [&str; 44] = [
    "và", "của", "đã", "được", "có", "về", "để", "theo", "thì", "nhằm", "sẽ", "còn", "cũng", "này",
    "mới", "đến", "sau", "khi", "tại", "ở", "với", "cho", "từ", "trong", "là", "không", "vẫn",
    "đang", "vừa", "chỉ", "phải", "nêu", "gồm", "năm", "số", "ngày", "tháng", "bị", "do", "mà",
    "như", "hoặc", "trước", "vào",
];

/// The laws after the type word (token `j` on): a law by a name of the lexicon
/// (`data/lexicon/laws.tsv`), an amending law by the law it amends, or, after `Luật` in
/// capitals, a capitalised name ending where a sentence goes on; each with the year written
/// after it (`năm 2015`, `2015`); then the names of a list (`các Luật Đất đai, Nhà ở và Kinh
/// doanh bất động sản`). Each with its id, its byte range and its rule.
fn laws(
    toks: &Tokens,
    full: &str,
    j: usize,
    capital: bool,
) -> Vec<(String, Range<usize>, &'static str)> {
    let mut out = Vec::new();
    let Some(first) = toks.get(j) else {
        return out;
    };
    let start = first.span.start;
    let year = |end: usize| -> (String, usize) {
        match regex!(r"^\s+(?:năm\s+)?((?:19|20)\d\d)\b").captures(&full[end..]) {
            Some(c) => (format!(" {}", &c[1]), end + c[0].len()),
            None => (String::new(), end),
        }
    };
    let amending = regex!(
        r"^[Ss]ửa\s+đổi\s*,?\s*bổ\s+sung\s+(?:một\s+số\s+điều\s+)?(?:của\s+)?(?:các\s+)?(?:[Ll]uật|Bộ\s+luật)\s+"
    )
    .find(&full[start..]);
    let (id, end, rule, mut k) = if let Some(m) = amending {
        // `Luật sửa đổi, bổ sung một số điều của Luật Sĩ quan QĐND Việt Nam`: named by the law
        // it amends; without one the text names no law.
        let at = start + m.end();
        let Some(k) = (j..toks.len()).find(|&k| toks.toks[k].span.start >= at) else {
            return out;
        };
        let Some((name, e, end)) = named(toks, k) else {
            return out;
        };
        let mut head: String = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        head.replace_range(..1, "S");
        let head = head.replacen("Sửa đổi bổ sung", "Sửa đổi, bổ sung", 1);
        let head = match head.strip_suffix(" luật") {
            Some(h) => format!("{h} Luật"),
            None => head,
        };
        let (y, end) = year(end);
        // The law amended is mentioned too.
        out.push((
            format!("{name}{y}"),
            toks.toks[k].span.start..end,
            "document.law_cited",
        ));
        (format!("{head} {name}{y}"), end, "document.law_amending", e)
    } else if let Some((name, e)) = toks
        .longest(&crate::extract::lexicon::LAW, j)
        .filter(|_| capital || first.is_cap())
    {
        let (y, end) = year(toks.toks[e - 1].span.end);
        (format!("{name}{y}"), end, "document.law_known", e)
    } else if capital && first.is_cap() {
        let Some((name, e, end)) = named(toks, j) else {
            return out;
        };
        let (y, end) = year(end);
        let rule = if y.is_empty() {
            "document.law_name"
        } else {
            "document.law"
        };
        (format!("{name}{y}"), end, rule, e)
    } else {
        return out;
    };
    out.insert(0, (id, start..end, rule));
    // `các Luật Đất đai, Kinh doanh bất động sản, Nhà ở`: more names of the lexicon, each
    // capitalised and ending where the list goes on.
    let mut at = end;
    while let Some(m) = regex!(r"^\s*(?:,|và|,\s*và)\s+").find(&full[at..]) {
        let Some(next) = (k..toks.len()).find(|&n| toks.toks[n].span.start >= at + m.end()) else {
            break;
        };
        let Some((name, e)) = toks
            .longest(&crate::extract::lexicon::LAW, next)
            .filter(|_| toks.get(next).is_some_and(|t| t.is_cap()))
            .filter(|&(_, e)| !toks.get(e).is_some_and(|t| t.word && t.is_cap()))
        else {
            break;
        };
        let (y, end) = year(toks.toks[e - 1].span.end);
        out.push((
            format!("{name}{y}"),
            toks.toks[next].span.start..end,
            "document.law_list",
        ));
        at = end;
        k = e;
    }
    out
}

/// A law's name at token `k`: one of the lexicon, else capitalised words up to a word that goes
/// on with the sentence (see [`NOT_IN_A_LAW_NAME`]) or a punctuation mark, ten at most. Its
/// name, the token after it and its end in bytes.
fn named(toks: &Tokens, k: usize) -> Option<(String, usize, usize)> {
    if let Some((name, e)) = toks.longest(&crate::extract::lexicon::LAW, k) {
        return Some((name.clone(), e, toks.toks[e - 1].span.end));
    }
    if !toks.get(k)?.is_cap() {
        return None;
    }
    let mut e = k;
    while e < toks.len() && e - k < 10 {
        let Some(t) = toks.get(e) else { break };
        if !t.word || (e > k && NOT_IN_A_LAW_NAME.iter().any(|w| t.is(w))) {
            break;
        }
        e += 1;
    }
    // `Luật Quảng cáo kỳ vọng sẽ ...`: a name cut by a word it cannot hold is no name.
    let ends_well = match toks.get(e) {
        None => true,
        Some(t) => !t.word || NOT_IN_A_LAW_NAME.iter().any(|w| t.is(w)),
    };
    // One or two syllables are a name cut short (`Luật Quy ...`, `Luật Trật tự, an toàn giao
    // thông`), a code (`A00`) or a field of study (`ngành Luật, Luật Kinh tế`): the laws of one
    // or two syllables are the lexicon's.
    if e < k + 3 || !ends_well || e - k >= 10 {
        return None;
    }
    Some((toks.words(k, e), e, toks.toks[e - 1].span.end))
}

/// The issuer after a document: `..., ngày 02/6/2005 của Bộ Chính trị`; a plenum's resolution is
/// the Central Committee's, a national congress's the Party's.
pub fn issuers(toks: &Tokens, ctx: &super::Context, facts: &mut Facts) {
    use super::organization::{parse, resolve};
    use super::Org;
    let central = |name: &str| Org {
        name: name.into(),
        kind: BodyKind::Party,
        parent: None,
        unit: None,
        implied: false,
    };
    for d in &mut facts.documents {
        if d.id.starts_with("Trung ương ") {
            d.issuer = Some(central("Ban Chấp hành Trung ương"));
            continue;
        }
        if let Some(rest) = d.id.strip_prefix("Đại hội ") {
            // A congress resolution is its party organization's: `Đại hội Đảng bộ tỉnh XI`.
            d.issuer = match rest.strip_prefix("Đảng bộ ") {
                None => Some(central("Đảng Cộng sản Việt Nam")),
                Some(r) => {
                    let level = r.rsplit_once(' ').map(|x| x.0).unwrap_or("tỉnh");
                    let at = toks.toks.partition_point(|t| t.span.start < d.span.start);
                    let at = if at == toks.len() { 0 } else { at };
                    ctx.resolve(level, &(at..at), at).map(|u| Org {
                        name: format!(
                            "Đảng bộ {}",
                            crate::extract::gazetteer::GAZETTEER.canonical(u)
                        ),
                        kind: BodyKind::Party,
                        parent: None,
                        unit: Some(u),
                        implied: false,
                    })
                }
            };
            continue;
        }
        // Tokens are in text order: a binary search, not a scan per document.
        let mut j = toks.toks.partition_point(|t| t.span.start < d.tail);
        if j == toks.len() {
            continue;
        }
        // Skip the date: `, ngày 13/01/2017`.
        loop {
            if toks.is_punct(j, &[","]) {
                j += 1;
            } else if toks.is_word(j, "ngày") {
                j += 1;
                while toks.get(j).is_some_and(|t| {
                    // `19/5/2018` is one token; `23 - 9 - 2019` several.
                    t.text()
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
                }) {
                    j += 1;
                }
            } else {
                break;
            }
        }
        if !toks.is_word(j, "của") {
            continue;
        }
        if toks.get(j + 1).is_some_and(|t| t.text() == "Đảng")
            && !toks
                .get(j + 2)
                .is_some_and(|t| matches!(t.key(), "bộ" | "ủy" | "đoàn"))
        {
            d.issuer = Some(central("Đảng Cộng sản Việt Nam"));
        } else if let Some(p) = parse(toks, j + 1, false) {
            d.issuer = resolve(&p, ctx, &(j + 1..p.end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted title after a document is what the whole pattern finds: the words searched
    /// first without their boundary let through every text it matches (issue 30).
    #[test]
    fn a_title_after_a_document_is_the_whole_patterns() {
        let whole = regex::Regex::new(r#"^[^.;“"]{0,160}?\bvề\s*[“"]([^”"]{3,400})[”"]"#).unwrap();
        let long = format!(" của {} về “Công tác cán bộ”", "Bộ Chính trị ".repeat(12));
        let texts = [
            " ngày 01/02/2020 của Bộ Chính trị về “Tăng cường công tác cán bộ”, ông",
            r#" về  "Quy chế làm việc" của"#,
            " của Ban Bí thư xvề “Không phải tên”",
            " của Bộ Chính trị. Về “Sau dấu chấm”",
            " về “ab”",
            " về việc tăng cường",
            "",
            &long,
        ];
        let mut found = 0;
        for text in texts {
            let want = whole
                .captures(text)
                .map(|c| (c[1].trim().to_string(), c.get(1).unwrap().range()));
            found += usize::from(want.is_some());
            assert_eq!(title_after(text), want, "{text:?}");
        }
        assert_eq!(found, 2);
        assert_eq!(
            title_after(texts[0]).map(|t| t.0).as_deref(),
            Some("Tăng cường công tác cán bộ")
        );
    }

    fn docs(s: &str) -> Vec<(String, String, Option<String>)> {
        let t = Tokens::new(s, &[]);
        let mut f = Facts::default();
        extract(s, &t, &mut f);
        f.documents
            .into_iter()
            .map(|d| (d.doc_type, d.id, d.date.map(|d| d.to_string())))
            .collect()
    }

    /// The text read in place is the text the copy writes, and it is read in place where nothing
    /// is hidden and the gaps are spaces.
    #[test]
    fn the_text_read_in_place_is_the_copy() {
        let texts = [
            "Thực hiện Kế hoạch số 25-KH/TU, ngày 13/01/2017 của Ban Thường vụ.",
            "Nghị quyết số 18-NQ/TW,  19-NQ/TW\ncủa Ban Chấp hành\tTrung ương. ",
            "  theo số 35-CT/TW\u{a0}ngày 14/6/2024\n\n- Luật Tổ chức Quốc hội…",
            "",
            "   ",
        ];
        let mut in_place = 0;
        for s in texts {
            for hide in [0..0, 0..3, 9..14] {
                let t = Tokens::new(s, std::slice::from_ref(&hide));
                let seen = seen_text(s, &t);
                assert_eq!(seen, seen_copy(&t), "`{s}` hiding {hide:?}");
                // A line break is a token; other white space than spaces is not.
                let plain = !t.toks.iter().any(|x| x.hidden)
                    && !s
                        .trim_end()
                        .contains(|c: char| c.is_whitespace() && !matches!(c, ' ' | '\n'));
                assert_eq!(
                    matches!(seen, Cow::Borrowed(_)),
                    plain,
                    "`{s}` hiding {hide:?}"
                );
                in_place += usize::from(plain);
            }
        }
        assert!(in_place >= 3, "{in_place}");
        // Hidden words are blanked (`số`, four bytes), the gaps spaces.
        let s = "Luật số 5\tcủa Quốc hội";
        let t = Tokens::new(s, std::slice::from_ref(&(7..8)));
        assert_eq!(seen_text(s, &t), "Luật      5 của Quốc hội");
    }

    #[test]
    fn numbered_documents_with_dates() {
        assert_eq!(
            docs("Thực hiện Kế hoạch số 25-KH/TU, ngày 13/01/2017 của Ban Thường vụ"),
            [(
                "Kế hoạch".into(),
                "25-KH/TU".into(),
                Some("2017-01-13".into())
            )]
        );
        assert_eq!(docs("Chỉ thị số 35- CT/TW về đại hội")[0].1, "35-CT/TW");
        assert_eq!(
            docs("Quyết định số 22/2013/QĐ-TTg đã")[0].1,
            "22/2013/QĐ-TTg"
        );
        assert_eq!(docs("theo Nghị quyết số 18-NQ/TW, 19-NQ/TW của").len(), 2);
    }

    #[test]
    fn a_symbol_gives_the_type() {
        assert_eq!(
            docs("thực hiện theo số 35-CT/TW ngày 14/6/2024"),
            [(
                "Chỉ thị".into(),
                "35-CT/TW".into(),
                Some("2024-06-14".into())
            )]
        );
        // A Party `QĐ` is a Quy định.
        assert_eq!(docs("theo số 105-QĐ/TW")[0].0, "Quy định");
        assert!(docs("số 12-AB/TW").is_empty());
    }

    #[test]
    fn plenum_congress_and_law() {
        assert_eq!(
            docs("Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Trung ương Đảng (khóa X), ")[0].1,
            "Trung ương 5 khóa X"
        );
        assert_eq!(docs("Nghị quyết Đại hội XII của Đảng")[0].1, "Đại hội XII");
        assert_eq!(
            docs("Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXI")[0].1,
            "Đại hội Đảng bộ huyện XXI"
        );
        assert_eq!(
            docs("áp dụng Luật Tổ chức chính quyền địa phương năm 2015…")[0].1,
            "Tổ chức chính quyền địa phương 2015"
        );
        // A type word with no number is no document.
        assert!(docs("ban hành Nghị quyết của Tỉnh ủy").is_empty());
    }

    #[test]
    fn laws_without_a_year_the_constitution_and_common_words() {
        let ids = |s: &str| docs(s).into_iter().map(|d| d.1).collect::<Vec<_>>();
        assert_eq!(
            ids("căn cứ Hiến pháp, Luật Tổ chức Quốc hội và các quy định"),
            ["Hiến pháp", "Tổ chức Quốc hội"]
        );
        assert_eq!(
            ids("theo Điều 79 Luật tổ chức chính quyền địa phương."),
            ["Tổ chức chính quyền địa phương"]
        );
        assert_eq!(ids("theo Hiến pháp năm 2013"), ["2013"]);
        assert_eq!(
            ids("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ 17"),
            ["Đại hội Đảng bộ tỉnh 17"]
        );
        // `kỷ luật`, `pháp luật`, `Luật sư`, `Đại học Luật`: no law.
        assert!(ids("đã thi hành kỷ luật 28 đảng viên").is_empty());
        assert!(ids("theo quy định của pháp luật.").is_empty());
        assert!(ids("Luật sư Nguyễn Văn An cho biết").is_empty());
        assert!(ids("Hiệu trưởng Trường Đại học Luật Hà Nội.").is_empty());
    }

    #[test]
    fn laws_by_the_lexicon_amending_laws_codes_and_lists() {
        let ids = |s: &str| docs(s).into_iter().map(|d| d.1).collect::<Vec<_>>();
        // A name with a comma, `và` or `của` inside, and an abbreviation written out.
        assert_eq!(
            ids("theo Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân; đưa"),
            ["Hoạt động giám sát của Quốc hội và Hội đồng nhân dân"]
        );
        assert_eq!(
            ids("Luật Cán bộ, công chức và Luật Viên chức năm 2019"),
            ["Cán bộ, công chức", "Viên chức 2019"]
        );
        // The amending law by the law it amends, which is mentioned too; no law without it.
        assert_eq!(
            ids("xây dựng dự án Luật sửa đổi, bổ sung một số điều của Luật Sĩ quan QĐND Việt Nam."),
            [
                "Sửa đổi, bổ sung một số điều của Luật Sĩ quan Quân đội nhân dân Việt Nam",
                "Sĩ quan Quân đội nhân dân Việt Nam"
            ]
        );
        assert!(
            ids("Luật sửa đổi, bổ sung một số điều của các luật đã được thông qua.").is_empty()
        );
        // A code (`Bộ luật`) and a lower-case `luật` before a name, with a year with or
        // without `năm`; a sentence's first word is no body's name before the type.
        assert_eq!(
            ids("Điều 63 Bộ luật Hình sự 2015 quy định"),
            ["Hình sự 2015"]
        );
        assert_eq!(ids("Điều 5 luật Đặc xá năm 2018 quy định"), ["Đặc xá 2018"]);
        assert_eq!(
            ids("Rồi. Theo Luật Đất đai năm 2024, người"),
            ["Đất đai 2024"]
        );
        // A list of names sharing the type word.
        assert_eq!(
            ids("các Luật Đất đai, Kinh doanh bất động sản, Nhà ở sẽ có hiệu lực"),
            ["Đất đai", "Kinh doanh bất động sản", "Nhà ở"]
        );
        // A name read without the lexicon ends where the sentence goes on; one word is none.
        assert_eq!(
            ids("Luật Tư pháp người chưa thành niên đã được thông qua"),
            ["Tư pháp người chưa thành niên"]
        );
        assert!(ids("Luật này có hiệu lực thi hành từ ngày 1/1/2025.").is_empty());
        assert!(ids("Luật mới sẽ tác động tích cực").is_empty());
        assert!(ids("dự án Luật Quy ... Phiên họp").is_empty());
        // Law as a field of study, and a convention's name, are no law.
        assert!(ids("học Tiến sĩ Luật tại Đại học Tổng hợp Nagoya (Nhật Bản)").is_empty());
        assert!(ids("Công ước Liên hợp quốc về Luật Biển năm 1982 (UNCLOS)").is_empty());
    }
}
