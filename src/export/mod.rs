//! `polgraph export`: the graph, or one article's, in an RDF format that independent parsers read.

pub mod graph;
pub mod push;
pub use crate::store::sort;
pub use crate::store::spool;
pub mod validate;

use crate::error::{Error, Result};
use crate::store::Store;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// N-Triples (the union of the article graphs)
    Nt,
    /// N-Quads (one named graph per article)
    Nq,
    /// Turtle (the union of the article graphs)
    Ttl,
    /// TriG (one named graph per article)
    Trig,
    /// RDF/XML (the union of the article graphs)
    Rdfxml,
    /// JSON-LD (one named graph per article)
    Jsonld,
}

impl Format {
    pub fn rdf(self) -> RdfFormat {
        match self {
            Format::Nt => RdfFormat::NTriples,
            Format::Nq => RdfFormat::NQuads,
            Format::Ttl => RdfFormat::Turtle,
            Format::Trig => RdfFormat::TriG,
            Format::Rdfxml => RdfFormat::RdfXml,
            Format::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }
}

/// Writes the store (or one article) in `format`, sorted (see [`sort`]: on disk in `opts.dir`
/// past [`sort::Options::run_bytes`], so memory stays bounded at any size); returns the number of
/// quads written. `output` names the output in an error.
pub fn export(
    store: &Store,
    format: Format,
    article: Option<&str>,
    out: impl std::io::Write,
    output: &Path,
    opts: &sort::Options,
) -> Result<usize> {
    if let Some(a) = article {
        if !store.has_article(a)? {
            return Err(Error::Other(format!(
                "no article {a:?} in the store (see `polgraph query articles`)"
            )));
        }
    }
    let graph = article.map(crate::rdf::iri::article);
    // One article's graph comes with the descriptions of the units it names (see
    // [`crate::rdf::described`]), in the descriptions graph.
    // And with the tenures its holdings link to (see [`Store::tenures_named`]): a holding's
    // person, post and body are there.
    let described: Vec<oxigraph::model::Quad> = match &graph {
        Some(g) => {
            let named = store.named_units(g)?;
            let mut tenures = store.tenures_named(g)?;
            tenures.extend(
                crate::rdf::described::Described {
                    units: crate::rdf::described::closure(
                        named
                            .iter()
                            .filter_map(|n| crate::rdf::described::unit_of(n)),
                    ),
                }
                .quads(),
            );
            tenures
        }
        None => Vec::new(),
    };
    let (sorted, n) = sorted_quads_with(store, graph.as_deref(), &described, opts)?;
    write(sorted, format.rdf(), out, output)?;
    Ok(n)
}

/// The quads of the store, or of one named graph, sorted by their N-Quads line (the order of
/// every export, and of the golden `tests/golden/examples.nq`), and how many there are.
pub fn sorted_quads(
    store: &Store,
    graph: Option<&str>,
    opts: &sort::Options,
) -> Result<(sort::Sorted, usize)> {
    sorted_quads_with(store, graph, &[], opts)
}

/// [`sorted_quads`] with `extra` quads among them.
fn sorted_quads_with(
    store: &Store,
    graph: Option<&str>,
    extra: &[oxigraph::model::Quad],
    opts: &sort::Options,
) -> Result<(sort::Sorted, usize)> {
    let mut sorter = sort::Sorter::new(opts.clone());
    let mut line = String::new();
    let mut n = 0;
    for q in store.iter_quads(graph).chain(extra.iter().cloned().map(Ok)) {
        line.clear();
        write!(line, "{}", q?).expect("a String takes every write");
        sorter.push(line.as_bytes())?;
        n += 1;
    }
    Ok((sorter.finish()?, n))
}

/// Writes sorted N-Quads lines (from [`sorted_quads`]) in `format`: N-Quads as they are;
/// the other formats through oxigraph's serializers, each of which writes as it reads (the
/// Turtle and TriG writers keep the current subject, the JSON-LD one the current graph and
/// subject, the RDF/XML one the current subject; the prefixes are the fixed
/// [`crate::rdf::vocab::PREFIXES`]).
pub fn write(
    sorted: sort::Sorted,
    format: RdfFormat,
    mut out: impl std::io::Write,
    output: &Path,
) -> Result<()> {
    let mut text = sorted.text(b" .\n");
    let io = |e: std::io::Error| Error::Io {
        path: output.into(),
        source: e,
    };
    if format == RdfFormat::NQuads {
        // A quad's line is what oxigraph's N-Quads writer writes, less the ` .`.
        let mut buf = vec![0; 64 << 10];
        loop {
            let n = match text.read(&mut buf) {
                Ok(n) => n,
                Err(e) => return Err(text.error().unwrap_or_else(|| io(e))),
            };
            if n == 0 {
                break;
            }
            out.write_all(&buf[..n]).map_err(io)?;
        }
        return out.flush().map_err(io);
    }
    // Lines that oxigraph wrote a moment ago: not checked again.
    let quads = RdfParser::from_format(RdfFormat::NQuads)
        .lenient()
        .for_reader(&mut text)
        .map(|q| q.map_err(|e| Error::Other(format!("the sorted quads: {e}"))));
    let written = Store::write_sorted(quads, format, out, output);
    match text.error() {
        Some(e) => Err(e),
        None => written,
    }
}

/// What one export took: for `polgraph bench`, which reads the process's peak memory around it
/// (`tools::bench`'s `reset_peak_rss` before, `peak_rss_kb` after, in a process of its own).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Measured {
    pub quads: usize,
    /// The bytes of the output (written nowhere: counted).
    pub bytes: u64,
    pub secs: f64,
}

/// Exports the whole store in `format` to nowhere, with the sort's runs in `temp_dir` (they
/// take about the size of the output there), and says how many quads and bytes, in how long.
pub fn measure(store: &Store, format: Format, temp_dir: &Path) -> Result<Measured> {
    struct Count(u64);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len() as u64;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let start = std::time::Instant::now();
    let mut count = Count(0);
    let quads = export(
        store,
        format,
        None,
        &mut count,
        Path::new("<counted>"),
        &sort::Options::in_dir(temp_dir),
    )?;
    Ok(Measured {
        quads,
        bytes: count.0,
        secs: start.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_counts_the_quads_and_bytes_of_the_export() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let g = "https://w3id.org/polgraph/id/article/a";
        let q = |s: &str| {
            oxigraph::model::Quad::new(
                oxigraph::model::NamedNode::new_unchecked(s),
                oxigraph::model::NamedNode::new_unchecked("http://p"),
                oxigraph::model::Literal::new_simple_literal("v"),
                oxigraph::model::NamedNode::new_unchecked(g),
            )
        };
        store.set_graph(g, &[q("http://b"), q("http://a")]).unwrap();
        let m = measure(&store, Format::Nq, dir.path()).unwrap();
        let line = format!("<http://a> <http://p> \"v\" <{g}> .\n");
        assert_eq!((m.quads, m.bytes), (2, 2 * line.len() as u64));
        let mut out = Vec::new();
        let opts = sort::Options::in_dir(dir.path());
        export(&store, Format::Nq, None, &mut out, Path::new("-"), &opts).unwrap();
        assert!(String::from_utf8(out).unwrap().starts_with(&line));
    }
}
