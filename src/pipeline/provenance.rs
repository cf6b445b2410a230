//! Provenance kept by the mapping (issue 30): a statement's article, span, words, rule and
//! sentence, answered by SPARQL from the graph, equal to what extraction found.

use crate::pipeline;
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::BTreeSet;

/// The rows of a SELECT query on `store`.
fn select(store: &Store, q: &str) -> Vec<QuerySolution> {
    let QueryResults::Solutions(rows) = SparqlEvaluator::new()
        .parse_query(q)
        .unwrap()
        .on_store(store)
        .execute()
        .unwrap()
    else {
        panic!("not a SELECT")
    };
    rows.map(Result::unwrap).collect()
}

/// A cell of a row as text: a literal's value, an IRI without its brackets.
fn value(r: &QuerySolution, k: &str) -> Option<String> {
    r.get(k).map(|t| match t {
        oxigraph::model::Term::Literal(l) => l.value().to_string(),
        t => t.to_string().trim_matches(['<', '>']).to_string(),
    })
}

/// A statement as SPARQL reads it back: article, start, end, words, rule, sentence words.
type Read = (String, usize, usize, String, String, Option<String>);

/// Every statement of the examples and the fixtures (each mention and each holding) keeps its
/// article, its character span, the words there, its rule and, for a holding, its sentence:
/// SPARQL answers them from the graph (the article its named graph, the span its IRI's
/// `#char=` fragment, the words and the sentence the article's `pg:text` there), equal to
/// what extraction found, as the graph wrote them before (`pg:inArticle`, `pg:start`,
/// `pg:end`, `pg:rule`, `pg:sentence` as words).
#[test]
fn every_statement_keeps_its_article_span_words_rule_and_sentence() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let inputs = crate::read::read_inputs(&[
        root.join("examples/articles"),
        root.join("tests/fixtures/articles.jsonl"),
        root.join("tests/fixtures/page"),
    ]);
    assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
    let store = Store::new().unwrap();
    let mut want: BTreeSet<Read> = BTreeSet::new();
    let (mut mentions, mut holdings) = (0, 0);
    for a in &inputs.articles {
        let p = pipeline::process(a);
        for q in p.graph.quads() {
            store.insert(&q).unwrap();
        }
        let art = crate::rdf::iri::article(&a.id);
        let chars: Vec<char> = crate::normalize::blank_controls(&a.text).chars().collect();
        let words = |(s, e): (usize, usize)| chars[s..e].iter().collect::<String>();
        let f = &p.facts;
        let spans = f
            .persons
            .iter()
            .map(|x| (&x.span, x.rule))
            .chain(f.organizations.iter().map(|x| (&x.span, x.rule)))
            .chain(f.localities.iter().map(|x| (&x.span, x.rule)))
            .chain(f.documents.iter().map(|x| (&x.span, x.rule)))
            .chain(f.events.iter().map(|x| (&x.span, x.rule)));
        for (span, rule) in spans {
            let (s, e) = p.text.original_span(span);
            want.insert((art.clone(), s, e, words((s, e)), rule.into(), None));
            mentions += 1;
        }
        for o in &f.offices {
            let (s, e) = p.text.original_span(&o.span);
            let sentence = p.text.original_span(&p.text.sentence(&o.span));
            let sentence = (sentence.0.min(chars.len()), sentence.1.min(chars.len()));
            want.insert((
                art.clone(),
                s,
                e,
                words((s, e)),
                o.rule.into(),
                Some(words(sentence)),
            ));
            holdings += 1;
        }
    }
    assert!(mentions > 100 && holdings > 10, "{mentions} {holdings}");
    let q = "PREFIX pg: <https://w3id.org/polgraph/ontology#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?a ?start ?end ?words ?rule ?sentence WHERE {
          GRAPH ?a { ?x pg:rule ?rule . ?a pg:text ?text . OPTIONAL { ?x pg:sentence ?in } }
          BIND(STRAFTER(STR(?x), \"#char=\") AS ?span)
          BIND(xsd:integer(STRBEFORE(?span, \",\")) AS ?start)
          BIND(xsd:integer(STRAFTER(?span, \",\")) AS ?end)
          BIND(SUBSTR(?text, ?start + 1, ?end - ?start) AS ?words)
          BIND(STRAFTER(STR(?in), \"#char=\") AS ?sspan)
          BIND(xsd:integer(STRBEFORE(?sspan, \",\")) AS ?sstart)
          BIND(SUBSTR(?text, ?sstart + 1, xsd:integer(STRAFTER(?sspan, \",\")) - ?sstart)
               AS ?sentence)
        }";
    let rows = select(&store, q);
    let mut got: BTreeSet<Read> = BTreeSet::new();
    for r in rows {
        let n = |k| value(&r, k).unwrap().parse::<usize>().unwrap();
        got.insert((
            value(&r, "a").unwrap(),
            n("start"),
            n("end"),
            value(&r, "words").unwrap(),
            value(&r, "rule").unwrap(),
            value(&r, "sentence"),
        ));
    }
    assert_eq!(got, want);
}

/// Every holding of the examples and the fixtures answers its person, role, body, whether it is
/// former and its article's date, as extraction found them: the person, the post and whether it
/// is former through its tenure (`pg:tenure`, then `org:member`, `pg:post`, `pg:former` in the
/// tenures graph), the role and the body through the post's description there (`org:role`,
/// `org:postIn`), the labels in the article's graph, the date through its article
/// (`dcterms:date`), which the holding no longer repeats.
#[test]
fn every_holding_keeps_its_person_role_body_and_date() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let inputs = crate::read::read_inputs(&[
        root.join("examples/articles"),
        root.join("tests/fixtures/articles.jsonl"),
    ]);
    let store = Store::new().unwrap();
    let mut want = BTreeSet::new();
    let mut tenures = crate::rdf::tenure::Tenures::default();
    for a in &inputs.articles {
        let p = pipeline::process(a);
        for q in p.graph.quads() {
            store.insert(&q).unwrap();
        }
        tenures.add(&p.graph);
        let date = a.date.or(p.meta.date).map(|d| d.to_string());
        for o in &p.facts.offices {
            let (s, _) = p.text.original_span(&o.span);
            want.insert(vec![
                crate::rdf::iri::article(&a.id),
                s.to_string(),
                o.person.clone(),
                o.role.clone(),
                o.org.name.clone(),
                o.former.to_string(),
                date.clone().unwrap_or_default(),
            ]);
        }
    }
    for q in tenures.quads() {
        store.insert(&q).unwrap();
    }
    assert!(want.len() > 10, "{want:?}");
    let q = "PREFIX pg: <https://w3id.org/polgraph/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?a ?start ?name ?role ?body ?former ?date WHERE {
          GRAPH ?a { ?h pg:tenure ?t }
          GRAPH <https://w3id.org/polgraph/id/graph/tenures> {
            ?t org:member ?p ; pg:post ?post ; pg:former ?f .
            ?post a org:Post ; org:role ?r ; org:postIn ?o .
          }
          GRAPH ?a {
            ?p foaf:name ?name . ?r skos:prefLabel ?rl . ?o skos:prefLabel ?ol .
            OPTIONAL { ?a dcterms:date ?d }
          }
          BIND(STRBEFORE(STRAFTER(STR(?h), \"#char=\"), \",\") AS ?start)
          BIND(STR(?rl) AS ?role) BIND(STR(?ol) AS ?body) BIND(STR(?f) AS ?former)
          BIND(COALESCE(STR(?d), \"\") AS ?date)
        }";
    let rows = select(&store, q);
    let mut got = BTreeSet::new();
    for r in rows {
        got.insert(
            ["a", "start", "name", "role", "body", "former", "date"]
                .iter()
                .map(|k| value(&r, k).unwrap_or_default())
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(got, want);
}
