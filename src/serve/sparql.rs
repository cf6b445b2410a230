//! The SPARQL 1.1 Protocol at `/sparql` (queries only: an update is refused) and the shipped
//! queries at `/query/NAME?param=value`, answered in the format the `Accept` header asks for.

use super::http::{negotiate, Reply};
use crate::query;
use crate::store::Store;
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults};
use std::time::Duration;

/// The result formats of SELECT and ASK, by media type, the default first.
const RESULTS: [(&str, QueryResultsFormat); 7] = [
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

/// The graph formats of CONSTRUCT and DESCRIBE, the default first.
const GRAPHS: [&str; 4] = [
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
];

fn graph_format(media: &str) -> RdfFormat {
    match media {
        "application/n-triples" => RdfFormat::NTriples,
        "application/rdf+xml" => RdfFormat::RdfXml,
        "application/ld+json" => RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        },
        _ => RdfFormat::Turtle,
    }
}

/// The largest answer the server writes: past it, the client is asked for a LIMIT.
pub const MAX_ANSWER: usize = 256 << 20;

/// What the endpoint needs to know about the server.
pub struct Limits {
    pub timeout: Option<Duration>,
    /// The largest answer written, in bytes ([`MAX_ANSWER`] in the server).
    pub max_answer: usize,
}

/// A protocol request: the query, and the dataset the request names (`default-graph-uri`,
/// `named-graph-uri`), which takes the place of the query's own.
pub struct Request<'a> {
    pub query: &'a str,
    pub default_graphs: Vec<&'a str>,
    pub named_graphs: Vec<&'a str>,
    pub accept: Option<&'a str>,
}

/// Refuses a SPARQL Update sent as a query, with what to do instead.
fn refuse_update() -> Reply {
    Reply::error(
        403,
        "SPARQL Update is refused: polgraph serve only reads the store (articles go in with \
         `polgraph ingest`, beside the running server, which sees them within seconds)",
    )
}

/// Answers `/sparql`.
pub fn answer(store: &Store, limits: &Limits, req: &Request) -> Reply {
    if let Err(e) = crate::query::limits::check(req.query) {
        return Reply::error(400, e);
    }
    let parser = spargebra::SparqlParser::new();
    let mut parsed = match parser.clone().parse_query(req.query) {
        Ok(q) => q,
        Err(e) => {
            // An empty text (or only comments) parses as an update of nothing: no query.
            if parser
                .parse_update(req.query)
                .is_ok_and(|u| !u.operations.is_empty())
            {
                return refuse_update();
            }
            return Reply::error(400, format!("the query does not parse: {e}"));
        }
    };
    if let Err(e) = crate::query::limits::check_parsed(&parsed) {
        return Reply::error(400, e);
    }
    if crate::query::uses_service(&parsed) {
        return Reply::error(
            501,
            "SERVICE is not supported: polgraph serve answers from its own store only",
        );
    }
    let mut text = req.query.to_string();
    if !req.default_graphs.is_empty() || !req.named_graphs.is_empty() {
        let iris = |list: &[&str]| -> Result<Vec<NamedNode>, Reply> {
            list.iter()
                .map(|i| {
                    NamedNode::new(*i).map_err(|e| Reply::error(400, format!("graph {i:?}: {e}")))
                })
                .collect()
        };
        let default = match iris(&req.default_graphs) {
            Ok(v) => v,
            Err(r) => return r,
        };
        let named = match iris(&req.named_graphs) {
            Ok(v) => v,
            Err(r) => return r,
        };
        let dataset = spargebra::algebra::QueryDataset {
            default,
            named: (!named.is_empty()).then_some(named),
        };
        match &mut parsed {
            spargebra::Query::Select { dataset: d, .. }
            | spargebra::Query::Construct { dataset: d, .. }
            | spargebra::Query::Describe { dataset: d, .. }
            | spargebra::Query::Ask { dataset: d, .. } => *d = Some(dataset),
        }
        text = parsed.to_string();
    }
    run(store, limits, "query", &text, &[], req.accept)
}

/// Answers `/query/NAME?param=value...`: a shipped query, its parameters bound as
/// `polgraph query --param` binds them.
pub fn shipped(
    store: &Store,
    index: &crate::query::search::Index,
    limits: &Limits,
    name: &str,
    params: &[(String, String)],
    accept: Option<&str>,
) -> Reply {
    let Some(q) = query::shipped(name) else {
        return Reply::error(
            404,
            format!("no shipped query {name:?}: GET /query lists them"),
        );
    };
    // As `polgraph query --param` reads them: checked against the query's parameters, names
    // read as typed (folded; several alike: a refusal that lists them).
    let mut bound = Vec::new();
    for (k, v) in params {
        match query::param(&format!("{k}={v}")) {
            Ok(p) => bound.push(p),
            Err(e) => return Reply::error(400, e),
        }
    }
    if let Err(e) = query::check_params(q.name, q.sparql, &bound) {
        return Reply::error(400, e);
    }
    let bound = match query::names::resolve_with(store, Some(index), &bound) {
        Ok((bound, _)) => bound,
        Err(e @ crate::error::Error::Ambiguous { .. }) => return Reply::error(400, e),
        Err(e) => return Reply::error(500, e),
    };
    let bound = query::with_languages(q.sparql, &bound);
    run(store, limits, q.name, q.sparql, &bound, accept)
}

/// The shipped queries with their descriptions and parameters, as JSON.
pub fn list() -> Reply {
    let queries: Vec<serde_json::Value> = query::SHIPPED
        .iter()
        .map(|q| {
            let params: Vec<serde_json::Value> = q
                .header("param")
                .iter()
                .map(|p| {
                    let (name, about) = p.split_once(':').unwrap_or((p, ""));
                    serde_json::json!({
                        "name": name.split('@').next().unwrap_or(name).trim(),
                        "description": about.trim(),
                    })
                })
                .collect();
            serde_json::json!({
                "name": q.name, "description": q.description(), "params": params,
                "sparql": q.sparql,
            })
        })
        .collect();
    Reply::json(&serde_json::json!({ "queries": queries }))
}

/// A writer that refuses to grow past its bound ([`Limits::max_answer`]).
struct Capped(Vec<u8>, usize);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > self.1 {
            return Err(std::io::Error::other("answer too large"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Why an answer could not be written.
enum Failure {
    /// The query was stopped (its time limit, the memory bound): 503, with why.
    Stopped(String),
    Other(String),
}

impl From<QueryEvaluationError> for Failure {
    fn from(e: QueryEvaluationError) -> Failure {
        match crate::store::watch::stop_of(&e) {
            Some(stop) => Failure::Stopped(stop.to_string()),
            None => Failure::Other(e.to_string()),
        }
    }
}

fn run(
    store: &Store,
    limits: &Limits,
    name: &str,
    sparql: &str,
    params: &[(String, Term)],
    accept: Option<&str>,
) -> Reply {
    let failed = |failure: Failure| -> Reply {
        match failure {
            Failure::Stopped(stop) => Reply::error(503, stop),
            Failure::Other(message) if message.contains("answer too large") => Reply::error(
                507,
                format!(
                    "the answer is larger than {}: ask for less (LIMIT)",
                    size(limits.max_answer)
                ),
            ),
            Failure::Other(message) => Reply::error(500, message),
        }
    };
    let results = match crate::query::execute(store, name, sparql, params) {
        Ok(r) => r,
        Err(crate::error::Error::Stopped { reason, .. }) => {
            return failed(Failure::Stopped(reason))
        }
        Err(e) => return failed(Failure::Other(e.to_string())),
    };
    let mut out = Capped(Vec::new(), limits.max_answer);
    match results {
        QueryResults::Solutions(solutions) => {
            let offers: Vec<&str> = RESULTS.iter().map(|(m, _)| *m).collect();
            let Some(media) = negotiate(accept, &offers) else {
                return not_acceptable(&offers);
            };
            let format = RESULTS.iter().find(|(m, _)| *m == media).map(|(_, f)| *f);
            let ser =
                QueryResultsSerializer::from_format(format.unwrap_or(QueryResultsFormat::Json));
            let vars = solutions.variables().to_vec();
            let other = |e: std::io::Error| Failure::Other(e.to_string());
            let written = (|| -> Result<(), Failure> {
                let mut w = ser
                    .serialize_solutions_to_writer(&mut out, vars)
                    .map_err(other)?;
                for s in solutions {
                    w.serialize(&s?).map_err(other)?;
                }
                w.finish().map_err(other)?;
                Ok(())
            })();
            match written {
                Ok(()) => Reply::new(200, static_media(media), out.0),
                Err(e) => failed(e),
            }
        }
        QueryResults::Boolean(b) => {
            let offers: Vec<&str> = RESULTS.iter().map(|(m, _)| *m).collect();
            let Some(media) = negotiate(accept, &offers) else {
                return not_acceptable(&offers);
            };
            let format = RESULTS.iter().find(|(m, _)| *m == media).map(|(_, f)| *f);
            match QueryResultsSerializer::from_format(format.unwrap_or(QueryResultsFormat::Json))
                .serialize_boolean_to_writer(&mut out, b)
            {
                Ok(_) => Reply::new(200, static_media(media), out.0),
                Err(e) => failed(Failure::Other(e.to_string())),
            }
        }
        QueryResults::Graph(triples) => {
            let Some(media) = negotiate(accept, &GRAPHS) else {
                return not_acceptable(&GRAPHS);
            };
            match write_graph(triples, graph_format(media), &mut out) {
                Ok(()) => Reply::new(200, static_media(media), out.0),
                Err(e) => failed(e),
            }
        }
    }
}

/// Writes a CONSTRUCT's or DESCRIBE's triples as the query yields them, each once (see
/// [`crate::store::TripleWriter`]): memory holds the answer written so far, at most
/// [`MAX_ANSWER`], past which the query is left unfinished.
fn write_graph(
    triples: impl Iterator<Item = Result<Triple, QueryEvaluationError>>,
    format: RdfFormat,
    out: &mut Capped,
) -> Result<(), Failure> {
    let other = |e: std::io::Error| Failure::Other(e.to_string());
    let mut w =
        crate::store::TripleWriter::new(format, out).map_err(|e| Failure::Other(e.to_string()))?;
    for t in triples {
        w.write(&t?).map_err(other)?;
    }
    w.finish().map_err(other)?;
    Ok(())
}

/// `n` bytes as a reader says it: in MB from 1 MB up.
fn size(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{} MB", n >> 20)
    } else {
        format!("{n} bytes")
    }
}

fn not_acceptable(offers: &[&str]) -> Reply {
    Reply::error(
        406,
        format!(
            "none of the formats asked for: this answer is one of {}",
            offers.join(", ")
        ),
    )
}

/// The `Content-Type` of a negotiated media type.
fn static_media(media: &str) -> &'static str {
    RESULTS
        .iter()
        .map(|(m, _)| *m)
        .chain(GRAPHS)
        .find(|m| *m == media)
        .unwrap_or("application/octet-stream")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(store: &Store, max_answer: usize, query: &str, accept: &str) -> Reply {
        let limits = Limits {
            timeout: None,
            max_answer,
        };
        let req = Request {
            query,
            default_graphs: Vec::new(),
            named_graphs: Vec::new(),
            accept: Some(accept),
        };
        answer(store, &limits, &req)
    }

    /// The same person typed in several article graphs: CONSTRUCT yields the triple once per
    /// graph, the answer has it once.
    const TYPES: &str = "CONSTRUCT { ?s a ?t } WHERE { GRAPH ?g { ?s a ?t } }";

    #[test]
    fn construct_writes_each_triple_once() {
        let (_dir, store) = crate::query::kept::tests::store();
        let r = ask(&store, MAX_ANSWER, TYPES, "application/n-triples");
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let text = String::from_utf8(r.body).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let unique: std::collections::BTreeSet<&str> = lines.iter().copied().collect();
        assert_eq!(lines.len(), unique.len(), "{text}");
        let person = format!("<{}person/ha-tinh/p3>", crate::rdf::vocab::ID);
        let typed = lines
            .iter()
            .filter(|l| l.starts_with(&person) && l.contains("foaf/0.1/Person"))
            .count();
        assert_eq!(typed, 1, "{text}");
        // Turtle too, the default.
        let r = ask(&store, MAX_ANSWER, TYPES, "text/turtle");
        assert_eq!(r.status, 200);
        assert!(String::from_utf8(r.body).unwrap().contains("foaf:Person"));
    }

    #[test]
    fn construct_past_the_bound_is_refused_with_why() {
        let (_dir, store) = crate::query::kept::tests::store();
        let whole = ask(&store, MAX_ANSWER, TYPES, "application/n-triples");
        let len = whole.body.len();
        assert!(len > 1000, "{len}");
        // One byte short of the whole answer: refused, not cut.
        let r = ask(&store, len - 1, TYPES, "application/n-triples");
        assert_eq!(r.status, 507);
        let why = String::from_utf8(r.body).unwrap();
        assert!(
            why.contains(&format!("larger than {} bytes", len - 1)),
            "{why}"
        );
        // Exactly the answer's size: written whole.
        let r = ask(&store, len, TYPES, "application/n-triples");
        assert_eq!(r.status, 200);
        assert_eq!(r.body.len(), len);
    }
}
