//! One fact per entity: an article's mentions merged by key, the first mention kept as the
//! evidence; an organization listed with the parents its mentions imply; a bare document number
//! that is the number of a symbol of the same type read as that document.

use crate::extract::{DocumentFact, Facts, OfficeFact, Org, OrgFact};
use std::ops::Range;

/// A name read cut from a longer one the article gives the same person is no person of its own
/// (`Bí thư Nguyễn Văn Nên: ...` read `Nguyễn Văn` in a headline; `đại biểu Kim Yến` after
/// `Đại biểu Trần Kim Yến`): a person with no post whose syllables open or close another
/// person's longer name in the article is dropped.
fn drop_cut_names(facts: &mut Facts, k: &mut dyn FnMut(&str) -> String) {
    let names: Vec<Vec<String>> = facts
        .persons
        .iter()
        .map(|p| k(&p.name).split(' ').map(str::to_string).collect())
        .collect();
    let posted: rustc_hash::FxHashSet<String> =
        facts.offices.iter().map(|o| k(&o.person)).collect();
    let cut: Vec<bool> = names
        .iter()
        .map(|w| {
            !posted.contains(&w.join(" "))
                && names.iter().any(|v| {
                    v.len() > w.len() && (v[..w.len()] == w[..] || v[v.len() - w.len()..] == w[..])
                })
        })
        .collect();
    let mut at = 0;
    facts.persons.retain(|_| {
        at += 1;
        !cut[at - 1]
    });
}

/// Merges `facts` in place (see the module's documentation).
pub fn merge(facts: &mut Facts) {
    fn keep<T, K: Eq + std::hash::Hash>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
        let mut seen = rustc_hash::FxHashSet::default();
        v.retain(|x| seen.insert(key(x)));
    }
    // The same names come back in many facts (an org in every post it has): each name's
    // key is computed once.
    let mut keys: rustc_hash::FxHashMap<String, String> = Default::default();
    let mut k = |s: &str| -> String {
        if let Some(key) = keys.get(s) {
            return key.clone();
        }
        let key = crate::normalize::key(s);
        keys.insert(s.to_string(), key.clone());
        key
    };
    keep(&mut facts.persons, |p| k(&p.name));
    drop_cut_names(facts, &mut k);
    // A post the article marks as past once (`cựu Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung`) is
    // past wherever else it names it (`được bầu làm Chủ tịch UBND TP Hà Nội vào tháng 12/2015`):
    // one fact. Its time may be stated by another mention than the first: the first of each.
    let post = |o: &OfficeFact, k: &mut dyn FnMut(&str) -> String| {
        (k(&o.person), k(&o.role), k(&o.org.name))
    };
    let mut told: rustc_hash::FxHashMap<_, (bool, Option<_>, Option<_>, Option<&'static str>)> =
        Default::default();
    for o in &facts.offices {
        let t = told.entry(post(o, &mut k)).or_default();
        t.0 |= o.former;
        t.1 = t.1.or(o.since);
        t.2 = t.2.or(o.until);
        t.3 = t.3.or(o.time_rule);
    }
    for o in &mut facts.offices {
        if let Some(t) = told.get(&post(o, &mut k)) {
            (o.former, o.since, o.until, o.time_rule) = *t;
        }
    }
    keep(&mut facts.offices, |o| post(o, &mut k));
    // An org listed once, with the parents its mentions imply (not those only implied).
    fn with_parents(org: &Org, span: &Range<usize>, rule: &'static str, out: &mut Vec<OrgFact>) {
        let mut cur = Some(org);
        while let Some(o) = cur {
            if !o.implied {
                out.push(OrgFact {
                    org: o.clone(),
                    span: span.clone(),
                    rule,
                });
            }
            cur = o.parent.as_deref();
        }
    }
    let mut all = Vec::new();
    for f in std::mem::take(&mut facts.organizations) {
        with_parents(&f.org, &f.span, f.rule, &mut all);
    }
    for o in &facts.offices {
        with_parents(&o.org, &o.span, o.rule, &mut all);
    }
    facts.organizations = all;
    keep(&mut facts.organizations, |o| k(&o.org.name));
    // A body written in two cases (`Ngân hàng VietinBank`, `Ngân hàng Vietinbank`) is one body
    // with one name, the first written, wherever a post names it (its IRI folds case; two labels
    // on it broke the shapes).
    let first: rustc_hash::FxHashMap<String, String> = facts
        .organizations
        .iter()
        .map(|o| (k(&o.org.name), o.org.name.clone()))
        .collect();
    let orgs = facts.offices.iter_mut().map(|o| &mut o.org);
    for top in orgs.chain(facts.organizations.iter_mut().map(|o| &mut o.org)) {
        let mut cur = Some(top);
        while let Some(org) = cur {
            if let Some(name) = first.get(&k(&org.name)) {
                org.name.clone_from(name);
            }
            cur = org.parent.as_deref_mut();
        }
    }
    keep(&mut facts.localities, |l| l.unit);
    // A bare number that is the number of a symbol of the same type is that document.
    let symbols: Vec<(String, String)> = facts
        .documents
        .iter()
        .filter(|d| d.id.contains(['-', '/']))
        .filter_map(|d| {
            let n: String = d.id.chars().take_while(char::is_ascii_digit).collect();
            (!n.is_empty()).then(|| (d.doc_type.clone(), n))
        })
        .collect();
    facts
        .documents
        .retain(|d| !symbols.contains(&(d.doc_type.clone(), d.id.clone())));
    let mut merged: Vec<DocumentFact> = Vec::new();
    for d in std::mem::take(&mut facts.documents) {
        let id_key = crate::normalize::norm_id(&d.id);
        if let Some(m) = merged
            .iter_mut()
            .find(|m| m.doc_type == d.doc_type && crate::normalize::norm_id(&m.id) == id_key)
        {
            m.date = m.date.or(d.date);
            m.issuer = m.issuer.take().or(d.issuer);
            m.title = m.title.take().or(d.title);
        } else {
            merged.push(d);
        }
    }
    facts.documents = merged;
}

#[cfg(test)]
mod tests {
    /// The people of `text` once merged.
    fn persons(text: &str) -> Vec<String> {
        let text = crate::normalize::Text::new(text);
        let meta = crate::read::meta::read(&text);
        let mut facts = crate::extract::extract(&text, &meta);
        super::merge(&mut facts);
        facts.persons.into_iter().map(|p| p.name).collect()
    }

    /// A name read cut from a longer one of the article is dropped (`drop_cut_names`).
    #[test]
    fn a_name_cut_from_a_longer_one_is_no_person() {
        assert_eq!(
            persons(
                "Đại biểu Trần Kim Yến (TP.HCM) đặt câu hỏi. Trả lời ý kiến của đại biểu Kim \
                 Yến, bộ trưởng nói rõ."
            ),
            ["Trần Kim Yến"]
        );
        // Negative: two people whose names share no whole opening or closing syllables.
        assert_eq!(
            persons("Ông Trần Văn Nam và ông Lê Văn Nam dự họp."),
            ["Trần Văn Nam", "Lê Văn Nam"]
        );
        // Boundary: the shorter name holds a post of its own, and is kept.
        assert_eq!(
            persons("Ông Lê Minh, Chủ tịch UBND tỉnh Nghệ An, và ông Lê Minh Khái dự họp."),
            ["Lê Minh", "Lê Minh Khái"]
        );
    }
}
