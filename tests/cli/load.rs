//! `polgraph load`: N-Quads part files (from `extract`, or a Spark job) into a new store, the
//! same store as ingest makes.

use crate::common::*;

#[test]
fn load_of_extracted_parts_gives_the_store_of_ingest() {
    let (d, ingested) = ingested();
    let parts = d.path().join("out");
    ok(&[
        "extract",
        "--out",
        s(&parts),
        "--shard-size",
        "2",
        s(&examples()),
    ]);
    // What Spark writes beside its part files: passed over.
    std::fs::write(parts.join("_SUCCESS"), "").unwrap();
    std::fs::write(parts.join(".part-00000.nq.crc"), "not N-Quads").unwrap();
    std::fs::create_dir(parts.join("sub")).unwrap();
    std::fs::rename(parts.join("tenures.nq"), parts.join("sub/part-00009")).unwrap();
    let store = d.path().join("loaded");
    let o = run(&["load", "--store", s(&store), s(&parts)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("loaded 5 articles (759 quads, and 135 in the tenures graph, 54 in the descriptions graph) into")
            && err.contains("bulk-loaded into an empty store and compacted in")
            // Three shards, the tenures graph, the descriptions graph.
            && err.contains("from 5 files"),
        "{err}"
    );
    let export = |store: &std::path::Path| ok(&["export", "--store", s(store), "--format", "nq"]);
    assert_eq!(export(&store), export(&ingested));
    // The shipped queries answer alike.
    assert_eq!(csv(&store, "holders"), csv(&ingested, "holders"));
    assert_eq!(csv(&store, "offices"), csv(&ingested, "offices"));
    // A store with something in it is refused.
    let o = run(&["load", "--store", s(&store), s(&parts)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the store is not empty"));
}

#[test]
fn load_reports_a_bad_line_with_its_file_and_loads_the_rest() {
    let d = tempfile::tempdir().unwrap();
    let parts = d.path().join("out");
    ok(&["extract", "--out", s(&parts), s(&examples())]);
    let bad = parts.join("part-00001.nq");
    std::fs::write(
        &bad,
        "<https://example.org/s> <https://example.org/p> \"o\" <https://example.org/g> .\nnot a quad\n",
    )
    .unwrap();
    let store = d.path().join("db");
    let o = run(&["load", "--store", s(&store), "--no-compact", s(&parts)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("polgraph: skipped {}:2:", bad.display())),
        "{err}"
    );
    assert!(err.contains("loaded 6 articles"), "{err}");
    assert!(err.contains("not compacted"), "{err}");
    // Nothing to load: an error, not an empty store.
    let empty = d.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = run(&["load", "--store", s(&d.path().join("db2")), s(&empty)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no N-Quads files"));
}
