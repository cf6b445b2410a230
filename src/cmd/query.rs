use anyhow::Result;
use polgraph::query::{self, Format};
use polgraph::store::Store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(store: &Path, q: &str, params: &[String], format: Format) -> Result<ExitCode> {
    let params = params
        .iter()
        .map(|p| query::param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let db = Store::open(store)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    query::run(&db, q, &params, format, &mut out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn list() -> Result<ExitCode> {
    for q in query::SHIPPED {
        println!("{:<15} {}", q.name, q.description());
        for p in q.header("param") {
            println!("{:<15}   --param {p}", "");
        }
    }
    Ok(ExitCode::SUCCESS)
}
