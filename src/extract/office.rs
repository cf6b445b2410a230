//! Offices (EXTRACTION.md §4): who holds which post. The forms read, each a rule:
//! - `office.apposition`: `đồng chí X - Role Org, Role Org`, `ông X, Role Org`, `X (Role Org)`;
//! - `office.title_before_name`: `Chủ tịch UBND huyện Tân Kỳ Phan Văn Giáp`;
//! - `office.plural_heading`: `Các tỉnh ủy viên, phó chủ tịch UBND tỉnh: Nguyễn Ngọc Phúc, Phạm S`;
//! - `office.appointment`: `được điều động ..., chỉ định tham gia Ban Chấp hành, Ban Thường vụ
//!   Huyện ủy và giữ chức Bí thư Huyện ủy Kim Thành`.
//!
//! `nguyên`, `cựu`, `từng` mark a post and the posts after it in the same list as former.

use super::organization::{committee_head, parse, resolve, Parsed};
use super::person::{accept, name_at};
use super::{Context, Facts, OfficeFact, PersonFact, Tokens};
use crate::extract::lexicon::BodyKind;
use crate::extract::lexicon::{BodyClass, Role, BODY, HONORIFIC, ROLE};
use std::ops::Range;

#[derive(Debug, Clone)]
struct Post {
    role: Option<Role>,
    org: Option<Parsed>,
    former: bool,
    end: usize,
}

fn implied(name: &str, at: usize) -> Option<Parsed> {
    let body = BODY.get(&crate::normalize::key(name))?;
    Some(Parsed {
        head: body.canonical.clone(),
        kind: body.kind,
        class: body.class,
        unit: None,
        level: None,
        parent: None,
        start: at,
        end: at,
        implied: false,
        bare: false,
    })
}

fn post_at(toks: &Tokens, i: usize) -> Option<Post> {
    let mut j = i;
    let mut former = false;
    if toks
        .get(j)
        .is_some_and(|t| matches!(t.key.as_str(), "nguyên" | "cựu" | "từng"))
    {
        former = true;
        j += 1;
    }
    // An acting post: `Quyền Chủ tịch nước` is the role `Quyền Chủ tịch nước`.
    let acting = toks.is_word(j, "quyền") && toks.longest(&ROLE, j + 1).is_some();
    if acting {
        j += 1;
    }
    if let Some((role, k)) = toks.longest(&ROLE, j) {
        let mut role = role.clone();
        if acting {
            role.role = format!("Quyền {}", role.role);
        }
        let role = &role;
        // The body may share the role's last word: `Trưởng Ban Tổ chức` is Trưởng ban of Ban Tổ chức.
        let mut org_start = k;
        if let Some(sh) = &role.shares {
            let n = sh.split(' ').count();
            let repeated = (0..n).all(|x| {
                toks.get(k + x)
                    .is_some_and(|t| t.key == sh.split(' ').nth(x).unwrap_or(""))
            });
            if !repeated && k >= j + n {
                let tail: Vec<&str> = toks.toks[k - n..k].iter().map(|t| t.key.as_str()).collect();
                if tail.join(" ") == *sh {
                    org_start = k - n;
                }
            }
        }
        let org = parse(toks, org_start, true)
            .filter(|p| p.end > k || org_start < k)
            .or_else(|| role.implies.as_deref().and_then(|n| implied(n, k)));
        let end = org.as_ref().map(|o| o.end.max(k)).unwrap_or(k);
        return Some(Post {
            role: Some(role.clone()),
            org,
            former,
            end,
        });
    }
    let org = parse(toks, j, false)?;
    Some(Post {
        role: None,
        end: org.end,
        org: Some(org),
        former,
    })
}

/// The terms written after a post (`khóa XII`, `khóa 11 (dự khuyết), 12, 13`, `ba khóa 13-15`,
/// `nhiệm kỳ 2020-2025`): the index after them, whether `(dự khuyết)` stands among them, and
/// whether terms follow it.
fn terms(toks: &Tokens, mut j: usize) -> (usize, bool, bool) {
    let numeral = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.word
                && (t.text.chars().all(|c| c.is_ascii_digit() || c == '-')
                    || t.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
        })
    };
    let (mut alternate, mut more) = (false, false);
    let start = j;
    loop {
        let k = if toks.is_word(j, "khóa") {
            j + 1
        } else if toks.is_word(j, "nhiệm") && toks.is_word(j + 1, "kỳ") {
            j + 2
        } else if j > start && toks.is_punct(j, &[",", "-", "–"]) && numeral(j + 1) {
            if alternate {
                more = true;
            }
            j + 1
        } else if toks.is_punct(j, &["("])
            && toks.is_word(j + 1, "dự")
            && toks.is_word(j + 2, "khuyết")
            && toks.is_punct(j + 3, &[")"])
        {
            alternate = true;
            j += 4;
            continue;
        } else {
            break;
        };
        let mut e = k;
        while numeral(e) || (e > k && toks.is_punct(e, &["-", "–"]) && numeral(e + 1)) {
            e += 1;
        }
        if e == k {
            break;
        }
        j = e;
    }
    (j, alternate, more)
}

/// A list of posts at `i`, separated by `,`, `-` or `và`; `None` unless one has a role.
fn post_list(toks: &Tokens, i: usize) -> Option<(Vec<Post>, usize)> {
    post_list_sep(toks, i, &[",", "-", "–"])
}

/// A list of posts at `i` with the separators `seps` (a career summary adds `;`).
fn post_list_sep(toks: &Tokens, i: usize, seps: &[&str]) -> Option<(Vec<Post>, usize)> {
    let mut posts: Vec<Post> = Vec::new();
    let mut j = i;
    let mut former = false;
    while let Some(mut p) = post_at(toks, j) {
        former |= p.former;
        p.former = former;
        j = p.end;
        // `Ủy viên Trung ương Đảng khóa XII (dự khuyết), XIII`: the terms, and an alternate
        // member's post beside the full one when later terms follow.
        let (e, alternate, more) = terms(toks, j);
        if alternate && p.role.as_ref().is_some_and(|r| r.role == "Ủy viên") {
            let mut alt = p.clone();
            if let Some(r) = alt.role.as_mut() {
                r.role = "Ủy viên dự khuyết".into();
            }
            if more {
                posts.push(alt);
            } else {
                p = alt;
            }
        }
        j = e;
        p.end = e;
        posts.push(p);
        let sep = toks.is_punct(j, seps) || toks.is_word(j, "và");
        if sep && post_at(toks, j + 1).is_some() {
            j += 1;
        } else {
            break;
        }
    }
    // A role-less item after a body is that body's parent (`Vụ trưởng Vụ X, Học viện Y`).
    let mut merged: Vec<Post> = Vec::new();
    for p in posts {
        if p.role.is_none() {
            if let (Some(prev), Some(org)) = (merged.last_mut(), p.org.clone()) {
                if let Some(po) = prev.org.as_mut() {
                    if po.parent.is_none()
                        && po.unit.is_none()
                        && po.level.is_none()
                        && po.class == BodyClass::Named
                    {
                        po.parent = Some(Box::new(org));
                        prev.end = p.end;
                        continue;
                    }
                }
            }
            if merged.is_empty() {
                return None;
            }
            break;
        }
        merged.push(p);
    }
    let end = merged.last().map(|p| p.end).unwrap_or(i);
    borrow_bodies(&mut merged);
    // A role with no body (`đại biểu Lê Thị Thêu`) states no post.
    merged.retain(|p| p.org.is_some());
    if merged.is_empty() {
        return None;
    }
    fill_dependents(&mut merged);
    Some((merged, end))
}

/// Roles of a party committee's leadership: written before a state body without a body of
/// their own (`Phó Bí thư, Chủ tịch UBND tỉnh Bắc Ninh`), they are the unit's committee's.
const PARTY_ROLES: [&str; 3] = ["Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực"];

/// A role written without its body takes the body of the next post that has one (EXTRACTION.md
/// §4: `lần lượt giữ các chức Phó Bí thư, Bí thư Huyện ủy X`); a party role before a body that
/// is not a party committee is that of the body's unit, or the body's own `Đảng ủy`.
fn borrow_bodies(posts: &mut [Post]) {
    for i in 0..posts.len() {
        let Some(role) = posts[i].role.as_ref() else {
            continue;
        };
        if posts[i].org.is_some() || role.role == "Ủy viên" || role.role == "Đại biểu" {
            continue;
        }
        let party = PARTY_ROLES.contains(&role.role.as_str());
        let Some(next) = posts[i + 1..].iter().find_map(|p| p.org.clone()) else {
            continue;
        };
        posts[i].org = Some(if party { committee_of_body(next) } else { next });
    }
}

/// The party committee a body answers to: itself or the committee in its chain; the committee
/// of its unit's level (`UBND tỉnh Bắc Ninh` -> `Tỉnh ủy` of Bắc Ninh); else its `Đảng ủy`.
fn committee_of_body(body: Parsed) -> Parsed {
    let mut cur = Some(&body);
    while let Some(c) = cur {
        if matches!(c.class, BodyClass::Committee(_)) {
            return c.clone();
        }
        cur = c.parent.as_deref();
    }
    let level = body.level.clone().or_else(|| {
        body.unit
            .map(|u| crate::extract::gazetteer::GAZETTEER.units[u].level.clone())
    });
    if body.kind == BodyKind::Party {
        return body;
    }
    let committee = level
        .as_deref()
        .and_then(committee_head)
        .and_then(|head| BODY.get(&crate::normalize::key(head)));
    if let Some(c) = committee {
        return Parsed {
            head: c.canonical.clone(),
            kind: c.kind,
            class: c.class,
            unit: body.unit,
            level: None,
            parent: None,
            start: body.start,
            end: body.end,
            implied: false,
            bare: false,
        };
    }
    if body.unit.is_some() || body.level.is_some() {
        // A commune's or ward's committee: `Đảng ủy xã Tân An`.
        return Parsed {
            head: "Đảng ủy".into(),
            kind: BodyKind::Party,
            class: BodyClass::Sub,
            parent: None,
            implied: false,
            bare: false,
            ..body
        };
    }
    Parsed {
        head: "Đảng ủy".into(),
        kind: BodyKind::Party,
        class: BodyClass::Sub,
        unit: None,
        level: None,
        start: body.start,
        end: body.end,
        parent: Some(Box::new(body)),
        implied: false,
        bare: false,
    }
}

/// A part written without its whole (`Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy X`,
/// `bí thư Đảng ủy, giám đốc Sở Xây dựng`) belongs to the body of the next post, or the previous.
fn fill_dependents(posts: &mut [Post]) {
    let orgs: Vec<Option<Parsed>> = posts.iter().map(|p| p.org.clone()).collect();
    let dependent = |o: &Parsed| {
        o.class == BodyClass::Sub && o.parent.is_none() && o.unit.is_none() && o.level.is_none()
    };
    for (i, p) in posts.iter_mut().enumerate() {
        let Some(o) = p.org.as_mut() else { continue };
        if !dependent(o) {
            continue;
        }
        let whole = orgs[i + 1..]
            .iter()
            .chain(orgs[..i].iter().rev())
            .flatten()
            .find(|x| !dependent(x))
            .cloned();
        let Some(whole) = whole else { continue };
        // The committee in the whole's chain (`Ban Tuyên giáo Tỉnh ủy X` -> `Tỉnh ủy X`).
        let mut committee = None;
        let mut cur = Some(&whole);
        while let Some(c) = cur {
            if matches!(c.class, BodyClass::Committee(_)) {
                committee = Some(c.clone());
                break;
            }
            cur = c.parent.as_deref();
        }
        // `Bí thư Đảng đoàn, Chủ tịch Ban Chấp hành Trung ương Hội Nông dân Việt Nam`: the party
        // group of the organisation, not of its committee.
        if o.kind == BodyKind::Party
            && whole.kind == BodyKind::Front
            && whole.head.starts_with("Ban Chấp hành")
        {
            if let Some(org) = &whole.parent {
                o.parent = Some(org.clone());
                continue;
            }
        }
        // `Bí thư Đảng ủy, Chủ tịch UBND thị trấn X`: the party committee of the unit; `Bí thư
        // Đảng ủy, Chủ tịch Hội đồng Học viện X`: of the institution the council governs.
        if o.head == "Đảng ủy" && whole.kind != BodyKind::Party {
            if whole.class == BodyClass::Local && (whole.unit.is_some() || whole.level.is_some()) {
                o.unit = whole.unit;
                o.level = whole.level.clone();
                continue;
            }
            if whole.head == "Hội đồng" {
                if let Some(inst) = &whole.parent {
                    o.parent = Some(inst.clone());
                    continue;
                }
            }
        }
        let parent = if let (true, Some(c)) = (o.head == "Ban Thường vụ", committee) {
            c
        } else if o.head != "Ban Thường vụ"
            || whole.kind == BodyKind::Party && whole.class != BodyClass::Central
        {
            whole
        } else {
            // The standing committee of an agency is that of its party committee.
            Parsed {
                head: "Đảng ủy".into(),
                kind: BodyKind::Party,
                class: BodyClass::Sub,
                unit: None,
                level: None,
                parent: Some(Box::new(whole.clone())),
                start: whole.start,
                end: whole.end,
                implied: true,
                bare: false,
            }
        };
        o.parent = Some(Box::new(parent));
    }
}

struct Emitter<'a> {
    toks: &'a Tokens,
    ctx: &'a Context,
    facts: &'a mut Facts,
    taken: Vec<bool>,
    /// The last person named with an honorific or a post, and the token of the name: the
    /// subject of a career summary or a clause that follows (`Ông từng giữ các chức vụ: ...`).
    last: Option<(String, usize)>,
    /// Everyone named so far, for a later short reference (`ông Quang` after `ông Trần Lưu Quang`).
    known: Vec<String>,
}

impl Emitter<'_> {
    /// A person named with an honorific or a post: the subject of what follows.
    fn introduced(&mut self, name: &str, at: usize) {
        self.last = Some((name.to_string(), at));
        if !self.known.iter().any(|k| k == name) {
            self.known.push(name.to_string());
        }
    }

    /// `ông Quang`, `bà Hoài`: the last syllables of one person named before, after an honorific.
    fn short_ref(&self, i: usize) -> Option<(String, usize)> {
        let toks = self.toks;
        let mut e = i;
        while e < i + 2 && toks.get(e).is_some_and(|t| t.is_name_syllable()) {
            e += 1;
        }
        if e == i || toks.get(e).is_some_and(|t| t.is_name_syllable()) {
            return None;
        }
        let tail = crate::normalize::key(&toks.words(i, e));
        let mut found = self.known.iter().filter(|k| {
            let key = crate::normalize::key(k);
            key.len() > tail.len()
                && key.ends_with(&tail)
                && key[..key.len() - tail.len()].ends_with(' ')
        });
        let one = found.next()?;
        found.next().is_none().then(|| (one.clone(), e))
    }

    /// The posts `appointments` found for `name` (none is empty), each with the item `item`
    /// gives for its range and its evidence from `evidence`; the index after the last.
    fn appointed(
        &mut self,
        name: &str,
        found: Vec<(Post, Range<usize>)>,
        item: impl Fn(&Range<usize>) -> Range<usize>,
        evidence: usize,
        rule: &'static str,
    ) -> usize {
        let end = found.iter().map(|(_, ev)| ev.end).max().unwrap_or(evidence);
        for (p, ev) in found {
            let posts = std::slice::from_ref(&p);
            self.offices(name, posts, item(&ev), evidence..ev.end, rule);
        }
        end
    }

    fn person(&mut self, name: &str, a: usize, b: usize, rule: &'static str) {
        self.introduced(name, a);
        self.facts.persons.push(PersonFact {
            name: name.to_string(),
            span: self.toks.span(a, b),
            rule,
        });
    }

    fn offices(
        &mut self,
        name: &str,
        posts: &[Post],
        item: Range<usize>,
        evidence: Range<usize>,
        rule: &'static str,
    ) {
        for p in posts {
            let (Some(role), Some(org)) = (&p.role, &p.org) else {
                continue;
            };
            let Some(org) = resolve(org, self.ctx, &item) else {
                continue;
            };
            // `Ủy viên Ban Bí thư` is the post `Bí thư Trung ương Đảng` (EXTRACTION.md §4).
            let role = if role.role == "Ủy viên" && org.name == "Ban Bí thư" {
                "Bí thư".to_string()
            } else {
                role.role.clone()
            };
            self.facts.offices.push(OfficeFact {
                person: name.to_string(),
                role,
                org,
                former: p.former,
                since: None,
                until: None,
                time_rule: None,
                span: self.toks.span(evidence.start, evidence.end),
                rule,
            });
        }
        for t in item {
            if let Some(x) = self.taken.get_mut(t) {
                *x = true;
            }
        }
    }
}

/// Skips honorifics and academic titles before a name (`đồng chí`, `GS,TS.`).
fn skip_honorifics(toks: &Tokens, mut i: usize) -> usize {
    loop {
        match toks.longest(&HONORIFIC, i) {
            Some((_, j)) => {
                i = j;
                while toks.is_punct(i, &[".", ","]) && toks.get(i + 1).is_some_and(|t| t.word) {
                    i += 1;
                }
            }
            None => return i,
        }
    }
}

/// Appointments after a person's name in the same sentence: `giữ chức Bí thư Huyện ủy Kim Thành`,
/// `chỉ định tham gia Ban Chấp hành, Ban Thường vụ Huyện ủy`.
fn appointments(toks: &Tokens, from: usize) -> Vec<(Post, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = from;
    while let Some(t) = toks.get(i) {
        if t.ends_sentence() || (name_at(toks, i).is_some() && i > from) {
            break;
        }
        // `ông Quang ... từng làm A; B, C; D`: a career summary in the person's own clause.
        if let Some((posts, e)) = career(toks, i) {
            out.extend(posts.into_iter().map(|p| (p, i..e)));
            i = e;
            continue;
        }
        let two = |a: &str, b: &str| toks.is_word(i, a) && toks.is_word(i + 1, b);
        let start = if two("giữ", "chức") && toks.is_word(i + 2, "vụ") {
            Some(i + 3)
        } else if two("giữ", "chức")
            || two("bầu", "làm")
            || two("bổ", "nhiệm") && !toks.is_word(i + 2, "giữ")
        {
            Some(i + 2)
        } else if toks.is_word(i, "làm") || toks.is_word(i, "là") {
            Some(i + 1)
        } else {
            None
        };
        if let Some(s) = start {
            // After `là`, `làm` a profile goes on past `;` (`là ủy viên Trung ương Đảng; đại biểu
            // Quốc hội`).
            let seps: &[&str] = if s == i + 1 {
                &LONG_LIST
            } else {
                &[",", "-", "–"]
            };
            if let Some((posts, e)) = post_list_sep(toks, s, seps) {
                out.extend(posts.into_iter().map(|p| (p, i..e)));
                i = e;
                continue;
            }
        }
        if two("tham", "gia") {
            // Membership of bodies: each is an Ủy viên post; the last body completes the others.
            let mut orgs = Vec::new();
            let mut j = i + 2;
            while let Some(o) = parse(toks, j, false) {
                j = o.end;
                orgs.push(o);
                if toks.is_punct(j, &[","]) || toks.is_word(j, "và") {
                    j += 1;
                } else {
                    break;
                }
            }
            let last = orgs
                .iter()
                .rev()
                .find(|o| o.parent.is_some() || matches!(o.class, BodyClass::Committee(_)))
                .cloned();
            for mut o in orgs {
                if o.class == BodyClass::Sub && o.parent.is_none() {
                    if let Some(l) = &last {
                        let whole = if matches!(l.class, BodyClass::Committee(_)) {
                            l.clone()
                        } else {
                            l.parent.as_deref().cloned().unwrap_or(l.clone())
                        };
                        o.parent = Some(Box::new(whole));
                    }
                }
                let role = ROLE.get("ủy viên").cloned();
                out.push((
                    Post {
                        role,
                        org: Some(o),
                        former: false,
                        end: j,
                    },
                    i..j,
                ));
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// The separators of a list of posts that goes on past `;` (a career summary, a profile).
const LONG_LIST: [&str; 4] = [",", ";", "-", "–"];

/// A career summary at `i` (see [`career_at`]): its posts, past where `từng` says so (EXTRACTION.md
/// §4; `kinh qua`, `trải qua` do not say), and the index after them.
fn career(toks: &Tokens, i: usize) -> Option<(Vec<Post>, usize)> {
    let k = career_at(toks, i)?;
    let (mut posts, e) = post_list_sep(toks, k, &LONG_LIST)?;
    let past = toks.is_word(i, "từng") || toks.is_word(i.saturating_sub(1), "từng");
    for p in &mut posts {
        p.former |= past;
    }
    Some((posts, e))
}

/// Words a career summary opens with (`từng giữ`, `đã trải qua`, `kinh qua`, `lần lượt giữ`),
/// followed by what may stand before its list (`các chức vụ:`, `nhiều vị trí công tác như`):
/// the index where the list starts.
fn career_at(toks: &Tokens, i: usize) -> Option<usize> {
    let two = |a: &str, b: &str| toks.is_word(i, a) && toks.is_word(i + 1, b);
    let mut j = if two("từng", "giữ")
        || two("trải", "qua")
        || two("kinh", "qua")
        || two("lần", "lượt")
        || two("từng", "là")
        || two("từng", "làm")
    {
        i + 2
    } else {
        return None;
    };
    const FILLER: [&str; 17] = [
        "các", "nhiều", "chức", "vụ", "danh", "vị", "trí", "công", "tác", "như", "cương", "quan",
        "trọng", "khác", "nhau", "giữ", "qua",
    ];
    let stop = j + 8;
    while j < stop
        && toks
            .get(j)
            .is_some_and(|t| FILLER.contains(&t.key.as_str()))
    {
        j += 1;
    }
    if toks.is_punct(j, &[":"]) {
        j += 1;
    }
    Some(j)
}

/// The person a clause's post is about, after the post: `... đối với ông Y` in the sentence, or
/// `, ông Y` right after it. The name and its token range.
fn clause_person(toks: &Tokens, ctx: &Context, pe: usize) -> Option<(String, usize, usize)> {
    let sentence = ctx.sentence(pe);
    let named = |k: usize| -> Option<(String, usize, usize)> {
        let n = skip_honorifics(toks, k);
        let (name, e) = name_at(toks, n)?;
        (n > k && accept(toks, n, &name, true)).then_some((name, n, e))
    };
    if toks.is_punct(pe, &[","]) {
        if let Some(found) = named(pe + 1) {
            return Some(found);
        }
    }
    (pe..sentence.end)
        .find(|&k| toks.is_word(k, "đối") && toks.is_word(k + 1, "với"))
        .and_then(|k| named(k + 2))
}

/// After a name, a parenthesis without a role is a photo position (`(ảnh)`, `(bìa trái)`,
/// `(thứ tư, từ phải sang)`): the index after it, else `e`.
fn skip_photo_note(toks: &Tokens, e: usize) -> usize {
    if !toks.is_punct(e, &["("]) {
        return e;
    }
    let close = (e + 1..(e + 10).min(toks.len())).find(|&k| toks.is_punct(k, &[")"]));
    match close {
        Some(c) if !(e + 1..c).any(|k| toks.longest(&ROLE, k).is_some()) => c + 1,
        _ => e,
    }
}

/// Finds people with their posts; marks the tokens it read as taken. Returns that mask.
pub fn extract(toks: &Tokens, ctx: &Context, facts: &mut Facts) -> Vec<bool> {
    let mut em = Emitter {
        toks,
        ctx,
        facts,
        taken: vec![false; toks.len()],
        last: None,
        known: Vec::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        if toks.get(i).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let n = skip_honorifics(toks, i);
        // A short reference to someone named before wins over a two-syllable name.
        let short = (n > start)
            .then(|| em.short_ref(n))
            .flatten()
            .filter(|(_, e)| name_at(toks, n).is_none_or(|(_, ne)| ne <= *e));
        // X - posts / X, posts / X (posts)
        if let Some((name, e0)) = short.or_else(|| name_at(toks, n)) {
            let e = skip_photo_note(toks, e0);
            if toks.is_punct(e, &[",", "-", "–", "("]) {
                if let Some((posts, pe)) = post_list(toks, e + 1) {
                    if accept(toks, n, &name, true) {
                        em.person(&name, n, e0, "person.apposition");
                        em.offices(&name, &posts, start..pe, n..pe, "office.apposition");
                        let mut after = pe;
                        if toks.is_punct(after, &[")"]) {
                            after += 1;
                        }
                        for (p, ev) in appointments(toks, after) {
                            em.offices(
                                &name,
                                std::slice::from_ref(&p),
                                start..ev.end,
                                ev,
                                "office.appointment",
                            );
                        }
                        i = pe;
                        continue;
                    }
                }
            }
            // `bầu ông X làm Phó Chủ tịch`, `ông X được bổ nhiệm giữ chức ...`.
            if n > start && accept(toks, n, &name, true) {
                let found = appointments(toks, e0);
                if !found.is_empty() {
                    em.person(&name, n, e0, "person.appointee");
                    i = em.appointed(&name, found, |ev| start..ev.end, n, "office.appointment");
                    continue;
                }
                em.introduced(&name, n);
            }
        }
        // `Ông có trình độ tiến sĩ, là ủy viên Trung ương Đảng khóa XII; đại biểu Quốc hội`: the
        // pronoun is the person last introduced.
        let pronoun = n > start
            && n == start + 1
            && toks
                .get(start)
                .is_some_and(|t| matches!(t.key.as_str(), "ông" | "bà"))
            && toks.get(n).is_some_and(|t| !t.is_name_syllable());
        if pronoun {
            if let Some((name, at)) = em.last.clone().filter(|(_, at)| i - at < 300) {
                let found = appointments(toks, n);
                if !found.is_empty() {
                    // The item is the name's token: the profile's own words stay for the
                    // bodies and places extracted after the posts.
                    i = em.appointed(&name, found, |_| at..at + 1, start, "office.pronoun");
                    continue;
                }
            }
        }
        // A career summary: `ông X từng giữ các chức vụ: A; B; C`, `đã trải qua các vị trí như`.
        if let Some((posts, pe)) = career(toks, i) {
            if let Some((name, at)) = em.last.clone().filter(|(_, at)| i - at < 200) {
                em.offices(&name, &posts, i..pe, at..pe, "office.career");
                i = pe;
                continue;
            }
        }
        // `phê chuẩn ... chức vụ Chủ tịch UBND tỉnh X ... đối với ông Y`, `Trước khi giữ chức
        // Chủ tịch UBND tỉnh X, ông Y ...`: the post of the person the clause is about.
        // The words a clause's post stands after: `chức (vụ|danh)`, `bầu`, `bổ nhiệm`.
        let clause_at = if toks.is_word(i, "chức") {
            Some(
                if toks.is_word(i + 1, "vụ") || toks.is_word(i + 1, "danh") {
                    i + 2
                } else {
                    i + 1
                },
            )
        } else if toks.is_word(i, "bầu") || toks.is_word(i, "nhiệm") && i > 0 {
            Some(i + 1)
        } else {
            None
        };
        if let Some(k) = clause_at {
            if let Some((mut posts, pe)) = post_list(toks, k) {
                if let Some((name, a, b)) = clause_person(toks, ctx, pe) {
                    let relieved = (i.saturating_sub(3)..i)
                        .any(|x| toks.is_word(x, "miễn") || toks.is_word(x, "thôi"));
                    for p in &mut posts {
                        p.former |= relieved;
                    }
                    em.offices(&name, &posts, i..pe, i..pe, "office.clause");
                    em.person(&name, a, b, "person.clause");
                    i = pe;
                    continue;
                }
            }
        }
        // posts X, and `Các posts: X, Y`
        if let Some((posts, pe)) = post_list(toks, n) {
            let plural =
                n > 0 && toks.is_word(n.saturating_sub(1), "các") || toks.is_word(n, "các");
            if let Some((name, e)) = name_at(toks, pe) {
                em.person(&name, pe, e, "person.after_title");
                em.offices(
                    &name,
                    &posts,
                    start..e,
                    start..e,
                    "office.title_before_name",
                );
                i = e;
                // `Đại biểu HĐND tỉnh Lê Thị Thêu - Ủy viên Ban Thường vụ Huyện ủy, ...`
                let a = skip_photo_note(toks, e);
                if toks.is_punct(a, &[",", "-", "–", "("]) {
                    // `Role1 X, Role2 Y`: a title followed by a name is that name's, not X's.
                    if let Some((own, oe)) =
                        post_list(toks, a + 1).filter(|(_, oe)| name_at(toks, *oe).is_none())
                    {
                        em.offices(&name, &own, start..oe, pe..oe, "office.apposition");
                        i = oe;
                    }
                }
                continue;
            }
            // `các ĐBQH đoàn Nghệ An: ...`: the colon may come a few words after the posts.
            let colon = (pe..(pe + 5).min(toks.len()))
                .take_while(|&k| toks.get(k).is_some_and(|t| t.word || t.text == ":"))
                .find(|&k| toks.is_punct(k, &[":"]));
            if let (true, Some(pe)) = (plural, colon) {
                let mut j = pe + 1;
                let mut end = j;
                while let Some((name, e)) = name_at(toks, skip_honorifics(toks, j)) {
                    em.person(&name, skip_honorifics(toks, j), e, "person.plural_heading");
                    em.offices(&name, &posts, start..e, start..e, "office.plural_heading");
                    end = e;
                    j = e;
                    // Each person may have posts of their own: `X - Giám đốc Sở ...; Y - ...`.
                    if toks.is_punct(j, &["-", "–", ","]) {
                        if let Some((own, oe)) = post_list(toks, j + 1) {
                            em.offices(&name, &own, j..oe, j..oe, "office.apposition");
                            j = oe;
                            end = oe;
                        }
                    }
                    if toks.is_punct(j, &[",", ";"]) || toks.is_word(j, "và") {
                        j += 1;
                    } else {
                        break;
                    }
                }
                i = end.max(pe + 1);
                continue;
            }
            i = pe.max(i + 1);
            continue;
        }
        i += 1;
    }
    em.taken
}

#[cfg(test)]
mod tests {
    use super::super::locality::mentions;
    use super::*;

    fn offices(s: &str) -> Vec<String> {
        let t = Tokens::new(s, &[]);
        let ms = mentions(&t);
        let ctx = Context::new(&t, &ms, None);
        let mut f = Facts::default();
        extract(&t, &ctx, &mut f);
        f.offices
            .iter()
            .map(|o| {
                format!(
                    "{} | {} | {}{}",
                    o.person,
                    o.role,
                    o.org.name,
                    if o.former { " | former" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn apposition_with_a_dash_and_context() {
        let s = "Đảng ủy phường Trung Lương, thị xã Hồng Lĩnh họp. Dự có đồng chí Nguyễn Văn Hải - Phó Bí thư Thường trực Thị ủy, Chủ tịch Hội đồng nhân dân Thị xã; đại diện các ban.";
        assert_eq!(
            offices(s),
            [
                "Nguyễn Văn Hải | Phó Bí thư Thường trực | Thị ủy Hồng Lĩnh",
                "Nguyễn Văn Hải | Chủ tịch | Hội đồng nhân dân thị xã Hồng Lĩnh"
            ]
        );
    }

    #[test]
    fn title_before_name_and_fused_role() {
        assert_eq!(
            offices("Chủ tịch UBND huyện Tân Kỳ Phan Văn Giáp trả lời"),
            ["Phan Văn Giáp | Chủ tịch | Ủy ban nhân dân huyện Tân Kỳ"]
        );
        assert_eq!(
            offices("ông Bùi Văn Sáu, Trưởng Ban Tổ chức Tỉnh ủy Hậu Giang, cho biết"),
            ["Bùi Văn Sáu | Trưởng ban | Ban Tổ chức Tỉnh ủy Hậu Giang"]
        );
    }

    #[test]
    fn former_is_sticky_and_dependents_find_their_whole() {
        let s = "Ông Huỳnh Ngọc Hải, nguyên tỉnh ủy viên, bí thư Đảng ủy, giám đốc Sở Xây dựng tỉnh Lâm Đồng.";
        assert_eq!(
            offices(s),
            [
                "Huỳnh Ngọc Hải | Ủy viên | Tỉnh ủy Lâm Đồng | former",
                "Huỳnh Ngọc Hải | Bí thư | Đảng ủy Sở Xây dựng tỉnh Lâm Đồng | former",
                "Huỳnh Ngọc Hải | Giám đốc | Sở Xây dựng tỉnh Lâm Đồng | former"
            ]
        );
    }

    #[test]
    fn plural_heading() {
        let s = "Các tỉnh ủy viên, phó chủ tịch UBND tỉnh Lâm Đồng: Nguyễn Ngọc Phúc, Phạm S.";
        assert_eq!(offices(s).len(), 4);
    }

    #[test]
    fn a_list_of_titles_before_names() {
        let s = "Chủ tịch nước Tô Lâm, Thủ tướng Phạm Minh Chính, Chủ tịch Quốc hội Trần Thanh Mẫn và các đại biểu dự.";
        assert_eq!(
            offices(s),
            [
                "Tô Lâm | Chủ tịch nước | Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam",
                "Phạm Minh Chính | Thủ tướng | Chính phủ",
                "Trần Thanh Mẫn | Chủ tịch | Quốc hội"
            ]
        );
    }

    #[test]
    fn career_summary_lists_each_post_and_borrows_the_body_after() {
        let s = "Ông Trần Văn Nam sinh năm 1970. Ông từng giữ các chức vụ: Phó Bí thư, Bí thư Huyện ủy Kim Thành; Phó Chủ tịch UBND tỉnh Hải Dương.";
        assert_eq!(
            offices(s),
            [
                "Trần Văn Nam | Phó Bí thư | Huyện ủy Kim Thành | former",
                "Trần Văn Nam | Bí thư | Huyện ủy Kim Thành | former",
                "Trần Văn Nam | Phó Chủ tịch | Ủy ban nhân dân tỉnh Hải Dương | former"
            ]
        );
        // No person before it: a career list is nobody's.
        assert!(offices("Từng giữ các chức vụ: Bí thư Huyện ủy Kim Thành.").is_empty());
    }

    #[test]
    fn a_party_role_before_a_state_body_is_the_committee_of_its_unit() {
        let s = "ông Phạm Hoàng Sơn, Phó Bí thư, Chủ tịch UBND tỉnh Bắc Ninh, phát biểu.";
        assert_eq!(
            offices(s),
            [
                "Phạm Hoàng Sơn | Phó Bí thư | Tỉnh ủy Bắc Ninh",
                "Phạm Hoàng Sơn | Chủ tịch | Ủy ban nhân dân tỉnh Bắc Ninh"
            ]
        );
    }

    #[test]
    fn a_clause_post_goes_to_the_person_it_is_about() {
        let s = "Thủ tướng phê chuẩn kết quả bầu Chủ tịch Hội đồng Nhân dân tỉnh Lâm Đồng khóa X, nhiệm kỳ 2021-2026 đối với ông Lưu Văn Trung kể từ ngày 17/11/2025.";
        assert_eq!(
            offices(s),
            ["Lưu Văn Trung | Chủ tịch | Hội đồng nhân dân tỉnh Lâm Đồng"]
        );
        let m = "miễn nhiệm chức vụ Chủ tịch UBND tỉnh Thái Nguyên đối với ông Phạm Hoàng Sơn.";
        assert_eq!(
            offices(m),
            ["Phạm Hoàng Sơn | Chủ tịch | Ủy ban nhân dân tỉnh Thái Nguyên | former"]
        );
        // Without `đối với` or the name right after, the clause names nobody.
        assert!(offices("bầu Chủ tịch UBND tỉnh Lâm Đồng trong tháng tới.").is_empty());
    }

    #[test]
    fn appointment_after_an_introduced_name_and_acting_posts() {
        assert_eq!(
            offices(
                "HĐND huyện Kim Thành bầu ông Lê Quang Hiến làm Phó Chủ tịch UBND huyện Kim Thành."
            ),
            ["Lê Quang Hiến | Phó Chủ tịch | Ủy ban nhân dân huyện Kim Thành"]
        );
        assert_eq!(
            offices("bà Võ Thị Ánh Xuân, Quyền Chủ tịch nước, dự lễ."),
            ["Võ Thị Ánh Xuân | Quyền Chủ tịch nước | Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam"]
        );
        // `làm` not followed by a post is no appointment.
        assert!(offices("ông Lê Quang Hiến làm việc với huyện Kim Thành.").is_empty());
    }

    #[test]
    fn bodies_of_hcmc_and_open_classes() {
        assert_eq!(
            offices("ông Nguyễn Văn Nên, Bí thư Thành ủy TPHCM, dự."),
            ["Nguyễn Văn Nên | Bí thư | Thành ủy Thành phố Hồ Chí Minh"]
        );
        assert_eq!(
            offices("ông Vương Quốc Tuấn, Bí thư Tỉnh Đoàn Bắc Ninh, dự."),
            ["Vương Quốc Tuấn | Bí thư | Tỉnh đoàn Bắc Ninh"]
        );
        // A named body ends where the clause goes on.
        assert_eq!(
            offices("bà Đinh Thị Mai, Vụ trưởng Vụ Tuyên truyền Ban Tuyên giáo Trung ương giữ chức Phó trưởng ban."),
            ["Đinh Thị Mai | Vụ trưởng | Vụ Tuyên truyền Ban Tuyên giáo Trung ương"]
        );
    }

    #[test]
    fn a_short_reference_is_the_person_named_before() {
        let s = "Ông Trần Lưu Quang dự họp. Tháng 2/2019, ông Quang giữ chức Phó bí thư Thường trực Thành ủy TP HCM.";
        assert_eq!(
            offices(s),
            ["Trần Lưu Quang | Phó Bí thư Thường trực | Thành ủy Thành phố Hồ Chí Minh"]
        );
        // Two people it could be: nobody.
        let two = "Ông Trần Lưu Quang và ông Lê Văn Quang dự họp. Ông Quang giữ chức Bí thư Thành ủy Hải Phòng.";
        assert!(offices(two).is_empty());
        // `Ủy viên Ban Bí thư` is Bí thư of Ban Bí thư.
        let ubt = "Ông Trần Lưu Quang dự. Hội nghị bầu ông Quang làm Ủy viên Ban Bí thư khóa 13.";
        assert_eq!(offices(ubt), ["Trần Lưu Quang | Bí thư | Ban Bí thư"]);
    }

    #[test]
    fn a_district_written_with_the_rank_it_had() {
        // Mỹ Hào is a thị xã in the gazetteer (since 2019); the article says huyện.
        let s = "ông Đỗ Minh Tuân, Chủ tịch UBND huyện Mỹ Hào, Phó Bí thư Huyện ủy.";
        assert_eq!(
            offices(s),
            [
                "Đỗ Minh Tuân | Chủ tịch | Ủy ban nhân dân huyện Mỹ Hào",
                "Đỗ Minh Tuân | Phó Bí thư | Huyện ủy Mỹ Hào"
            ]
        );
    }

    #[test]
    fn a_head_alone_is_the_body_of_that_head_the_article_names() {
        let s = "Lễ công bố tại Học viện Ngân hàng. PGS.TS Phạm Thị Hoàng Anh - thành viên Hội đồng trường, Phó Giám đốc Học viện; Trưởng phòng Tổ chức cán bộ Học viện Ngân hàng công bố quyết định.";
        assert_eq!(
            offices(s),
            [
                "Phạm Thị Hoàng Anh | Thành viên | Hội đồng Học viện Ngân hàng",
                "Phạm Thị Hoàng Anh | Phó Giám đốc | Học viện Ngân hàng"
            ]
        );
        // Two academies named as often: a head alone is neither.
        let two = "Học viện Ngân hàng và Học viện Tài chính họp. Ông Trần Văn Nam - Phó Giám đốc Học viện; dự.";
        assert!(offices(two).is_empty());
    }

    #[test]
    fn a_party_committee_written_alone_before_a_communes_body() {
        let s = "ông Lưu Văn Thọ, Bí thư Đảng ủy, Chủ tịch HĐND thị trấn Rạch Gốc.";
        assert_eq!(
            offices(s),
            [
                "Lưu Văn Thọ | Bí thư | Đảng ủy thị trấn Rạch Gốc",
                "Lưu Văn Thọ | Chủ tịch | Hội đồng nhân dân thị trấn Rạch Gốc"
            ]
        );
    }

    #[test]
    fn a_plural_heading_with_honorifics_before_the_names() {
        let s = "Dự có các Ủy viên Ban thường vụ Tỉnh ủy Hưng Yên: ông Đặng Minh Ngọc, Phó chủ tịch Thường trực HĐND tỉnh; ông Trần Quốc Toản.";
        let o = offices(s);
        assert!(
            o.contains(&"Đặng Minh Ngọc | Ủy viên | Ban Thường vụ Tỉnh ủy Hưng Yên".to_string())
        );
        assert!(
            o.contains(&"Trần Quốc Toản | Ủy viên | Ban Thường vụ Tỉnh ủy Hưng Yên".to_string())
        );
        assert!(o.contains(
            &"Đặng Minh Ngọc | Phó Chủ tịch Thường trực | Hội đồng nhân dân tỉnh Hưng Yên"
                .to_string()
        ));
    }

    #[test]
    fn a_named_body_takes_the_parent_the_article_gives_it_elsewhere() {
        let s = "Trường Đại học Luật - Đại học Quốc gia Hà Nội tổ chức lễ. Ông Trịnh Tiến Việt, Phó Hiệu trưởng Trường Đại học Luật vừa được giao.";
        assert_eq!(
            offices(s),
            ["Trịnh Tiến Việt | Phó Hiệu trưởng | Trường Đại học Luật Đại học Quốc gia Hà Nội"]
        );
        // Nowhere with a parent: as written.
        let bare = "Ông Trịnh Tiến Việt, Phó Hiệu trưởng Trường Đại học Luật vừa được giao.";
        assert_eq!(
            offices(bare),
            ["Trịnh Tiến Việt | Phó Hiệu trưởng | Trường Đại học Luật"]
        );
    }

    #[test]
    fn a_pronoun_and_terms_after_the_posts() {
        let s = "Ông Thái Thanh Quý sinh năm 1976. Ông có trình độ tiến sĩ kinh tế, là ủy viên Trung ương Đảng khóa XII (dự khuyết), XIII; đại biểu Quốc hội khóa XV.";
        assert_eq!(
            offices(s),
            [
                "Thái Thanh Quý | Ủy viên dự khuyết | Ban Chấp hành Trung ương",
                "Thái Thanh Quý | Ủy viên | Ban Chấp hành Trung ương",
                "Thái Thanh Quý | Đại biểu | Quốc hội"
            ]
        );
        // Alternate in its only term: the alternate's post alone.
        let alt = "Ông Thái Thanh Quý sinh năm 1976. Ông là ủy viên Trung ương Đảng khóa XII (dự khuyết).";
        assert_eq!(
            offices(alt),
            ["Thái Thanh Quý | Ủy viên dự khuyết | Ban Chấp hành Trung ương"]
        );
        // A pronoun with nobody introduced before it is nobody.
        assert!(offices("Ông là ủy viên Trung ương Đảng khóa XII.").is_empty());
    }

    #[test]
    fn a_mass_organisations_central_committee_and_its_party_group() {
        let s = "Đồng chí Thào Xuân Sùng, Ủy viên Ban chấp hành Trung ương Đảng, Bí thư Đảng đoàn, Chủ tịch Ban chấp hành Trung ương Hội Nông dân Việt Nam dự.";
        assert_eq!(
            offices(s),
            [
                "Thào Xuân Sùng | Ủy viên | Ban Chấp hành Trung ương",
                "Thào Xuân Sùng | Bí thư | Đảng đoàn Hội Nông dân Việt Nam",
                "Thào Xuân Sùng | Chủ tịch | Ban Chấp hành Trung ương Hội Nông dân Việt Nam"
            ]
        );
    }

    #[test]
    fn no_person_no_office() {
        assert!(offices("Bí thư, chủ tịch UBND các xã dự họp.").is_empty());
    }
}
