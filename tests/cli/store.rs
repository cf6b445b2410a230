//! The store every subcommand but `ingest` reads: a missing or mistyped one is refused, never
//! made.

use crate::common::*;

#[test]
fn every_reading_command_refuses_a_missing_store_and_leaves_none() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nosuch.db");
    let m = s(&missing);
    let commands: Vec<Vec<&str>> = vec![
        vec!["query", "--store", m, "offices"],
        vec!["export", "--store", m, "--format", "nq"],
        vec!["graph", "--store", m],
        vec!["path", "--store", m, "A", "B"],
        vec!["rank", "--store", m],
        vec![
            "push",
            "--store",
            m,
            "--endpoint",
            "http://127.0.0.1:9/store",
        ],
        vec!["validate", "--store", m],
        vec!["stats", "--store", m],
        vec!["compact", "--store", m],
    ];
    for args in &commands {
        let o = run(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(m) && err.contains("polgraph ingest") && err.contains("--store"),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!missing.exists(), "{args:?} left {m} behind");
    }
    // A folder that is not a store (a typo that names the articles' folder) is not written to.
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    let o = run(&["query", "--store", s(&folder), "offices"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a polgraph store"));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    // Only ingest makes one, and its help says so; the others' say where one comes from.
    ok(&["ingest", "--store", m, s(&examples())]);
    assert!(ok(&["stats", "--store", m]).contains("articles  5"));
    // (Words joined again: --help wraps its lines.)
    let help = |c: &str| {
        ok(&[c, "--help"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(help("ingest").contains("created when missing"));
    for c in [
        "query", "export", "graph", "path", "rank", "push", "validate", "stats", "compact",
    ] {
        let help = help(c);
        assert!(
            !help.contains("created when missing") && help.contains("made by `polgraph ingest`"),
            "{c}: {help}"
        );
    }
}
