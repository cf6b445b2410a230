use anyhow::Result;
use polgraph::query::{self, Format};
use polgraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Answers a SPARQL query over all articles.
///
/// QUERY is a shipped query's name (see `polgraph queries`), a .rq file, or inline SPARQL.
/// SELECT prints a table (or --format csv|tsv|json|xml); CONSTRUCT and DESCRIBE print Turtle.
///
/// Examples:
///   polgraph query offices
///   polgraph query holders --param role="Bí thư" --param place="tỉnh Hải Dương"
///   polgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// Output of SELECT results.
    #[arg(long, value_enum, default_value = "table")]
    pub format: polgraph::query::Format,
    /// Binds ?NAME to VALUE as an RDF term (a string; <...> for an IRI), never pasted into
    /// the query text: in the query's `VALUES ?NAME { UNDEF }` before it is planned, else
    /// as a projected variable. Repeatable.
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
    pub query: String,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(
            &self.store.store,
            &self.query,
            &self.params,
            self.format,
            self.explain,
            self.timeout,
        )
    }
}

pub fn run(
    store: &Path,
    q: &str,
    params: &[String],
    format: Format,
    explain: bool,
    timeout: Option<f64>,
) -> Result<ExitCode> {
    let params = params
        .iter()
        .map(|p| query::param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let limit = match timeout {
        Some(t) if t.is_finite() && t > 0.0 => Some(std::time::Duration::from_secs_f64(t)),
        Some(t) => anyhow::bail!("--timeout {t}: a number of seconds above 0"),
        None => None,
    };
    let db = Store::open_read_only(store)?;
    db.set_timeout(limit);
    let started = std::time::Instant::now();
    let result = answer(&db, q, &params, format, explain);
    match (result, limit) {
        (Err(e), Some(l)) if started.elapsed() >= l => Err(anyhow::anyhow!(
            "{e}: stopped after {:.1} s (--timeout {})",
            started.elapsed().as_secs_f64(),
            l.as_secs_f64()
        )),
        (r, _) => r,
    }
}

fn answer(
    db: &Store,
    q: &str,
    params: &[(String, oxigraph::model::Term)],
    format: Format,
    explain: bool,
) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if explain {
        let mut err = std::io::stderr().lock();
        query::run_explained(db, q, params, format, &mut out, &mut err)?;
        writeln!(err)?;
    } else {
        query::run(db, q, params, format, &mut out)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn list() -> Result<ExitCode> {
    for q in query::SHIPPED {
        println!("{:<15} {}", q.name, q.description());
        for p in q.header("param") {
            // `role@vi: ...`: the value is matched as a Vietnamese label; the user types it bare.
            let p = match p.split_once(':') {
                Some((name, rest)) => format!("{}:{rest}", name.split('@').next().unwrap_or(name)),
                None => p.to_string(),
            };
            println!("{:<15}   --param {p}", "");
        }
    }
    Ok(ExitCode::SUCCESS)
}
