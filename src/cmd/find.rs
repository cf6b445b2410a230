use anyhow::{bail, Result};
use polgraph::query::search::{Index, Kind};
use polgraph::store::Store;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Finds people, bodies and places by name as typed: case and tone marks folded, level words
/// optional, partial names allowed; best first, each with its province and id.
///
/// A row a match: kind, name, province (`Trung ương` for the centre), articles, id (the IRI a
/// query parameter takes in angle brackets). Aligned on a terminal, TSV otherwise. Exit 1 when
/// nothing matches.
///
/// Examples:
///   polgraph find nguyen van hai
///   polgraph find --kind place lam dong
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// Only these kinds: person, body, place. Repeatable or comma-separated.
    #[arg(long = "kind", value_delimiter = ',', value_name = "KIND")]
    pub kinds: Vec<String>,
    /// At most this many matches.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// The name, or part of it, with or without tone marks (several words are one name).
    #[arg(required = true, value_name = "NAME")]
    pub name: Vec<String>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        let kinds = self
            .kinds
            .iter()
            .map(|k| {
                Kind::parse(k).ok_or_else(|| anyhow::anyhow!("--kind {k:?}: person, body or place"))
            })
            .collect::<Result<Vec<_>>>()?;
        let name = self.name.join(" ");
        if name.trim().is_empty() {
            bail!("an empty name: give a name, or part of one");
        }
        let db = Store::open_read_only(&self.store.store)?;
        let hits = Index::open(&db)?.find(&name, &kinds, self.limit);
        if hits.is_empty() {
            eprintln!(
                "polgraph: no name in {} is like {name:?}",
                self.store.store.display()
            );
            return Ok(ExitCode::from(1));
        }
        let kind = |k: Kind| match k {
            Kind::Person => "person",
            Kind::Body => "body",
            Kind::Place => "place",
        };
        let rows: Vec<[String; 5]> = hits
            .iter()
            .map(|h| {
                [
                    kind(h.kind).to_string(),
                    h.label.clone(),
                    h.scope.clone().unwrap_or_default(),
                    h.articles.to_string(),
                    h.iri.clone(),
                ]
            })
            .collect();
        let header = ["kind", "name", "province", "articles", "id"].map(String::from);
        let mut out = std::io::stdout().lock();
        if std::io::stdout().is_terminal() {
            let mut widths = [0usize; 5];
            for r in std::iter::once(&header).chain(&rows) {
                for (w, c) in widths.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count());
                }
            }
            for r in std::iter::once(&header).chain(&rows) {
                let line: Vec<String> = r
                    .iter()
                    .zip(widths)
                    .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                    .collect();
                writeln!(out, "{}", line.join("  ").trim_end())?;
            }
        } else {
            for r in std::iter::once(&header).chain(&rows) {
                writeln!(out, "{}", r.join("\t"))?;
            }
        }
        // Identity across articles: the IRIs of one person, and those possibly the same.
        for h in hits.iter().filter(|h| h.kind == Kind::Person) {
            for (other, link) in polgraph::query::search::identity(&db, &h.iri)? {
                let how = if link == "samePerson" {
                    "the same person as"
                } else {
                    "possibly the same person as"
                };
                eprintln!("polgraph: {} ({}) is {how} {other}", h.label, h.iri);
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
