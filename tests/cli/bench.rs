//! `polgraph bench`: each size measured in processes of its own.

use crate::common::*;

#[test]
fn bench_measures_each_size_in_processes_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("bench");
    let out = ok(&[
        "bench",
        "--articles",
        "40",
        "--dir",
        s(&work),
        "--long-article",
        "0.3",
    ]);
    // One long article's extraction, timed alone (issue 27, item 9).
    let long: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("| 0.3 |"))
        .unwrap_or_else(|| panic!("no row for one article of 0.3 MB in {out}"))
        .split('|')
        .map(str::trim)
        .collect();
    assert!(long[2].parse::<f64>().unwrap() > 0.0, "{out}");
    // The row of the size: the quads of the ingest are those `ingest` stores from the same
    // generated articles.
    let row: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("| 40 |"))
        .unwrap_or_else(|| panic!("no row for 40 articles in {out}"))
        .split('|')
        .map(str::trim)
        .collect();
    let corpus = dir.path().join("g.jsonl");
    ok(&["generate", "--count", "40", "--seed", "1", "-o", s(&corpus)]);
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    let quads = csv(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    assert_eq!(row[10], quads[0][0], "{out}");
    // The update phase ingested 40 new articles; every phase measured its peak memory.
    assert!(row[14].starts_with("40 in "), "{out}");
    for cell in [row[12], row[13], row[15]] {
        assert!(cell.parse::<f64>().unwrap() > 1.0, "{out}");
    }
    // Every selective question found rows: "LABEL FIRST, again AGAIN (ROWS)".
    let latencies = out.lines().find(|l| l.contains("40 articles:")).unwrap();
    for label in [
        "person-posts ",
        "person-statements ",
        "holders (huyện) ",
        "holders (tỉnh) ",
    ] {
        let at = latencies
            .find(label)
            .unwrap_or_else(|| panic!("{label} in {out}"));
        let rest = &latencies[at + label.len()..];
        let rows = &rest[rest.find('(').unwrap() + 1..rest.find(')').unwrap()];
        assert!(rows.parse::<usize>().unwrap() > 0, "{label} in {out}");
    }
    // Nothing is left behind.
    assert!(!work.exists());
}
