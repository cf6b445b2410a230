//! `polgraph explain`: role words not turned into offices, with the extractor's reason.

use std::io::Write;
use std::process::Stdio;

use crate::common::*;

fn explain_stdin(args: &[&str], text: &str) -> String {
    let mut child = bin()
        .arg("explain")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const TEXT: &str = "Ông Nguyễn Văn Hải, Chủ tịch UBND huyện Kim Thành, tỉnh Hải Dương, dự họp. Các phó chủ tịch UBND huyện Kim Thành cũng dự. Nhiều đại biểu phát biểu.\n";

#[test]
fn lists_each_unclaimed_role_word_with_its_reason() {
    let out = explain_stdin(&[], TEXT);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r[1], r[2])).collect();
    assert_eq!(got, [("plural", "phó chủ tịch"), ("no-body", "đại biểu")]);
    assert_eq!(rows[0][3], "Các phó chủ tịch UBND huyện Kim Thành cũng dự.");
    // --all adds the role word that became an office.
    let all = explain_stdin(&["--all"], TEXT);
    assert!(all.lines().next().unwrap().contains("\toffice\tChủ tịch\t"));
    // --reason keeps one reason.
    let plural = explain_stdin(&["--reason", "plural"], TEXT);
    assert_eq!(plural.lines().count(), 1);
    assert!(plural.contains("\tplural\tphó chủ tịch\t"));
    let bad = run(&["explain", "--reason", "nope", "-"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("the reasons are office, in-body-name"));
}

#[test]
fn summary_gives_coverage_reasons_and_classes() {
    let out = explain_stdin(&["--summary"], TEXT);
    assert!(
        out.starts_with("articles 1  people 1  with a post 1 (100.0%)\nrole mentions 3\n"),
        "{out}"
    );
    assert!(out.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()
        == [
            "plural", "1", "33.3%", "generic", "or", "plural", "(`các", "phó", "chủ", "tịch`)",
            "with", "no", "names", "after", "it"
        ]));
    assert!(
        out.contains("      1  plural              các phó chủ tịch\n"),
        "{out}"
    );
}

#[test]
fn a_bare_post_whose_holder_was_named_refers_to_them() {
    let text = "Thủ tướng Phạm Minh Chính dự hội nghị. Thủ tướng đề nghị các bộ khẩn trương. Chủ tịch nước đã ký quyết định.\n";
    let rows: Vec<(String, String)> = explain_stdin(&[], text)
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1].to_string(), f[2].to_string())
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("holder-named-before".to_string(), "Thủ tướng".to_string()),
            ("no-person".to_string(), "Chủ tịch nước".to_string())
        ]
    );
    let out = explain_stdin(&["--summary"], text);
    assert!(
        out.contains("  holder-named-before      1   33.3%  refers to the holder named before\n"),
        "{out}"
    );
}

#[test]
fn an_unknown_article_id_is_said() {
    let out = bin()
        .args(["explain", "--article", "nope", s(&examples())])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article \"nope\""));
    assert!(out.stdout.is_empty());
}
