//! One article through every stage: normalise, read metadata, extract, resolve, map to RDF.

pub mod load;
#[cfg(test)]
mod provenance;
pub mod stream;
pub mod summary;

use crate::extract::{self, Facts};
use crate::normalize::Text;
use crate::rdf::{self, Graph};
use crate::read::meta::{self, Meta};
use crate::read::Article;
use crate::resolve;

pub struct Processed {
    pub text: Text,
    pub meta: Meta,
    pub facts: Facts,
    pub graph: Graph,
}

pub fn process(article: &Article) -> Processed {
    fault_injection(&article.id);
    let (text, meta) = prepare(article);
    let resolved = resolve::resolve(extract::extract(&text, &meta));
    let graph = rdf::article_graph(article, &text, &meta, &resolved);
    let facts = resolved.facts;
    Processed {
        text,
        meta,
        facts,
        graph,
    }
}

/// The article's text as the extractors read it (normalised, furniture blanked) and its
/// metadata, a JSON Lines record's own winning over what the text says.
pub fn prepare(article: &Article) -> (Text, Meta) {
    let mut text = Text::new(&article.text);
    let mut meta = meta::read(&text);
    // A JSON Lines record's own metadata wins over what the text says.
    if let Some(d) = article.date {
        meta.date = Some(d);
    }
    if let Some(t) = &article.title {
        meta.title = Some(t.clone());
    }
    for r in &meta.skip {
        text.blank(r.clone());
    }
    (text, meta)
}

/// `POLGRAPH_FAIL_ARTICLE=ID` makes the extraction of article `ID` panic, so that the tests can
/// check that one article's failure is reported with its id and the others are still ingested
/// (read once; unset, it costs a comparison with `None`).
fn fault_injection(id: &str) {
    static FAIL: std::sync::LazyLock<Option<String>> =
        std::sync::LazyLock::new(|| std::env::var("POLGRAPH_FAIL_ARTICLE").ok());
    if FAIL.as_deref() == Some(id) {
        panic!("POLGRAPH_FAIL_ARTICLE={id}");
    }
}

/// The folder of the shared corpora: `$POLGRAPH_SHARED`, else `../shared` beside the
/// repository (the tests that read real articles skip without it, except under `CI=true`).
#[cfg(test)]
pub(crate) fn shared() -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("POLGRAPH_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("corpus").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} has no corpus/: CI must have ../shared (or POLGRAPH_SHARED)",
        dir.display()
    );
    eprintln!(
        "skipped: {} has no corpus/ (set POLGRAPH_SHARED)",
        dir.display()
    );
    None
}

#[cfg(test)]
mod corpora {
    use super::*;
    use rayon::prelude::*;

    /// Every real article polgraph is given to read (issue 27: one line of `vn-all.jsonl`
    /// overflowed the stack, which no fuzzing had met): the raw press, 7,123 articles, and the
    /// dev corpora, extracted in parallel, none panics.
    #[test]
    fn every_article_of_the_shared_corpora_extracts_without_a_panic() {
        let Some(shared) = shared() else { return };
        let c = shared.join("corpus");
        let paths: Vec<std::path::PathBuf> =
            ["raw/press.jsonl", "raw/vn-all.jsonl", "dev", "dev2", "dev3"]
                .iter()
                .map(|p| c.join(p))
                .collect();
        let inputs = crate::read::read_inputs(&paths);
        assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
        assert!(
            inputs.articles.len() >= 7_123 + 90,
            "{}",
            inputs.articles.len()
        );
        let started = std::time::Instant::now();
        let failed: Vec<String> = inputs
            .articles
            .par_iter()
            .filter_map(|a| {
                std::panic::catch_unwind(|| process(a).graph.len())
                    .err()
                    .map(|_| format!("{} ({})", a.id, a.origin))
            })
            .collect();
        assert!(failed.is_empty(), "panicked: {failed:?}");
        eprintln!(
            "{} articles in {:.1} s",
            inputs.articles.len(),
            started.elapsed().as_secs_f64()
        );
    }
}

#[cfg(test)]
mod fuzz {
    //! A seeded mutation loop over the dev corpora (or the examples where the corpora are not
    //! beside the repository): random valid UTF-8, combining marks alone, truncation, repeated
    //! sentences, case swaps. No article may panic, and an article's quads are a function of its
    //! text: the same text twice gives the same quads.
    use super::*;

    /// xorshift64*: small, seeded, the same sequence on every machine.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    fn corpus() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            root.join("../shared/corpus/dev"),
            root.join("../shared/corpus/dev2"),
            root.join("examples/articles"),
        ];
        let mut texts = Vec::new();
        for d in dirs.iter().filter(|d| d.is_dir()) {
            let mut files: Vec<_> = std::fs::read_dir(d)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            texts.extend(files.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        texts
    }

    /// A character boundary at or before `at`.
    fn boundary(s: &str, mut at: usize) -> usize {
        at = at.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn mutate(text: &str, rng: &mut Rng) -> String {
        const ODD: [&str; 14] = [
            "\u{301}",
            "\u{323}",
            "\u{309}",
            "\u{303}",
            "\u{300}",
            "\u{200b}",
            "\u{feff}",
            "\u{1b}]0;x\u{7}",
            "\u{0}",
            "\u{202e}",
            "Đ",
            "ủy",
            "\r",
            "…",
        ];
        let mut s = text.to_string();
        for _ in 0..1 + rng.below(4) {
            match rng.below(6) {
                0 => {
                    // A random valid scalar value somewhere.
                    let c = loop {
                        if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                            break c;
                        }
                    };
                    let at = boundary(&s, rng.below(s.len() + 1));
                    s.insert(at, c);
                }
                1 => {
                    // A combining mark or an odd character alone.
                    let at = boundary(&s, rng.below(s.len() + 1));
                    s.insert_str(at, ODD[rng.below(ODD.len())]);
                }
                2 => {
                    let at = boundary(&s, rng.below(s.len() + 1));
                    s.truncate(at);
                }
                3 => {
                    // A sentence repeated.
                    let a = boundary(&s, rng.below(s.len() + 1));
                    let b = boundary(&s, a + rng.below(400));
                    let piece = s[a..b].to_string();
                    s.insert_str(b, &piece);
                }
                4 => {
                    s = s
                        .chars()
                        .map(|c| {
                            if c.is_uppercase() {
                                c.to_lowercase().next().unwrap_or(c)
                            } else {
                                c.to_uppercase().next().unwrap_or(c)
                            }
                        })
                        .collect();
                }
                _ => {
                    // A slice from the middle: an article cut at both ends.
                    let a = boundary(&s, rng.below(s.len() + 1));
                    s = s[a..].to_string();
                }
            }
        }
        s
    }

    #[test]
    fn mutated_articles_neither_panic_nor_vary() {
        let texts = corpus();
        assert!(!texts.is_empty());
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let started = std::time::Instant::now();
        let rounds = 20;
        let mut n = 0;
        for round in 0..rounds {
            for (i, text) in texts.iter().enumerate() {
                let mutated = mutate(text, &mut rng);
                let article = Article {
                    id: format!("fuzz-{round}-{i}"),
                    text: mutated,
                    origin: "fuzz".into(),
                    title: None,
                    date: None,
                    url: None,
                    source: None,
                };
                let first = std::panic::catch_unwind(|| process(&article).graph.quads());
                let Ok(first) = first else {
                    panic!(
                        "article {} panicked; its text:\n{:?}",
                        article.id, article.text
                    );
                };
                assert_eq!(first, process(&article).graph.quads(), "{}", article.id);
                n += 1;
            }
        }
        eprintln!(
            "fuzz: {n} mutated articles in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
}

#[cfg(test)]
mod rdf_tests {
    //! Tests of `crate::rdf`'s mapping that run the pipeline (here: `rdf` must not use `pipeline`).
    use crate::rdf::vocab::{dcterms, pg, rdf};
    fn graph(id: &str, text: &str) -> crate::rdf::Graph {
        crate::pipeline::process(&crate::read::Article::of_text(id, text)).graph
    }

    /// Each document node of a graph with its number and date.
    fn documents(g: &crate::rdf::Graph) -> Vec<(String, String, String)> {
        let mut out: Vec<(String, String, String)> = Vec::new();
        let docs: Vec<&str> = g
            .triples()
            .filter(|(_, p, o, _)| *p == rdf::TYPE && *o == pg::DOCUMENT)
            .map(|(s, ..)| s)
            .collect();
        for d in docs {
            let value = |p: &str| {
                g.triples()
                    .find(|(s, q, ..)| *s == d && *q == p)
                    .map_or(String::new(), |(.., o, _)| o.to_string())
            };
            out.push((
                d.rsplit("document/").next().unwrap().to_string(),
                value(pg::DOC_NUMBER),
                value(dcterms::DATE),
            ));
        }
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn a_number_given_again_in_another_year_is_another_document() {
        let a = graph(
            "a",
            "Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương. \
             Nghị quyết 18-NQ/TW đã đi vào cuộc sống.",
        );
        let b = graph(
            "b",
            "Nghị quyết số 18/NQ-TW ngày 16/6/2022 của Ban Chấp hành Trung ương về đất đai.",
        );
        let c = graph(
            "c",
            "Tiếp tục thực hiện Nghị quyết số 18-NQ/TW của Trung ương.",
        );
        // The article's mention without a date is its dated one's document.
        assert_eq!(
            documents(&a),
            [(
                "vn/nghi-quyet/18-nq-tw/2017".to_string(),
                "18-NQ/TW".to_string(),
                "2017-10-25".to_string()
            )]
        );
        // Another year, another document; its number as the others write it.
        assert_eq!(
            documents(&b),
            [(
                "vn/nghi-quyet/18-nq-tw/2022".to_string(),
                "18-NQ/TW".to_string(),
                "2022-06-16".to_string()
            )]
        );
        // No year given: the number alone.
        assert_eq!(
            documents(&c),
            [(
                "vn/nghi-quyet/18-nq-tw".to_string(),
                "18-NQ/TW".to_string(),
                String::new()
            )]
        );
        // A number that holds its year keeps its IRI.
        let d = graph(
            "d",
            "Nghị quyết số 03/2024/NQ-HĐTP ngày 30/5/2024 của Hội đồng Thẩm phán Tòa án nhân dân tối cao.",
        );
        assert_eq!(documents(&d)[0].0, "vn/nghi-quyet/03-2024-nq-hdtp-f35275");
    }
}
