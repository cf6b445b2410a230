//! One article through every stage: normalise, read metadata, extract, map to RDF.

use crate::extract::{self, Facts};
use crate::ingest::Article;
use crate::meta::{self, Meta};
use crate::normalize::Text;
use crate::rdf::{self, Graph};
use chrono::NaiveDate;

pub struct Processed {
    pub text: Text,
    pub meta: Meta,
    pub facts: Facts,
    pub graph: Graph,
}

/// A date as a JSON Lines record gives it: `2017-02-21` (a time after it is ignored) or `21/02/2017`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
        .ok()
        .or_else(|| meta::dateline(s))
}

pub fn process(article: &Article) -> Processed {
    fault_injection(&article.id);
    let mut text = Text::new(&article.text);
    let mut meta = meta::read(&text);
    // A JSON Lines record's own metadata wins over what the text says.
    if let Some(d) = article.date.as_deref().and_then(parse_date) {
        meta.date = Some(d);
    }
    if let Some(t) = &article.title {
        meta.title = Some(t.clone());
    }
    for r in &meta.skip {
        text.blank(r.clone());
    }
    let facts = extract::extract(&text, &meta);
    let graph = rdf::article_graph(article, &text, &meta, &facts);
    Processed {
        text,
        meta,
        facts,
        graph,
    }
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
