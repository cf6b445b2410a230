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
    /// Connections read at once; past them a client is answered 503 at once.
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub connections: usize,
    /// The time a client has to send its whole request (408).
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub read_timeout: f64,
    /// Stops every running query (503) when the server's memory passes this many MB; 0 for no
    /// bound [default: half the machine's memory].
    #[arg(long, value_name = "MB")]
    pub max_memory: Option<u64>,
    /// Also answer requests whose Host header is NAME (a name the server is reached by);
    /// `*` for any. Without it only the address listened on is (and, on loopback,
    /// `localhost`): a page elsewhere cannot reach the server through DNS rebinding.
    /// Repeatable.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
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
    let read_time = match args.read_timeout {
        t if t.is_finite() && t > 0.0 => std::time::Duration::from_secs_f64(t),
        t => bail!("--read-timeout {t}: a number of seconds above 0"),
    };
    let max_memory = match args.max_memory {
        Some(0) => None,
        Some(mb) => Some(mb << 20),
        None => machine_memory().map(|m| m / 2),
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
            connections: args.connections,
            read_time,
            allow_hosts: args.allow_hosts,
            max_memory,
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

/// The machine's memory in bytes (`MemTotal` of `/proc/meminfo`, Linux).
fn machine_memory() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kb: u64 = info
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb << 10)
}
