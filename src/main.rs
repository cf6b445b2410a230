//! The `polgraph` command: parses arguments, calls into the library, maps errors to exit codes.

mod cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
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
        /// Into an empty store, skip the compaction after the bulk load: the load is faster (at
        /// 100,000 articles, about 2 minutes less), look-ups stay slow (0.4 s instead of 10 ms
        /// for one question) until the store is compacted (`polgraph compact`).
        #[arg(long)]
        no_compact: bool,
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
        /// the query text: in the query's `VALUES ?NAME { UNDEF }` before it is planned, else
        /// as a projected variable. Repeatable.
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// Also print oxigraph's plan for the query, with rows and seconds per step, as JSON on
        /// standard error (to see why a query is slow).
        #[arg(long)]
        explain: bool,
        /// Stops the query after this many seconds (a runaway join, a typo that matches
        /// everything) with an error, exit code 2. Off by default.
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<f64>,
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
    /// Draws the graph as GraphViz DOT (or SVG, PNG, PDF through GraphViz's `dot`).
    ///
    /// Selections combine: --locality keeps what lies within a unit, --kind keeps nodes of some
    /// kinds, --around keeps the neighbourhood of a person, body, place or document.
    ///
    /// Examples:
    ///   polgraph graph --around "Nguyễn Văn Hải" --depth 2 --format svg -o hai.svg
    ///   polgraph graph --locality "tỉnh Trà Vinh" --kind party --format png -o tra-vinh.png
    ///   polgraph graph --article seed001 --lang en > seed001.dot
    #[command(verbatim_doc_comment)]
    Graph {
        #[command(flatten)]
        store: StoreArg,
        /// Only the neighbourhood of this person, body, place or document (its name as the
        /// contract queries print it).
        #[arg(long, value_name = "NAME")]
        around: Option<String>,
        /// Steps from --around.
        #[arg(long, default_value_t = 2, value_name = "N")]
        depth: usize,
        /// Only what this article states.
        #[arg(long, value_name = "ID")]
        article: Option<String>,
        /// Only nodes of these kinds: person, organization (or party, state, front, media,
        /// other), locality, document, event. Repeatable or comma-separated.
        #[arg(long = "kind", value_delimiter = ',', value_name = "KIND")]
        kinds: Vec<String>,
        /// Only what lies within this unit (`tỉnh Trà Vinh`): its units, bodies, their people.
        #[arg(long, value_name = "UNIT")]
        locality: Option<String>,
        /// Language of edge labels and legend.
        #[arg(long, value_enum, default_value = "vi")]
        lang: polgraph::graph::dot::Lang,
        #[arg(long, value_enum, default_value = "dot")]
        format: cmd::graph::Format,
        /// Output file (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The shortest chain of posts, bodies and events between two people or bodies.
    ///
    /// Example:
    ///   polgraph path "Nguyễn Văn Hải" "Tỉnh ủy Hà Tĩnh"
    #[command(verbatim_doc_comment)]
    Path {
        #[command(flatten)]
        store: StoreArg,
        from: String,
        to: String,
    },
    /// People, bodies or events by degree and betweenness in the network.
    Rank {
        #[command(flatten)]
        store: StoreArg,
        /// person, organization or event (default: all).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// How many rows.
        #[arg(long, default_value_t = 20, value_name = "N")]
        top: usize,
    },
    /// Sends the graph to an external triple store, one named graph per article.
    ///
    /// Uses the SPARQL 1.1 Graph Store HTTP Protocol (a PUT per article graph, so a second push
    /// replaces rather than duplicates); where the store refuses it, SPARQL 1.1 Update at
    /// --update-endpoint (each article dropped and inserted in one request). Transient failures
    /// (connection errors, HTTP 429 and 5xx) are retried. Credentials come from the environment
    /// (POLGRAPH_USER, POLGRAPH_PASSWORD) or --password-stdin, not from the command line; Basic and
    /// Digest authentication are answered.
    ///
    /// Examples:
    ///   polgraph push --endpoint http://127.0.0.1:7878/store                    # Oxigraph server
    ///   POLGRAPH_USER=dba POLGRAPH_PASSWORD=... polgraph push \
    ///     --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth                # Virtuoso
    #[command(verbatim_doc_comment)]
    Push {
        #[command(flatten)]
        store: StoreArg,
        /// The Graph Store endpoint.
        #[arg(long, value_name = "URL")]
        endpoint: String,
        /// The SPARQL Update endpoint, for --protocol update and the fallback.
        #[arg(long, value_name = "URL")]
        update_endpoint: Option<String>,
        /// Only this article's graph.
        #[arg(long, value_name = "ID")]
        article: Option<String>,
        #[arg(long, env = "POLGRAPH_USER", value_name = "USER")]
        user: Option<String>,
        /// Read the password from the environment (never from the command line).
        #[arg(
            long = "password-env",
            env = "POLGRAPH_PASSWORD",
            hide = true,
            hide_env_values = true
        )]
        password_env: Option<String>,
        /// Read the password from standard input.
        #[arg(long)]
        password_stdin: bool,
        #[arg(long, value_enum, default_value = "auto")]
        protocol: polgraph::push::Protocol,
        /// Articles per Update request.
        #[arg(long, default_value_t = 50, value_name = "N")]
        batch: usize,
        /// Retries of a transient failure.
        #[arg(long, default_value_t = 3, value_name = "N")]
        retries: u32,
    },
    /// Checks the store against the SHACL shapes of ontology/shapes.ttl (exit 1 on violations).
    Validate {
        #[command(flatten)]
        store: StoreArg,
        /// Other shapes (Turtle), in the same SHACL Core subset.
        #[arg(long, value_name = "FILE")]
        shapes: Option<PathBuf>,
        /// List every violation, not the first 20.
        #[arg(long)]
        all: bool,
    },
    /// Extracts articles to N-Quads shards without a store (one named graph per article), so that
    /// a corpus can be extracted on many machines and bulk-loaded by a distributed store.
    ///
    /// Example:
    ///   polgraph extract --out shards --shard-size 10000 corpus/
    #[command(verbatim_doc_comment)]
    Extract {
        /// Folder for part-00000.nq, part-00001.nq, ...
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Articles per shard.
        #[arg(long, default_value_t = 10000, value_name = "N")]
        shard_size: usize,
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Writes N synthetic articles in the forms of the dev corpus as JSON Lines (deterministic by seed).
    ///
    /// Each article is about a commune of the gazetteer, with a dateline, appositions of stacked
    /// posts, bodies and documents; the people are made up, one holder a post a party term.
    ///
    /// Example (the corpus of the bench's largest size):
    ///   polgraph generate --count 100000 -o corpus.jsonl
    ///   polgraph ingest corpus.jsonl
    #[command(verbatim_doc_comment)]
    Generate {
        /// How many articles.
        #[arg(long, default_value_t = 1000, value_name = "N")]
        count: usize,
        /// The same seed and count give the same file; another seed, other articles.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The JSON Lines file to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Measures extraction, ingest, the bulk loader and every shipped query on generated corpora.
    ///
    /// Each size runs in three processes, one after the other, each with its own peak memory:
    /// extraction, ingest into an empty store and the questions; 1,000 new articles into that
    /// store (the update path); oxigraph's bulk loader on an N-Quads dump of the same quads.
    /// At 100,000 articles it takes some 50 minutes and 25 GB of disk under --dir.
    ///
    /// Example (the README's table):
    ///   polgraph bench --articles 1000 --articles 10000 --articles 100000
    #[command(verbatim_doc_comment)]
    Bench {
        /// Corpus sizes. Repeatable.
        #[arg(long = "articles", default_value = "1000", value_name = "N")]
        sizes: Vec<usize>,
        /// The seed of the generated corpora (see `polgraph generate`).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where the temporary stores go (default: the system's temporary folder).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Measure extraction alone (text to quads, no store): a quick figure, and a run to
        /// profile (`RAYON_NUM_THREADS=1 perf record polgraph bench --extract-only`).
        #[arg(long)]
        extract_only: bool,
        /// One phase of one size, its figures printed as JSON: how `bench` runs each phase in
        /// a process of its own.
        #[arg(long, value_enum, hide = true, requires = "dir")]
        phase: Option<cmd::bench::Phase>,
    },
    /// Serves the store read-only: a SPARQL endpoint and a web page to read a person's posts
    /// with the evidence.
    ///
    /// /sparql is the SPARQL 1.1 Protocol (GET, POST; JSON, XML, CSV, TSV by Accept; updates
    /// refused), /query/NAME?param=value the shipped queries, / the page (Vietnamese, English
    /// on a click). With --text, the pages show the sentence around each fact: the store keeps
    /// the words and spans of the evidence, not the articles' text.
    ///
    /// Example:
    ///   polgraph serve --text examples/articles     # then open http://127.0.0.1:7878/
    #[command(verbatim_doc_comment)]
    Serve {
        #[command(flatten)]
        store: StoreArg,
        /// The address to listen on: loopback by default (port 0: any free port).
        #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
        bind: std::net::SocketAddr,
        /// The articles as ingested (files, folders, .jsonl), for the sentences around the
        /// evidence and the article pages' text. Repeatable.
        #[arg(long = "text", value_name = "PATH")]
        texts: Vec<PathBuf>,
        /// Stops a query after this many seconds (503); 0 for no limit.
        #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
        timeout: f64,
        /// The largest request (body, or address for GET), in bytes (413, 414).
        #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
        max_request_bytes: usize,
        /// Allow pages from ORIGIN (`*` for any) to query the server from a browser; off by
        /// default.
        #[arg(long, value_name = "ORIGIN", num_args = 0..=1, default_missing_value = "*")]
        cors: Option<String>,
        /// Requests answered at once.
        #[arg(long, default_value_t = 4, value_name = "N")]
        threads: usize,
    },
    /// Counts articles, quads, entities by kind and the network's connected components.
    Stats {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Compacts the store, after `ingest --no-compact`.
    ///
    /// RocksDB's manual compaction of every index (what `ingest` does after a bulk load): a
    /// look-up then reads a few files instead of hundreds, and the last level is written in LZ4.
    /// At 100,000 articles it takes 1.5-2 minutes on two cores and needs the store's size in
    /// free disk space while it runs. The store must not be in use.
    Compact {
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
        Command::Ingest {
            store,
            no_compact,
            paths,
        } => cmd::ingest::run(&store.store, &paths, !no_compact),
        Command::Query {
            store,
            format,
            params,
            explain,
            timeout,
            query,
        } => cmd::query::run(&store.store, &query, &params, format, explain, timeout),
        Command::Queries => cmd::query::list(),
        Command::Export {
            store,
            format,
            article,
            output,
        } => cmd::export::run(&store.store, format, article.as_deref(), output.as_deref()),
        Command::Stats { store } => cmd::stats::run(&store.store),
        Command::Serve {
            store,
            bind,
            texts,
            timeout,
            max_request_bytes,
            cors,
            threads,
        } => cmd::serve::run(
            &store.store,
            cmd::serve::Args {
                bind,
                timeout,
                max_request_bytes,
                cors,
                threads,
                texts,
            },
        ),
        Command::Compact { store } => cmd::compact::run(&store.store),
        Command::Graph {
            store,
            around,
            depth,
            article,
            kinds,
            locality,
            lang,
            format,
            output,
        } => cmd::graph::run(
            &store.store,
            cmd::graph::Selection {
                around,
                depth,
                article,
                kinds,
                locality,
            },
            lang,
            format,
            output.as_deref(),
        ),
        Command::Path { store, from, to } => cmd::path::run(&store.store, &from, &to),
        Command::Extract {
            out,
            shard_size,
            paths,
        } => cmd::extract::run(&out, shard_size, &paths),
        Command::Generate {
            count,
            seed,
            output,
        } => cmd::generate::run(count, seed, output.as_deref()),
        Command::Bench {
            sizes,
            seed,
            dir,
            extract_only,
            phase,
        } => cmd::bench::run(&sizes, seed, dir.as_deref(), extract_only, phase),
        Command::Validate { store, shapes, all } => {
            cmd::validate::run(&store.store, shapes.as_deref(), all)
        }
        Command::Push {
            store,
            endpoint,
            update_endpoint,
            article,
            user,
            password_env,
            password_stdin,
            protocol,
            batch,
            retries,
        } => cmd::push::run(
            &store.store,
            cmd::push::Args {
                endpoint,
                update_endpoint,
                article,
                user,
                password_env,
                password_stdin,
                protocol,
                batch,
                retries,
            },
        ),
        Command::Rank { store, kind, top } => cmd::rank::run(&store.store, kind.as_deref(), top),
        Command::Eval {
            gold,
            show,
            floors,
            paths,
        } => cmd::eval::run(&gold, show.as_deref(), &floors, &paths),
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
