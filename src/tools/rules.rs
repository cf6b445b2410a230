//! The rule registry (`data/rules.tsv`): every rule id extraction stores as `pg:rule`, each with a
//! real example and what it must produce under that id, a negative that must produce nothing
//! under it and a boundary case (Duckling's corpus and negative corpus). The tests run every
//! example through extraction, and fail when an id written in the source is missing from the
//! registry or a registry id is written nowhere.

use crate::extract::{self, Facts};
use crate::pipeline;
use crate::read::Article;
use std::sync::LazyLock;

const RULES_TSV: &str = include_str!("../../data/rules.tsv");

/// One registry row.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: String,
    pub example: String,
    /// What `example` must produce under `id`.
    pub produces: String,
    /// A text that must produce nothing under `id`.
    pub negative: String,
    pub boundary: String,
    /// What `boundary` must produce under `id`; `None` (written `-`): nothing.
    pub boundary_produces: Option<String>,
}

/// The registry, in file order; a malformed row names its line.
pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    RULES_TSV
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .skip(1)
        .map(|(n, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(
                c.len() == 6 && c.iter().all(|x| !x.is_empty()),
                "data/rules.tsv line {}: expected 6 non-empty columns, got {}",
                n + 1,
                c.len()
            );
            // A line break in a text is written `\n` (a dated career list is a list of lines).
            let text = |x: &str| x.replace("\\n", "\n");
            Rule {
                id: c[0].into(),
                example: text(c[1]),
                produces: c[2].into(),
                negative: text(c[3]),
                boundary: text(c[4]),
                boundary_produces: (c[5] != "-").then(|| c[5].to_string()),
            }
        })
        .collect()
});

/// Every fact of `facts` as (rule id, value as the registry writes it).
pub fn rendered(facts: &Facts) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    out.extend(facts.persons.iter().map(|p| (p.rule, p.name.clone())));
    out.extend(facts.offices.iter().map(|o| {
        let former = if o.former { " | former" } else { "" };
        (
            o.rule,
            format!("{} | {} | {}{former}", o.person, o.role, o.org.name),
        )
    }));
    out.extend(
        facts
            .organizations
            .iter()
            .map(|o| (o.rule, o.org.name.clone())),
    );
    out.extend(facts.localities.iter().map(|l| (l.rule, l.name.clone())));
    out.extend(
        facts
            .documents
            .iter()
            .map(|d| (d.rule, format!("{} {}", d.doc_type, d.id))),
    );
    out.extend(facts.events.iter().map(|e| (e.rule, e.name.clone())));
    out
}

/// What extraction finds in `text` (every mention, before resolution merges them), rendered.
pub fn produced(text: &str) -> Vec<(&'static str, String)> {
    let article = Article {
        id: "rules".into(),
        text: text.into(),
        origin: "data/rules.tsv".into(),
        title: None,
        date: None,
        url: None,
        source: None,
    };
    let (text, meta) = pipeline::prepare(&article);
    rendered(&extract::extract(&text, &meta))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    fn under<'a>(found: &'a [(&'static str, String)], id: &str) -> Vec<&'a str> {
        found
            .iter()
            .filter(|(r, _)| *r == id)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every example produces its value under its id (Duckling's `makeCorpusTest`), and every
    /// boundary case what its row says.
    #[test]
    fn every_example_and_boundary_produces_what_its_row_says() {
        let mut failed = Vec::new();
        for r in RULES.iter() {
            let got = produced(&r.example);
            if !under(&got, &r.id).contains(&r.produces.as_str()) {
                failed.push(format!(
                    "{}: example {:?} gave {:?}, not {:?}",
                    r.id,
                    r.example,
                    under(&got, &r.id),
                    r.produces
                ));
            }
            let got = produced(&r.boundary);
            let ok = match &r.boundary_produces {
                Some(v) => under(&got, &r.id).contains(&v.as_str()),
                None => under(&got, &r.id).is_empty(),
            };
            if !ok {
                failed.push(format!(
                    "{}: boundary {:?} gave {:?}, not {:?}",
                    r.id,
                    r.boundary,
                    under(&got, &r.id),
                    r.boundary_produces
                ));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    /// Every negative produces nothing under its id (Duckling's `makeNegativeCorpusTest`).
    #[test]
    fn every_negative_produces_nothing_under_its_id() {
        let failed: Vec<String> = RULES
            .iter()
            .filter_map(|r| {
                let got = produced(&r.negative);
                let found = under(&got, &r.id);
                (!found.is_empty())
                    .then(|| format!("{}: negative {:?} gave {found:?}", r.id, r.negative))
            })
            .collect();
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn the_registry_is_sorted_without_duplicates() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }

    /// The ids written in the extraction and resolution source, as string literals of the kinds
    /// stored as `pg:rule` (dates and terms are not: `DateFact::rule` is never written to the graph).
    fn ids_in_source() -> BTreeSet<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&root.join("extract"), &mut files);
        rust_files(&root.join("resolve"), &mut files);
        let re =
            crate::regex!(r#""((?:person|office|organization|locality|document|event)\.[a-z_]+)""#);
        let mut ids = BTreeSet::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            ids.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
        }
        ids
    }

    #[test]
    fn every_id_in_the_source_is_registered_and_every_registered_id_is_in_the_source() {
        let registered: BTreeSet<String> = RULES.iter().map(|r| r.id.clone()).collect();
        let source = ids_in_source();
        let missing: Vec<_> = source.difference(&registered).collect();
        let dead: Vec<_> = registered.difference(&source).collect();
        assert!(
            missing.is_empty(),
            "rule ids emitted but not in data/rules.tsv: {missing:?}"
        );
        assert!(
            dead.is_empty(),
            "rule ids in data/rules.tsv that no code emits: {dead:?}"
        );
    }

    /// Every id extraction emits on the examples and the dev corpora (where they are beside the
    /// repository) is registered.
    #[test]
    fn every_id_emitted_on_the_corpora_is_registered() {
        let registered: BTreeSet<&str> = RULES.iter().map(|r| r.id.as_str()).collect();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            root.join("examples/articles"),
            root.join("../shared/corpus/dev"),
            root.join("../shared/corpus/dev2"),
            root.join("../shared/corpus/dev3"),
        ];
        let mut emitted = BTreeSet::new();
        for d in dirs.iter().filter(|d| d.is_dir()) {
            let mut files = Vec::new();
            for p in std::fs::read_dir(d).unwrap().flatten().map(|e| e.path()) {
                if p.extension().is_some_and(|e| e == "txt") {
                    files.push(p);
                }
            }
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f).unwrap();
                emitted.extend(produced(&text).into_iter().map(|(r, _)| r));
            }
        }
        assert!(!emitted.is_empty());
        let missing: Vec<_> = emitted.difference(&registered).collect();
        assert!(
            missing.is_empty(),
            "emitted but not in data/rules.tsv: {missing:?}"
        );
    }
}
