//! `polgraph eval`: scores the extraction against gold files with the rules of EXTRACTION.md
//! "Scoring" (those of `shared/tools/score.py`), reading the facts back from the store through
//! the contract queries, so that it checks the whole path.

use crate::error::{Error, Result};
use crate::normalize::{norm, norm_id};
use crate::store::Store;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub const CATEGORIES: [&str; 9] = [
    "offices",
    "offices_pair",
    "persons",
    "organizations",
    "localities",
    "documents",
    "dates",
    "offices_former",
    "office_times",
];

#[derive(Deserialize)]
struct Gold {
    doc: String,
    date: Option<String>,
    #[serde(default)]
    persons: Vec<String>,
    #[serde(default)]
    offices: Vec<GoldOffice>,
    #[serde(default)]
    organizations: Vec<GoldOrg>,
    #[serde(default)]
    localities: Vec<String>,
    #[serde(default)]
    documents: Vec<GoldDoc>,
}
#[derive(Deserialize)]
struct GoldOffice {
    person: String,
    role: String,
    organization: String,
    #[serde(default)]
    former: bool,
    since: Option<String>,
    until: Option<String>,
}
#[derive(Deserialize)]
struct GoldOrg {
    name: String,
}
#[derive(Deserialize)]
struct GoldDoc {
    #[serde(rename = "type")]
    doc_type: String,
    id: String,
}

pub type Keys = BTreeMap<&'static str, BTreeSet<Vec<String>>>;

fn empty() -> Keys {
    CATEGORIES.iter().map(|c| (*c, BTreeSet::new())).collect()
}

/// Reads every `*.json` gold file of a folder.
pub fn gold(dir: &Path) -> Result<(Keys, BTreeSet<String>)> {
    let mut keys = empty();
    let mut docs = BTreeSet::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| Error::Io {
            path: dir.into(),
            source,
        })?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|source| Error::Io {
            path: f.clone(),
            source,
        })?;
        let g: Gold = serde_json::from_str(&text).map_err(|e| Error::Gold {
            path: f.clone(),
            reason: e.to_string(),
        })?;
        let d = g.doc.clone();
        docs.insert(d.clone());
        let k = |c: &'static str, keys: &mut Keys, v: Vec<String>| {
            keys.get_mut(c).expect("category").insert(v);
        };
        for o in &g.offices {
            k(
                "offices",
                &mut keys,
                vec![
                    d.clone(),
                    norm(&o.person),
                    norm(&o.role),
                    norm(&o.organization),
                ],
            );
            k(
                "offices_pair",
                &mut keys,
                vec![d.clone(), norm(&o.person), norm(&o.organization)],
            );
            let post = vec![
                d.clone(),
                norm(&o.person),
                norm(&o.role),
                norm(&o.organization),
            ];
            if o.former {
                k("offices_former", &mut keys, post.clone());
            }
            let (since, until) = (
                o.since.clone().unwrap_or_default(),
                o.until.clone().unwrap_or_default(),
            );
            if !since.is_empty() || !until.is_empty() {
                k(
                    "office_times",
                    &mut keys,
                    [post, vec![since, until]].concat(),
                );
            }
        }
        for p in &g.persons {
            k("persons", &mut keys, vec![d.clone(), norm(p)]);
        }
        for o in &g.organizations {
            k("organizations", &mut keys, vec![d.clone(), norm(&o.name)]);
        }
        for l in &g.localities {
            k("localities", &mut keys, vec![d.clone(), norm(l)]);
        }
        for x in &g.documents {
            k(
                "documents",
                &mut keys,
                vec![d.clone(), norm(&x.doc_type), norm_id(&x.id)],
            );
        }
        if let Some(date) = &g.date {
            k("dates", &mut keys, vec![d.clone(), date.clone()]);
        }
    }
    Ok((keys, docs))
}

/// The keys the store holds, read through the contract queries.
pub fn predicted(store: &Store, docs: &BTreeSet<String>) -> Result<Keys> {
    let mut keys = empty();
    let g = |r: &BTreeMap<String, String>, c: &str| r.get(c).cloned().unwrap_or_default();
    let mut add = |c: &'static str, v: Vec<String>| {
        if docs.contains(&v[0]) {
            keys.get_mut(c).expect("category").insert(v);
        }
    };
    for r in crate::query::rows(store, "offices")? {
        add(
            "offices",
            vec![
                g(&r, "doc"),
                norm(&g(&r, "person")),
                norm(&g(&r, "role")),
                norm(&g(&r, "organization")),
            ],
        );
        add(
            "offices_pair",
            vec![
                g(&r, "doc"),
                norm(&g(&r, "person")),
                norm(&g(&r, "organization")),
            ],
        );
        let post = vec![
            g(&r, "doc"),
            norm(&g(&r, "person")),
            norm(&g(&r, "role")),
            norm(&g(&r, "organization")),
        ];
        if g(&r, "former").trim().eq_ignore_ascii_case("true") {
            add("offices_former", post.clone());
        }
        let (since, until) = (time_of(&g(&r, "since")), time_of(&g(&r, "until")));
        if !since.is_empty() || !until.is_empty() {
            add("office_times", [post, vec![since, until]].concat());
        }
    }
    for r in crate::query::rows(store, "persons")? {
        add("persons", vec![g(&r, "doc"), norm(&g(&r, "person"))]);
    }
    for r in crate::query::rows(store, "organizations")? {
        add(
            "organizations",
            vec![g(&r, "doc"), norm(&g(&r, "organization"))],
        );
    }
    for r in crate::query::rows(store, "localities")? {
        add("localities", vec![g(&r, "doc"), norm(&g(&r, "locality"))]);
    }
    for r in crate::query::rows(store, "documents")? {
        add(
            "documents",
            vec![g(&r, "doc"), norm(&g(&r, "type")), norm_id(&g(&r, "id"))],
        );
    }
    for r in crate::query::rows(store, "articles")? {
        let d = g(&r, "date");
        if !d.is_empty() {
            add("dates", vec![g(&r, "doc"), d.chars().take(10).collect()]);
        }
    }
    Ok(keys)
}

/// The people of a set of keys (each article's persons and office holders) and how many of them
/// hold a post: the coverage `polgraph eval` prints beside the scores.
pub fn coverage(keys: &Keys) -> (usize, usize) {
    let posted: BTreeSet<(&str, &str)> = keys["offices"]
        .iter()
        .map(|k| (k[0].as_str(), k[1].as_str()))
        .collect();
    let mut people: BTreeSet<(&str, &str)> = keys["persons"]
        .iter()
        .map(|k| (k[0].as_str(), k[1].as_str()))
        .collect();
    people.extend(posted.iter().copied());
    (people.len(), posted.len())
}

/// A partial ISO date as the query prints it (`2019`, `2019-02`, `2019-02-15`; a datatype or a
/// time after it dropped), as the reference scorer reads it; empty when there is none.
fn time_of(v: &str) -> String {
    crate::regex!(r#"^\s*"?(\d{4}(?:-\d{2}(?:-\d{2})?)?)"#)
        .captures(v)
        .map(|c| c[1].to_string())
        .unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub hit: usize,
    pub predicted: usize,
    pub gold: usize,
}

pub fn score(pred: &BTreeSet<Vec<String>>, gold: &BTreeSet<Vec<String>>) -> Score {
    let hit = pred.intersection(gold).count();
    let p = if pred.is_empty() {
        if gold.is_empty() {
            1.0
        } else {
            0.0
        }
    } else {
        hit as f64 / pred.len() as f64
    };
    let r = if gold.is_empty() {
        1.0
    } else {
        hit as f64 / gold.len() as f64
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Score {
        p,
        r,
        f1,
        hit,
        predicted: pred.len(),
        gold: gold.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_compare_like_the_reference_scorer() {
        assert_eq!(norm("Kinh tế-Ngân sách"), norm("Kinh tế – Ngân sách"));
        assert_eq!(norm("Tỉnh uỷ  Hà Tĩnh"), "tỉnh ủy hà tĩnh");
        assert_eq!(norm_id("1031QĐ-/TU"), "1031QĐTU");
        assert_eq!(norm_id("35- CT/TW"), norm_id("35-CT/TW"));
    }

    #[test]
    fn coverage_counts_people_per_article() {
        let mut k = empty();
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let persons = k.get_mut("persons").unwrap();
        persons.insert(v(&["d1", "a"]));
        persons.insert(v(&["d1", "b"]));
        persons.insert(v(&["d2", "a"]));
        let offices = k.get_mut("offices").unwrap();
        offices.insert(v(&["d1", "a", "bí thư", "x"]));
        offices.insert(v(&["d1", "a", "chủ tịch", "y"]));
        // A holder the persons list lacks is still a person found.
        offices.insert(v(&["d2", "c", "bí thư", "x"]));
        assert_eq!(coverage(&k), (4, 2));
    }

    #[test]
    fn times_read_like_the_reference_scorer() {
        assert_eq!(time_of("2019-02"), "2019-02");
        assert_eq!(time_of("\"2019-02-15\"^^xsd:date"), "2019-02-15");
        assert_eq!(time_of("2024-07-17T00:00:00"), "2024-07-17");
        assert_eq!(time_of(""), "");
        assert_eq!(time_of("khoảng 2019"), "");
    }

    #[test]
    fn former_and_timed_posts_are_scored_from_the_gold() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("a.json"),
            r#"{"doc": "a", "offices": [
                {"person": "Lê Văn A", "role": "Bí thư", "organization": "Tỉnh ủy X", "former": true, "until": "2024-07-17"},
                {"person": "Lê Văn A", "role": "Chủ tịch", "organization": "Ủy ban nhân dân tỉnh X", "since": "2019"},
                {"person": "Lê Văn B", "role": "Ủy viên", "organization": "Tỉnh ủy X"}]}"#,
        )
        .expect("write");
        let (keys, _) = gold(dir.path()).expect("gold");
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            keys["offices_former"],
            [s(&["a", "lê văn a", "bí thư", "tỉnh ủy x"])].into()
        );
        assert_eq!(
            keys["office_times"],
            [
                s(&["a", "lê văn a", "bí thư", "tỉnh ủy x", "", "2024-07-17"]),
                s(&[
                    "a",
                    "lê văn a",
                    "chủ tịch",
                    "ủy ban nhân dân tỉnh x",
                    "2019",
                    ""
                ])
            ]
            .into()
        );
    }

    #[test]
    fn precision_recall_f1() {
        let a: BTreeSet<Vec<String>> = [vec!["a".into()], vec!["b".into()]].into();
        let b: BTreeSet<Vec<String>> =
            [vec!["b".into()], vec!["c".into()], vec!["d".into()]].into();
        let s = score(&a, &b);
        assert_eq!((s.hit, s.predicted, s.gold), (1, 2, 3));
        assert!((s.p - 0.5).abs() < 1e-9 && (s.r - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.f1 - 0.4).abs() < 1e-9);
    }
}
