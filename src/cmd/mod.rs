//! One file per subcommand.

pub mod eval;
pub mod export;
pub mod ingest;
pub mod query;
pub mod stats;
