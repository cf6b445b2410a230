//! The answers of the shipped queries that list the whole store without a parameter (`people`,
//! `tenures`, `articles`, the counts of `stats`), kept beside the store (see [`crate::store::kept`]) by the
//! ingest that wrote it: such a query scans every article (`people`: 3.2 s at 100,000
//! articles, `articles` 38 s: the page's list of articles), its kept answer is read in moments. Kept as SPARQL results JSON, every term as the
//! store gives it, so that each output format prints exactly what the scan would.

use crate::error::{Error, Result};
use crate::store::{kept, Store};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, QueryResultsSerializer, ReaderQueryResultsParserOutput,
};
use oxigraph::sparql::QueryResults;

/// The shipped queries whose answer without parameters is kept.
pub const KEPT: [&str; 4] = ["articles", "people", "stats", "tenures"];

/// Those an ingest into a store with articles computes again; the list of `articles` (38 s at
/// 100,000 articles, which would be most of a small ingest's time) is left to its first reader.
pub const AFTER_EVERY_INGEST: [&str; 3] = ["people", "stats", "tenures"];

/// The version of the kept answers' format.
const VERSION: u32 = 1;

fn file(name: &str) -> String {
    format!("answer-{name}")
}

/// The answers of [`KEPT`], each as SPARQL results JSON.
pub struct Answers(Vec<(&'static str, Vec<u8>)>);

impl Answers {
    /// Runs each query of `names` (of [`KEPT`]) over the whole store.
    pub fn compute(store: &Store, names: &[&'static str]) -> Result<Answers> {
        names
            .iter()
            .map(|name| Ok((*name, scan(store, name)?)))
            .collect::<Result<_>>()
            .map(Answers)
    }

    /// Keeps the answers beside the store at `path` for the store as it is now: for the process
    /// that wrote the store, once it has closed it.
    pub fn save(&self, path: &std::path::Path) -> Result<()> {
        let stamp = kept::stamp(path);
        for (name, json) in &self.0 {
            kept::write(path, &file(name), VERSION, &stamp, |w| w.write_all(json))?;
        }
        Ok(())
    }
}

/// The answer of `name` (one of [`KEPT`]) as SPARQL results JSON, from a scan of the store.
fn scan(store: &Store, name: &str) -> Result<Vec<u8>> {
    let q = super::shipped(name).ok_or_else(|| Error::UnknownQuery {
        query: name.into(),
        near: Vec::new(),
    })?;
    let QueryResults::Solutions(solutions) = super::execute(store, name, q.sparql, &[])? else {
        return Err(Error::Query {
            name: name.into(),
            message: "not a SELECT query".into(),
        });
    };
    let err = |e: &dyn std::fmt::Display| Error::Query {
        name: name.into(),
        message: e.to_string(),
    };
    let mut out = Vec::new();
    let mut w = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
        .serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())
        .map_err(|e| err(&e))?;
    for s in solutions {
        w.serialize(&s.map_err(|e| err(&e))?).map_err(|e| err(&e))?;
    }
    w.finish().map_err(|e| err(&e))?;
    Ok(out)
}

fn parse(name: &str, json: impl std::io::Read + 'static) -> Result<QueryResults<'static>> {
    match QueryResultsParser::from_format(QueryResultsFormat::Json).for_reader(json) {
        Ok(out @ ReaderQueryResultsParserOutput::Solutions(_)) => Ok(out.into()),
        Ok(_) => Err(Error::Query {
            name: name.into(),
            message: "a kept answer that is not a table".into(),
        }),
        Err(e) => Err(Error::Query {
            name: name.into(),
            message: format!("its kept answer: {e}"),
        }),
    }
}

/// The answer of the shipped query `name` without parameters, if it is one of [`KEPT`]: the one
/// kept beside the store when it was written for the store as this handle opened it, else from
/// a scan (then kept for the next reader, where the store's folder can be written). `None` for
/// any other query.
pub fn answer(store: &Store, name: &str) -> Result<Option<QueryResults<'static>>> {
    if !KEPT.contains(&name) {
        return Ok(None);
    }
    if let Some(body) = kept::open(store.path(), &file(name), VERSION, store.stamp()) {
        return parse(name, body).map(Some);
    }
    let json = scan(store, name)?;
    kept::write_if_current(store.path(), &file(name), VERSION, store.stamp(), |w| {
        w.write_all(&json)
    });
    parse(name, std::io::Cursor::new(json)).map(Some)
}
