use anyhow::Result;
use polgraph::store::Store;
use std::path::Path;
use std::process::ExitCode;

/// Compacts the store, after `ingest --no-compact`.
///
/// RocksDB's manual compaction of every index (what `ingest` does after a bulk load): a
/// look-up then reads a few files instead of hundreds, and the last level is written in LZ4.
/// At 100,000 articles it takes 1.5-2 minutes on two cores and needs the store's size in
/// free disk space while it runs. The store must not be in use.
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
    let mut db = Store::open_existing(store)?;
    // What was kept beside the store as it was opened stays true of it compacted: kept again
    // for its new files. A store ingested with --no-compact has none: kept now that it is
    // fast to read.
    let had = polgraph::query::search::Index::kept(&db).is_some();
    let t = std::time::Instant::now();
    db.optimize()?;
    let mut report = polgraph::pipeline::load::Loaded::default();
    if !had {
        let db = &db;
        report.kept = Some(polgraph::pipeline::summary::Kept::compute(
            db,
            true,
            || polgraph::query::search::Index::build(db),
            None,
        )?);
    }
    let before = db.stamp().to_string();
    super::ingest::keep(db, &mut report);
    if had {
        if let Err(e) = polgraph::store::kept::restamp(store, &before) {
            eprintln!("polgraph: warning: {e}");
        }
    }
    eprintln!(
        "compacted {} in {:.1} s",
        store.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
