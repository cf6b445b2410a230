//! One file per subcommand.

pub mod bench;
pub mod compact;
pub mod completions;
pub mod eval;
pub mod export;
pub mod extract;
pub mod find;
pub mod generate;
pub mod graph;
pub mod ingest;
pub mod man;
pub mod path;
pub mod push;
pub mod query;
pub mod rank;
pub mod serve;
pub mod stats;
pub mod validate;

use std::path::PathBuf;

/// The store a subcommand reads: one that `polgraph ingest` made.
#[derive(clap::Args, Clone)]
pub struct StoreArg {
    /// The on-disk store, made by `polgraph ingest` (a missing one is an error, exit code 2).
    #[arg(
        long,
        env = "POLGRAPH_STORE",
        default_value = "polgraph.db",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}

/// The store `polgraph ingest` writes: the only subcommand that makes one.
#[derive(clap::Args, Clone)]
pub struct NewStoreArg {
    /// The on-disk store (created when missing).
    #[arg(
        long,
        env = "POLGRAPH_STORE",
        default_value = "polgraph.db",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}
