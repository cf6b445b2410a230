//! End-to-end tests: every subcommand through the binary, on temporary stores.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_polgraph"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> PathBuf {
    root().join("examples/articles")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs polgraph")
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(
        o.status.success(),
        "polgraph {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn ingested() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&examples())]);
    (dir, store)
}

/// The rows of a CSV answer without its header (values have no commas in these tests).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .map(|l| {
            l.split(',')
                .map(|c| c.trim_matches('"').to_string())
                .collect()
        })
        .collect()
}

fn csv(store: &Path, query: &str) -> Vec<Vec<String>> {
    csv_with(store, query, &[])
}

/// [`csv`] with `--param NAME=VALUE` for each of `params`.
fn csv_with(store: &Path, query: &str, params: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec!["query", "--store", s(store), "--format", "csv"];
    for p in params {
        args.extend(["--param", p]);
    }
    args.push(query);
    csv_rows(&ok(&args))
}

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
        "tsv",
        "SELECT ?t WHERE { ?e <https://w3id.org/polgraph/ontology#term> ?t }",
    ]);
    assert_eq!(term.lines().nth(1), Some("\"2020-2025\""));
    let docs = csv(&store, "documents");
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
fn explain_prints_the_results_and_the_plan_of_the_same_run() {
    let (_d, store) = ingested();
    let args = ["query", "--store", s(&store), "--format", "csv", "offices"];
    let plain = ok(&args);
    let o = run(&[&args[..], &["--explain"]].concat());
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout), plain);
    let plan: serde_json::Value = serde_json::from_slice(&o.stderr).expect("a JSON plan");
    let rows = plain.lines().count() - 1;
    assert!(rows > 2, "{plain}");
    // The plan's root counts the rows printed: its statistics are those of the run.
    assert_eq!(
        plan["plan"]["number of results"].as_u64(),
        Some(rows as u64),
        "{plan}"
    );
}

#[test]
fn stats_counts_articles_and_kinds() {
    let (_d, store) = ingested();
    let out = ok(&["stats", "--store", s(&store)]);
    assert!(out.contains("articles  5"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("persons") && l.contains('│')),
        "{out}"
    );
    // A tenure for each person, role, organization and former flag stated.
    let tenures: BTreeSet<Vec<String>> = csv(&store, "offices")
        .into_iter()
        .map(|r| r[1..5].to_vec())
        .collect();
    let line = out
        .lines()
        .find(|l| l.starts_with("tenures"))
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        line.split('│').nth(1).map(str::trim),
        Some(tenures.len().to_string().as_str()),
        "{out}"
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

#[test]
fn compact_merges_the_files_of_a_bulk_load_and_keeps_the_quads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    // Three chunks of articles: three bulk batches, each a set of files over every index.
    ok(&["generate", "--count", "1100", "-o", s(&corpus)]);
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
    assert!(after < before, "{before} files before, {after} after");
    let export = ok(&["export", "--store", s(&loose), "--format", "nq"]);
    assert_eq!(
        export,
        ok(&["export", "--store", s(&tight), "--format", "nq"])
    );
    assert_eq!(
        export,
        ok(&["export", "--store", s(&theirs), "--format", "nq"])
    );
    // The last level in LZ4, where oxigraph's options leave it uncompressed.
    let (ours, oxigraphs) = (bytes(&loose), bytes(&theirs));
    assert!(
        ours * 10 < oxigraphs * 7,
        "{ours} bytes compacted here, {oxigraphs} by oxigraph"
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
        export.lines().count() > 100_000,
        "{}",
        export.lines().count()
    );
    assert_eq!(
        export,
        ok(&["export", "--store", s(&by_transactions), "--format", "nq"])
    );
}

#[test]
fn bench_measures_each_size_in_processes_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("bench");
    let out = ok(&["bench", "--articles", "40", "--dir", s(&work)]);
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
fn a_held_store_gives_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let _held = polgraph::store::Store::open(&store).unwrap();
    let o = run(&["stats", "--store", s(&store)]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("in use by another"), "{err}");
    // The compaction opens the store with RocksDB itself: the same lock, the same error.
    let e = polgraph::compaction::compact(&store, 2).unwrap_err();
    assert!(
        matches!(e, polgraph::error::Error::StoreLocked { .. }),
        "{e}"
    );
}

#[test]
fn parameters_are_bound_as_terms_not_pasted() {
    let (_d, store) = ingested();
    let out = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--param",
        "person=Nguyễn Văn Hải",
        "person-posts",
    ]);
    assert!(out.contains("Thị ủy Hồng Lĩnh"), "{out}");
    // A value that would close the string, the IRI and the group if it were pasted.
    let evil = "person=x\" } UNION { ?h ?p ?o } #>";
    let out = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--param",
        evil,
        "person-posts",
    ]);
    assert_eq!(out.lines().count(), 1, "only the header: {out}");
    let o = run(&[
        "query",
        "--store",
        s(&store),
        "--param",
        "no-equals-sign",
        "offices",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected NAME=VALUE"));
}

/// A parametrised query gives exactly the rows of its unparametrised listing that have the
/// parameters' values (the parameters only change where the plan starts).
#[test]
fn parameters_select_the_rows_of_the_full_listing() {
    let (_d, store) = ingested();
    let rows = |q: &str, params: &[String]| -> Vec<String> {
        let mut args = vec!["query", "--store", s(&store), "--format", "tsv"];
        for p in params {
            args.extend(["--param", p.as_str()]);
        }
        args.push(q);
        let mut r: Vec<String> = ok(&args).lines().skip(1).map(String::from).collect();
        r.sort();
        r
    };
    let value = |cell: &str| cell.split('"').nth(1).unwrap_or(cell).to_string();
    let holders = rows("holders", &[]);
    assert!(holders.len() > 10, "{holders:?}");
    // The first holder's post in a province (a row whose place is a tỉnh).
    let first: Vec<&str> = holders
        .iter()
        .map(|r| r.split('\t').collect::<Vec<_>>())
        .find(|c| c[1].contains("tỉnh "))
        .expect("a holder within a province");
    let (role, place) = (value(first[0]), value(first[1]));
    assert!(
        first[0].ends_with("@vi"),
        "labels are Vietnamese: {first:?}"
    );
    let selected = rows(
        "holders",
        &[format!("role={role}"), format!("place={place}")],
    );
    let expected: Vec<String> = holders
        .iter()
        .filter(|r| {
            let c: Vec<&str> = r.split('\t').collect();
            value(c[0]) == role && value(c[1]) == place
        })
        .cloned()
        .collect();
    assert!(!selected.is_empty());
    assert_eq!(selected, expected);

    for q in ["person-posts", "person-statements"] {
        let all = rows(q, &[]);
        let person = value(all[0].split('\t').next().unwrap());
        let selected = rows(q, &[format!("person={person}")]);
        let expected: Vec<String> = all
            .iter()
            .filter(|r| value(r.split('\t').next().unwrap()) == person)
            .cloned()
            .collect();
        assert!(!selected.is_empty(), "{q}");
        assert_eq!(selected, expected, "{q}");
    }
}

/// `person-statements`, which reaches the articles through the tenures, lists every holding the
/// articles state (`offices`, read from the article graphs), and `person-posts` a row for each
/// person, post and former flag among them, counting its articles.
#[test]
fn a_persons_posts_and_statements_agree_with_the_offices() {
    let (_d, store) = ingested();
    // doc, person, role, organization, former
    let offices: BTreeSet<Vec<String>> = csv(&store, "offices").into_iter().collect();
    assert!(offices.len() > 5, "{offices:?}");
    // person, role, organization, former, stated, doc, evidence
    let tsv = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "tsv",
        "person-statements",
    ]);
    let statements: BTreeSet<Vec<String>> = tsv
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l
                .split('\t')
                .map(|c| c.split('"').nth(1).unwrap_or(c))
                .collect();
            [c[5], c[0], c[1], c[2], c[3]].map(String::from).to_vec()
        })
        .collect();
    assert_eq!(statements, offices);
    let mut articles: std::collections::BTreeMap<Vec<String>, usize> = Default::default();
    for o in &offices {
        *articles.entry(o[1..].to_vec()).or_default() += 1;
    }
    let posts: std::collections::BTreeMap<Vec<String>, usize> = csv(&store, "person-posts")
        .into_iter()
        .map(|r| (r[..4].to_vec(), r[6].parse().unwrap()))
        .collect();
    assert_eq!(posts, articles);
}

#[test]
fn queries_by_name_file_and_inline() {
    let (_d, store) = ingested();
    let listing = ok(&["queries"]);
    for name in [
        "articles",
        "persons",
        "offices",
        "organizations",
        "localities",
        "documents",
        "holders",
        "person-posts",
        "person-statements",
        "issued-by",
    ] {
        assert!(
            listing.lines().any(|l| l.starts_with(name)),
            "{name} not listed: {listing}"
        );
    }
    let by_file = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        s(&root().join("queries/persons.rq")),
    ]);
    assert_eq!(
        by_file,
        ok(&["query", "--store", s(&store), "--format", "csv", "persons"])
    );
    let n = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "tsv",
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    // Five article graphs and the tenures graph.
    assert_eq!(n.lines().nth(1), Some("6"));
    let c = ok(&["query", "--store", s(&store), "CONSTRUCT { ?a <http://purl.org/dc/terms/identifier> ?d } WHERE { ?a <http://purl.org/dc/terms/identifier> ?d }"]);
    assert!(c.contains("\"seed001\""), "{c}");
    let o = run(&["query", "--store", s(&store), "no-such-query"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown query"));
    let j = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "json",
        "documents",
    ]);
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert!(v["results"]["bindings"]
        .as_array()
        .is_some_and(|b| !b.is_empty()));
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

#[test]
fn a_timeout_stops_a_runaway_query() {
    let (_d, store) = ingested();
    // A triple cross join of the store: billions of rows, minutes without a limit.
    let mut child = bin()
        .args([
            "query",
            "--store",
            s(&store),
            "--timeout",
            "0.5",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded: a timeout that does not work fails the test instead of hanging it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("--timeout 0.5 did not stop the query in 120 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(err.contains("--timeout 0.5"), "{err}");
    // A query that ends in time answers as without one.
    assert_eq!(
        ok(&[
            "query",
            "--store",
            s(&store),
            "--format",
            "csv",
            "--timeout",
            "60",
            "persons"
        ]),
        ok(&["query", "--store", s(&store), "--format", "csv", "persons"])
    );
    let o = run(&["query", "--store", s(&store), "--timeout", "0", "persons"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("above 0"));
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
            // The store opens and answers, and every article in it is whole.
            let sizes = graph_sizes(&store);
            for (g, n) in &sizes {
                if g.contains("/article/") {
                    assert_eq!(Some(n), clean_sizes.get(g), "{g} after a kill at {ms} ms");
                }
            }
            ok(&["query", "--store", s(&store), "--format", "csv", "articles"]);
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
fn a_query_names_its_dataset_and_cannot_write() {
    let (_d, store) = ingested();
    let count = |q: &str| -> u64 {
        let out = ok(&["query", "--store", s(&store), "--format", "tsv", q]);
        out.lines().nth(1).unwrap().parse().unwrap()
    };
    let all = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let seed004 = "<https://w3id.org/polgraph/id/article/seed004>";
    let one = count(&format!(
        "SELECT (COUNT(*) AS ?n) FROM {seed004} WHERE {{ ?s ?p ?o }}"
    ));
    let graph = count(&format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {seed004} {{ ?s ?p ?o }} }}"
    ));
    // `FROM` gives the query that graph alone, the same triples as `GRAPH` reaches.
    assert_eq!(one, graph);
    assert!(0 < one && one < all, "{one} of {all}");
    // `FROM NAMED` without `FROM`: the default graph is empty, as SPARQL 1.1 says.
    assert_eq!(
        count(&format!(
            "SELECT (COUNT(*) AS ?n) FROM NAMED {seed004} WHERE {{ ?s ?p ?o }}"
        )),
        0
    );
    for update in [
        "DROP ALL",
        "DELETE WHERE { ?s ?p ?o }",
        "INSERT DATA { <http://a> <http://b> <http://c> }",
    ] {
        let o = run(&["query", "--store", s(&store), update]);
        assert_eq!(o.status.code(), Some(2), "{update}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("only reads") && err.contains("polgraph ingest"),
            "{err}"
        );
    }
    assert_eq!(count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), all);
    // No remote fetch: the binary has no SERVICE client, and says so (nothing listens on :9).
    let o = run(&[
        "query",
        "--store",
        s(&store),
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not supported"));
}

fn parse(format: oxigraph::io::RdfFormat, data: &[u8]) -> BTreeSet<String> {
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(data)
        .map(|q| {
            let q = q.expect("parses");
            // Triple formats give the default graph: compare triples for those.
            if format.supports_datasets() {
                q.to_string()
            } else {
                oxigraph::model::Triple::from(q).to_string()
            }
        })
        .collect()
}

#[test]
fn export_round_trips_in_every_format() {
    let (_d, store) = ingested();
    let nq = run(&["export", "--store", s(&store), "--format", "nq"]).stdout;
    let quads = parse(oxigraph::io::RdfFormat::NQuads, &nq);
    let triples: BTreeSet<String> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
            .for_slice(&nq)
            .map(|q| oxigraph::model::Triple::from(q.unwrap()).to_string())
            .collect();
    assert!(quads.len() > 1000);
    for (flag, format) in [
        ("trig", oxigraph::io::RdfFormat::TriG),
        (
            "jsonld",
            oxigraph::io::RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        ),
        ("nt", oxigraph::io::RdfFormat::NTriples),
        ("ttl", oxigraph::io::RdfFormat::Turtle),
        ("rdfxml", oxigraph::io::RdfFormat::RdfXml),
    ] {
        let out = run(&["export", "--store", s(&store), "--format", flag]).stdout;
        let back = parse(format, &out);
        let want = if format.supports_datasets() {
            &quads
        } else {
            &triples
        };
        assert_eq!(&back, want, "{flag} does not round-trip");
    }
    // One article only.
    let one = run(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nq",
        "--article",
        "seed001",
    ])
    .stdout;
    let one = parse(oxigraph::io::RdfFormat::NQuads, &one);
    assert!(
        !one.is_empty()
            && one
                .iter()
                .all(|q| q.ends_with("<https://w3id.org/polgraph/id/article/seed001>"))
    );
    let o = run(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nq",
        "--article",
        "nope",
    ]);
    assert!(!o.status.success());
}

/// Every term the code emits is declared in the ontology, and every term declared is emitted
/// (over the examples and a fixture record with a URL, a source line and a congress with its term).
#[test]
fn ontology_declares_exactly_what_is_emitted() {
    let (_d, store) = ingested();
    ok(&[
        "ingest",
        "--store",
        s(&store),
        s(&root().join("tests/fixtures/articles.jsonl")),
    ]);
    let ttl = std::fs::read(root().join("ontology/polgraph.ttl")).unwrap();
    let ontology: Vec<oxigraph::model::Quad> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(&ttl)
            .map(|q| q.unwrap())
            .collect();
    let declared: BTreeSet<String> = ontology
        .iter()
        .filter(|q| {
            q.predicate.as_str().ends_with("#type")
                && q.object.to_string() != "<http://www.w3.org/2002/07/owl#Ontology>"
        })
        .map(|q| q.subject.to_string())
        .collect();
    // Terms of other vocabularies declared as the super-class or super-property of polgraph's
    // (foaf:Document, prov:Entity, prov:wasDerivedFrom, ...): inferred, need not be emitted.
    let supers: BTreeSet<String> = ontology
        .iter()
        .filter(|q| {
            q.predicate.as_str().ends_with("#subClassOf")
                || q.predicate.as_str().ends_with("#subPropertyOf")
        })
        .map(|q| q.object.to_string())
        .filter(|t| !t.contains("polgraph"))
        .collect();
    // Properties declared as a chain of others (pg:mentions): derived by a reasoner, not stored.
    let chains: BTreeSet<String> = ontology
        .iter()
        .filter(|q| q.predicate.as_str().ends_with("#propertyChainAxiom"))
        .map(|q| q.subject.to_string())
        .collect();
    assert!(
        chains.iter().any(|c| c.ends_with("#mentions>")),
        "{chains:?}"
    );
    let nq = run(&["export", "--store", s(&store), "--format", "nq"]).stdout;
    let mut emitted = BTreeSet::new();
    for q in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads).for_slice(&nq) {
        let q = q.unwrap();
        emitted.insert(q.predicate.to_string());
        if q.predicate.as_str().ends_with("#type") {
            emitted.insert(q.object.to_string());
        }
    }
    let undeclared: Vec<&String> = emitted.difference(&declared).collect();
    assert!(
        undeclared.is_empty(),
        "emitted but not declared: {undeclared:?}"
    );
    let unused: Vec<&String> = declared
        .difference(&emitted)
        .filter(|t| !supers.contains(*t) && !chains.contains(*t))
        .filter(|t| !t.contains("foaf/0.1/page"))
        .collect();
    assert!(unused.is_empty(), "declared but never emitted: {unused:?}");
}

/// `polgraph eval` agrees with the reference scorer on the dev corpus (when ../shared is there).
#[test]
fn eval_agrees_with_the_reference_scorer() {
    let dev = root().join("../shared/corpus/dev");
    let scorer = root().join("../shared/tools/score.py");
    if !dev.join("gold").is_dir()
        || !scorer.is_file()
        || Command::new("python3").arg("--version").output().is_err()
    {
        eprintln!("skipped: ../shared/corpus/dev or python3 is not here");
        return;
    }
    let ours = ok(&["eval", "--gold", s(&dev.join("gold")), s(&dev)]);
    let theirs = Command::new("python3")
        .args([
            s(&scorer),
            "--project",
            s(&root()),
            "--bin",
            env!("CARGO_BIN_EXE_polgraph"),
            "--articles",
            s(&dev),
            "--gold",
            s(&dev.join("gold")),
        ])
        .output()
        .unwrap();
    assert!(
        theirs.status.success(),
        "{}",
        String::from_utf8_lossy(&theirs.stderr)
    );
    let theirs = String::from_utf8(theirs.stdout).unwrap();
    let lines = |s: &str| {
        s.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&ours), lines(&theirs));
}

/// Compares with a reviewed golden file; `POLGRAPH_BLESS=1 cargo test --release` rewrites it.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("POLGRAPH_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with POLGRAPH_BLESS=1", path.display()));
    assert_eq!(
        actual, expected,
        "{name} changed: review the diff, then bless it with POLGRAPH_BLESS=1"
    );
}

/// Checks DOT with GraphViz's own parser; CI installs graphviz, so there it must be present.
fn dot_accepts(text: &str) {
    use std::io::Write;
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: GraphViz's dot is not installed");
            return;
        }
        Err(e) => panic!("CI must have GraphViz's dot: {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot rejected it: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn graph_snapshots_and_dot_checks() {
    let (d, store) = ingested();
    let around = ok(&[
        "graph",
        "--store",
        s(&store),
        "--around",
        "Nguyễn Văn Hải",
        "--depth",
        "2",
    ]);
    golden("around-nguyen-van-hai.dot", &around);
    let party = ok(&[
        "graph",
        "--store",
        s(&store),
        "--locality",
        "tỉnh Trà Vinh",
        "--kind",
        "party",
    ]);
    golden("tra-vinh-party.dot", &party);
    // Byte-identical from another store of the same articles.
    let other = d.path().join("db2");
    ok(&["ingest", "--store", s(&other), s(&examples())]);
    assert_eq!(
        around,
        ok(&[
            "graph",
            "--store",
            s(&other),
            "--around",
            "Nguyễn Văn Hải",
            "--depth",
            "2"
        ])
    );
    for dot in [
        around,
        party,
        ok(&["graph", "--store", s(&store)]),
        ok(&[
            "graph",
            "--store",
            s(&store),
            "--article",
            "seed001",
            "--lang",
            "en",
        ]),
        ok(&[
            "graph",
            "--store",
            s(&store),
            "--kind",
            "person,organization",
            "--around",
            "Tỉnh ủy Hà Tĩnh",
            "--depth",
            "1",
        ]),
    ] {
        dot_accepts(&dot);
    }
    // Vietnamese labels and quotes are escaped, not broken.
    let whole = ok(&["graph", "--store", s(&store)]);
    assert!(
        whole.contains("label=\"Ban Tổ chức Tỉnh ủy Hậu\\nGiang\""),
        "{whole}"
    );
    // Errors name what is wrong.
    let o = run(&["graph", "--store", s(&store), "--around", "Không Có Ai"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing named"));
    let o = run(&["graph", "--store", s(&store), "--kind", "planet"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("the kinds are"));
}

#[test]
fn rendering_without_graphviz_names_the_package() {
    let (d, store) = ingested();
    let empty = d.path().join("empty-path");
    std::fs::create_dir(&empty).unwrap();
    let o = bin()
        .env("PATH", &empty)
        .args(["graph", "--store", s(&store), "--format", "svg"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("apt-get install graphviz"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn path_rank_and_components() {
    let (_d, store) = ingested();
    let p = ok(&[
        "path",
        "--store",
        s(&store),
        "Nguyễn Văn Hải",
        "Tỉnh ủy Hà Tĩnh",
    ]);
    let lines: Vec<&str> = p.lines().collect();
    assert_eq!(lines[0], "Nguyễn Văn Hải");
    assert!(
        lines[lines.len() - 2].contains("── trực thuộc ── Tỉnh ủy Hà Tĩnh    (seed001)"),
        "{p}"
    );
    assert_eq!(lines.last(), Some(&"(5 steps)"));
    let o = run(&[
        "path",
        "--store",
        s(&store),
        "Nguyễn Văn Hải",
        "Dương Văn Tuyến",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let r = ok(&[
        "rank",
        "--store",
        s(&store),
        "--kind",
        "person",
        "--top",
        "2",
    ]);
    let rows: Vec<Vec<&str>> = r
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][4..].join(" "), "Dương Văn Tuyến");
    assert_eq!(rows[0][1], "4");
    // stats reads the network's shape without loading it: the same as the drawn network's core
    // (people, bodies, events), counted here from `graph-nodes` and `graph-edges`.
    let nodes: Vec<String> = csv(&store, "graph-nodes")
        .into_iter()
        .filter(|r| ["person", "organization", "event"].contains(&r[1].as_str()))
        .map(|r| r[0].clone())
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect();
    let at = |iri: &str| nodes.iter().position(|n| n == iri);
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn root(p: &[usize], mut i: usize) -> usize {
        while p[i] != i {
            i = p[i];
        }
        i
    }
    let mut links = BTreeSet::new();
    for r in csv(&store, "graph-edges") {
        if let (Some(a), Some(b)) = (at(&r[1]), at(&r[3])) {
            if a != b {
                links.insert((a.min(b), a.max(b)));
                let (x, y) = (root(&parent, a), root(&parent, b));
                parent[x] = y;
            }
        }
    }
    let components = (0..nodes.len()).filter(|&i| root(&parent, i) == i).count();
    assert!(links.len() > 10 && components > 1, "{links:?}");
    let st = ok(&["stats", "--store", s(&store)]);
    let want = format!(
        "network   {} people, bodies and events, {} links between them, {} connected components",
        nodes.len(),
        links.len(),
        components
    );
    assert!(st.lines().any(|l| l == want), "{want}\n{st}");
}

/// A tool that CI installs: present, or the test is skipped outside CI.
fn have(cmd: &str, probe: &[&str]) -> bool {
    let ok = Command::new(cmd)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {cmd} {probe:?}"
        );
        eprintln!("skipped: {cmd} is not installed");
    }
    ok
}

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn sparql_csv(endpoint: &str, query: &str) -> Vec<Vec<String>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut resp = agent
        .post(endpoint)
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "text/csv")
        .send(query.as_bytes())
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let mut rows = csv_rows(&resp.body_mut().read_to_string().unwrap());
    rows.sort();
    rows
}

#[test]
fn push_into_an_oxigraph_server_and_ask_it_the_same_question() {
    if !have("oxigraph", &["--version"]) {
        return;
    }
    let (d, store) = ingested();
    let port = free_port();
    let _server = Server(
        Command::new("oxigraph")
            .args([
                "serve",
                "--location",
                s(&d.path().join("server")),
                "--bind",
                &format!("127.0.0.1:{port}"),
                "--union-default-graph",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let count = || {
        sparql_csv(
            &format!("{base}/query"),
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        )[0][0]
            .clone()
    };
    ok(&[
        "push",
        "--store",
        s(&store),
        "--endpoint",
        &format!("{base}/store"),
    ]);
    let quads = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "tsv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    assert_eq!(count(), quads.lines().nth(1).unwrap());
    // A second push replaces the graphs rather than adding to them, by either protocol.
    ok(&[
        "push",
        "--store",
        s(&store),
        "--endpoint",
        &format!("{base}/store"),
    ]);
    let o = run(&[
        "push",
        "--store",
        s(&store),
        "--endpoint",
        &format!("{base}/no-such-endpoint"),
        "--update-endpoint",
        &format!("{base}/update"),
    ]);
    assert!(
        o.status.success()
            && String::from_utf8_lossy(&o.stderr).contains("falling back to SPARQL Update")
    );
    assert_eq!(count(), quads.lines().nth(1).unwrap());
    // The same question, asked of the server and of polgraph, has the same rows.
    let offices = std::fs::read_to_string(root().join("queries/offices.rq")).unwrap();
    let mut ours = csv(&store, "offices");
    ours.sort();
    assert_eq!(sparql_csv(&format!("{base}/query"), &offices), ours);
    // One article only; and an endpoint that is not there is reported, not hung on.
    ok(&[
        "push",
        "--store",
        s(&store),
        "--endpoint",
        &format!("{base}/store"),
        "--article",
        "seed001",
    ]);
    let o = run(&[
        "push",
        "--store",
        s(&store),
        "--endpoint",
        "http://127.0.0.1:9/store",
        "--retries",
        "0",
    ]);
    assert_eq!(o.status.code(), Some(1));
    // Five articles and the tenures graph.
    assert!(String::from_utf8_lossy(&o.stderr).contains("6 failed"));
}

/// A Virtuoso of its own: database, ports and web root in `dir`, listening on 127.0.0.1 only.
fn virtuoso_ini(dir: &Path, sql_port: u16, http_port: u16) -> PathBuf {
    let d = s(dir);
    let ini = format!(
        "[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"
    );
    let path = dir.join("virtuoso.ini");
    std::fs::write(&path, ini).unwrap();
    path
}

/// A SELECT asked with GET (`?query=...&format=text/csv`), as Virtuoso's /sparql takes it: its
/// CSV rows, sorted.
fn sparql_get_csv(endpoint: &str, query: &str) -> Option<Vec<Vec<String>>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(60)))
        .build()
        .into();
    let mut resp = agent
        .get(endpoint)
        .query("query", query)
        .query("format", "text/csv")
        .call()
        .ok()?;
    if resp.status().as_u16() != 200 {
        return None;
    }
    let mut rows = csv_rows(&resp.body_mut().read_to_string().ok()?);
    rows.sort();
    Some(rows)
}

#[test]
fn push_into_virtuoso_and_ask_it_the_same_question() {
    if !have("sh", &["-c", "command -v virtuoso-t"]) {
        return;
    }
    let (d, store) = ingested();
    let vdir = d.path().join("virtuoso");
    std::fs::create_dir_all(&vdir).unwrap();
    let sql_port = free_port();
    let http_port = std::iter::repeat_with(free_port)
        .find(|&p| p != sql_port)
        .unwrap();
    let ini = virtuoso_ini(&vdir, sql_port, http_port);
    let _server = Server(
        Command::new("virtuoso-t")
            .args(["+configfile", s(&ini), "+foreground"])
            .current_dir(&vdir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{http_port}");
    let sparql = format!("{base}/sparql");
    // A fresh database takes some seconds to create.
    let mut up = false;
    for _ in 0..240 {
        if sparql_get_csv(&sparql, "ASK {}").is_some() {
            up = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(
        up,
        "Virtuoso did not start: {}",
        std::fs::read_to_string(vdir.join("virtuoso.log")).unwrap_or_default()
    );
    // Virtuoso keeps graphs of its own: count ours.
    let count_query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
                       FILTER(STRSTARTS(STR(?g), \"https://w3id.org/polgraph/id/\")) }";
    let quads = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    let quads = quads.lines().nth(1).unwrap().to_string();
    // The graph store endpoint with digest authentication, dba's password of a fresh database.
    let push = |password: &str| {
        bin()
            .args([
                "push",
                "--store",
                s(&store),
                "--endpoint",
                &format!("{base}/sparql-graph-crud-auth"),
                "--retries",
                "0",
            ])
            .env("POLGRAPH_USER", "dba")
            .env("POLGRAPH_PASSWORD", password)
            .output()
            .unwrap()
    };
    for _ in 0..2 {
        // The second push replaces the graphs.
        let o = push("dba");
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{said}");
        assert!(
            said.contains("pushed 5 article graphs and the tenures graph"),
            "{said}"
        );
        assert_eq!(sparql_get_csv(&sparql, count_query).unwrap()[0][0], quads);
    }
    // The same question has the same rows (Virtuoso writes booleans as 1 and 0 in CSV).
    let offices = std::fs::read_to_string(root().join("queries/offices.rq")).unwrap();
    let mut theirs = sparql_get_csv(&sparql, &offices).unwrap();
    for r in &mut theirs {
        let last = r.last_mut().unwrap();
        *last = match last.as_str() {
            "1" => "true".into(),
            "0" => "false".into(),
            other => other.into(),
        };
    }
    theirs.sort();
    let mut ours = csv(&store, "offices");
    ours.sort();
    assert!(!ours.is_empty());
    assert_eq!(theirs, ours);
    // The tenures graph answers there as here.
    let holders = std::fs::read_to_string(root().join("queries/holders.rq")).unwrap();
    let mut theirs = sparql_get_csv(&sparql, &holders).unwrap();
    theirs.sort();
    let mut ours = csv(&store, "holders");
    ours.sort();
    assert!(ours.len() > 10);
    assert_eq!(theirs, ours);
    // Wrong credentials are reported per article, not taken for success.
    let o = push("wrong");
    assert_eq!(o.status.code(), Some(1));
    // Five articles and the tenures graph.
    assert!(String::from_utf8_lossy(&o.stderr).contains("6 failed"));
}

/// The store's quad count and its count of distinct triples (what a triple format holds).
fn quads_and_triples(store: &Path) -> (String, String) {
    let count = |q: &str| {
        ok(&["query", "--store", s(store), "--format", "tsv", q])
            .lines()
            .nth(1)
            .unwrap()
            .to_string()
    };
    (
        count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        count(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
        ),
    )
}

/// Exports the store as `FORMAT` into `dir/g.EXT`.
fn export_to(store: &Path, dir: &Path, flag: &str, ext: &str) -> PathBuf {
    let f = dir.join(format!("g.{ext}"));
    ok(&["export", "--store", s(store), "--format", flag, "-o", s(&f)]);
    f
}

#[test]
fn validate_and_independent_readers_agree() {
    let (d, store) = ingested();
    let v = ok(&["validate", "--store", s(&store)]);
    assert!(v.starts_with("conforms:"), "{v}");
    if !have("python3", &["-c", "import rdflib, pyshacl"]) {
        return;
    }
    let mut files = Vec::new();
    for (flag, ext) in [
        ("nt", "nt"),
        ("ttl", "ttl"),
        ("rdfxml", "rdf"),
        ("trig", "trig"),
        ("jsonld", "jsonld"),
        ("nq", "nq"),
    ] {
        let f = export_to(&store, d.path(), flag, ext);
        files.push(f);
    }
    let mut args = vec![
        s(&root().join("tests/python/check_rdf.py")).to_string(),
        s(&root().join("ontology/shapes.ttl")).to_string(),
    ];
    args.extend(files.iter().map(|f| s(f).to_string()));
    let o = Command::new("python3").args(&args).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let (quads, triples) = quads_and_triples(&store);
    for line in out.lines().filter(|l| l.contains("/g.")) {
        let (file, n) = line.rsplit_once(' ').unwrap();
        let want = if [".nq", ".trig", ".jsonld"]
            .iter()
            .any(|e| file.ends_with(e))
        {
            &quads
        } else {
            &triples
        };
        assert_eq!(n, want, "rdflib read {file}");
    }
    assert!(out.contains("shacl conforms"), "{out}");
}

/// Apache Jena's riot (Debian's libapache-jena-java, through `tests/jena/riot.py`, which fixes
/// its class path) validates every export, warnings included, and counts the same quads.
#[test]
fn jena_riot_validates_and_counts_every_export() {
    if !have(
        "sh",
        &[
            "-c",
            "command -v java && ls /usr/share/java/jena-core-*.jar",
        ],
    ) {
        return;
    }
    let (d, store) = ingested();
    let (quads, triples) = quads_and_triples(&store);
    let riot = root().join("tests/jena/riot.py");
    for (flag, ext, syntax, want) in [
        ("nq", "nq", None, &quads),
        ("trig", "trig", None, &quads),
        // Debian's Jena 4.5 reads JSON-LD 1.1 through Titanium, whose document loader fails
        // there on any file; its JSON-LD 1.0 reader takes the same (expanded) document.
        ("jsonld", "jsonld", Some("--syntax=jsonld10"), &quads),
        ("nt", "nt", None, &triples),
        ("ttl", "ttl", None, &triples),
        ("rdfxml", "rdf", None, &triples),
    ] {
        let f = export_to(&store, d.path(), flag, ext);
        for mode in ["--validate", "--count"] {
            let mut args = vec![s(&riot).to_string(), mode.to_string()];
            args.extend(syntax.map(String::from));
            args.push(s(&f).to_string());
            let o = Command::new("python3").args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            let complaints: Vec<&str> = err
                .lines()
                .filter(|l| l.contains("WARN") || l.contains("ERROR"))
                .collect();
            assert!(
                o.status.success() && complaints.is_empty(),
                "riot {mode} {flag}: {err}"
            );
            if mode == "--count" {
                // `file:///.../g.nq : Quads = 1,733`, on standard error.
                let line = err
                    .lines()
                    .find(|l| l.contains("Quads =") || l.contains("Triples ="))
                    .unwrap_or_else(|| panic!("riot --count {flag}: {err}"));
                let n = line.rsplit('=').next().unwrap().trim().replace(',', "");
                assert_eq!(&n, want, "riot --count {flag}: {line}");
            }
        }
    }
}

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

/// The tenures graph's quads in a store, sorted.
fn tenure_quads(store: &Path) -> Vec<String> {
    let mut q: Vec<String> = ok(&["export", "--store", s(store), "--format", "nq"])
        .lines()
        .filter(|l| l.ends_with("<https://w3id.org/polgraph/id/graph/tenures> ."))
        .map(String::from)
        .collect();
    q.sort();
    q
}

/// The tenures graph is the same whether the articles are bulk-loaded into an empty store, added
/// in several ingests, or replaced; and it agrees with the articles' own statements.
#[test]
fn tenures_are_the_same_however_the_articles_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    ok(&[
        "generate",
        "--count",
        "400",
        "--seed",
        "11",
        "-o",
        s(&corpus),
    ]);
    let lines: Vec<String> = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let write = |name: &str, ls: &[String]| {
        let p = dir.path().join(name);
        std::fs::write(&p, ls.join("\n") + "\n").unwrap();
        p
    };
    let (head, tail) = (
        write("head.jsonl", &lines[..150]),
        write("tail.jsonl", &lines[150..]),
    );

    let all = dir.path().join("all");
    ok(&["ingest", "--store", s(&all), s(&corpus)]);
    let bulk = tenure_quads(&all);
    assert!(bulk.len() > 1000, "{}", bulk.len());

    let parts = dir.path().join("parts");
    ok(&["ingest", "--store", s(&parts), s(&head)]);
    ok(&["ingest", "--store", s(&parts), s(&tail)]);
    assert_eq!(tenure_quads(&parts), bulk);

    // Every current statement, from the articles' graphs: (person, role, organization) -> dates
    // and documents. The generated people have names unique enough to stand for themselves.
    let history = ok(&[
        "query",
        "--store",
        s(&all),
        "--format",
        "csv",
        "office-history",
    ]);
    let mut stated: std::collections::BTreeMap<(String, String, String), Vec<(String, String)>> =
        Default::default();
    for l in history.lines().skip(1) {
        // year,organization,role,person,stated,doc
        let c: Vec<&str> = l.split(',').collect();
        stated
            .entry((c[3].into(), c[2].into(), c[1].into()))
            .or_default()
            .push((c[4].into(), c[5].into()));
    }
    let holders = ok(&["query", "--store", s(&all), "--format", "csv", "holders"]);
    let mut checked = 0;
    for l in holders.lines().skip(1) {
        // role,place,organization,person,first_stated,last_stated,articles,last_doc
        let c: Vec<&str> = l.split(',').collect();
        let key = (c[3].to_string(), c[0].to_string(), c[2].to_string());
        let mut st = stated[&key].clone();
        st.sort();
        st.dedup();
        assert_eq!(c[4], st[0].0, "{l}");
        assert_eq!(c[5], st.last().unwrap().0, "{l}");
        assert_eq!(c[6].parse::<usize>().unwrap(), st.len(), "{l}");
        assert_eq!(c[7], st.last().unwrap().1, "{l}");
        checked += 1;
    }
    assert!(checked > 500, "{checked}");
    // A district's Bí thư: one a term, whatever the number of articles.
    let some = holders
        .lines()
        .find(|l| l.starts_with("Bí thư,huyện "))
        .expect("a district's Bí thư");
    let place = some.split(',').nth(1).unwrap();
    let rows = ok(&[
        "query",
        "--store",
        s(&all),
        "--format",
        "csv",
        "--param",
        "role=Bí thư",
        "--param",
        &format!("place={place}"),
        "holders",
    ]);
    assert!((1..=2).contains(&(rows.lines().count() - 1)), "{rows}");

    // An article replaced by another text takes its statements back from its tenures.
    let mut changed = lines.clone();
    let first: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    let mut other: serde_json::Value = serde_json::from_str(&lines[1]).unwrap();
    other["id"] = first["id"].clone();
    changed[0] = other.to_string();
    let again = write("again.jsonl", &changed[..1]);
    ok(&["ingest", "--store", s(&parts), s(&again)]);
    let fresh = dir.path().join("fresh");
    ok(&[
        "ingest",
        "--store",
        s(&fresh),
        s(&write("changed.jsonl", &changed)),
    ]);
    let after = tenure_quads(&parts);
    assert_ne!(after, bulk);
    assert_eq!(after, tenure_quads(&fresh));
}

/// A post a person is said to hold and, in a later article, to have held ("nguyên Bí thư") is two
/// tenures: `person-posts` lists both, `holders` only the current one, and an article that no
/// longer says "nguyên" takes the former tenure away.
#[test]
fn a_former_post_is_a_tenure_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let record = |id: &str, date: &str, text: &str| {
        serde_json::json!({ "id": id, "date": date, "text": text }).to_string()
    };
    let held = record(
        "a1",
        "2019-06-15",
        "Tỉnh ủy Bắc Kạn sơ kết công tác xây dựng Đảng\n\nNgày 15/6, Tỉnh ủy Bắc Kạn tổ chức hội \
         nghị. Đồng chí Hoàng Văn Thạch - Bí thư Tỉnh ủy Bắc Kạn chủ trì hội nghị.",
    );
    let former = record(
        "a2",
        "2022-03-20",
        "Gặp mặt cán bộ lão thành\n\nNgày 20/3, Tỉnh ủy Bắc Kạn tổ chức gặp mặt cán bộ lão thành. \
         Dự có đồng chí Hoàng Văn Thạch, nguyên Bí thư Tỉnh ủy Bắc Kạn; đồng chí Nguyễn Đăng Bình \
         - Bí thư Tỉnh ủy Bắc Kạn.",
    );
    let write = |name: &str, lines: &[&String]| {
        let p = dir.path().join(name);
        let text: Vec<&str> = lines.iter().map(|l| l.as_str()).collect();
        std::fs::write(&p, text.join("\n") + "\n").unwrap();
        p
    };
    let both = write("both.jsonl", &[&held, &former]);
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&both)]);
    let ask = csv_with;
    // Who holds the post, with the last article that says so.
    let holders_of = |store: &Path| -> Vec<String> {
        ask(store, "holders", &["role=Bí thư", "place=tỉnh Bắc Kạn"])
            .into_iter()
            .map(|r| format!("{} {}", r[3], r[7]))
            .collect()
    };
    let thach = ["person=Hoàng Văn Thạch"];
    assert_eq!(
        ask(&store, "person-posts", &thach),
        [
            "Hoàng Văn Thạch,Bí thư,Tỉnh ủy Bắc Kạn,false,2019-06-15,2019-06-15,1,a1",
            "Hoàng Văn Thạch,Bí thư,Tỉnh ủy Bắc Kạn,true,2022-03-20,2022-03-20,1,a2",
        ]
        .map(|r| r.split(',').map(String::from).collect::<Vec<_>>())
    );
    let statements = ask(&store, "person-statements", &thach);
    assert_eq!(statements.len(), 2, "{statements:?}");
    // The evidence, the last column, has a comma of its own.
    assert_eq!(
        statements[1][6..].join(","),
        "Hoàng Văn Thạch, nguyên Bí thư Tỉnh ủy Bắc Kạn"
    );
    // Who holds the post (the latest stated first): both people were stated current once; the
    // former tenure is not a row.
    assert_eq!(
        holders_of(&store),
        ["Nguyễn Đăng Bình a2", "Hoàng Văn Thạch a1"]
    );

    // A store as a polgraph before former tenures wrote it (no pg:former on tenures, no former
    // tenures, no link from a former holding) answers as it did: its tenures are current.
    let old = dir.path().join("old");
    ok(&["ingest", "--store", s(&old), s(&both)]);
    {
        let o = oxigraph::store::Store::open(&old).unwrap();
        o.update(
            "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } \
             FILTER(CONTAINS(STR(?s), '/former-tenure/') || CONTAINS(STR(?o), '/former-tenure/') \
             || (?p = <https://w3id.org/polgraph/ontology#former> \
                 && ?g = <https://w3id.org/polgraph/id/graph/tenures>)) }",
        )
        .unwrap();
    }
    assert!(!tenure_quads(&old).iter().any(|q| q.contains("former")));
    assert_eq!(
        ask(&old, "person-posts", &thach),
        ask(&store, "person-posts", &thach)[..1]
    );
    assert_eq!(ask(&old, "person-statements", &thach), statements[..1]);
    assert_eq!(holders_of(&old), holders_of(&store));
    // Its articles ingested again: as a store built now.
    ok(&["ingest", "--store", s(&old), s(&both)]);
    assert_eq!(tenure_quads(&old), tenure_quads(&store));

    // The same tenures one article at a time (transactions) as bulk-loaded.
    let apart = dir.path().join("apart");
    ok(&[
        "ingest",
        "--store",
        s(&apart),
        s(&write("1.jsonl", &[&held])),
    ]);
    ok(&[
        "ingest",
        "--store",
        s(&apart),
        s(&write("2.jsonl", &[&former])),
    ]);
    assert_eq!(tenure_quads(&apart), tenure_quads(&store));
    // a2 again, without the former Bí thư: his former tenure goes, the current one stays.
    let without = record(
        "a2",
        "2022-03-20",
        "Gặp mặt cán bộ lão thành\n\nNgày 20/3, Tỉnh ủy Bắc Kạn tổ chức gặp mặt cán bộ lão thành. \
         Dự có đồng chí Nguyễn Đăng Bình - Bí thư Tỉnh ủy Bắc Kạn.",
    );
    ok(&[
        "ingest",
        "--store",
        s(&apart),
        s(&write("3.jsonl", &[&without])),
    ]);
    let posts = ask(&apart, "person-posts", &thach);
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0][3], "false");
    assert!(
        !tenure_quads(&apart)
            .iter()
            .any(|q| q.contains("former-tenure")),
        "{:?}",
        tenure_quads(&apart)
    );
}
