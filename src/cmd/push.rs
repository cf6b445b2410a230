use anyhow::{bail, Result};
use polgraph::export::push::{self, Protocol, Target};
use polgraph::store::Store;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

pub struct Args {
    pub endpoint: String,
    pub update_endpoint: Option<String>,
    pub article: Option<String>,
    pub user: Option<String>,
    pub password_env: Option<String>,
    pub password_stdin: bool,
    pub protocol: Protocol,
    pub batch: usize,
    pub retries: u32,
}

pub fn run(store: &Path, a: Args) -> Result<ExitCode> {
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
    let db = Store::open(store)?;
    let target = Target {
        endpoint: a.endpoint.clone(),
        update_endpoint: a.update_endpoint,
        user: a.user,
        password,
        protocol: a.protocol,
        batch: a.batch,
        retries: a.retries,
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
        if report.tenures {
            " and the tenures graph"
        } else {
            ""
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
