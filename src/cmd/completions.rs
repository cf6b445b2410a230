use anyhow::Result;
use std::process::ExitCode;

/// Prints a completion script for a shell, generated from the same definitions as --help.
///
/// Examples:
///   polgraph completions bash > ~/.local/share/bash-completion/completions/polgraph
///   polgraph completions zsh > ~/.zfunc/_polgraph      # with fpath+=~/.zfunc in ~/.zshrc
///   polgraph completions fish > ~/.config/fish/completions/polgraph.fish
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

impl Args {
    /// `cmd`: the whole command line's definition (`Cli::command()` in main.rs).
    pub fn run(self, mut cmd: clap::Command) -> Result<ExitCode> {
        clap_complete::generate(self.shell, &mut cmd, "polgraph", &mut std::io::stdout());
        Ok(ExitCode::SUCCESS)
    }
}
