//! The `polgraph` command: parses arguments, calls into the library, maps errors to exit codes.

mod cmd;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

// Extraction allocates many small strings on every core, and chunks of graphs built on worker
// threads are freed on the main one: mimalloc does that a quarter faster than glibc's malloc.
// It also replaces malloc for the C++ of RocksDB (feature `override`): one allocator for the
// whole process, so memory allocated on one side of the FFI and freed on the other stays sound
// (with two allocators, opening a store that another process holds crashed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns Vietnamese political news into an RDF knowledge graph, and answers questions from it.
///
/// Typical use:
///   polgraph ingest examples/articles          # build the graph (store: ./polgraph.db)
///   polgraph query offices                     # who holds which post, says which article
///   polgraph query person-posts --param person="Nguyễn Văn Hải"
///   polgraph export --format ttl -o graph.ttl
#[derive(Parser)]
#[command(name = "polgraph", version, verbatim_doc_comment)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Ingest(cmd::ingest::Args),
    Query(cmd::query::Args),
    Find(cmd::find::Args),
    /// Lists the shipped queries with their descriptions, columns and parameters; with a NAME,
    /// prints that query's SPARQL and its examples.
    Queries(cmd::query::QueriesArgs),
    Export(cmd::export::Args),
    Graph(cmd::graph::Args),
    Path(cmd::path::Args),
    Rank(cmd::rank::Args),
    Push(cmd::push::Args),
    Validate(cmd::validate::Args),
    Extract(cmd::extract::Args),
    Load(cmd::load::Args),
    Generate(cmd::generate::Args),
    Bench(cmd::bench::Args),
    Serve(cmd::serve::Args),
    Stats(cmd::stats::Args),
    Compact(cmd::compact::Args),
    Eval(cmd::eval::Args),
    Explain(cmd::explain::Args),
    Completions(cmd::completions::Args),
    Man(cmd::man::Args),
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Ingest(args) => args.run(),
        Command::Query(args) => args.run(),
        Command::Find(args) => args.run(),
        Command::Queries(args) => args.run(),
        Command::Export(args) => args.run(),
        Command::Graph(args) => args.run(),
        Command::Path(args) => args.run(),
        Command::Rank(args) => args.run(),
        Command::Push(args) => args.run(),
        Command::Validate(args) => args.run(),
        Command::Extract(args) => args.run(),
        Command::Load(args) => args.run(),
        Command::Generate(args) => args.run(),
        Command::Bench(args) => args.run(),
        Command::Serve(args) => args.run(),
        Command::Stats(args) => args.run(),
        Command::Compact(args) => args.run(),
        Command::Eval(args) => args.run(),
        Command::Explain(args) => args.run(),
        Command::Completions(args) => args.run(Cli::command()),
        Command::Man(args) => args.run(Cli::command()),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`polgraph query offices | head`) is the reader's choice, not a failure.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("polgraph: {e:#}");
            ExitCode::from(2)
        }
    }
}
