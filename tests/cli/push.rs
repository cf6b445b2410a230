//! `polgraph push`: into an oxigraph server and into Virtuoso, asked the same questions after.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

pub struct Server(pub std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
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
    // Five articles, the tenures graph and the descriptions graph.
    assert!(String::from_utf8_lossy(&o.stderr).contains("7 failed"));
}

/// A Virtuoso of its own: database, ports and web root in `dir`, listening on 127.0.0.1 only.
pub fn virtuoso_ini(dir: &Path, sql_port: u16, http_port: u16) -> PathBuf {
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
pub fn sparql_get_csv(endpoint: &str, query: &str) -> Option<Vec<Vec<String>>> {
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
            said.contains("pushed 5 article graphs, the tenures graph and the descriptions graph"),
            "{said}"
        );
        assert_eq!(sparql_get_csv(&sparql, count_query).unwrap()[0][0], quads);
    }
    // The same question has the same rows (Virtuoso writes booleans as 1 and 0 in CSV).
    let offices = std::fs::read_to_string(root().join("queries/offices.rq")).unwrap();
    let mut theirs = sparql_get_csv(&sparql, &offices).unwrap();
    // `former`, the fifth column of `offices`.
    for r in &mut theirs {
        let last = &mut r[4];
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
    // Five articles, the tenures graph and the descriptions graph.
    assert!(String::from_utf8_lossy(&o.stderr).contains("7 failed"));
}
