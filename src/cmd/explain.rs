use anyhow::Result;
use polgraph::read;
use polgraph::tools::explain::{self, Reason, Summary};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Lists the role words extraction did not turn into an office, and why.
///
/// Every role word of `data/lexicon/roles.tsv` (any case) in the articles, with the reason the
/// extractors left: no-person, holder-named-before, no-body, body-unresolved, plural, in-title,
/// in-body-name, not-read. One line a mention, tab-separated: article, reason, role as written, sentence.
/// With --summary: the share of people found who get a post, the mentions per reason and the
/// largest classes of unclaimed mentions (reason, the word before, the role) with examples.
///
/// Examples:
///   polgraph explain ../shared/corpus/dev3/d3-001.txt
///   polgraph explain --summary ../shared/corpus/raw/press.jsonl
///   polgraph explain --article press-0042 ../shared/corpus/raw/press.jsonl
///   polgraph explain --reason no-person ../shared/corpus/dev3
///   cat article.txt | polgraph explain -
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only the articles with this id (repeatable).
    #[arg(long = "article", value_name = "ID")]
    pub articles: Vec<String>,
    /// Also lists the role words that did become offices (reason `office`).
    #[arg(long)]
    pub all: bool,
    /// Only the mentions of this reason (office, in-body-name, body-unresolved, no-body,
    /// plural, holder-named-before, no-person, in-title, not-read).
    #[arg(long, value_name = "REASON", value_parser = reason)]
    pub reason: Option<Reason>,
    /// Prints counts instead of mentions: coverage, reasons, largest classes.
    #[arg(long)]
    pub summary: bool,
    /// How many classes --summary prints.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// How many examples --summary prints per class.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub examples: usize,
    /// The articles: .txt files, folders, .jsonl files, `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

fn reason(s: &str) -> Result<Reason, String> {
    Reason::ALL
        .into_iter()
        .find(|r| r.label() == s)
        .ok_or_else(|| {
            let all: Vec<_> = Reason::ALL.iter().map(|r| r.label()).collect();
            format!("the reasons are {}", all.join(", "))
        })
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        let inputs = read::read_inputs(&self.paths);
        for e in &inputs.errors {
            eprintln!("polgraph: skipped {e}");
        }
        let chosen: Vec<_> = inputs
            .articles
            .iter()
            .filter(|a| self.articles.is_empty() || self.articles.contains(&a.id))
            .collect();
        for want in &self.articles {
            if !chosen.iter().any(|a| &a.id == want) {
                eprintln!("polgraph: no article {want:?} in the inputs");
            }
        }
        let all: Vec<_> = chosen.iter().map(|a| explain::explain(a)).collect();
        let mut out = std::io::stdout().lock();
        if self.summary {
            let s = Summary::of(&all, self.examples);
            let total: usize = s.by_reason.values().sum();
            writeln!(
                out,
                "articles {}  people {}  with a post {} ({:.1}%)",
                s.articles,
                s.people,
                s.with_post,
                100.0 * s.coverage()
            )?;
            writeln!(out, "role mentions {total}")?;
            // The labels' column is as wide as the longest label.
            let w = Reason::ALL
                .iter()
                .map(|r| r.label().len())
                .max()
                .unwrap_or(0);
            for r in Reason::ALL {
                let n = s.by_reason.get(&r).copied().unwrap_or(0);
                writeln!(
                    out,
                    "  {:<w$} {n:>6}  {:>5.1}%  {}",
                    r.label(),
                    100.0 * n as f64 / total.max(1) as f64,
                    r.describe()
                )?;
            }
            writeln!(
                out,
                "largest classes of unclaimed mentions (reason, word before, role):"
            )?;
            for c in s.classes.iter().take(self.top) {
                writeln!(
                    out,
                    "  {:>5}  {:<w$} {} {}",
                    c.count,
                    c.reason.label(),
                    if c.before.is_empty() { "^" } else { &c.before },
                    c.role
                )?;
                for (doc, sentence) in &c.examples {
                    writeln!(out, "         {doc}: {sentence}")?;
                }
            }
        } else {
            for e in &all {
                for m in e.mentions.iter().filter(|m| match self.reason {
                    Some(r) => m.reason == r,
                    None => self.all || m.reason != Reason::Office,
                }) {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        e.doc,
                        m.reason.label(),
                        m.written,
                        m.sentence
                    )?;
                }
            }
        }
        Ok(if inputs.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }
}
