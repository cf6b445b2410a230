//! Localities (EXTRACTION.md §6): administrative units named in the text, linked to the
//! gazetteer. An ambiguous name (`huyện Châu Thành` exists in many provinces) is read as the
//! unit nearest to the other units the article names.

use super::{Context, Facts, LocalityFact, Tokens};
use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::lexicon::{Body, BodyClass, Table, BODY, LEVEL};
use std::ops::Range;

/// One mention of a unit.
#[derive(Debug, Clone)]
pub struct UnitMention {
    pub cands: Vec<usize>,
    pub unit: usize,
    /// Token range.
    pub toks: Range<usize>,
    pub rule: &'static str,
}

/// A level word at `i` (`tỉnh`, `Thị xã`, `TP`): the level and the index after it.
pub fn level_at(toks: &Tokens, i: usize) -> Option<(String, usize)> {
    // `H.Quảng Trạch`, `TP.Đà Lạt`: a short level word glued to the name, one word with its
    // full stop (normalize::segments), in capitals.
    let t = toks.get(i)?;
    if t.key().ends_with('.') && t.text().chars().all(|c| !c.is_lowercase()) {
        if let Some(lv) = LEVEL.get(t.key()) {
            return Some((lv.clone(), i + 1));
        }
    }
    let (lv, j) = toks.longest(&LEVEL, i)?;
    // `Tỉnh ủy`, `Huyện ủy`: a committee, not a level word.
    if toks.get(j).is_some_and(|t| t.key() == "ủy") {
        return None;
    }
    // `TP` is an abbreviation: only in capitals.
    if lv == "thành phố" && toks.toks[i].key().starts_with("tp") && !toks.toks[i].is_cap() {
        return None;
    }
    Some((
        lv.clone(),
        if toks.is_punct(j, &["."]) && toks.toks[i].key() == "tp" {
            j + 1
        } else {
            j
        },
    ))
}

fn fits(u: usize, level: Option<&str>) -> bool {
    match level {
        None => true,
        Some("tỉnh") => G.is_province(u),
        Some(l) => G.units[u].level == l,
    }
}

/// The longest unit name (1-4 capitalised syllables) at `i`, of the given level if any. Two
/// names joined by a hyphen are one (`Bà Rịa - Vũng Tàu`).
pub fn name_at(toks: &Tokens, i: usize, level: Option<&str>) -> Option<(Vec<usize>, usize)> {
    // `TP.HCM`, `TPHCM`, `TP HCM`: Hồ Chí Minh City, in capitals.
    if let Some(t) = toks
        .get(i)
        .filter(|t| t.word && t.text().chars().all(|c| !c.is_lowercase()))
    {
        if let Some(c) = G.abbreviation(t.key()) {
            let cands: Vec<usize> = c.iter().copied().filter(|&u| fits(u, level)).collect();
            if !cands.is_empty() {
                return Some((cands, i + 1));
            }
        }
    }
    // Where a name may end: after each syllable. A number is a name after `quận` or `phường`
    // (`UBND Quận 11`, `phường 14`: the numbered wards and districts of a city).
    let numbered = matches!(level, Some("quận" | "phường"));
    let (ends, n) = name_ends(toks, i, numbered);
    // Every look-up below asks a key that starts with token `i`'s (keys hold no spaces).
    if n == 0 || !G.may_start_name(toks.toks[i].key()) {
        return None;
    }
    for &e in ends[..n].iter().rev() {
        let named = G.named_key(toks.key(i, e));
        let mut cands: Vec<usize> = named.iter().copied().filter(|&u| fits(u, level)).collect();
        if cands.is_empty() {
            // A district written with the level it had, or has since (`huyện Mỹ Hào`).
            if let Some(l) = level {
                cands = named
                    .iter()
                    .copied()
                    .filter(|&u| G.district_rank(u, l))
                    .collect();
            }
        }
        if !cands.is_empty() {
            return Some((cands, e));
        }
    }
    None
}

/// Where a unit's name at `i` may end: after each of its first syllables, up to four (a hyphen
/// between two joins them: `Bà Rịa - Vũng Tàu`), a number among them after the first, or as the
/// first too when `numbered`. The ends, and how many there are.
fn name_ends(toks: &Tokens, i: usize, numbered: bool) -> ([usize; 4], usize) {
    let mut ends = [0usize; 4];
    let (mut j, mut n) = (i, 0);
    while n < ends.len() {
        if toks.get(j).is_some_and(|t| {
            t.is_name_syllable()
                || ((n > 0 || numbered) && t.word && t.text().chars().all(|c| c.is_ascii_digit()))
        }) {
            ends[n] = j + 1;
            j += 1;
            n += 1;
        } else if n > 0
            && toks.is_punct(j, &["-", "–"])
            && toks.get(j + 1).is_some_and(|t| t.is_name_syllable())
        {
            j += 1;
        } else {
            break;
        }
    }
    (ends, n)
}

/// A name's units and the index after it, as [`name_at`] gives them.
type Named = (Vec<usize>, usize);

/// [`name_at`] of any level and of a province at `i` (`(name_at(toks, i, None),
/// name_at(toks, i, Some("tỉnh")))`), the name's syllables and the gazetteer read once for both:
/// [`mentions`] asks both of every capitalised syllable, and the province's is the longest name
/// there with a province among the units it names.
fn name_and_province_at(toks: &Tokens, i: usize) -> (Option<Named>, Option<Named>) {
    let mut any = None;
    let mut province = None;
    // `TP.HCM`, `TPHCM`, `TP HCM`, as [`name_at`] reads them.
    if let Some(t) = toks
        .get(i)
        .filter(|t| t.word && t.text().chars().all(|c| !c.is_lowercase()))
    {
        if let Some(c) = G.abbreviation(t.key()) {
            if !c.is_empty() {
                any = Some((c.to_vec(), i + 1));
            }
            let provinces: Vec<usize> = c.iter().copied().filter(|&u| G.is_province(u)).collect();
            if !provinces.is_empty() {
                province = Some((provinces, i + 1));
            }
            if any.is_some() && province.is_some() {
                return (any, province);
            }
        }
    }
    let (ends, n) = name_ends(toks, i, false);
    if n == 0 || !G.may_start_name(toks.toks[i].key()) {
        return (any, province);
    }
    for &e in ends[..n].iter().rev() {
        if any.is_some() && province.is_some() {
            break;
        }
        let named = G.named_key(toks.key(i, e));
        if named.is_empty() {
            continue;
        }
        if any.is_none() {
            any = Some((named.to_vec(), e));
        }
        if province.is_none() {
            let provinces: Vec<usize> = named
                .iter()
                .copied()
                .filter(|&u| G.is_province(u))
                .collect();
            if !provinces.is_empty() {
                province = Some((provinces, e));
            }
        }
    }
    (any, province)
}

/// The lexicon tables [`may_start`] asks at every token, read once an article: a table is a
/// `LazyLock`, whose state is checked wherever it is read.
struct Openers {
    level: &'static Table<String>,
    body: &'static Table<Body>,
}

impl Openers {
    fn get() -> Openers {
        Openers {
            level: &LEVEL,
            body: &BODY,
        }
    }
}

/// Whether a mention [`mentions`] reads can start at token `i` (`t`): a superset test. A level
/// word ([`level_at`]: an entry of the table, or a word glued to its full stop that is one), a
/// committee (a body's entry), a name ([`name_at`] without a level reads name syllables, which
/// are capitalised, or an abbreviation written without lower case).
/// `tables` are [`Openers::get`]'s.
fn may_start(toks: &Tokens, i: usize, t: &super::token::Tok, tables: &Openers) -> bool {
    t.is_cap()
        || toks.starts_entry(tables.level, i)
        || toks.starts_entry(tables.body, i)
        || t.key().ends_with('.') && LEVEL.get(t.key()).is_some()
        || t.word
            && t.text().chars().all(|c| !c.is_lowercase())
            && G.abbreviation(t.key()).is_some()
}

/// Every unit named in the text, disambiguated.
pub fn mentions(toks: &Tokens) -> Vec<UnitMention> {
    let mut out = Vec::new();
    let openers = Openers::get();
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = toks.get(i) else {
            i += 1;
            continue;
        };
        // Most tokens start nothing below: skipped at once (the same as every test failing).
        if !may_start(toks, i, t, &openers) {
            i += 1;
            continue;
        }
        if let Some((lv, j)) = level_at(toks, i) {
            let plural = i > 0 && toks.is_word(i - 1, "các");
            let mut k = if plural && toks.is_punct(j, &[":"]) {
                j + 1
            } else {
                j
            };
            let mut found = false;
            while let Some((cands, e)) = name_at(toks, k, Some(&lv)) {
                let unit = cands[0];
                out.push(UnitMention {
                    cands,
                    unit,
                    toks: i..e,
                    rule: "locality.level_name",
                });
                found = true;
                k = e;
                // `xã Cẩm Đoài (Cẩm Giàng)`: the district the unit is in, named in brackets.
                if let Some(pe) = parent_in_brackets(toks, k, &mut out) {
                    k = pe;
                }
                // `các xã: Hoằng Đạt, Hoằng Đạo` lists several units of one level.
                if plural
                    && (toks.is_punct(k, &[","]) || toks.is_word(k, "và"))
                    && toks.get(k + 1).is_some_and(|t| t.is_name_syllable())
                {
                    k += 1;
                } else {
                    break;
                }
            }
            i = if found { k } else { j };
            continue;
        }
        // `Huyện ủy Thăng Bình`: a committee names its unit without a level word.
        if let Some((body, j)) = toks.longest(&BODY, i) {
            if let BodyClass::Committee(lv) = body.class {
                let j = level_at(toks, j).map(|x| x.1).unwrap_or(j);
                if let Some((cands, e)) = name_at(toks, j, Some(lv)) {
                    let unit = cands[0];
                    out.push(UnitMention {
                        cands,
                        unit,
                        toks: j..e,
                        rule: "locality.committee_name",
                    });
                    i = e;
                    continue;
                }
            }
        }
        if G.abbreviation(t.key()).is_some() {
            if let Some((cands, e)) = name_at(toks, i, None) {
                let unit = cands[0];
                out.push(UnitMention {
                    cands,
                    unit,
                    toks: i..e,
                    rule: "locality.abbreviation",
                });
                i = e;
                continue;
            }
        }
        // A province named alone: `Hậu Giang tập trung ...`, `Báo Hậu Giang`. Not inside a longer
        // capitalised run (a person's name), unless that run is a body's head.
        let prev_name = i > 0
            && toks.get(i - 1).is_some_and(|p| p.is_name_syllable())
            && !(1..=3).any(|k| i >= k && toks.longest(&BODY, i - k).is_some_and(|(_, e)| e == i));
        // The name at `i` of any level and of a province, read together (each asked here of
        // every capitalised syllable).
        let (any, province_named) = if t.is_name_syllable() && !prev_name {
            name_and_province_at(toks, i)
        } else {
            (None, None)
        };
        // An address: `quê Yên Thành, Nghệ An`, `Củ Chi, TP HCM`: a unit of the province after it.
        if t.is_name_syllable() && !prev_name {
            if let Some((cands, e)) = any {
                let province = toks
                    .is_punct(e, &[","])
                    .then(|| {
                        let k = level_at(toks, e + 1).map_or(e + 1, |(_, k)| k);
                        name_at(toks, k, Some("tỉnh"))
                    })
                    .flatten()
                    .filter(|(_, pe)| !toks.get(*pe).is_some_and(|n| n.is_name_syllable()));
                if let Some((provs, _)) = province {
                    let mut within: Vec<usize> = cands
                        .iter()
                        .copied()
                        .filter(|&c| {
                            !G.is_province(c) && G.chain(c).iter().any(|a| provs.contains(a))
                        })
                        .collect();
                    // A district before a commune of its name (`Củ Chi`), old units first.
                    if within.iter().any(|&c| G.district_rank(c, "huyện")) {
                        within.retain(|&c| G.district_rank(c, "huyện"));
                    }
                    within.sort_by_key(|&c| !G.units[c].legacy);
                    if let Some(&unit) = within.first() {
                        out.push(UnitMention {
                            cands: within,
                            unit,
                            toks: i..e,
                            rule: "locality.address",
                        });
                        i = e;
                        continue;
                    }
                }
            }
        }
        if t.is_name_syllable() && !prev_name {
            if let Some((cands, e)) = province_named {
                // Bare `Hồ Chí Minh` is the person: the city always keeps its level word.
                let person = G.units[cands[0]].name == "Hồ Chí Minh";
                if !person && !toks.get(e).is_some_and(|n| n.is_name_syllable()) {
                    let unit = cands[0];
                    out.push(UnitMention {
                        cands,
                        unit,
                        toks: i..e,
                        rule: "locality.bare_province",
                    });
                    i = e;
                    continue;
                }
            }
        }
        i += 1;
    }
    disambiguate(&mut out);
    out
}

/// After the unit last found (`xã Cẩm Đoài`), ending at token `k`: a unit it is in, named in
/// brackets without a level word (`(Cẩm Giàng)`), is a mention of that unit, and narrows the
/// first one's candidates to those inside it. The token after the closing bracket.
fn parent_in_brackets(toks: &Tokens, k: usize, out: &mut Vec<UnitMention>) -> Option<usize> {
    if !toks.is_punct(k, &["("]) {
        return None;
    }
    let (names, e) = name_at(toks, k + 1, None)?;
    if !toks.is_punct(e, &[")"]) {
        return None;
    }
    let last = out.last_mut()?;
    let inside = |c: usize, p: usize| {
        let (chain, n) = G.chain_array(c);
        c != p && chain[..n].contains(&p)
    };
    let parents: Vec<usize> = names
        .into_iter()
        .filter(|&p| last.cands.iter().any(|&c| inside(c, p)))
        .collect();
    let &unit = parents.first()?;
    last.cands
        .retain(|&c| parents.iter().any(|&p| inside(c, p)));
    last.unit = last.cands[0];
    out.push(UnitMention {
        cands: parents,
        unit,
        toks: k + 1..e,
        rule: "locality.parent_in_brackets",
    });
    Some(e + 1)
}

/// How close two units are: 3 the same, 2 one inside the other or sharing a district, 1 the
/// same province.
fn affinity(a: usize, b: usize) -> u32 {
    if a == b {
        return 3;
    }
    // Called for every pair of candidates of an article's ambiguous names: no allocation.
    let ((ca, na), (cb, nb)) = (G.chain_array(a), G.chain_array(b));
    let (ca, cb) = (&ca[..na], &cb[..nb]);
    if ca.contains(&b) || cb.contains(&a) || (ca.len() > 2 && cb.len() > 2 && ca[1] == cb[1]) {
        2
    } else if ca.last() == cb.last() {
        1
    } else {
        0
    }
}

fn disambiguate(ms: &mut [UnitMention]) {
    // A mention's pick depends only on its candidates and on how many mentions have each other
    // set of candidates: mentions are grouped by candidates (in order of first appearance), so
    // that the work grows with the names an article uses, not with the square of its mentions
    // (issue 27: a long article's mentions made it quadratic).
    let mut groups: Vec<(&[usize], u32)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<&[usize], usize> = Default::default();
    for m in ms.iter() {
        let g = *index.entry(&m.cands).or_insert_with(|| {
            groups.push((&m.cands, 0));
            groups.len() - 1
        });
        groups[g].1 += 1;
    }
    let picks: Vec<usize> = groups
        .iter()
        .map(|&(cands, _)| {
            if cands.len() == 1 {
                return cands[0];
            }
            let score = |u: usize| -> u32 {
                groups
                    .iter()
                    .filter(|(o, _)| *o != cands)
                    .map(|&(o, n)| n * o.iter().map(|&v| affinity(u, v)).max().unwrap_or(0))
                    .sum()
            };
            // Highest affinity; among equals the old unit listed first.
            let mut best = cands[0];
            let mut best_score = score(best);
            for &u in &cands[1..] {
                let s = score(u);
                if s > best_score {
                    best = u;
                    best_score = s;
                }
            }
            best
        })
        .collect();
    let picks: Vec<usize> = ms
        .iter()
        .map(|m| picks[index[m.cands.as_slice()]])
        .collect();
    for (m, u) in ms.iter_mut().zip(picks) {
        m.unit = u;
    }
}

/// Localities for the article: the units named in the text.
pub fn extract(toks: &Tokens, _ctx: &Context, units: &[UnitMention], facts: &mut Facts) {
    for m in units {
        // The level as written where the gazetteer has the unit at another district rank
        // (`huyện Mỹ Hào`, `Huyện ủy Trảng Bàng`: thị xã since 2019 and 2020).
        let written = level_at(toks, m.toks.start).map(|(lv, _)| lv).or_else(|| {
            (1..=2).filter(|&k| m.toks.start >= k).find_map(|k| {
                match toks.longest(&BODY, m.toks.start - k) {
                    Some((b, e)) if e == m.toks.start => match b.class {
                        BodyClass::Committee(lv) => Some(lv.to_string()),
                        _ => None,
                    },
                    _ => None,
                }
            })
        });
        let name = match written {
            Some(lv) if G.units[m.unit].level != lv && G.district_rank(m.unit, &lv) => {
                format!("{lv} {}", G.units[m.unit].name)
            }
            _ => G.canonical(m.unit),
        };
        facts.localities.push(LocalityFact {
            unit: m.unit,
            name,
            span: toks.span(m.toks.start, m.toks.end),
            rule: m.rule,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name of any level and the province's, read together, are [`name_at`]'s without a
    /// level and with `tỉnh`, at every token of the example articles and of names that are
    /// both or one of them (`Hà Giang` a province, `Bến Cát` not, `TP.HCM`, `Bà Rịa - Vũng
    /// Tàu`, a district of a province's name).
    #[test]
    fn a_name_and_a_provinces_read_together_are_those_read_apart() {
        let mut texts = vec![
            "TP.HCM, TPHCM, TP HCM, Hà Giang, Bến Cát, Bà Rịa - Vũng Tàu, Bắc Giang, Quảng Trị, \
             Hồ Chí Minh, Hải Dương, Long An, Cẩm Giàng (Hải Dương), Hà Nội 2 lần, Quận 11"
                .to_string(),
        ];
        texts.extend(crate::extract::example_texts());
        let (mut both, mut one) = (0, 0);
        for text in &texts {
            let t = Tokens::new(text, &[]);
            for i in 0..t.len() + 1 {
                let apart = (name_at(&t, i, None), name_at(&t, i, Some("tỉnh")));
                assert_eq!(name_and_province_at(&t, i), apart, "token {i} of {text:?}");
                match apart {
                    (Some(_), Some(_)) => both += 1,
                    (Some(_), None) => one += 1,
                    _ => {}
                }
            }
        }
        assert!(both > 20 && one > 20, "{both} both, {one} one");
    }
    /// The pre-filter of [`mentions`] skips only tokens where no level word, committee or name
    /// starts.
    #[test]
    fn may_start_skips_only_what_starts_nothing() {
        let s = "Tại huyện Ba Bể, Huyện ủy Thăng Bình và TP.HCM, ông A về quê Yên Thành, Nghệ An; \
                 TPHCM, H.Quảng Trạch, tp Đà Lạt, phường 14 quận 11, thành phố Hồ Chí Minh.";
        let t = Tokens::new(s, &[]);
        let mut skipped = 0;
        for (i, tok) in t.toks.iter().enumerate() {
            if may_start(&t, i, tok, &Openers::get()) {
                continue;
            }
            skipped += 1;
            let at = format!("token {i} `{}`", tok.text());
            assert!(level_at(&t, i).is_none(), "{at}");
            assert!(t.longest(&BODY, i).is_none(), "{at}");
            assert!(name_at(&t, i, None).is_none(), "{at}");
            assert!(name_at(&t, i, Some("tỉnh")).is_none(), "{at}");
        }
        assert!(skipped >= 10, "{skipped}");
        assert_eq!(
            names(s),
            [
                "huyện Ba Bể",
                "huyện Thăng Bình",
                "thành phố Hồ Chí Minh",
                "huyện Yên Thành",
                "tỉnh Nghệ An",
                "thành phố Hồ Chí Minh",
                "huyện Quảng Trạch",
                // `tp` in lower case is no level word.
                "phường 14",
                "quận 11",
                "thành phố Hồ Chí Minh"
            ]
        );
    }

    fn names(s: &str) -> Vec<String> {
        let t = Tokens::new(s, &[]);
        mentions(&t).iter().map(|m| G.canonical(m.unit)).collect()
    }

    #[test]
    fn the_district_in_brackets_after_a_commune() {
        assert_eq!(
            names("Chủ tịch Hội Nông dân xã Cẩm Đoài (Cẩm Giàng) khóa XXIV"),
            ["xã Cẩm Đoài", "huyện Cẩm Giàng"]
        );
        // Brackets holding something else, or a unit the commune is not in: nothing more.
        assert_eq!(names("xã Cẩm Đoài (cũ)"), ["xã Cẩm Đoài"]);
        assert_eq!(names("xã Cẩm Đoài (Nam Sách)"), ["xã Cẩm Đoài"]);
    }

    #[test]
    fn level_and_name() {
        assert_eq!(names("tại huyện Ba Bể hôm nay"), ["huyện Ba Bể"]);
        // Not a unit at that level, nor of its rank: nothing.
        assert!(names("tại tỉnh Hồng Lĩnh").is_empty());
        assert!(names("tại phường Ba Bể").is_empty());
        // A district written with another district rank is that district (Hồng Lĩnh is a thị xã).
        assert_eq!(names("tại huyện Hồng Lĩnh"), ["thị xã Hồng Lĩnh"]);
    }

    #[test]
    fn a_numbered_district_or_ward() {
        // Issue 26: `Chủ tịch UBND Quận 11` was the bare `Ủy ban nhân dân quận`.
        assert_eq!(names("Chủ tịch UBND Quận 11 dự"), ["quận 11"]);
        assert_eq!(names("tại phường 14, quận 10"), ["phường 14", "quận 10"]);
        // A number is no name after another level word, nor without one.
        assert!(names("tại huyện 11 hôm nay").is_empty());
        assert!(names("có 11 đại biểu").is_empty());
    }

    #[test]
    fn a_short_level_word_glued_to_the_name() {
        assert_eq!(
            names("Chủ tịch UBND H.Quảng Trạch dự"),
            ["huyện Quảng Trạch"]
        );
        assert_eq!(names("tại TP.Đà Lạt hôm nay"), ["thành phố Đà Lạt"]);
        // Negative: in lower case it is no level word.
        assert!(names("tại h.Quảng Trạch")
            .iter()
            .all(|n| !n.starts_with("huyện")));
        // Boundary: a level the name does not have gives nothing of that level.
        assert!(names("tại Q.Quảng Trạch")
            .iter()
            .all(|n| !n.starts_with("quận")));
    }

    #[test]
    fn an_address_is_a_unit_of_the_province_after_it() {
        assert_eq!(
            names("sinh năm 1976, quê Yên Thành, Nghệ An."),
            ["huyện Yên Thành", "tỉnh Nghệ An"]
        );
        // A name that is no unit of that province is no address.
        assert_eq!(names("ông Ba Bể, Nghệ An."), ["tỉnh Nghệ An"]);
    }

    #[test]
    fn lists_of_one_level() {
        assert_eq!(
            names("cử tri các xã: Hoằng Đạt, Hoằng Đạo, Hoằng Hà"),
            ["xã Hoằng Đạt", "xã Hoằng Đạo", "xã Hoằng Hà"]
        );
    }

    #[test]
    fn an_ambiguous_name_is_read_near_its_neighbours() {
        let t = Tokens::new("xã Phú An, huyện Châu Thành, tỉnh Hậu Giang", &[]);
        let ms = mentions(&t);
        let chau_thanh = ms[1].unit;
        assert_eq!(G.canonical(G.province_of(chau_thanh)), "tỉnh Hậu Giang");
    }

    #[test]
    fn hyphens_and_apostrophes_inside_names() {
        assert_eq!(
            names("Sở Nội vụ tỉnh Bà Rịa - Vũng Tàu, huyện Ia H'Drai, huyện Ea H’Leo"),
            [
                "tỉnh Bà Rịa - Vũng Tàu",
                "huyện Ia H'Drai",
                "huyện Ea H'leo"
            ]
        );
        // A hyphen between two units is not a name.
        assert_eq!(
            names("tỉnh Hà Giang - Tuyên Quang"),
            ["tỉnh Hà Giang", "tỉnh Tuyên Quang"]
        );
    }

    #[test]
    fn committees_name_their_unit() {
        assert_eq!(names("Huyện ủy Thăng Bình tổ chức"), ["huyện Thăng Bình"]);
    }
}
