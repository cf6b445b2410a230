//! The tenures graph: the same however the articles arrive, and former posts as tenures of their own.

use std::path::Path;

use crate::common::*;

/// The tenures graph's quads in a store, sorted.
fn tenure_quads(store: &Path) -> Vec<String> {
    graph_quads(store, "https://w3id.org/polgraph/id/graph/tenures")
}

/// The tenures graph is the same whether the articles are bulk-loaded into an empty store, added
/// in several ingests, or replaced; and it agrees with the articles' own statements.
#[test]
fn tenures_are_the_same_however_the_articles_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, head, tail) = split_corpus(dir.path(), 400, 11, 150);
    let lines: Vec<String> = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let write = |name: &str, ls: &[String]| write_lines(dir.path(), name, ls);

    let all = dir.path().join("all");
    ok(&["ingest", "--store", s(&all), s(&corpus)]);
    let bulk = tenure_quads(&all);
    assert!(bulk.len() > 1000, "{}", bulk.len());

    let parts = dir.path().join("parts");
    ok(&["ingest", "--store", s(&parts), s(&head)]);
    ok(&["ingest", "--store", s(&parts), s(&tail)]);
    assert_eq!(tenure_quads(&parts), bulk);

    // Every current statement, from the articles' graphs: (person, role, organization) -> dates
    // and documents. The generated people have names unique enough to stand for themselves.
    let history = ok(&[
        "query",
        "--store",
        s(&all),
        "--format",
        "csv",
        "office-history",
    ]);
    let mut stated: std::collections::BTreeMap<(String, String, String), Vec<(String, String)>> =
        Default::default();
    for l in history.lines().skip(1) {
        // year,organization,role,person,stated,doc
        let c: Vec<&str> = l.split(',').collect();
        stated
            .entry((c[3].into(), c[2].into(), c[1].into()))
            .or_default()
            .push((c[4].into(), c[5].into()));
    }
    let holders = ok(&["query", "--store", s(&all), "--format", "csv", "holders"]);
    let mut checked = 0;
    for l in holders.lines().skip(1) {
        // role,place,organization,person,first_stated,last_stated,articles,last_doc
        let c: Vec<&str> = l.split(',').collect();
        let key = (c[3].to_string(), c[0].to_string(), c[2].to_string());
        let mut st = stated[&key].clone();
        st.sort();
        st.dedup();
        assert_eq!(c[4], st[0].0, "{l}");
        assert_eq!(c[5], st.last().unwrap().0, "{l}");
        assert_eq!(c[6].parse::<usize>().unwrap(), st.len(), "{l}");
        assert_eq!(c[7], st.last().unwrap().1, "{l}");
        checked += 1;
    }
    assert!(checked > 500, "{checked}");
    // A district's Bí thư: one a term, whatever the number of articles.
    let some = holders
        .lines()
        .find(|l| l.starts_with("Bí thư,huyện "))
        .expect("a district's Bí thư");
    let place = some.split(',').nth(1).unwrap();
    let rows = ok(&[
        "query",
        "--store",
        s(&all),
        "--format",
        "csv",
        "--param",
        "role=Bí thư",
        "--param",
        &format!("place={place}"),
        "holders",
    ]);
    assert!((1..=2).contains(&(rows.lines().count() - 1)), "{rows}");

    // An article replaced by another text takes its statements back from its tenures.
    let mut changed = lines.clone();
    let first: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    let mut other: serde_json::Value = serde_json::from_str(&lines[1]).unwrap();
    other["id"] = first["id"].clone();
    changed[0] = other.to_string();
    let again = write("again.jsonl", &changed[..1]);
    ok(&["ingest", "--store", s(&parts), s(&again)]);
    let fresh = dir.path().join("fresh");
    ok(&[
        "ingest",
        "--store",
        s(&fresh),
        s(&write("changed.jsonl", &changed)),
    ]);
    let after = tenure_quads(&parts);
    assert_ne!(after, bulk);
    assert_eq!(after, tenure_quads(&fresh));
    posts_are_described_while_a_tenure_names_them(&bulk);
    posts_are_described_while_a_tenure_names_them(&after);
}

/// Every post a tenure names (`pg:post`) is described in the tenures graph (its class, role,
/// body and label: the article graphs no longer write them), and no other post is.
fn posts_are_described_while_a_tenure_names_them(quads: &[String]) {
    use std::collections::{BTreeMap, BTreeSet};
    let named: BTreeSet<&str> = quads
        .iter()
        .filter_map(|q| {
            q.split(" <https://w3id.org/polgraph/ontology#post> ")
                .nth(1)
        })
        .map(|rest| rest.split(' ').next().unwrap())
        .collect();
    let mut described: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for q in quads {
        let mut words = q.split(' ');
        let (s, p) = (words.next().unwrap(), words.next().unwrap());
        if s.starts_with("<https://w3id.org/polgraph/id/post/") {
            described.entry(s).or_default().insert(p);
        }
    }
    assert!(named.len() > 100, "{}", named.len());
    assert_eq!(described.keys().copied().collect::<BTreeSet<_>>(), named);
    for (post, predicates) in &described {
        assert_eq!(
            predicates,
            &BTreeSet::from([
                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
                "<http://www.w3.org/ns/org#role>",
                "<http://www.w3.org/ns/org#postIn>",
                "<http://www.w3.org/2004/02/skos/core#prefLabel>",
            ]),
            "{post}"
        );
    }
}

/// A post a person is said to hold and, in a later article, to have held ("nguyên Bí thư") is two
/// tenures: `person-posts` lists both, `holders` only the current one, and an article that no
/// longer says "nguyên" takes the former tenure away.
#[test]
fn a_former_post_is_a_tenure_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let record = |id: &str, date: &str, text: &str| {
        serde_json::json!({ "id": id, "date": date, "text": text }).to_string()
    };
    let held = record(
        "a1",
        "2019-06-15",
        "Tỉnh ủy Bắc Kạn sơ kết công tác xây dựng Đảng\n\nNgày 15/6, Tỉnh ủy Bắc Kạn tổ chức hội \
         nghị. Đồng chí Hoàng Văn Thạch - Bí thư Tỉnh ủy Bắc Kạn chủ trì hội nghị.",
    );
    let former = record(
        "a2",
        "2022-03-20",
        "Gặp mặt cán bộ lão thành\n\nNgày 20/3, Tỉnh ủy Bắc Kạn tổ chức gặp mặt cán bộ lão thành. \
         Dự có đồng chí Hoàng Văn Thạch, nguyên Bí thư Tỉnh ủy Bắc Kạn; đồng chí Nguyễn Đăng Bình \
         - Bí thư Tỉnh ủy Bắc Kạn.",
    );
    let write = |name: &str, lines: &[&String]| {
        let p = dir.path().join(name);
        let text: Vec<&str> = lines.iter().map(|l| l.as_str()).collect();
        std::fs::write(&p, text.join("\n") + "\n").unwrap();
        p
    };
    let both = write("both.jsonl", &[&held, &former]);
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&both)]);
    let ask = csv_with;
    // Who holds the post, with the last article that says so.
    let holders_of = |store: &Path| -> Vec<String> {
        ask(store, "holders", &["role=Bí thư", "place=tỉnh Bắc Kạn"])
            .into_iter()
            .map(|r| format!("{} {}", r[3], r[7]))
            .collect()
    };
    let thach = ["person=Hoàng Văn Thạch"];
    // person, role, organization, former, first_stated, last_stated, articles, last_doc (then
    // the ids and scopes).
    let posts_of = |store: &Path| -> Vec<Vec<String>> {
        ask(store, "person-posts", &thach)
            .into_iter()
            .map(|r| r[..8].to_vec())
            .collect()
    };
    assert_eq!(
        posts_of(&store),
        [
            "Hoàng Văn Thạch,Bí thư,Tỉnh ủy Bắc Kạn,false,2019-06-15,2019-06-15,1,a1",
            "Hoàng Văn Thạch,Bí thư,Tỉnh ủy Bắc Kạn,true,2022-03-20,2022-03-20,1,a2",
        ]
        .map(|r| r.split(',').map(String::from).collect::<Vec<_>>())
    );
    let statements = ask(&store, "person-statements", &thach);
    assert_eq!(statements.len(), 2, "{statements:?}");
    // The evidence has a comma of its own.
    let jsonl = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "jsonl",
        "--param",
        thach[0],
        "person-statements",
    ]);
    let row: serde_json::Value = serde_json::from_str(jsonl.lines().nth(1).unwrap()).unwrap();
    assert_eq!(
        row["evidence"],
        "Hoàng Văn Thạch, nguyên Bí thư Tỉnh ủy Bắc Kạn"
    );
    // Who holds the post (the latest stated first): both people were stated current once; the
    // former tenure is not a row.
    assert_eq!(
        holders_of(&store),
        ["Nguyễn Đăng Bình a2", "Hoàng Văn Thạch a1"]
    );

    // A store as a polgraph before former tenures wrote it (no pg:former on tenures, no former
    // tenures, no link from a former holding) answers as it did: its tenures are current.
    let old = dir.path().join("old");
    ok(&["ingest", "--store", s(&old), s(&both)]);
    {
        let o = oxigraph::store::Store::open(&old).unwrap();
        o.update(
            "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } \
             FILTER(CONTAINS(STR(?s), '/former-tenure/') || CONTAINS(STR(?o), '/former-tenure/') \
             || (?p = <https://w3id.org/polgraph/ontology#former> \
                 && ?g = <https://w3id.org/polgraph/id/graph/tenures>)) }",
        )
        .unwrap();
    }
    assert!(!tenure_quads(&old).iter().any(|q| q.contains("former")));
    assert_eq!(posts_of(&old), posts_of(&store)[..1]);
    assert_eq!(ask(&old, "person-statements", &thach), statements[..1]);
    assert_eq!(holders_of(&old), holders_of(&store));
    // Its articles ingested again: as a store built now.
    ok(&["ingest", "--store", s(&old), s(&both)]);
    assert_eq!(tenure_quads(&old), tenure_quads(&store));

    // The same tenures one article at a time (transactions) as bulk-loaded.
    let apart = dir.path().join("apart");
    ok(&[
        "ingest",
        "--store",
        s(&apart),
        s(&write("1.jsonl", &[&held])),
    ]);
    ok(&[
        "ingest",
        "--store",
        s(&apart),
        s(&write("2.jsonl", &[&former])),
    ]);
    assert_eq!(tenure_quads(&apart), tenure_quads(&store));
    // a2 again, without the former Bí thư: his former tenure goes, the current one stays.
    let without = record(
        "a2",
        "2022-03-20",
        "Gặp mặt cán bộ lão thành\n\nNgày 20/3, Tỉnh ủy Bắc Kạn tổ chức gặp mặt cán bộ lão thành. \
         Dự có đồng chí Nguyễn Đăng Bình - Bí thư Tỉnh ủy Bắc Kạn.",
    );
    ok(&[
        "ingest",
        "--store",
        s(&apart),
        s(&write("3.jsonl", &[&without])),
    ]);
    let posts = ask(&apart, "person-posts", &thach);
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0][3], "false");
    assert!(
        !tenure_quads(&apart)
            .iter()
            .any(|q| q.contains("former-tenure")),
        "{:?}",
        tenure_quads(&apart)
    );
}

/// The time of a post (EXTRACTION.md §4 "When"): `offices` prints each article's since and until,
/// typed by precision in the graph; a tenure spans from the earliest since to the latest until its
/// articles state, and keeps it when an article is replaced (the tenure counted again).
#[test]
fn a_tenure_spans_the_times_its_articles_state() {
    let dir = tempfile::tempdir().unwrap();
    let record = |id: &str, date: &str, text: &str| {
        serde_json::json!({ "id": id, "date": date, "text": text }).to_string()
    };
    let taken = record(
        "t1",
        "2020-05-04",
        "Điều động cán bộ\n\nTháng 2/2019, ông Trần Văn Quang được bổ nhiệm giữ chức Giám đốc Sở \
         Nội vụ tỉnh Bắc Kạn.",
    );
    let left = record(
        "t2",
        "2024-10-02",
        "Nghỉ hưu\n\nÔng Trần Văn Quang thôi giữ chức Giám đốc Sở Nội vụ tỉnh Bắc Kạn kể từ ngày \
         1/10/2024.",
    );
    let undated = record(
        "t3",
        "2021-01-01",
        "Hội nghị\n\nÔng Trần Văn Quang, Giám đốc Sở Nội vụ tỉnh Bắc Kạn, phát biểu.",
    );
    let path = dir.path().join("all.jsonl");
    std::fs::write(&path, [taken, left, undated.clone()].join("\n") + "\n").unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&path)]);
    // doc, person, role, organization, former, since, until
    let offices: Vec<String> = csv(&store, "offices")
        .into_iter()
        .map(|r| format!("{} {} {} {}", r[0], r[4], r[5], r[6]))
        .collect();
    assert_eq!(
        offices,
        ["t1 false 2019-02 ", "t2 true  2024-10-01", "t3 false  "]
    );
    let nq = ok(&["export", "--store", s(&store), "--format", "nq"]);
    assert!(nq.contains(
        "<https://w3id.org/polgraph/ontology#since> \"2019-02\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
    ));
    assert!(nq.contains(
        "<https://w3id.org/polgraph/ontology#until> \"2024-10-01\"^^<http://www.w3.org/2001/XMLSchema#date>"
    ));
    // person, role, organization, former, ..., since, until
    let tenures = |store: &Path| -> Vec<String> {
        csv(store, "tenures")
            .into_iter()
            .map(|r| format!("{} {} {}", r[7], r[11], r[12]))
            .collect()
    };
    assert_eq!(tenures(&store), ["false 2019-02 ", "true  2024-10-01"]);
    // The article that gave the since, replaced by one that does not say it: counted again.
    let replaced = dir.path().join("t1.jsonl");
    std::fs::write(
        &replaced,
        undated
            .replace("\"t3\"", "\"t1\"")
            .replace("2021-01-01", "2020-05-04")
            + "\n",
    )
    .unwrap();
    ok(&["ingest", "--store", s(&store), s(&replaced)]);
    assert_eq!(tenures(&store), ["false  ", "true  2024-10-01"]);
}
