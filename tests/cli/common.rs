//! Helpers shared by the end-to-end tests: the binary, its arguments, temporary stores, CSV
//! answers, golden files and the external tools CI installs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_polgraph"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn examples() -> PathBuf {
    root().join("examples/articles")
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs polgraph")
}

pub fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(
        o.status.success(),
        "polgraph {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

pub fn ingested() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&examples())]);
    (dir, store)
}

/// The rows of a CSV answer without its header (values have no commas in these tests).
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .map(|l| {
            l.split(',')
                .map(|c| c.trim_matches('"').to_string())
                .collect()
        })
        .collect()
}

pub fn csv(store: &Path, query: &str) -> Vec<Vec<String>> {
    csv_with(store, query, &[])
}

/// [`csv`] with `--param NAME=VALUE` for each of `params`.
pub fn csv_with(store: &Path, query: &str, params: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec!["query", "--store", s(store), "--format", "csv"];
    for p in params {
        args.extend(["--param", p]);
    }
    args.push(query);
    csv_rows(&ok(&args))
}

pub fn parse(format: oxigraph::io::RdfFormat, data: &[u8]) -> BTreeSet<String> {
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

/// Compares with a reviewed golden file; `POLGRAPH_BLESS=1 cargo test --release` rewrites it.
pub fn golden(name: &str, actual: &str) {
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

/// A tool that CI installs: present, or the test is skipped outside CI.
pub fn have(cmd: &str, probe: &[&str]) -> bool {
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

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Runs polgraph with its standard output and error on a terminal (a pseudo-terminal from
/// util-linux's `script`): the exit code and what the terminal showed. `None` where `script`
/// is missing (the test is then skipped outside CI).
pub fn on_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<(Option<i32>, String)> {
    if !have("script", &["--version"]) {
        return None;
    }
    let quote = |a: &str| format!("'{}'", a.replace('\'', r"'\''"));
    let line = std::iter::once(env!("CARGO_BIN_EXE_polgraph"))
        .chain(args.iter().copied())
        .map(quote)
        .collect::<Vec<_>>()
        .join(" ");
    let o = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs script");
    Some((
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    ))
}

/// A store of two articles, each on a Nguyễn Văn Hải: one Bí thư in Hà Tĩnh, one Chủ tịch in
/// Nghệ An (two people: two scopes, two IRIs).
pub fn namesakes() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("namesakes.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id": "a", "text": "Hà Tĩnh họp\n\nDự có đồng chí Nguyễn Văn Hải - Bí thư Tỉnh ủy Hà Tĩnh."}"#,
            "\n",
            r#"{"id": "b", "text": "Nghệ An họp\n\nDự có đồng chí Nguyễn Văn Hải - Chủ tịch UBND tỉnh Nghệ An."}"#,
            "\n"
        ),
    )
    .unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&input)]);
    (dir, store)
}

/// A store of `inputs`, ingested once for all the tests that share `cell` (the servers open it
/// read-only, several at a time).
pub fn ingested_once(
    cell: &'static std::sync::OnceLock<(tempfile::TempDir, PathBuf)>,
    inputs: &[PathBuf],
) -> &'static Path {
    &cell
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = dir.path().join("db");
            let mut args = vec!["ingest", "--store", s(&store)];
            args.extend(inputs.iter().map(|p| s(p)));
            ok(&args);
            (dir, store)
        })
        .1
}

/// `polgraph serve` of `store` on a free port, with `extra` arguments: the child and the address
/// its first line says it listens on (`http://127.0.0.1:PORT`).
pub fn spawn_serve(store: &Path, extra: &[&str]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = bin()
        .args(["serve", "--store", s(store), "--bind", "127.0.0.1:0"])
        .args(extra)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs polgraph serve");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    (child, base)
}

/// The quads of one named graph of a store (the lines of its N-Quads export that end with
/// `<GRAPH> .`), sorted.
pub fn graph_quads(store: &Path, graph: &str) -> Vec<String> {
    let end = format!("<{graph}> .");
    let mut q: Vec<String> = ok(&["export", "--store", s(store), "--format", "nq"])
        .lines()
        .filter(|l| l.ends_with(&end))
        .map(String::from)
        .collect();
    q.sort();
    q
}

/// A generated corpus of `count` articles (`--seed seed`) in `dir`, and the same cut in two
/// files at article `at`: (whole, head, tail), for "the same however the articles arrive".
pub fn split_corpus(dir: &Path, count: usize, seed: u64, at: usize) -> (PathBuf, PathBuf, PathBuf) {
    let corpus = dir.join("corpus.jsonl");
    let (count, seed) = (count.to_string(), seed.to_string());
    ok(&[
        "generate",
        "--count",
        &count,
        "--seed",
        &seed,
        "-o",
        s(&corpus),
    ]);
    let lines: Vec<String> = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let (head, tail) = (
        write_lines(dir, "head.jsonl", &lines[..at]),
        write_lines(dir, "tail.jsonl", &lines[at..]),
    );
    (corpus, head, tail)
}

/// Writes `lines` to the file `name` in `dir`, one a line; its path.
pub fn write_lines(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p
}
