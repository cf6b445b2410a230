//! End-to-end tests: every subcommand through the binary, on temporary stores. One test binary,
//! a module for each subcommand (or group of them), and the helpers they share in `common`.

mod common;

mod bench;
mod compact;
mod described;
mod eval;
mod explain;
mod export;
mod extract;
mod find;
mod graph;
mod help;
mod hostile;
mod ingest;
mod kept;
mod load;
mod push;
mod query;
mod serve;
mod serve_robust;
mod spark;
mod stats;
mod store;
mod tenure;
mod validate;
