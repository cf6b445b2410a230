use anyhow::{bail, Result};
use polgraph::export::push::{self, Protocol, Target};
use polgraph::store::Store;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

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
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// The Graph Store endpoint.
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// The SPARQL Update endpoint, for --protocol update and the fallback.
    #[arg(long, value_name = "URL")]
    pub update_endpoint: Option<String>,
    /// Only this article's graph.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    #[arg(long, env = "POLGRAPH_USER", value_name = "USER")]
    pub user: Option<String>,
    /// Read the password from the environment (never from the command line).
    #[arg(
        long = "password-env",
        env = "POLGRAPH_PASSWORD",
        hide = true,
        hide_env_values = true
    )]
    pub password_env: Option<String>,
    /// Read the password from standard input.
    #[arg(long)]
    pub password_stdin: bool,
    #[arg(long, value_enum, default_value = "auto")]
    pub protocol: Protocol,
    /// Articles per Update request.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub batch: usize,
    /// Retries of a transient failure.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub retries: u32,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run_with(&self.store.store.clone(), self)
    }
}

fn run_with(store: &Path, a: Args) -> Result<ExitCode> {
    let password = if a.password_stdin {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Some(s.trim_end_matches(['\n', '\r']).to_string())
    } else {
        a.password_env
    };
    if password.is_some() && a.user.is_none() {
        bail!("a password without a user: give --user (or POLGRAPH_USER)");
    }
    let db = Store::open_read_only(store)?;
    let target = Target {
        endpoint: a.endpoint.clone(),
        update_endpoint: a.update_endpoint,
        user: a.user,
        password,
        protocol: a.protocol,
        batch: a.batch,
        retries: a.retries,
        temp_dir: std::env::temp_dir(),
    };
    let quiet = !std::io::IsTerminal::is_terminal(&std::io::stderr());
    let report = push::push(&db, &target, a.article.as_deref(), &mut |msg| {
        if !quiet || msg.contains("falling back") {
            eprintln!("  {msg}");
        }
    })?;
    for (article, why) in &report.failed {
        eprintln!("polgraph: {article}: not sent: {why}");
    }
    eprintln!(
        "pushed {} article graph{}{} ({} triples) to {} by {}{}",
        report.sent,
        if report.sent == 1 { "" } else { "s" },
        match (report.tenures, report.descriptions) {
            (true, true) => ", the tenures graph and the descriptions graph",
            (true, false) => " and the tenures graph",
            (false, true) => " and the descriptions graph",
            (false, false) => "",
        },
        report.triples,
        a.endpoint,
        report.protocol_used.unwrap_or("no protocol"),
        if report.failed.is_empty() {
            String::new()
        } else {
            format!("; {} failed", report.failed.len())
        }
    );
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
