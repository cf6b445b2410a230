//! `polgraph serve`: a read-only SPARQL endpoint and a web page over a store, from one binary.
//!
//! - `/sparql`: the SPARQL 1.1 Protocol (GET, POST of `application/sparql-query` or a form),
//!   results as JSON, XML, CSV or TSV by `Accept`; updates refused.
//! - `/query`, `/query/NAME?param=value`: the shipped queries.
//! - `/api/...`: what the page shows, as JSON (see [`pages`]).
//! - `/`: the page (`web/`, compiled in: no network at run time).
//!
//! The store is opened read-only and its name index built; when an ingest beside the server
//! changes the store, it is opened again and the index built anew (within seconds).

pub mod http;
pub mod pages;
pub mod sparql;
pub mod text;

use crate::error::{Error, Result};
use crate::export::graph::dot::Lang;
use crate::query::search::Kind;
use crate::store::Store;
use http::Reply;
use pages::{Miss, Site};
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{mpsc, Arc, Mutex, RwLock};
use std::time::Duration;

/// How the server runs.
pub struct Config {
    pub store: PathBuf,
    pub bind: SocketAddr,
    /// Stops a query (any: the endpoint's, a page's) after this long.
    pub timeout: Option<Duration>,
    /// The largest request body and URL, in bytes.
    pub max_request_bytes: usize,
    /// `Access-Control-Allow-Origin` on every answer; none by default.
    pub cors: Option<String>,
    /// Requests answered at once (each on a thread of [`crate::query::limits::STACK_BYTES`]).
    pub threads: usize,
    /// Connections read at once; past them a client is told 503 at once.
    pub connections: usize,
    /// The time a client has to send its request.
    pub read_time: Duration,
    /// Names the `Host` header may give besides the address listened on (`*`: any).
    pub allow_hosts: Vec<String>,
    /// Every running query is stopped when the process's memory passes this, in bytes.
    pub max_memory: Option<u64>,
}

/// The largest request head (request line and headers), and the most headers.
const HEAD_BYTES: usize = 16 << 10;
const HEADERS: usize = 64;

/// How often the store is looked at for a change (an ingest beside the server).
const RELOAD_EVERY: Duration = Duration::from_secs(1);

const INDEX_HTML: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/index.html"));
const APP_JS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/app.js"));
const STYLE_CSS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/style.css"));

/// The page may load its own script, style and pictures only, and talk to this server only.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The store as served: reopened, with its index and network, when an ingest changes it.
struct Current {
    site: RwLock<Arc<Site>>,
    config: Config,
    addr: SocketAddr,
}

impl Current {
    fn site(&self) -> Arc<Site> {
        Arc::clone(&self.site.read().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Opens the store read-only with its name index (kept beside it by the ingest that wrote it),
/// sets the clients' timeout, and reads the network and the list of articles in the background,
/// through handles of their own without that timeout.
fn open_site(config: &Config) -> Result<Arc<Site>> {
    let store = Store::open_read_only(&config.store)?;
    // The server's own reading (the name index when none is kept, the network, the articles'
    // list) has no time limit: on a large store it takes longer than a client's query may (the
    // index of 100,000 articles took more than 10 s, and the server stopped). The clients'
    // queries have theirs.
    let site = Site::new(store)?.with_network_store(&config.store);
    site.store.set_timeout(config.timeout);
    let site = Arc::new(site);
    let background = Arc::clone(&site);
    std::thread::Builder::new()
        .name("polgraph-network".into())
        .spawn(move || {
            if let Err(Miss::Failed(e)) = background.network() {
                eprintln!("polgraph serve: the network pictures fail: {e}");
            }
        })
        .map_err(|e| Error::Other(format!("cannot start a thread: {e}")))?;
    let background = Arc::clone(&site);
    std::thread::Builder::new()
        .name("polgraph-articles".into())
        .spawn(move || background.warm())
        .map_err(|e| Error::Other(format!("cannot start a thread: {e}")))?;
    Ok(site)
}

/// Opens the store, reads the texts, builds the index, and serves until the process is stopped
/// or cannot go on (an error: a thread could not start, or one stopped). `ready` is told the
/// address once the socket listens (port 0 picks a free one).
///
/// A connection is read by one of `connections` threads, within [`HEAD_BYTES`], [`HEADERS`],
/// `max_request_bytes` and `read_time`; its request is answered by one of `threads` threads with
/// the stack the query limits need; one thread watches every query's deadline and the memory
/// (see [`crate::store::watch`]); one looks at the store each second and serves it anew when an
/// ingest has changed it.
pub fn run(config: Config, ready: impl FnOnce(SocketAddr, &Site)) -> Result<()> {
    let thread_error = |e: std::io::Error| Error::Other(format!("cannot start a thread: {e}"));
    crate::store::watch::set_memory_limit(config.max_memory).map_err(thread_error)?;
    let site = open_site(&config)?;
    let listener = TcpListener::bind(config.bind)
        .map_err(|e| Error::Other(format!("cannot listen on {}: {e}", config.bind)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Other(format!("cannot listen on {}: {e}", config.bind)))?;
    ready(addr, &site);
    let current = Arc::new(Current {
        site: RwLock::new(site),
        config,
        addr,
    });
    // A thread that ends says why here; the server cannot go on without it.
    let (fatal, ended) = mpsc::channel::<String>();
    let bounds = http::Bounds {
        head_bytes: HEAD_BYTES,
        headers: HEADERS,
        body_bytes: current.config.max_request_bytes,
        read_time: current.config.read_time,
    };
    type Job = (http::Request, mpsc::SyncSender<Reply>);
    let threads = current.config.threads.max(1);
    let (jobs, queue) = mpsc::sync_channel::<Job>(threads);
    let queue = Arc::new(Mutex::new(queue));
    for i in 0..threads {
        let (queue, current, fatal) = (Arc::clone(&queue), Arc::clone(&current), fatal.clone());
        std::thread::Builder::new()
            .name(format!("polgraph-query-{i}"))
            .stack_size(crate::query::limits::STACK_BYTES)
            .spawn(move || {
                loop {
                    let job = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((req, back)) = job else { break };
                    let site = current.site();
                    let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        answer(&site, &current.config, &req)
                    }))
                    .unwrap_or_else(|_| Reply::error(500, "the server failed on this request"));
                    drop(site);
                    // Before the reply goes: the client's next query finds the memory given back.
                    if let (Some(bound), Some(now)) =
                        (current.config.max_memory, crate::store::watch::resident())
                    {
                        if now > bound / 2 {
                            crate::store::memory::give_back();
                        }
                    }
                    let _ = back.send(reply);
                }
                let _ = fatal.send("a query thread stopped".into());
            })
            .map_err(thread_error)?;
    }
    // Connections wait here for a free thread, as many as there are threads; past them, 503.
    let (conns, incoming) = mpsc::sync_channel::<TcpStream>(current.config.connections.max(1));
    let incoming = Arc::new(Mutex::new(incoming));
    for i in 0..current.config.connections.max(1) {
        let (incoming, current, jobs, fatal) = (
            Arc::clone(&incoming),
            Arc::clone(&current),
            jobs.clone(),
            fatal.clone(),
        );
        std::thread::Builder::new()
            .name(format!("polgraph-conn-{i}"))
            .spawn(move || {
                loop {
                    let conn = incoming.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok(mut stream) = conn else { break };
                    let served = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        connection(&mut stream, &current, &bounds, &jobs)
                    }));
                    if served.is_err() {
                        http::send(
                            &mut stream,
                            &Reply::error(500, "the server failed on this request"),
                            false,
                        );
                    }
                }
                let _ = fatal.send("a connection thread stopped".into());
            })
            .map_err(thread_error)?;
    }
    {
        let (current, fatal) = (Arc::clone(&current), fatal.clone());
        std::thread::Builder::new()
            .name("polgraph-reload".into())
            .spawn(move || follow(&current))
            .map_err(thread_error)?;
        std::thread::Builder::new()
            .name("polgraph-accept".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    match stream {
                        Ok(stream) => {
                            if let Err(mpsc::TrySendError::Full(mut stream)) =
                                conns.try_send(stream)
                            {
                                // Every connection thread is reading a client: say so at once.
                                let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                                let _ = stream.write_all(
                                    &Reply::error(503, "busy: too many connections, try again")
                                        .with("Retry-After", "1")
                                        .to_bytes(false),
                                );
                            }
                        }
                        // Out of file descriptors: the clients in hand go first.
                        Err(_) => std::thread::sleep(Duration::from_millis(50)),
                    }
                }
                let _ = fatal.send("the listening socket closed".into());
            })
            .map_err(thread_error)?;
    }
    drop(fatal);
    let why = ended
        .recv()
        .unwrap_or_else(|_| "every thread stopped".into());
    Err(Error::Other(format!("polgraph serve cannot go on: {why}")))
}

/// Serves the store anew when it changes: reopened, its index and network built again.
fn follow(current: &Current) {
    let path = &current.config.store;
    // The state of RocksDB's files (a file the server keeps beside the store, its name index
    // built for a store that had none, is no change).
    let mut seen = crate::store::kept::stamp(path);
    let mut told = false;
    loop {
        std::thread::sleep(RELOAD_EVERY);
        let now = crate::store::kept::stamp(path);
        if now == seen {
            continue;
        }
        match open_site(&current.config) {
            Ok(site) => {
                *current.site.write().unwrap_or_else(|e| e.into_inner()) = site;
                seen = now;
                told = false;
            }
            Err(e) if !told => {
                eprintln!("polgraph serve: the store changed but cannot be read again yet: {e}");
                told = true;
            }
            Err(_) => {}
        }
    }
}

/// Reads a request, checks its `Host`, has it answered by a query thread, and sends the reply.
fn connection(
    stream: &mut TcpStream,
    current: &Current,
    bounds: &http::Bounds,
    jobs: &mpsc::SyncSender<(http::Request, mpsc::SyncSender<Reply>)>,
) {
    let _ = stream.set_nodelay(true);
    let req = match http::read_request(stream, bounds) {
        Ok(Some(req)) => req,
        Ok(None) => return,
        Err(reply) => return http::send(stream, &reply, false),
    };
    let head = req.method == http::Method::Head;
    let host = http::header(&req, "Host").unwrap_or("");
    if !host.is_empty() && !http::host_allowed(host, current.addr, &current.config.allow_hosts) {
        let reply = Reply::error(
            421,
            format!(
                "Host {host:?} is not this server ({}): a page of another site may be reaching \
                 it through its own name (DNS rebinding); polgraph serve --allow-host NAME \
                 allows a name",
                current.addr
            ),
        );
        return http::send(stream, &reply, head);
    }
    let (back, reply) = mpsc::sync_channel(1);
    if jobs.send((req, back)).is_err() {
        return http::send(stream, &Reply::error(503, "the server is stopping"), head);
    }
    match reply.recv() {
        Ok(mut reply) => {
            if let Some(origin) = &current.config.cors {
                reply = reply.with("Access-Control-Allow-Origin", origin.clone());
            }
            http::send(stream, &reply, head)
        }
        Err(_) => http::send(
            stream,
            &Reply::error(500, "the server failed on this request"),
            head,
        ),
    }
}

fn answer(site: &Site, config: &Config, req: &http::Request) -> Reply {
    use http::Method;
    if req.url().len() > config.max_request_bytes {
        return Reply::error(
            414,
            format!(
                "the address is longer than {} bytes: POST the query instead",
                config.max_request_bytes
            ),
        );
    }
    let (path, params) = http::split_url(req.url());
    let method = req.method().clone();
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let limits = sparql::Limits {
        timeout: config.timeout,
        max_answer: sparql::MAX_ANSWER,
    };
    let accept = http::header(req, "Accept").map(str::to_string);
    match (&method, path.as_str()) {
        (Method::Options, _) => {
            let reply =
                Reply::new(204, "text/plain", Vec::new()).with("Allow", "GET, POST, OPTIONS");
            match config.cors {
                Some(_) => reply
                    .with("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .with("Access-Control-Allow-Headers", "Accept, Content-Type"),
                None => reply,
            }
        }
        (Method::Get | Method::Head, "/") => {
            Reply::new(200, "text/html; charset=utf-8", INDEX_HTML)
                .with("Content-Security-Policy", CSP)
        }
        (Method::Get | Method::Head, "/app.js") => {
            Reply::new(200, "text/javascript; charset=utf-8", APP_JS)
        }
        (Method::Get | Method::Head, "/style.css") => {
            Reply::new(200, "text/css; charset=utf-8", STYLE_CSS)
        }
        (Method::Get | Method::Post, "/sparql") => {
            endpoint(site, req, &params, accept.as_deref(), &limits)
        }
        (_, "/sparql") => Reply::error(405, "GET or POST").with("Allow", "GET, POST"),
        (Method::Get, "/query") => sparql::list(),
        (Method::Get, p) if p.starts_with("/query/") => sparql::shipped(
            &site.store,
            &site.index,
            &limits,
            &p["/query/".len()..],
            &params,
            accept.as_deref(),
        ),
        (Method::Get | Method::Head, p) if p.starts_with("/id/") => {
            entity(site, &p["/id/".len()..], accept.as_deref())
        }
        (Method::Get, p) if p.starts_with("/api/") => api(site, &p["/api/".len()..], get)
            .unwrap_or_else(|miss| match miss {
                Miss::NotFound(m) => Reply::error(404, m),
                Miss::Bad(m) => Reply::error(400, m),
                Miss::Failed(e) => Reply::error(500, e),
            }),
        // The path as the client sent it, control characters escaped (`/%00` is no NUL here).
        (Method::Get, _) => Reply::error(404, format!("nothing at {path:?}")),
        _ => Reply::error(405, format!("{method} {path:?}: this server only reads")),
    }
}

/// `/sparql`: the query from the URL (GET), the body (`application/sparql-query`) or a form.
fn endpoint(
    site: &Site,
    req: &http::Request,
    url_params: &[(String, String)],
    accept: Option<&str>,
    limits: &sparql::Limits,
) -> Reply {
    let mut params: Vec<(String, String)> = url_params.to_vec();
    let mut text: Option<String> = None;
    if *req.method() == http::Method::Post {
        let media = http::header(req, "Content-Type")
            .map(http::media_type)
            .unwrap_or_default();
        let body = req.body.clone();
        match media.as_str() {
            "application/sparql-query" => match String::from_utf8(body) {
                Ok(t) => text = Some(t),
                Err(_) => return Reply::error(400, "the query is not UTF-8"),
            },
            "application/x-www-form-urlencoded" => params.extend(http::pairs(&body)),
            "application/sparql-update" => {
                return Reply::error(
                    403,
                    "SPARQL Update is refused: polgraph serve only reads the store",
                )
            }
            other => {
                return Reply::error(
                    415,
                    format!("Content-Type {other:?}: send application/sparql-query or a form (application/x-www-form-urlencoded)"),
                )
            }
        }
    }
    if params.iter().any(|(k, _)| k == "update") {
        return Reply::error(
            403,
            "SPARQL Update is refused: polgraph serve only reads the store",
        );
    }
    let queries: Vec<&str> = params
        .iter()
        .filter(|(k, _)| k == "query")
        .map(|(_, v)| v.as_str())
        .collect();
    let query = match (text.as_deref(), queries.as_slice()) {
        (Some(t), []) => t,
        (None, [q]) => q,
        (None, []) => return Reply::error(400, "no query: /sparql?query=SELECT..."),
        _ => return Reply::error(400, "one query a request"),
    };
    let graphs = |name: &str| -> Vec<&str> {
        params
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    sparql::answer(
        &site.store,
        limits,
        &sparql::Request {
            query,
            default_graphs: graphs("default-graph-uri"),
            named_graphs: graphs("named-graph-uri"),
            accept,
        },
    )
}

/// The page of each kind of entity IRI: `…/id/person/…` is `#/person/…`.
const ENTITY_PAGES: [(&str, &str); 4] = [
    ("person/", "person/"),
    ("org/", "body/"),
    ("place/", "place/"),
    ("article/", "article/"),
];

/// `/id/PATH`: an entity IRI resolved, as Turtle where `Accept` asks for RDF (or the path ends
/// in `.ttl`), else a redirect (303) to its page.
fn entity(site: &Site, rest: &str, accept: Option<&str>) -> Reply {
    let (rest, ttl) = match rest.strip_suffix(".ttl") {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let rdf = ttl
        || http::negotiate(accept, &["text/html", "text/turtle"]).is_some_and(|m| m != "text/html");
    if rdf {
        let iri = format!("{}{rest}", crate::rdf::vocab::ID);
        return match site.describe(&iri) {
            Ok(Some(ttl)) => Reply::spooled(200, "text/turtle; charset=utf-8", ttl),
            Ok(None) => Reply::error(404, format!("nothing of {iri} in the store")),
            Err(Miss::Bad(m)) => Reply::error(400, m),
            Err(Miss::NotFound(m)) => Reply::error(404, m),
            Err(Miss::Failed(e)) => Reply::error(500, e),
        };
    }
    match ENTITY_PAGES.iter().find(|(p, _)| rest.starts_with(p)) {
        Some((p, page)) => Reply::new(303, "text/plain; charset=utf-8", Vec::new())
            .with("Location", format!("/#/{page}{}", &rest[p.len()..])),
        None => Reply::error(404, format!("no page for /id/{rest}")),
    }
}

/// `/api/NAME?...`: the page's data.
fn api<'a>(
    site: &Site,
    name: &str,
    get: impl Fn(&str) -> Option<&'a str>,
) -> std::result::Result<Reply, Miss> {
    let iri = || get("iri").ok_or_else(|| Miss::Bad("iri=... is missing".into()));
    let value = match name {
        "info" => site.info(),
        "search" => {
            let kinds: Vec<Kind> = get("kind")
                .unwrap_or("")
                .split(',')
                .filter_map(Kind::parse)
                .collect();
            let limit = get("limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(20)
                .min(200);
            site.search(get("q").unwrap_or(""), &kinds, limit)
        }
        "person" => site.person(iri()?)?,
        "articles" => {
            let limit = get("limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(50)
                .min(500);
            site.articles(get("q").unwrap_or(""), limit)?
        }
        "body" => site.body(iri()?)?,
        "place" => site.place(iri()?)?,
        "article" => site.article(iri()?)?,
        "graph" => {
            let depth = get("depth").and_then(|d| d.parse().ok()).unwrap_or(2);
            let lang = if get("lang") == Some("en") {
                Lang::En
            } else {
                Lang::Vi
            };
            site.graph(iri()?, depth, lang)?
        }
        _ => return Err(Miss::NotFound(format!("no /api/{name}"))),
    };
    Ok(Reply::json(&value))
}
