//! Tools beside the pipeline: synthetic corpora, benchmarks and scoring against gold files.

pub mod bench;
pub mod corpus_bench;
pub mod eval;
pub mod explain;
pub mod generate;
pub mod rules;
