//! Organizations (EXTRACTION.md §5): canonical names with abbreviations expanded, their parent
//! chain and kind. A body is parsed from the lexicon of heads (`data/lexicon/bodies.tsv`), then
//! resolved: an unqualified local body takes its place from the context.

use super::locality::{level_at, name_at};
use super::{Context, Facts, Org, OrgFact, Tokens};
use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::lexicon::BodyKind;
use crate::extract::lexicon::{
    Body, BodyClass, ASSOCIATION, BODY, BOUNDARY, COUNTRY, EVENT, NATIONAL_BODY, ROLE, SECTOR,
    SECTOR_TONELESS,
};
use std::ops::Range;

/// A body as written, before resolution.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub head: String,
    pub kind: BodyKind,
    pub class: BodyClass,
    /// The unit written after it (`tỉnh Trà Vinh`, `Kim Thành`).
    pub unit: Option<usize>,
    /// A level word written without a name (`UBND tỉnh`): the place comes from the context.
    pub level: Option<String>,
    pub parent: Option<Box<Parsed>>,
    pub start: usize,
    pub end: usize,
    /// Implied by the text, not written in it.
    pub implied: bool,
    /// A named head written without its name after a role (`Phó Giám đốc Học viện`): the body
    /// of that head the article names in full, if it names one.
    pub bare: bool,
}

impl Parsed {
    /// A body known by its own name alone, tokens `start..end`: no unit, level or parent read
    /// with it.
    pub fn named(head: String, kind: BodyKind, start: usize, end: usize) -> Parsed {
        Parsed {
            head,
            kind,
            class: BodyClass::Named,
            unit: None,
            level: None,
            parent: None,
            start,
            end,
            implied: false,
            bare: false,
        }
    }
}

/// Whether a named body's name ends at token `k`: a boundary word, or the first of a pair of them.
fn boundary(toks: &Tokens, k: usize) -> bool {
    let Some(t) = toks.get(k) else { return true };
    BOUNDARY.contains(t.key())
        || toks
            .get(k + 1)
            .is_some_and(|n| BOUNDARY.contains(&format!("{} {}", t.key(), n.key())))
}

fn unit_after(
    toks: &Tokens,
    j: usize,
    level: Option<&str>,
) -> (Option<usize>, Option<String>, usize) {
    if let Some((lv, k)) = level_at(toks, j) {
        if level.is_none_or(|l| l == lv || (l == "tỉnh" && lv == "thành phố")) {
            if let Some((cands, e)) = name_at(toks, k, Some(&lv)) {
                return (Some(cands[0]), Some(lv), e);
            }
            if level.is_none() {
                return (None, Some(lv), k);
            }
        }
    }
    if let Some((cands, e)) = name_at(toks, j, level) {
        // A bare name after a body: a province, or a unit at the body's own level.
        if level.is_some() || G.is_province(cands[0]) {
            return (Some(cands[0]), None, e);
        }
    }
    (None, None, j)
}

/// A sector name written with a wrong tone mark (`Tài nguyên và Môi trưởng`).
fn sector_toneless(toks: &Tokens, j: usize) -> Option<(&'static String, usize)> {
    let mut best = None;
    let mut k = j;
    while k < toks.len() && k < j + 8 {
        match toks.get(k) {
            Some(t) if t.word || (k > j && t.text() == ",") => {}
            _ => break,
        }
        k += 1;
        if let Some(v) = SECTOR_TONELESS.get(&crate::normalize::slug(&toks.words(j, k))) {
            best = Some((v, k));
        }
    }
    best
}

/// A foreign country at token `i`, as written, and the index after it; `Việt Nam tại Singapore`
/// (an embassy's country and its host) whole. A country that is also a given name (`Đức`,
/// `Anh`, `Nga`) followed by a lower-case word is read as the short name of a person
/// (`Thứ trưởng Đức cho biết`), not as the country.
pub fn country_at(toks: &Tokens, i: usize) -> Option<(String, usize)> {
    if !toks.get(i).is_some_and(|t| t.is_cap()) {
        return None;
    }
    let host = |k: usize| -> Option<(String, usize)> {
        if !toks.is_word(k, "tại") {
            return None;
        }
        let (c, e) = toks
            .longest(&COUNTRY, k + 1)
            .map(|(c, e)| (&c.name, e))
            .or_else(|| {
                (toks.is_word(k + 1, "việt") && toks.is_word(k + 2, "nam"))
                    .then_some((&*VIET_NAM, k + 3))
            })?;
        toks.get(k + 1)
            .is_some_and(|t| t.is_cap())
            .then(|| (c.clone(), e))
    };
    if toks.is_word(i, "việt") && toks.is_word(i + 1, "nam") {
        // Việt Nam is only ever the country of an embassy abroad here.
        let (h, e) = host(i + 2)?;
        return Some((format!("Việt Nam tại {h}"), e));
    }
    let (c, e) = toks.longest(&COUNTRY, i)?;
    if c.given_name && toks.get(e).is_some_and(|t| t.word && !t.is_cap()) {
        return None;
    }
    match host(e) {
        Some((h, e2)) => Some((format!("{} tại {h}", c.name), e2)),
        None => Some((c.name.clone(), e)),
    }
}

static VIET_NAM: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| "Việt Nam".into());

/// A body that a role implies, of the country written after the role (EXTRACTION.md, "Cases
/// settled by the dev3 annotation"): `Thủ tướng Nhật Bản` -> Chính phủ Nhật Bản, `Đại sứ Việt Nam
/// tại Singapore` -> Đại sứ quán Việt Nam tại Singapore. A role that implies no body keeps the
/// country as its body (`Tổng thống Nga` -> Nga).
pub fn abroad(p: Parsed, implies: Option<&str>) -> Parsed {
    let is_country = p.class == BodyClass::Central
        && p.kind == BodyKind::State
        && BODY.get(&crate::normalize::key(&p.head)).is_none()
        && country_at_head(&p.head);
    let Some(body) = implies
        .filter(|_| is_country)
        // The state abroad is the country itself (`Chủ tịch nước Lào` -> Lào).
        .filter(|h| NATIONAL_BODY.get(&crate::normalize::key(h)) != Some(&true))
        .and_then(|h| {
            BODY.get(&crate::normalize::key(h))
                .map(|b| (b.canonical.clone(), b.kind))
                .or_else(|| ministry(h))
        })
    else {
        return p;
    };
    Parsed {
        head: format!("{} {}", body.0, p.head),
        kind: body.1,
        ..p
    }
}

/// A ministry a role implies, `Bộ` and a sector (`Ngoại trưởng Trung Quốc` -> Bộ Ngoại giao
/// Trung Quốc): its name and kind.
fn ministry(h: &str) -> Option<(String, BodyKind)> {
    let sector = h.strip_prefix("Bộ ")?;
    SECTOR.get(&crate::normalize::key(sector))?;
    BODY.get("bộ").map(|b| (h.to_string(), b.kind))
}

/// Whether a head is a country as [`country_at`] reads it (`Nhật Bản`, `Việt Nam tại Singapore`).
fn country_at_head(head: &str) -> bool {
    let t = Tokens::new(head, &[]);
    country_at(&t, 0).is_some_and(|(_, e)| e == t.len())
}

/// A ministry written without its head after a role that leaves it out (`Bộ trưởng Công an`,
/// `Thứ trưởng Tài nguyên và Môi trường`): `head` (`Bộ`) and the sector name at `k`.
pub fn elided(toks: &Tokens, k: usize, head: &str) -> Option<Parsed> {
    let body = BODY.get(&crate::normalize::key(head))?;
    if body.class != BodyClass::Sector || !toks.get(k).is_some_and(|t| t.is_cap()) {
        return None;
    }
    let (name, e) = toks.longest(&SECTOR, k)?;
    // `Bộ trưởng Nội vụ Campuchia`: a foreign ministry carries its country.
    let (name, e) = match country_at(toks, e) {
        Some((c, e)) => (format!("{name} {c}"), e),
        None => (name.clone(), e),
    };
    Some(Parsed {
        head: format!("{} {name}", body.canonical),
        kind: body.kind,
        class: BodyClass::Sector,
        unit: None,
        level: None,
        parent: None,
        start: k,
        end: e,
        implied: false,
        bare: false,
    })
}

/// How deep a body may nest in its parents, as parsed or resolved. Real chains are three or four
/// deep (`Phòng Chính sách cán bộ Ban Tổ chức Tỉnh ủy Hà Tĩnh`); the bound keeps recursion from
/// depending on the input (issue 27: `Trường Đại Học Trà Vinh(Trường Đại học Trà Vinh)`, a body
/// the article makes its own parent, overflowed the stack).
pub const MAX_DEPTH: usize = 8;

/// Parses a body at token `i`. `lower` lets a body written in lower case match (after a role:
/// `bí thư Tỉnh ủy`, `giám đốc Sở Xây dựng`).
/// The offices, the context and the organisations ask it of the same tokens again and again
/// (about 80,000 parses of press.jsonl's 404 articles): a body's parse is kept in the tokens
/// the first time it is read, where a body's head starts (the tokens where none starts fail
/// at once).
pub fn parse(toks: &Tokens, i: usize, lower: bool) -> Option<Parsed> {
    let first = toks.get(i)?;
    if !first.word || (!lower && !first.is_cap()) || !toks.starts_entry(&BODY, i) {
        return parse_at(toks, i, lower, 0);
    }
    let key = (i as u32, lower);
    if let Some(p) = toks.bodies.borrow().get(&key) {
        return p.clone();
    }
    let p = parse_at(toks, i, lower, 0);
    toks.bodies.borrow_mut().insert(key, p.clone());
    p
}

/// [`parse`] of a parent `depth` levels below the body first parsed: none past [`MAX_DEPTH`].
fn parse_at(toks: &Tokens, i: usize, lower: bool, depth: usize) -> Option<Parsed> {
    if depth > MAX_DEPTH {
        return None;
    }
    let first = toks.get(i)?;
    if !first.word || (!lower && !first.is_cap()) {
        return None;
    }
    let Some((body, j)) = toks.longest(&BODY, i) else {
        // After a role, a country stands for its state (`Tổng thống Nga`).
        let (c, e) = country_at(toks, i).filter(|_| lower)?;
        return Some(Parsed {
            head: c,
            kind: BodyKind::State,
            class: BodyClass::Central,
            unit: None,
            level: None,
            parent: None,
            start: i,
            end: e,
            implied: false,
            bare: false,
        });
    };
    parse_head(toks, i, lower, depth, body, j)
}

/// [`parse_at`] of the body whose head `body` runs from token `i` to `j`.
fn parse_head(
    toks: &Tokens,
    i: usize,
    lower: bool,
    depth: usize,
    body: &Body,
    j: usize,
) -> Option<Parsed> {
    let parse = |toks: &Tokens, i: usize, lower: bool| parse_at(toks, i, lower, depth + 1);
    let first = toks.get(i)?;
    let mut p = Parsed {
        head: body.canonical.clone(),
        kind: body.kind,
        class: body.class,
        unit: None,
        level: None,
        parent: None,
        start: i,
        end: j,
        implied: false,
        bare: false,
    };
    match body.class {
        BodyClass::Central => {
            // `Chính phủ Singapore`, `Quốc hội Nhật Bản`: the body of a foreign country.
            if let Some((c, e)) = country_at(toks, j) {
                p.head = format!("{} {c}", p.head);
                p.end = e;
                return Some(p);
            }
            // `Ban Chấp hành Trung ương Hội Nông dân Việt Nam`: a mass organisation's own
            // central committee, not the Party's.
            if p.head == "Ban Chấp hành Trung ương" {
                if let Some(o) = parse(toks, j, true)
                    .filter(|o| o.kind == BodyKind::Front && o.class == BodyClass::Central)
                {
                    p.head = format!("{} {}", p.head, o.head);
                    p.kind = BodyKind::Front;
                    p.end = o.end;
                    p.parent = Some(Box::new(o));
                }
            }
        }
        BodyClass::Committee(lv) => {
            let (u, _, e) = unit_after(toks, j, Some(lv));
            // `Tỉnh ủy tỉnh Quảng Bình`: the level word is redundant and dropped.
            let (u, e) = match (u, level_at(toks, j)) {
                (None, Some((_, k))) => match name_at(toks, k, Some(lv)) {
                    Some((c, e)) => (Some(c[0]), e),
                    None => (None, j),
                },
                _ => (u, e),
            };
            p.unit = u;
            p.end = e;
        }
        BodyClass::Local => {
            let (u, lv, e) = unit_after(toks, j, None);
            p.unit = u;
            p.level = lv;
            p.end = e;
            // `Hội Sinh viên Học viện Ngân hàng`: a mass organisation of an institution.
            if p.unit.is_none() && p.level.is_none() {
                if let Some(inst) = parse(toks, j, false).filter(|q| q.class == BodyClass::Named) {
                    p.end = inst.end;
                    p.parent = Some(Box::new(inst));
                }
            }
        }
        BodyClass::Sub => {
            let (u, lv, e) = unit_after(toks, j, None);
            if u.is_some() || lv.is_some() {
                // `Đảng ủy xã Tân An`, `Đảng ủy phường`: the body of a unit.
                p.unit = u;
                p.level = lv;
                p.end = e;
            } else if let Some(parent) = parse(toks, j, true) {
                p.end = parent.end;
                p.parent = Some(Box::new(parent));
            } else if toks.toks[i..j].iter().map(|t| t.key()).eq(["hội", "đồng"])
                && toks.get(j).is_some_and(|t| t.word && t.is_cap())
                && super::person::name_at(toks, j).is_none()
            {
                // `Hội đồng Y khoa Quốc gia`: a council of its own name, read as a named body.
                let council = Body {
                    canonical: body.canonical.clone(),
                    kind: body.kind,
                    class: BodyClass::Named,
                    described: false,
                };
                return parse_head(toks, i, lower, depth, &council, j);
            } else if let Some(company) = (p.kind == BodyKind::Other)
                .then(|| board_brand(toks, j))
                .flatten()
            {
                // `Chủ tịch HĐTV Xuyên Việt Oil`: a company's board, the company by its brand.
                p.end = company.end;
                p.parent = Some(Box::new(company));
            }
        }
        BodyClass::Sector => {
            let (name, k) = toks
                .longest(&SECTOR, j)
                .or_else(|| sector_toneless(toks, j))?;
            p.head = format!("{} {}", body.canonical, name);
            p.end = k;
            // `Bộ Tài chính Singapore`: a foreign ministry carries its country.
            if let Some((c, e)) = country_at(toks, k).filter(|_| body.canonical == "Bộ") {
                p.head = format!("{} {c}", p.head);
                p.end = e;
            }
            if body.canonical == "Sở" {
                let (u, lv, e) = unit_after(toks, k, None);
                p.unit = u.map(|u| G.province_of(u));
                p.level = lv;
                p.end = e;
            }
        }
        BodyClass::Named => {
            // `Ủy ban Ban Bí thư` (a typo for Ủy viên): a head before another body names nothing.
            if toks.longest(&BODY, j).is_some_and(|(b, _)| {
                b.class != BodyClass::Named && toks.get(j).is_some_and(|t| t.is_cap())
            }) {
                return None;
            }
            // `Hội An`: a place whose name opens with a head is the place.
            if name_at(toks, i, None).is_some_and(|(_, e)| e > j) {
                return None;
            }
            // The name starts at `start`; `j` is where its capitalised part starts.
            let start = j;
            if body.described {
                if let Some((desc, k0)) = description(toks, j) {
                    let (u, lv, e) = unit_after(toks, k0, None);
                    // A description ends at its unit (`... tỉnh Bắc Giang`) or a level word
                    // (`... giao thông tỉnh`), or runs into a name; a head alone takes a unit
                    // written with its level word (`Nhạc viện TP HCM`).
                    let placed = if k0 > j {
                        u.is_some() || lv.is_some()
                    } else {
                        u.is_some() && lv.is_some()
                    };
                    if placed {
                        p.head = match desc {
                            Some(d) => format!("{} {d}", body.canonical),
                            None => body.canonical.clone(),
                        };
                        p.unit = u;
                        p.level = lv;
                        p.end = e;
                        return Some(p);
                    }
                    // The name after a description is its own, not another body's or a
                    // person's (`Ban Quản lý dự án thuộc Sở Giao thông vận tải`).
                    if k0 > j
                        && (!toks.get(k0).is_some_and(|t| t.word && t.is_cap())
                            || toks.longest(&BODY, k0).is_some()
                            || super::person::name_at(toks, k0)
                                .is_some_and(|(n, _)| n.split(' ').count() >= 3))
                    {
                        return None;
                    }
                }
            }
            let j = toks
                .get(j)
                .filter(|t| body.described && lower_word(t))
                .and_then(|_| description(toks, j))
                .map_or(j, |(_, k0)| k0);
            let mut k = j;
            let mut lower_run = 0;
            // The name is closed once it holds a proper name (two capitalised words in a row,
            // `Hải Dương`), an acronym (`LDP`) or a number: lower-case words after it are the
            // clause going on (`Bệnh viện Phổi Hải Dương đăng ký ...`), not the name.
            let mut closed = false;
            let mut prev_cap = false;
            while let Some(t) = toks.get(k) {
                if !t.word || (!t.is_cap() && boundary(toks, k)) || level_at(toks, k).is_some() {
                    break;
                }
                if k > j
                    && (toks.longest(&BODY, k).is_some_and(|_| t.is_cap())
                        || toks.longest(&ROLE, k).is_some()
                        || super::person::name_at(toks, k)
                            .is_some_and(|(n, _)| n.split(' ').count() >= 3)
                            && name_at(toks, k, Some("tỉnh")).is_none()
                        // `Tổng Giáo phận Hà Nội Giuse Vũ Văn Thiên`: a word before a person.
                        || closed
                            && super::person::name_at(toks, k + 1)
                                .is_some_and(|(n, _)| n.split(' ').count() >= 3))
                {
                    break;
                }
                // `Quân khu 2`, `Bệnh viện Quân y 175`: a number is part of the name, and its end.
                let number = t.text().chars().all(|c| c.is_ascii_digit());
                let acronym =
                    t.text().chars().count() > 1 && !t.text().chars().any(char::is_lowercase);
                if t.is_cap() || number {
                    closed |= number || acronym || prev_cap;
                    prev_cap = t.is_cap();
                    lower_run = 0;
                } else {
                    if k == j {
                        return None;
                    }
                    lower_run += 1;
                    prev_cap = false;
                    // `Cục An ninh chính trị nội bộ`: up to five lower-case words after a capital.
                    if lower_run > 5 || closed {
                        break;
                    }
                }
                k += 1;
            }
            if k == j {
                // After a role, a head alone stands for the body of that head named elsewhere.
                let alone =
                    lower && first.is_cap() && toks.get(j).is_none_or(|t| !t.word || !t.is_cap());
                if !alone {
                    return None;
                }
                p.bare = true;
                return Some(p);
            }
            // A described name that goes on past a dash with a capital (`Trung tâm nghiên cứu
            // an ninh châu Á - Thái Bình Dương Daniel K. Inouye`) is not read cut at the dash.
            if j > start
                && toks.is_punct(k, &["-", "–"])
                && toks.get(k + 1).is_some_and(|t| t.word && t.is_cap())
            {
                return None;
            }
            p.head = format!("{} {}", body.canonical, phrase(toks, start, k));
            // `Ban Tổ chức - Cán bộ`, `Cục Kế hoạch-Tài chính`: a name of two fields joined by a
            // dash goes on past it (organization.dash_name).
            while let Some(e) = (j == start && !closed)
                .then(|| dash_name(toks, k))
                .flatten()
            {
                p.head = format!("{} - {}", p.head, phrase(toks, k + 1, e));
                k = e;
            }
            p.end = k;
            // `Đại sứ quán Ấn Độ tại Campuchia`: a country's embassy and its host.
            if toks.is_word(k, "tại") {
                // The country read from the name's start ends where the name does: it took `tại`.
                if let Some((c, e)) = country_at(toks, j).filter(|&(_, e)| e > k) {
                    p.head = format!("{} {c}", body.canonical);
                    p.end = e;
                    return Some(p);
                }
            }
            // `Ủy ban Đối ngoại của Quốc hội`: a national body's part named with `của` drops it
            // (EXTRACTION.md, "Cases settled by the dev3 annotation"); so does a branch or a
            // part of a named body (`Chi nhánh Hà Nội của Công ty Xuyên Việt Oil`).
            if toks.is_word(k, "của") {
                if let Some(parent) = parse(toks, k + 1, false).filter(|q| {
                    q.class == BodyClass::Central || q.class == BodyClass::Named && !q.bare
                }) {
                    p.end = parent.end;
                    p.parent = Some(Box::new(parent));
                    return Some(p);
                }
            }
            let (u, lv, e) = unit_after(toks, k, None);
            if u.is_some() || lv.is_some() {
                p.unit = u;
                p.level = lv;
                p.end = e;
            } else if let Some(parent) = parse(toks, k, false)
                // `Ban Tổ chức - Cán bộ Liên đoàn Thương mại và Công nghiệp Việt Nam`: an
                // association right after a named body is its whole.
                .or_else(|| association_at(toks, k, depth + 1))
            {
                p.end = parent.end;
                p.parent = Some(Box::new(parent));
            } else if toks.is_punct(k, &["("]) {
                // `Cục Tổ chức cán bộ (Bộ Công an)`: the parent in parentheses.
                if let Some(parent) = parse(toks, k + 1, false) {
                    if toks.is_punct(parent.end, &[")"]) {
                        p.end = parent.end + 1;
                        // `Trường Đại Học Trà Vinh(Trường Đại học Trà Vinh)`: the name again,
                        // not a parent.
                        if parent.head != p.head {
                            p.parent = Some(Box::new(parent));
                        }
                    }
                }
            }
        }
    }
    Some(p)
}

/// The second field of a body's name after a dash at `k` (`Ban Tổ chức - Cán bộ Liên đoàn ...`,
/// `Ban Kinh tế - Ngân sách HĐND tỉnh`, `Phòng Kỹ thuật - Thẩm định`): a capitalised word, then
/// up to three lower-case words, none a boundary, level word, body, role, place, country or
/// person's name. The index after it; `None` where the dash starts anything else (`Vụ Pháp chế -
/// Bộ Tư pháp`, `Ban Tuyên giáo - Nguyễn Văn An`, `- Phó Chủ tịch`).
fn dash_name(toks: &Tokens, k: usize) -> Option<usize> {
    if !toks.is_punct(k, &["-", "–"]) {
        return None;
    }
    let first = toks.get(k + 1).filter(|t| t.word && t.is_cap())?;
    if first.text().chars().skip(1).any(char::is_uppercase)
        || name_at(toks, k + 1, None).is_some()
        || country_at(toks, k + 1).is_some()
        || super::person::name_at(toks, k + 1).is_some()
    {
        return None;
    }
    let mut e = k + 1;
    while let Some(t) = toks.get(e) {
        let open = e == k + 1;
        if !t.word
            || (e - k > 4)
            || (!open && t.is_cap())
            || boundary(toks, e)
            || level_at(toks, e).is_some()
            || toks.longest(&BODY, e).is_some()
            || toks.longest(&ROLE, e).is_some()
        {
            break;
        }
        e += 1;
    }
    (e > k + 1).then_some(e)
}

/// A company written by its brand after its board (`HĐQT AVG`, `Hội đồng thành viên Xuyên Việt
/// Oil`, `HĐTV Mobifone`): one to four capitalised words from `j` that open no body, role,
/// place, level word or person's name; a named body of kind other, which the company the
/// article names in full replaces (`Context::brand`).
fn board_brand(toks: &Tokens, j: usize) -> Option<Parsed> {
    let opens = |m: usize| {
        toks.longest(&BODY, m).is_some()
            || toks.longest(&ROLE, m).is_some()
            || level_at(toks, m).is_some()
            || name_at(toks, m, None).is_some()
            || country_at(toks, m).is_some()
            || super::person::name_at(toks, m).is_some_and(|(n, _)| n.split(' ').count() >= 3)
    };
    let mut e = j;
    while e < j + 4 && toks.get(e).is_some_and(|t| t.word && t.is_cap()) && !opens(e) {
        e += 1;
    }
    (e > j).then(|| Parsed::named(phrase(toks, j, e), BodyKind::Other, j, e))
}

/// A brand or an acronym alone after a role (organization.brand): one word of two capitals or more
/// (`Phó chủ tịch LDP Taro Aso`, `Giám đốc VietinBank`) that opens no body, role, place, level
/// word or country, with no other capitalised word after it but a person's name of three words
/// or a foreign one (not `CDC Châu Phi`); a bare named body that stands for the one the article defines with that short name or
/// names in full ending with it (`Context::brand`), and for nothing else.
pub fn brand_alone(toks: &Tokens, k: usize) -> Option<Parsed> {
    let t = toks.get(k).filter(|t| t.word && t.is_cap())?;
    let capitals = t.text().chars().filter(|c| c.is_uppercase()).count();
    if capitals < 2
        || t.text().chars().count() < 2
        || toks.longest(&BODY, k).is_some()
        || toks.longest(&ROLE, k).is_some()
        || level_at(toks, k).is_some()
        || name_at(toks, k, None).is_some()
        || country_at(toks, k).is_some()
        || toks.is_punct(k + 1, &["-", "&", "/", "."])
    {
        return None;
    }
    // A name of two words after it is as often a place (`CDC Châu Phi`): three, or a foreign one.
    if toks.get(k + 1).is_some_and(|n| n.word && n.is_cap())
        && super::person::name_at(toks, k + 1).is_none_or(|(n, _)| n.split(' ').count() < 3)
        && super::person::foreign_name_at(toks, k + 1).is_none()
    {
        return None;
    }
    Some(Parsed {
        bare: true,
        ..Parsed::named(t.text().to_string(), BodyKind::Other, k, k + 1)
    })
}

/// An association after a role (organization.association): a head of
/// `data/lexicon/associations.tsv` written with a capital and followed by its capitalised name
/// (`Chủ tịch Hội Người cao tuổi Việt Nam`, `Phó Chủ tịch Tổng hội Xây dựng Việt Nam`), read as
/// a named body; not an event (`Hội Nghị`) nor a place (`Hội An`).
pub fn association(toks: &Tokens, k: usize) -> Option<Parsed> {
    association_at(toks, k, 0)
}

/// [`association`] as the parent of a body parsed `depth` deep.
fn association_at(toks: &Tokens, k: usize, depth: usize) -> Option<Parsed> {
    if depth > MAX_DEPTH {
        return None;
    }
    toks.get(k).filter(|t| t.word && t.is_cap())?;
    let (body, j) = toks.longest(&ASSOCIATION, k)?;
    if toks.longest(&EVENT, k).is_some() || !toks.get(j).is_some_and(|t| t.word && t.is_cap()) {
        return None;
    }
    let mut p = parse_head(toks, k, false, depth, body, j)
        .filter(|p| p.class == BodyClass::Named && !p.bare && p.end > j)?;
    // `Liên đoàn Thương mại và Công nghiệp Việt Nam`, `Hội Văn học và Nghệ thuật tỉnh Nghệ An`:
    // `và` joins two capitalised parts of its name.
    if p.unit.is_none() && p.level.is_none() && p.parent.is_none() && toks.is_word(p.end, "và") {
        let name_part = |m: usize| {
            toks.get(m).is_some_and(|t| t.word)
                && level_at(toks, m).is_none()
                && toks.longest(&ROLE, m).is_none()
                && toks.longest(&BODY, m).is_none()
                && super::person::name_at(toks, m).is_none_or(|(n, _)| n.split(' ').count() < 3)
        };
        // Capitalised words; a lower-case one only as the second syllable of a word opened by
        // a capital (`Công nghiệp`), not after a proper name (`Việt Nam trong ...`).
        let mut e = p.end + 1;
        while name_part(e) && e < p.end + 9 {
            if !toks.toks[e].is_cap()
                && (e == p.end + 1
                    || !toks.toks[e - 1].is_cap()
                    || toks.toks[e - 2].is_cap()
                    || boundary(toks, e))
            {
                break;
            }
            e += 1;
        }
        if e > p.end + 1 {
            p.head = format!("{} {}", body.canonical, phrase(toks, j, e));
            let (u, lv, ue) = unit_after(toks, e, None);
            p.unit = u;
            p.level = lv;
            p.end = ue;
        }
    }
    Some(p)
}

/// A foreign ministry after a role, named by no Vietnamese sector (organization.foreign_ministry):
/// `Bộ`, up to eight words that are no role, level word or other body, then a country
/// (`Bộ trưởng Bộ máy nhà nước và Cải cách hành chính Indonesia`, `Bộ Chức năng Công
/// Campuchia`): `Bộ <name> <country>`, a state body (EXTRACTION.md, a foreign ministry carries
/// its country).
pub fn foreign_ministry(toks: &Tokens, k: usize) -> Option<Parsed> {
    if !toks.get(k).is_some_and(|t| t.word && t.text() == "Bộ") {
        return None;
    }
    for m in k + 1..k + 10 {
        let t = toks.get(m)?;
        if m > k + 1 {
            if let Some((c, e)) = country_at(toks, m) {
                return Some(Parsed {
                    head: format!("Bộ {} {c}", phrase(toks, k + 1, m)),
                    kind: BodyKind::State,
                    class: BodyClass::Central,
                    unit: None,
                    level: None,
                    parent: None,
                    start: k,
                    end: e,
                    implied: false,
                    bare: false,
                });
            }
        }
        if !t.word
            || toks.longest(&ROLE, m).is_some()
            || level_at(toks, m).is_some()
            || toks.longest(&BODY, m).is_some_and(|_| t.is_cap())
        {
            return None;
        }
    }
    None
}

/// A body whose head the role before it carries at its front (organization.fronted): `Vụ
/// trưởng Theo dõi công tác thanh tra` is the Vụ trưởng of `Vụ Theo dõi công tác thanh tra`,
/// `Cục trưởng Quản lý ngân quỹ` of `Cục Quản lý ngân quỹ`, `Cục phó Bảo vệ chính trị I` of `Cục
/// Bảo vệ chính trị I`. The role is written from token `i` to `k`; `shares` is the head it shares
/// (`vụ`, `cục`, `tổng cục`), which must be the role's words before its last `trưởng` or before
/// `phó` (`cục phó`). The name at `k` is read as that head's name would be;
/// it must open with a capital and with no body, role, place, country or person's name
/// (`Vụ trưởng Trần Bích Ngọc` is a person, `Cục trưởng Cục Thuế` the body as written).
pub fn fronted(toks: &Tokens, i: usize, k: usize, shares: &str) -> Option<Parsed> {
    let role: Vec<&str> = toks.toks.get(i..k)?.iter().map(|t| t.key()).collect();
    let role = role.join(" ");
    let n = shares.split(' ').count();
    // Where the shared head stands: `Phó Cục trưởng` before `trưởng`, `Cục phó` at the start.
    let head_at = if role == format!("{shares} phó") {
        i
    } else if role.ends_with(&format!("{shares} trưởng")) {
        k - n - 1
    } else {
        return None;
    };
    let t = toks.get(k).filter(|t| t.word && t.is_cap())?;
    if t.text().chars().skip(1).any(char::is_uppercase)
        || toks.longest(&BODY, k).is_some()
        || toks.longest(&ROLE, k).is_some()
        || level_at(toks, k).is_some()
        || name_at(toks, k, None).is_some()
        || country_at(toks, k).is_some()
        || super::person::name_at(toks, k).is_some()
        || super::person::foreign_name_at(toks, k).is_some()
    {
        return None;
    }
    let body = BODY.get(&crate::normalize::key(shares))?;
    if body.class != BodyClass::Named {
        return None;
    }
    let p = parse_head(toks, head_at, true, 0, body, k)?;
    (!p.bare).then_some(p)
}

/// A part written in lower case after a role that shares its head, then a comma and its whole
/// (organization.lower_part): `Vụ trưởng kiểm soát chi, Kho bạc Nhà nước` -> Vụ Kiểm soát chi
/// of Kho bạc Nhà nước; `phó trưởng phòng kỹ thuật - thẩm định, Ban Quản lý dự án 6`. At `k` one
/// to five lower-case words (a dash between two of them kept), none a boundary, level word,
/// role or body; then a comma and a body written with its name. `None` without the whole: `trưởng
/// phòng kế hoạch - tổng hợp.` names no body.
pub fn lower_part(toks: &Tokens, k: usize, shares: &str) -> Option<Parsed> {
    let body = BODY.get(&crate::normalize::key(shares))?;
    if body.class != BodyClass::Named {
        return None;
    }
    let plain = |e: usize| {
        toks.get(e).is_some_and(lower_word)
            && !boundary(toks, e)
            && level_at(toks, e).is_none()
            && toks.longest(&ROLE, e).is_none()
            && toks.longest(&BODY, e).is_none()
    };
    let mut e = k;
    let mut words = 0;
    loop {
        if plain(e) {
            words += 1;
            e += 1;
        } else if words > 0 && toks.is_punct(e, &["-", "–"]) && plain(e + 1) {
            e += 1;
        } else {
            break;
        }
    }
    if words == 0 || words > 5 || !toks.is_punct(e, &[","]) {
        return None;
    }
    let whole = parse(toks, e + 1, false).filter(|w| !w.bare && w.end > e + 1)?;
    // The name as a body's is written: a capital opens it and each field after a dash.
    let mut name = String::new();
    let mut open = true;
    for t in &toks.toks[k..e] {
        if !t.word {
            name.push_str(" -");
            open = true;
            continue;
        }
        if !name.is_empty() {
            name.push(' ');
        }
        if open {
            let mut cs = t.text().chars();
            name.extend(cs.next().into_iter().flat_map(char::to_uppercase));
            name.push_str(cs.as_str());
        } else {
            name.push_str(t.text());
        }
        open = false;
    }
    let end = whole.end;
    Some(Parsed {
        parent: Some(Box::new(whole)),
        ..Parsed::named(format!("{} {name}", body.canonical), body.kind, k, end)
    })
}

/// A province's centre for disease control written `CDC` before the province
/// (organization.cdc): `CDC Hải Dương`, `CDC tỉnh Bắc Giang` are `Trung tâm Kiểm soát bệnh
/// tật` of that province; a CDC before anything else (`CDC Châu Phi`, the US one) is not read.
pub fn cdc(toks: &Tokens, k: usize) -> Option<Parsed> {
    if !toks.get(k).is_some_and(|t| t.word && t.text() == "CDC") {
        return None;
    }
    // `CDC Hải Dương`: the name may also be a smaller unit's, which `unit_after` reads first.
    let (u, level, e) = match unit_after(toks, k + 1, None) {
        (Some(u), level, e) if G.is_province(u) => (u, level, e),
        _ => {
            let (cands, e) = name_at(toks, k + 1, None)?;
            (cands.into_iter().find(|&u| G.is_province(u))?, None, e)
        }
    };
    Some(Parsed {
        head: "Trung tâm Kiểm soát bệnh tật".to_string(),
        kind: BodyKind::State,
        class: BodyClass::Local,
        unit: Some(u),
        level,
        parent: None,
        start: k,
        end: e,
        implied: false,
        bare: false,
    })
}

/// Boundary words (data/lexicon/boundaries.txt) that end a proper name but sit inside the
/// lower-case description of a body: `Ban Quản lý dự án đầu tư xây dựng các công trình giao
/// thông`, `Công ty cổ phần sản xuất ...`.
const DESCRIPTION_WORDS: [&str; 4] = ["các", "kinh doanh", "sản xuất", "xây dựng"];

/// The lower-case description of a body after a described head (`dự án đầu tư xây dựng các
/// công trình giao thông, nông nghiệp`) from token `j`: the description as written (`None` when
/// empty) and the index after it. It stops at a capital, a level word, a role, a boundary word
/// that no description holds, punctuation other than a comma between two of its words, or
/// past 14 words; `None` when it stops at a boundary word or a role (the clause goes on).
fn description(toks: &Tokens, j: usize) -> Option<(Option<String>, usize)> {
    let mut k = j;
    let mut words = 0;
    while let Some(t) = toks.get(k) {
        if lower_word(t) && level_at(toks, k).is_none() {
            if toks.longest(&ROLE, k).is_some() {
                return None;
            }
            let two = toks
                .get(k + 1)
                .map(|n| format!("{} {}", t.key(), n.key()))
                .filter(|w| DESCRIPTION_WORDS.contains(&w.as_str()));
            if two.is_some() {
                k += 2;
                words += 2;
            } else if DESCRIPTION_WORDS.contains(&t.key()) || !boundary(toks, k) {
                k += 1;
                words += 1;
            } else {
                return None;
            }
            if words > 14 {
                return None;
            }
        } else if k > j
            && toks.is_punct(k, &[","])
            && toks
                .get(k + 1)
                .is_some_and(|n| lower_word(n) && level_at(toks, k + 1).is_none())
        {
            k += 1;
        } else {
            break;
        }
    }
    Some(((k > j).then(|| phrase(toks, j, k)), k))
}

/// The tokens `a..b` as written, a space between words and none before a comma.
fn phrase(toks: &Tokens, a: usize, b: usize) -> String {
    let mut out = String::new();
    for t in &toks.toks[a..b] {
        if !out.is_empty() && t.word {
            out.push(' ');
        }
        out.push_str(t.text());
    }
    out
}

/// Whether the body parsed at `p` opens with a lower-case description (organization.described).
fn is_described(toks: &Tokens, p: &Parsed) -> bool {
    toks.longest(&BODY, p.start)
        .is_some_and(|(b, j)| b.described && j < p.end && toks.get(j).is_some_and(lower_word))
}

/// A word that starts with a lower-case letter (not a number).
fn lower_word(t: &super::token::Tok) -> bool {
    t.word && t.text().chars().next().is_some_and(char::is_lowercase)
}

/// The name of a party committee of a unit: `Tỉnh ủy Hà Tĩnh`, `Thành ủy Thành phố Hồ Chí Minh`.
fn committee_of(head: &str, u: usize) -> String {
    format!("{head} {}", unit_name(u))
}

/// A unit's name inside a body's name; Hồ Chí Minh City keeps its level word so that it cannot
/// be read as the person.
fn unit_name(u: usize) -> String {
    let unit = &G.units[u];
    if unit.name == "Hồ Chí Minh" && G.is_province(u) {
        "Thành phố Hồ Chí Minh".into()
    } else {
        unit.name.clone()
    }
}

/// A body of a unit, with the level word the text gave it when the gazetteer has the unit at
/// another district rank (`Ủy ban nhân dân huyện Mỹ Hào`).
fn of_unit_as(head: &str, u: usize, written: Option<&str>) -> String {
    match written {
        Some(lv) if G.units[u].level != lv && G.district_rank(u, lv) => {
            format!("{head} {lv} {}", G.units[u].name)
        }
        _ => of_unit(head, u),
    }
}

fn of_unit(head: &str, u: usize) -> String {
    if unit_name(u).starts_with("Thành phố") {
        format!("{head} {}", unit_name(u))
    } else {
        format!("{head} {}", G.canonical(u))
    }
}

/// The committee that a unit's party executive is (`Ban Chấp hành Đảng bộ tỉnh X` -> `Tỉnh ủy X`).
fn committee_for(u: usize) -> String {
    match committee_head(&G.units[u].level) {
        Some(head) => committee_of(head, u),
        None => of_unit("Đảng ủy", u),
    }
}

/// The party committee of a unit at `level`, named `... ủy` (`tỉnh` -> `Tỉnh ủy`); `None` for
/// a commune's or ward's, which is its `Đảng ủy`.
pub fn committee_head(level: &str) -> Option<&'static str> {
    match level {
        "tỉnh" => Some("Tỉnh ủy"),
        "thành phố" => Some("Thành ủy"),
        "huyện" => Some("Huyện ủy"),
        "thị xã" => Some("Thị ủy"),
        "quận" => Some("Quận ủy"),
        _ => None,
    }
}

/// A body whose place nothing resolves, as written (EXTRACTION.md §4): its head and the level
/// word it was written with (`Ủy ban nhân dân tỉnh`, `Tỉnh ủy`, `Trường Chính trị tỉnh`).
fn as_written(p: &Parsed) -> String {
    match &p.level {
        Some(lv) if !matches!(p.class, BodyClass::Committee(_)) => format!("{} {lv}", p.head),
        _ => p.head.clone(),
    }
}

/// Resolves a parsed body in its context. A local body whose place nothing resolves keeps its
/// name as written; `None` only where a part's parent is missing.
pub fn resolve(p: &Parsed, ctx: &Context, item: &Range<usize>) -> Option<Org> {
    resolve_at(p, ctx, item, &[])
}

/// [`resolve`] below the bodies `above` (their heads, outermost first): `None` past
/// [`MAX_DEPTH`]; a parent the article gives elsewhere is not taken when it is one of them, where
/// the article's bodies go round in a circle (`Trường A - Trường B`, `Trường B - Trường A`).
fn resolve_at(p: &Parsed, ctx: &Context, item: &Range<usize>, above: &[&str]) -> Option<Org> {
    if above.len() > MAX_DEPTH {
        return None;
    }
    let below: Vec<&str> = above.iter().copied().chain([p.head.as_str()]).collect();
    let resolve = |q: &Parsed, ctx: &Context, item: &Range<usize>| resolve_at(q, ctx, item, &below);
    // The unit the name gives, as the article's districts and provinces decide it.
    if let Some(u) = p.unit {
        let settled = ctx.settle(u);
        if settled != u {
            let mut q = p.clone();
            q.unit = Some(settled);
            return resolve(&q, ctx, item);
        }
    }
    let at = p.start;
    let local_unit = |p: &Parsed| -> Option<usize> {
        p.unit.or_else(|| match &p.level {
            Some(lv) => ctx.resolve(lv, item, at),
            None => ctx.default_unit(item, at),
        })
    };
    // A part named after its resolved parent: `Ban Tổ chức` + `Tỉnh ủy Hà Tĩnh`.
    let part_of = |parent: Org| {
        (
            format!("{} {}", p.head, parent.name),
            parent.unit,
            Some(parent),
        )
    };
    // A body of the unit `u`, named by `name`, or as written when nothing places it.
    let placed = |u: Option<usize>, name: &dyn Fn(usize) -> String| match u {
        Some(u) => (name(u), Some(u), None),
        None => (as_written(p), None, None),
    };
    let (name, unit, parent) = match p.class {
        BodyClass::Central => {
            let parent = p.parent.as_deref().and_then(|pp| resolve(pp, ctx, item));
            (p.head.clone(), None, parent)
        }
        BodyClass::Committee(lv) => placed(p.unit.or_else(|| ctx.resolve(lv, item, at)), &|u| {
            committee_of(&p.head, u)
        }),
        BodyClass::Local if p.parent.is_some() => {
            part_of(resolve(p.parent.as_deref()?, ctx, item)?)
        }
        // A newspaper or a station is named as it names itself: `Đài Phát thanh và Truyền hình Trà Vinh`.
        BodyClass::Local if p.kind == BodyKind::Media && p.level.is_none() => {
            placed(local_unit(p), &|u| format!("{} {}", p.head, unit_name(u)))
        }
        BodyClass::Local => placed(local_unit(p), &|u| {
            of_unit_as(&p.head, u, p.level.as_deref())
        }),
        BodyClass::Sub => {
            if p.unit.is_some() || p.level.is_some() {
                placed(local_unit(p), &|u| {
                    of_unit_as(&p.head, u, p.level.as_deref())
                })
            } else {
                let parent = resolve(p.parent.as_deref()?, ctx, item)?;
                let is_committee = matches!(
                    p.parent.as_deref().map(|x| x.class),
                    Some(BodyClass::Committee(_))
                );
                if p.head == "Ban Chấp hành" {
                    // A party organization's executive committee is its `... ủy`.
                    if parent.name.starts_with("Đảng bộ") {
                        if let Some(u) = parent.unit {
                            return Some(Org {
                                name: committee_for(u),
                                kind: BodyKind::Party,
                                parent: None,
                                unit: Some(u),
                                implied: false,
                            });
                        }
                    }
                    if is_committee {
                        return Some(parent);
                    }
                }
                part_of(parent)
            }
        }
        // `Bộ trưởng Tô Lâm`: the ministry the article is about (context.rs).
        BodyClass::Sector if p.bare => {
            let m = ctx
                .ministry()
                .filter(|m| !below.contains(&m.head.as_str()))?;
            return resolve(m, ctx, item);
        }
        BodyClass::Sector => {
            if p.head.starts_with("Bộ ") {
                (p.head.clone(), None, None)
            } else {
                placed(p.unit.or_else(|| ctx.resolve("tỉnh", item, at)), &|u| {
                    of_unit(&p.head, u)
                })
            }
        }
        BodyClass::Named if p.bare => {
            let full = ctx.named(&p.head).or_else(|| ctx.brand(&p.head))?;
            return resolve(full, ctx, item);
        }
        BodyClass::Named => {
            if let Some(pp) = &p.parent {
                part_of(resolve(pp, ctx, item)?)
            } else if p.unit.is_some() || p.level.is_some() {
                placed(local_unit(p), &|u| of_unit(&p.head, u))
            } else if let Some(parent) = ctx
                .parent_of(&p.head)
                .filter(|pp| !below.contains(&pp.head.as_str()))
                .and_then(|pp| resolve(pp, ctx, item))
            {
                part_of(parent)
            } else if let Some(parent) = ctx
                .ministry_of(&p.head, at)
                .filter(|m| !below.contains(&m.head.as_str()))
                .and_then(|m| resolve(m, ctx, item))
            {
                // `Cục Tổ chức cán bộ` in an article on Bộ Công an (context.rs).
                part_of(parent)
            } else if let Some(full) = ctx
                .brand(&p.head)
                .filter(|f| p.kind == BodyKind::Other && !below.contains(&f.head.as_str()))
            {
                // `Tập đoàn Thuận An`, `VNPT`: the company the article names in full.
                return resolve(full, ctx, item);
            } else {
                (p.head.clone(), None, None)
            }
        }
    };
    // A named part takes its parent's kind (a `Vụ` of an academy of the Party is the Party's).
    let kind = match (&parent, p.class) {
        (Some(par), BodyClass::Named) => par.kind,
        _ => p.kind,
    };
    Some(Org {
        name,
        kind,
        parent: parent.map(Box::new),
        unit,
        implied: p.implied,
    })
}

/// Bodies named outside the appositions of people: every capitalised body, `Đảng` as a proper
/// noun, `Trung ương` as the Central Committee.
/// Whether anything [`extract`]'s loop reads can start at token `i`, after a token other than
/// `các` (where [`plural_list`] is asked): a superset test, from what the token already holds.
/// A body ([`parse`] in capitals starts with a capitalised word where an entry of `BODY`
/// starts), `Đảng`, `Trung` (`Trung ương`). A hidden token starts nothing.
fn may_start(toks: &Tokens, i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_cap() && (toks.starts_entry(&BODY, i) || t.is("đảng") || t.is("trung"))
    })
}

pub fn extract(toks: &Tokens, ctx: &Context, facts: &mut Facts, taken: &mut [bool]) {
    let mut i = 0;
    while i < toks.len() {
        if taken.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let Some(t) = toks.get(i) else {
            i += 1;
            continue;
        };
        let plural = i > 0 && toks.is_word(i - 1, "các");
        // Most tokens start nothing the loop reads: skipped at once (the same as every test
        // below failing).
        if !plural && !may_start(toks, i) {
            i += 1;
            continue;
        }
        if plural {
            if let Some(e) = plural_list(toks, ctx, i, facts) {
                taken[i..e].iter_mut().for_each(|x| *x = true);
                i = e;
                continue;
            }
        }
        if let Some(p) = parse(toks, i, false) {
            // `các Đảng bộ`, `các Sở`: bodies in general, not one body.
            let generic = plural && p.unit.is_none() && p.level.is_none() && p.parent.is_none();
            if !generic {
                let item = i..p.end;
                if let Some(org) = resolve(&p, ctx, &item) {
                    // A part of a ministry written alone, placed in the article's ministry.
                    let of_article = p.class == BodyClass::Named
                        && p.parent.is_none()
                        && org.parent.as_ref().is_some_and(|pp| {
                            ctx.ministry_of(&p.head, p.start)
                                .is_some_and(|m| m.head == pp.name)
                        });
                    facts.organizations.push(OrgFact {
                        org,
                        span: toks.span(i, p.end),
                        rule: if of_article {
                            "organization.article_ministry"
                        } else if is_described(toks, &p) {
                            "organization.described"
                        } else {
                            "organization.body"
                        },
                    });
                }
                let end = p.end.min(taken.len());
                taken[i..end].iter_mut().for_each(|x| *x = true);
            }
            i = p.end.max(i + 1);
            continue;
        }
        let next_is = |w: &[&str]| toks.get(i + 1).is_some_and(|n| w.contains(&n.key()));
        // `Đảng Dân chủ Tự do`, `Đảng LDP`: a party of its own name is not the Party.
        let named = toks
            .get(i + 1)
            .is_some_and(|n| n.is_cap() && n.key() != "cộng");
        if t.text() == "Đảng" && !named && !next_is(&["viên", "bộ", "ủy", "đoàn", "uỷ"])
        {
            facts.organizations.push(OrgFact {
                org: Org {
                    name: "Đảng Cộng sản Việt Nam".into(),
                    kind: BodyKind::Party,
                    parent: None,
                    unit: None,
                    implied: false,
                },
                span: t.span.clone(),
                rule: "organization.party_proper_noun",
            });
        } else if t.text() == "Trung"
            && toks.get(i + 1).is_some_and(|n| n.text() == "ương")
            // `thành phố trực thuộc Trung ương` (a centrally-run city), `Trụ sở Trung ương Đảng`
            // (a building): the centre, not the Committee.
            && !(i > 0 && (toks.is_word(i - 1, "thuộc") || toks.is_word(i - 1, "sở")))
        {
            facts.organizations.push(OrgFact {
                org: Org {
                    name: "Ban Chấp hành Trung ương".into(),
                    kind: BodyKind::Party,
                    parent: None,
                    unit: None,
                    implied: false,
                },
                span: toks.span(i, i + 2),
                rule: "organization.central_committee",
            });
            i += 2;
            continue;
        }
        i += 1;
    }
}

/// `các sở, ngành liên quan như: Giao thông vận tải, Nội vụ`, `các Đảng bộ, Bộ Tài nguyên và Môi
/// trường, Lạng Sơn, Yên Bái`: one head for a list of names. Returns the index after the list.
fn plural_list(toks: &Tokens, ctx: &Context, i: usize, facts: &mut Facts) -> Option<usize> {
    let head = toks.get(i)?;
    let (canonical, sector) = match head.key() {
        "sở" => ("Sở", true),
        "đảng" if toks.is_word(i + 1, "bộ") => ("Đảng bộ", false),
        _ => return None,
    };
    let mut j = i + if sector { 1 } else { 2 };
    // The list starts after a colon within a few words, or right after a comma.
    let colon = (j..(j + 6).min(toks.len())).find(|&k| toks.is_punct(k, &[":"]));
    j = match colon {
        Some(k) => k + 1,
        None if toks.is_punct(j, &[","]) => j + 1,
        None => return None,
    };
    let mut found = 0;
    loop {
        let item_start = j;
        let (org, e) = if sector {
            let (name, e) = toks
                .longest(&SECTOR, j)
                .or_else(|| sector_toneless(toks, j))?;
            let u = ctx.resolve("tỉnh", &(i..e), i)?;
            (
                Org {
                    name: of_unit(&format!("Sở {name}"), u),
                    kind: BodyKind::State,
                    parent: None,
                    unit: Some(u),
                    implied: false,
                },
                e,
            )
        } else if let Some(p) = parse(toks, j, false) {
            let o = resolve(&p, ctx, &(j..p.end))?;
            (
                Org {
                    name: format!("{canonical} {}", o.name),
                    kind: BodyKind::Party,
                    parent: None,
                    unit: o.unit,
                    implied: false,
                },
                p.end,
            )
        } else if let Some((cands, e)) = name_at(toks, j, Some("tỉnh")) {
            (
                Org {
                    name: of_unit(canonical, cands[0]),
                    kind: BodyKind::Party,
                    parent: None,
                    unit: Some(cands[0]),
                    implied: false,
                },
                e,
            )
        } else {
            break;
        };
        facts.organizations.push(OrgFact {
            org,
            span: toks.span(item_start, e),
            rule: "organization.plural_list",
        });
        found += 1;
        j = e;
        if toks.is_punct(j, &[",", ";"]) || toks.is_word(j, "và") {
            j += 1;
        } else {
            break;
        }
    }
    (found > 0).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::super::locality::mentions;
    use super::*;

    /// At every token [`may_start`] skips (not after `các`), what [`extract`]'s loop asks finds
    /// nothing: no body parsed in capitals, no `Đảng`, no `Trung ương`.
    #[test]
    fn may_start_skips_only_what_starts_nothing() {
        let texts = [
            "Sáng 6-6, Ban Thường vụ Tỉnh ủy Nghệ An và UBND tỉnh Nghệ An làm việc với Bộ Công an.",
            "Đảng Dân chủ Tự do, Đảng LDP; đảng viên của Đảng bộ tỉnh; Trung ương Đảng, thành phố \
             trực thuộc Trung ương, trụ sở Trung ương, trung ương.",
            "các sở, ngành liên quan như: Giao thông vận tải, Nội vụ; các Đảng bộ, Bộ Tài nguyên và \
             Môi trường, Lạng Sơn; các Sở Y tế.",
            "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG; HĐND tỉnh Quảng Ninh, Hđnd huyện, hđnd xã; ubnd tỉnh \
             Bắc Ninh; Chính phủ Singapore, Quốc hội Nhật Bản.",
            "Trường Đại học Luật - Đại học Quốc gia Hà Nội; Vụ Tổ chức cán bộ, Bộ Tài chính; \
             Công ty TNHH Một thành viên Xổ số; Hội Nông dân Việt Nam.",
            "ông Nguyễn Văn An, Chủ tịch Hội đồng nhân dân xã Tân An, huyện Càng Long.",
        ];
        let (mut skipped, mut read) = (0, 0);
        for s in texts {
            // With a hidden token too: it starts nothing.
            for hide in [0..0, 0..8] {
                let t = Tokens::new(s, std::slice::from_ref(&hide));
                for i in 0..t.len() {
                    if i > 0 && t.is_word(i - 1, "các") || may_start(&t, i) {
                        read += 1;
                        continue;
                    }
                    skipped += 1;
                    let at = format!("token {i} `{}` of `{s}`", t.toks[i].text());
                    assert!(parse(&t, i, false).is_none(), "{at}");
                    assert!(
                        !t.get(i)
                            .is_some_and(|x| x.text() == "Đảng" || x.text() == "Trung"),
                        "{at}"
                    );
                }
            }
        }
        assert!(skipped > read, "{skipped} skipped, {read} read");
        let t = Tokens::new(
            "các sở, Đảng bộ tỉnh Nghệ An và Trung ương, trung ương",
            &[],
        );
        let read: Vec<&str> = (0..t.len())
            .filter(|&i| i > 0 && t.is_word(i - 1, "các") || may_start(&t, i))
            .map(|i| t.toks[i].text())
            .collect();
        assert_eq!(read, ["sở", "Đảng", "Trung"]);
    }

    fn org(article: &str, at: &str) -> Option<String> {
        let t = Tokens::new(article, &[]);
        let ms = mentions(&t);
        let ctx = Context::new(&t, &ms, None);
        let b = article.find(at).unwrap();
        let i = t.toks.iter().position(|x| x.span.start == b).unwrap();
        let p = parse(&t, i, true)?;
        resolve(&p, &ctx, &(i..p.end)).map(|o| o.name)
    }

    fn all(article: &str) -> Vec<String> {
        let t = Tokens::new(article, &[]);
        let ms = mentions(&t);
        let ctx = Context::new(&t, &ms, None);
        let mut f = Facts::default();
        extract(&t, &ctx, &mut f, &mut vec![false; t.len()]);
        f.organizations.into_iter().map(|o| o.org.name).collect()
    }

    /// A commune's name shared by several provinces is the commune of the district the article
    /// names (Tân An: a commune of huyện Càng Long, Trà Vinh, and of huyện Chiêm Hóa, Tuyên Quang,
    /// the first in the gazetteer).
    #[test]
    fn a_shared_commune_name_is_the_one_of_the_district_the_article_names() {
        let unit = |article: &str, at: &str| -> String {
            let t = Tokens::new(article, &[]);
            let ms = mentions(&t);
            let ctx = Context::new(&t, &ms, None);
            let b = article.find(at).unwrap();
            let i = t.toks.iter().position(|x| x.span.start == b).unwrap();
            let p = parse(&t, i, true).unwrap();
            let o = resolve(&p, &ctx, &(i..p.end)).unwrap();
            G.canonical(G.province_of(o.unit.unwrap()))
        };
        let a = "Ban Thường vụ Đảng ủy xã Tân An, huyện Càng Long tổ chức lễ. \
                 Bà Nguyễn Thị Bé Riêng, Bí thư Đảng ủy xã Tân An phát biểu.";
        assert_eq!(unit(a, "Đảng ủy xã Tân An phát"), "tỉnh Trà Vinh");
        // The district named first, the body after it.
        let a = "Tại huyện Chiêm Hóa, Đảng ủy xã Tân An đã họp; xã Tân An có 5 thôn.";
        assert_eq!(unit(a, "Đảng ủy"), "tỉnh Tuyên Quang");
        // Negative: no district or province named, the gazetteer's first unit of the name.
        let first = G
            .named("Tân An")
            .iter()
            .find(|&&u| G.units[u].level == "xã")
            .map(|&u| G.canonical(G.province_of(u)))
            .unwrap();
        assert_eq!(unit("Đảng ủy xã Tân An đã họp.", "Đảng ủy"), first);
        // Negative: a name of one unit is not moved by a district of another province.
        let a = "Đảng ủy xã Hoằng Đạt đã họp với huyện Càng Long.";
        assert_eq!(unit(a, "Đảng ủy"), "tỉnh Thanh Hóa");
    }

    /// A Vụ, Cục or Tổng cục written without its ministry is part of the ministry named nearest
    /// in its sentence, else of the one the article names at least twice and more than twice as
    /// often as any other (context.rs, `Context::ministry_of`).
    #[test]
    fn a_part_of_a_ministry_takes_the_ministry_of_the_article() {
        let a = "Thứ trưởng Bộ Quốc phòng dự đại hội. Tổng cục trưởng Tổng cục II phát biểu. \
                 Thông tư của Bộ Quốc phòng về công tác thi đua.";
        assert_eq!(
            org(a, "Tổng cục II").as_deref(),
            Some("Tổng cục II Bộ Quốc phòng")
        );
        let a = "Bộ trưởng Bộ Công an dự hội nghị. Cục trưởng Cục Tổ chức cán bộ báo cáo. \
                 Bộ Công an đề xuất tinh gọn bộ máy. Bộ Tài chính cũng dự. Bộ Công an kết luận.";
        assert_eq!(
            org(a, "Cục Tổ chức").as_deref(),
            Some("Cục Tổ chức cán bộ Bộ Công an")
        );
        // Boundary: twice against once is not more than twice as often.
        let a = "Bộ trưởng Bộ Công an dự hội nghị. Cục trưởng Cục Tổ chức cán bộ báo cáo. \
                 Bộ Công an đề xuất tinh gọn bộ máy. Bộ Tài chính cũng dự.";
        assert_eq!(org(a, "Cục Tổ chức").as_deref(), Some("Cục Tổ chức cán bộ"));
        // The ministry in the sentence before the article's.
        let a = "Bộ Ngoại giao họp. Bộ Ngoại giao công bố. Ông là cục trưởng Cục Cảnh sát \
                 điều tra, Bộ Công an.";
        assert_eq!(
            org(a, "Cục Cảnh sát").as_deref(),
            Some("Cục Cảnh sát điều tra Bộ Công an")
        );
        // Negative: a ministry named once, or two named as often, is no article's ministry.
        let a = "Bộ Quốc phòng dự. Tổng cục II tổ chức đại hội.";
        assert_eq!(org(a, "Tổng cục II").as_deref(), Some("Tổng cục II"));
        let a = "Bộ Quốc phòng dự. Bộ Công an dự. Bộ Quốc phòng, Bộ Công an ký. Tổng cục II họp.";
        assert_eq!(org(a, "Tổng cục II").as_deref(), Some("Tổng cục II"));
        // Negative: a body of another head (`Học viện`) takes no ministry.
        let a = "Bộ Công an họp. Bộ Công an công bố. Ông dự lễ tại Học viện An ninh nhân dân.";
        assert_eq!(
            org(a, "Học viện").as_deref(),
            Some("Học viện An ninh nhân dân")
        );
        // Boundary: a part the text gives another owner keeps its name as written: in
        // parentheses after a body, before `của` and a national body, a sibling listed after
        // the ministry.
        let a =
            "Bộ Công an họp. Bộ Công an công bố. Viện kiểm sát nhân dân tối cao (Vụ 5) phê chuẩn.";
        assert_eq!(org(a, "Vụ 5").as_deref(), Some("Vụ 5"));
        let a = "Bộ Công an họp. Bộ Công an công bố. Ông là vụ trưởng Vụ Theo dõi xử lý các vụ \
                 án của Ban Nội chính Trung ương.";
        assert_eq!(org(a, "Vụ Theo").as_deref(), Some("Vụ Theo dõi xử lý"));
        let a = "Thông tư của Bộ Xây dựng, Tổng cục Địa chính về giấy phép.";
        assert_eq!(
            org(a, "Tổng cục Địa").as_deref(),
            Some("Tổng cục Địa chính")
        );
        // The fact says where its parent came from.
        let a = "Bộ Công an họp. Bộ Công an công bố. Cục Tổ chức cán bộ báo cáo.";
        let t = Tokens::new(a, &[]);
        let ms = mentions(&t);
        let ctx = Context::new(&t, &ms, None);
        let mut f = Facts::default();
        extract(&t, &ctx, &mut f, &mut vec![false; t.len()]);
        let rules: Vec<(&str, &str)> = f
            .organizations
            .iter()
            .map(|o| (o.org.name.as_str(), o.rule))
            .collect();
        assert!(rules.contains(&(
            "Cục Tổ chức cán bộ Bộ Công an",
            "organization.article_ministry"
        )));
        assert!(rules.contains(&("Bộ Công an", "organization.body")));
    }

    #[test]
    fn plural_lists_and_generic_plurals() {
        let a = "Tại huyện Tân Kỳ, tỉnh Nghệ An, lãnh đạo các sở, ngành liên quan như: Giao thông vận tải, Lao động, Thương binh và Xã hội, Nội vụ… đã trả lời.";
        assert_eq!(
            all(a),
            [
                "Sở Giao thông vận tải tỉnh Nghệ An",
                "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An",
                "Sở Nội vụ tỉnh Nghệ An"
            ]
        );
        assert!(all("ở tỉnh Nghệ An, các Đảng bộ đã họp.").is_empty());
    }

    #[test]
    fn sector_names_with_a_comma_or_a_wrong_tone() {
        assert_eq!(
            org("Bộ Văn hóa, Thể thao và Du lịch họp", "Bộ").as_deref(),
            Some("Bộ Văn hóa, Thể thao và Du lịch")
        );
        assert_eq!(
            org("Sở Tài nguyên và Môi trưởng tỉnh Yên Bái", "Sở").as_deref(),
            Some("Sở Tài nguyên và Môi trường tỉnh Yên Bái")
        );
    }

    #[test]
    fn explicit_units_and_abbreviations() {
        assert_eq!(
            org("UBND tỉnh Lâm Đồng họp", "UBND").as_deref(),
            Some("Ủy ban nhân dân tỉnh Lâm Đồng")
        );
        assert_eq!(
            org("Tỉnh ủy tỉnh Quảng Bình họp", "Tỉnh").as_deref(),
            Some("Tỉnh ủy Quảng Bình")
        );
        assert_eq!(
            org("Ban Tổ chức Tỉnh ủy Hậu Giang họp", "Ban").as_deref(),
            Some("Ban Tổ chức Tỉnh ủy Hậu Giang")
        );
    }

    #[test]
    fn unqualified_bodies_take_the_article_place() {
        let a =
            "Đảng ủy phường Trung Lương, thị xã Hồng Lĩnh họp. Thị ủy chỉ đạo. Tỉnh ủy chỉ đạo.";
        assert_eq!(org(a, "Thị ủy").as_deref(), Some("Thị ủy Hồng Lĩnh"));
        assert_eq!(org(a, "Tỉnh ủy").as_deref(), Some("Tỉnh ủy Hà Tĩnh"));
        // No place anywhere: a local body stays as written, with its level word.
        assert_eq!(org("Tỉnh ủy chỉ đạo.", "Tỉnh").as_deref(), Some("Tỉnh ủy"));
        assert_eq!(
            org("Chủ tịch UBND huyện dự họp.", "UBND").as_deref(),
            Some("Ủy ban nhân dân huyện")
        );
        assert_eq!(
            org("Ban Tổ chức Tỉnh ủy chỉ đạo.", "Ban").as_deref(),
            Some("Ban Tổ chức Tỉnh ủy")
        );
    }

    #[test]
    fn departments_and_named_parts() {
        let a = "Sở Nội vụ họp ở tỉnh Trà Vinh.";
        assert_eq!(org(a, "Sở").as_deref(), Some("Sở Nội vụ tỉnh Trà Vinh"));
        let b = "Phòng Chính sách cán bộ Ban Tổ chức Tỉnh ủy Hà Tĩnh họp";
        assert_eq!(
            org(b, "Phòng").as_deref(),
            Some("Phòng Chính sách cán bộ Ban Tổ chức Tỉnh ủy Hà Tĩnh")
        );
    }

    #[test]
    fn a_parent_in_parentheses_and_national_abbreviations() {
        assert_eq!(
            org("Cục Tổ chức cán bộ (Bộ Công an) công bố", "Cục").as_deref(),
            Some("Cục Tổ chức cán bộ Bộ Công an")
        );
        assert_eq!(
            org("Tổng cục Chính trị CAND chỉ đạo", "Tổng").as_deref(),
            Some("Tổng cục Chính trị Công an nhân dân")
        );
        // A parenthesis that is not a body is not a parent.
        assert_eq!(
            org("Cục Tổ chức cán bộ (ảnh) công bố", "Cục").as_deref(),
            Some("Cục Tổ chức cán bộ")
        );
    }

    /// Issue 27: a body followed by itself in parentheses made itself its own parent, and
    /// resolving it recursed until the stack overflowed.
    #[test]
    fn a_body_that_names_itself_or_a_circle_as_its_parent_ends() {
        let a = "Trường Đại Học Trà Vinh(Trường Đại học Trà Vinh) tổ chức hội nghị.";
        assert_eq!(org(a, "Trường").as_deref(), Some("Trường Đại học Trà Vinh"));
        // Two bodies each given as the other's parent: the circle is cut, no name doubles.
        let b = "Trường Đại học Trà Vinh - Học viện Ngân hàng họp. \
                 Học viện Ngân hàng - Trường Đại học Trà Vinh họp. Học viện Ngân hàng dự.";
        for name in all(b) {
            assert!(name.matches("Trường").count() <= 1, "{name}");
            assert!(name.matches("Học viện").count() <= 1, "{name}");
        }
        // Boundary: a real parent in parentheses is still one.
        assert_eq!(
            org(
                "Trường Đại học Luật (Đại học Quốc gia Hà Nội) họp",
                "Trường"
            )
            .as_deref(),
            Some("Trường Đại học Luật Đại học Quốc gia Hà Nội")
        );
    }

    /// A chain of named bodies as long as the input parses no deeper than [`MAX_DEPTH`].
    #[test]
    fn parents_nest_no_deeper_than_the_bound() {
        let chain = "Học viện Ngân hàng (".repeat(2_000);
        let t = Tokens::new(&chain, &[]);
        let p = parse(&t, 0, false).unwrap();
        let mut depth = 0;
        let mut cur = Some(&p);
        while let Some(q) = cur {
            depth += 1;
            cur = q.parent.as_deref();
        }
        assert!(depth <= MAX_DEPTH + 1, "{depth}");
        let _ = all(&chain);
    }

    #[test]
    fn a_mass_organisation_of_an_institution_and_mttq() {
        assert_eq!(
            org("Hội Sinh viên Học viện Ngân hàng họp", "Hội").as_deref(),
            Some("Hội Sinh viên Học viện Ngân hàng")
        );
        assert_eq!(
            org("Ủy ban MTTQ Việt Nam huyện Ngọc Hiển họp", "Ủy").as_deref(),
            Some("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Ngọc Hiển")
        );
        // A named body stops before the person after it.
        assert_eq!(
            org("Đại học Quốc gia Hà Nội Phạm Bảo Sơn dự", "Đại").as_deref(),
            Some("Đại học Quốc gia Hà Nội")
        );
    }

    #[test]
    fn an_executive_committee_is_the_committee() {
        let a = "tham gia Ban Chấp hành Đảng bộ tỉnh Quảng Ninh";
        assert_eq!(org(a, "Ban").as_deref(), Some("Tỉnh ủy Quảng Ninh"));
    }

    /// The body parsed after a role at `at` (`lower`), as [`abroad`] makes it for `implies`.
    fn after_role(text: &str, at: &str, implies: Option<&str>) -> Option<String> {
        let t = Tokens::new(text, &[]);
        let b = text.find(at).unwrap();
        let i = t.toks.iter().position(|x| x.span.start == b).unwrap();
        parse(&t, i, true).map(|p| abroad(p, implies).head)
    }

    /// `Hội đồng` followed by a name of its own is that council (not a sub-body of the name).
    #[test]
    fn a_council_of_its_own_name() {
        assert_eq!(
            after_role(
                "Phó chủ tịch Hội đồng Y khoa Quốc gia, đại diện",
                "Hội",
                None
            )
            .as_deref(),
            Some("Hội đồng Y khoa Quốc gia")
        );
        // Negative: a person's name after it is no council's name.
        assert_eq!(
            after_role("Chủ tịch Hội đồng Trương Văn An phát biểu", "Hội", None),
            Some("Hội đồng".to_string())
        );
        // Boundary: a council the lexicon knows keeps its row.
        assert_eq!(
            after_role("Chủ tịch Hội đồng Dân tộc Y Thanh Hà Niê Kđăm", "Hội", None).as_deref(),
            Some("Hội đồng Dân tộc")
        );
    }

    /// `Hội` heads a body only after a role (`associations.tsv`, `association`): in running text
    /// it is as often the end of a name or a place.
    #[test]
    fn an_association_head_is_read_only_after_a_role() {
        assert!(!all("Hội Người cao tuổi Việt Nam tổ chức hội nghị.")
            .iter()
            .any(|o| o.starts_with("Hội")));
        let at = |text: &str, w: &str| {
            let t = Tokens::new(text, &[]);
            let b = text.find(w).unwrap();
            let i = t.toks.iter().position(|x| x.span.start == b).unwrap();
            association(&t, i).map(|p| p.head)
        };
        assert_eq!(
            at("Chủ tịch Hội Khuyến học Việt Nam Nguyễn Thị Doan", "Hội").as_deref(),
            Some("Hội Khuyến học Việt Nam")
        );
        assert_eq!(
            at(
                "chủ tịch Liên đoàn Thương mại và Công nghiệp Việt Nam trong nhiều năm",
                "Liên"
            )
            .as_deref(),
            Some("Liên đoàn Thương mại và Công nghiệp Việt Nam")
        );
        assert_eq!(
            at("Chủ tịch Hội Văn học và Nghệ thuật phát biểu", "Hội").as_deref(),
            Some("Hội Văn học và Nghệ thuật")
        );
        // `và` before lower-case words joins no name.
        assert_eq!(
            at("Chủ tịch Hội Doanh nghiệp và các hội viên", "Hội").as_deref(),
            Some("Hội Doanh nghiệp")
        );
        assert_eq!(at("Chủ tịch Hội Nghị Thượng đỉnh", "Hội"), None);
        assert_eq!(at("ông Mai Quốc Hội phát biểu", "Hội"), None);
    }

    #[test]
    fn foreign_bodies_carry_their_country() {
        assert_eq!(
            org("Chính phủ Singapore họp", "Chính").as_deref(),
            Some("Chính phủ Singapore")
        );
        assert_eq!(
            org(
                "ông Wong, Bộ trưởng Bộ Tài chính Singapore cho biết",
                "Bộ Tài"
            )
            .as_deref(),
            Some("Bộ Tài chính Singapore")
        );
        assert_eq!(
            org("Đại sứ quán Ấn Độ tại Campuchia khuyến cáo", "Đại").as_deref(),
            Some("Đại sứ quán Ấn Độ tại Campuchia")
        );
        // After a role: the body it implies, of the country (`Thủ tướng Nhật Bản`).
        let s = "Thủ tướng Nhật Bản Shigeru Ishiba";
        assert_eq!(
            after_role(s, "Nhật", Some("Chính phủ")).as_deref(),
            Some("Chính phủ Nhật Bản")
        );
        let s = "Đại sứ Việt Nam tại Singapore Mai Phước Dũng";
        assert_eq!(
            after_role(s, "Việt", Some("Đại sứ quán")).as_deref(),
            Some("Đại sứ quán Việt Nam tại Singapore")
        );
        // A role that implies no body keeps the country (`Tổng thống Nga` -> Nga).
        let s = "Tổng thống Nga Vladimir Putin";
        assert_eq!(after_role(s, "Nga", None).as_deref(), Some("Nga"));
        // Negative: Việt Nam's own bodies take no country; a given name is not a country.
        assert_eq!(
            org("Chính phủ Việt Nam họp", "Chính").as_deref(),
            Some("Chính phủ")
        );
        assert_eq!(after_role("Thứ trưởng Đức cho biết", "Đức", None), None);
        // Boundary: a one-syllable country before a name or a comma is the country.
        assert_eq!(
            after_role("Thủ tướng Anh, ông Starmer", "Anh", Some("Chính phủ")).as_deref(),
            Some("Chính phủ Anh")
        );
        // Boundary: no country, no body (the implied one is the role's own business).
        assert_eq!(after_role("Đại sứ Thomas Gass", "Thomas", None), None);
    }

    #[test]
    fn army_bodies_numbers_and_standing_committees() {
        assert_eq!(
            all("tại địa bàn Quân khu 2, Quân khu 3 đã giúp dân."),
            ["Quân khu 2", "Quân khu 3"]
        );
        // A number ends the name: the clause goes on after it.
        assert_eq!(
            all("hoạt động của Ban Chỉ đạo 35 trong đấu tranh phản bác."),
            ["Ban Chỉ đạo 35"]
        );
        assert_eq!(
            org("Ủy viên Thường vụ Quân ủy Trung ương", "Thường").as_deref(),
            Some("Ban Thường vụ Quân ủy Trung ương")
        );
        assert_eq!(
            org(
                "Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam",
                "Tổng"
            )
            .as_deref(),
            Some("Tổng cục Chính trị Quân đội nhân dân Việt Nam")
        );
        assert_eq!(
            org("Chánh Thanh tra Bộ Công an", "Thanh").as_deref(),
            Some("Thanh tra Bộ Công an")
        );
        assert_eq!(
            org("thủ trưởng Cơ quan an ninh điều tra Bộ Công an", "Cơ").as_deref(),
            Some("Cơ quan an ninh điều tra Bộ Công an")
        );
        assert_eq!(
            all("chuyển đến Bệnh viện Quân y 175 hoặc Nhà tang lễ."),
            ["Bệnh viện Quân y 175"]
        );
        // Negative: an acronym closes the name; no number, no Quân khu.
        assert_eq!(all("Tổng cục II cần tích cực hơn."), ["Tổng cục II"]);
        assert!(all("quân khu và quân đoàn").is_empty());
    }

    #[test]
    fn a_national_body_named_with_cua_drops_it() {
        assert_eq!(
            org("Chủ nhiệm Ủy ban Đối ngoại của Quốc hội Vũ Hải Hà", "Ủy").as_deref(),
            Some("Ủy ban Đối ngoại Quốc hội")
        );
        // Any national body: `của` + Chính phủ.
        assert_eq!(
            org("Ủy ban Biên giới quốc gia của Chính phủ họp", "Ủy").as_deref(),
            Some("Ủy ban Biên giới quốc gia Chính phủ")
        );
        // Negative: `của` before what is not a national body is not a parent.
        assert_eq!(
            org("Ủy ban Biên giới của tỉnh họp", "Ủy").as_deref(),
            Some("Ủy ban Biên giới")
        );
        // Boundary: a head before another body names nothing (`Ủy ban Ban Bí thư`, a typo).
        assert_eq!(all("Ủy ban Ban Bí thư khóa 13"), ["Ban Bí thư"]);
    }

    #[test]
    fn a_ministry_left_out_after_a_role() {
        let at = |text: &str, w: &str| {
            let t = Tokens::new(text, &[]);
            let b = text.find(w).unwrap();
            let i = t.toks.iter().position(|x| x.span.start == b).unwrap();
            elided(&t, i, "Bộ").map(|p| p.head)
        };
        assert_eq!(
            at("đại tướng Tô Lâm, Bộ trưởng Công an.", "Công").as_deref(),
            Some("Bộ Công an")
        );
        assert_eq!(
            at("Thứ trưởng Tài nguyên và Môi trường", "Tài").as_deref(),
            Some("Bộ Tài nguyên và Môi trường")
        );
        assert_eq!(
            at("Phó Thủ tướng, Bộ trưởng Nội vụ Campuchia Sar Sokha", "Nội").as_deref(),
            Some("Bộ Nội vụ Campuchia")
        );
        // Negative: the ministry written whole, or a lower-case word, is not left out.
        assert_eq!(at("Bộ trưởng Bộ Công an", "Bộ Công"), None);
        assert_eq!(at("Phó Trưởng công an xã", "công"), None);
    }

    #[test]
    fn named_bodies_end_where_their_name_does() {
        assert_eq!(
            all("31 cán bộ Bệnh viện Phổi Hải Dương đăng ký hiến tặng."),
            ["Bệnh viện Phổi Hải Dương"]
        );
        assert_eq!(
            org(
                "cục trưởng Cục An ninh chính trị nội bộ, Bộ Công an.",
                "Cục"
            )
            .as_deref(),
            Some("Cục An ninh chính trị nội bộ Bộ Công an")
        );
        assert_eq!(
            org("Vụ Thị trường trong nước (Bộ Công Thương) họp", "Vụ").as_deref(),
            Some("Vụ Thị trường trong nước Bộ Công Thương")
        );
        // Negative: `trong năm` ends a name; a person after a closed name is not in it.
        assert_eq!(
            org("Vụ Tuyên truyền trong năm 2024 đã làm", "Vụ").as_deref(),
            Some("Vụ Tuyên truyền")
        );
        assert_eq!(
            org(
                "Tổng Giám mục Tổng Giáo phận Hà Nội Giuse Vũ Văn Thiên",
                "Tổng Giáo"
            )
            .as_deref(),
            Some("Tổng Giáo phận Hà Nội")
        );
        // Boundary: a sector written without its `và`.
        assert_eq!(
            org("Giám đốc Sở giáo dục đào tạo tỉnh Quảng Ngãi", "Sở").as_deref(),
            Some("Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi")
        );
    }

    #[test]
    fn the_party_and_the_centre_as_proper_nouns() {
        let party = "Đảng Cộng sản Việt Nam".to_string();
        let centre = "Ban Chấp hành Trung ương".to_string();
        assert!(all("Đảng lãnh đạo toàn diện.").contains(&party));
        assert!(all("Trung ương quyết định.").contains(&centre));
        // Negative: a party of its own name; the centre a city is run from; a building.
        assert!(!all("Đảng Dân chủ Tự do thắng cử.").contains(&party));
        assert!(!all("Huế là thành phố trực thuộc Trung ương.").contains(&centre));
        assert!(!all("tại Trụ sở Trung ương Đảng.").contains(&centre));
        // Boundary: `Đảng Cộng sản` is the Party.
        assert!(all("Đảng Cộng sản lãnh đạo.").contains(&party));
    }

    #[test]
    fn abbreviations_of_ministries_courts_and_army_bodies() {
        let cases = [
            (
                "Giám đốc Sở GD-ĐT tỉnh Nghệ An",
                "Sở Giáo dục và Đào tạo tỉnh Nghệ An",
            ),
            (
                "Giám đốc Sở GD&ĐT tỉnh Nghệ An",
                "Sở Giáo dục và Đào tạo tỉnh Nghệ An",
            ),
            ("Bộ VHTTDL chỉ đạo", "Bộ Văn hóa, Thể thao và Du lịch"),
            (
                "Thứ trưởng Bộ LĐ-TB&XH",
                "Bộ Lao động - Thương binh và Xã hội",
            ),
            ("Chánh án TAND Tối cao", "Tòa án nhân dân tối cao"),
            (
                "Viện trưởng VKSND tỉnh Bến Tre",
                "Viện Kiểm sát nhân dân tỉnh Bến Tre",
            ),
            (
                "Chỉ huy trưởng Bộ CHQS tỉnh Bình Dương",
                "Bộ Chỉ huy Quân sự tỉnh Bình Dương",
            ),
            (
                "Chủ tịch Hội LHPN tỉnh Nghệ An",
                "Hội Liên hiệp Phụ nữ tỉnh Nghệ An",
            ),
            (
                "Chủ tịch HĐQT Ngân hàng VietinBank",
                "Hội đồng quản trị Ngân hàng VietinBank",
            ),
        ];
        for (text, want) in cases {
            let at = text
                .split(' ')
                .find(|w| ["Sở", "Bộ", "TAND", "VKSND", "Hội", "HĐQT"].contains(w));
            assert_eq!(org(text, at.unwrap()).as_deref(), Some(want), "{text}");
        }
        // Negative: an abbreviation in lower case is a word; a Sở needs its sector.
        assert!(all("tand và vksnd").is_empty());
        assert_eq!(org("Sở GD họp", "Sở"), None);
    }

    /// A `Trung tâm` is described: its name may open in lower case (`Trung tâm điều dưỡng thương
    /// binh Thuận Thành`); a described name going on past a dash with a capital is not read cut.
    #[test]
    fn centres_are_described_and_a_dash_does_not_cut_them() {
        assert_eq!(
            org(
                "Bác sĩ Nguyễn Văn Hương - Giám đốc Trung tâm điều dưỡng thương binh Thuận Thành \
                 đã phát biểu.",
                "Trung"
            )
            .as_deref(),
            Some("Trung tâm điều dưỡng thương binh Thuận Thành")
        );
        // Negative: cut at a dash, the name is not read.
        assert!(all(
            "Giáo sư Vuving từ Trung tâm nghiên cứu an ninh châu Á - Thái Bình Dương Daniel K. \
             Inouye nhận định."
        )
        .iter()
        .all(|o| !o.starts_with("Trung tâm")));
        // Boundary: a dash followed by lower case ends the name where it stands.
        assert_eq!(
            org(
                "Trung tâm điều dưỡng thương binh Thuận Thành - nơi chăm sóc",
                "Trung"
            )
            .as_deref(),
            Some("Trung tâm điều dưỡng thương binh Thuận Thành")
        );
    }

    /// organization.described: a head whose name opens in lower case (`Ban Quản lý dự án ...`)
    /// is read up to its unit or a capitalised name, commas inside kept.
    #[test]
    fn described_bodies_open_with_lower_case_words() {
        let a = "Ông Nguyễn Văn Thạo, Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình \
                 giao thông, nông nghiệp tỉnh Bắc Giang bị bắt.";
        assert_eq!(
            org(a, "Ban").as_deref(),
            Some(
                "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông, nông nghiệp tỉnh \
                 Bắc Giang"
            )
        );
        assert_eq!(
            org("Trưởng phòng Ban Quản lý dự án tỉnh Bắc Giang", "Ban").as_deref(),
            Some("Ban Quản lý dự án tỉnh Bắc Giang")
        );
        assert_eq!(
            org("Phó Tổng Giám đốc Công ty cổ phần thời trang YODY", "Công").as_deref(),
            Some("Công ty cổ phần thời trang YODY")
        );
        assert_eq!(
            org("Phó Giám đốc Nhạc viện TP HCM", "Nhạc").as_deref(),
            Some("Nhạc viện Thành phố Hồ Chí Minh")
        );
        // A capitalised name right after the head: read as a named body.
        assert_eq!(
            all("Ban Quản lý dự án 4 đã bàn giao."),
            ["Ban Quản lý dự án 4"]
        );
        // Negative: the clause goes on (a boundary word), or no unit and no name ends it.
        assert!(all("Ban Quản lý dự án đã làm việc với tỉnh Bắc Giang.").is_empty());
        assert!(all("Công ty cổ phần này có vốn lớn.").is_empty());
        assert_eq!(org("Giám đốc Ban Quản lý dự án đầu tư họp", "Ban"), None);
        // Boundary: a head alone takes a unit only with its level word; a level word after a
        // description is the article's unit.
        assert_eq!(
            org(
                "Tỉnh Bắc Giang họp. Giám đốc Ban Quản lý dự án giao thông tỉnh dự.",
                "Ban"
            )
            .as_deref(),
            Some("Ban Quản lý dự án giao thông tỉnh Bắc Giang")
        );
        let t = Tokens::new("Ban Quản lý dự án giao thông tỉnh Bắc Giang họp.", &[]);
        let ms = mentions(&t);
        let ctx = Context::new(&t, &ms, None);
        let mut f = Facts::default();
        extract(&t, &ctx, &mut f, &mut vec![false; t.len()]);
        assert_eq!(f.organizations[0].rule, "organization.described");
        let t = Tokens::new("Ban Quản lý dự án 4 họp.", &[]);
        let ms = mentions(&t);
        let ctx = Context::new(&t, &ms, None);
        let mut f = Facts::default();
        extract(&t, &ctx, &mut f, &mut vec![false; t.len()]);
        assert_eq!(f.organizations[0].rule, "organization.body");
    }

    /// Heads of companies, associations, institutes, branches, and bodies written in short.
    #[test]
    fn more_heads_and_abbreviations() {
        let cases = [
            (
                "Phó giám đốc Chi nhánh Hà Nội của Công ty Xuyên Việt Oil",
                "Chi",
                "Chi nhánh Hà Nội Công ty Xuyên Việt Oil",
            ),
            (
                "Chủ tịch Công đoàn Trường THCS Tân Bình",
                "Công",
                "Công đoàn Trường Trung học cơ sở Tân Bình",
            ),
            ("Chủ tịch Công đoàn Việt Nam", "Công", "Công đoàn Việt Nam"),
            (
                "Vụ trưởng, Kho bạc Nhà nước cho biết",
                "Kho",
                "Kho bạc Nhà nước",
            ),
            (
                "Chủ tịch Hiệp hội Năng lượng Việt Nam cho biết",
                "Hiệp",
                "Hiệp hội Năng lượng Việt Nam",
            ),
            (
                "Giám đốc Trung tâm Dự báo Khí tượng Thủy văn quốc gia, cho biết",
                "Trung",
                "Trung tâm Dự báo Khí tượng Thủy văn quốc gia",
            ),
            (
                "Chi nhánh Hà Nội Công ty Xuyên Việt Oil",
                "Chi",
                "Chi nhánh Hà Nội Công ty Xuyên Việt Oil",
            ),
            (
                "Giám đốc Đài Phát thanh - Truyền hình Quảng Nam phát biểu",
                "Đài",
                "Đài Phát thanh và Truyền hình Quảng Nam",
            ),
            (
                "Bộ trưởng, Chủ nhiệm VPCP Trần Văn Sơn",
                "VPCP",
                "Văn phòng Chính phủ",
            ),
            (
                "Phó Giám đốc Sở TN-MT tỉnh Lâm Đồng",
                "Sở",
                "Sở Tài nguyên và Môi trường tỉnh Lâm Đồng",
            ),
            (
                "Chánh Thanh tra Bộ VH-TT-DL cho biết",
                "Bộ",
                "Bộ Văn hóa, Thể thao và Du lịch",
            ),
            (
                "Chủ nhiệm Ủy ban Khoa học Công nghệ và Môi trường của Quốc hội Lê Quang Huy",
                "Ủy",
                "Ủy ban Khoa học, Công nghệ và Môi trường Quốc hội",
            ),
            (
                "Chủ tịch HĐTV Công ty Xuyên Việt Oil",
                "HĐTV",
                "Hội đồng thành viên Công ty Xuyên Việt Oil",
            ),
        ];
        for (text, at, want) in cases {
            assert_eq!(org(text, at).as_deref(), Some(want), "{text}");
        }
        // Negative: a place whose name opens with a head is no body; abbreviations in lower
        // case are words.
        assert!(all("Phố cổ Hội An đón khách.").is_empty());
        assert!(all("huyện Vụ Bản tổ chức lễ.").is_empty());
        assert!(all("vpcp và hđtv").is_empty());
        // `Hội` alone is no head: a body head after two syllables ends a person's name, and
        // `Hội` ends many (`Ông Mai Quốc Hội, Phó Chủ tịch ...`).
        assert_eq!(org("Phó Chủ tịch Hội Điện lực Việt Nam", "Hội"), None);
        assert!(all("Ban Quản lý dự án thuộc Sở Giao thông vận tải")
            .iter()
            .all(|o| !o.starts_with("Ban")));
        // Boundary: a head before a lower-case word is no body.
        assert!(all("Hội nghị Trung ương 10 khai mạc.")
            .iter()
            .all(|o| !o.starts_with("Hội ")));
    }

    /// `T.Ư` (Trung ương) is one token in capitals; its entries are cut as the text is.
    #[test]
    fn central_bodies_written_with_t_u() {
        assert_eq!(
            org("nguyên Ủy viên Ban Chấp hành T.Ư Đảng, Phó bí thư", "Ban").as_deref(),
            Some("Ban Chấp hành Trung ương")
        );
        assert_eq!(
            all("UBKT T.Ư đề nghị kỷ luật."),
            ["Ủy ban Kiểm tra Trung ương"]
        );
        // Negative: `t.ư` in lower case is three tokens, no body.
        assert!(all("ubkt t.ư họp").is_empty());
        // Boundary: the older spelling with `TW` still reads.
        assert_eq!(all("UBKT TW đề nghị."), ["Ủy ban Kiểm tra Trung ương"]);
    }

    /// The texts of the example articles, whole and line by line, with the tokens of a title
    /// hidden in some: what the tests of a kept result read.
    fn example_tokens() -> Vec<(String, Vec<Range<usize>>)> {
        let mut texts = Vec::new();
        for text in crate::extract::example_texts() {
            for line in text.lines() {
                texts.push((line.to_string(), vec![]));
                // A title hidden inside the line, as `document::extract` hides them.
                let third = line.char_indices().nth(line.chars().count() / 3);
                if let Some((at, _)) = third {
                    let hidden = at..at + line.len() / 3;
                    texts.push((line.to_string(), std::iter::once(hidden).collect()));
                }
            }
            texts.push((text, vec![]));
        }
        texts.push(("Ban Chấp hành Trung ương Hội Nông dân Việt Nam, Hội Sinh viên Học viện Ngân hàng, Cục Tổ chức cán bộ (Bộ Công an), Trường Đại Học Trà Vinh(Trường Đại học Trà Vinh), Đại sứ quán Ấn Độ tại Campuchia".into(), vec![]));
        texts.push((String::new(), vec![]));
        texts
    }

    /// The body kept for a token is the one parsed there afresh: at every token of the example
    /// articles, in lower case or not, asked once and again, before and after tokens are hidden
    /// (a parse kept before [`Tokens::without`] is not read after it).
    #[test]
    fn a_body_kept_is_the_one_parsed_afresh() {
        let (mut found, mut none) = (0, 0);
        for (text, hide) in example_tokens() {
            let fresh = |hide: &[Range<usize>], i: usize, lower: bool| {
                let t = Tokens::new(&text, &[]).without(hide);
                format!("{:?}", parse_at(&t, i, lower, 0))
            };
            let t = Tokens::new(&text, &[]);
            // Parsed first with nothing hidden, kept; then the title hidden.
            for i in 0..t.len() {
                for lower in [false, true] {
                    let _ = parse(&t, i, lower);
                }
            }
            let t = t.without(&hide);
            let mut all = Vec::new();
            for _ in 0..2 {
                for i in (0..t.len()).rev() {
                    for lower in [true, false] {
                        all.push((i, lower, format!("{:?}", parse(&t, i, lower))));
                    }
                }
            }
            let n = t.len();
            for (k, (i, lower, got)) in all.into_iter().enumerate() {
                // Afresh only where something was read, once; elsewhere, against `parse_at`
                // on the same tokens.
                let want = if k < 2 * n && got != "None" {
                    found += 1;
                    fresh(&hide, i, lower)
                } else {
                    none += 1;
                    format!("{:?}", parse_at(&t, i, lower, 0))
                };
                assert_eq!(
                    got, want,
                    "token {i} lower {lower} of {text:?} hiding {hide:?}"
                );
            }
        }
        assert!(
            found > 1_000 && none > found,
            "{found} bodies, {none} others"
        );
    }
}
