//! `polgraph compact`: the files of a bulk load merged, the quads kept.

use std::path::{Path, PathBuf};

use crate::common::*;

#[test]
fn compact_merges_the_files_of_a_bulk_load_and_keeps_the_quads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    // Five chunks of 512 articles: several bulk batches, each a set of files over every index.
    ok(&["generate", "--count", "2200", "-o", s(&corpus)]);
    let (loose, tight) = (dir.path().join("loose"), dir.path().join("tight"));
    let o = run(&["ingest", "--no-compact", "--store", s(&loose), s(&corpus)]);
    assert!(o.status.success());
    ok(&["ingest", "--store", s(&tight), s(&corpus)]);
    let sst = |p: &Path| ssts(p).len();
    // The same store compacted by oxigraph's own `optimize`, for comparison.
    let theirs = dir.path().join("theirs");
    copy_dir(&loose, &theirs);
    oxigraph::store::Store::open(&theirs)
        .unwrap()
        .optimize()
        .unwrap();
    let before = sst(&loose);
    let o = run(&["compact", "--store", s(&loose)]);
    assert!(o.status.success());
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.starts_with(&format!("compacted {}", loose.display())),
        "{said}"
    );
    let after = sst(&loose);
    // One file a column family at most (12, 9 of them with data here). Before, the bulk load's
    // 15-21 files, unless RocksDB's own compactions in the background merged them as the ingest
    // closed the store (9 files before as after in one run of CI's in three).
    assert!(
        after <= before && after <= 12,
        "{before} files before, {after} after"
    );
    // The compaction opened the store with LZ4 on its last level, for every column family (the
    // OPTIONS file RocksDB writes as a store opens; the next open writes oxigraph's own).
    let lz4 = |store: &Path| {
        std::fs::read_dir(store)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("OPTIONS-")
            })
            .map(|p| {
                std::fs::read_to_string(p)
                    .unwrap()
                    .matches("bottommost_compression=kLZ4Compression")
                    .count()
            })
            .max()
            .unwrap_or(0)
    };
    assert!(lz4(&loose) >= 10, "{} column families in LZ4", lz4(&loose));
    assert_eq!(lz4(&theirs), 0);
    let export = ok(&["export", "--store", s(&loose), "--format", "nq"]);
    assert_eq!(
        export,
        ok(&["export", "--store", s(&tight), "--format", "nq"])
    );
    assert_eq!(
        export,
        ok(&["export", "--store", s(&theirs), "--format", "nq"])
    );
    // The last level in LZ4, where oxigraph's options leave it uncompressed: smaller (0.81 of
    // oxigraph's measured alone; 0.85-0.954 on a loaded machine, where the two compactions'
    // outputs vary from run to run, which made a bound of 0.95 fail there). The options above
    // say the level is compressed whatever the noise; this says it shows.
    // When RocksDB had merged the bulk load's files already (`before == after`), the last level
    // is not written again (a manual compaction skips it without a compaction filter), and the
    // sizes are the same: only a compaction that merged files is compared.
    let (ours, oxigraphs) = (bytes(&loose), bytes(&theirs));
    assert!(
        before == after || ours < oxigraphs,
        "{ours} bytes compacted here, {oxigraphs} by oxigraph"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// The SST files of a store.
fn ssts(store: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(store)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sst"))
        .collect()
}

/// The bytes of the SST files of a store.
fn bytes(store: &Path) -> u64 {
    ssts(store)
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum()
}
