use anyhow::{Context, Result};
use polgraph::export::{self, Format};
use polgraph::store::Store;
use std::path::Path;
use std::process::ExitCode;

/// Writes the graph (or one article's) as RDF.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    #[arg(long, value_enum)]
    pub format: polgraph::export::Format,
    /// Only this article's graph.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// Output file (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(
            &self.store.store,
            self.format,
            self.article.as_deref(),
            self.output.as_deref(),
        )
    }
}

pub fn run(
    store: &Path,
    format: Format,
    article: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let db = Store::open_existing(store)?;
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
