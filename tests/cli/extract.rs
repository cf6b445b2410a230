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
            "descriptions.nq",
            "part-00000.nq",
            "part-00001.nq",
            "part-00002.nq",
            "tenures.nq"
        ]
    );
    // The shards, the tenures and the descriptions hold exactly what ingest stores.
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

/// The examples as JSON Lines, a record a line.
fn examples_jsonl(dir: &std::path::Path) -> PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let lines: Vec<String> = files
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": p.file_stem().unwrap().to_string_lossy(),
                "text": std::fs::read_to_string(p).unwrap(),
            })
            .to_string()
        })
        .collect();
    let path = dir.join("examples.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn extract_to_standard_output_streams_what_the_shards_hold() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shards");
    ok(&["extract", "--out", s(&out), s(&examples())]);
    let mut shards = BTreeSet::new();
    for e in std::fs::read_dir(&out).unwrap() {
        shards.extend(parse(
            oxigraph::io::RdfFormat::NQuads,
            &std::fs::read(e.unwrap().path()).unwrap(),
        ));
    }
    // Articles, then the tenures graph, then the descriptions graph.
    let o = run(&["extract", "--out", "-", s(&examples())]);
    assert!(o.status.success());
    assert_eq!(parse(oxigraph::io::RdfFormat::NQuads, &o.stdout), shards);
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("extracted 5 articles (759 quads), 135 quads of the tenures graph and 54 quads of the descriptions graph"));
    // With tenure facts instead: the articles' quads, and facts that merge into tenures.nq.
    let o = run(&["extract", "--out", "-", "--tenure-facts", s(&examples())]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let tenures = parse(
        oxigraph::io::RdfFormat::NQuads,
        &std::fs::read(out.join("tenures.nq")).unwrap(),
    );
    let articles: BTreeSet<_> = shards.difference(&tenures).cloned().collect();
    // The facts are N-Quads comments: the stream parses as the articles' quads and the
    // descriptions graph.
    assert_eq!(
        parse(oxigraph::io::RdfFormat::NQuads, text.as_bytes()),
        articles
    );
    let facts: String = text
        .lines()
        .filter(|l| l.starts_with("#tenure-fact\t"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(facts.lines().count(), 8);
    let facts_file = dir.path().join("facts");
    std::fs::write(&facts_file, &facts).unwrap();
    let merged = ok(&["extract", "--merge-tenures", "--out", "-", s(&facts_file)]);
    assert_eq!(
        parse(oxigraph::io::RdfFormat::NQuads, merged.as_bytes()),
        tenures
    );
    // A line that is no fact is refused with its line.
    std::fs::write(&facts_file, format!("{facts}<a> <b> <c> .\n")).unwrap();
    let o = run(&["extract", "--merge-tenures", "--out", "-", s(&facts_file)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("facts:9: not a tenure fact"));
}

#[test]
fn extract_numbers_a_slice_of_standard_input_as_its_file_and_skips_a_failing_article() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = examples_jsonl(dir.path());
    // As a partition starting at line 41 of corpus.jsonl; seed001 (its second line) fails.
    let o = bin()
        .args([
            "extract",
            "--out",
            "-",
            "--tenure-facts",
            "--first-line",
            "41",
            "--stdin-name",
            "corpus.jsonl",
            "-",
        ])
        .env("POLGRAPH_FAIL_ARTICLE", "seed001")
        .stdin(std::fs::File::open(&jsonl).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("polgraph: skipped corpus.jsonl:42: article \"seed001\": extraction failed"),
        "{err}"
    );
    let text = String::from_utf8(o.stdout).unwrap();
    let graphs: BTreeSet<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(" .")?.0.rsplit_once(' ').map(|(_, g)| g))
        // The descriptions graph of the units the articles name comes after them.
        .filter(|g| !g.ends_with("/id/graph/descriptions>"))
        .collect();
    assert_eq!(graphs.len(), 4, "{graphs:?}");
    assert!(!graphs.iter().any(|g| g.contains("seed001")));
    // A fact's order is its article's line in the file (seed002, line 43, states no post).
    let orders: BTreeSet<u64> = text
        .lines()
        .filter(|l| l.starts_with("#tenure-fact\t"))
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l.rsplit('\t').next().unwrap()).unwrap();
            v["min"]["description"][0].as_u64().unwrap()
        })
        .collect();
    assert_eq!(orders, BTreeSet::from([41, 44, 45]));
}

#[test]
fn an_out_that_is_a_file_is_said_to_be_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taken");
    std::fs::write(&file, "x").unwrap();
    let o = run(&["extract", "--out", s(&file), s(&examples())]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("is not a folder") && said.contains("--out -"),
        "{said}"
    );
    // The file is left as it was.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}
