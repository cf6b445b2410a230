//! Typed errors of the library. Each names what it is about: a path, a line, an article.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {reason}")]
    BadInput { path: PathBuf, reason: String },
    #[error("{path}:{line}: {reason}")]
    BadRecord {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "the store {path} is in use by another polgraph process (or another program holding its lock); \
         wait for it to finish or pass a different --store"
    )]
    StoreLocked { path: PathBuf },
    #[error(
        "no store at {path}: `polgraph ingest PATH... --store {path}` makes one (or pass the \
         --store of an existing one; POLGRAPH_STORE sets it for every command)"
    )]
    StoreMissing { path: PathBuf },
    #[error(
        "{path} is not a polgraph store (a folder without RocksDB's CURRENT file): pass the \
         --store that `polgraph ingest` made"
    )]
    NotAStore { path: PathBuf },
    #[error("the store {path} could not be opened: {message}")]
    StoreOpen { path: PathBuf, message: String },
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("query {name}: {message}")]
    Query { name: String, message: String },
    /// A query stopped by its time limit or the memory bound (`store::watch::Stop` says why).
    #[error("query {name}: {reason}")]
    Stopped { name: String, reason: String },
    #[error("unknown query {query:?}: not a file, not a shipped query (see `polgraph queries`), and not SPARQL{}",
        if near.is_empty() { String::new() } else { format!("; did you mean {}?", near.join(" or ")) })]
    UnknownQuery {
        query: String,
        /// The shipped queries whose names are closest to it.
        near: Vec<String>,
    },
    #[error("--param {name}: {query} {}", if known.is_empty() {
        "takes no parameters".to_string()
    } else {
        format!("has no parameter {name:?}; its parameters: {}", known.join(", "))
    })]
    UnknownParam {
        query: String,
        name: String,
        /// The parameters the query declares (or, without a `# param:` header, its variables).
        known: Vec<String>,
    },
    #[error(
        "{what} {typed:?} matches several names; give one of them (as printed, or its id in \
         angle brackets where a query takes one):{candidates}"
    )]
    Ambiguous {
        what: String,
        typed: String,
        candidates: String,
    },
    #[error("--param {0} is given twice: a parameter takes one value")]
    RepeatedParam(String),
    #[error("--param {0:?}: expected NAME=VALUE")]
    BadParam(String),
    #[error("gold file {path}: {reason}")]
    Gold { path: PathBuf, reason: String },
    /// A temporary file of a sort (see `store::sort`) in `dir`.
    #[error("{dir}: {what} for the sort of the export: {source}{hint}")]
    Spill {
        dir: PathBuf,
        what: String,
        hint: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// The store at `path` did not open, for RocksDB's `message`: held by another opener
    /// (RocksDB's lock) or otherwise.
    pub fn store_open(path: &std::path::Path, message: String) -> Error {
        if message.to_lowercase().contains("lock") {
            Error::StoreLocked { path: path.into() }
        } else {
            Error::StoreOpen {
                path: path.into(),
                message,
            }
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
