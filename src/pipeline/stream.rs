//! Extraction as a stream: articles in, N-Quads out, a chunk of articles at a time (memory does
//! not grow with the input), for a pipe (`polgraph extract --out -`, a partition of a Spark job).
//! The tenures, computed over the whole corpus, come out either as their graph at the end or, for
//! a job that merges them by key across machines, as keyed facts after each article's quads (see
//! [`crate::rdf::tenure::facts`]).

use crate::error::{Error, Result};
use crate::pipeline::load;
use crate::rdf::tenure::{facts, Tenures};
use crate::read::{self, Source};
use crate::store::Store;
use oxigraph::io::RdfFormat;
use std::io::{BufRead, Write};

/// What the tenures become in a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenuresOut {
    /// Their graph after the last article.
    Graph,
    /// Each article's facts after its quads.
    Facts,
}

/// How the sources are read.
#[derive(Debug, Clone)]
pub struct Reading {
    /// What messages and origins call standard input.
    pub stdin_name: String,
    /// The number of standard input's first line.
    pub first_line: usize,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading {
            stdin_name: "<stdin>".into(),
            first_line: 1,
        }
    }
}

/// What a stream did.
#[derive(Debug, Default)]
pub struct Streamed {
    pub articles: usize,
    pub quads: usize,
    /// Tenure facts written, or the quads of the tenures graph.
    pub tenures: usize,
    pub errors: Vec<Error>,
}

fn io(e: std::io::Error) -> Error {
    Error::Io {
        path: "<output>".into(),
        source: e,
    }
}

/// Extracts the articles of `sources` to N-Quads on `out`, one article's graph after the other
/// in input order, the tenures as `tenures` says; `out` is flushed after each chunk.
pub fn extract(
    sources: &[Source],
    reading: &Reading,
    tenures: TenuresOut,
    out: &mut dyn Write,
) -> Result<Streamed> {
    let mut done = Streamed::default();
    let mut gathered = Tenures::default();
    // The place of an article in the input, where it has no line (a text file).
    let mut place = 0usize;
    for source in sources {
        let stream = read::stream(source, load::CHUNK);
        let stream = match source {
            Source::Stdin => stream.numbered(&reading.stdin_name, reading.first_line),
            Source::File(_) => stream,
        };
        for inputs in stream {
            done.errors.extend(inputs.errors);
            let graphs = load::extract(&inputs.articles);
            for (a, g) in inputs.articles.iter().zip(graphs) {
                place += 1;
                let g = match g {
                    Ok(g) => g,
                    Err(e) => {
                        done.errors.push(e);
                        continue;
                    }
                };
                Store::write(&g.quads(), RdfFormat::NQuads, &mut *out)?;
                done.articles += 1;
                done.quads += g.len();
                match tenures {
                    TenuresOut::Graph => gathered.add(&g),
                    TenuresOut::Facts => {
                        let order = read::line_of(&a.origin).unwrap_or(place) as u64;
                        for (key, value) in facts::of(&g, order) {
                            writeln!(out, "{}", facts::line(&key, &value)).map_err(io)?;
                            done.tenures += 1;
                        }
                    }
                }
            }
            out.flush().map_err(io)?;
        }
    }
    if tenures == TenuresOut::Graph {
        let quads: Vec<_> = gathered.quads().collect();
        Store::write(&quads, RdfFormat::NQuads, &mut *out)?;
        done.tenures = quads.len();
        out.flush().map_err(io)?;
    }
    Ok(done)
}

/// The tenures of the facts in `input` (lines [`facts::line`] writes, merged by key or not;
/// blank lines are skipped), `name` what messages call it.
pub fn read_facts(input: impl BufRead, name: &str) -> Result<Vec<(String, serde_json::Value)>> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let bad = |reason: String| Error::BadRecord {
            path: name.into(),
            line: i + 1,
            reason,
        };
        let line = line.map_err(|e| bad(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        match facts::parse(&line) {
            Some(Ok(fact)) => out.push(fact),
            Some(Err(reason)) => return Err(bad(reason)),
            None => {
                return Err(bad(format!(
                    "not a tenure fact (a line `{}KEY\\tVALUE`, as `polgraph extract \
                     --tenure-facts` writes it)",
                    facts::PREFIX.trim_end()
                )))
            }
        }
    }
    Ok(out)
}

/// The tenures graph of merged facts, as N-Quads on `out`: the number of quads.
pub fn write_tenures(
    facts: Vec<(String, serde_json::Value)>,
    out: &mut dyn Write,
) -> Result<(usize, usize)> {
    let tenures = Tenures::from_facts(facts).map_err(Error::Other)?;
    let quads: Vec<_> = tenures.quads().collect();
    Store::write(&quads, RdfFormat::NQuads, &mut *out)?;
    out.flush().map_err(io)?;
    Ok((tenures.len(), quads.len()))
}
