//! `polgraph export`: the graph, or one article's, in an RDF format that independent parsers read.

pub mod graph;
pub mod push;
pub mod validate;

use crate::error::{Error, Result};
use crate::store::Store;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};

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

/// Writes the store (or one article) in `format`; returns the number of quads written.
pub fn export(
    store: &Store,
    format: Format,
    article: Option<&str>,
    out: impl std::io::Write,
) -> Result<usize> {
    if let Some(a) = article {
        if !store.has_article(a)? {
            return Err(Error::Other(format!(
                "no article {a:?} in the store (see `polgraph query articles`)"
            )));
        }
    }
    let quads = store.quads(article)?;
    Store::write(&quads, format.rdf(), out)?;
    Ok(quads.len())
}
