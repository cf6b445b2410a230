//! The `polgraph` command: parses arguments, calls into the library, maps errors to exit codes.

mod cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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

#[derive(Subcommand)]
enum Command {
    /// Reads articles, extracts their facts and stores one named graph per article.
    ///
    /// PATH is a .txt file (its stem is the article id), a folder (read recursively for .txt
    /// and .jsonl), a JSON Lines file of records {"id", "text", "title"?, "date"?, "url"?,
    /// "source"?}, or - for standard input. Re-ingesting an article replaces its graph. A bad
    /// file or record is reported and skipped; the exit code is then 1.
    #[command(verbatim_doc_comment)]
    Ingest {
        #[command(flatten)]
        store: StoreArg,
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Answers a SPARQL query over all articles.
    ///
    /// QUERY is a shipped query's name (see `polgraph queries`), a .rq file, or inline SPARQL.
    /// SELECT prints a table (or --format csv|tsv|json|xml); CONSTRUCT and DESCRIBE print Turtle.
    ///
    /// Examples:
    ///   polgraph query offices
    ///   polgraph query holders --param role="Bí thư" --param place="tỉnh Hải Dương"
    ///   polgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    #[command(verbatim_doc_comment)]
    Query {
        #[command(flatten)]
        store: StoreArg,
        /// Output of SELECT results.
        #[arg(long, value_enum, default_value = "table")]
        format: polgraph::query::Format,
        /// Binds ?NAME to VALUE as an RDF term (a string; <...> for an IRI), never pasted into
        /// the query text. Repeatable.
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        query: String,
    },
    /// Lists the shipped queries with their descriptions and parameters.
    Queries,
    /// Writes the graph (or one article's) as RDF.
    Export {
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, value_enum)]
        format: polgraph::export::Format,
        /// Only this article's graph.
        #[arg(long, value_name = "ID")]
        article: Option<String>,
        /// Output file (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Counts articles, quads and entities by kind.
    Stats {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Scores extraction against gold files (EXTRACTION.md "Scoring").
    ///
    /// Ingests PATH into a temporary store, reads the facts back through the contract queries
    /// and prints precision, recall and F1 per category.
    ///
    /// Example:
    ///   polgraph eval --gold ../shared/corpus/dev/gold ../shared/corpus/dev
    #[command(verbatim_doc_comment)]
    Eval {
        /// Folder of gold JSON files.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Lists the misses and false hits of this category.
        #[arg(long, value_name = "CATEGORY")]
        show: Option<String>,
        /// Fails (exit 1) when a category's F1 is under its floor: --min offices=0.7. Repeatable.
        #[arg(long = "min", value_name = "CATEGORY=F1")]
        floors: Vec<String>,
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest { store, paths } => cmd::ingest::run(&store.store, &paths),
        Command::Query {
            store,
            format,
            params,
            query,
        } => cmd::query::run(&store.store, &query, &params, format),
        Command::Queries => cmd::query::list(),
        Command::Export {
            store,
            format,
            article,
            output,
        } => cmd::export::run(&store.store, format, article.as_deref(), output.as_deref()),
        Command::Stats { store } => cmd::stats::run(&store.store),
        Command::Eval {
            gold,
            show,
            floors,
            paths,
        } => cmd::eval::run(&gold, show.as_deref(), &floors, &paths),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("polgraph: {e:#}");
            ExitCode::from(2)
        }
    }
}
