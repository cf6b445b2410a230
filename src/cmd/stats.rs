use anyhow::Result;
use polgraph::pipeline::summary::Counts;
use polgraph::query::{self, Format};
use polgraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Counts articles, quads, entities by kind and the network's connected components.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.store.store)
    }
}

pub fn run(store: &Path) -> Result<ExitCode> {
    let db = Store::open_read_only(store)?;
    // Kept beside the store by the ingest that wrote it; else counted (every quad: 85 s at
    // 100,000 articles), beside the counts by kind.
    let (counts, kinds) = std::thread::scope(|s| {
        let counts = s.spawn(|| Counts::open(&db));
        let mut kinds = Vec::new();
        let k = query::run(&db, "stats", &[], Format::Table, &mut kinds);
        let counts = counts.join().expect("the thread counting quads panicked");
        (counts, k.map(|_| kinds))
    });
    let (counts, kinds) = (counts?, kinds?);
    let mut out = std::io::stdout().lock();
    writeln!(out, "store     {}", store.display())?;
    if db.compaction_interrupted() {
        writeln!(out, "warning   {}", polgraph::store::COMPACTION_INTERRUPTED)?;
    }
    writeln!(out, "articles  {}", counts.articles)?;
    writeln!(out, "quads     {}", counts.quads)?;
    writeln!(
        out,
        "network   {} people, bodies and events, {} links between them, {} connected components",
        counts.nodes, counts.links, counts.components
    )?;
    writeln!(out)?;
    out.write_all(&kinds)?;
    Ok(ExitCode::SUCCESS)
}
