//! polgraph turns Vietnamese political news into an RDF knowledge graph.
//!
//! The pipeline is a chain of stages, one folder each, every stage with a typed output:
//! [`read`] (files, JSON Lines -> [`read::Article`], metadata) -> [`normalize`] (NFC, tone
//! marks, furniture, folding and keys) -> [`extract`] (tokens, lexicons, gazetteer, one module
//! per kind -> [`extract::Facts`]) -> [`resolve`] (one fact per entity, identity scopes ->
//! [`resolve::Resolved`]) -> [`rdf`] (vocabulary, IRIs, quads, tenures) -> [`store`] (oxigraph)
//! -> [`query`] (shipped queries, parameters, the name index) -> [`export`] (RDF formats, DOT,
//! push, validate) and [`serve`] (the SPARQL endpoint and the web page). [`pipeline`] runs an
//! article through the stages and loads the store; [`tools`] (bench, generate, eval) stand
//! beside them.

pub mod error;
pub mod export;
pub mod extract;
pub mod normalize;
pub mod pipeline;
pub mod query;
pub mod rdf;
pub mod read;
pub mod resolve;
pub mod serve;
pub mod store;
pub mod tools;

pub use error::{Error, Result};

/// Compiles a regex once, on first use (`regex!(r"...")` returns a `&'static Regex`).
#[macro_export]
macro_rules! regex {
    ($re:expr $(,)?) => {{
        static RE: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new($re).expect("valid regex"));
        &*RE
    }};
}

/// A word character as Unicode regexes read `\w`: letters, marks, digits, `_`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || unicode_normalization::char::is_combining_mark(c)
}

/// Whether byte offset `at` of `text` is a Unicode word boundary (`\b`).
///
/// Patterns run over whole articles write `(?-u:\b)`, an ASCII boundary that keeps the regex
/// crate's DFAs running on Vietnamese text (a Unicode `\b` sends them to slower engines), and
/// check their match's ends with this: a letter such as `đ` before a digit is no boundary.
pub fn word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word_char);
    let after = text[at..].chars().next().is_some_and(is_word_char);
    before != after
}

#[cfg(test)]
mod layout {
    //! The stages depend on each other in one direction: no import circle between the folders
    //! of `src/`.

    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// The top-level modules each top-level module uses (`crate::NAME` outside comments).
    fn uses() -> BTreeMap<String, BTreeSet<String>> {
        fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        walk(&src, &mut files);
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let word = regex::Regex::new(r"\bcrate::([a-z_]+)").unwrap();
        for f in files {
            let rel = f.strip_prefix(&src).unwrap();
            let top = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let top = top.trim_end_matches(".rs").to_string();
            if matches!(top.as_str(), "lib" | "main" | "cmd") {
                continue;
            }
            let text = std::fs::read_to_string(&f).unwrap();
            let deps = graph.entry(top.clone()).or_default();
            for line in text.lines() {
                let code = line.split("//").next().unwrap_or("");
                for c in word.captures_iter(code) {
                    let dep = c[1].to_string();
                    let is_module =
                        src.join(&dep).is_dir() || src.join(format!("{dep}.rs")).is_file();
                    if dep != top && is_module {
                        deps.insert(dep);
                    }
                }
            }
        }
        graph
    }

    /// A circle of `graph`, if there is one.
    fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
        fn visit(
            n: &str,
            graph: &BTreeMap<String, BTreeSet<String>>,
            path: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) -> Option<Vec<String>> {
            if let Some(at) = path.iter().position(|p| p == n) {
                let mut c = path[at..].to_vec();
                c.push(n.to_string());
                return Some(c);
            }
            if done.contains(n) {
                return None;
            }
            path.push(n.to_string());
            for d in graph.get(n).into_iter().flatten() {
                if let Some(c) = visit(d, graph, path, done) {
                    return Some(c);
                }
            }
            path.pop();
            done.insert(n.to_string());
            None
        }
        let mut done = BTreeSet::new();
        graph
            .keys()
            .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
    }

    #[test]
    fn the_stages_have_no_import_circle() {
        let graph = uses();
        // The order of the pipeline: each stage uses only those before it.
        assert!(
            graph["normalize"].is_subset(&["error".into()].into()),
            "{:?}",
            graph["normalize"]
        );
        assert!(!graph["extract"].contains("tools"));
        assert!(!graph["store"].contains("query"));
        if let Some(c) = circle(&graph) {
            panic!("import circle: {}", c.join(" -> "));
        }
    }

    #[test]
    fn a_circle_is_found() {
        let g: BTreeMap<String, BTreeSet<String>> = [
            ("a".to_string(), ["b".to_string()].into()),
            ("b".to_string(), ["c".to_string()].into()),
            ("c".to_string(), ["a".to_string()].into()),
        ]
        .into();
        assert_eq!(circle(&g).unwrap().join(" -> "), "a -> b -> c -> a");
        let dag: BTreeMap<String, BTreeSet<String>> = [
            ("a".to_string(), ["b".to_string()].into()),
            ("b".to_string(), BTreeSet::new()),
        ]
        .into();
        assert_eq!(circle(&dag), None);
    }
}
