use anyhow::{Context, Result};
use std::process::ExitCode;

/// Writes the manual page (roff), generated from the same definitions as --help.
///
/// Without -o, the page of `polgraph` goes to standard output; with -o DIR, DIR/polgraph.1 and
/// a page for each subcommand (polgraph-ingest.1, polgraph-query.1, ...).
///
/// Examples:
///   polgraph man | man -l -
///   polgraph man -o ~/.local/share/man/man1
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A folder for polgraph.1 and one page per subcommand (created when missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<std::path::PathBuf>,
}

impl Args {
    /// `cmd`: the whole command line's definition (`Cli::command()` in main.rs).
    pub fn run(self, cmd: clap::Command) -> Result<ExitCode> {
        // `polgraph help` is not a page of its own (as in the pages written with -o).
        let cmd = cmd.disable_help_subcommand(true);
        match self.output {
            None => clap_mangen::Man::new(cmd).render(&mut std::io::stdout().lock())?,
            Some(dir) => {
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot make {}", dir.display()))?;
                clap_mangen::generate_to(cmd, &dir)
                    .with_context(|| format!("cannot write the pages in {}", dir.display()))?;
                eprintln!(
                    "wrote polgraph.1 and a page per subcommand in {}",
                    dir.display()
                );
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
