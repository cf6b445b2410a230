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
    /// The quads of the descriptions graph (see [`crate::rdf::described`]).
    pub described: usize,
    pub errors: Vec<Error>,
}

fn io(e: std::io::Error) -> Error {
    Error::Io {
        path: "<output>".into(),
        source: e,
    }
}

/// Extracts the articles of `sources` to N-Quads on `out`, one article's graph after the other
/// in input order, the tenures as `tenures` says, then the descriptions graph of the units they
/// name; `out` is flushed after each chunk.
pub fn extract(
    sources: &[Source],
    reading: &Reading,
    tenures: TenuresOut,
    out: &mut dyn Write,
) -> Result<Streamed> {
    let mut done = Streamed::default();
    let mut gathered = Tenures::default();
    let mut described = crate::rdf::described::Described::default();
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
                g.write_nquads(&mut *out).map_err(io)?;
                done.articles += 1;
                done.quads += g.len();
                described.add(&g);
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
    // The units the articles name, described once after them (with tenure facts too: a job's
    // partitions each write those of their articles, the same quads where they overlap).
    let quads: Vec<_> = described.quads().collect();
    Store::write(&quads, RdfFormat::NQuads, &mut *out)?;
    done.described = quads.len();
    out.flush().map_err(io)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Article;

    /// The examples, each four times under other ids and dates (undated, two on one day, one
    /// later), so that tenures are stated by several articles.
    fn articles() -> Vec<Article> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let dates = [
            None,
            Some("2019-03-02"),
            Some("2019-03-02"),
            Some("2021-11-30"),
        ];
        let mut out = Vec::new();
        for (i, f) in files.iter().enumerate() {
            let text = std::fs::read_to_string(f).unwrap();
            for (j, date) in dates.iter().enumerate() {
                out.push(Article {
                    id: format!("a{i}-{j}"),
                    text: text.clone(),
                    origin: format!("test.jsonl:{}", out.len() + 1),
                    title: None,
                    date: date.and_then(read::parse_date),
                    url: None,
                    source: None,
                });
            }
        }
        out
    }

    /// xorshift64*: a seeded order, the same on every machine.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    #[test]
    fn tenure_facts_merged_in_any_order_and_grouping_make_the_tenures_of_ingest() {
        let articles = articles();
        let graphs: Vec<_> = load::extract(&articles)
            .into_iter()
            .map(|g| g.unwrap())
            .collect();
        let mut ingest = Tenures::default();
        for g in &graphs {
            ingest.add(g);
        }
        let expected: Vec<_> = ingest.quads().collect();
        assert!(ingest.map.values().any(|(_, t)| t.statements >= 4));
        let all: Vec<_> = articles
            .iter()
            .zip(&graphs)
            .flat_map(|(a, g)| facts::of(g, read::line_of(&a.origin).unwrap() as u64))
            .collect();
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..8 {
            // Shuffled, cut into groups as partitions, merged by key in each, then together.
            let mut facts = all.clone();
            for i in (1..facts.len()).rev() {
                facts.swap(i, (next(&mut state) % (i as u64 + 1)) as usize);
            }
            let mut merged = Vec::new();
            let mut rest = &facts[..];
            while !rest.is_empty() {
                let n = 1 + (next(&mut state) % 7) as usize;
                let (group, tail) = rest.split_at(n.min(rest.len()));
                let mut by_key = std::collections::BTreeMap::<String, serde_json::Value>::new();
                for (k, v) in group {
                    let m = match by_key.get(k) {
                        Some(w) => facts::merge_values(v, w).unwrap(),
                        None => v.clone(),
                    };
                    by_key.insert(k.clone(), m);
                }
                merged.extend(by_key);
                rest = tail;
            }
            let tenures = Tenures::from_facts(merged).unwrap();
            assert_eq!(tenures.quads().collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn a_stream_writes_each_articles_facts_after_its_quads_and_reports_a_bad_line() {
        let articles = articles();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        let lines: Vec<String> = articles
            .iter()
            .map(|a| serde_json::json!({"id": a.id, "text": a.text}).to_string())
            .collect();
        std::fs::write(&path, lines.join("\n") + "\n{broken\n").unwrap();
        let mut out = Vec::new();
        let done = extract(
            &[Source::File(path.clone())],
            &Reading::default(),
            TenuresOut::Facts,
            &mut out,
        )
        .unwrap();
        assert_eq!(done.articles, articles.len());
        // The broken record, with its line.
        assert_eq!(done.errors.len(), 1);
        assert!(done.errors[0]
            .to_string()
            .contains(&format!("in.jsonl:{}", articles.len() + 1)));
        let text = String::from_utf8(out).unwrap();
        let facts: Vec<_> = text.lines().filter_map(facts::parse).collect();
        assert_eq!(facts.len(), done.tenures);
        assert!(!facts.is_empty());
        // Each fact follows the quads of its article: the last article IRI in its value.
        let mut last_graph = String::new();
        for line in text.lines() {
            match facts::parse(line) {
                Some(f) => {
                    let (_, v) = f.unwrap();
                    assert_eq!(v["max"]["last"][2].as_str().unwrap(), last_graph);
                }
                None => {
                    let graph = line.rsplit_once(' ').unwrap().0.rsplit_once(' ').unwrap().1;
                    last_graph = graph.trim_matches(|c| c == '<' || c == '>').to_string();
                }
            }
        }
    }
}
