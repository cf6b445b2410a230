//! `polgraph push`: sends the graph to an external triple store, one named graph per article,
//! over the SPARQL 1.1 Graph Store HTTP Protocol (a PUT per graph, so a second push replaces
//! rather than duplicates), or over SPARQL 1.1 Update where a store speaks only that (one request
//! per batch of articles, each article dropped and inserted in the same request, so that no store
//! is left with half an article). Transient failures are retried; Basic and Digest authentication.

use crate::error::{Error, Result};
use crate::store::sort;
use crate::store::spool::{Spool, Spooled};
use crate::store::Store;
use md5::Digest;
use oxigraph::io::RdfFormat;
use std::io::Write;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Protocol {
    /// Graph Store HTTP Protocol (PUT per graph), falling back to Update when the store refuses it
    Auto,
    /// Graph Store HTTP Protocol only
    Gsp,
    /// SPARQL 1.1 Update only
    Update,
}

pub struct Target {
    /// The Graph Store endpoint (`http://127.0.0.1:7878/store`).
    pub endpoint: String,
    /// The Update endpoint (`http://127.0.0.1:7878/update`), for `update` and the fallback.
    pub update_endpoint: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub protocol: Protocol,
    /// Articles per Update request.
    pub batch: usize,
    pub retries: u32,
    /// Where a graph too large for memory is sorted and held while it is sent (the system's
    /// temporary folder).
    pub temp_dir: std::path::PathBuf,
}

#[derive(Debug, Default)]
pub struct Report {
    /// Article graphs sent.
    pub sent: usize,
    /// Whether the tenures graph was sent.
    pub tenures: bool,
    /// Whether the descriptions graph was sent (see [`crate::rdf::described`]).
    pub descriptions: bool,
    pub triples: usize,
    pub failed: Vec<(String, String)>,
    pub protocol_used: Option<&'static str>,
}

impl Report {
    /// Counts a graph sent: an article's, the tenures graph or the descriptions graph.
    fn count_sent(&mut self, graph: &str) {
        if graph == crate::rdf::iri::tenures_graph() {
            self.tenures = true;
        } else if graph == crate::rdf::iri::descriptions_graph() {
            self.descriptions = true;
        } else {
            self.sent += 1;
        }
    }
}

/// The `Authorization` header answering a Digest challenge (RFC 7616; the `digest_auth` crate),
/// with the client nonce `cnonce`.
pub fn digest_header(
    challenge: &str,
    user: &str,
    password: &str,
    method: &str,
    uri: &str,
    cnonce: &str,
) -> Option<String> {
    let mut context = digest_auth::AuthContext::new_with_method(
        user,
        password,
        uri,
        Option::<&[u8]>::None,
        digest_auth::HttpMethod::from(method),
    );
    context.set_custom_cnonce(cnonce);
    let mut prompt = digest_auth::parse(challenge).ok()?;
    Some(prompt.respond(&context).ok()?.to_header_string())
}

struct Client {
    agent: ureq::Agent,
    user: Option<String>,
    password: Option<String>,
    retries: u32,
}

enum Sent {
    Ok,
    /// The store does not do this protocol here (404, 405, 415, 501).
    Unsupported(u16),
    Failed(String),
}

impl Client {
    fn send(&self, method: &str, url: &str, content_type: &str, body: &mut Spooled) -> Sent {
        let mut attempt = 0;
        loop {
            let r = self.once(method, url, content_type, body);
            let transient = match &r {
                Err(_) => true,
                Ok((code, _)) => *code == 429 || *code >= 500 && *code != 501,
            };
            if !transient || attempt >= self.retries {
                return match r {
                    Ok((code, _)) if (200..300).contains(&code) => Sent::Ok,
                    Ok((code, _)) if matches!(code, 404 | 405 | 415 | 501) => {
                        Sent::Unsupported(code)
                    }
                    Ok((code, text)) => Sent::Failed(format!(
                        "HTTP {code}: {}",
                        text.chars().take(300).collect::<String>().trim()
                    )),
                    Err(e) => Sent::Failed(e),
                };
            }
            std::thread::sleep(Duration::from_millis(500 << attempt));
            attempt += 1;
        }
    }

    fn once(
        &self,
        method: &str,
        url: &str,
        content_type: &str,
        body: &mut Spooled,
    ) -> std::result::Result<(u16, String), String> {
        let mut go =
            |auth: Option<String>| -> std::result::Result<(u16, String, Option<String>), String> {
                let req = match method {
                    "PUT" => self.agent.put(url),
                    _ => self.agent.post(url),
                };
                let req = req.header("Content-Type", content_type);
                let req = match auth {
                    Some(a) => req.header("Authorization", a),
                    None => req,
                };
                // Each attempt sends the body from its start, with its length.
                let sent = match body {
                    Spooled::Memory(b) => req.send(&b[..]),
                    Spooled::File(f, _) => {
                        std::io::Seek::rewind(f).map_err(|e| e.to_string())?;
                        req.send(&*f)
                    }
                };
                let resp = sent.map_err(|e| e.to_string())?;
                let code = resp.status().as_u16();
                let challenge = resp
                    .headers()
                    .get("www-authenticate")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                let text = resp.into_body().read_to_string().unwrap_or_default();
                Ok((code, text, challenge))
            };
        // Credentials answer the store's challenge (Basic or Digest) rather than being sent up
        // front: a server that expects Digest may refuse a request that offered Basic. The
        // challenge comes from a probe without a body: a store that wants credentials may close
        // the connection on a large body sent without them (Virtuoso does), a broken pipe.
        if let Some(ch) = self.probe(url) {
            let (code, text, _) = go(Some(self.answer(&ch, method, url)?))?;
            if code != 401 {
                return Ok((code, text));
            }
        }
        let (code, text, challenge) = go(None)?;
        if code == 401 {
            if let Some(ch) = challenge.filter(|_| self.user.is_some() && self.password.is_some()) {
                let (code, text, _) = go(Some(self.answer(&ch, method, url)?))?;
                return Ok((code, text));
            }
        }
        Ok((code, text))
    }

    /// With credentials, the challenge of the store at `url`, from a HEAD request.
    fn probe(&self, url: &str) -> Option<String> {
        self.user.as_ref()?;
        self.password.as_ref()?;
        let resp = self.agent.head(url).call().ok()?;
        if resp.status().as_u16() != 401 {
            return None;
        }
        resp.headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// The `Authorization` header that answers the challenge `ch` for a request.
    fn answer(&self, ch: &str, method: &str, url: &str) -> std::result::Result<String, String> {
        let (Some(u), Some(p)) = (&self.user, &self.password) else {
            return Err("the store asks for credentials: give --user and a password".into());
        };
        if !ch.to_lowercase().starts_with("digest") {
            return Ok(format!("Basic {}", basic(u, p)));
        }
        let uri = url
            .splitn(4, '/')
            .nth(3)
            .map(|p| format!("/{p}"))
            .unwrap_or_else(|| "/".into());
        // The client nonce: 16 hex digits of the MD5 of the process and the URL.
        let cnonce: String = md5::Md5::digest(format!("{}{url}", std::process::id()))
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        digest_header(ch, u, p, method, &uri, &cnonce)
            .ok_or_else(|| "a Digest challenge without realm or nonce".to_string())
    }
}

/// The `Basic` credentials of a user and password (RFC 7617).
fn basic(user: &str, password: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
}

/// The SPARQL Update of `queries/push-article.ru`, without its comments.
const UPDATE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/push-article.ru"
));

/// The request that replaces one article's graph in the target, around its N-Triples: the
/// template with the graph's IRI, before them and after them.
fn update_parts(graph: &str) -> (String, String) {
    let template: Vec<&str> = UPDATE.lines().filter(|l| !l.starts_with('#')).collect();
    let filled = template.join("\n").replace("{graph}", graph);
    let (before, after) = filled
        .split_once("{ntriples}\n")
        .expect("queries/push-article.ru has a line {ntriples}");
    (before.to_string(), after.to_string())
}

#[cfg(test)]
fn update_request(graph: &str, ntriples: &str) -> String {
    let (before, after) = update_parts(graph);
    format!("{before}{ntriples}{after}")
}

/// Writes the N-Triples of one graph, sorted (on disk past the sort's run size: the tenures
/// graph of a large store is one graph); returns how many.
fn ntriples(store: &Store, graph: &str, opts: &sort::Options, out: &mut Spool) -> Result<usize> {
    let (sorted, n) = crate::export::sorted_quads(store, Some(graph), opts)?;
    crate::export::write(
        sorted,
        RdfFormat::NTriples,
        out,
        std::path::Path::new("<the request's body>"),
    )?;
    Ok(n)
}

/// Pushes every article (or one) of the store to the target; with every article, the tenures
/// graph and the descriptions graph too (see [`crate::rdf::tenure`], [`crate::rdf::described`]),
/// as two more graphs.
pub fn push(
    store: &Store,
    target: &Target,
    only: Option<&str>,
    progress: &mut dyn FnMut(&str),
) -> Result<Report> {
    let client = Client {
        agent: ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into(),
        user: target.user.clone(),
        password: target.password.clone(),
        retries: target.retries,
    };
    let mut articles = store.article_ids()?;
    if let Some(a) = only {
        if !articles.iter().any(|x| x == a) {
            return Err(Error::Other(format!(
                "no article {a:?} in the store (see `polgraph query articles`)"
            )));
        }
        articles = vec![a.to_string()];
    }
    // (what the report and the progress call it, graph IRI)
    let mut graphs: Vec<(String, String)> = articles
        .iter()
        .map(|a| (a.clone(), crate::rdf::iri::article(a)))
        .collect();
    if only.is_none() && store.has_tenures()? {
        graphs.push(("the tenures graph".into(), crate::rdf::iri::tenures_graph()));
    }
    let described = crate::rdf::iri::descriptions_graph();
    if only.is_none() && store.has_graph(&described)? {
        graphs.push(("the descriptions graph".into(), described));
    }
    let opts = sort::Options::in_dir(&target.temp_dir);
    let mut report = Report::default();
    let mut use_update = target.protocol == Protocol::Update;
    let mut pending: Vec<&(String, String)> = Vec::new();
    for pair in &graphs {
        let (a, graph) = pair;
        if use_update {
            pending.push(pair);
            continue;
        }
        let sep = if target.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        let url = format!(
            "{}{sep}graph={}",
            target.endpoint,
            crate::rdf::iri::escape(graph)
        );
        let mut spool = Spool::new(&target.temp_dir);
        let n = ntriples(store, graph, &opts, &mut spool)?;
        let mut body = spool.finish()?;
        match client.send("PUT", &url, "application/n-triples", &mut body) {
            Sent::Ok => {
                report.count_sent(graph);
                report.triples += n;
                report.protocol_used = Some("Graph Store HTTP Protocol");
                progress(a);
            }
            Sent::Unsupported(code) if target.protocol == Protocol::Auto && target.update_endpoint.is_some() => {
                progress(&format!("the Graph Store endpoint answered HTTP {code}: falling back to SPARQL Update"));
                use_update = true;
                pending.push(pair);
            }
            Sent::Unsupported(code) => report.failed.push((a.clone(), format!("HTTP {code}: the store refuses the Graph Store protocol at {}; give --update-endpoint", target.endpoint))),
            Sent::Failed(e) => report.failed.push((a.clone(), e)),
        }
    }
    if !pending.is_empty() {
        let endpoint = target
            .update_endpoint
            .as_deref()
            .ok_or_else(|| Error::Other("--protocol update needs --update-endpoint".into()))?;
        for chunk in pending.chunks(target.batch.max(1)) {
            // Update is a protocol for writing data: our own N-Triples, serialized by oxigraph,
            // go inside INSERT DATA, each article's graph dropped first in the same request.
            let mut spool = Spool::new(&target.temp_dir);
            let mut n = 0;
            let body_io = |e| Error::Io {
                path: "<the request's body>".into(),
                source: e,
            };
            for (i, (_, graph)) in chunk.iter().enumerate() {
                let (before, after) = update_parts(graph);
                if i > 0 {
                    spool.write_all(b" ;\n").map_err(body_io)?;
                }
                spool.write_all(before.as_bytes()).map_err(body_io)?;
                n += ntriples(store, graph, &opts, &mut spool)?;
                spool.write_all(after.as_bytes()).map_err(body_io)?;
            }
            let mut body = spool.finish()?;
            match client.send("POST", endpoint, "application/sparql-update", &mut body) {
                Sent::Ok => {
                    for (_, graph) in chunk {
                        report.count_sent(graph);
                    }
                    report.triples += n;
                    report.protocol_used = Some("SPARQL 1.1 Update");
                    for (a, _) in chunk {
                        progress(a);
                    }
                }
                Sent::Unsupported(code) => {
                    for (a, _) in chunk {
                        report.failed.push((
                            a.clone(),
                            format!("HTTP {code} from the Update endpoint {endpoint}"),
                        ));
                    }
                }
                Sent::Failed(e) => {
                    for (a, _) in chunk {
                        report.failed.push((a.clone(), e.clone()));
                    }
                }
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_matches_the_rfc_2617_example() {
        // RFC 2617 §3.5.
        let ch = r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#;
        let h = digest_header(
            ch,
            "Mufasa",
            "Circle Of Life",
            "GET",
            "/dir/index.html",
            "0a4f113b",
        )
        .unwrap();
        assert!(
            h.contains(r#"response="6629fae49393a05397450978507c4ef1""#),
            "{h}"
        );
        assert!(h.contains(r#"opaque="5ccc069c403ebaf9f0171e9517f40e41""#));
    }

    #[test]
    fn an_update_request_replaces_the_graph_with_its_triples() {
        let nt = "<a> <b> \"{graph}\" .\n<c> <d> <e> .\n";
        assert_eq!(
            update_request("http://g/1", nt),
            format!(
                "DROP SILENT GRAPH <http://g/1> ;\nINSERT DATA {{ GRAPH <http://g/1> {{\n{nt}}} }}"
            )
        );
    }

    /// A body held in a file (a graph past the spool's bound) is sent whole with its length,
    /// and whole again when the request is retried.
    #[test]
    fn a_body_in_a_file_is_sent_whole_with_its_length_and_again_on_a_retry() {
        use std::io::{BufRead, Read};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let mut bodies = Vec::new();
            for status in ["503 Service Unavailable", "204 No Content"] {
                let (stream, _) = listener.accept().unwrap();
                let mut r = std::io::BufReader::new(stream.try_clone().unwrap());
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    r.read_line(&mut line).unwrap();
                    if line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                r.read_exact(&mut body).unwrap();
                bodies.push(body);
                let mut w = stream;
                write!(
                    w,
                    "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                .unwrap();
            }
            bodies
        });
        let dir = tempfile::tempdir().unwrap();
        let mut spool = Spool::with_limit(dir.path(), 100);
        let text: String = (0..1000).map(|i| format!("<s{i}> <p> <o> .\n")).collect();
        spool.write_all(text.as_bytes()).unwrap();
        let mut body = spool.finish().unwrap();
        assert!(matches!(body, Spooled::File(..)));
        let client = Client {
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into(),
            user: None,
            password: None,
            retries: 1,
        };
        let url = format!("http://127.0.0.1:{port}/store");
        assert!(matches!(
            client.send("PUT", &url, "application/n-triples", &mut body),
            Sent::Ok
        ));
        let bodies = server.join().unwrap();
        assert_eq!(bodies.len(), 2);
        for b in bodies {
            assert_eq!(String::from_utf8(b).unwrap(), text);
        }
    }

    #[test]
    fn basic_credentials() {
        assert_eq!(
            basic("Aladdin", "open sesame"),
            "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(
            crate::rdf::iri::escape("https://w3id.org/polgraph/id/article/a b"),
            "https%3A%2F%2Fw3id.org%2Fpolgraph%2Fid%2Farticle%2Fa%20b"
        );
    }
}
