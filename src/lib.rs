//! polgraph turns Vietnamese political news into an RDF knowledge graph.
//!
//! The pipeline is a chain of stages, one module each, every stage with a typed output:
//! [`ingest`] (files, JSON Lines -> [`ingest::Article`]) -> [`normalize`] (NFC, tone marks,
//! furniture, offsets) -> [`meta`] (headline, dateline, byline) -> [`extract`] (persons, offices,
//! organizations, localities, documents) -> [`rdf`] (vocabulary, IRI minting, quads) ->
//! [`store`] (oxigraph) -> [`query`] / [`export`] / [`eval`].

pub mod bench;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod generate;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod load;
pub mod meta;
pub mod normalize;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod rdf;
pub mod store;
pub mod validate;

pub use error::{Error, Result};

/// Compiles a regex once, on first use (`regex!(r"...")` returns a `&'static Regex`).
#[macro_export]
macro_rules! regex {
    ($re:expr $(,)?) => {{
        static RE: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new($re).expect("valid regex"));
        &*RE
    }};
}
