use anyhow::Result;
use polgraph::store::Store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(store: &Path) -> Result<ExitCode> {
    let mut db = Store::open(store)?;
    let t = std::time::Instant::now();
    db.optimize()?;
    eprintln!(
        "compacted {} in {:.1} s",
        store.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
