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
