use anyhow::{bail, Result};
use polgraph::serve::{self, Config};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Serves the store read-only: a SPARQL endpoint and a web page to read a person's posts
/// with the evidence.
///
/// /sparql is the SPARQL 1.1 Protocol (GET, POST; JSON, XML, CSV, TSV by Accept; updates
/// refused), /query/NAME?param=value the shipped queries, / the page (Vietnamese, English
/// on a click).
///
/// Example:
///   polgraph serve     # then open http://127.0.0.1:7878/
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// The address to listen on: loopback by default (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,
    /// Stops a query after this many seconds (503); 0 for no limit.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// The largest request (body, or address for GET), in bytes (413, 414).
    #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
    pub max_request_bytes: usize,
    /// Allow pages from ORIGIN (`*` for any) to query the server from a browser; off by
    /// default.
    #[arg(long, value_name = "ORIGIN", num_args = 0..=1, default_missing_value = "*")]
    pub cors: Option<String>,
    /// Requests answered at once.
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub threads: usize,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        let store = self.store.store.clone();
        run(&store, self)
    }
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    let timeout = match args.timeout {
        0.0 => None,
        t if t.is_finite() && t > 0.0 => Some(std::time::Duration::from_secs_f64(t)),
        t => bail!("--timeout {t}: a number of seconds, 0 for none"),
    };
    if !args.bind.ip().is_loopback() {
        eprintln!(
            "polgraph serve: listening on {}, reachable from other machines, without authentication",
            args.bind
        );
    }
    serve::run(
        Config {
            store: store.to_path_buf(),
            bind: args.bind,
            timeout,
            max_request_bytes: args.max_request_bytes,
            cors: args.cors,
            threads: args.threads,
        },
        |addr, site| {
            // The first line says where: a script (or a test) reads it to find the port.
            println!(
                "polgraph serve: http://{addr}/ ({} names; SPARQL at /sparql)",
                site.index.len()
            );
            let _ = std::io::stdout().flush();
        },
    )?;
    Ok(ExitCode::SUCCESS)
}
