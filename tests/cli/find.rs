//! `polgraph find` and names as typed in the parameters of the shipped queries.

use crate::common::*;

#[test]
fn find_folds_case_and_tones_and_tells_namesakes_apart() {
    let (_d, store) = ingested();
    let out = ok(&["find", "--store", s(&store), "nguyen", "van", "hai"]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], ["kind", "name", "province", "articles", "id"]);
    assert_eq!(
        rows[1][..4],
        ["person", "Nguyễn Văn Hải", "tỉnh Hà Tĩnh", "1"]
    );
    assert!(rows[1][4].starts_with("https://w3id.org/polgraph/id/person/ha-tinh/nguyen-van-hai-"));
    // A level word is optional; --kind keeps one kind.
    let out = ok(&["find", "--store", s(&store), "--kind", "place", "HONG LINH"]);
    assert_eq!(
        out.lines().nth(1).unwrap().split('\t').nth(1),
        Some("thị xã Hồng Lĩnh")
    );
    assert!(
        out.lines().skip(1).all(|l| l.starts_with("place\t")),
        "{out}"
    );
    // Nothing like it: said, exit 1.
    let o = run(&["find", "--store", s(&store), "xyzzy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no name"));

    // Two Nguyễn Văn Hải in two provinces: two rows, each with its province and id.
    let (_dir, two) = namesakes();
    let out = ok(&[
        "find",
        "--store",
        s(&two),
        "--kind",
        "person",
        "nguyen van hai",
    ]);
    let provinces: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(2).unwrap())
        .collect();
    assert_eq!(provinces.len(), 2, "{out}");
    assert!(provinces.contains(&"tỉnh Hà Tĩnh") && provinces.contains(&"tỉnh Nghệ An"));

    // A query's person typed without marks: the two are candidates, with ids, and one is asked for.
    let o = run(&[
        "query",
        "--store",
        s(&two),
        "person-posts",
        "--param",
        "person=nguyen van hai",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("matches several names"), "{err}");
    assert!(
        err.contains("tỉnh Hà Tĩnh") && err.contains("tỉnh Nghệ An"),
        "{err}"
    );
    assert!(
        err.contains("--param 'person=<https://w3id.org/polgraph/id/person/nghe-an/"),
        "{err}"
    );
    // Typed as the store has it: both, each row with its id.
    assert_eq!(
        csv_with(&two, "person-posts", &["person=Nguyễn Văn Hải"]).len(),
        2
    );
}

#[test]
fn name_parameters_are_read_as_typed() {
    let (_d, store) = ingested();
    let exact = csv_with(&store, "person-posts", &["person=Nguyễn Văn Hải"]);
    assert_eq!(exact.len(), 2);
    for typed in ["nguyen van hai", "NGUYỄN VĂN HẢI", "Văn Hải"] {
        let o = run(&[
            "query",
            "--store",
            s(&store),
            "--format",
            "csv",
            "person-posts",
            "--param",
            &format!("person={typed}"),
        ]);
        assert!(o.status.success(), "{typed}");
        assert_eq!(
            csv_rows(&String::from_utf8_lossy(&o.stdout)),
            exact,
            "{typed}"
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("read as \"Nguyễn Văn Hải\" (tỉnh Hà Tĩnh)"),
            "{typed}: {err}"
        );
    }
    // A place without its level word, a title in lower case.
    let exact = csv_with(&store, "holders", &["role=Bí thư", "place=tỉnh Bắc Kạn"]);
    assert!(!exact.is_empty());
    assert_eq!(
        csv_with(&store, "holders", &["role=bí thư", "place=Bắc Kạn"]),
        exact
    );
    // Several people begin so: listed, none chosen.
    let o = run(&[
        "query",
        "--store",
        s(&store),
        "person-posts",
        "--param",
        "person=Nguyễn",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Nguyễn Thanh Lâm") && err.contains("Nguyễn Thiện Nhơn"),
        "{err}"
    );
    // Nothing like it: the query answers no rows, and says so.
    let o = run(&[
        "query",
        "--store",
        s(&store),
        "person-posts",
        "--param",
        "person=Lê Văn Z",
    ]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stderr).trim(), "(0 rows)");
}

#[test]
fn path_and_graph_read_names_as_typed_too() {
    let (_d, store) = ingested();
    let exact = ok(&[
        "path",
        "--store",
        s(&store),
        "Nguyễn Văn Hải",
        "Tỉnh ủy Hà Tĩnh",
    ]);
    let o = run(&[
        "path",
        "--store",
        s(&store),
        "nguyen van hai",
        "tinh uy ha tinh",
    ]);
    assert!(o.status.success());
    let said = String::from_utf8_lossy(&o.stdout);
    // The same chain, from the first line on (which repeats the name as typed).
    assert_eq!(
        said.lines().skip(1).collect::<Vec<_>>(),
        exact.lines().skip(1).collect::<Vec<_>>()
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("FROM \"nguyen van hai\" read as \"Nguyễn Văn Hải\" (tỉnh Hà Tĩnh)"),
        "{err}"
    );
    assert!(
        err.contains("TO \"tinh uy ha tinh\" read as \"Tỉnh ủy Hà Tĩnh\""),
        "{err}"
    );
    let o = run(&["path", "--store", s(&store), "nguyen", "Tỉnh ủy Hà Tĩnh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("matches several names"));
    // graph --around: the same neighbourhood as the name written out.
    let around = |name: &str| {
        ok(&[
            "graph",
            "--store",
            s(&store),
            "--around",
            name,
            "--depth",
            "1",
        ])
    };
    let exact = around("Nguyễn Văn Hải");
    let typed = around("van hai");
    let body = |dot: &str| dot.lines().filter(|l| l.contains("->")).count();
    assert!(body(&exact) > 0);
    assert_eq!(body(&typed), body(&exact));
}
