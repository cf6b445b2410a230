use anyhow::{bail, Result};
use polgraph::serve::{self, Config};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub struct Args {
    pub bind: std::net::SocketAddr,
    pub timeout: f64,
    pub max_request_bytes: usize,
    pub cors: Option<String>,
    pub threads: usize,
    pub texts: Vec<PathBuf>,
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
            texts: args.texts,
        },
        |addr, site| {
            // The first line says where: a script (or a test) reads it to find the port.
            println!(
                "polgraph serve: http://{addr}/ ({} names, {} article texts; SPARQL at /sparql)",
                site.index.len(),
                site.texts.len()
            );
            let _ = std::io::stdout().flush();
        },
    )?;
    Ok(ExitCode::SUCCESS)
}
