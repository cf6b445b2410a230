//! Documents (EXTRACTION.md §7): `Kế hoạch số 25-KH/TU, ngày 13/01/2017 của Ban Thường vụ Thị ủy
//! Hồng Lĩnh`, `Nghị quyết Trung ương 5 khóa X`, `Nghị quyết Đại hội XII của Đảng`, `Luật Tổ chức
//! chính quyền địa phương năm 2015`. Their quoted titles are returned so that no other extractor
//! reads them.

use super::{DocumentFact, Facts, Tokens};
use crate::extract::lexicon::BodyKind;
use crate::extract::lexicon::DOCTYPE;
use crate::regex;
use chrono::NaiveDate;
use std::ops::Range;

fn date_after(text: &str) -> Option<NaiveDate> {
    let c =
        regex!(r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})")
            .captures(text)?;
    NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
}

/// The quoted subject after `về` (`về “...”`), and its byte range in `text`.
fn title_after(text: &str) -> Option<(String, Range<usize>)> {
    let c = regex!(r#"^[^.;“"]{0,160}?\bvề\s*[“"]([^”"]{3,400})[”"]"#).captures(text)?;
    let m = c.get(1)?;
    Some((m.as_str().trim().to_string(), m.range()))
}

/// Finds the documents of `toks`; returns the byte ranges of quoted titles.
pub fn extract(toks: &Tokens, facts: &mut Facts) -> Vec<Range<usize>> {
    let mut titles = Vec::new();
    let mut i = 0;
    let full: String = {
        // The text as the tokens see it (hidden tokens blanked), for the patterns below.
        // Tokens come in order without overlapping: the gaps and hidden tokens are spaces,
        // written as they come (no copy to check as UTF-8 again).
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
    };
    while i < toks.len() {
        let Some((doc_type, j)) = toks.longest(&DOCTYPE, i) else {
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
        }) || i > 0 && toks.get(i - 1).is_some_and(|t| t.is_cap());
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
        } else if doc_type == "Luật" && capital && !in_name {
            if let Some(c) =
                regex!(r"^\s+([\p{Lu}][^.;()“”]{2,120}?)\s+năm\s+(\d{4})").captures(rest)
            {
                found.push((
                    format!("{} {}", &c[1], &c[2]),
                    base..base + c[0].len(),
                    "document.law",
                ));
                // A law's name is its title: the bodies inside it are not mentions.
                titles.push(base..base + c[0].len());
            } else if let Some(c) = regex!(
                r"^\s+((?:\p{Lu}[\p{L}]*|[\p{Ll}&&[^s]][\p{L}]*|s[^ư][\p{L}]*)(?:\s+[\p{L}]+){1,10}?)(?:\s+(?:và|của|đã|được|có|về|để|theo|thì|nhằm|quy\s+định|sửa\s+đổi)\b|\s*[.,;:()“”]|\s*$)"
            )
            .captures(rest)
            {
                // Without a year, a law by its name alone (`Luật Tổ chức Quốc hội và ...`).
                let m = c.get(1).expect("group 1");
                found.push((
                    m.as_str().to_string(),
                    base + m.start()..base + m.end(),
                    "document.law_name",
                ));
                titles.push(base + m.start()..base + m.end());
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
        .captures_iter(&full)
        .filter(|c| crate::word_boundary(&full, c.get(0).expect("match").start()))
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

    fn docs(s: &str) -> Vec<(String, String, Option<String>)> {
        let t = Tokens::new(s, &[]);
        let mut f = Facts::default();
        extract(&t, &mut f);
        f.documents
            .into_iter()
            .map(|d| (d.doc_type, d.id, d.date.map(|d| d.to_string())))
            .collect()
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
            ["tổ chức chính quyền địa phương"]
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
}
