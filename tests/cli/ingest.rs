//! `polgraph ingest`: what it reads, what it reports and skips, what it stores, and stores it
//! leaves behind when it is killed.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;

#[test]
fn ingest_then_query_offices() {
    let (_d, store) = ingested();
    let rows = csv(&store, "offices");
    let has = |doc: &str, person: &str, role: &str, org: &str| {
        rows.iter()
            .any(|r| r[0] == doc && r[1] == person && r[2] == role && r[3] == org)
    };
    assert!(
        has(
            "seed001",
            "Nguyễn Văn Hải",
            "Phó Bí thư Thường trực",
            "Thị ủy Hồng Lĩnh"
        ),
        "{rows:?}"
    );
    assert!(has(
        "seed001",
        "Nguyễn Văn Hải",
        "Chủ tịch",
        "Hội đồng nhân dân thị xã Hồng Lĩnh"
    ));
    assert!(has(
        "seed004",
        "Dương Văn Tuyến",
        "Ủy viên",
        "Tỉnh ủy Bắc Kạn"
    ));
    assert!(has(
        "seed000",
        "Bùi Văn Sáu",
        "Trưởng ban",
        "Ban Tổ chức Tỉnh ủy Hậu Giang"
    ));
    let articles = csv(&store, "articles");
    assert!(articles
        .iter()
        .any(|r| r[0] == "seed001" && r[2] == "2017-02-21" && r[3] == "Lê Hồng Hạnh"));
}

#[test]
fn events_dates_and_terms() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    ok(&[
        "ingest",
        "--store",
        s(&store),
        s(&root().join("tests/fixtures/articles.jsonl")),
    ]);
    let rows = csv(&store, "events");
    // The headline and the text name one congress.
    let congresses: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] == "Đại hội").collect();
    assert_eq!(congresses.len(), 1, "{rows:?}");
    let congress = congresses[0];
    assert_eq!(
        congress[2],
        "Đại hội đại biểu Đảng bộ huyện Kim Thành lần thứ XXVI"
    );
    // `Sáng 20/7` takes the year of the article's date.
    assert_eq!(congress[3], "2020-07-20");
    assert_eq!(congress[4], "Đảng bộ huyện Kim Thành");
    let events = ok(&["query", "--store", s(&store), "--format", "tsv", "events"]);
    assert!(
        events.contains("Nguyễn Văn An") && events.contains("Trần Thị Bình"),
        "{events}"
    );
    let term = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "sparql-tsv",
        "SELECT ?t WHERE { ?e <https://w3id.org/polgraph/ontology#term> ?t }",
    ]);
    assert_eq!(term.lines().nth(1), Some("\"2020-2025\""));
    // doc, type, id, date, issuer (then the issuer's IRI and scope).
    let docs: Vec<Vec<String>> = csv(&store, "documents")
        .into_iter()
        .map(|r| r[..5].to_vec())
        .collect();
    assert_eq!(
        docs,
        [[
            "fixture-congress",
            "Nghị quyết",
            "26-NQ/TW",
            "2018-05-19",
            "Ban Chấp hành Trung ương"
        ]]
    );
}

#[test]
fn reingesting_leaves_the_store_as_after_once() {
    let (d, store) = ingested();
    let once = ok(&["export", "--store", s(&store), "--format", "nq"]);
    ok(&["ingest", "--store", s(&store), s(&examples())]);
    let twice = ok(&["export", "--store", s(&store), "--format", "nq"]);
    assert_eq!(once, twice);
    // The same articles into a fresh store give byte-identical output (deterministic).
    let other = d.path().join("db2");
    ok(&["ingest", "--store", s(&other), s(&examples())]);
    assert_eq!(
        once,
        ok(&["export", "--store", s(&other), "--format", "nq"])
    );
    // Compacted or not, the same quads.
    let loose = d.path().join("db3");
    let o = run(&[
        "ingest",
        "--no-compact",
        "--store",
        s(&loose),
        s(&examples()),
    ]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("not compacted"), "{said}");
    assert_eq!(
        once,
        ok(&["export", "--store", s(&loose), "--format", "nq"])
    );
}

/// oxigraph's bulk loader as patched in `vendor/oxigraph` (its files moved into the store, its
/// keys sorted on an inline prefix) stores exactly what transactions store, and leaves none of
/// its files behind.
#[test]
fn a_bulk_load_stores_what_transactions_store() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    ok(&[
        "generate",
        "--count",
        "300",
        "--seed",
        "5",
        "-o",
        s(&corpus),
    ]);
    let text = std::fs::read_to_string(&corpus).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let (one, others) = (dir.path().join("one.jsonl"), dir.path().join("rest.jsonl"));
    std::fs::write(&one, format!("{first}\n")).unwrap();
    std::fs::write(&others, rest).unwrap();

    let bulk = dir.path().join("bulk");
    let o = run(&["ingest", "--no-compact", "--store", s(&bulk), s(&corpus)]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("300 articles"));
    let left: Vec<_> = std::fs::read_dir(&bulk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bulk-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // One article bulk-loaded, then 299 added by transactions.
    let by_transactions = dir.path().join("transactions");
    ok(&["ingest", "--store", s(&by_transactions), s(&one)]);
    let o = run(&["ingest", "--store", s(&by_transactions), s(&others)]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("299 articles") && !said.contains("bulk"),
        "{said}"
    );
    let export = ok(&["export", "--store", s(&bulk), "--format", "nq"]);
    assert!(
        export.lines().count() > 50_000,
        "{}",
        export.lines().count()
    );
    assert_eq!(
        export,
        ok(&["export", "--store", s(&by_transactions), "--format", "nq"])
    );
}

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(inp.join("latin1.txt"), b"Ch\xe1 t\xe0ch t\xecnh").unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Tỉnh ủy".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    std::fs::write(inp.join("utf16.txt"), utf16).unwrap();
    std::fs::write(inp.join("binary.txt"), [0u8, 1, 2, 3, 0, 0, 7]).unwrap();
    std::fs::write(inp.join("empty.txt"), b"").unwrap();
    std::fs::write(
        inp.join("good.txt"),
        "Tin\n\nĐồng chí Nguyễn Văn An - Bí thư Tỉnh ủy Hà Tĩnh phát biểu.",
    )
    .unwrap();
    std::fs::write(
        inp.join("records.jsonl"),
        "{\"id\": \"r1\", \"text\": \"Ông Trần Văn Bình, Chủ tịch UBND tỉnh Nghệ An.\"}\n{\"id\": \"r2\", \"text\": \n{\"text\": \"no id\"}\n",
    )
    .unwrap();
    let store = dir.path().join("db");
    let o = run(&["ingest", "--store", s(&store), s(&inp)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("latin1.txt: not UTF-8"), "{err}");
    assert!(err.contains("utf16.txt: UTF-16"), "{err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(
        err.contains("records.jsonl:2: malformed JSON Lines record"),
        "{err}"
    );
    assert!(
        err.contains("records.jsonl:3: record has no usable \"id\""),
        "{err}"
    );
    assert!(err.contains("ingested 2 articles"), "{err}");
    let docs: BTreeSet<String> = csv(&store, "articles")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(docs, ["good".to_string(), "r1".to_string()].into());
}

#[test]
fn jsonl_metadata_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let mut child = bin()
        .args(["ingest", "--store", s(&store), "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("{\"id\": \"a1\", \"title\": \"Tiêu đề\", \"date\": \"2024-07-19\", \"text\": \"Nội dung.\"}\n".as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let rows = csv(&store, "articles");
    assert_eq!(rows, [["a1", "Tiêu đề", "2024-07-19", ""]]);
}

#[test]
fn one_articles_failure_and_a_symlink_loop_are_reported_and_the_rest_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    for e in std::fs::read_dir(examples()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
    }
    // A loop back to the folder, and a second link to it.
    std::os::unix::fs::symlink("..", input.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(&input, input.join("again")).unwrap();
    let store = dir.path().join("db");
    for (store, fail) in [(&store, Some("seed001")), (&dir.path().join("clean"), None)] {
        let mut cmd = bin();
        cmd.args(["ingest", "--store", s(store), s(&input)]);
        if let Some(id) = fail {
            cmd.env("POLGRAPH_FAIL_ARTICLE", id);
        }
        let o = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        // Each link reported once, not followed: every article is read once.
        assert_eq!(err.matches("not followed").count(), 2, "{err}");
        if fail.is_some() {
            assert_eq!(o.status.code(), Some(1), "{err}");
            assert!(
                err.contains("article \"seed001\": extraction failed"),
                "{err}"
            );
            assert!(err.contains("ingested 4 articles"), "{err}");
        } else {
            assert!(err.contains("ingested 5 articles"), "{err}");
        }
    }
    let docs: BTreeSet<String> = csv(&store, "articles")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(docs.len(), 4);
    assert!(
        !docs.contains("seed001") && docs.contains("seed004"),
        "{docs:?}"
    );
}

#[test]
fn names_that_differ_by_a_tone_are_two_people() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tones.txt");
    std::fs::write(
        &input,
        "Hà Tĩnh họp\n\nDự có đồng chí Nguyễn Văn Hải - Bí thư Tỉnh ủy Hà Tĩnh và đồng chí \
         Nguyễn Văn Hài - Chủ tịch UBND tỉnh Hà Tĩnh.\n",
    )
    .unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&input)]);
    for (name, role) in [("Nguyễn Văn Hải", "Bí thư"), ("Nguyễn Văn Hài", "Chủ tịch")]
    {
        let rows = csv_with(&store, "person-posts", &[&format!("person={name}")]);
        assert_eq!(rows.len(), 1, "{name}: {rows:?}");
        assert_eq!(rows[0][1], role, "{name}: {rows:?}");
    }
    let people = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "tsv",
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }",
    ]);
    assert_eq!(people.lines().nth(1), Some("2"), "{people}");
}

#[test]
fn control_characters_are_neither_stored_nor_printed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hostile.jsonl");
    let osc = "\u{1b}]0;pwned\u{7}";
    let link = "\u{1b}]8;;http://evil.example/\u{1b}\\";
    let records = [
        serde_json::json!({"id": "ok-1", "title": format!("Tin {osc}Hà Tĩnh"),
            "source": format!("Báo{link}"),
            "text": format!("Hà Tĩnh\n\nĐồng chí Nguyễn Văn Hải{osc} - Bí thư Tỉnh ủy Hà Tĩnh{link}, dự họp.\u{9b}")}),
        serde_json::json!({"id": "bad\u{1b}[2J", "text": "Tỉnh ủy Hà Tĩnh họp."}),
    ];
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let store = dir.path().join("db");
    let o = run(&["ingest", "--store", s(&store), s(&input)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("hostile.jsonl:2") && err.contains("control character"),
        "{err}"
    );
    // Nothing stored has a control character: the export is free of them.
    let nq = ok(&["export", "--store", s(&store), "--format", "nq"]);
    assert!(!nq.chars().any(|c| c.is_control() && c != '\n'), "{nq}");
    assert!(nq.contains("Nguyễn Văn Hải"));
    // The post is still read, across the escapes.
    let offices = csv(&store, "offices");
    assert!(
        offices
            .iter()
            .any(|r| r[1] == "Nguyễn Văn Hải" && r[3] == "Tỉnh ủy Hà Tĩnh"),
        "{offices:?}"
    );
    for format in ["table", "csv", "tsv"] {
        let out = ok(&[
            "query",
            "--store",
            s(&store),
            "--format",
            format,
            "articles",
        ]);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{format}: {out}"
        );
    }
}

/// The quads of each graph of a store: graph IRI -> count.
fn graph_sizes(store: &Path) -> std::collections::BTreeMap<String, u64> {
    let out = ok(&[
        "query",
        "--store",
        s(store),
        "--format",
        "tsv",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    ]);
    out.lines()
        .skip(1)
        .map(|l| {
            let (g, n) = l.split_once('\t').unwrap();
            (g.to_string(), n.parse().unwrap())
        })
        .collect()
}

fn sorted_export(store: &Path) -> Vec<String> {
    let mut lines: Vec<String> = ok(&["export", "--store", s(store), "--format", "nq"])
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn an_ingest_killed_at_any_point_leaves_a_store_that_a_reingest_makes_whole() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    ok(&["generate", "--count", "200", "-o", s(&corpus)]);
    // The two paths: a bulk load into an empty store, transactions into one that has articles.
    for first in [None, Some(examples())] {
        let build = |store: &Path| {
            if let Some(e) = &first {
                ok(&["ingest", "--store", s(store), s(e)]);
            }
        };
        let clean = dir.path().join("clean");
        let _ = std::fs::remove_dir_all(&clean);
        build(&clean);
        ok(&["ingest", "--store", s(&clean), s(&corpus)]);
        let (clean_sizes, clean_export) = (graph_sizes(&clean), sorted_export(&clean));
        for ms in [40, 200, 500] {
            let store = dir.path().join(format!("killed-{ms}"));
            let _ = std::fs::remove_dir_all(&store);
            build(&store);
            let mut child = bin()
                .args(["ingest", "--store", s(&store), s(&corpus)])
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(ms));
            let _ = child.kill(); // SIGKILL; the ingest may have ended already.
            child.wait().unwrap();
            let readable = run(&["query", "--store", s(&store), "articles"]);
            if readable.status.success() {
                // The store opens and answers, and every article in it is whole.
                let sizes = graph_sizes(&store);
                for (g, n) in &sizes {
                    if g.contains("/article/") {
                        assert_eq!(Some(n), clean_sizes.get(g), "{g} after a kill at {ms} ms");
                    }
                }
                ok(&["query", "--store", s(&store), "--format", "csv", "articles"]);
            } else {
                // Killed before the store was made (no RocksDB files, or no oxigraph version in
                // them): a reading command says so and how to mend it.
                let err = String::from_utf8_lossy(&readable.stderr);
                assert_eq!(readable.status.code(), Some(2), "a kill at {ms} ms: {err}");
                assert!(
                    ["no store at", "is not a polgraph store", "never finished"]
                        .iter()
                        .any(|m| err.contains(m)),
                    "a kill at {ms} ms: {err}"
                );
            }
            // Ingesting the same articles again makes it the clean store.
            ok(&["ingest", "--store", s(&store), s(&corpus)]);
            assert!(
                sorted_export(&store) == clean_export,
                "a kill at {ms} ms ({} first): the store differs after a re-ingest",
                if first.is_some() {
                    "examples"
                } else {
                    "nothing"
                }
            );
        }
    }
}

#[test]
fn a_sidecar_gives_a_text_file_its_metadata_and_a_bad_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let arts = dir.path().join("articles");
    std::fs::create_dir(&arts).unwrap();
    let text = "Đồng chí Nguyễn Văn Hải - Bí thư Thị ủy Hồng Lĩnh chủ trì hội nghị.";
    std::fs::write(arts.join("a1.txt"), text).unwrap();
    std::fs::write(
        arts.join("a1.json"),
        r#"{"title": "Hội nghị Thị ủy", "date": "2017-02-21", "url": "https://baohatinh.vn/a1", "source": "Báo Hà Tĩnh"}"#,
    )
    .unwrap();
    std::fs::write(arts.join("a2.txt"), text).unwrap();
    std::fs::write(arts.join("a2.json"), r#"{"date": "hôm qua"}"#).unwrap();
    std::fs::write(arts.join("a3.txt"), text).unwrap();
    std::fs::write(arts.join("a3.json"), r#"{"dated": "2017-02-21"}"#).unwrap();
    let store = dir.path().join("db");
    let o = run(&["ingest", "--store", s(&store), s(&arts)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("a2.json") && err.contains("\"hôm qua\" is no date"),
        "{err}"
    );
    assert!(
        err.contains("a3.json") && err.contains("unknown field `dated`"),
        "{err}"
    );
    assert_eq!(
        csv(&store, "articles"),
        [["a1", "Hội nghị Thị ủy", "2017-02-21", ""]]
    );
    let q =
        "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> \
             SELECT ?source ?page WHERE { ?a dcterms:source ?source ; foaf:page ?page }";
    assert_eq!(csv(&store, q), [["Báo Hà Tĩnh", "https://baohatinh.vn/a1"]]);
}

/// The numbers of `ingested N articles (Q quads, and T in the tenures graph, D in the descriptions
/// graph)`: Q, and T + D.
fn summary(err: &str) -> (usize, usize) {
    let line = err
        .lines()
        .find(|l| l.starts_with("ingested "))
        .unwrap_or_else(|| panic!("{err}"));
    let n: Vec<usize> = line
        .split(['(', ' ', ','])
        .filter_map(|w| w.parse().ok())
        .collect();
    (n[1], n[2] + n[3])
}

/// The summary counts each quad once: what the store holds, whether the articles are new, come
/// again in a later run, or twice in one.
#[test]
fn the_summary_counts_each_quad_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let quads_in = |store: &Path| {
        ok(&["export", "--store", s(store), "--format", "nq"])
            .lines()
            .count()
    };
    let ingest = |store: &Path, input: &Path| {
        let o = run(&["ingest", "--store", s(store), s(input)]);
        assert!(o.status.success());
        summary(&String::from_utf8_lossy(&o.stderr))
    };
    let (q, t) = ingest(&store, &examples());
    assert!(q > 500 && t > 50, "{q} {t}");
    assert_eq!(q + t, quads_in(&store));
    // Again, in transactions: the same articles, the same quads.
    assert_eq!(ingest(&store, &examples()), (q, t));
    assert_eq!(q + t, quads_in(&store));
    // An id twice in one run: its later graph, once.
    let input = dir.path().join("twice.jsonl");
    let text = std::fs::read_to_string(examples().join("seed001.txt")).unwrap();
    let other = std::fs::read_to_string(examples().join("seed002.txt")).unwrap();
    std::fs::write(
        &input,
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "x", "text": text}),
            serde_json::json!({"id": "x", "text": other})
        ),
    )
    .unwrap();
    let alone = dir.path().join("x.txt");
    std::fs::write(&alone, &other).unwrap();
    let (later, _) = ingest(&dir.path().join("alone"), &alone);
    // Into an empty store (bulk, the later graph replacing the earlier at the end) and into
    // one with an article (transactions).
    let (q, t) = ingest(&dir.path().join("bulk"), &input);
    assert_eq!(q, later);
    assert_eq!(q + t, quads_in(&dir.path().join("bulk")));
    let db = dir.path().join("tx");
    ok(&[
        "ingest",
        "--store",
        s(&db),
        s(&examples().join("seed003.txt")),
    ]);
    let (q, t) = ingest(&db, &input);
    assert_eq!(q, later);
    let seed003: usize = ok(&[
        "query",
        "--store",
        s(&db),
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/polgraph/id/article/seed003> { ?s ?p ?o } }",
    ])
    .lines()
    .nth(1)
    .unwrap()
    .parse()
    .unwrap();
    assert_eq!(seed003 + q + t, quads_in(&db));
}

/// On a terminal, a JSON Lines ingest shows bytes read of the input's size with an ETA, and
/// the compaction after the bulk load.
#[test]
fn a_jsonl_ingest_shows_its_progress_by_bytes_and_the_compaction() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.jsonl");
    ok(&["generate", "--count", "300", "-o", s(&input)]);
    let store = dir.path().join("db");
    let Some((code, screen)) = on_terminal(&["ingest", "--store", s(&store), s(&input)], &[])
    else {
        return;
    };
    assert_eq!(code, Some(0), "{screen}");
    let size = std::fs::metadata(&input).unwrap().len() as f64 / 1024.0;
    assert!(
        screen.contains(&format!("{size:.2} KiB/{size:.2} KiB")),
        "{screen}"
    );
    assert!(
        screen.contains("ETA") && screen.contains("300 articles"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("compacting {} ...", s(&store))),
        "{screen}"
    );
}
