//! `polgraph serve`: a read-only SPARQL endpoint and a web page over a store, from one binary.
//!
//! - `/sparql`: the SPARQL 1.1 Protocol (GET, POST of `application/sparql-query` or a form),
//!   results as JSON, XML, CSV or TSV by `Accept`; updates refused.
//! - `/query`, `/query/NAME?param=value`: the shipped queries.
//! - `/api/...`: what the page shows, as JSON (see [`pages`]).
//! - `/`: the page (`web/`, compiled in: no network at run time).
//!
//! The store is opened read-only and its name index built once: nothing changes while served.

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
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
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
    pub threads: usize,
}

const INDEX_HTML: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/index.html"));
const APP_JS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/app.js"));
const STYLE_CSS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/style.css"));

/// The page may load its own script, style and pictures only, and talk to this server only.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Opens the store, reads the texts, builds the index, and serves until the process is stopped.
/// `ready` is told the address once the socket listens (port 0 picks a free one).
pub fn run(config: Config, ready: impl FnOnce(SocketAddr, &Site)) -> Result<()> {
    let store = Store::open_read_only(&config.store)?;
    store.set_timeout(config.timeout);
    let site = Site::new(store)?.with_network_store(&config.store);
    let server = tiny_http::Server::http(config.bind)
        .map_err(|e| Error::Other(format!("cannot listen on {}: {e}", config.bind)))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| Error::Other("not an IP socket".into()))?;
    ready(addr, &site);
    let server = Arc::new(server);
    let shared = Arc::new((site, config));
    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            if let Err(Miss::Failed(e)) = shared.0.network() {
                eprintln!("polgraph serve: the network pictures fail: {e}");
            }
        });
    }
    let workers: Vec<_> = (0..shared.1.threads.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                while let Ok(mut req) = server.recv() {
                    let (site, config) = &*shared;
                    let mut reply = handle(site, config, &mut req);
                    if let Some(origin) = &config.cors {
                        reply = reply.with("Access-Control-Allow-Origin", origin.clone());
                    }
                    // The client may have gone: nothing to tell it.
                    let _ = req.respond(reply.into_response());
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

fn handle(site: &Site, config: &Config, req: &mut tiny_http::Request) -> Reply {
    use tiny_http::Method;
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
            endpoint(site, config, req, &params, accept.as_deref(), &limits)
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
        (Method::Get, _) => Reply::error(404, format!("nothing at {path}")),
        _ => Reply::error(405, format!("{method} {path}: this server only reads")),
    }
}

/// `/sparql`: the query from the URL (GET), the body (`application/sparql-query`) or a form.
fn endpoint(
    site: &Site,
    config: &Config,
    req: &mut tiny_http::Request,
    url_params: &[(String, String)],
    accept: Option<&str>,
    limits: &sparql::Limits,
) -> Reply {
    let mut params: Vec<(String, String)> = url_params.to_vec();
    let mut text: Option<String> = None;
    if *req.method() == tiny_http::Method::Post {
        let media = http::header(req, "Content-Type")
            .map(http::media_type)
            .unwrap_or_default();
        let body = match http::body(req, config.max_request_bytes) {
            Ok(b) => b,
            Err(reply) => return reply,
        };
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
            Ok(Some(ttl)) => Reply::new(200, "text/turtle; charset=utf-8", ttl),
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
