//! jobs/spark/extract.py on Apache Spark (`local[2]`): `polgraph load` of its part files gives the
//! store that `polgraph ingest` of the same articles gives, tenures included, and Virtuoso's bulk
//! loader takes the same part files, with as many quads.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use crate::push::{sparql_get_csv, virtuoso_ini, Server};

/// The shared corpora, beside the repository (or beside the folder of its worktrees).
fn corpora() -> Option<PathBuf> {
    ["../shared/corpus", "../../shared/corpus"]
        .iter()
        .map(|p| root().join(p))
        .find(|p| p.join("dev").is_dir())
}

/// The articles of the test as JSON Lines: the dev corpora (each .txt with its sidecar .json),
/// and the first 120 records of raw/press.jsonl; the examples where the corpora are not here.
fn corpus_jsonl(out: &Path) -> usize {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut press = None;
    match corpora() {
        Some(c) => {
            let mut devs: Vec<_> = std::fs::read_dir(&c)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.is_dir()
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("dev"))
                })
                .collect();
            devs.sort();
            dirs.extend(devs);
            press = Some(c.join("raw/press.jsonl")).filter(|p| p.is_file());
        }
        None => {
            eprintln!("no ../shared/corpus: the Spark test runs on the examples only");
            dirs.push(examples());
        }
    }
    let mut lines = Vec::new();
    for d in &dirs {
        let mut files: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            let mut record = serde_json::json!({
                "id": f.file_stem().unwrap().to_string_lossy(),
                "text": std::fs::read_to_string(&f).unwrap(),
            });
            if let Ok(side) = std::fs::read_to_string(f.with_extension("json")) {
                let side: serde_json::Value = serde_json::from_str(&side).unwrap();
                for (k, v) in side.as_object().unwrap() {
                    record[k] = v.clone();
                }
            }
            lines.push(record.to_string());
        }
    }
    if let Some(p) = press {
        let text = std::fs::read_to_string(p).unwrap();
        lines.extend(text.lines().take(120).map(String::from));
    }
    std::fs::write(out, lines.join("\n") + "\n").unwrap();
    lines.len()
}

#[test]
fn spark_job_then_load_gives_the_store_of_ingest_and_virtuoso_loads_it_too() {
    if !have("java", &["-version"])
        || !have("python3", &["-c", "import pyspark"])
        || !have("spark-submit", &["--version"])
    {
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus.jsonl");
    let n = corpus_jsonl(&corpus);
    let out = d.path().join("out");
    // The binary reaches the executors with --files, as on a cluster; the job's working folder
    // has no polgraph of its own.
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_polgraph"));
    let o = Command::new("spark-submit")
        .args([
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--files",
            s(&bin),
            s(&root().join("jobs/spark/extract.py")),
            "--input",
            s(&corpus),
            "--output",
            s(&out),
            "--partitions",
            "3",
            "--polgraph",
            "polgraph",
        ])
        .current_dir(d.path())
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap();
    // spark-submit passes the driver's standard error to its standard output.
    let said =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "spark-submit failed:\n{said}");
    assert!(said.contains("0 input(s) skipped"), "{said}");
    assert!(out.join("_SUCCESS").is_file());
    let mut parts: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("part-"))
        .collect();
    parts.sort();
    // Three partitions of articles, and the tenures graph.
    assert_eq!(
        parts,
        [
            "part-00000.nq",
            "part-00001.nq",
            "part-00002.nq",
            "part-00003.nq"
        ]
    );

    let loaded = d.path().join("loaded");
    let o = run(&["load", "--store", s(&loaded), s(&out)]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{said}");
    assert!(said.contains(&format!("loaded {n} articles")), "{said}");
    let ingested = d.path().join("ingested");
    ok(&["ingest", "--store", s(&ingested), s(&corpus)]);
    let export = |store: &Path| ok(&["export", "--store", s(store), "--format", "nq"]);
    let (theirs, ours) = (export(&loaded), export(&ingested));
    let tenures = "<https://w3id.org/polgraph/id/graph/tenures> .";
    assert!(ours.lines().filter(|l| l.ends_with(tenures)).count() > 100);
    // Byte for byte: sorted N-Quads of every graph, tenures included.
    assert!(theirs == ours, "the stores differ");
    for q in ["holders", "person-posts", "offices"] {
        assert_eq!(csv(&loaded, q), csv(&ingested, q), "{q}");
    }

    // Virtuoso's bulk loader on the same part files.
    if !have("sh", &["-c", "command -v virtuoso-t && command -v isql-vt"]) {
        return;
    }
    let vdir = d.path().join("virtuoso");
    std::fs::create_dir_all(&vdir).unwrap();
    let sql_port = free_port();
    let http_port = std::iter::repeat_with(free_port)
        .find(|&p| p != sql_port)
        .unwrap();
    let ini = virtuoso_ini(&vdir, sql_port, http_port);
    // ld_dir reads only from the folders the configuration allows.
    let text = std::fs::read_to_string(&ini).unwrap().replace(
        "DirsAllowed = .,",
        &format!("DirsAllowed = ., {},", s(&out)),
    );
    std::fs::write(&ini, text).unwrap();
    let _server = Server(
        Command::new("virtuoso-t")
            .args(["+configfile", s(&ini), "+foreground"])
            .current_dir(&vdir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let sparql = format!("http://127.0.0.1:{http_port}/sparql");
    let up = (0..240).any(|_| {
        let up = sparql_get_csv(&sparql, "ASK {}").is_some();
        if !up {
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        up
    });
    assert!(
        up,
        "Virtuoso did not start: {}",
        std::fs::read_to_string(vdir.join("virtuoso.log")).unwrap_or_default()
    );
    let isql = |sql: &str| {
        let o = Command::new("isql-vt")
            .args([
                &format!("127.0.0.1:{sql_port}"),
                "dba",
                "dba",
                &format!("exec={sql}"),
            ])
            .output()
            .unwrap();
        let said =
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "isql {sql}: {said}");
        said
    };
    // As the README shows it.
    isql(&format!(
        "ld_dir('{}', '*.nq', 'https://w3id.org/polgraph/id/graph/unnamed'); rdf_loader_run(); checkpoint;",
        s(&out)
    ));
    let failed =
        isql("SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL OR ll_state <> 2;");
    let loaded_files = isql("SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_state = 2;");
    assert!(
        failed.lines().any(|l| l.trim() == "0") && loaded_files.lines().any(|l| l.trim() == "4"),
        "Virtuoso's loader: {failed}\n{loaded_files}"
    );
    let count_query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
                       FILTER(STRSTARTS(STR(?g), \"https://w3id.org/polgraph/id/\")) }";
    // The identity graph (links between people, `rdf::identity`) is made by `polgraph load` from
    // the whole store, not by the job: Virtuoso holds everything else.
    let identity = "<https://w3id.org/polgraph/id/graph/identity> .";
    assert_eq!(
        sparql_get_csv(&sparql, count_query).unwrap()[0][0],
        ours.lines()
            .filter(|l| !l.ends_with(identity))
            .count()
            .to_string()
    );
}
