use anyhow::{Context, Result};
use polgraph::export::{self, Format};
use polgraph::store::Store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    store: &Path,
    format: Format,
    article: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let db = Store::open(store)?;
    match output {
        Some(path) => {
            let f = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let n = export::export(&db, format, article, std::io::BufWriter::new(f))?;
            eprintln!("wrote {n} quads to {}", path.display());
        }
        None => {
            export::export(&db, format, article, std::io::stdout().lock())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
