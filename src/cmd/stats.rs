use anyhow::Result;
use polgraph::query::{self, Format};
use polgraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(store: &Path) -> Result<ExitCode> {
    let db = Store::open(store)?;
    let net = polgraph::graph::Network::load(&db, None)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "store     {}", store.display())?;
    writeln!(out, "articles  {}", db.articles()?)?;
    writeln!(out, "quads     {}", db.len()?)?;
    writeln!(
        out,
        "network   {} nodes, {} edges, {} connected components (people, bodies, events)",
        net.g.node_count(),
        net.g.edge_count(),
        net.components()
    )?;
    writeln!(out)?;
    query::run(&db, "stats", &[], Format::Table, &mut out)?;
    Ok(ExitCode::SUCCESS)
}
