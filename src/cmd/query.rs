use anyhow::Result;
use polgraph::query::{self, Format};
use polgraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    store: &Path,
    q: &str,
    params: &[String],
    format: Format,
    explain: bool,
) -> Result<ExitCode> {
    let params = params
        .iter()
        .map(|p| query::param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let db = Store::open(store)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if explain {
        let mut err = std::io::stderr().lock();
        query::run_explained(&db, q, &params, format, &mut out, &mut err)?;
        writeln!(err)?;
    } else {
        query::run(&db, q, &params, format, &mut out)?;
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
