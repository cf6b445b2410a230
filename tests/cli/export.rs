//! `polgraph export`: round trips in every format, and golden N-Quads of the examples.

use std::collections::BTreeSet;

use crate::common::*;

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
    assert!(quads.len() > 500, "{}", quads.len());
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
    // Its graph, the descriptions of the units it names and the tenures its holdings link to.
    let described = "<https://w3id.org/polgraph/id/graph/descriptions>";
    let tenures = "<https://w3id.org/polgraph/id/graph/tenures>";
    assert!(
        !one.is_empty()
            && one.iter().all(|q| {
                q.ends_with("<https://w3id.org/polgraph/id/article/seed001>")
                    || q.ends_with(described)
                    || q.ends_with(tenures)
            })
            && one.iter().any(|q| q.ends_with(described)),
        "{one:?}"
    );
    // A holding's person and post are its tenure's, and its role and body its post's: they come
    // with the article (the tenure's counts, which other articles make, do not).
    let linked: Vec<&str> = one
        .iter()
        .filter_map(|q| {
            q.split(" <https://w3id.org/polgraph/ontology#tenure> ")
                .nth(1)
        })
        .map(|rest| rest.split(' ').next().unwrap())
        .collect();
    assert!(!linked.is_empty(), "{one:?}");
    for t in &linked {
        let about = |p: &str| {
            one.iter()
                .find(|q| q.starts_with(&format!("{t} <{p}> ")) && q.ends_with(tenures))
                .unwrap_or_else(|| panic!("{t} {p} in {one:?}"))
        };
        about("http://www.w3.org/ns/org#member");
        let post = about("https://w3id.org/polgraph/ontology#post")
            .split(' ')
            .nth(2)
            .unwrap();
        for p in [
            "http://www.w3.org/ns/org#role",
            "http://www.w3.org/ns/org#postIn",
        ] {
            assert!(
                one.iter()
                    .any(|q| q.starts_with(&format!("{post} <{p}> ")) && q.ends_with(tenures)),
                "{post} {p} in {one:?}"
            );
        }
    }
    assert!(
        !one.iter().any(|q| q.contains("ontology#statements>")),
        "{one:?}"
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

/// The examples' N-Quads are the reviewed `tests/golden/examples.nq` (the export is in the
/// store's order, the same from any store of the same articles); `POLGRAPH_BLESS=1` rewrites it.
#[test]
fn the_examples_export_as_their_golden_n_quads() {
    let (_d, store) = ingested();
    let nq = ok(&["export", "--store", s(&store), "--format", "nq"]);
    assert!(nq.lines().count() > 500, "{nq}");
    golden("examples.nq", &nq);
}

/// A store of `n` generated articles (`polgraph generate`).
fn generated(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let store = dir.path().join("db");
    ok(&["generate", "--count", &n.to_string(), "-o", s(&corpus)]);
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    (dir, store)
}

/// `polgraph export` with the sort's runs of `run_bytes` in the folder `tmp`.
fn export_with(
    store: &std::path::Path,
    format: &str,
    run_bytes: usize,
    tmp: &std::path::Path,
) -> std::process::Output {
    bin()
        .args(["export", "--store", s(store), "--format", format])
        .env("POLGRAPH_SORT_RUN_BYTES", run_bytes.to_string())
        .env("TMPDIR", tmp)
        .output()
        .unwrap()
}

/// `polgraph export -o out`, the sort's runs of 2 KiB.
fn export_to(store: &std::path::Path, format: &str, out: &std::path::Path) -> std::process::Output {
    bin()
        .args([
            "export",
            "--store",
            s(store),
            "--format",
            format,
            "-o",
            s(out),
        ])
        .env("POLGRAPH_SORT_RUN_BYTES", "2048")
        .output()
        .unwrap()
}

/// Sorted on disk in hundreds of runs of 2 KiB (merged in two levels), every format is
/// byte-identical to the export sorted in memory (one run), the N-Quads are the store's quads
/// sorted and each once, and no temporary file is left in the folder.
#[test]
fn an_export_sorted_on_disk_is_the_export_sorted_in_memory() {
    let (_d, store) = generated(150);
    let tmp = tempfile::tempdir().unwrap();
    let mut sizes = Vec::new();
    for format in ["nq", "nt", "ttl", "trig", "rdfxml", "jsonld"] {
        let on_disk = export_with(&store, format, 2048, tmp.path());
        assert!(
            on_disk.status.success(),
            "{}",
            String::from_utf8_lossy(&on_disk.stderr)
        );
        let in_memory = export_with(&store, format, 1 << 30, tmp.path());
        assert!(in_memory.status.success());
        assert!(
            on_disk.stdout == in_memory.stdout,
            "{format}: the sort on disk differs"
        );
        assert_eq!(
            std::fs::read_dir(tmp.path()).unwrap().count(),
            0,
            "{format}: files left"
        );
        sizes.push(on_disk.stdout.len());
        if format == "nq" {
            let text = String::from_utf8(on_disk.stdout).unwrap();
            let lines: Vec<&str> = text
                .lines()
                .map(|l| l.strip_suffix(" .").unwrap())
                .collect();
            // Hundreds of runs: the merge really merged (64 runs of one size make one larger).
            assert!(text.len() > 200 * 2048, "{} bytes", text.len());
            let mut want = lines.clone();
            want.sort();
            want.dedup();
            assert_eq!(lines, want, "not sorted, or a quad twice");
            let store_len: usize = ok(&["stats", "--store", s(&store)])
                .lines()
                .find_map(|l| l.strip_prefix("quads")?.trim().parse().ok())
                .expect("stats gives the quads");
            assert_eq!(lines.len(), store_len);
        }
    }
    assert!(sizes.iter().all(|&n| n > 0), "{sizes:?}");
}

/// `--output FILE`: the runs go beside it, none is left, the file is the export.
#[test]
fn an_export_to_a_file_leaves_only_the_file() {
    let (_d, store) = generated(60);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("all.ttl");
    let o = export_to(&store, "ttl", &file);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let names: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["all.ttl"]);
    let stdout = ok(&["export", "--store", s(&store), "--format", "ttl"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
}

/// `-o /dev/null` (to time an export): its runs went into /dev, a small file system in memory,
/// until full, and the failed export removed /dev/null as it removes a cut file. Now the runs go to
/// the temporary folder, a device is neither synced nor removed, and the export succeeds.
#[test]
fn an_export_to_dev_null_succeeds_and_leaves_the_device() {
    use std::os::unix::fs::FileTypeExt;
    let (_d, store) = generated(60);
    let o = export_to(&store, "nq", std::path::Path::new("/dev/null"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = std::fs::metadata("/dev/null").unwrap();
    assert!(m.file_type().is_char_device(), "/dev/null is no device now");
}

/// A folder for the runs that is not there, and one on a full disk (the file size limit of
/// `ulimit -f`, `EFBIG` once SIGXFSZ is ignored, stands for it): an error that names the
/// folder, exit code 2, and no output file left (a cut export could pass for a whole one).
#[test]
fn a_sort_that_cannot_write_its_runs_says_where() {
    let (_d, store) = generated(60);
    let missing = tempfile::tempdir().unwrap().path().join("gone");
    let o = export_with(&store, "nq", 4096, &missing);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "{}: cannot make a temporary file",
            missing.display()
        )),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("all.nq");
    let line = format!(
        "trap '' XFSZ; ulimit -f 16; exec '{}' export --store '{}' --format nq -o '{}'",
        env!("CARGO_BIN_EXE_polgraph"),
        s(&store),
        s(&file)
    );
    let o = std::process::Command::new("sh")
        .args(["-c", &line])
        .env("POLGRAPH_SORT_RUN_BYTES", "65536")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "{}: cannot write a temporary file for the sort of the export",
            dir.path().display()
        )),
        "{err}"
    );
    assert!(err.contains("free room"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "files left"
    );
}

/// Stopped by Ctrl-C (SIGINT) in the middle, with its runs written and its output not read:
/// nothing is left in the temporary folder.
#[test]
fn an_export_stopped_by_ctrl_c_leaves_no_temporary_file() {
    let (_d, store) = generated(150);
    let tmp = tempfile::tempdir().unwrap();
    let mut command = bin();
    command
        .args(["export", "--store", s(&store), "--format", "nq"])
        .env("POLGRAPH_SORT_RUN_BYTES", "2048")
        .env("TMPDIR", tmp.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    // Ctrl-C as a terminal sends it: a test run started in the background by a shell (`cmd &`)
    // ignores SIGINT, and a child inherits that; the export then never stopped.
    // SAFETY: `signal` is async-signal-safe, the only call made between fork and exec.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut command, || {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = command.spawn().unwrap();
    // The output is not read: the export stops when the pipe is full, after its runs.
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let ended = child.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&ended),
        Some(2),
        "{ended:?}"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "files left"
    );
}
