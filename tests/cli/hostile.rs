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

/// Issue 27, items 8 and 10: a FIFO among the inputs hung ingest forever, a link to `/dev/zero`
/// was read without end, and a folder whose path is longer than the system allows was skipped
/// with exit code 0 and no message. Each is now said with its path, the run's exit code is 1,
/// and the regular file beside them is stored.
#[test]
fn only_regular_files_are_read_and_the_rest_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(inp.join("good.txt"), GOOD).unwrap();
    let mkfifo = std::process::Command::new("mkfifo")
        .arg(inp.join("fifo.txt"))
        .status()
        .unwrap();
    assert!(mkfifo.success());
    std::os::unix::fs::symlink("/dev/zero", inp.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/null", inp.join("null.jsonl")).unwrap();
    // A folder nested deeper than PATH_MAX (4,096 bytes), made one step at a time.
    let long = "d".repeat(200);
    let made = std::process::Command::new("bash")
        .current_dir(&inp)
        .args([
            "-c",
            &format!(
                "for i in $(seq 1 25); do mkdir {long} && cd {long} || exit 1; done; \
                 echo 'Ông Trần Văn Bình, Chủ tịch UBND tỉnh Nghệ An.' > deep.txt"
            ),
        ])
        .status()
        .unwrap();
    assert!(made.success());
    for cmd in ["ingest", "extract"] {
        let out = dir.path().join(format!("out-{cmd}"));
        let flag = if cmd == "ingest" { "--store" } else { "--out" };
        let mut child = bin()
            .args([cmd, flag, s(&out), s(&inp)])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The old reader never came back from the FIFO: give it a deadline, not forever.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(30) {
                child.kill().unwrap();
                panic!("polgraph {cmd} still runs after 30 s: it read a FIFO or a device");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {err}");
        for (name, what) in [
            ("fifo.txt", "a FIFO (named pipe), not a regular file"),
            ("zero.txt", "a character device, not a regular file"),
            ("null.jsonl", "a character device, not a regular file"),
        ] {
            let line = format!("{}: {what}", s(&inp.join(name)));
            assert!(err.contains(&line), "{cmd}: no {line:?} in {err}");
        }
        assert!(
            err.lines()
                .any(|l| l.contains(&long) && l.ends_with("File name too long (os error 36)")),
            "{cmd}: {err}"
        );
        if cmd == "ingest" {
            assert_eq!(stored(&out), ["good".to_string()].into());
        }
    }
}

/// Issue 27, item 11: markup a scraper left was read as text (`ông <b>Lê</b> Văn Tâm` gave the
/// person "Văn Tâm"). Tags are stripped in normalisation; the evidence's offsets still point at
/// the words in the text as written, tags and all.
#[test]
fn markup_is_not_text_and_offsets_point_at_the_words_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Tin\n\nÔng <b>Lê</b> Văn Tâm, Bí thư Huyện ủy Càng Long, tỉnh Trà Vinh phát biểu. \
                Giá trị a < b và c > d.";
    let inp = dir.path().join("html.txt");
    std::fs::write(&inp, text).unwrap();
    std::fs::write(
        dir.path().join("html.json"),
        r#"{"title": "Bà <b>Lê</b> Văn Tâm<br>nhận chức"}"#,
    )
    .unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&inp)]);
    let rows = csv(
        &store,
        "PREFIX pg: <https://w3id.org/polgraph/ontology#>
         PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
         SELECT DISTINCT ?name ?start ?end ?words WHERE {
           GRAPH ?a { ?m pg:refersTo ?p . ?a pg:text ?text }
           ?p a <http://xmlns.com/foaf/0.1/Person> ; <http://xmlns.com/foaf/0.1/name> ?name .
           BIND(STRAFTER(STR(?m), \"#char=\") AS ?span)
           BIND(xsd:integer(STRBEFORE(?span, \",\")) AS ?start)
           BIND(xsd:integer(STRAFTER(?span, \",\")) AS ?end)
           BIND(SUBSTR(?text, ?start + 1, ?end - ?start) AS ?words) }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][0], "Lê Văn Tâm");
    let (start, end): (usize, usize) = (rows[0][1].parse().unwrap(), rows[0][2].parse().unwrap());
    let written: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(written, "Lê</b> Văn Tâm");
    // The words of a statement are the stored text at its span, as written.
    assert_eq!(rows[0][3], written);
    let title = csv(&store, "articles");
    assert_eq!(title[0][1], "Bà Lê Văn Tâm nhận chức", "{title:?}");
}

/// `../shared/corpus` (or `$POLGRAPH_SHARED/corpus`): skipped with a message without it, except
/// under `CI=true`.
fn shared_corpus() -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("POLGRAPH_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"))
        .join("corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing: CI must have ../shared (or POLGRAPH_SHARED)",
        dir.display()
    );
    eprintln!(
        "skipped: {} is missing (set POLGRAPH_SHARED)",
        dir.display()
    );
    None
}

/// Issue 27, item 12 (and issue 28, item 6): `polgraph validate` failed on polgraph's own output
/// of the dev corpora, 12 violations: five bodies with two jurisdictions (the city before and
/// after 2025: the shape was wrong) and a holding stated as former and as held in one article
/// (d3-25: the data was wrong, one holding with two starts, ends and rules).
#[test]
fn polgraphs_own_output_of_every_dev_corpus_validates() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let dev: Vec<std::path::PathBuf> = ["dev", "dev2", "dev3"]
        .iter()
        .map(|d| corpus.join(d))
        .collect();
    let mut args = vec!["ingest", "--store", s(&store)];
    args.extend(dev.iter().map(|d| s(d)));
    ok(&args);
    let o = run(&["validate", "--store", s(&store)]);
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("no violation"), "{out}");
}

/// The bulk loader's files in a store (`bulk-N.sst`).
fn bulk_files(store: &Path) -> usize {
    std::fs::read_dir(store).map_or(0, |rd| {
        rd.flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("bulk-"))
            .count()
    })
}

/// Issue 27, "Smaller": a kill during the first bulk load left 45-168 MB of the loader's files,
/// which stayed after a re-ingest. The next ingest removes them.
#[test]
fn a_reingest_removes_what_a_killed_bulk_load_left() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("g.jsonl");
    ok(&["generate", "--count", "3000", "-o", s(&corpus)]);
    let store = dir.path().join("db");
    let mut child = bin()
        .args(["ingest", "--store", s(&store), s(&corpus)])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while bulk_files(&store) == 0 && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill(); // SIGKILL
    child.wait().unwrap();
    assert!(
        bulk_files(&store) > 0,
        "the bulk load left no file to clean"
    );
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    assert_eq!(bulk_files(&store), 0);
}

/// Issue 27, "Smaller": a kill during the compaction after a bulk load left an uncompacted store
/// and nothing said so. `stats` and the next ingest say it, and how to mend it; `compact` does.
#[test]
fn a_compaction_killed_is_said_until_compact_mends_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("g.jsonl");
    ok(&["generate", "--count", "3000", "-o", s(&corpus)]);
    let store = dir.path().join("db");
    let mark = store.join("POLGRAPH-COMPACTING");
    let mut child = bin()
        .args(["ingest", "--store", s(&store), s(&corpus)])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !mark.exists() && started.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill(); // SIGKILL, while it compacts
    child.wait().unwrap();
    assert!(mark.exists(), "the ingest never began its compaction");
    let said = "compaction was interrupted";
    assert!(ok(&["stats", "--store", s(&store)]).contains(said));
    let o = run(&["ingest", "--store", s(&store), s(&examples())]);
    assert!(String::from_utf8_lossy(&o.stderr).contains(said), "{o:?}");
    ok(&["compact", "--store", s(&store)]);
    assert!(!ok(&["stats", "--store", s(&store)]).contains(said));
}
