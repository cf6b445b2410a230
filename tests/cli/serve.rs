//! `polgraph serve` through real HTTP, and its page in a real browser (Debian's chromium,
//! driven through the DevTools protocol).

use serde_json::{json, Value};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::common::{bin, examples, have, ingested_once, ok, root, s, spawn_serve};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The example articles, ingested once for every test: the servers open the store read-only,
/// several at a time.
fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    ingested_once(&STORE, &[examples()])
}

/// A running `polgraph serve` on a free port, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The example articles and the page's own (`tests/fixtures/page`: Trần Lưu Quang scoped two
/// ways, a post stated with its month), for the page's tests (issue 28).
fn page_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    ingested_once(&STORE, &[examples(), root().join("tests/fixtures/page")])
}

fn serve(extra: &[&str]) -> Server {
    serve_store(store(), extra)
}

fn serve_store(store: &Path, extra: &[&str]) -> Server {
    let (child, base) = spawn_serve(store, extra);
    Server { child, base }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

/// Status, Content-Type and body of an answer.
type Answer = (u16, String, String);

fn answer(mut r: ureq::http::Response<ureq::Body>) -> Answer {
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (
        r.status().as_u16(),
        ct,
        r.body_mut().read_to_string().unwrap_or_default(),
    )
}

fn get(url: &str, accept: &str) -> Answer {
    answer(agent().get(url).header("Accept", accept).call().unwrap())
}

fn post(url: &str, content_type: &str, body: &[u8], accept: &str) -> Answer {
    answer(
        agent()
            .post(url)
            .header("Content-Type", content_type)
            .header("Accept", accept)
            .send(body)
            .unwrap(),
    )
}

fn encode(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

fn sparql_get(server: &Server, query: &str, accept: &str) -> Answer {
    get(
        &format!("{}/sparql?{}", server.base, encode(&[("query", query)])),
        accept,
    )
}

/// CSV lines, the header first and the rows sorted (line ends as each side writes them).
fn lines(csv: &str) -> Vec<String> {
    let mut l: Vec<String> = csv.lines().map(|l| l.trim_end().to_string()).collect();
    if l.len() > 1 {
        l[1..].sort();
    }
    l
}

fn cli_csv(args: &[&str]) -> Vec<String> {
    let mut a = vec!["query", "--store", s(store()), "--format", "csv"];
    a.extend(args);
    lines(&ok(&a))
}

const OFFICES: &str = include_str!("../../queries/offices.rq");

#[test]
fn the_endpoint_gives_the_rows_of_polgraph_query_by_get_and_post() {
    let server = serve(&[]);
    let want = cli_csv(&["offices"]);
    assert!(want.len() > 5, "{want:?}");
    let (status, ct, body) = sparql_get(&server, OFFICES, "text/csv");
    assert_eq!((status, ct.as_str()), (200, "text/csv"), "{body}");
    assert_eq!(lines(&body), want);
    let url = format!("{}/sparql", server.base);
    let (status, _, body) = post(
        &url,
        "application/sparql-query",
        OFFICES.as_bytes(),
        "text/csv",
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(lines(&body), want);
    let form = encode(&[("query", OFFICES)]);
    let (status, _, body) = post(
        &url,
        "application/x-www-form-urlencoded",
        form.as_bytes(),
        "text/csv",
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(lines(&body), want);
    // A shipped query by name, its parameter bound as `--param` binds it.
    let person = "Nguyễn Văn Hải";
    let (status, ct, body) = get(
        &format!(
            "{}/query/person-posts?{}",
            server.base,
            encode(&[("person", person)])
        ),
        "text/csv",
    );
    assert_eq!((status, ct.as_str()), (200, "text/csv"), "{body}");
    let want = cli_csv(&["--param", &format!("person={person}"), "person-posts"]);
    assert_eq!(lines(&body), want);
    assert_eq!(want.len(), 3, "{want:?}");
    // The list of shipped queries, and a name that is none.
    let (status, _, body) = get(&format!("{}/query", server.base), "*/*");
    assert_eq!(status, 200);
    let list: Value = serde_json::from_str(&body).unwrap();
    assert!(list["queries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["name"] == "person-posts" && q["params"][0]["name"] == "person"));
    let (status, _, body) = get(&format!("{}/query/no-such-query", server.base), "*/*");
    assert_eq!(status, 404, "{body}");
    // A dataset named by the protocol: one article's graph alone.
    let article = "https://w3id.org/polgraph/id/article/seed001";
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/polgraph/ontology#Article> }";
    let (status, _, body) = get(
        &format!(
            "{}/sparql?{}",
            server.base,
            encode(&[("query", q), ("default-graph-uri", article)])
        ),
        "text/csv",
    );
    assert_eq!((status, body.lines().nth(1)), (200, Some("1")), "{body}");
}

#[test]
fn results_come_in_the_format_accept_asks_for() {
    let server = serve(&[]);
    let rows = cli_csv(&["offices"]).len() - 1;
    let cases = [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
        ),
        ("application/json", "application/json"),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
        ),
        ("application/xml", "application/xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        // A browser's list: no results format named, anything at q=0.8.
        ("text/html,*/*;q=0.8", "application/sparql-results+json"),
        (
            "text/csv;q=0.4, text/tab-separated-values;q=0.9",
            "text/tab-separated-values",
        ),
    ];
    for (accept, want) in cases {
        let (status, ct, body) = sparql_get(&server, OFFICES, accept);
        assert_eq!(
            (status, ct.as_str()),
            (200, want),
            "Accept: {accept}: {body}"
        );
        let n = match want {
            w if w.ends_with("json") => {
                let v: Value = serde_json::from_str(&body).unwrap();
                v["results"]["bindings"].as_array().unwrap().len()
            }
            w if w.ends_with("xml") => body.matches("<result>").count(),
            _ => body.lines().count() - 1,
        };
        assert_eq!(n, rows, "Accept: {accept}");
    }
    assert!(sparql_get(&server, OFFICES, "text/tab-separated-values")
        .2
        .starts_with("?doc\t?person\t?role"));
    // Nothing acceptable: 406.
    let (status, _, body) = sparql_get(&server, OFFICES, "image/png");
    assert_eq!(status, 406, "{body}");
    // ASK and CONSTRUCT.
    let (status, _, body) = sparql_get(
        &server,
        "ASK { ?s ?p ?o }",
        "application/sparql-results+json",
    );
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["boolean"],
        true
    );
    let (status, ct, body) = sparql_get(
        &server,
        "CONSTRUCT { ?p <http://xmlns.com/foaf/0.1/name> ?n } WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }",
        "text/turtle",
    );
    assert_eq!((status, ct.as_str()), (200, "text/turtle"));
    assert!(body.contains("Nguyễn Văn Hải"), "{body}");
}

#[test]
fn updates_are_refused() {
    let server = serve(&[]);
    let count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let before = sparql_get(&server, count, "text/csv").2;
    let url = format!("{}/sparql", server.base);
    let insert = "INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> <http://e/o> } }";
    let refused = [
        post(&url, "application/sparql-update", insert.as_bytes(), "*/*"),
        post(
            &url,
            "application/x-www-form-urlencoded",
            encode(&[("update", insert)]).as_bytes(),
            "*/*",
        ),
        // An update sent as a query.
        sparql_get(&server, insert, "*/*"),
        sparql_get(&server, "DROP ALL", "*/*"),
    ];
    for (status, _, body) in refused {
        assert_eq!(status, 403, "{body}");
        assert!(body.contains("only reads"), "{body}");
    }
    assert_eq!(sparql_get(&server, count, "text/csv").2, before);
}

#[test]
fn a_timeout_stops_a_runaway_query() {
    let server = serve(&["--timeout", "0.5"]);
    let started = Instant::now();
    // A triple cross join of the store: minutes without a limit (bounded by the agent's 120 s).
    let (status, _, body) = sparql_get(
        &server,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "text/csv",
    );
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("--timeout 0.5"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(60));
    // The server still answers, and a query in time as without a limit.
    let (status, _, _) = sparql_get(&server, OFFICES, "text/csv");
    assert_eq!(status, 200);
}

#[test]
fn bad_requests_are_refused_with_what_is_wrong() {
    let server = serve(&["--max-request-bytes", "4000"]);
    let url = format!("{}/sparql", server.base);
    let (status, ct, body) = sparql_get(&server, "SELECT ?x WHERE { ?x ", "*/*");
    assert_eq!(status, 400, "{body}");
    assert!(ct.starts_with("text/plain"), "{ct}");
    assert!(
        body.contains("does not parse") && body.contains("1:"),
        "{body}"
    );
    // Too large: a body (413), an address (414).
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} #{}", "x".repeat(5000));
    let (status, _, body) = post(&url, "application/sparql-query", big.as_bytes(), "*/*");
    assert_eq!(status, 413, "{body}");
    let (status, _, _) = sparql_get(&server, &big, "*/*");
    assert_eq!(status, 414);
    // Just under the limit is answered.
    let small = format!(
        "SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1 #{}",
        "x".repeat(3000)
    );
    let (status, _, body) = post(&url, "application/sparql-query", small.as_bytes(), "*/*");
    assert_eq!(status, 200, "{body}");
    // No query, two queries, a body of another type, a method that writes.
    assert_eq!(get(&url, "*/*").0, 400);
    let two = format!(
        "{url}?{}",
        encode(&[("query", "ASK {}"), ("query", "ASK {}")])
    );
    assert_eq!(get(&two, "*/*").0, 400);
    assert_eq!(post(&url, "text/plain", b"ASK {}", "*/*").0, 415);
    let put = agent()
        .put(&format!("{}/query/offices", server.base))
        .send(&b""[..])
        .unwrap();
    assert_eq!(put.status().as_u16(), 405);
    // A page's parameter that is no IRI, a node the store does not hold, an unknown API.
    let api = |q: &str| get(&format!("{}/api/{q}", server.base), "*/*").0;
    assert_eq!(api("person?iri=not%20an%20iri"), 400);
    assert_eq!(api("person?iri=http%3A%2F%2Fe%2Fnobody"), 404);
    assert_eq!(api("person"), 400);
    assert_eq!(api("nothing"), 404);
}

#[test]
fn cors_is_off_unless_asked() {
    let origin = |server: &Server| {
        agent()
            .get(&format!("{}/query/stats", server.base))
            .header("Origin", "https://example.org")
            .call()
            .unwrap()
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string())
    };
    assert_eq!(origin(&serve(&[])), None);
    assert_eq!(origin(&serve(&["--cors"])), Some("*".into()));
    let server = serve(&["--cors", "https://example.org"]);
    assert_eq!(origin(&server), Some("https://example.org".into()));
    // The preflight of a POST from that origin.
    let pre = agent()
        .options(&format!("{}/sparql", server.base))
        .header("Origin", "https://example.org")
        .header("Access-Control-Request-Method", "POST")
        .call()
        .unwrap();
    assert_eq!(pre.status().as_u16(), 204);
    assert!(pre.headers().get("access-control-allow-methods").is_some());
}

#[test]
fn the_search_folds_tones_and_the_person_has_its_evidence() {
    let server = serve(&[]);
    let (status, ct, body) = get(
        &format!("{}/api/search?q=nguyen+van+hai", server.base),
        "*/*",
    );
    assert_eq!(
        (status, ct.as_str()),
        (200, "application/json; charset=utf-8")
    );
    let v: Value = serde_json::from_str(&body).unwrap();
    let hit = &v["hits"][0];
    assert_eq!(hit["label"], "Nguyễn Văn Hải", "{body}");
    assert_eq!(hit["kind"], "person");
    assert_eq!(hit["scope"], "tỉnh Hà Tĩnh");
    assert_eq!(hit["score"], 100);
    // Bodies and places too, and by kind.
    let (_, _, body) = get(
        &format!("{}/api/search?q=THI+UY+HONG+LINH&kind=body", server.base),
        "*/*",
    );
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["hits"][0]["label"], "Thị ủy Hồng Lĩnh", "{body}");
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["kind"] == "body"));
    let (_, _, body) = get(
        &format!(
            "{}/api/person?{}",
            server.base,
            encode(&[("iri", hit["iri"].as_str().unwrap())])
        ),
        "*/*",
    );
    let p: Value = serde_json::from_str(&body).unwrap();
    let posts = p["posts"].as_array().unwrap();
    assert_eq!(posts.len(), 2, "{body}");
    let e = &posts[0]["statements"][0]["evidence"];
    assert_eq!(e["sentence"], true, "{body}");
    assert_eq!(
        e["mark"],
        "Nguyễn Văn Hải - Phó Bí thư Thường trực Thị ủy, Chủ tịch Hội đồng nhân dân Thị xã"
    );
    assert!(e["before"].as_str().unwrap().ends_with("đồng chí "), "{e}");
    assert_eq!(posts[0]["statements"][0]["doc"], "seed001");
    // The article: its text, cut at each fact, gives the text back.
    let (status, _, body) = get(
        &format!(
            "{}/api/article?iri=https%3A%2F%2Fw3id.org%2Fpolgraph%2Fid%2Farticle%2Fseed001",
            server.base
        ),
        "*/*",
    );
    assert_eq!(status, 200, "{body}");
    let a: Value = serde_json::from_str(&body).unwrap();
    let text: String = a["text"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        text,
        std::fs::read_to_string(root().join("examples/articles/seed001.txt")).unwrap()
    );
    assert!(a["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "office"));
}

/// A headless chromium, stopped when dropped, and a DevTools session on its page.
struct Browser {
    child: Child,
    ws: tungstenite::WebSocket<std::net::TcpStream>,
    id: u64,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn start() -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", s(profile.path())))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs chromium");
        // It says where its DevTools listen on standard error.
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(at) = line.find("ws://") {
                    let _ = tx.send(line[at..].trim().to_string());
                }
            }
        });
        let browser_ws = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium prints its DevTools address");
        let host = browser_ws["ws://".len()..]
            .split('/')
            .next()
            .unwrap()
            .to_string();
        let targets: Value =
            serde_json::from_str(&get(&format!("http://{host}/json/list"), "application/json").2)
                .unwrap();
        let page = targets
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page")
            .expect("a page target")["webSocketDebuggerUrl"]
            .as_str()
            .unwrap()
            .to_string();
        let stream = std::net::TcpStream::connect(&host).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let (ws, _) = tungstenite::client(page.as_str(), stream).expect("a DevTools session");
        Browser {
            child,
            ws,
            id: 0,
            _profile: profile,
        }
    }

    /// Goes to `path` (`/#/search`) of the page `server` serves.
    fn open(&mut self, server: &Server, path: &str) {
        self.call(
            "Page.navigate",
            json!({ "url": format!("{}{path}", server.base) }),
        );
    }

    /// Calls a DevTools method and returns its result (events in between are skipped).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.id += 1;
        let msg = json!({ "id": self.id, "method": method, "params": params });
        self.ws
            .send(tungstenite::Message::Text(msg.to_string().into()))
            .unwrap();
        loop {
            let m = self.ws.read().expect("a DevTools message");
            let Ok(text) = m.to_text() else { continue };
            let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            if v["id"] == self.id {
                assert!(v["error"].is_null(), "{method}: {v}");
                return v["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expr, "returnByValue": true, "awaitPromise": true }),
        );
        r["result"]["value"].clone()
    }

    /// Waits until `expr` is true in the page (20 s at most).
    fn wait(&mut self, expr: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.eval(&format!("!!({expr})")) != json!(true) {
            assert!(
                Instant::now() < deadline,
                "not in 20 s: {expr}\n{}",
                self.eval("document.body.innerText")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn size(&mut self, width: u32, height: u32, mobile: bool) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile }),
        );
    }

    /// A real click at the middle of the element `selector` selects.
    fn click(&mut self, selector: &str) {
        let r = self.eval(&format!(
            "(() => {{ const b = document.querySelector({selector:?}).getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; }})()"
        ));
        let (x, y) = (r[0].as_f64().unwrap(), r[1].as_f64().unwrap());
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            );
        }
    }

    fn screenshot(&mut self, path: &Path) {
        use base64::Engine;
        let r = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        let png = base64::engine::general_purpose::STANDARD
            .decode(r["data"].as_str().unwrap())
            .unwrap();
        std::fs::write(path, png).unwrap();
    }
}

#[test]
fn a_journalist_finds_a_person_and_reads_the_evidence_in_a_browser() {
    if !have("chromium", &["--version"]) {
        return;
    }
    let server = serve(&[]);
    let mut b = Browser::start();
    b.size(1000, 1250, false);
    b.open(&server, "/#/search");
    b.wait("document.querySelector('#q')");
    // Typed without tone marks, as on a keyboard without a Vietnamese layout.
    b.eval("document.querySelector('#q').focus()");
    b.call("Input.insertText", json!({ "text": "nguyen van hai" }));
    b.wait("document.querySelector('a.hit') && document.querySelector('a.hit').textContent.includes('Nguyễn Văn Hải')");
    let hit = b.eval("document.querySelector('a.hit').textContent");
    assert!(hit.as_str().unwrap().contains("tỉnh Hà Tĩnh"), "{hit}");
    b.click("a.hit");
    b.wait("document.querySelector('.evidence mark')");
    assert!(b
        .eval("location.hash")
        .as_str()
        .unwrap()
        .starts_with("#/person/ha-tinh/nguyen-van-hai"));
    assert_eq!(
        b.eval("document.querySelector('h1').textContent"),
        "Nguyễn Văn Hải"
    );
    let evidence = b.eval(
        "[...document.querySelectorAll('.evidence')].map(e => [e.querySelector('blockquote').textContent, e.querySelector('mark').textContent])",
    );
    let mark = "Nguyễn Văn Hải - Phó Bí thư Thường trực Thị ủy, Chủ tịch Hội đồng nhân dân Thị xã";
    assert!(
        evidence.as_array().unwrap().iter().any(|e| e[1] == mark
            && e[0]
                .as_str()
                .unwrap()
                .starts_with("Đến dự và chỉ đạo Hội nghị có đồng chí Nguyễn Thanh Lâm")),
        "{evidence}"
    );
    // The timeline: both posts, stated (no post is called current).
    assert_eq!(
        b.eval("document.querySelectorAll('ol.timeline > li.stated').length"),
        2
    );
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve.png");
    b.screenshot(&shot);
    if std::env::var_os("POLGRAPH_BLESS").is_some() {
        std::fs::copy(&shot, root().join("docs/serve.png")).unwrap();
    }
    // The network around the person: drawn by the page, its DOT beside it.
    b.eval("document.querySelector('.graph button').click()");
    b.wait("document.querySelector('.graph svg .node.seed')");
    let dot = b.eval("document.querySelector('.graph pre').textContent");
    assert!(
        dot.as_str().unwrap().starts_with("digraph polgraph"),
        "{dot}"
    );
    // On a phone's width nothing runs off the side.
    b.size(390, 844, true);
    b.wait("document.documentElement.scrollWidth <= window.innerWidth");
    // The article, its facts marked by kind in its text.
    b.open(&server, "/#/article/seed001");
    b.wait("document.querySelector('#article-text .ent.k-person')");
    let person = b.eval("document.querySelector('#article-text .ent.k-person').textContent");
    assert!(person.as_str().unwrap().starts_with("Nguyễn"), "{person}");
    b.wait("document.documentElement.scrollWidth <= window.innerWidth");
    // The SPARQL box answers with a table.
    b.open(&server, "/#/sparql");
    b.wait("document.querySelector('#sparql-run')");
    b.click("#sparql-run");
    b.wait("document.querySelectorAll('#sparql-out td').length > 0");
    let cells =
        b.eval("[...document.querySelectorAll('#sparql-out td')].map(td => td.textContent)");
    assert!(
        cells
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "Nguyễn Văn Hải"),
        "{cells}"
    );
    // English on a click.
    b.click("#lang");
    b.wait("document.querySelector('nav a').textContent === 'Search'");
}

/// The SPARQL box shows the answer to the last query run: an earlier query whose answer comes
/// later (held back 1.5 s here) does not cover it.
#[test]
fn a_late_answer_does_not_cover_the_last_query_run() {
    if !have("chromium", &["--version"]) {
        return;
    }
    let server = serve(&[]);
    let mut b = Browser::start();
    b.size(1000, 1250, false);
    b.open(&server, "/#/sparql");
    b.wait("document.querySelector('#sparql-run')");
    b.eval(
        "(() => { const f = window.fetch.bind(window); window.fetch = (u, o) => { const p = f(u, o); \
         return String((o && o.body) || '').includes('# slow') \
         ? p.then((r) => new Promise((ok) => setTimeout(() => ok(r), 1500))) : p; }; return true; })()",
    );
    let ask = |b: &mut Browser, query: &str| {
        b.eval(&format!(
            "(() => {{ document.querySelector('#sparql-text').value = {query:?}; return true; }})()"
        ));
        b.click("#sparql-run");
    };
    ask(
        &mut b,
        "# slow\nSELECT ?x WHERE { VALUES ?x { \"first\" } }",
    );
    ask(&mut b, "SELECT ?x WHERE { VALUES ?x { \"second\" } }");
    b.wait("document.querySelectorAll('#sparql-out td').length > 0");
    // Past the slow answer's arrival.
    std::thread::sleep(Duration::from_millis(2500));
    let cells =
        b.eval("[...document.querySelectorAll('#sparql-out td')].map(td => td.textContent)");
    assert_eq!(cells, json!(["second"]));
    // A query the server refuses says why, in the box.
    ask(&mut b, "SELECT WHERE {");
    b.wait("document.querySelector('#sparql-out .error')");
    let why = b.eval("document.querySelector('#sparql-out .error').textContent");
    assert!(why.as_str().unwrap().contains("400"), "{why}");
}

/// Issue 28, item 4: `/query/NAME` reads its parameters as `polgraph query --param` does.
#[test]
fn the_shipped_queries_read_names_as_the_cli_does() {
    let server = serve(&[]);
    let folded = [("role", "chu tich"), ("place", "ha tinh")];
    let (status, _, body) = get(
        &format!("{}/query/holders?{}", server.base, encode(&folded)),
        "text/csv",
    );
    assert_eq!(status, 200, "{body}");
    let want = cli_csv(&[
        "holders",
        "--param",
        "role=chu tich",
        "--param",
        "place=ha tinh",
    ]);
    assert_eq!(lines(&body), want);
    assert!(
        want.iter().any(|l| l.contains("Nguyễn Văn Hải")),
        "{want:?}"
    );
    // A parameter the query does not take: 400 with the ones it takes.
    let (status, _, body) = get(
        &format!("{}/query/holders?{}", server.base, encode(&[("rol", "x")])),
        "text/csv",
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("role, place"), "{body}");
    // A name that several share alike: 400 with the candidates, as the CLI refuses.
    let (status, _, body) = get(
        &format!(
            "{}/query/person-posts?{}",
            server.base,
            encode(&[("person", "nguyen")])
        ),
        "text/csv",
    );
    let cli = bin()
        .args([
            "query",
            "--store",
            s(store()),
            "person-posts",
            "--param",
            "person=nguyen",
        ])
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(2));
    assert_eq!(status, 400, "{body}");
    let cli_err = String::from_utf8_lossy(&cli.stderr);
    for line in body.lines().filter(|l| l.contains("--param 'person=<")) {
        assert!(cli_err.contains(line.trim()), "{line}\n{cli_err}");
    }
    assert!(body.contains("--param 'person=<"), "{body}");
}

fn api(server: &Server, name: &str, params: &[(&str, &str)]) -> Value {
    let (status, _, body) = get(
        &format!("{}/api/{name}?{}", server.base, encode(params)),
        "application/json",
    );
    assert_eq!(status, 200, "{name}: {body}");
    serde_json::from_str(&body).unwrap()
}

const ID: &str = "https://w3id.org/polgraph/id/";

/// Issue 28, items 1 and 3: a person's page says when each post is stated (never "current"),
/// in time order, and one man of two IRIs is one page.
#[test]
fn the_person_page_says_when_and_merges_one_person() {
    let server = serve_store(page_store(), &[]);
    // Trần Lưu Quang, central in one article and of Tây Ninh in the other: the same name and
    // the same post (Trưởng ban, Ban Kinh tế Trung ương), one person.
    let central = format!("{ID}person/vn/tran-luu-quang-4252c3");
    let home = format!("{ID}person/tay-ninh/tran-luu-quang-4252c3");
    let p = api(&server, "person", &[("iri", &central)]);
    assert_eq!(p["same"][0]["iri"], home.as_str(), "{p}");
    let q = api(&server, "person", &[("iri", &home)]);
    assert_eq!(q["same"][0]["iri"], central.as_str(), "{q}");
    // The post both state is one post of two statements, on both pages.
    for page in [&p, &q] {
        let head: Vec<&Value> = page["posts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["role"] == "Trưởng ban" && x["organization"] == "Ban Kinh tế Trung ương")
            .collect();
        assert_eq!(head.len(), 1, "{page}");
        assert_eq!(head[0]["articles"], 2);
        assert_eq!(head[0]["statements"].as_array().unwrap().len(), 2);
    }
    // Former posts are former; no post says it is current.
    assert!(
        p["posts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["role"] == "Bí thư"
                && x["organization"] == "Huyện ủy Trảng Bàng"
                && x["former"] == true),
        "{p}"
    );
    assert!(!p.to_string().contains("current"));
    // The Turtle of the IRI carries the link.
    let (status, ct, ttl) = get(
        &format!("{}/id/person/vn/tran-luu-quang-4252c3", server.base),
        "text/turtle",
    );
    assert_eq!(
        (status, ct.as_str()),
        (200, "text/turtle; charset=utf-8"),
        "{ttl}"
    );
    assert!(
        ttl.contains(
            "pg:samePerson <https://w3id.org/polgraph/id/person/tay-ninh/tran-luu-quang-4252c3>"
        ),
        "{ttl}"
    );
    // As HTML: to its page.
    let r = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .new_agent()
        .get(format!(
            "{}/id/person/vn/tran-luu-quang-4252c3",
            server.base
        ))
        .header("Accept", "text/html")
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        r.headers().get("location").unwrap().to_str().unwrap(),
        "/#/person/vn/tran-luu-quang-4252c3"
    );
    // Lê Văn Tám: Phó Trưởng ban of Ban Tuyên giáo Trung ương in one article, Trưởng ban in
    // the other: the same body, another role: possibly the same, on both pages, not merged.
    let a = api(
        &server,
        "person",
        &[("iri", &format!("{ID}person/vn/le-van-tam-182fdd"))],
    );
    assert_eq!(
        a["possibly"][0]["iri"],
        format!("{ID}person/ha-tinh/le-van-tam-182fdd"),
        "{a}"
    );
    assert_eq!(a["same"], json!([]));
    let a = api(
        &server,
        "person",
        &[("iri", &format!("{ID}person/ha-tinh/le-van-tam-182fdd"))],
    );
    assert_eq!(
        a["possibly"][0]["iri"],
        format!("{ID}person/vn/le-van-tam-182fdd"),
        "{a}"
    );
    // `polgraph find` says so too.
    let out = bin()
        .args(["find", "--store", s(page_store()), "tran luu quang"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("({central}) is the same person as {home}")),
        "{err}"
    );
    // A post stated in an article of a date: stated on that date; `Tháng 2/2019 ... giữ chức`
    // gives it `since` 2019-02.
    let b = api(&server, "search", &[("q", "hoang van binh")]);
    let iri = b["hits"][0]["iri"].as_str().unwrap().to_string();
    let b = api(&server, "person", &[("iri", &iri)]);
    let post = &b["posts"][0];
    assert_eq!(post["role"], "Bí thư", "{b}");
    assert_eq!(post["first_stated"], "2023-12-20", "{b}");
    assert_eq!(post["statements"][0]["date"], "2023-12-20", "{b}");
    assert_eq!(post["since"], "2019-02", "{b}");
    assert_eq!(b["main"]["role"], "Bí thư");
    assert_eq!(b["sources"][0]["doc"], "since");
}

/// Issue 28, item 2: a role and a place are answered with the holders; a place lists its main
/// bodies first, the bodies of no holder last.
#[test]
fn a_role_and_a_place_are_answered_with_the_holders() {
    let server = serve(&[]);
    let r = api(&server, "search", &[("q", "chu tich ha tinh")]);
    let a = &r["answer"];
    assert_eq!(a["role"], "Chủ tịch", "{r}");
    assert_eq!(a["label"], "tỉnh Hà Tĩnh");
    let h = &a["holders"][0];
    assert_eq!(h["name"], "Nguyễn Văn Hải", "{a}");
    assert_eq!(h["organization"], "Hội đồng nhân dân thị xã Hồng Lĩnh");
    assert_eq!(h["statement"]["doc"], "seed001");
    assert_eq!(h["statement"]["evidence"]["sentence"], true);
    // A body, its abbreviation typed: the holders of that body only.
    let r = api(
        &server,
        "search",
        &[("q", "chủ tịch hđnd thị xã hồng lĩnh")],
    );
    assert_eq!(r["answer"]["kind"], "body", "{r}");
    assert_eq!(r["answer"]["holders"][0]["name"], "Nguyễn Văn Hải");
    // A name is no role: no answer.
    let r = api(&server, "search", &[("q", "nguyen van hai")]);
    assert!(r["answer"].is_null(), "{r}");
    // The place page: the main bodies first, bodies of no holder after those of some.
    let p = api(
        &server,
        "place",
        &[("iri", &format!("{ID}place/legacy-42"))],
    );
    let bodies = p["bodies"].as_array().unwrap();
    let empty: Vec<bool> = bodies
        .iter()
        .map(|b| b["holders"].as_array().unwrap().is_empty())
        .collect();
    let mut sorted = empty.clone();
    sorted.sort();
    assert_eq!(empty, sorted, "{p}");
    // Of the bodies of no holder (the examples name none in the Tỉnh ủy), the main first.
    let first_empty = bodies
        .iter()
        .find(|b| b["holders"].as_array().unwrap().is_empty())
        .unwrap();
    assert_eq!(first_empty["label"], "Tỉnh ủy Hà Tĩnh", "{p}");
    // The article list, searched by its title's words.
    let l = api(&server, "articles", &[("q", "trung luong")]);
    assert_eq!(l["total"], 1, "{l}");
    assert_eq!(l["articles"][0]["doc"], "seed001");
}

#[test]
fn the_cli_writes_a_query_to_a_file_and_prints_a_query() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("offices.tsv");
    ok(&["query", "--store", s(store()), "offices", "-o", s(&out)]);
    let written = std::fs::read_to_string(&out).unwrap();
    let want = ok(&["query", "--store", s(store()), "offices", "--format", "tsv"]);
    assert_eq!(written, want);
    let text = ok(&["queries", "holders"]);
    assert!(text.starts_with("# name: holders"), "{text}");
    assert!(
        text.contains("# example: polgraph query holders --param"),
        "{text}"
    );
    assert!(text.contains("SELECT ?role ?place"), "{text}");
}

/// Issue 28: what a journalist sees: the timeline's wording and order, a role and a place
/// answered with holders, the network clickable, a phone's width, English.
#[test]
fn a_journalist_publishes_from_the_page_in_a_browser() {
    if !have("chromium", &["--version"]) {
        return;
    }
    let server = serve_store(page_store(), &[]);
    let mut b = Browser::start();
    b.size(1000, 1400, false);
    b.open(&server, "/#/search");
    b.wait("document.querySelector('#q')");
    b.eval("document.querySelector('#q').focus()");
    b.call("Input.insertText", json!({ "text": "chu tich ha tinh" }));
    b.wait("document.querySelector('#answer .evidence mark')");
    let answer = b.eval("document.querySelector('#answer').innerText");
    assert!(
        answer.as_str().unwrap().contains("Nguyễn Văn Hải"),
        "{answer}"
    );
    assert!(
        answer
            .as_str()
            .unwrap()
            .contains("Hội đồng nhân dân thị xã Hồng Lĩnh"),
        "{answer}"
    );
    let shot = |b: &mut Browser, name: &str| {
        let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        b.screenshot(&p);
        if std::env::var_os("POLGRAPH_BLESS").is_some() {
            std::fs::copy(&p, root().join("docs").join(name)).unwrap();
        }
    };
    shot(&mut b, "serve-search.png");
    // The search is in the address: a page and Back bring it back.
    assert_eq!(b.eval("location.hash"), "#/search?q=chu%20tich%20ha%20tinh");
    b.click("#answer .post-title a");
    b.wait("document.querySelector('#timeline')");
    b.eval("history.back()");
    b.wait("document.querySelector('#answer') && document.querySelector('#q').value === 'chu tich ha tinh'");
    // Trần Lưu Quang: one page, the other IRI named, the timeline's wording.
    b.open(&server, "/#/person/vn/tran-luu-quang-4252c3");
    b.wait("document.querySelector('#timeline')");
    let text = b.eval("document.querySelector('main').innerText");
    let text = text.as_str().unwrap();
    assert!(!text.contains("đương nhiệm"), "{text}");
    assert!(text.contains("nêu trong bài"), "{text}");
    assert!(b.eval("document.querySelector('#same a').textContent") == "Trần Lưu Quang");
    assert!(
        b.eval("document.querySelectorAll('#timeline > li.former').length")
            .as_u64()
            .unwrap()
            >= 2
    );
    // The rule is one click away, not on the card.
    assert_eq!(b.eval("getComputedStyle(document.querySelector('.evidence code.rule')).display === 'none' || !document.querySelector('.evidence details.why').open"), true);
    // The post stated on a date: "stated on" that date.
    b.open(&server, "/#/search?q=hoang%20van%20binh");
    b.wait("document.querySelector('a.hit')");
    b.click("a.hit");
    b.wait("document.querySelector('#timeline')");
    let dates = b.eval("document.querySelector('#timeline .dates').textContent");
    assert!(
        dates.as_str().unwrap().contains("nêu ngày 20/12/2023"),
        "{dates}"
    );
    shot(&mut b, "serve-person.png");
    // The network: drawn by the page, the subject marked, a node a link to its page.
    b.click("#network-show");
    b.wait("document.querySelector('#network .node.seed')");
    assert_eq!(
        b.eval("document.querySelector('#network .node.seed text').textContent"),
        "Hoàng Văn Bình"
    );
    b.eval("document.querySelector('#network').scrollIntoView()");
    b.click("#network a.node.k-organization circle");
    b.wait("location.hash.startsWith('#/body/')");
    b.wait("document.querySelector('h1') && document.querySelector('h1').textContent === 'Tỉnh ủy Hà Tĩnh'");
    b.click("#network-show");
    b.wait("document.querySelector('#network .node.seed')");
    b.eval("document.querySelector('#network').scrollIntoView()");
    shot(&mut b, "serve-network.png");
    // On a phone's width nothing runs off the side, the facts table included.
    b.size(390, 844, true);
    b.open(&server, "/#/article/seed001");
    b.wait("document.querySelector('table.facts')");
    b.wait("document.documentElement.scrollWidth <= window.innerWidth");
    assert_eq!(
        b.eval("getComputedStyle(document.querySelector('table.facts td')).overflowWrap"),
        "normal"
    );
    // English: levels, counts, the timeline.
    b.size(1000, 1400, false);
    b.click("#lang");
    b.wait("document.querySelector('nav a').textContent === 'Search'");
    let counts = b.eval("document.querySelector('#counts').textContent");
    assert!(counts.as_str().unwrap().ends_with(" names"), "{counts}");
    b.open(&server, "/#/place/legacy-42");
    b.wait("document.querySelector('.sub .badge')");
    assert_eq!(
        b.eval("document.querySelector('.sub .badge').textContent"),
        "province"
    );
    b.open(&server, "/#/person/vn/tran-luu-quang-4252c3");
    b.wait("document.querySelector('#timeline')");
    let text = b.eval("document.querySelector('main').innerText");
    let text = text.as_str().unwrap();
    assert!(text.contains("Head)"), "{text}");
    assert!(text.contains("stated in"), "{text}");
    assert!(!text.contains("current"), "{text}");
    b.open(&server, "/#/search?q=tran%20luu%20quang");
    b.wait("document.querySelector('a.hit')");
    let hit = b.eval("document.querySelector('a.hit').textContent");
    assert!(hit.as_str().unwrap().ends_with("· 1 article"), "{hit}");
}

/// The header's count of articles: the count kept at ingest, or counted once for the server's
/// handle without it (it was counted on every request: 11.6 s at 500,000 articles); the
/// identity graph the page's fixtures make is not an article.
#[test]
fn the_header_counts_the_articles_with_or_without_the_kept_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    ok(&[
        "ingest",
        "--store",
        s(&store),
        s(&root().join("tests/fixtures/page")),
    ]);
    for kept in [true, false] {
        if !kept {
            for e in std::fs::read_dir(&store).unwrap() {
                let p = e.unwrap().path();
                if p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("polgraph-"))
                {
                    std::fs::remove_file(p).unwrap();
                }
            }
        }
        let (mut child, base) = spawn_serve(&store, &[]);
        let (status, _, body) = get(&format!("{base}/api/info"), "*/*");
        let again = get(&format!("{base}/api/info"), "*/*").2;
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(status, 200, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["articles"], 5, "kept files {kept}: {body}");
        assert_eq!(again, body);
    }
}
