//! `polgraph eval`: agrees with the reference scorer.

use std::process::Command;

use crate::common::*;

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
    // The coverage line is ours alone (the share of people found who get a post).
    let coverage = ours
        .lines()
        .find(|l| l.starts_with("coverage "))
        .expect("a coverage line");
    assert!(coverage.ends_with("gold: 64 of 70 (91.4%)"), "{coverage}");
    let ours: String = ours
        .lines()
        .filter(|l| !l.starts_with("coverage "))
        .map(|l| format!("{l}\n"))
        .collect();
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
