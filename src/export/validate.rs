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

/// Checks quads (their union: shapes see one data graph) against shapes, in memory. A store is
/// checked by [`check_store`], in memory that does not grow with it.
pub fn check(quads: &[Quad], shapes: &[Shape]) -> Vec<Violation> {
    let mut triples: Vec<(&NamedOrBlankNode, &str, &Term)> = quads
        .iter()
        .map(|q| (&q.subject, q.predicate.as_str(), &q.object))
        .collect();
    // A fact stated by several articles counts once.
    triples.sort_by_cached_key(|(s, p, o)| (s.to_string(), p.to_string(), o.to_string()));
    triples.dedup();
    let mut types: HashMap<String, HashSet<&str>> = HashMap::new();
    for (s, p, o) in &triples {
        if *p == RDF_TYPE {
            if let Term::NamedNode(c) = o {
                types.entry(s.to_string()).or_default().insert(c.as_str());
            }
        }
    }
    let mut is_a = |v: &Term, c: &str| -> Result<bool> {
        Ok(types.get(&v.to_string()).is_some_and(|t| t.contains(c)))
    };
    let mut out = BTreeSet::new();
    for group in triples.chunk_by(|a, b| a.0 == b.0) {
        let props: Vec<(&str, &Term)> = group.iter().map(|(_, p, o)| (*p, *o)).collect();
        check_subject(group[0].0, &props, shapes, &mut is_a, &mut out)
            .expect("types from memory do not fail");
    }
    out.into_iter().collect()
}

/// Checks the store's quads against shapes, in memory that does not grow with the store: its
/// triples are sorted on disk past the sort's run size (see [`crate::store::sort`]),
/// a subject's come together, each once, and a value's class is asked of the store. The
/// violations, and how many quads were read.
pub fn check_store(
    store: &crate::store::Store,
    shapes: &[Shape],
    opts: crate::store::sort::Options,
) -> Result<(Vec<Violation>, usize)> {
    use std::fmt::Write;
    let mut sorter = crate::store::sort::Sorter::new(opts);
    let mut line = String::new();
    let mut n = 0;
    for q in store.iter_quads(None) {
        let q = q?;
        line.clear();
        write!(line, "{} {} {}", q.subject, q.predicate, q.object)
            .expect("a String takes every write");
        sorter.push(line.as_bytes())?;
        n += 1;
    }
    let mut text = sorter.finish()?.text(b" .\n");
    let mut cache: HashMap<(Term, String), bool> = HashMap::new();
    let mut is_a = |v: &Term, c: &str| -> Result<bool> {
        let key = (v.clone(), c.to_string());
        if let Some(&known) = cache.get(&key) {
            return Ok(known);
        }
        let known = store.is_a(v, c)?;
        if cache.len() >= 1 << 16 {
            cache.clear();
        }
        cache.insert(key, known);
        Ok(known)
    };
    let mut out = BTreeSet::new();
    let mut subject: Option<NamedOrBlankNode> = None;
    let mut props: Vec<(oxigraph::model::NamedNode, Term)> = Vec::new();
    let mut last: Option<Quad> = None;
    let parser = RdfParser::from_format(RdfFormat::NTriples).for_reader(&mut text);
    let mut flush = |subject: &NamedOrBlankNode,
                     props: &[(oxigraph::model::NamedNode, Term)],
                     out: &mut BTreeSet<Violation>|
     -> Result<()> {
        let props: Vec<(&str, &Term)> = props.iter().map(|(p, o)| (p.as_str(), o)).collect();
        check_subject(subject, &props, shapes, &mut is_a, out)
    };
    for t in parser {
        let t = t.map_err(|e| Error::Other(format!("validate: the sorted triples: {e}")))?;
        if last.as_ref() == Some(&t) {
            continue;
        }
        if subject.as_ref() != Some(&t.subject) {
            if let Some(s) = &subject {
                flush(s, &props, &mut out)?;
            }
            subject = Some(t.subject.clone());
            props.clear();
        }
        props.push((t.predicate.clone(), t.object.clone()));
        last = Some(t);
    }
    if let Some(s) = &subject {
        flush(s, &props, &mut out)?;
    }
    if let Some(e) = text.error() {
        return Err(e);
    }
    Ok((out.into_iter().collect(), n))
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Checks one subject, whose triples (each once) are `props`, against every shape that targets
/// it; `is_a` says whether a value is an instance of a class.
fn check_subject(
    f: &NamedOrBlankNode,
    props: &[(&str, &Term)],
    shapes: &[Shape],
    is_a: &mut dyn FnMut(&Term, &str) -> Result<bool>,
    out: &mut BTreeSet<Violation>,
) -> Result<()> {
    let own_types: HashSet<&str> = props
        .iter()
        .filter(|(p, _)| *p == RDF_TYPE)
        .filter_map(|(_, o)| match o {
            Term::NamedNode(c) => Some(c.as_str()),
            _ => None,
        })
        .collect();
    for shape in shapes {
        let targeted = match &shape.target {
            Target::Class(c) => own_types.contains(c.as_str()),
            Target::SubjectsOf(p) => props.iter().any(|(k, _)| k == p),
        };
        if !targeted {
            continue;
        }
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
                    if !is_a(v, c)? {
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
    Ok(())
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

    /// The store's check, its triples sorted on disk in many small runs, finds what the check
    /// in memory finds: on a store of 40 article graphs (facts stated in several), and on the
    /// violations above (a class asked of the store).
    #[test]
    fn the_store_is_checked_on_disk_as_in_memory() {
        let opts = |dir: &std::path::Path| crate::store::sort::Options {
            dir: dir.to_path_buf(),
            run_bytes: 300,
        };
        // 40 article graphs: 7 people, each typed in several of them, named in some; holdings
        // with and without their sentence.
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("db")).unwrap();
        let pg = "https://w3id.org/polgraph/ontology#";
        for a in 0..40 {
            let g = format!("http://e/a{a}");
            let mut nq = String::new();
            for k in [a % 7, (a * 3 + 1) % 7] {
                nq += &format!(
                    "<http://e/p{k}> <{RDF}type> <http://xmlns.com/foaf/0.1/Person> <{g}> .\n"
                );
                if k % 3 != 0 {
                    nq += &format!(
                        "<http://e/p{k}> <http://xmlns.com/foaf/0.1/name> \"P {k}\" <{g}> .\n"
                    );
                }
            }
            nq += &format!(
                "<http://e/h{a}> <{pg}tenure> <http://e/t{}> <{g}> .\n",
                a % 5
            );
            if a % 4 == 0 {
                nq += &format!("<http://e/h{a}> <{pg}sentence> <http://e/s{a}> <{g}> .\n");
            }
            store.set_graph(&g, &quads(&nq)).unwrap();
        }
        let all: Vec<Quad> = store.iter_quads(None).map(|q| q.unwrap()).collect();
        let shapes = shapes(SHAPES).unwrap();
        let (v, n) = check_store(&store, &shapes, opts(dir.path())).unwrap();
        assert_eq!(n, all.len());
        assert_eq!(v, check(&all, &shapes));
        assert!(!v.is_empty());

        let pg = "https://w3id.org/polgraph/ontology#";
        let nq = format!(
            "<http://e/h> <{pg}tenure> <http://e/t> <http://e/g> .\n\
             <http://e/h> <{pg}tenure> <http://e/t2> <http://e/g> .\n\
             <http://e/t2> <{RDF}type> <{pg}Tenure> <http://e/g2> .\n\
             <http://e/p> <{RDF}type> <http://xmlns.com/foaf/0.1/Person> <http://e/g> .\n\
             <http://e/p> <{RDF}type> <http://xmlns.com/foaf/0.1/Person> <http://e/g2> .\n"
        );
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("db")).unwrap();
        let q = quads(&nq);
        for g in ["http://e/g", "http://e/g2"] {
            let mine: Vec<Quad> = q
                .iter()
                .filter(|x| x.graph_name.to_string() == format!("<{g}>"))
                .cloned()
                .collect();
            store.set_graph(g, &mine).unwrap();
        }
        let (v, n) = check_store(&store, &shapes, opts(dir.path())).unwrap();
        assert_eq!(n, 5);
        assert_eq!(v, check(&q, &shapes));
        // <http://e/t> is no Tenure; <http://e/t2> is one, in another graph.
        let tenure: Vec<&str> = v
            .iter()
            .filter(|x| x.path == "tenure" && x.message.contains("is not a"))
            .map(|x| x.message.as_str())
            .collect();
        assert_eq!(tenure, vec!["<http://e/t> is not a Tenure"], "{v:?}");
        // The person typed in two graphs is one focus node: one violation for its name.
        assert_eq!(
            v.iter()
                .filter(|x| x.shape == "PersonShape" && x.path == "name")
                .count(),
            1
        );
    }
}
