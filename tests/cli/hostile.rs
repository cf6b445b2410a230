//! Input that once ended a run or was lost (issue 27): a line that overflowed the stack, files
//! that are not regular files, markup, over-long paths. Each case runs through the binary; the
//! run goes on and stores the other articles.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;

/// The ids of the stored articles.
fn stored(store: &Path) -> BTreeSet<String> {
    csv(store, "articles")
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

const GOOD: &str = "Đồng chí Nguyễn Văn An - Bí thư Tỉnh ủy Hà Tĩnh phát biểu.";

/// Issue 27, item 1: a body followed by itself in parentheses overflowed the stack (exit 134),
/// and the good articles of the same run were lost.
#[test]
fn a_body_named_again_in_parentheses_neither_aborts_extract_nor_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(
        inp.join("a-tvu.txt"),
        "Hội nghị\n\nTrường Đại Học Trà Vinh(Trường Đại học Trà Vinh) tổ chức hội nghị.",
    )
    .unwrap();
    std::fs::write(inp.join("b-good.txt"), GOOD).unwrap();
    let out = dir.path().join("shards");
    let o = run(&["extract", "--out", s(&out), s(&inp)]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let nq = std::fs::read_to_string(out.join("part-00000.nq")).unwrap();
    assert!(nq.contains("\"Trường Đại học Trà Vinh\"@vi"), "{nq}");
    assert!(nq.contains("\"Nguyễn Văn An\" "), "{nq}");
    let store = dir.path().join("db");
    let o = run(&["ingest", "--store", s(&store), s(&inp)]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(
        stored(&store),
        ["a-tvu".to_string(), "b-good".to_string()].into()
    );
}
