//! One file per subcommand.

pub mod bench;
pub mod compact;
pub mod eval;
pub mod export;
pub mod extract;
pub mod generate;
pub mod graph;
pub mod ingest;
pub mod path;
pub mod push;
pub mod query;
pub mod rank;
pub mod serve;
pub mod stats;
pub mod validate;

use std::path::PathBuf;

/// The store a subcommand reads or writes.
#[derive(clap::Args, Clone)]
pub struct StoreArg {
    /// The on-disk store (created when missing).
    #[arg(
        long,
        env = "POLGRAPH_STORE",
        default_value = "polgraph.db",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}
