//! Persons (EXTRACTION.md §3): `Họ Đệm Tên`, every syllable capitalised, no honorific.

use super::{Facts, PersonFact, Tokens};
use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::lexicon::{BODY, HONORIFIC, ROLE, SURNAME};

/// A name candidate at `i`: 2-5 capitalised syllables starting with a family name.
/// Returns the name and the index after it.
pub fn name_at(toks: &Tokens, i: usize) -> Option<(String, usize)> {
    let first = toks.get(i)?;
    if !first.is_name_syllable() || !SURNAME.contains(&first.key) {
        return caps_name_at(toks, i);
    }
    let mut n = 1;
    while n < 5 {
        let Some(t) = toks.get(i + n) else { break };
        // A single capital (`Phạm S`) ends a name.
        if !t.is_name_syllable() || (toks.longest(&BODY, i + n).is_some() && t.is_cap() && n >= 2) {
            break;
        }
        n += 1;
        // A single capital ends a name (`Phạm S`), unless a syllable follows it: the middle
        // `A` of Hmong names (`Hầu A Lềnh`, `Giàng A Chu`).
        if t.text.chars().count() == 1
            && !toks
                .get(i + n)
                .is_some_and(|x| x.is_name_syllable() && x.text.chars().count() > 1)
        {
            break;
        }
    }
    // A name cut short by an ellipsis (a truncated headline: `Phó thủ tướng Lê Minh ...`) is not a name.
    let cut = toks.is_punct(i + n, &["…"])
        || toks.is_punct(i + n, &["."]) && toks.is_punct(i + n + 1, &["."]);
    (n >= 2 && !cut).then(|| (toks.words(i, i + n), i + n))
}

/// A name written in capitals after an honorific or a title (`Đồng chí TRẦN THANH MẪN`, `PHÓ THỦ
/// TƯỚNG LÊ THÀNH LONG`), as party profiles and headlines write it: 2-4 syllables of capitals
/// starting with a family name, given in the canonical `Họ Đệm Tên` case. Not introduced, capitals
/// are a headline's words (`VŨ KHÍ HẠT NHÂN`), not a name.
fn caps_name_at(toks: &Tokens, i: usize) -> Option<(String, usize)> {
    let caps = |k: usize| toks.get(k).is_some_and(|t| t.is_capitals());
    if !caps(i) || !SURNAME.contains(&toks.get(i)?.key) {
        return None;
    }
    let mut e = i + 1;
    while e < i + 4 && caps(e) {
        e += 1;
    }
    if e - i < 2 || caps(e) || !introduced(toks, i) {
        return None;
    }
    let name = toks.toks[i..e]
        .iter()
        .map(|t| title_case(&t.text))
        .collect::<Vec<_>>()
        .join(" ");
    Some((name, e))
}

/// A foreign name after a title (`Thủ tướng Kishida Fumio`, `Tổng thống Nga Vladimir Putin`):
/// two or three capitalised words of Latin letters without Vietnamese marks, none of them a
/// lexicon word or a country. Only read after a role, where a name is expected.
pub fn foreign_name_at(toks: &Tokens, i: usize) -> Option<(String, usize)> {
    use crate::extract::lexicon::COUNTRY;
    let foreign = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.word
                && t.text.chars().count() > 1
                && t.text.starts_with(|c: char| c.is_ascii_uppercase())
                && t.text
                    .chars()
                    .skip(1)
                    .all(|c| c.is_ascii_lowercase() || c == '-')
                && toks.longest(&ROLE, k).is_none()
                && toks.longest(&BODY, k).is_none()
                && toks.longest(&COUNTRY, k).is_none()
        })
    };
    let mut e = i;
    while e < i + 3 && foreign(e) {
        e += 1;
    }
    if e - i < 2 || foreign(e) {
        return None;
    }
    Some((toks.words(i, e), e))
}

/// `MẪN` -> `Mẫn`.
fn title_case(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| {
            f.to_uppercase()
                .chain(c.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a name at `i` is introduced as a person: an honorific, a role or `các ông` before it.
pub fn introduced(toks: &Tokens, i: usize) -> bool {
    let mut j = i;
    // `TS. Phan Công Khanh`, `GS,TS. Lê Văn Lợi`.
    while j > 0 && toks.is_punct(j - 1, &[".", ","]) {
        j -= 1;
    }
    (1..=4).any(|k| {
        j >= k
            && (toks.longest(&HONORIFIC, j - k).is_some_and(|(_, e)| e == j)
                || toks.longest(&ROLE, j - k).is_some_and(|(_, e)| e == j))
    })
}

/// Whether a name is that of an administrative unit (`Hà Nội`, `Kỳ Anh`).
pub fn place_name(name: &str) -> bool {
    !G.named(name).is_empty()
}

/// Whether a candidate is a person's name rather than a place: three syllables or more, or
/// introduced, and not the name of a unit unless introduced.
pub fn accept(toks: &Tokens, i: usize, name: &str, strong: bool) -> bool {
    let intro = strong || introduced(toks, i);
    // A level word before it makes it a place (`huyện Lâm Hà`).
    if i > 0 && super::locality::level_at(toks, i - 1).is_some() {
        return false;
    }
    // `thuộc Đoàn Hà Nội`: a word before a province's name, not a person, unless introduced.
    let before_province = name
        .split_once(' ')
        .is_some_and(|(_, rest)| G.named(rest).iter().any(|&u| G.is_province(u)));
    let is_unit = !G.named(name).is_empty() || before_province;
    let syllables = name.split(' ').count();
    intro || (syllables >= 3 && !is_unit)
}

/// People named anywhere in the text (those with posts are already in `facts`).
pub fn extract(toks: &Tokens, facts: &mut Facts, taken: &[bool]) {
    let mut i = 0;
    let mut list = false;
    while i < toks.len() {
        // Tokens read as a post or a body are not a name; nor is the middle of a capitalised run.
        let mid_run = i > 0
            && toks.get(i - 1).is_some_and(|t| t.is_name_syllable())
            && toks.longest(&HONORIFIC, i - 1).is_none_or(|(_, e)| e != i);
        if taken.get(i).copied().unwrap_or(false) || mid_run {
            i += 1;
            continue;
        }
        // `các ông A, B, C`: a list of people.
        if toks.is_word(i, "các")
            && toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.key.as_str(), "ông" | "bà" | "đồng"))
        {
            list = true;
        }
        if toks
            .get(i)
            .is_some_and(|t| t.ends_sentence() || t.text == ":")
        {
            list = false;
        }
        if let Some((name, e)) = name_at(toks, i) {
            // In `các ông A, B, C` the names stand right after the honorific or a separator.
            let in_list = list
                && i > 0
                && (toks.is_punct(i - 1, &[",", ";"])
                    || toks.is_word(i - 1, "và")
                    || toks.longest(&HONORIFIC, i - 1).is_some());
            if accept(toks, i, &name, in_list) {
                facts.persons.push(PersonFact {
                    name,
                    span: toks.span(i, e),
                    rule: if in_list {
                        "person.list"
                    } else {
                        "person.name"
                    },
                });
            }
            i = e;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(s: &str) -> Vec<String> {
        let t = Tokens::new(s, &[]);
        let mut f = Facts::default();
        extract(&t, &mut f, &[]);
        f.persons.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn names_with_and_without_honorifics() {
        assert_eq!(persons("ông Lê Quang Trạng, ấp Đại An"), ["Lê Quang Trạng"]);
        assert_eq!(persons("Chủ tịch nước Tô Lâm dự"), ["Tô Lâm"]);
        // Two syllables with nothing to introduce them are not enough.
        assert!(persons("Hà Nam là tỉnh").is_empty());
        // A truncated headline.
        assert!(persons("kỷ luật Phó thủ tướng Lê Minh ...").is_empty());
        assert_eq!(persons("Ông Võ Văn Cảnh, xóm Tân Sơn"), ["Võ Văn Cảnh"]);
    }

    #[test]
    fn places_are_not_people() {
        assert!(persons("đại biểu Quốc hội thuộc Đoàn Hà Nội được giới thiệu").is_empty());
        assert_eq!(persons("ông Lê Hà Nam dự"), ["Lê Hà Nam"]);
        assert!(persons("tại huyện Lâm Hà và phong cách Hồ Chí Minh").is_empty());
        assert_eq!(persons("tưởng nhớ Chủ tịch Hồ Chí Minh"), ["Hồ Chí Minh"]);
    }

    #[test]
    fn a_single_capital_inside_a_hmong_name() {
        assert_eq!(persons("ông Hầu A Lềnh, Bí thư"), ["Hầu A Lềnh"]);
        assert_eq!(
            persons("các ông Phạm S, Trần Phương."),
            ["Phạm S", "Trần Phương"]
        );
    }

    #[test]
    fn lists_after_cac_ong() {
        assert_eq!(
            persons("các ông Huỳnh Đức Hòa, Phạm S, Trần Phương."),
            ["Huỳnh Đức Hòa", "Phạm S", "Trần Phương"]
        );
    }
}
