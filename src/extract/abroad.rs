//! Foreign posts whose country only the context gives (EXTRACTION.md, "Cases settled by the dev3
//! annotation"): a post of a foreign person read with a Vietnamese national body (`Thủ tướng` ->
//! Chính phủ, `cựu Bộ trưởng Quốc phòng` -> Bộ Quốc phòng) is the body of that person's country.
//! The person's country is the one the article gives them in another post (`Thủ tướng Trung Quốc
//! Lý Cường`, then `Thủ tướng Lý Cường`); for a foreign name (`Shigeru Ishiba`), else the
//! country named nearest (its sentence, then its paragraph), else the article's own foreign
//! country ([`super::office::main_country`]). A Vietnamese name with no country of its own keeps
//! the body: `Thủ tướng Phạm Minh Chính` in an article on Singapore is Việt Nam's; a foreign
//! person written in the Vietnamese reading of their name (`Lý Hiển Long`,
//! `data/lexicon/foreign_names.tsv`) is of the country listed there.
//!
//! The bodies, as data: `data/lexicon/national_bodies.tsv`, and the ministries (`Bộ` and a
//! sector of `data/lexicon/sectors.txt`).

use super::organization::country_at;
use super::{Context, Facts, Org, Tokens};
use crate::extract::lexicon::{COUNTRY, FOREIGN_NAME, NATIONAL_BODY, ONLY_ABROAD, SECTOR, SURNAME};
use crate::normalize::key;
use std::cell::OnceCell;

/// The foreign country an organization's name ends with (`Chính phủ Nhật Bản` -> Nhật Bản, `Nga`,
/// `Đại sứ quán Ấn Độ tại Campuchia` -> Ấn Độ); `None` for a body of Việt Nam (`Đại sứ quán Việt
/// Nam tại Singapore`, `Bộ Công an`).
pub fn country_of(org: &str) -> Option<String> {
    let t = Tokens::new(org, &[]);
    (0..t.len()).find_map(|i| {
        let (c, _) = country_at(&t, i).filter(|&(_, e)| e == t.len())?;
        if i > 0 && t.is_word(i - 1, "tại") {
            return None;
        }
        let c = c.split(" tại ").next().unwrap_or(&c).to_string();
        (c != "Việt Nam").then_some(c)
    })
}

/// Whether a person's name is foreign: two words or more of Latin letters without Vietnamese
/// marks, the first not a Vietnamese surname (`Shigeru Ishiba`, `Hun Many`; not `Lý Hiển Long`,
/// nor `Mai Tien Dung` written without marks).
pub fn foreign_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        })
        && !SURNAME.contains(&key(words[0]))
}

/// The body abroad for a Vietnamese national body `org` of `country`: `Chính phủ Nhật Bản`, `Bộ
/// Quốc phòng Nhật Bản`, the country itself for the state (`Chủ tịch nước Lào` -> Lào); `None`
/// for any other body.
fn abroad(org: &Org, country: &str) -> Option<Org> {
    if org.parent.is_some() || org.unit.is_some() {
        return None;
    }
    let ministry = org
        .name
        .strip_prefix("Bộ ")
        .is_some_and(|s| SECTOR.get(&key(s)).is_some());
    let name = match NATIONAL_BODY.get(&key(&org.name)) {
        Some(true) => country.to_string(),
        Some(false) => format!("{} {country}", org.name),
        None if ministry => format!("{} {country}", org.name),
        None => return None,
    };
    Some(Org {
        name,
        ..org.clone()
    })
}

/// The foreign countries named in the text, by first token (not the given names `Đức`, `Nga`
/// before a lower-case word: [`country_at`] decides; not a country visited, before `của` and the
/// visitor: `Chuyến thăm Trung Quốc của Ngoại trưởng Cho Tae Yul`).
fn countries(toks: &Tokens) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match toks
            .longest(&COUNTRY, i)
            .filter(|(c, _)| !c.given_name)
            .map(|(c, e)| (c.name.clone(), e))
        {
            Some((c, e)) => {
                if !toks.is_word(e, "của") {
                    out.push((i, c));
                }
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// The country named nearest token `at` inside `range`, if any.
fn nearest(found: &[(usize, String)], range: std::ops::Range<usize>, at: usize) -> Option<&str> {
    found
        .iter()
        .filter(|(i, _)| range.contains(i))
        .min_by_key(|(i, _)| i.abs_diff(at))
        .map(|(_, c)| c.as_str())
}

/// The paragraph holding token `at`: between the line breaks around it.
fn paragraph(toks: &Tokens, at: usize) -> std::ops::Range<usize> {
    let mut a = at;
    while a > 0 && !toks.is_punct(a - 1, &["\n"]) {
        a -= 1;
    }
    let mut b = at;
    while b < toks.len() && !toks.is_punct(b, &["\n"]) {
        b += 1;
    }
    a..b
}

/// Gives the foreign posts of the article their country (see the module's note); a post so
/// changed takes the rule `office.abroad`.
pub fn extract(toks: &Tokens, ctx: &Context, facts: &mut Facts) {
    // Each person's own country, where their posts abroad name exactly one; for a Vietnamese
    // name, by role (`Thủ tướng Trung Quốc Lý Cường`, then `Thủ tướng Lý Cường`): one post of a
    // Vietnamese leader read abroad by mistake does not carry the others abroad.
    let mut own: Vec<(&str, Option<&str>, Option<String>)> = Vec::new();
    // Each post's country, read once for each body's name (each read makes the name's tokens:
    // issue 30, a list of posts names one body many times).
    let mut read: Vec<(&str, Option<String>)> = Vec::new();
    let post_country: Vec<Option<String>> = facts
        .offices
        .iter()
        .map(|o| {
            let name = o.org.name.as_str();
            match read.iter().find(|(n, _)| *n == name) {
                Some((_, c)) => c.clone(),
                None => {
                    let c = country_of(name);
                    read.push((name, c.clone()));
                    c
                }
            }
        })
        .collect();
    for (o, c) in facts.offices.iter().zip(&post_country) {
        let Some(c) = c.clone() else {
            continue;
        };
        let role = (!foreign_name(&o.person)).then_some(o.role.as_str());
        match own
            .iter_mut()
            .find(|(p, r, _)| *p == o.person && *r == role)
        {
            Some((_, _, have)) if have.as_deref() != Some(c.as_str()) => *have = None,
            Some(_) => {}
            None => own.push((&o.person, role, Some(c))),
        }
    }
    let own: Vec<(String, Option<String>, Option<String>)> = own
        .into_iter()
        .map(|(p, r, c)| (p.to_string(), r.map(str::to_string), c))
        .collect();
    let found: OnceCell<Vec<(usize, String)>> = OnceCell::new();
    let main: OnceCell<Option<String>> = OnceCell::new();
    for (o, c) in facts.offices.iter_mut().zip(&post_country) {
        if c.is_some() {
            continue;
        }
        let role = (!foreign_name(&o.person)).then_some(o.role.as_str());
        let mine = own
            .iter()
            .find(|(p, r, _)| *p == o.person && r.as_deref() == role)
            .and_then(|(_, _, c)| c.clone());
        // `cựu Thủ tướng Lý Hiển Long`: a foreign person the press writes in the Vietnamese
        // reading of their name (`data/lexicon/foreign_names.tsv`) is of their country.
        let mine = mine.or_else(|| FOREIGN_NAME.get(&key(&o.person)).cloned());
        let country = mine.or_else(|| {
            if !foreign_name(&o.person) {
                return None;
            }
            let at = toks.toks.partition_point(|t| t.span.start < o.span.start);
            let found = found.get_or_init(|| countries(toks));
            nearest(found, ctx.sentence(at), at)
                .or_else(|| nearest(found, paragraph(toks, at), at))
                .map(str::to_string)
                .or_else(|| {
                    main.get_or_init(|| super::office::main_country(toks))
                        .clone()
                })
        });
        if let Some(org) = country.and_then(|c| abroad(&o.org, &c)) {
            o.org = org;
            o.rule = "office.abroad";
        }
    }
    // A chamber only other countries have, which no country was found for (`được bầu làm Chủ
    // tịch Thượng viện, Chủ tịch nước Tô Lâm`: a list read wrong), is no post.
    facts
        .offices
        .retain(|o| !ONLY_ABROAD.contains(&key(&o.org.name)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_of_a_body_and_a_foreign_name() {
        assert_eq!(
            country_of("Chính phủ Nhật Bản").as_deref(),
            Some("Nhật Bản")
        );
        assert_eq!(country_of("Nga").as_deref(), Some("Nga"));
        assert_eq!(
            country_of("Đại sứ quán Ấn Độ tại Campuchia").as_deref(),
            Some("Ấn Độ")
        );
        assert_eq!(country_of("Đại sứ quán Việt Nam tại Singapore"), None);
        assert_eq!(country_of("Bộ Công an"), None);
        assert!(foreign_name("Shigeru Ishiba"));
        assert!(foreign_name("Hun Many"));
        assert!(!foreign_name("Lý Hiển Long"));
        assert!(!foreign_name("Ishiba"));
        assert!(!foreign_name("Mai Tien Dung"));
    }

    /// The offices the whole extraction finds (this pass runs after the others), as the rule
    /// registry writes them.
    fn offices(text: &str) -> Vec<String> {
        let text = crate::normalize::Text::new(text);
        let meta = crate::read::meta::read(&text);
        crate::extract::extract(&text, &meta)
            .offices
            .iter()
            .map(|o| {
                let former = if o.former { " | former" } else { "" };
                format!("{} | {} | {}{former}", o.person, o.role, o.org.name)
            })
            .collect()
    }

    /// A chamber only other countries have (`only` in national_bodies.tsv) takes the country of
    /// its holder, and is no post where it finds none.
    #[test]
    fn a_chamber_only_other_countries_have_needs_a_country() {
        let o = offices(
            "Chủ tịch Thượng viện Hun Sen tiếp đoàn tại Phnom Penh. Campuchia và Việt Nam là láng giềng.",
        );
        assert!(
            o.contains(&"Hun Sen | Chủ tịch | Thượng viện Campuchia".to_string()),
            "{o:?}"
        );
        // Negative: a Vietnamese name read with it through a list read wrong.
        let o = offices(
            "Chúc mừng việc Chủ tịch Hun Sen được bầu làm Chủ tịch Thượng viện, Chủ tịch nước Tô Lâm khẳng định điều đó.",
        );
        assert!(!o.iter().any(|x| x.contains("Thượng viện")), "{o:?}");
        // Boundary: the country written after it.
        let o = offices("Chủ tịch Hạ viện Nhật Bản Fukushiro Nukaga phát biểu.");
        assert!(
            o.contains(&"Fukushiro Nukaga | Chủ tịch | Hạ viện Nhật Bản".to_string()),
            "{o:?}"
        );
    }

    #[test]
    fn a_foreign_post_takes_the_country_of_its_holder() {
        // The country another post of the person gives, for the same role.
        let o = offices(
            "Thủ tướng Trung Quốc Lý Cường thăm Việt Nam. Thủ tướng Lý Cường đặt vòng hoa.",
        );
        assert!(
            !o.contains(&"Lý Cường | Thủ tướng | Chính phủ".to_string()),
            "{o:?}"
        );
        assert!(o.contains(&"Lý Cường | Thủ tướng | Chính phủ Trung Quốc".to_string()));
        // A foreign name: the country of its sentence; the state is the country itself.
        let o = offices("Ông nói với Bộ trưởng Quốc phòng Yoav Gallant tại Israel hôm qua.");
        assert!(
            o.contains(&"Yoav Gallant | Bộ trưởng | Bộ Quốc phòng Israel".to_string()),
            "{o:?}"
        );
        let o = offices("Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith gửi điện mừng.");
        assert!(
            o.contains(&"Thongloun Sisoulith | Chủ tịch nước | Lào".to_string()),
            "{o:?}"
        );
        assert!(o.contains(
            &"Thongloun Sisoulith | Tổng Bí thư | Ban Chấp hành Trung ương Lào".to_string()
        ));
        // Negative: a Vietnamese name keeps its body in an article on another country, and a
        // post read abroad by mistake does not carry the person's other roles abroad.
        let o = offices(
            "Thủ tướng Phạm Minh Chính tiếp Thủ tướng Singapore. Singapore và Singapore ký kết.",
        );
        assert!(
            o.contains(&"Phạm Minh Chính | Thủ tướng | Chính phủ".to_string()),
            "{o:?}"
        );
        // A foreign person written in the Vietnamese reading of their name (dev3 d3-06).
        let o = offices("Tân Thủ tướng Lawrence Wong bắt tay cựu Thủ tướng Lý Hiển Long.");
        assert!(
            o.contains(&"Lý Hiển Long | Thủ tướng | Chính phủ Singapore | former".to_string()),
            "{o:?}"
        );
        // Negative: the country a visit goes to is not the visitor's (vn-all 2024-05-27).
        let o = offices("Chuyến thăm Trung Quốc của Ngoại trưởng Cho Tae Yul đạt mục tiêu.");
        assert!(
            o.contains(&"Cho Tae Yul | Bộ trưởng | Bộ Ngoại giao".to_string()),
            "{o:?}"
        );
        // Boundary: a body that is not national keeps its name (`Đảng Dân chủ Tự do`).
        let o = offices("Phó Chủ tịch LDP Taro Aso ủng hộ. Nhật Bản và Nhật Bản bầu cử.");
        assert!(o.iter().all(|x| !x.contains("LDP Nhật Bản")), "{o:?}");
    }
}
