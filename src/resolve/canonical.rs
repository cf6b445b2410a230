//! One fact per entity: an article's mentions merged by key, the first mention kept as the
//! evidence; an organization listed with the parents its mentions imply; a bare document number
//! that is the number of a symbol of the same type read as that document.

use crate::extract::{DocumentFact, Facts, Org, OrgFact};
use std::ops::Range;

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
    // A post an article states as former (`cựu Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung`) and
    // elsewhere as held (his biography) is one holding, a former one: the article knows he has
    // left it. Two facts made one holding with two starts, ends and rules (issue 27, item 12).
    let former: rustc_hash::FxHashSet<(String, String, String)> = facts
        .offices
        .iter()
        .filter(|o| o.former)
        .map(|o| (k(&o.person), k(&o.role), k(&o.org.name)))
        .collect();
    facts
        .offices
        .retain(|o| o.former || !former.contains(&(k(&o.person), k(&o.role), k(&o.org.name))));
    keep(&mut facts.offices, |o| {
        (k(&o.person), k(&o.role), k(&o.org.name), o.former)
    });
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
