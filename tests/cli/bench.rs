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

/// `bench --corpus`: the fixture's three articles repeated to 300, every figure of issue 30 in one
/// run, each command in a process of its own; the same figures the commands give on their own.
#[test]
fn bench_corpus_measures_real_articles_repeated_under_new_ids() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("bench");
    let fixture = root().join("tests/fixtures/articles.jsonl");
    let out = ok(&[
        "bench",
        "--corpus",
        s(&fixture),
        "--articles",
        "300",
        "--dir",
        s(&work),
        "--rounds",
        "2",
        "--json",
        s(&dir.path().join("figures.json")),
    ]);
    let json = std::fs::read_to_string(dir.path().join("figures.json")).unwrap();
    let all: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = &all[0];
    // The store `polgraph ingest` makes of the same articles (the fixture 100 times, the copies
    // under `ID~ROUND`), counted independently.
    let mut repeated = String::new();
    let lines: Vec<String> = std::fs::read_to_string(&fixture)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    for round in 0..100 {
        for l in &lines {
            let mut record: serde_json::Value = serde_json::from_str(l).unwrap();
            let id = record["id"].as_str().unwrap().to_string();
            if round > 0 {
                record["id"] = format!("{id}~{round}").into();
            }
            repeated.push_str(&record.to_string());
            repeated.push('\n');
        }
    }
    let corpus = dir.path().join("repeated.jsonl");
    std::fs::write(&corpus, repeated).unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    let out = format!("{out}\n{json}");
    // Every quad is in a named graph (an article's, the tenures', the identity links').
    let quads = csv(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    )[0][0]
        .parse::<u64>()
        .unwrap();
    let stored = &f["stored"];
    assert_eq!(stored["quads"], quads, "{out}");
    assert_eq!(stored["articles"], 300, "{out}");
    // Three distinct articles: quads per article is the store's count over 300, not a multiple of
    // one article's graph.
    assert_eq!(f["articles"], 300, "{out}");
    // The bulk loader loaded the same quads.
    assert_eq!(stored["reference_quads"], quads, "{out}");
    assert!(stored["reference"]["secs"].as_f64().unwrap() > 0.0, "{out}");
    // Its time over ingest's, in wall and CPU seconds.
    let ratio =
        stored["reference"]["secs"].as_f64().unwrap() / f["ingest"]["secs"].as_f64().unwrap();
    assert!(
        (f["ratio_patched"]["wall"].as_f64().unwrap() - ratio).abs() < 1e-9,
        "{out}"
    );
    assert!(f["ratio_patched"]["cpu"].as_f64().unwrap() > 0.0, "{out}");
    // Stock `oxigraph load` loaded the same quads too, where there is one on PATH.
    let stock = std::process::Command::new("oxigraph")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if stock {
        assert_eq!(f["stock"]["quads"], quads, "{out}");
        assert_eq!(f["stock"]["run"]["success"], true, "{out}");
        assert!(
            f["stock"]["version"]
                .as_str()
                .unwrap()
                .starts_with("oxigraph "),
            "{out}"
        );
        let ratio =
            f["stock"]["run"]["secs"].as_f64().unwrap() / f["ingest"]["secs"].as_f64().unwrap();
        assert!(
            (f["ratio_stock"]["wall"].as_f64().unwrap() - ratio).abs() < 1e-9,
            "{out}"
        );
        // Two rounds, alternated: the first is the ingest and the stock load above; the median
        // of two is the mean of their ratios.
        let rounds = f["rounds"].as_array().unwrap();
        assert_eq!(rounds.len(), 2, "{out}");
        assert_eq!(rounds[0]["ingest"]["secs"], f["ingest"]["secs"], "{out}");
        assert_eq!(
            rounds[0]["stock"]["secs"], f["stock"]["run"]["secs"],
            "{out}"
        );
        let ratio = |r: &serde_json::Value, k: &str| {
            r["stock"][k].as_f64().unwrap() / r["ingest"][k].as_f64().unwrap()
        };
        for (key, k) in [("wall", "secs"), ("cpu", "cpu_secs")] {
            let mean = (ratio(&rounds[0], k) + ratio(&rounds[1], k)) / 2.0;
            let median = f["ratio_stock_median"][key].as_f64().unwrap();
            assert!((median - mean).abs() < 1e-9, "{key}: {median} {mean} {out}");
        }
        assert_eq!(rounds[1]["ingest"]["success"], true, "{out}");
        assert!(out.contains("median of the rounds"), "{out}");
    } else {
        eprintln!("stock oxigraph load not compared: no `oxigraph` on PATH");
        assert!(f["stock"].is_null() && f["ratio_stock"].is_null(), "{out}");
        assert!(f["ratio_stock_median"].is_null(), "{out}");
    }
    // The phases of the ingest, as `ingest --verbose` says them.
    let phases: Vec<&str> = f["ingest_phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_str().unwrap())
        .collect();
    for name in ["load loop", "compaction", "kept files computed"] {
        assert!(phases.contains(&name), "{name} in {out}");
    }
    // Extraction alone: the file's three articles, each once.
    assert_eq!(f["extraction"]["articles"], 3, "{out}");
    assert!(f["extraction"]["secs"].as_f64().unwrap() > 0.0, "{out}");
    // Ingest and export ran to the end; the kernel counted each one's peak.
    for run in [&f["ingest"], &f["export"]] {
        assert_eq!(run["success"], true, "{out}");
        assert!(run["peak_rss_kb"].as_u64().unwrap() > 1024, "{out}");
    }
    assert!(f["store_bytes"].as_u64().unwrap() > 0, "{out}");
    // Every latency, each found what a user would see: the person of the first article by a
    // name typed without tone marks (`find`, `--param`, the server's search), the listings.
    let latencies = f["latencies"].as_array().unwrap();
    let labels: Vec<&str> = latencies
        .iter()
        .map(|l| l["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "find",
            "query with a folded --param",
            "serve: start to a search answered",
            "stats",
            "query people",
            "query tenures"
        ],
        "{out}"
    );
    for l in latencies {
        assert_eq!(l["run"]["success"], true, "{l}");
        assert!(l["run"]["peak_rss_kb"].as_u64().unwrap() > 1024, "{l}");
        assert!(l["rows"].as_u64().unwrap() > 0, "{l}");
    }
    assert!(
        latencies[0]["command"]
            .as_str()
            .unwrap()
            .starts_with("find \""),
        "{out}"
    );
    assert!(
        latencies[1]["command"]
            .as_str()
            .unwrap()
            .contains("--param \"person="),
        "{out}"
    );
    assert!(!work.exists(), "the bench left {}", work.display());
}

/// `bench --corpus` as a table: one column a size, every row there.
#[test]
fn bench_corpus_prints_a_table_of_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/articles.jsonl");
    let work = dir.path().join("bench");
    // Without stock oxigraph on PATH: the bench says so and measures the rest.
    let o = bin()
        .args([
            "bench",
            "--corpus",
            s(&fixture),
            "--articles",
            "2",
            "--articles",
            "4",
        ])
        .args(["--dir", s(&work)])
        .env("PATH", "")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.lines().any(
            |l| l.starts_with("| stock `oxigraph load` on the same N-Quads")
                && l.matches("not run: no `oxigraph` on PATH").count() == 2
        ),
        "{out}"
    );
    assert!(out.contains("| | 2 articles | 4 articles |"), "{out}");
    // One round without `--rounds`: no median to give.
    assert!(
        out.contains(
            "| rounds, alternated: ingest s (CPU s); stock `oxigraph load` s (CPU s) | one \
             (`--rounds N` for more) | one (`--rounds N` for more) |"
        ),
        "{out}"
    );
    for row in [
        "| extraction alone, MB/s per core",
        "| ingest, articles/s |",
        "| quads per article |",
        "| store, MB |",
        "| ingest peak RSS, MB |",
        "| bulk loader on the same quads, s; CPU s (quads it loaded) |",
        "| `export --format nq` to /dev/null: s, peak RSS |",
        "| find: `polgraph find ",
        "| query with a folded --param: `polgraph query person-posts --param ",
        "| serve: start to a search answered: ",
        "| stats: `polgraph stats`",
        "| query people: `polgraph query people`",
        "| query tenures: `polgraph query tenures`",
    ] {
        let line = out
            .lines()
            .find(|l| l.starts_with(row))
            .unwrap_or_else(|| panic!("no row {row:?} in {out}"));
        // Two sizes, two cells, none failed.
        assert_eq!(line.matches(" | ").count(), 2, "{line}");
        assert!(
            !line.contains("failed") && !line.contains("stopped"),
            "{line}"
        );
    }
    assert_eq!(
        out.lines()
            .find(|l| l.starts_with("| articles in the store |"))
            .unwrap(),
        "| articles in the store | 2 | 4 |",
        "{out}"
    );
}
