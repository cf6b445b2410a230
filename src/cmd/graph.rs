use anyhow::{bail, Context, Result};
use polgraph::export::graph::{dot, Network, KINDS};
use polgraph::store::Store;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Dot,
    Svg,
    Png,
    Pdf,
}

pub struct Selection {
    pub around: Option<String>,
    pub depth: usize,
    pub article: Option<String>,
    pub kinds: Vec<String>,
    pub locality: Option<String>,
}

/// Draws the graph as GraphViz DOT (or SVG, PNG, PDF through GraphViz's `dot`).
///
/// Selections combine: --locality keeps what lies within a unit, --kind keeps nodes of some
/// kinds, --around keeps the neighbourhood of a person, body, place or document.
///
/// Examples:
///   polgraph graph --around "Nguyễn Văn Hải" --depth 2 --format svg -o hai.svg
///   polgraph graph --locality "tỉnh Trà Vinh" --kind party --format png -o tra-vinh.png
///   polgraph graph --article seed001 --lang en > seed001.dot
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// Only the neighbourhood of this person, body, place or document (its name as the
    /// contract queries print it).
    #[arg(long, value_name = "NAME")]
    pub around: Option<String>,
    /// Steps from --around.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub depth: usize,
    /// Only what this article states.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// Only nodes of these kinds: person, organization (or party, state, front, media,
    /// other), locality, document, event. Repeatable or comma-separated.
    #[arg(long = "kind", value_delimiter = ',', value_name = "KIND")]
    pub kinds: Vec<String>,
    /// Only what lies within this unit (`tỉnh Trà Vinh`): its units, bodies, their people.
    #[arg(long, value_name = "UNIT")]
    pub locality: Option<String>,
    /// Language of edge labels and legend.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: polgraph::export::graph::dot::Lang,
    #[arg(long, value_enum, default_value = "dot")]
    pub format: Format,
    /// Output file (default: standard output; png and pdf are not written to a terminal).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(
            &self.store.store,
            Selection {
                around: self.around,
                depth: self.depth,
                article: self.article,
                kinds: self.kinds,
                locality: self.locality,
            },
            self.lang,
            self.format,
            self.output.as_deref(),
        )
    }
}

pub fn run(
    store: &Path,
    sel: Selection,
    lang: dot::Lang,
    format: Format,
    output: Option<&Path>,
) -> Result<ExitCode> {
    // PNG and PDF are bytes that would garble a terminal (and may hold its escapes).
    if output.is_none()
        && matches!(format, Format::Png | Format::Pdf)
        && std::io::stdout().is_terminal()
    {
        bail!(
            "--format {}: binary output, not written to a terminal: give -o FILE (or redirect \
             standard output to a file)",
            if format == Format::Png { "png" } else { "pdf" }
        );
    }
    for k in &sel.kinds {
        if !KINDS.contains(&k.as_str()) {
            bail!("--kind {k:?}: the kinds are {}", KINDS.join(", "));
        }
    }
    let db = Store::open_read_only(store)?;
    let mut net = Network::load(&db, sel.article.as_deref())?;
    if let Some(a) = &sel.article {
        if net.g.node_count() == 0 && !db.has_article(a)? {
            bail!("no article {a:?} in the store (see `polgraph query articles`)");
        }
    }
    let vi = lang == dot::Lang::Vi;
    let mut title = Vec::new();
    if let Some(l) = &sel.locality {
        let places: Vec<_> = net
            .find(l)
            .into_iter()
            .filter(|&i| net.g[i].kind == polgraph::export::graph::Kind::Locality)
            .collect();
        if places.is_empty() {
            bail!("no locality {l:?} in the store; write it as `polgraph query localities` prints it (`tỉnh Trà Vinh`)");
        }
        net.within(&places);
        title.push(format!("{} {l}", if vi { "trong" } else { "within" }));
    }
    if !sel.kinds.is_empty() {
        net.keep_kinds(&sel.kinds);
        title.push(sel.kinds.join(", "));
    }
    if let Some(name) = &sel.around {
        let seeds = super::nodes_named(&db, &mut None, &net, "--around", name)?;
        if seeds.is_empty() {
            bail!("nothing named {name:?} in the selection: give a person, body, place or document as `polgraph query persons|organizations|localities|documents` prints it");
        }
        net.around(&seeds, sel.depth);
        title.push(format!(
            "{} {name} ({} {})",
            if vi { "quanh" } else { "around" },
            sel.depth,
            if vi { "bước" } else { "steps" }
        ));
    }
    if let Some(a) = &sel.article {
        title.push(format!("{} {a}", if vi { "bài" } else { "article" }));
    }
    let title = if title.is_empty() {
        "polgraph".to_string()
    } else {
        format!("polgraph: {}", title.join("; "))
    };
    let text = dot::write(&net, lang, &title);
    let bytes = match format {
        Format::Dot => text.into_bytes(),
        f => render(&text, f)?,
    };
    match output {
        Some(p) => {
            std::fs::write(p, &bytes).with_context(|| format!("cannot write {}", p.display()))?;
            eprintln!(
                "wrote {} ({} nodes, {} edges)",
                p.display(),
                net.g.node_count(),
                net.g.edge_count()
            );
        }
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Renders DOT through GraphViz's `dot`.
fn render(text: &str, format: Format) -> Result<Vec<u8>> {
    let t = match format {
        Format::Svg => "svg",
        Format::Png => "png",
        _ => "pdf",
    };
    let mut child = match Command::new("dot")
        .arg(format!("-T{t}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("--format {t} needs GraphViz's `dot`, which is not installed: apt-get install graphviz (or write DOT with --format dot)")
        }
        Err(e) => return Err(e).context("cannot run `dot`"),
    };
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(text.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!(
            "`dot -T{t}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out.stdout)
}
