//! What the command line says about itself: --help of every subcommand, shell completions,
//! manual pages.

use crate::common::*;

/// The subcommands `polgraph --help` lists.
fn subcommands() -> Vec<String> {
    let help = ok(&["--help"]);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // (A description that wraps goes on indented further.)
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect()
}

#[test]
fn every_positional_argument_has_a_description() {
    let commands = subcommands();
    assert!(commands.len() > 15, "{commands:?}");
    for c in &commands {
        let help = ok(&[c, "--help"]);
        let lines: Vec<&str> = help.lines().collect();
        let Some(start) = lines.iter().position(|l| *l == "Arguments:") else {
            continue;
        };
        for (i, l) in lines.iter().enumerate().skip(start + 1) {
            if !l.starts_with("  ") {
                break;
            }
            let t = l.trim_start();
            if l.len() - t.len() == 2 && (t.starts_with('<') || t.starts_with('[')) {
                let described = t.split_once(char::is_whitespace).is_some()
                    || lines
                        .get(i + 1)
                        .is_some_and(|n| n.starts_with("          "));
                assert!(described, "polgraph {c}: {t} has no description:\n{help}");
            }
        }
    }
}

#[test]
fn completions_for_every_shell() {
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef polgraph"),
        ("fish", "complete -c polgraph"),
        ("elvish", "edit:completion:arg-completer[polgraph]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = ok(&["completions", shell]);
        assert!(out.contains(mark), "{shell}: {out}");
        // Subcommands and their options are there.
        assert!(
            out.contains("ingest") && out.contains("fail-empty"),
            "{shell}"
        );
    }
    let o = run(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    if have("bash", &["--version"]) {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("polgraph.bash");
        std::fs::write(&script, ok(&["completions", "bash"])).unwrap();
        let o = std::process::Command::new("bash")
            .args([
                "-c",
                &format!("source {} && complete -p polgraph", s(&script)),
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn man_pages_from_the_same_definitions() {
    let page = ok(&["man"]);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq") || page.contains(".TH polgraph"),
        "{page}"
    );
    assert!(page.contains(".TH polgraph 1"), "{page}");
    assert!(
        page.contains("ingest") && page.contains("completions"),
        "{page}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let o = run(&["man", "-o", s(&out)]);
    assert!(o.status.success());
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert!(pages.contains(&"polgraph.1".to_string()), "{pages:?}");
    for c in subcommands() {
        let file = format!("polgraph-{c}.1");
        assert!(pages.contains(&file), "{file}: {pages:?}");
    }
    let query = std::fs::read_to_string(out.join("polgraph-query.1")).unwrap();
    assert!(query.contains("fail\\-empty"), "{query}");
    assert_eq!(
        std::fs::read_to_string(out.join("polgraph.1")).unwrap(),
        page
    );
}
