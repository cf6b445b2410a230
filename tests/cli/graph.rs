//! `polgraph graph`, `path` and `rank`: DOT snapshots, GraphViz, paths and the network's shape.

use std::collections::BTreeSet;
use std::process::Command;

use crate::common::*;

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

/// PNG and PDF are not written to a terminal (exit code 2, before anything is drawn).
#[test]
fn binary_formats_are_not_written_to_a_terminal() {
    let (_d, store) = ingested();
    for format in ["png", "pdf"] {
        let Some((code, screen)) =
            on_terminal(&["graph", "--store", s(&store), "--format", format], &[])
        else {
            return;
        };
        assert_eq!(code, Some(2), "{screen}");
        assert!(
            screen.contains("not written to a terminal") && screen.contains("-o FILE"),
            "{screen}"
        );
        assert!(
            !screen.contains("PNG") && !screen.contains("%PDF"),
            "{screen}"
        );
    }
    // DOT is text: a terminal gets it.
    let (code, screen) = on_terminal(&["graph", "--store", s(&store)], &[]).unwrap();
    assert_eq!(code, Some(0));
    assert!(screen.contains("digraph"), "{screen}");
}
