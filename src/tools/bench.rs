//! `polgraph bench`: how fast, on a generated corpus (see [`crate::tools::generate`]).
//!
//! A size is measured in three phases, [`ingest`], [`update`] and [`reference`], which
//! `polgraph bench` runs each in a process of its own (`bench --phase`), so that the peak
//! memory of one is not what an earlier one left with the allocator.

use crate::error::Result;
use crate::pipeline::load;
use crate::read::Inputs;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Extraction alone: text to quads, no store.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Extraction {
    pub articles: usize,
    pub megabytes: f64,
    pub threads: usize,
    pub secs: f64,
}

impl Extraction {
    pub fn articles_per_sec_per_core(&self) -> f64 {
        self.articles as f64 / self.secs / self.threads as f64
    }
    pub fn mb_per_sec_per_core(&self) -> f64 {
        self.megabytes / self.secs / self.threads as f64
    }
}

/// The first phase: extraction, the ingest into an empty store, the questions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ingested {
    pub extraction: Extraction,
    /// End to end: extraction, bulk load, tenures, compaction.
    pub secs: f64,
    /// Of which the compaction after the bulk load.
    pub compact_secs: f64,
    pub quads: usize,
    pub store_bytes: u64,
    /// The peak during the ingest (the corpus in memory, extraction, store).
    pub peak_rss_kb: u64,
    /// The peak of the phase, questions included.
    pub phase_peak_rss_kb: u64,
    /// Each question asked: its label, rows, the milliseconds of its first run and, for the
    /// selective ones, the median of four more (what a question asked again costs, the store's
    /// pages in memory).
    pub queries: Vec<Timed>,
}

/// New articles into the store built, through transactions (not the bulk loader: the path of
/// a daily update), in a process that opens the store as `polgraph ingest` would.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Updated {
    pub articles: usize,
    pub secs: f64,
    pub peak_rss_kb: u64,
}

/// oxigraph's own bulk loader on the same quads, read from an N-Quads dump of the store.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reference {
    pub secs: f64,
    /// CPU seconds of the load, every thread.
    #[serde(default)]
    pub cpu_secs: f64,
    pub peak_rss_kb: u64,
}

/// The figures of one size.
#[derive(Debug, Clone)]
pub struct Figures {
    pub ingested: Ingested,
    pub updated: Updated,
    pub reference: Reference,
}

impl Figures {
    pub fn ingest_quads_per_sec(&self) -> f64 {
        self.ingested.quads as f64 / self.ingested.secs
    }
    pub fn bulk_quads_per_sec(&self) -> f64 {
        self.ingested.quads as f64 / self.reference.secs
    }
    /// The bulk loader's time over the ingest's without its compaction.
    pub fn load_alone_ratio(&self) -> f64 {
        self.reference.secs / (self.ingested.secs - self.ingested.compact_secs)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timed {
    pub label: String,
    pub rows: usize,
    pub first_ms: f64,
    pub again_ms: Option<f64>,
}

/// Where the phases of size `n` keep their store and dump, under `dir`.
pub fn store_path(dir: &Path, n: usize) -> PathBuf {
    dir.join(format!("ingest-{n}"))
}

pub(crate) fn dump_path(dir: &Path, n: usize) -> PathBuf {
    dir.join(format!("dump-{n}.nq"))
}

pub(crate) fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Starts the process's peak resident memory afresh (Linux: `5` to `/proc/self/clear_refs`).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The CPU seconds, user and system, this process has used so far.
pub(crate) fn cpu_secs() -> f64 {
    // SAFETY: a zeroed rusage is valid; getrusage fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a pointer to a live local.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// The process's peak resident memory (Linux), in KiB.
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Extraction alone (text to quads, no store), in parallel, chunk by chunk as ingest does it:
/// the seconds it took.
fn extraction(corpus: &[crate::read::Article]) -> f64 {
    // The lexicons, the gazetteer and the regexes load once per process (about 0.1 s): warmed
    // up first, so that the figure is the rate a long run keeps.
    if let Some(a) = corpus.first() {
        std::hint::black_box(crate::pipeline::process(a));
    }
    // As in an ingest, memory freed by a chunk stays for the next (see `KeepFreed`).
    let _memory = crate::store::memory::KeepFreed::new();
    let t = Instant::now();
    for c in corpus.chunks(load::CHUNK) {
        std::hint::black_box(load::extract(c));
    }
    t.elapsed().as_secs_f64()
}

/// Measures extraction alone for `n` articles (a quick figure, and a run to profile).
pub fn extraction_only(n: usize, seed: u64) -> Extraction {
    let corpus = crate::tools::generate::corpus(n, seed);
    measure_extraction(&corpus)
}

pub(crate) fn measure_extraction(corpus: &[crate::read::Article]) -> Extraction {
    Extraction {
        articles: corpus.len(),
        megabytes: corpus.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6,
        threads: rayon::current_num_threads(),
        secs: extraction(corpus),
    }
}

/// Extraction of one long article (issue 27, item 9: time grew with the square of an article's
/// size, 16 MB in 129 s).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LongArticle {
    pub megabytes: f64,
    pub secs: f64,
}

impl LongArticle {
    pub fn secs_per_mb(&self) -> f64 {
        self.secs / self.megabytes
    }
}

/// Measures the extraction of one article of at least `mb` megabytes: generated articles one
/// after the other, as a scraper that joins a site's pages into one text gives it.
pub fn long_article(mb: f64, seed: u64) -> LongArticle {
    let want = (mb * 1e6) as usize;
    let mut text = String::with_capacity(want + 10_000);
    for a in crate::tools::generate::articles(seed) {
        if text.len() >= want {
            break;
        }
        text.push_str(&a.text);
        text.push_str("\n\n");
    }
    let article = crate::read::Article {
        id: format!("long-{mb}"),
        text,
        origin: "bench".into(),
        title: None,
        date: None,
        url: None,
        source: None,
    };
    // The lexicons and the gazetteer load once per process: not part of the figure.
    if let Some(a) = crate::tools::generate::articles(seed).next() {
        std::hint::black_box(crate::pipeline::process(&a));
    }
    let t = Instant::now();
    std::hint::black_box(crate::pipeline::process(&article));
    LongArticle {
        megabytes: article.text.len() as f64 / 1e6,
        secs: t.elapsed().as_secs_f64(),
    }
}

/// New articles for the update measure: a corpus a little larger, from article `n` on (ids the
/// store does not have; their people hold the same posts as those of the first `n`).
pub const UPDATE: usize = 1000;

/// The person first named, and the district and province first named, in an article: the
/// parameters a user would give to the selective questions.
pub(crate) fn parameters(article: &crate::read::Article) -> (String, String, String) {
    let g = &*crate::extract::gazetteer::GAZETTEER;
    let facts = crate::pipeline::process(article).facts;
    let unit = |level: &str| {
        facts
            .localities
            .iter()
            .find(|l| g.units[l.unit].level == level)
            .map(|l| g.canonical(l.unit))
            .unwrap_or_default()
    };
    let person = facts
        .persons
        .first()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    (person, unit("huyện"), unit("tỉnh"))
}

/// The first phase for `n` articles: extraction alone, then end to end into an empty store
/// under `dir` (kept for the next phases, with an N-Quads dump of it), then the questions.
pub fn ingest(n: usize, seed: u64, dir: &Path) -> Result<Ingested> {
    let corpus = crate::tools::generate::corpus(n, seed);
    let extraction = measure_extraction(&corpus);
    let path = store_path(dir, n);
    let _ = std::fs::remove_dir_all(&path);
    let mut store = Store::open(&path)?;
    reset_peak_rss();
    let t = Instant::now();
    let chunks = corpus.chunks(load::CHUNK).map(|c| Inputs {
        articles: c.to_vec(),
        ..Inputs::default()
    });
    let loaded = load::load_inputs(&mut store, chunks, true, &mut |_| {})?;
    let ingest_secs = t.elapsed().as_secs_f64();
    let ingest_peak_rss_kb = peak_rss_kb();
    let store_bytes = dir_size(&path);
    // Parameters from the first article; for the questions asked with other parameters, from
    // the first article of the second half that names another person and another province.
    let first = parameters(&corpus[0]);
    let last = corpus[corpus.len() / 2..]
        .iter()
        .map(parameters)
        .find(|p| p.0 != first.0 && p.2 != first.2 && !p.2.is_empty())
        .unwrap_or_else(|| first.clone());
    drop(corpus);
    // The questions, as a user asks them after an ingest (before the reference load below writes
    // as much again, which would push the store out of the page cache): the selective ones
    // first, each five times (the first of the run pays for opening the store's files), then
    // again with other parameters (first time asked, files open), then every listing once.
    let questions = |(person, district, province): &(String, String, String), other: &str| {
        vec![
            (
                format!("person-posts{other}"),
                "person-posts",
                vec![format!("person={person}")],
            ),
            (
                format!("person-statements{other}"),
                "person-statements",
                vec![format!("person={person}")],
            ),
            (
                format!("holders (huyện{other})"),
                "holders",
                vec!["role=Bí thư".into(), format!("place={district}")],
            ),
            (
                format!("holders (tỉnh{other})"),
                "holders",
                vec!["role=Bí thư".into(), format!("place={province}")],
            ),
        ]
    };
    let mut runs: Vec<(String, &str, Vec<String>)> = questions(&first, "");
    runs.extend(questions(&last, ", another"));
    let selective = runs.len();
    for q in crate::query::SHIPPED {
        match q.name {
            "person-posts" | "person-statements" | "holders" => {}
            "issued-by" => runs.push((q.name.into(), q.name, vec!["issuer=Bộ Chính trị".into()])),
            "office-history" => runs.push((q.name.into(), q.name, vec!["year=2020".into()])),
            _ => runs.push((q.name.into(), q.name, Vec::new())),
        }
    }
    let mut queries = Vec::new();
    for (i, (label, name, params)) in runs.into_iter().enumerate() {
        let params = params
            .iter()
            .map(|p| crate::query::param(p))
            .collect::<Result<Vec<_>>>()?;
        let once = || -> Result<(usize, f64)> {
            let t = Instant::now();
            // Written as TSV and thrown away, as a user's output goes to a file or a pipe: the
            // process holds what the query engine holds, not the answer's text.
            let rows = crate::query::run(
                &store,
                name,
                &params,
                crate::query::Format::Tsv,
                &mut std::io::sink(),
            )?
            .rows;
            Ok((rows, t.elapsed().as_secs_f64() * 1000.0))
        };
        let (rows, first_ms) = once()?;
        let again_ms = if i < selective {
            let mut ms = (0..4)
                .map(|_| once().map(|r| r.1))
                .collect::<Result<Vec<f64>>>()?;
            ms.sort_by(f64::total_cmp);
            Some((ms[1] + ms[2]) / 2.0)
        } else {
            None
        };
        queries.push(Timed {
            label,
            rows,
            first_ms,
            again_ms,
        });
    }
    queries.extend(serve_latencies(&path, &[&first.0, &last.0])?);
    let phase_peak_rss_kb = peak_rss_kb();
    // The dump for the reference phase (not timed).
    store.dump_nquads(&dump_path(dir, n))?;
    Ok(Ingested {
        extraction,
        secs: ingest_secs,
        compact_secs: loaded.compact_secs,
        // Into an empty store: the article graphs and the tenures graph are all it holds.
        quads: loaded.quads + loaded.tenures + loaded.described,
        store_bytes,
        peak_rss_kb: ingest_peak_rss_kb,
        phase_peak_rss_kb,
        queries,
    })
}

/// The second phase: [`UPDATE`] new articles (`n` when fewer) into the store of [`ingest`] (new ids, the same
/// people), through transactions.
pub fn update(n: usize, seed: u64, dir: &Path) -> Result<Updated> {
    let new: Vec<_> = crate::tools::generate::articles(seed)
        .skip(n)
        .take(UPDATE.min(n))
        .collect();
    let mut store = Store::open(&store_path(dir, n))?;
    reset_peak_rss();
    let t = Instant::now();
    let updated = load::load_inputs(
        &mut store,
        std::iter::once(Inputs {
            articles: new,
            ..Inputs::default()
        }),
        true,
        &mut |_| {},
    )?;
    Ok(Updated {
        articles: updated.articles,
        secs: t.elapsed().as_secs_f64(),
        peak_rss_kb: peak_rss_kb(),
    })
}

/// The third phase: oxigraph's own bulk loader on the dump [`ingest`] wrote, into a new store,
/// as `oxigraph load` reads a file (memory stays flat); the store and the dump are removed.
pub fn reference(n: usize, dir: &Path) -> Result<Reference> {
    Ok(reference_counted(n, dir)?.0)
}

/// [`reference`], and the quads the loaded store holds.
pub(crate) fn reference_counted(n: usize, dir: &Path) -> Result<(Reference, usize)> {
    let counted = reference_keeping_dump(n, dir);
    let _ = std::fs::remove_file(dump_path(dir, n));
    counted
}

/// [`reference_counted`], the dump left in place (for another loader to read after).
pub(crate) fn reference_keeping_dump(n: usize, dir: &Path) -> Result<(Reference, usize)> {
    let dump = dump_path(dir, n);
    let path = dir.join(format!("bulk-{n}"));
    let _ = std::fs::remove_dir_all(&path);
    let store = Store::open(&path)?;
    reset_peak_rss();
    let cpu = cpu_secs();
    let t = Instant::now();
    let mut b = store.bulk();
    b.load_nquads(&dump)?;
    b.commit()?;
    let secs = t.elapsed().as_secs_f64();
    let cpu_secs = cpu_secs() - cpu;
    let peak_rss_kb = peak_rss_kb();
    let quads = store.len()?;
    drop(store);
    let _ = std::fs::remove_dir_all(&path);
    Ok((
        Reference {
            secs,
            cpu_secs,
            peak_rss_kb,
        },
        quads,
    ))
}

/// What `polgraph serve` answers with, on its own read-only handle of the store: the name
/// index's build (`first_ms`), a search typed without tone marks and a person's page (the
/// first time, then the median of four more), for each of `people`.
fn serve_latencies(path: &Path, people: &[&str]) -> Result<Vec<Timed>> {
    let t = Instant::now();
    let site = crate::serve::pages::Site::new(Store::open_read_only(path)?)?;
    let mut out = vec![Timed {
        label: "serve: name index".into(),
        rows: site.index.len(),
        first_ms: t.elapsed().as_secs_f64() * 1000.0,
        again_ms: None,
    }];
    let timed = |label: String, f: &dyn Fn() -> Result<usize>| -> Result<Timed> {
        let once = || -> Result<(usize, f64)> {
            let t = Instant::now();
            let rows = f()?;
            Ok((rows, t.elapsed().as_secs_f64() * 1000.0))
        };
        let (rows, first_ms) = once()?;
        let mut ms = (0..4)
            .map(|_| once().map(|r| r.1))
            .collect::<Result<Vec<f64>>>()?;
        ms.sort_by(f64::total_cmp);
        Ok(Timed {
            label,
            rows,
            first_ms,
            again_ms: Some((ms[1] + ms[2]) / 2.0),
        })
    };
    for (i, person) in people.iter().enumerate() {
        let other = if i == 0 { "" } else { ", another" };
        let typed = crate::query::search::fold(person);
        out.push(timed(format!("serve: search{other}"), &|| {
            Ok(site.search(&typed, &[], 20)["hits"]
                .as_array()
                .map_or(0, Vec::len))
        })?);
        let Some(hit) = site
            .index
            .find(person, &[crate::query::search::Kind::Person], 1)
            .pop()
        else {
            continue;
        };
        out.push(timed(format!("serve: person page{other}"), &|| {
            let page = site
                .person(&hit.iri)
                .map_err(|e| crate::Error::Other(format!("{e:?}")))?;
            Ok(page["posts"].as_array().map_or(0, Vec::len))
        })?);
    }
    Ok(out)
}
