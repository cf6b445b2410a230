//! Identity and scoping: names alone would merge different things (two Nguyễn Văn Hải in two
//! provinces, Nghị quyết 05 of two provincial committees), so a person and a document are minted
//! within a scope: the slug of a province, `vn` for the centre.

use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::{DocumentFact, Facts};
use crate::normalize::{key, slug};
use rustc_hash::FxHashMap as HashMap;

/// The scope of a unit: the slug of its province, `vn` for none (the centre).
pub fn of_unit(unit: Option<usize>) -> String {
    unit.map(|u| slug(&G.units[G.province_of(u)].name))
        .unwrap_or_else(|| "vn".into())
}

/// The scopes of one article's people and documents.
pub struct Scopes {
    /// By the person's key: the province of their first local post.
    persons: HashMap<String, String>,
    /// The article's own: the province of its main locality.
    main: String,
}

impl Scopes {
    pub fn of(facts: &Facts) -> Scopes {
        let mut units: HashMap<String, Option<usize>> = HashMap::default();
        for o in &facts.offices {
            let u = units.entry(key(&o.person)).or_default();
            *u = u.or(o.org.unit);
        }
        Scopes {
            persons: units.into_iter().map(|(k, u)| (k, of_unit(u))).collect(),
            main: of_unit(facts.main_unit),
        }
    }

    /// A person's scope: the province of their first local post in the article, else the
    /// article's.
    pub fn person(&self, name: &str) -> &str {
        self.persons.get(&key(name)).unwrap_or(&self.main)
    }

    /// A document's scope: `vn` for a central one (a `/TW` symbol, a law, the Party's congress),
    /// else the article's.
    pub fn document(&self, d: &DocumentFact) -> &str {
        let central = d.id.to_uppercase().contains("/TW")
            || d.id.starts_with("Trung ương")
            || d.id.starts_with("Đại hội ") && !d.id.contains("Đảng bộ")
            || d.doc_type == "Luật";
        if central {
            "vn"
        } else {
            &self.main
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_central_document_is_scoped_to_the_centre() {
        let scopes = Scopes {
            persons: HashMap::default(),
            main: "ha-tinh".into(),
        };
        let doc = |t: &str, id: &str| DocumentFact {
            doc_type: t.into(),
            id: id.into(),
            date: None,
            issuer: None,
            title: None,
            span: 0..1,
            rule: "test",
            tail: 1,
        };
        assert_eq!(scopes.document(&doc("Nghị quyết", "05-NQ/TU")), "ha-tinh");
        assert_eq!(scopes.document(&doc("Chỉ thị", "35-CT/TW")), "vn");
        assert_eq!(scopes.document(&doc("Luật", "Đất đai 2024")), "vn");
        assert_eq!(scopes.person("Nguyễn Văn Hải"), "ha-tinh");
        assert_eq!(of_unit(None), "vn");
    }
}
