//! `polgraph query` and `polgraph queries`: shipped queries, parameters, plans, timeouts, the
//! dataset a query sees, and golden answers of every shipped query on the examples.

use std::collections::BTreeSet;

use crate::common::*;

#[test]
fn explain_prints_the_results_and_the_plan_of_the_same_run() {
    let (_d, store) = ingested();
    let args = ["query", "--store", s(&store), "--format", "csv", "offices"];
    let plain = ok(&args);
    let o = run(&[&args[..], &["--explain"]].concat());
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout), plain);
    let plan: serde_json::Value = serde_json::from_slice(&o.stderr).expect("a JSON plan");
    let rows = plain.lines().count() - 1;
    assert!(rows > 2, "{plain}");
    // The plan's root counts the rows printed: its statistics are those of the run.
    assert_eq!(
        plan["plan"]["number of results"].as_u64(),
        Some(rows as u64),
        "{plan}"
    );
}

#[test]
fn parameters_are_bound_as_terms_not_pasted() {
    let (_d, store) = ingested();
    let out = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--param",
        "person=Nguyễn Văn Hải",
        "person-posts",
    ]);
    assert!(out.contains("Thị ủy Hồng Lĩnh"), "{out}");
    // A value that would close the string, the IRI and the group if it were pasted.
    let evil = "person=x\" } UNION { ?h ?p ?o } #>";
    let out = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--param",
        evil,
        "person-posts",
    ]);
    assert_eq!(out.lines().count(), 1, "only the header: {out}");
    let o = run(&[
        "query",
        "--store",
        s(&store),
        "--param",
        "no-equals-sign",
        "offices",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected NAME=VALUE"));
}

/// A parametrised query gives exactly the rows of its unparametrised listing that have the
/// parameters' values (the parameters only change where the plan starts).
#[test]
fn parameters_select_the_rows_of_the_full_listing() {
    let (_d, store) = ingested();
    let rows = |q: &str, params: &[String]| -> Vec<String> {
        // SPARQL results TSV: the labels' language tags are part of what is checked.
        let mut args = vec!["query", "--store", s(&store), "--format", "sparql-tsv"];
        for p in params {
            args.extend(["--param", p.as_str()]);
        }
        args.push(q);
        let mut r: Vec<String> = ok(&args).lines().skip(1).map(String::from).collect();
        r.sort();
        r
    };
    let value = |cell: &str| cell.split('"').nth(1).unwrap_or(cell).to_string();
    let holders = rows("holders", &[]);
    assert!(holders.len() > 10, "{holders:?}");
    // The first holder's post in a province (a row whose place is a tỉnh).
    let first: Vec<&str> = holders
        .iter()
        .map(|r| r.split('\t').collect::<Vec<_>>())
        .find(|c| c[1].contains("tỉnh "))
        .expect("a holder within a province");
    let (role, place) = (value(first[0]), value(first[1]));
    assert!(
        first[0].ends_with("@vi"),
        "labels are Vietnamese: {first:?}"
    );
    let selected = rows(
        "holders",
        &[format!("role={role}"), format!("place={place}")],
    );
    let expected: Vec<String> = holders
        .iter()
        .filter(|r| {
            let c: Vec<&str> = r.split('\t').collect();
            value(c[0]) == role && value(c[1]) == place
        })
        .cloned()
        .collect();
    assert!(!selected.is_empty());
    assert_eq!(selected, expected);

    for q in ["person-posts", "person-statements"] {
        let all = rows(q, &[]);
        let person = value(all[0].split('\t').next().unwrap());
        let selected = rows(q, &[format!("person={person}")]);
        let expected: Vec<String> = all
            .iter()
            .filter(|r| value(r.split('\t').next().unwrap()) == person)
            .cloned()
            .collect();
        assert!(!selected.is_empty(), "{q}");
        assert_eq!(selected, expected, "{q}");
    }
}

/// `person-statements`, which reaches the articles through the tenures, lists every holding the
/// articles state (`offices`, read from the article graphs), and `person-posts` a row for each
/// person, post and former flag among them, counting its articles.
#[test]
fn a_persons_posts_and_statements_agree_with_the_offices() {
    let (_d, store) = ingested();
    // doc, person, role, organization, former (then the ids and scopes).
    let offices: BTreeSet<Vec<String>> = csv(&store, "offices")
        .into_iter()
        .map(|r| r[..5].to_vec())
        .collect();
    assert!(offices.len() > 5, "{offices:?}");
    // person, role, organization, former, stated, doc, evidence
    let tsv = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "tsv",
        "person-statements",
    ]);
    let statements: BTreeSet<Vec<String>> = tsv
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l
                .split('\t')
                .map(|c| c.split('"').nth(1).unwrap_or(c))
                .collect();
            [c[5], c[0], c[1], c[2], c[3]].map(String::from).to_vec()
        })
        .collect();
    assert_eq!(statements, offices);
    let mut articles: std::collections::BTreeMap<Vec<String>, usize> = Default::default();
    for o in &offices {
        *articles.entry(o[1..].to_vec()).or_default() += 1;
    }
    let posts: std::collections::BTreeMap<Vec<String>, usize> = csv(&store, "person-posts")
        .into_iter()
        .map(|r| (r[..4].to_vec(), r[6].parse().unwrap()))
        .collect();
    assert_eq!(posts, articles);
}

#[test]
fn queries_by_name_file_and_inline() {
    let (_d, store) = ingested();
    let listing = ok(&["queries"]);
    for name in [
        "articles",
        "persons",
        "offices",
        "organizations",
        "localities",
        "documents",
        "holders",
        "person-posts",
        "person-statements",
        "issued-by",
    ] {
        assert!(
            listing.lines().any(|l| l.starts_with(name)),
            "{name} not listed: {listing}"
        );
    }
    let by_file = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        s(&root().join("queries/persons.rq")),
    ]);
    assert_eq!(
        by_file,
        ok(&["query", "--store", s(&store), "--format", "csv", "persons"])
    );
    let n = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "tsv",
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    // Five article graphs, the tenures graph and the descriptions graph.
    assert_eq!(n.lines().nth(1), Some("7"));
    let c = ok(&["query", "--store", s(&store), "CONSTRUCT { ?a <http://purl.org/dc/terms/identifier> ?d } WHERE { ?a <http://purl.org/dc/terms/identifier> ?d }"]);
    assert!(c.contains("\"seed001\""), "{c}");
    let o = run(&["query", "--store", s(&store), "no-such-query"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown query"));
    let j = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "json",
        "documents",
    ]);
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert!(v["results"]["bindings"]
        .as_array()
        .is_some_and(|b| !b.is_empty()));
}

#[test]
fn a_timeout_stops_a_runaway_query() {
    let (_d, store) = ingested();
    // A triple cross join of the store: billions of rows, minutes without a limit.
    let mut child = bin()
        .args([
            "query",
            "--store",
            s(&store),
            "--timeout",
            "0.5",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded: a timeout that does not work fails the test instead of hanging it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("--timeout 0.5 did not stop the query in 120 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(err.contains("--timeout 0.5"), "{err}");
    // A query that ends in time answers as without one.
    assert_eq!(
        ok(&[
            "query",
            "--store",
            s(&store),
            "--format",
            "csv",
            "--timeout",
            "60",
            "persons"
        ]),
        ok(&["query", "--store", s(&store), "--format", "csv", "persons"])
    );
    let o = run(&["query", "--store", s(&store), "--timeout", "0", "persons"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("above 0"));
}

#[test]
fn a_query_names_its_dataset_and_cannot_write() {
    let (_d, store) = ingested();
    let count = |q: &str| -> u64 {
        let out = ok(&["query", "--store", s(&store), "--format", "tsv", q]);
        out.lines().nth(1).unwrap().parse().unwrap()
    };
    let all = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let seed004 = "<https://w3id.org/polgraph/id/article/seed004>";
    let one = count(&format!(
        "SELECT (COUNT(*) AS ?n) FROM {seed004} WHERE {{ ?s ?p ?o }}"
    ));
    let graph = count(&format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {seed004} {{ ?s ?p ?o }} }}"
    ));
    // `FROM` gives the query that graph alone, the same triples as `GRAPH` reaches.
    assert_eq!(one, graph);
    assert!(0 < one && one < all, "{one} of {all}");
    // `FROM NAMED` without `FROM`: the default graph is empty, as SPARQL 1.1 says.
    assert_eq!(
        count(&format!(
            "SELECT (COUNT(*) AS ?n) FROM NAMED {seed004} WHERE {{ ?s ?p ?o }}"
        )),
        0
    );
    for update in [
        "DROP ALL",
        "DELETE WHERE { ?s ?p ?o }",
        "INSERT DATA { <http://a> <http://b> <http://c> }",
    ] {
        let o = run(&["query", "--store", s(&store), update]);
        assert_eq!(o.status.code(), Some(2), "{update}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("only reads") && err.contains("polgraph ingest"),
            "{err}"
        );
    }
    assert_eq!(count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), all);
    // No remote fetch: the binary has no SERVICE client, and says so (nothing listens on :9).
    let o = run(&[
        "query",
        "--store",
        s(&store),
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not supported"));
}

/// Every shipped query (`queries/*.rq`), run without parameters on the examples, answers the
/// reviewed `tests/golden/query-NAME.csv`: a new query fails here until its answer is blessed
/// (`POLGRAPH_BLESS=1`). The rows of a query without `ORDER BY` are compared sorted.
#[test]
fn every_shipped_query_answers_its_golden_csv() {
    let (_d, store) = ingested();
    let mut names: Vec<String> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() > 10, "{names:?}");
    let listing = ok(&["queries"]);
    for name in &names {
        assert!(
            listing
                .lines()
                .any(|l| l.split_whitespace().next() == Some(name.as_str())),
            "{name} not listed: {listing}"
        );
        let text = std::fs::read_to_string(root().join(format!("queries/{name}.rq"))).unwrap();
        let mut out = ok(&["query", "--store", s(&store), "--format", "csv", name]);
        if !text.contains("ORDER BY") {
            // The lines with their ends (CSV ends them with CRLF), the header first.
            let mut lines: Vec<&str> = out.split_inclusive('\n').collect();
            lines[1..].sort_unstable();
            out = lines.concat();
        }
        assert!(out.lines().count() > 1, "{name} answers no rows: {out}");
        let file = format!("query-{name}.csv");
        if !root().join("tests/golden").join(&file).is_file()
            && std::env::var_os("POLGRAPH_BLESS").is_none()
        {
            panic!(
                "query {name} has no golden answer tests/golden/{file}: run with POLGRAPH_BLESS=1 \
                 and review it"
            );
        }
        golden(&file, &out);
    }
    // No golden answer outlives its query.
    for e in std::fs::read_dir(root().join("tests/golden")).unwrap() {
        let file = e.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(name) = file
            .strip_prefix("query-")
            .and_then(|f| f.strip_suffix(".csv"))
        {
            assert!(
                names.iter().any(|n| n == name),
                "tests/golden/{file}: no queries/{name}.rq"
            );
        }
    }
}

/// Into a pipe or a file, the default is plain TSV, every value whole; a table is cut only to
/// fit a width ($COLUMNS, or the terminal's), and says so on standard error.
#[test]
fn piped_output_is_plain_tsv_and_a_table_fits_its_width() {
    let (_d, store) = ingested();
    let q = "person-statements";
    let tsv = ok(&["query", "--store", s(&store), q]);
    assert_eq!(
        tsv,
        ok(&["query", "--store", s(&store), "--format", "tsv", q])
    );
    let header: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(header[0], "person", "no `?`: {header:?}");
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    // The same plain values as CSV, the evidence longer than a table's old 60 characters whole.
    let csv = ok(&["query", "--store", s(&store), "--format", "csv", q]);
    let long = rows
        .iter()
        .flat_map(|r| r.iter())
        .find(|c| c.chars().count() > 60)
        .expect("a cell longer than 60 characters");
    assert!(csv.contains(long), "{long}");
    assert!(!tsv.contains('│') && !tsv.contains('…') && !tsv.contains("\"@vi"));
    assert_eq!(rows.len(), csv_rows(&csv).len());

    // An explicit table into a file keeps its cells whole ...
    let o = bin()
        .args(["query", "--store", s(&store), "--format", "table", q])
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let table = String::from_utf8(o.stdout).unwrap();
    assert!(table.contains('│') && table.contains(long), "{table}");
    assert!(o.stderr.is_empty());
    // ... and within $COLUMNS cuts them, saying how to see them whole.
    let o = bin()
        .args(["query", "--store", s(&store), "--format", "table", q])
        .env("COLUMNS", "120")
        .output()
        .unwrap();
    let table = String::from_utf8(o.stdout).unwrap();
    assert!(table.lines().all(|l| l.chars().count() <= 120), "{table}");
    assert!(table.contains('…'), "{table}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cut to fit 120 columns") && err.contains("--format tsv"),
        "{err}"
    );
    // On a terminal the default is the table, fitted to it.
    if let Some((code, screen)) =
        on_terminal(&["query", "--store", s(&store), q], &[("COLUMNS", "80")])
    {
        assert_eq!(code, Some(0), "{screen}");
        assert!(
            screen.contains('│') && screen.contains("--format tsv"),
            "{screen}"
        );
        let widest = screen
            .lines()
            .filter(|l| l.contains('│'))
            .map(|l| l.trim_end_matches('\r').chars().count())
            .max();
        assert!(widest.is_some_and(|w| w <= 80), "{screen}");
    }
}

/// `--format jsonl`: an object a row, numbers and booleans typed, an unbound variable left out;
/// plain TSV escapes what would end a cell; `--format sparql-tsv` keeps RDF terms.
#[test]
fn jsonl_tsv_and_sparql_tsv_values() {
    let (_d, store) = ingested();
    let q = r#"SELECT ?doc ?n ?x ?flag ?d ?text WHERE {
        VALUES (?doc ?n ?flag ?d) { ("a" 1 true 2.5) ("b" 20 false "1e3"^^<http://www.w3.org/2001/XMLSchema#double>) }
        OPTIONAL { FILTER(?doc = "a") BIND(<http://e/x> AS ?x) }
        BIND(CONCAT("tab\there", "\nline\\end") AS ?text)
    } ORDER BY ?doc"#;
    let out = ok(&["query", "--store", s(&store), "--format", "jsonl", q]);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object a line"))
        .collect();
    assert_eq!(
        rows,
        [
            serde_json::json!({"doc": "a", "n": 1, "x": "http://e/x", "flag": true, "d": 2.5,
                "text": "tab\there\nline\\end"}),
            serde_json::json!({"doc": "b", "n": 20, "flag": false, "d": 1000.0,
                "text": "tab\there\nline\\end"}),
        ]
    );
    // The columns in the query's order.
    assert!(out.starts_with(r#"{"doc":"a","n":1,"#), "{out}");
    let tsv = ok(&["query", "--store", s(&store), "--format", "tsv", q]);
    assert_eq!(
        tsv.lines().collect::<Vec<_>>(),
        [
            "doc\tn\tx\tflag\td\ttext",
            r"a	1	http://e/x	true	2.5	tab\there\nline\\end",
            // (oxigraph stores `"1e3"^^xsd:double` in the canonical form of its value.)
            r"b	20		false	1000	tab\there\nline\\end",
        ]
    );
    let sparql = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "sparql-tsv",
        "offices",
    ]);
    assert!(sparql.starts_with("?doc\t?person"), "{sparql}");
    assert!(sparql.contains("\"Bùi Văn Sáu\""), "{sparql}");
}

#[test]
fn queries_lists_each_querys_columns() {
    let listing = ok(&["queries"]);
    let lines: Vec<&str> = listing.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("offices "))
        .unwrap();
    assert_eq!(
        lines[at + 1].trim(),
        "columns: doc, person, role, organization, former, since, until"
    );
    let at = lines
        .iter()
        .position(|l| l.starts_with("holders "))
        .unwrap();
    assert!(lines[at + 1]
        .trim()
        .starts_with("columns: role, place, organization, person"));
    assert!(
        lines[at + 2].trim().starts_with("--param role:"),
        "{listing}"
    );
    // Every shipped query lists its columns.
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.trim().starts_with("columns: "))
            .count(),
        lines.iter().filter(|l| !l.starts_with(' ')).count(),
        "{listing}"
    );
}

/// Mistakes are told with what would be right: the query's parameters, the closest query's
/// name; no rows is said on standard error, and is an error only with --fail-empty.
#[test]
fn errors_teach_and_no_rows_is_said() {
    let (_d, store) = ingested();
    let err = |args: &[&str]| {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let st = s(&store);
    let e = err(&["query", "--store", st, "--param", "rol=Bí thư", "holders"]);
    assert!(
        e.contains("\"rol\"") && e.contains("its parameters: role, place"),
        "{e}"
    );
    let e = err(&["query", "--store", st, "--param", "person=x", "offices"]);
    assert!(e.contains("offices takes no parameters"), "{e}");
    // A file or inline query takes its variables.
    let e = err(&[
        "query",
        "--store",
        st,
        "--param",
        "y=1",
        "SELECT ?x WHERE { ?x ?p ?o }",
    ]);
    // (Its projected variables: those a value can be substituted for.)
    assert!(
        e.contains("has no parameter \"y\"; its parameters: x"),
        "{e}"
    );
    let e = err(&[
        "query",
        "--store",
        st,
        "--param",
        "person=a",
        "--param",
        "person=b",
        "person-posts",
    ]);
    assert!(e.contains("--param person is given twice"), "{e}");
    for (typo, meant) in [
        ("ofices", "offices"),
        ("person-post", "person-posts"),
        ("holder", "holders"),
    ] {
        let e = err(&["query", "--store", st, typo]);
        assert!(e.contains(&format!("did you mean {meant}?")), "{typo}: {e}");
    }
    let e = err(&["query", "--store", st, "nothing-like-it"]);
    assert!(
        e.contains("unknown query") && !e.contains("did you mean"),
        "{e}"
    );

    let none = [
        "query",
        "--store",
        st,
        "--param",
        "person=Nobody",
        "person-posts",
    ];
    let o = run(&none);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stderr).trim(), "(0 rows)");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).lines().count(),
        1,
        "the header"
    );
    let o = run(&[&none[..], &["--fail-empty"]].concat());
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["query", "--store", st, "--fail-empty", "persons"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty());
}

/// Two people of one name in two provinces: every query that returns people, but the contract
/// queries, tells them apart by their IRI and scope (issue 20), and the IRI given back as the
/// parameter picks one of them.
#[test]
fn namesakes_in_two_provinces_have_two_ids_and_two_scopes() {
    let (_dir, store) = namesakes();
    let header = |q: &str| -> Vec<String> {
        ok(&["query", "--store", s(&store), "--format", "csv", q])
            .lines()
            .next()
            .unwrap()
            .split(',')
            .map(String::from)
            .collect()
    };
    // person, person_id, person_scope of each row, whatever the query's other columns.
    let people = |q: &str, params: &[&str]| -> BTreeSet<(String, String, String)> {
        let h = header(q);
        let at = |c: &str| {
            h.iter()
                .position(|x| x == c)
                .unwrap_or_else(|| panic!("{q}: {c}"))
        };
        csv_with(&store, q, params)
            .into_iter()
            .map(|r| {
                (
                    r[at("person")].clone(),
                    r[at("person_id")].clone(),
                    r[at("person_scope")].clone(),
                )
            })
            .collect()
    };
    let id = |scope: &str| {
        let found = people("people", &[]);
        found
            .iter()
            .find(|p| p.2 == scope)
            .unwrap_or_else(|| panic!("{scope}: {found:?}"))
            .1
            .clone()
    };
    let (ha_tinh, nghe_an) = (id("ha-tinh"), id("nghe-an"));
    assert_ne!(ha_tinh, nghe_an);
    assert!(ha_tinh.starts_with("https://w3id.org/polgraph/id/person/ha-tinh/"));
    let both: BTreeSet<_> = [
        (
            "Nguyễn Văn Hải".to_string(),
            ha_tinh.clone(),
            "ha-tinh".to_string(),
        ),
        (
            "Nguyễn Văn Hải".to_string(),
            nghe_an.clone(),
            "nghe-an".to_string(),
        ),
    ]
    .into();
    // The contract queries (persons, offices) keep EXTRACTION.md's columns exactly.
    for q in [
        "people",
        "person-posts",
        "person-statements",
        "tenures",
        "holders",
    ] {
        assert_eq!(people(q, &[]), both, "{q}");
    }
    // The name gives both, the IRI one.
    assert_eq!(people("person-posts", &["person=Nguyễn Văn Hải"]), both);
    for q in ["person-posts", "person-statements"] {
        let one = people(q, &[&format!("person=<{nghe_an}>")]);
        assert_eq!(one.len(), 1, "{q}: {one:?}");
        assert_eq!(one.iter().next().unwrap().2, "nghe-an", "{q}");
    }
    let posts = csv_with(&store, "person-posts", &[&format!("person=<{ha_tinh}>")]);
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0][1..3], ["Bí thư", "Tỉnh ủy Hà Tĩnh"]);
    // A body's scope is the province it is within.
    let h = header("tenures");
    let scope = h.iter().position(|c| c == "organization_scope").unwrap();
    let scopes: BTreeSet<String> = csv(&store, "tenures")
        .into_iter()
        .map(|r| r[scope].clone())
        .collect();
    assert_eq!(
        scopes,
        ["tỉnh Hà Tĩnh".to_string(), "tỉnh Nghệ An".to_string()].into()
    );
}

/// `tenures`: a row a tenure, the same as `person-posts` lists without its last article.
#[test]
fn the_tenures_query_lists_every_tenure_flat() {
    let (_dir, store) = ingested();
    let tenures = csv(&store, "tenures");
    assert!(tenures.len() > 5, "{tenures:?}");
    // person, role, organization, former, first_stated, last_stated, articles, person_id, ...,
    // since, until
    let from_posts: BTreeSet<Vec<String>> = csv(&store, "person-posts")
        .into_iter()
        .map(|r| {
            [0, 8, 9, 1, 2, 10, 11, 3, 4, 5, 6, 12, 13]
                .iter()
                .map(|&i| r[i].clone())
                .collect()
        })
        .collect();
    let ours: BTreeSet<Vec<String>> = tenures.into_iter().collect();
    assert_eq!(ours, from_posts);
    let header = ok(&["query", "--store", s(&store), "--format", "csv", "tenures"]);
    assert_eq!(
        header.lines().next().unwrap(),
        "person,person_id,person_scope,role,organization,organization_id,organization_scope,\
         former,first_stated,last_stated,articles,since,until"
    );
}

/// A statement leads back to its words: the sentence it is read from, the character offsets of
/// its words in the article's text, the rule, and the article's address and source.
#[test]
fn a_statement_carries_its_sentence_offsets_rule_and_source() {
    let dir = tempfile::tempdir().unwrap();
    let arts = dir.path().join("articles");
    std::fs::create_dir(&arts).unwrap();
    let text = "Hồng Lĩnh họp.\n\nĐến dự có đồng chí Nguyễn Văn Hải - Bí thư Thị ủy Hồng Lĩnh. Hội nghị bế mạc.";
    std::fs::write(arts.join("a1.txt"), text).unwrap();
    std::fs::write(
        arts.join("a1.json"),
        r#"{"date": "2017-02-21", "url": "https://baohatinh.vn/a1", "source": "Báo Hà Tĩnh"}"#,
    )
    .unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&arts)]);
    let out = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "jsonl",
        "--param",
        "person=Nguyễn Văn Hải",
        "person-statements",
    ]);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{out}");
    let r = &rows[0];
    assert_eq!(
        r["sentence"],
        "Đến dự có đồng chí Nguyễn Văn Hải - Bí thư Thị ủy Hồng Lĩnh."
    );
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    let words: String = chars[start..end].iter().collect();
    assert_eq!(words, r["evidence"].as_str().unwrap());
    assert!(words.starts_with("Nguyễn Văn Hải"), "{words}");
    assert!(r["rule"].as_str().unwrap().starts_with("office."), "{r}");
    assert_eq!(r["url"], "https://baohatinh.vn/a1");
    assert_eq!(r["source"], "Báo Hà Tĩnh");
    assert_eq!(r["stated"], "2017-02-21");
}
