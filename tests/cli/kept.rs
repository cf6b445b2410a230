//! What ingest keeps beside the store (the name index, the listings, the counts of `stats`):
//! written by the ingest, read as it was written after a reopen, brought up to date by an
//! ingest into the store, computed again when missing or stale, always what a scan answers.

use crate::common::*;
use polgraph::pipeline::summary::{Counts, Network};
use polgraph::query::search::Index;
use polgraph::store::Store;
use std::path::Path;

/// The kept files of a store, by name.
fn kept_files(store: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(store)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("polgraph-"))
        .collect();
    names.sort();
    names
}

/// Whether the kept index is the one a scan builds, and the kept counts and listings what a
/// scan answers (the same query read from its file is not kept: scanned).
fn assert_kept_is_the_scan(store: &Path) {
    let db = Store::open_read_only(store).unwrap();
    let kept = Index::kept(&db).expect("the index is kept for the store as it is");
    let built = Index::build(&db).unwrap();
    assert_eq!(kept.hits(), built.hits());
    assert_eq!(kept.roles(), built.roles());
    assert_eq!(Counts::open(&db).unwrap(), Counts::compute(&db).unwrap());
    assert_eq!(
        Network::kept(&db).expect("the network is kept for the store as it is"),
        Network::compute(&db).unwrap()
    );
    drop(db);
    for q in polgraph::query::kept::KEPT {
        let file = root().join(format!("queries/{q}.rq"));
        for format in ["csv", "json"] {
            assert_eq!(
                ok(&["query", "--store", s(store), q, "--format", format]),
                ok(&["query", "--store", s(store), s(&file), "--format", format]),
                "{q} as {format}"
            );
        }
    }
}

#[test]
fn the_ingest_keeps_the_index_listings_and_counts_and_a_reopen_reads_them() {
    let (_d, store) = ingested();
    assert_eq!(
        kept_files(&store),
        [
            "polgraph-answer-articles",
            "polgraph-answer-people",
            "polgraph-answer-stats",
            "polgraph-answer-tenures",
            "polgraph-counts",
            "polgraph-names",
            "polgraph-network"
        ]
    );
    assert_kept_is_the_scan(&store);
    // Reading commands write nothing: the files stay as the ingest wrote them.
    let before: Vec<_> = kept_files(&store)
        .iter()
        .map(|f| std::fs::read(store.join(f)).unwrap())
        .collect();
    ok(&["find", "--store", s(&store), "nguyen"]);
    ok(&["stats", "--store", s(&store)]);
    ok(&["query", "--store", s(&store), "people"]);
    let after: Vec<_> = kept_files(&store)
        .iter()
        .map(|f| std::fs::read(store.join(f)).unwrap())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn an_ingest_into_the_store_brings_the_index_up_to_date() {
    let (d, store) = ingested();
    assert!(ok(&["find", "--store", s(&store), "duong van tuyen"]).contains("Dương Văn Tuyến"));
    // A new article on a new person, and seed004 (Dương Văn Tuyến's) replaced by a text on
    // another.
    let more = d.path().join("more.jsonl");
    std::fs::write(
        &more,
        concat!(
            r#"{"id": "x1", "text": "Hà Tĩnh họp\n\nDự có đồng chí Trần Quốc Vượng - Phó Chủ tịch UBND tỉnh Hà Tĩnh."}"#,
            "\n",
            r#"{"id": "seed004", "text": "Nghệ An họp\n\nDự có đồng chí Lê Văn Tâm - Chủ tịch UBND tỉnh Nghệ An."}"#,
            "\n"
        ),
    )
    .unwrap();
    ok(&["ingest", "--store", s(&store), s(&more)]);
    assert_kept_is_the_scan(&store);
    let found = ok(&["find", "--store", s(&store), "tran quoc vuong"]);
    assert!(
        found.contains("Trần Quốc Vượng\ttỉnh Hà Tĩnh\t1"),
        "{found}"
    );
    assert!(ok(&["find", "--store", s(&store), "le van tam"]).contains("Lê Văn Tâm"));
    // Gone with the article replaced.
    let o = run(&[
        "find",
        "--store",
        s(&store),
        "--kind",
        "person",
        "duong van tuyen",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // The new role reads as typed.
    let rows = csv_with(&store, "holders", &["role=pho chu tich", "place=ha tinh"]);
    assert!(
        rows.iter()
            .any(|r| r.contains(&"Trần Quốc Vượng".to_string())),
        "{rows:?}"
    );
}

/// The body of the kept file `name` (after its header and stamp), if it is kept for the store
/// as it is.
fn kept_body(store: &Path, name: &str) -> String {
    let text = std::fs::read_to_string(store.join(format!("polgraph-{name}"))).unwrap();
    let (_, rest) = text.split_once('\n').unwrap();
    let (stamp, body) = rest.split_once('\n').unwrap();
    assert_eq!(
        stamp.strip_prefix("stamp "),
        Some(polgraph::store::kept::stamp(store).as_str()),
        "{name}: kept for the store as it is"
    );
    body.to_string()
}

#[test]
fn what_an_ingest_into_the_store_keeps_is_what_an_ingest_of_all_at_once_keeps() {
    let (d, store) = ingested();
    // New articles (one on a person seed001 names, Nguyễn Thanh Lâm, and a new one), then
    // seed004 replaced, and seed002 replaced by a text that names Nguyễn Văn Hải as seed001
    // does.
    let new = d.path().join("new.jsonl");
    std::fs::write(
        &new,
        concat!(
            r#"{"id": "x1", "text": "Hà Tĩnh họp\n\nDự có đồng chí Nguyễn Thanh Lâm - Trưởng phòng Chính sách cán bộ Ban Tổ chức Tỉnh ủy và đồng chí Trần Quốc Vượng - Phó Chủ tịch UBND tỉnh Hà Tĩnh."}"#,
            "\n",
        ),
    )
    .unwrap();
    let replaced = d.path().join("replaced.jsonl");
    std::fs::write(
        &replaced,
        concat!(
            r#"{"id": "seed004", "text": "Nghệ An họp\n\nDự có đồng chí Lê Văn Tâm - Chủ tịch UBND tỉnh Nghệ An."}"#,
            "\n",
            r#"{"id": "seed002", "text": "Hồng Lĩnh họp\n\nDự có đồng chí Nguyễn Văn Hải - Phó Bí thư Thường trực Thị ủy Hồng Lĩnh."}"#,
            "\n",
        ),
    )
    .unwrap();
    ok(&["ingest", "--store", s(&store), s(&new)]);
    ok(&["ingest", "--store", s(&store), s(&replaced)]);
    let all = d.path().join("all");
    ok(&[
        "ingest",
        "--store",
        s(&all),
        s(&examples()),
        s(&new),
        s(&replaced),
    ]);
    for name in [
        "names",
        "counts",
        "network",
        "answer-people",
        "answer-stats",
        "answer-tenures",
    ] {
        assert_eq!(kept_body(&store, name), kept_body(&all, name), "{name}");
    }
    let counts = kept_body(&store, "counts");
    assert!(counts.starts_with("articles 6\n"), "{counts}");
    assert!(kept_body(&store, "answer-people").contains("Lê Văn Tâm"));
    assert!(!kept_body(&store, "answer-people").contains("Dương Văn Tuyến"));
    assert_kept_is_the_scan(&store);
    // The bulk load counted its counts and network from its graphs as it went, and took back
    // from them the two articles replaced later in its input: what a scan counts.
    assert_kept_is_the_scan(&all);
}

#[test]
fn a_stale_or_missing_kept_file_is_computed_again() {
    let (_d, store) = ingested();
    // Another program writes into the store (an article graph with a person polgraph never
    // saw): every kept file is stale.
    {
        use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
        let db = Store::open(&store).unwrap();
        let g = "https://w3id.org/polgraph/id/article/foreign";
        let p =
            NamedNode::new("https://w3id.org/polgraph/id/person/vn/zed-foreign-000000").unwrap();
        let graph = GraphName::NamedNode(NamedNode::new(g).unwrap());
        let quads = [
            Quad::new(
                p.clone(),
                NamedNode::new("http://www.w3.org/1999/02/22-rdf-syntax-ns#type").unwrap(),
                NamedNode::new("http://xmlns.com/foaf/0.1/Person").unwrap(),
                graph.clone(),
            ),
            Quad::new(
                p,
                NamedNode::new("http://xmlns.com/foaf/0.1/name").unwrap(),
                Literal::new_simple_literal("Zed Foreign"),
                graph,
            ),
        ];
        db.set_graph(g, &quads).unwrap();
    }
    {
        let db = Store::open_read_only(&store).unwrap();
        assert!(Index::kept(&db).is_none(), "stale");
    }
    // Never answered from the stale files: the person is found, the article and quads counted.
    assert!(ok(&["find", "--store", s(&store), "zed"]).contains("Zed Foreign"));
    let stats = ok(&["stats", "--store", s(&store)]);
    assert!(stats.contains("articles  6"), "{stats}");
    // ... and kept again by the readers that computed them.
    assert_kept_is_the_scan(&store);
    // A missing file: computed again, and kept.
    std::fs::remove_file(store.join("polgraph-names")).unwrap();
    assert!(ok(&["find", "--store", s(&store), "zed"]).contains("Zed Foreign"));
    assert!(store.join("polgraph-names").is_file());
    // A file cut short is no index.
    let text = std::fs::read_to_string(store.join("polgraph-names")).unwrap();
    std::fs::write(store.join("polgraph-names"), &text[..text.len() - 4]).unwrap();
    let db = Store::open_read_only(&store).unwrap();
    assert!(Index::kept(&db).is_none());
    assert!(Index::open(&db).unwrap().find("zed", &[], 5)[0].label == "Zed Foreign");
}

#[test]
fn a_compaction_keeps_what_was_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    ok(&[
        "ingest",
        "--no-compact",
        "--store",
        s(&store),
        s(&examples()),
    ]);
    // Left uncompacted, the store is slow to scan: nothing is kept until `compact`, which keeps
    // it all.
    assert!(kept_files(&store).is_empty());
    ok(&["compact", "--store", s(&store)]);
    assert_eq!(kept_files(&store).len(), 7);
    assert_kept_is_the_scan(&store);
    // Compacted again: what was kept is kept for the new files.
    ok(&["compact", "--store", s(&store)]);
    let db = Store::open_read_only(&store).unwrap();
    assert!(Index::kept(&db).is_some());
    drop(db);
    assert_kept_is_the_scan(&store);
}
