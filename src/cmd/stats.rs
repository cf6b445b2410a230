use anyhow::Result;
use polgraph::query::{self, Format};
use polgraph::store::Store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(store: &Path) -> Result<ExitCode> {
    let db = Store::open(store)?;
    println!("store     {}", store.display());
    println!("articles  {}", db.articles()?);
    println!("quads     {}", db.len()?);
    println!();
    query::run(
        &db,
        "stats",
        &[],
        Format::Table,
        &mut std::io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}
