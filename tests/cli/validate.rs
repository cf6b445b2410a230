//! `polgraph validate`, the ontology, and independent readers (rdflib, pySHACL, Jena's riot)
//! of every export.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// Every term the code emits is declared in the ontology, and every term declared is emitted or
/// implied by the domain of one emitted (over the examples and a fixture record with a URL, a source line and a congress with its term).
#[test]
fn ontology_declares_exactly_what_is_emitted() {
    let (_d, store) = ingested();
    ok(&[
        "ingest",
        "--store",
        s(&store),
        s(&root().join("tests/fixtures/articles.jsonl")),
        // Namesakes of one post and of one body: the identity graph's two links.
        s(&root().join("tests/fixtures/page")),
    ]);
    let ttl = std::fs::read(root().join("ontology/polgraph.ttl")).unwrap();
    let ontology: Vec<oxigraph::model::Quad> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(&ttl)
            .map(|q| q.unwrap())
            .collect();
    let declared: BTreeSet<String> = ontology
        .iter()
        .filter(|q| {
            q.predicate.as_str().ends_with("#type")
                && q.object.to_string() != "<http://www.w3.org/2002/07/owl#Ontology>"
        })
        .map(|q| q.subject.to_string())
        .collect();
    // Terms of other vocabularies declared as the super-class or super-property of polgraph's
    // (foaf:Document, prov:Entity, prov:wasDerivedFrom, ...): inferred, need not be emitted.
    let supers: BTreeSet<String> = ontology
        .iter()
        .filter(|q| {
            q.predicate.as_str().ends_with("#subClassOf")
                || q.predicate.as_str().ends_with("#subPropertyOf")
        })
        .map(|q| q.object.to_string())
        .filter(|t| !t.contains("polgraph"))
        .collect();
    let nq = run(&["export", "--store", s(&store), "--format", "nq"]).stdout;
    let mut emitted = BTreeSet::new();
    for q in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads).for_slice(&nq) {
        let q = q.unwrap();
        emitted.insert(q.predicate.to_string());
        if q.predicate.as_str().ends_with("#type") {
            emitted.insert(q.object.to_string());
        }
    }
    let undeclared: Vec<&String> = emitted.difference(&declared).collect();
    assert!(
        undeclared.is_empty(),
        "emitted but not declared: {undeclared:?}"
    );
    // Classes implied by an emitted property's domain, not written (pg:Mention: what
    // pg:refersTo starts from; pg:OfficeHolding: what pg:tenure starts from).
    let implied: BTreeSet<String> = ontology
        .iter()
        .filter(|q| {
            q.predicate.as_str().ends_with("#domain") && emitted.contains(&q.subject.to_string())
        })
        .map(|q| q.object.to_string())
        .filter(|c| c.contains("polgraph") && !emitted.contains(c))
        .collect();
    assert_eq!(
        implied,
        BTreeSet::from([
            "<https://w3id.org/polgraph/ontology#Mention>".to_string(),
            "<https://w3id.org/polgraph/ontology#OfficeHolding>".to_string(),
        ])
    );
    let unused: Vec<&String> = declared
        .difference(&emitted)
        .filter(|t| !supers.contains(*t) && !implied.contains(*t))
        .filter(|t| !t.contains("foaf/0.1/page"))
        .collect();
    assert!(unused.is_empty(), "declared but never emitted: {unused:?}");
}

/// The store's quad count and its count of distinct triples (what a triple format holds).
fn quads_and_triples(store: &Path) -> (String, String) {
    let count = |q: &str| {
        ok(&["query", "--store", s(store), "--format", "tsv", q])
            .lines()
            .nth(1)
            .unwrap()
            .to_string()
    };
    (
        count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        count(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
        ),
    )
}

/// Exports the store as `FORMAT` into `dir/g.EXT`.
fn export_to(store: &Path, dir: &Path, flag: &str, ext: &str) -> PathBuf {
    let f = dir.join(format!("g.{ext}"));
    ok(&["export", "--store", s(store), "--format", flag, "-o", s(&f)]);
    f
}

#[test]
fn validate_and_independent_readers_agree() {
    let (d, store) = ingested();
    let v = ok(&["validate", "--store", s(&store)]);
    assert!(v.starts_with("conforms:"), "{v}");
    if !have("python3", &["-c", "import rdflib, pyshacl"]) {
        return;
    }
    let mut files = Vec::new();
    for (flag, ext) in [
        ("nt", "nt"),
        ("ttl", "ttl"),
        ("rdfxml", "rdf"),
        ("trig", "trig"),
        ("jsonld", "jsonld"),
        ("nq", "nq"),
    ] {
        let f = export_to(&store, d.path(), flag, ext);
        files.push(f);
    }
    let mut args = vec![
        s(&root().join("tests/python/check_rdf.py")).to_string(),
        s(&root().join("ontology/shapes.ttl")).to_string(),
    ];
    args.extend(files.iter().map(|f| s(f).to_string()));
    let o = Command::new("python3").args(&args).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let (quads, triples) = quads_and_triples(&store);
    for line in out.lines().filter(|l| l.contains("/g.")) {
        let (file, n) = line.rsplit_once(' ').unwrap();
        let want = if [".nq", ".trig", ".jsonld"]
            .iter()
            .any(|e| file.ends_with(e))
        {
            &quads
        } else {
            &triples
        };
        assert_eq!(n, want, "rdflib read {file}");
    }
    assert!(out.contains("shacl conforms"), "{out}");
}

/// Apache Jena's riot (Debian's libapache-jena-java, through `tests/jena/riot.py`, which fixes
/// its class path) validates every export, warnings included, and counts the same quads.
#[test]
fn jena_riot_validates_and_counts_every_export() {
    if !have(
        "sh",
        &[
            "-c",
            "command -v java && ls /usr/share/java/jena-core-*.jar",
        ],
    ) {
        return;
    }
    let (d, store) = ingested();
    let (quads, triples) = quads_and_triples(&store);
    let riot = root().join("tests/jena/riot.py");
    for (flag, ext, syntax, want) in [
        ("nq", "nq", None, &quads),
        ("trig", "trig", None, &quads),
        // Debian's Jena 4.5 reads JSON-LD 1.1 through Titanium, whose document loader fails
        // there on any file; its JSON-LD 1.0 reader takes the same (expanded) document.
        ("jsonld", "jsonld", Some("--syntax=jsonld10"), &quads),
        ("nt", "nt", None, &triples),
        ("ttl", "ttl", None, &triples),
        ("rdfxml", "rdf", None, &triples),
    ] {
        let f = export_to(&store, d.path(), flag, ext);
        for mode in ["--validate", "--count"] {
            let mut args = vec![s(&riot).to_string(), mode.to_string()];
            args.extend(syntax.map(String::from));
            args.push(s(&f).to_string());
            let o = Command::new("python3").args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            let complaints: Vec<&str> = err
                .lines()
                .filter(|l| l.contains("WARN") || l.contains("ERROR"))
                .collect();
            assert!(
                o.status.success() && complaints.is_empty(),
                "riot {mode} {flag}: {err}"
            );
            if mode == "--count" {
                // `file:///.../g.nq : Quads = 1,733`, on standard error.
                let line = err
                    .lines()
                    .find(|l| l.contains("Quads =") || l.contains("Triples ="))
                    .unwrap_or_else(|| panic!("riot --count {flag}: {err}"));
                let n = line.rsplit('=').next().unwrap().trim().replace(',', "");
                assert_eq!(&n, want, "riot --count {flag}: {line}");
            }
        }
    }
}
