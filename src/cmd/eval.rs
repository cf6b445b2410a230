use anyhow::{bail, Context, Result};
use polgraph::tools::eval::{self, CATEGORIES};
use polgraph::{pipeline, read, store::Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Scores extraction against gold files (EXTRACTION.md "Scoring").
///
/// Ingests PATH into a temporary store, reads the facts back through the contract queries
/// and prints precision, recall and F1 per category.
///
/// Example:
///   polgraph eval --gold ../shared/corpus/dev/gold ../shared/corpus/dev
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Folder of gold JSON files.
    #[arg(long, value_name = "DIR")]
    pub gold: std::path::PathBuf,
    /// Lists the misses and false hits of this category.
    #[arg(long, value_name = "CATEGORY")]
    pub show: Option<String>,
    /// Fails (exit 1) when a category's F1 is under its floor: --min offices=0.7. Repeatable.
    #[arg(long = "min", value_name = "CATEGORY=F1")]
    pub floors: Vec<String>,
    /// The articles to score: .txt files, folders, .jsonl files (as `ingest` reads them).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.gold, self.show.as_deref(), &self.floors, &self.paths)
    }
}

pub fn run(
    gold: &Path,
    show: Option<&str>,
    floors: &[String],
    paths: &[PathBuf],
) -> Result<ExitCode> {
    if let Some(c) = show {
        if !CATEGORIES.contains(&c) {
            bail!("--show {c:?}: the categories are {}", CATEGORIES.join(", "));
        }
    }
    let floors: Vec<(String, f64)> = floors
        .iter()
        .map(|f| {
            let (c, v) = f
                .split_once('=')
                .with_context(|| format!("--min {f:?}: expected CATEGORY=F1"))?;
            if !CATEGORIES.contains(&c) {
                bail!("--min {f:?}: the categories are {}", CATEGORIES.join(", "));
            }
            Ok((
                c.to_string(),
                v.parse::<f64>()
                    .with_context(|| format!("--min {f:?}: not a number"))?,
            ))
        })
        .collect::<Result<_>>()?;
    let (gold_keys, docs) = eval::gold(gold)?;
    // Only the .txt articles of a folder: the gold folder beside them holds JSON, not articles.
    let inputs = read::read_inputs(paths);
    for e in &inputs.errors {
        eprintln!("polgraph: skipped {e}");
    }
    let dir = std::env::temp_dir().join(format!(
        "polgraph-eval-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_nanos()
    ));
    let result = (|| -> Result<ExitCode> {
        let db = Store::open(&dir)?;
        for a in &inputs.articles {
            db.replace(&pipeline::process(a).graph)?;
        }
        let pred = eval::predicted(&db, &docs)?;
        let mut below = Vec::new();
        for c in CATEGORIES {
            let s = eval::score(&pred[c], &gold_keys[c]);
            println!(
                "{c:<14} P {:.3}  R {:.3}  F1 {:.3}  ({} hit, {} predicted, {} gold)",
                s.p, s.r, s.f1, s.hit, s.predicted, s.gold
            );
            if show == Some(c) {
                for k in gold_keys[c].difference(&pred[c]) {
                    println!("   miss  {}", k.join(" | "));
                }
                for k in pred[c].difference(&gold_keys[c]) {
                    println!("   false {}", k.join(" | "));
                }
            }
            if let Some((_, f)) = floors.iter().find(|(fc, _)| fc == c) {
                if s.f1 + 1e-9 < *f {
                    below.push(format!("{c} F1 {:.3} < {f}", s.f1));
                }
            }
        }
        let (people, posted) = eval::coverage(&pred);
        let (gold_people, gold_posted) = eval::coverage(&gold_keys);
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "coverage       {posted} of {people} people found get a post ({:.1}%); gold: {gold_posted} of {gold_people} ({:.1}%)",
            pct(posted, people),
            pct(gold_posted, gold_people)
        );
        let f = |c: &str| eval::score(&pred[c], &gold_keys[c]).f1;
        println!(
            "summary offices_f1={:.3} persons_f1={:.3} orgs_f1={:.3} localities_f1={:.3} documents_f1={:.3}",
            f("offices"), f("persons"), f("organizations"), f("localities"), f("documents")
        );
        if !below.is_empty() {
            eprintln!("polgraph: under the floor: {}", below.join("; "));
            return Ok(ExitCode::from(1));
        }
        Ok(ExitCode::SUCCESS)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}
