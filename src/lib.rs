//! polgraph turns Vietnamese political news into an RDF knowledge graph.
//!
//! The pipeline is a chain of stages, one module each, every stage with a typed output:
//! [`ingest`] (files, JSON Lines -> [`ingest::Article`]) -> [`normalize`] (NFC, tone marks,
//! furniture, offsets) -> [`meta`] (headline, dateline, byline) -> [`extract`] (persons, offices,
//! organizations, localities, documents) -> [`rdf`] (vocabulary, IRI minting, quads) ->
//! [`store`] (oxigraph) -> [`query`] / [`export`] / [`eval`].

pub mod bench;
pub mod compaction;
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
pub mod memory;
pub mod meta;
pub mod normalize;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod rdf;
pub mod search;
pub mod serve;
pub mod store;
pub mod tenure;
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

/// A word character as Unicode regexes read `\w`: letters, marks, digits, `_`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || unicode_normalization::char::is_combining_mark(c)
}

/// Whether byte offset `at` of `text` is a Unicode word boundary (`\b`).
///
/// Patterns run over whole articles write `(?-u:\b)`, an ASCII boundary that keeps the regex
/// crate's DFAs running on Vietnamese text (a Unicode `\b` sends them to slower engines), and
/// check their match's ends with this: a letter such as `đ` before a digit is no boundary.
pub fn word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word_char);
    let after = text[at..].chars().next().is_some_and(is_word_char);
    before != after
}
