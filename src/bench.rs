//! `polgraph bench`: how fast, on a generated corpus (see [`crate::generate`]).

use crate::error::Result;
use crate::ingest::Inputs;
use crate::load;
use crate::store::Store;
use std::path::Path;
use std::time::Instant;

#[derive(Debug, Clone)]
pub struct Figures {
    pub articles: usize,
    pub megabytes: f64,
    pub threads: usize,
    pub extract_secs: f64,
    /// Of which the compaction after the bulk load.
    pub compact_secs: f64,
    pub ingest_secs: f64,
    pub quads: usize,
    pub bulk_secs: f64,
    pub store_bytes: u64,
    pub peak_rss_kb: u64,
    /// The peak during the ingest alone (corpus in memory, extraction, store).
    pub ingest_peak_rss_kb: u64,
    /// Each query run: its label, rows, the milliseconds of its first run and, for the selective
    /// ones, the median of four more (what a question asked again costs, the store's pages in
    /// memory).
    pub queries: Vec<Timed>,
}

#[derive(Debug, Clone)]
pub struct Timed {
    pub label: String,
    pub rows: usize,
    pub first_ms: f64,
    pub again_ms: Option<f64>,
}

impl Figures {
    pub fn articles_per_sec_per_core(&self) -> f64 {
        self.articles as f64 / self.extract_secs / self.threads as f64
    }
    pub fn mb_per_sec_per_core(&self) -> f64 {
        self.megabytes / self.extract_secs / self.threads as f64
    }
    pub fn ingest_quads_per_sec(&self) -> f64 {
        self.quads as f64 / self.ingest_secs
    }
    pub fn bulk_quads_per_sec(&self) -> f64 {
        self.quads as f64 / self.bulk_secs
    }
}

fn dir_size(p: &Path) -> u64 {
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
fn extraction(corpus: &[crate::ingest::Article]) -> f64 {
    // The lexicons, the gazetteer and the regexes load once per process (about 0.1 s): warmed
    // up first, so that the figure is the rate a long run keeps.
    if let Some(a) = corpus.first() {
        std::hint::black_box(crate::pipeline::process(a));
    }
    let t = Instant::now();
    for c in corpus.chunks(load::CHUNK) {
        std::hint::black_box(load::extract(c));
    }
    t.elapsed().as_secs_f64()
}

/// Measures extraction alone for `n` articles (a quick figure, and a run to profile): the
/// figures with no store, bulk load or queries.
pub fn extraction_only(n: usize, seed: u64) -> Figures {
    let corpus = crate::generate::corpus(n, seed);
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let extract_secs = extraction(&corpus);
    Figures {
        articles: corpus.len(),
        megabytes: bytes as f64 / 1e6,
        threads: rayon::current_num_threads(),
        extract_secs,
        ingest_secs: f64::NAN,
        compact_secs: f64::NAN,
        quads: 0,
        bulk_secs: f64::NAN,
        store_bytes: 0,
        peak_rss_kb: peak_rss_kb(),
        ingest_peak_rss_kb: 0,
        queries: Vec::new(),
    }
}

/// Runs the benchmark for `n` articles in stores under `dir`.
pub fn run(n: usize, seed: u64, dir: &Path) -> Result<Figures> {
    let corpus = crate::generate::corpus(n, seed);
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let extract_secs = extraction(&corpus);
    // End to end into an empty on-disk store.
    let path = dir.join(format!("ingest-{n}"));
    let _ = std::fs::remove_dir_all(&path);
    let store = Store::open(&path)?;
    reset_peak_rss();
    let t = Instant::now();
    let chunks = corpus.chunks(load::CHUNK).map(|c| Inputs {
        articles: c.to_vec(),
        errors: Vec::new(),
    });
    let loaded = load::load_inputs(&store, chunks, true, &mut |_, _| {})?;
    let ingest_secs = t.elapsed().as_secs_f64();
    let ingest_peak_rss_kb = peak_rss_kb();
    let first = corpus[0].clone();
    drop(corpus);
    // oxigraph's own bulk loader on the same quads, from an N-Quads dump of the store (not
    // timed), as `oxigraph load` would read them: memory stays flat.
    let dump = dir.join(format!("dump-{n}.nq"));
    store.dump_nquads(&dump)?;
    let ref_path = dir.join(format!("bulk-{n}"));
    let _ = std::fs::remove_dir_all(&ref_path);
    let reference = Store::open(&ref_path)?;
    let t = Instant::now();
    let mut b = reference.bulk();
    b.load_nquads(&dump)?;
    b.commit()?;
    let bulk_secs = t.elapsed().as_secs_f64();
    drop(reference);
    let _ = std::fs::remove_dir_all(&ref_path);
    let _ = std::fs::remove_file(&dump);
    // Each shipped query, the selective ones with parameters a user would give, taken from the
    // first article: one person's posts; a post in its district and in its province.
    let (person, district, province) = {
        let g = &*crate::gazetteer::GAZETTEER;
        let facts = crate::pipeline::process(&first).facts;
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
    };
    // The selective questions first, each five times, then every listing once.
    let mut runs: Vec<(String, &str, Vec<String>)> = vec![
        (
            "person-posts".into(),
            "person-posts",
            vec![format!("person={person}")],
        ),
        (
            "holders (huyện)".into(),
            "holders",
            vec!["role=Bí thư".into(), format!("place={district}")],
        ),
        (
            "holders (tỉnh)".into(),
            "holders",
            vec!["role=Bí thư".into(), format!("place={province}")],
        ),
    ];
    let selective = runs.len();
    for q in crate::query::SHIPPED {
        match q.name {
            "person-posts" | "holders" => {}
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
            let mut sink = Vec::new();
            let rows =
                crate::query::run(&store, name, &params, crate::query::Format::Tsv, &mut sink)?;
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
    let store_bytes = dir_size(&path);
    drop(store);
    let _ = std::fs::remove_dir_all(&path);
    Ok(Figures {
        articles: loaded.articles,
        megabytes: bytes as f64 / 1e6,
        threads: rayon::current_num_threads(),
        extract_secs,
        compact_secs: loaded.compact_secs,
        ingest_secs,
        quads: loaded.quads,
        bulk_secs,
        store_bytes,
        peak_rss_kb: peak_rss_kb(),
        ingest_peak_rss_kb,
        queries,
    })
}
