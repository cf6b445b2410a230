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
    let db = Store::open_read_only(store)?;
    let opts = export::sort::Options::for_output(output);
    match output {
        Some(path) => {
            let a_file = export::sort::a_file(path);
            let f = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
            let written = export::export(&db, format, article, &mut w, path, &opts).and_then(|n| {
                let f = w.into_inner().map_err(|e| polgraph::error::Error::Io {
                    path: path.into(),
                    source: e.into_error(),
                })?;
                // On the disk before `wrote` is said; a device has nothing to sync (fsync of
                // /dev/null is an error).
                if a_file {
                    f.sync_all().map_err(|e| polgraph::error::Error::Io {
                        path: path.into(),
                        source: e,
                    })?;
                }
                Ok(n)
            });
            match written {
                Ok(n) => eprintln!("wrote {n} quads to {}", path.display()),
                Err(e) => {
                    // A cut file could pass for a whole export; a device (`-o /dev/null`) or a
                    // pipe is left as it was.
                    if a_file {
                        let _ = std::fs::remove_file(path);
                    }
                    return Err(e.into());
                }
            }
        }
        None => {
            let out = std::io::stdout().lock();
            let w = std::io::BufWriter::with_capacity(1 << 20, out);
            export::export(
                &db,
                format,
                article,
                w,
                Path::new("<standard output>"),
                &opts,
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
