//! The descriptions graph: a unit described once for every article that names it, the same
//! however the articles arrive, and taken back once no article names it.

use std::path::Path;

use crate::common::*;

const DESCRIBED: &str = "<https://w3id.org/polgraph/id/graph/descriptions> .";

/// The quads of the descriptions graph in a store, sorted.
fn described(store: &Path) -> Vec<String> {
    graph_quads(store, "https://w3id.org/polgraph/id/graph/descriptions")
}

/// The labels of the units described, sorted.
fn labels(store: &Path) -> Vec<String> {
    let mut labels: Vec<String> = described(store)
        .iter()
        .filter(|l| l.contains("core#prefLabel"))
        .filter_map(|l| l.split('"').nth(1).map(String::from))
        .collect();
    labels.sort();
    labels
}

/// Bulk into an empty store, two ingests, a replacement, `extract --out DIR` then `load`: one
/// descriptions graph; no article graph describes a unit any more.
#[test]
fn the_descriptions_graph_is_the_same_however_the_articles_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, head, tail) = split_corpus(dir.path(), 200, 5, 80);

    let all = dir.path().join("all");
    ok(&["ingest", "--store", s(&all), s(&corpus)]);
    let bulk = described(&all);
    assert!(bulk.len() > 50, "{}", bulk.len());
    let export = ok(&["export", "--store", s(&all), "--format", "nq"]);
    let in_articles = export
        .lines()
        .filter(|l| l.contains("/id/article/"))
        .filter(|l| l.starts_with("<https://w3id.org/polgraph/id/place/"))
        .filter(|l| !l.contains("core#altLabel"))
        .count();
    assert_eq!(in_articles, 0, "an article graph describes a unit");

    let parts = dir.path().join("parts");
    ok(&["ingest", "--store", s(&parts), s(&head)]);
    ok(&["ingest", "--store", s(&parts), s(&tail)]);
    assert_eq!(described(&parts), bulk);
    // Every article again: each replaced, the units it names described still.
    ok(&["ingest", "--store", s(&parts), s(&corpus)]);
    assert_eq!(described(&parts), bulk);

    let shards = dir.path().join("shards");
    ok(&["extract", "--out", s(&shards), s(&corpus)]);
    let loaded = dir.path().join("loaded");
    ok(&["load", "--store", s(&loaded), s(&shards)]);
    assert_eq!(described(&loaded), bulk);
    assert_eq!(
        ok(&["export", "--store", s(&loaded), "--format", "nq"]),
        export,
        "a store loaded from extract's files is the ingested one"
    );
    // The stream ends with the same graph.
    let mut streamed: Vec<String> = ok(&["extract", "--out", "-", s(&corpus)])
        .lines()
        .filter(|l| l.ends_with(DESCRIBED))
        .map(String::from)
        .collect();
    streamed.sort();
    assert_eq!(streamed, bulk);
}

/// A unit leaves the descriptions graph when the last article that names it (or a unit within
/// it) is replaced; the province of a district another article names stays.
#[test]
fn a_unit_no_article_names_any_more_is_no_longer_described() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let first = write(
        "first.jsonl",
        "{\"id\": \"a\", \"text\": \"Ngày 3/5/2024, đồng chí Dương Văn Tuyến, Bí thư Huyện ủy Ba Bể, đã làm việc với xã Quảng Khê.\"}\n\
         {\"id\": \"b\", \"text\": \"Ngày 4/5/2024, tỉnh Bắc Kạn tổ chức hội nghị.\"}\n",
    );
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&first)]);
    assert_eq!(
        labels(&store),
        ["huyện Ba Bể", "tỉnh Bắc Kạn", "xã Quảng Khê"]
    );
    let places = |store: &Path| {
        csv(store, "localities")
            .into_iter()
            .map(|r| r.join(" "))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        places(&store),
        ["a huyện Ba Bể", "a xã Quảng Khê", "b tỉnh Bắc Kạn"]
    );

    // Article a now names Hà Tĩnh alone: Ba Bể and Quảng Khê go, Bắc Kạn stays (b names it).
    let again = write(
        "again.jsonl",
        "{\"id\": \"a\", \"text\": \"Ngày 3/5/2024, đồng chí Nguyễn Văn Hải làm việc tại tỉnh Hà Tĩnh.\"}\n",
    );
    ok(&["ingest", "--store", s(&store), s(&again)]);
    assert_eq!(labels(&store), ["tỉnh Bắc Kạn", "tỉnh Hà Tĩnh"]);
    assert_eq!(places(&store), ["a tỉnh Hà Tĩnh", "b tỉnh Bắc Kạn"]);
    let found = ok(&["find", "--store", s(&store), "--kind", "place", "ba be"]);
    assert!(!found.contains("Ba Bể"), "{found}");

    // And b names no place any more: Bắc Kạn goes too.
    let last = write(
        "last.jsonl",
        "{\"id\": \"b\", \"text\": \"Ngày 4/5/2024, hội nghị được tổ chức.\"}\n",
    );
    ok(&["ingest", "--store", s(&store), s(&last)]);
    assert_eq!(labels(&store), ["tỉnh Hà Tĩnh"]);
    // The descriptions graph is not an article.
    let stats = ok(&["stats", "--store", s(&store)]);
    assert!(
        stats
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["articles", "2"]),
        "{stats}"
    );
}

/// `export --article` gives the article's graph with the descriptions of the units it names.
#[test]
fn an_article_exported_alone_comes_with_its_units() {
    let (_d, store) = ingested();
    let nq = ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nq",
        "--article",
        "seed004",
    ]);
    let units: Vec<&str> = nq
        .lines()
        .filter(|l| l.ends_with(DESCRIBED) && l.contains("core#prefLabel"))
        .collect();
    assert!(
        units.iter().any(|l| l.contains("\"huyện Ba Bể\"@vi")),
        "{nq}"
    );
    assert!(
        units.iter().any(|l| l.contains("\"tỉnh Bắc Kạn\"@vi")),
        "{nq}"
    );
    assert!(
        !units.iter().any(|l| l.contains("Hà Tĩnh")),
        "another article's unit: {nq}"
    );
}
