//! `polgraph stats`: counts, and the message of a store held by another process.

use std::collections::BTreeSet;

use crate::common::*;

#[test]
fn stats_counts_articles_and_kinds() {
    let (_d, store) = ingested();
    let out = ok(&["stats", "--store", s(&store)]);
    assert!(out.contains("articles  5"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("persons") && l.contains('│')),
        "{out}"
    );
    // A tenure for each person, role, organization and former flag stated.
    let tenures: BTreeSet<Vec<String>> = csv(&store, "offices")
        .into_iter()
        .map(|r| r[1..5].to_vec())
        .collect();
    let line = out
        .lines()
        .find(|l| l.starts_with("tenures"))
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        line.split('│').nth(1).map(str::trim),
        Some(tenures.len().to_string().as_str()),
        "{out}"
    );
}

/// The identity graph (namesakes linked across articles) is not an article: the page's fixtures
/// make one, and `stats` counts their five articles, not six. (The store's folder does not exist
/// yet: ingest makes it, parents included.)
#[test]
fn the_identity_graph_is_not_counted_as_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("new/folder/db");
    ok(&[
        "ingest",
        "--store",
        s(&store),
        s(&root().join("tests/fixtures/page")),
    ]);
    let links = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "tsv",
        "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/polgraph/id/graph/identity> { ?s ?p ?o } }",
    ]);
    assert_ne!(
        links.lines().nth(1),
        Some("0"),
        "no identity graph: {links}"
    );
    let out = ok(&["stats", "--store", s(&store)]);
    assert!(out.contains("articles  5"), "{out}");
}

#[test]
fn a_held_store_gives_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let _held = polgraph::store::Store::open(&store).unwrap();
    // Reading commands open the store read-only: a held store still answers them.
    let o = run(&["stats", "--store", s(&store)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Writing into it waits for nobody: a clear message.
    let o = run(&["ingest", "--store", s(&store), s(&examples())]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("in use by another"), "{err}");
    // The compaction opens the store with RocksDB itself: the same lock, the same error.
    let e = polgraph::store::compaction::compact(&store, 2).unwrap_err();
    assert!(
        matches!(e, polgraph::error::Error::StoreLocked { .. }),
        "{e}"
    );
}
