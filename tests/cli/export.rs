//! `polgraph export`: round trips in every format, and golden N-Quads of the examples.

use std::collections::BTreeSet;

use crate::common::*;

#[test]
fn export_round_trips_in_every_format() {
    let (_d, store) = ingested();
    let nq = run(&["export", "--store", s(&store), "--format", "nq"]).stdout;
    let quads = parse(oxigraph::io::RdfFormat::NQuads, &nq);
    let triples: BTreeSet<String> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
            .for_slice(&nq)
            .map(|q| oxigraph::model::Triple::from(q.unwrap()).to_string())
            .collect();
    assert!(quads.len() > 500, "{}", quads.len());
    for (flag, format) in [
        ("trig", oxigraph::io::RdfFormat::TriG),
        (
            "jsonld",
            oxigraph::io::RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        ),
        ("nt", oxigraph::io::RdfFormat::NTriples),
        ("ttl", oxigraph::io::RdfFormat::Turtle),
        ("rdfxml", oxigraph::io::RdfFormat::RdfXml),
    ] {
        let out = run(&["export", "--store", s(&store), "--format", flag]).stdout;
        let back = parse(format, &out);
        let want = if format.supports_datasets() {
            &quads
        } else {
            &triples
        };
        assert_eq!(&back, want, "{flag} does not round-trip");
    }
    // One article only.
    let one = run(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nq",
        "--article",
        "seed001",
    ])
    .stdout;
    let one = parse(oxigraph::io::RdfFormat::NQuads, &one);
    assert!(
        !one.is_empty()
            && one
                .iter()
                .all(|q| q.ends_with("<https://w3id.org/polgraph/id/article/seed001>"))
    );
    let o = run(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nq",
        "--article",
        "nope",
    ]);
    assert!(!o.status.success());
}

/// The examples' N-Quads are the reviewed `tests/golden/examples.nq` (the export is in the
/// store's order, the same from any store of the same articles); `POLGRAPH_BLESS=1` rewrites it.
#[test]
fn the_examples_export_as_their_golden_n_quads() {
    let (_d, store) = ingested();
    let nq = ok(&["export", "--store", s(&store), "--format", "nq"]);
    assert!(nq.lines().count() > 500, "{nq}");
    golden("examples.nq", &nq);
}
