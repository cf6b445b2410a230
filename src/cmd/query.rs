use anyhow::Result;
use polgraph::query::{self, Format, Printed, Style};
use polgraph::store::Store;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Answers a SPARQL query over all articles.
///
/// QUERY is a shipped query's name (see `polgraph queries`), a .rq file, or inline SPARQL.
/// SELECT prints a table on a terminal, fitted to its width, and plain TSV (every value whole)
/// into a pipe or a file; --format picks another. CONSTRUCT and DESCRIBE print Turtle. No
/// rows is not an error (exit code 0, `(0 rows)` on standard error) unless --fail-empty.
///
/// Examples:
///   polgraph query offices
///   polgraph query holders --param role="Bí thư" --param place="tỉnh Hải Dương"
///   polgraph query offices --format jsonl > offices.jsonl
///   polgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// Output of SELECT results [default: table on a terminal, tsv otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Binds ?NAME to VALUE as an RDF term (a string; <...> for an IRI), never pasted into
    /// the query text: in the query's `VALUES ?NAME { UNDEF }` before it is planned, else
    /// as a projected variable. Repeatable, once per NAME; `polgraph queries` lists each
    /// query's parameters.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Also print oxigraph's plan for the query, with rows and seconds per step, as JSON on
    /// standard error (to see why a query is slow).
    #[arg(long)]
    pub explain: bool,
    /// Stops the query after this many seconds (a runaway join, a typo that matches
    /// everything) with an error, exit code 2. Off by default.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Exit code 1 when the answer has no rows (for scripts).
    #[arg(long)]
    pub fail_empty: bool,
    /// Writes the answer to FILE rather than to standard output (as into a pipe: TSV unless
    /// --format says otherwise).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// A shipped query's name (`polgraph queries`), a .rq file, or SPARQL text.
    #[arg(value_name = "QUERY")]
    pub query: String,
}

impl Args {
    /// Runs on a thread with the stack that a query within the limits needs (see
    /// [`polgraph::query::limits`]): parsing, planning and evaluating recurse with its nesting.
    pub fn run(self) -> Result<ExitCode> {
        std::thread::Builder::new()
            .name("polgraph-query".into())
            .stack_size(query::limits::STACK_BYTES)
            .spawn(move || self.run_here())?
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the query failed (a panic, said above)")))
    }

    fn run_here(self) -> Result<ExitCode> {
        let terminal = self.output.is_none() && std::io::stdout().is_terminal();
        let format = self
            .format
            .unwrap_or(if terminal { Format::Table } else { Format::Tsv });
        let style = Style {
            format,
            width: width(terminal),
        };
        let printed = run(
            &self.store.store,
            &self.query,
            &self.params,
            style,
            self.explain,
            self.timeout,
            self.output.as_deref(),
        )?;
        if printed.cut > 0 {
            eprintln!(
                "polgraph: {} cell{} cut to fit {} columns (…); `--format tsv` prints every value whole",
                printed.cut,
                if printed.cut == 1 { "" } else { "s" },
                style.width.unwrap_or_default()
            );
        }
        if printed.rows == 0 {
            // A table says so on standard output already.
            if format != Format::Table || printed.triples {
                eprintln!("(0 {})", if printed.triples { "triples" } else { "rows" });
            }
            if self.fail_empty {
                return Ok(ExitCode::from(1));
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The width a table fits in: $COLUMNS when set, else the terminal's; into a pipe or a file
/// without $COLUMNS, none (every cell whole).
fn width(terminal: bool) -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    if !terminal {
        return None;
    }
    Some(
        terminal_size::terminal_size_of(std::io::stdout())
            .map(|(w, _)| w.0 as usize)
            .unwrap_or(80),
    )
}

pub fn run(
    store: &Path,
    q: &str,
    params: &[String],
    style: Style,
    explain: bool,
    timeout: Option<f64>,
    output: Option<&Path>,
) -> Result<Printed> {
    let params = params
        .iter()
        .map(|p| query::param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let limit = match timeout {
        Some(t) if t.is_finite() && t > 0.0 => Some(std::time::Duration::from_secs_f64(t)),
        Some(t) => anyhow::bail!("--timeout {t}: a number of seconds above 0"),
        None => None,
    };
    // The query and its parameters are checked before the store is opened: a typo is told
    // as such, whatever the store.
    let (name, text) = query::resolve(q)?;
    query::check_params(&name, &text, &params)?;
    let db = Store::open_read_only(store)?;
    db.set_timeout(limit);
    // A shipped query's names as typed: `nguyen van hai`, `Lâm Đồng`, `bí thư`.
    let params = if query::shipped(&name).is_some() {
        let (params, read) = query::names::resolve(&db, &params)?;
        for r in read {
            eprintln!(
                "polgraph: --param {}={:?} read as {:?}{}",
                r.param,
                r.typed,
                r.label,
                r.scope.map(|s| format!(" ({s})")).unwrap_or_default()
            );
        }
        params
    } else {
        params
    };
    // A query stopped at its time limit is an error that says so (exit code 2), never the rows
    // it had so far.
    let result = match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("-o {}: {e}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let printed = answer(&db, q, &params, style, explain, &mut out);
            out.flush()
                .map_err(|e| anyhow::anyhow!("-o {}: {e}", path.display()))?;
            printed
        }
        None => answer(
            &db,
            q,
            &params,
            style,
            explain,
            &mut std::io::stdout().lock(),
        ),
    };
    result
}

fn answer(
    db: &Store,
    q: &str,
    params: &[(String, oxigraph::model::Term)],
    style: Style,
    explain: bool,
    out: &mut dyn Write,
) -> Result<Printed> {
    if explain {
        let mut err = std::io::stderr().lock();
        let printed = query::run_explained(db, q, params, style, out, &mut err)?;
        writeln!(err)?;
        Ok(printed)
    } else {
        Ok(query::run(db, q, params, style, out)?)
    }
}

/// `polgraph queries [NAME]`.
#[derive(clap::Args)]
pub struct QueriesArgs {
    /// A shipped query: print its SPARQL, with its header (description, parameters, examples).
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

impl QueriesArgs {
    pub fn run(self) -> Result<ExitCode> {
        match self.name {
            None => list(),
            Some(name) => show(&name),
        }
    }
}

/// `polgraph queries NAME`: the query's text, its header's examples in it (one is made where it
/// has none).
pub fn show(name: &str) -> Result<ExitCode> {
    let Some(q) = query::shipped(name) else {
        // The same error as `polgraph query NAME` gives, with the names near it.
        query::resolve(name)?;
        anyhow::bail!("no shipped query {name:?}: `polgraph queries` lists them");
    };
    let mut out = std::io::stdout().lock();
    write!(out, "{}", q.sparql)?;
    if !q.sparql.ends_with('\n') {
        writeln!(out)?;
    }
    if q.header("example").is_empty() {
        writeln!(out, "# example: polgraph query {}", q.name)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `polgraph queries`: each shipped query with its description, columns and parameters.
pub fn list() -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for q in query::SHIPPED {
        writeln!(out, "{:<17} {}", q.name, q.description())?;
        let columns = query::columns(q.sparql);
        if !columns.is_empty() {
            writeln!(out, "{:<17}   columns: {}", "", columns.join(", "))?;
        }
        for p in q.header("param") {
            // `role@vi: ...`: the value is matched as a Vietnamese label; the user types it bare.
            let p = match p.split_once(':') {
                Some((name, rest)) => format!("{}:{rest}", name.split('@').next().unwrap_or(name)),
                None => p.to_string(),
            };
            writeln!(out, "{:<17}   --param {p}", "")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
