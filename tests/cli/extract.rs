//! `polgraph extract` (and `generate`): shards that load back as ingest stores them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::common::*;

#[test]
fn extract_writes_shards_that_load_back() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("gen.jsonl");
    ok(&["generate", "--count", "25", "--seed", "4", "-o", s(&corpus)]);
    // The same seed gives the same corpus.
    let again = dir.path().join("again.jsonl");
    ok(&["generate", "--count", "25", "--seed", "4", "-o", s(&again)]);
    assert_eq!(
        std::fs::read(&corpus).unwrap(),
        std::fs::read(&again).unwrap()
    );
    let out = dir.path().join("shards");
    ok(&[
        "extract",
        "--out",
        s(&out),
        "--shard-size",
        "10",
        s(&corpus),
    ]);
    let mut shards: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    shards.sort();
    assert_eq!(
        shards
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect::<Vec<_>>(),
        [
            "part-00000.nq",
            "part-00001.nq",
            "part-00002.nq",
            "tenures.nq"
        ]
    );
    // The shards and the tenures hold exactly what ingest stores.
    let mut from_shards = BTreeSet::new();
    for sh in &shards {
        from_shards.extend(parse(
            oxigraph::io::RdfFormat::NQuads,
            &std::fs::read(sh).unwrap(),
        ));
    }
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    let stored = parse(
        oxigraph::io::RdfFormat::NQuads,
        &run(&["export", "--store", s(&store), "--format", "nq"]).stdout,
    );
    assert_eq!(from_shards, stored);
    // Re-ingest into the now non-empty store takes the transactional path: same store.
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    assert_eq!(
        parse(
            oxigraph::io::RdfFormat::NQuads,
            &run(&["export", "--store", s(&store), "--format", "nq"]).stdout
        ),
        stored
    );
}
