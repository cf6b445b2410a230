//! `polgraph validate`: checks quads against SHACL shapes (`ontology/shapes.ttl`). It implements
//! the part of SHACL Core the shapes use: `sh:targetClass`, `sh:targetSubjectsOf`, and property
//! shapes with a predicate `sh:path`, `sh:minCount`, `sh:maxCount`, `sh:datatype`, `sh:class`,
//! `sh:nodeKind` (`sh:IRI`, `sh:Literal`) and `sh:in`; a shape using
//! anything else is refused rather than half-checked. The tests run pyshacl on the same data.
//! (No Rust SHACL implementation is used: the one on crates.io, rudof's `shacl_validation`, brings
//! some 300 crates and a second RDF stack into a build that CI compiles on two cores.)

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub const SHAPES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/shapes.ttl"));

const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

#[derive(Debug, Clone, Default)]
struct Property {
    path: String,
    min: Option<usize>,
    max: Option<usize>,
    datatype: Option<String>,
    class: Option<String>,
    node_kind: Option<String>,
    values: Option<Vec<Term>>,
}

/// The focus nodes of a shape: the instances of a class, or the subjects of a predicate.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Class(String),
    SubjectsOf(String),
}

#[derive(Debug, Clone)]
pub struct Shape {
    name: String,
    target: Target,
    properties: Vec<Property>,
}

/// A violation: the shape, the focus node, the path and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    pub shape: String,
    pub focus: String,
    pub path: String,
    pub message: String,
}

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Reads shapes from Turtle.
pub fn shapes(turtle: &str) -> Result<Vec<Shape>> {
    let mut triples: HashMap<String, Vec<(String, Term)>> = HashMap::new();
    for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
        let q = q.map_err(|e| Error::Other(format!("shapes: {e}")))?;
        triples
            .entry(q.subject.to_string())
            .or_default()
            .push((q.predicate.as_str().to_string(), q.object));
    }
    let get = |s: &str, p: &str| -> Vec<Term> {
        triples
            .get(s)
            .map(|v| {
                v.iter()
                    .filter(|(x, _)| x == p)
                    .map(|(_, o)| o.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let list = |head: &Term| -> Vec<Term> {
        let mut out = Vec::new();
        let mut cur = head.to_string();
        while cur != format!("<{RDF}nil>") {
            let Some(first) = get(&cur, &format!("{RDF}first")).into_iter().next() else {
                break;
            };
            out.push(first);
            match get(&cur, &format!("{RDF}rest")).into_iter().next() {
                Some(rest) => cur = rest.to_string(),
                None => break,
            }
        }
        out
    };
    let count = |t: &Term| -> Option<usize> {
        match t {
            Term::Literal(l) => l.value().parse().ok(),
            _ => None,
        }
    };
    let iri = |t: &Term| -> Option<String> {
        match t {
            Term::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        }
    };
    let known: BTreeSet<String> = [
        "path", "minCount", "maxCount", "datatype", "class", "nodeKind", "in",
    ]
    .iter()
    .map(|x| format!("{SH}{x}"))
    .collect();
    let mut out = Vec::new();
    let mut names: Vec<&String> = triples.keys().collect();
    names.sort();
    for s in names {
        let class = get(s, &format!("{SH}targetClass")).first().and_then(iri);
        let subjects_of = get(s, &format!("{SH}targetSubjectsOf"))
            .first()
            .and_then(iri);
        let target = match (class, subjects_of) {
            (Some(c), None) => Target::Class(c),
            (None, Some(p)) => Target::SubjectsOf(p),
            (None, None) => continue,
            (Some(_), Some(_)) => {
                return Err(Error::Other(format!(
                    "shape {s}: two targets are not checked by polgraph validate"
                )))
            }
        };
        let mut properties = Vec::new();
        for p in get(s, &format!("{SH}property")) {
            let ps = p.to_string();
            if let Some((unknown, _)) = triples
                .get(&ps)
                .and_then(|v| v.iter().find(|(k, _)| !known.contains(k)))
            {
                return Err(Error::Other(format!(
                    "shape {s}: {unknown} is not checked by polgraph validate"
                )));
            }
            let path = get(&ps, &format!("{SH}path"))
                .first()
                .and_then(iri)
                .ok_or_else(|| {
                    Error::Other(format!("shape {s}: a property without a predicate path"))
                })?;
            properties.push(Property {
                path,
                min: get(&ps, &format!("{SH}minCount")).first().and_then(count),
                max: get(&ps, &format!("{SH}maxCount")).first().and_then(count),
                datatype: get(&ps, &format!("{SH}datatype")).first().and_then(iri),
                class: get(&ps, &format!("{SH}class")).first().and_then(iri),
                node_kind: match get(&ps, &format!("{SH}nodeKind")).first().and_then(iri) {
                    None => None,
                    Some(k) if k == format!("{SH}IRI") || k == format!("{SH}Literal") => Some(k),
                    Some(k) => {
                        return Err(Error::Other(format!(
                            "shape {s}: sh:nodeKind {k} is not checked by polgraph validate"
                        )))
                    }
                },
                values: get(&ps, &format!("{SH}in")).first().map(list),
            });
        }
        out.push(Shape {
            name: local(s.trim_matches(['<', '>'])).to_string(),
            target,
            properties,
        });
    }
    Ok(out)
}

/// Checks quads (their union: shapes see one data graph) against shapes.
pub fn check(quads: &[Quad], shapes: &[Shape]) -> Vec<Violation> {
    let mut by_subject: HashMap<NamedOrBlankNode, Vec<(&str, &Term)>> = HashMap::new();
    let mut types: HashMap<String, HashSet<&str>> = HashMap::new();
    let mut seen = HashSet::new();
    for q in quads {
        // A fact stated by several articles counts once.
        if !seen.insert((&q.subject, &q.predicate, &q.object)) {
            continue;
        }
        by_subject
            .entry(q.subject.clone())
            .or_default()
            .push((q.predicate.as_str(), &q.object));
        if q.predicate.as_str() == format!("{RDF}type") {
            if let Term::NamedNode(c) = &q.object {
                types
                    .entry(q.subject.to_string())
                    .or_default()
                    .insert(c.as_str());
            }
        }
    }
    let mut out = BTreeSet::new();
    for shape in shapes {
        let focus: Vec<&NamedOrBlankNode> = by_subject
            .keys()
            .filter(|s| match &shape.target {
                Target::Class(c) => types
                    .get(&s.to_string())
                    .is_some_and(|t| t.contains(c.as_str())),
                Target::SubjectsOf(p) => by_subject[*s].iter().any(|(k, _)| k == p),
            })
            .collect();
        for f in focus {
            let props = &by_subject[f];
            for p in &shape.properties {
                let vals: Vec<&Term> = props
                    .iter()
                    .filter(|(k, _)| *k == p.path)
                    .map(|(_, v)| *v)
                    .collect();
                let mut bad = |message: String| {
                    out.insert(Violation {
                        shape: shape.name.clone(),
                        focus: f.to_string(),
                        path: local(&p.path).to_string(),
                        message,
                    });
                };
                if p.min.is_some_and(|m| vals.len() < m) {
                    bad(format!(
                        "{} value(s), at least {} wanted",
                        vals.len(),
                        p.min.unwrap_or(0)
                    ));
                }
                if p.max.is_some_and(|m| vals.len() > m) {
                    bad(format!(
                        "{} values, at most {} wanted",
                        vals.len(),
                        p.max.unwrap_or(0)
                    ));
                }
                for v in &vals {
                    if let Some(dt) = &p.datatype {
                        let ok = matches!(v, Term::Literal(l) if l.datatype().as_str() == dt);
                        if !ok {
                            bad(format!("{v} is not a {}", local(dt)));
                        }
                    }
                    if let Some(c) = &p.class {
                        if !types
                            .get(&v.to_string())
                            .is_some_and(|t| t.contains(c.as_str()))
                        {
                            bad(format!("{v} is not a {}", local(c)));
                        }
                    }
                    if let Some(k) = &p.node_kind {
                        let iri = matches!(v, Term::NamedNode(_));
                        if iri != (k == &format!("{SH}IRI")) {
                            bad(format!("{v} is not a {}", local(k)));
                        }
                    }
                    if let Some(allowed) = &p.values {
                        if !allowed.contains(v) {
                            bad(format!("{v} is not one of the allowed values"));
                        }
                    }
                }
            }
        }
    }
    out.into_iter().collect()
}

/// Violations counted by shape and path, for a summary.
pub fn summary(v: &[Violation]) -> BTreeMap<(String, String), usize> {
    let mut m = BTreeMap::new();
    for x in v {
        *m.entry((x.shape.clone(), x.path.clone())).or_insert(0) += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quads(nq: &str) -> Vec<Quad> {
        RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(nq.as_bytes())
            .map(|q| q.unwrap())
            .collect()
    }

    #[test]
    fn the_shipped_shapes_are_all_understood() {
        let s = shapes(SHAPES).unwrap();
        assert!(s.len() >= 9);
        assert!(s
            .iter()
            .any(|x| x.name == "OfficeHoldingShape" && x.properties.len() >= 5));
    }

    #[test]
    fn a_holding_without_a_sentence_and_a_bad_kind_are_violations() {
        let pg = "https://w3id.org/polgraph/ontology#";
        let nq = format!(
            "<http://e/h> <{pg}tenure> <http://e/t> <http://e/g> .\n\
             <http://e/p> <{RDF}type> <http://xmlns.com/foaf/0.1/Person> <http://e/g> .\n\
             <http://e/o> <{RDF}type> <http://www.w3.org/ns/org#Organization> <http://e/g> .\n\
             <http://e/o> <http://www.w3.org/2004/02/skos/core#prefLabel> \"X\"@vi <http://e/g> .\n\
             <http://e/o> <{pg}kind> \"army\" <http://e/g> .\n"
        );
        let v = check(&quads(&nq), &shapes(SHAPES).unwrap());
        assert!(v.iter().any(|x| x.shape == "OfficeHoldingShape"
            && x.path == "sentence"
            && x.message.contains("at least 1")));
        // A holding is what pg:tenure starts from: its tenure must be one.
        assert!(v
            .iter()
            .any(|x| x.shape == "OfficeHoldingShape" && x.path == "tenure"));
        assert!(v.iter().any(|x| x.shape == "OrganizationShape"
            && x.path == "kind"
            && x.message.contains("allowed")));
        // The person has no name.
        assert!(v
            .iter()
            .any(|x| x.shape == "PersonShape" && x.path == "name"));
    }

    #[test]
    fn a_mention_is_the_subject_of_refers_to_and_a_sentence_is_an_iri() {
        let pg = "https://w3id.org/polgraph/ontology#";
        let nq = format!(
            "<http://e/m#char=0,3> <{pg}refersTo> <http://e/p> <http://e/g> .\n\
             <http://e/h#char=0,9> <{pg}tenure> <http://e/t> <http://e/g> .\n\
             <http://e/h#char=0,9> <{pg}sentence> \"words\" <http://e/g> .\n"
        );
        let v = check(&quads(&nq), &shapes(SHAPES).unwrap());
        // No class is written: the mention is found by its pg:refersTo, and it has no rule.
        assert!(
            v.iter().any(|x| x.shape == "MentionShape"
                && x.focus == "<http://e/m#char=0,3>"
                && x.path == "rule"
                && x.message.contains("at least 1")),
            "{v:?}"
        );
        assert!(
            v.iter().any(|x| x.shape == "OfficeHoldingShape"
                && x.path == "sentence"
                && x.message.contains("is not a IRI")),
            "{v:?}"
        );
        let ok = format!(
            "<http://e/m#char=0,3> <{pg}refersTo> <http://e/p> <http://e/g> .\n\
             <http://e/m#char=0,3> <{pg}rule> \"person.name\" <http://e/g> .\n"
        );
        assert_eq!(check(&quads(&ok), &shapes(SHAPES).unwrap()), vec![]);
    }
}
