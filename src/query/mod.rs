//! The SPARQL layer: queries shipped in `queries/` (compiled into the binary, each with a header
//! giving its name, description and parameters), parameters bound as RDF terms, results printed.

use crate::error::{Error, Result};
use crate::store::Store;
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;
use std::io::Write;
use std::path::Path;

/// A query shipped with polgraph.
pub struct Shipped {
    pub name: &'static str,
    pub sparql: &'static str,
}

macro_rules! shipped {
    ($($name:literal),* $(,)?) => {
        &[$(Shipped { name: $name, sparql: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/", $name, ".rq")) }),*]
    };
}

/// Every query in `queries/`; the first six are the contract of EXTRACTION.md.
pub const SHIPPED: &[Shipped] = shipped!(
    "articles",
    "persons",
    "offices",
    "organizations",
    "localities",
    "documents",
    "events",
    "holders",
    "person-posts",
    "person-statements",
    "tenures",
    "issued-by",
    "office-history",
    "stats",
    "graph-nodes",
    "graph-edges",
    "network-nodes",
    "network-links",
);

impl Shipped {
    /// A header line `# key: value`.
    pub fn header(&self, key: &str) -> Vec<&'static str> {
        header(self.sparql, key)
    }
    pub fn description(&self) -> &'static str {
        self.header("description").first().copied().unwrap_or("")
    }
}

/// The values of the header lines `# key: value` at the top of a query's text.
pub fn header<'a>(sparql: &'a str, key: &str) -> Vec<&'a str> {
    sparql
        .lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| {
            l.trim_start_matches('#')
                .trim()
                .strip_prefix(key)?
                .strip_prefix(':')
        })
        .map(str::trim)
        .collect()
}

pub fn shipped(name: &str) -> Option<&'static Shipped> {
    SHIPPED.iter().find(|q| q.name == name)
}

/// Reads QUERY: a `.rq` file, a shipped query's name, or inline SPARQL. Returns (name, text).
pub fn resolve(query: &str) -> Result<(String, String)> {
    let p = Path::new(query);
    if p.is_file() {
        let text = std::fs::read_to_string(p).map_err(|source| Error::Io {
            path: p.into(),
            source,
        })?;
        return Ok((query.to_string(), text));
    }
    if let Some(q) = shipped(
        query
            .trim_end_matches(".rq")
            .rsplit('/')
            .next()
            .unwrap_or(query),
    ) {
        if !query.contains(char::is_whitespace) {
            return Ok((q.name.to_string(), q.sparql.to_string()));
        }
    }
    if crate::regex!(r"(?i)\b(select|construct|describe|ask)\b").is_match(query)
        || spargebra::SparqlParser::new().parse_update(query).is_ok()
    {
        return Ok(("inline query".into(), query.to_string()));
    }
    Err(Error::UnknownQuery(query.to_string()))
}

/// `NAME=VALUE` to a variable and an RDF term: `<...>` is an IRI, anything else a string.
pub fn param(s: &str) -> Result<(String, Term)> {
    let (name, value) = s.split_once('=').ok_or_else(|| Error::BadParam(s.into()))?;
    let name = name.trim().trim_start_matches(['?', '$']).to_string();
    if name.is_empty() {
        return Err(Error::BadParam(s.into()));
    }
    let term: Term = match value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        Some(iri) => NamedNode::new(iri)
            .map_err(|e| Error::BadParam(format!("{s}: {e}")))?
            .into(),
        None => Literal::new_simple_literal(crate::normalize::canonical(value)).into(),
    };
    Ok((name, term))
}

/// A parsed query with its declared parameters bound, and the parameters left for substitution.
pub type Bound<'a> = std::result::Result<(spargebra::Query, Vec<&'a (String, Term)>), String>;

/// Parses a query and binds the parameters it declares with `VALUES ?name { UNDEF }`: the value
/// takes the place of `UNDEF` in the algebra, before the optimizer plans the query, so that the
/// plan starts from it (a query for one person reads that person's statements, not every
/// holding in the store). Without the parameter, `UNDEF` leaves the variable free and the same
/// query lists everything, in polgraph and in any other SPARQL store.
///
/// Parameters the query does not declare so are returned, for oxigraph's substitution of a
/// projected variable (the results are the same, but it joins the value in at the end).
pub fn bind<'a>(sparql: &str, params: &'a [(String, Term)]) -> Bound<'a> {
    use spargebra::term::GroundTerm;
    let mut query = spargebra::SparqlParser::new()
        .parse_query(sparql)
        .map_err(|e| {
            // `polgraph query` reads: an update is refused, with the command that writes.
            if spargebra::SparqlParser::new().parse_update(sparql).is_ok() {
                "a SPARQL Update (INSERT, DELETE, DROP, CLEAR, LOAD ...): `polgraph query` only \
                 reads the store; articles go in and out of it with `polgraph ingest`"
                    .to_string()
            } else {
                e.to_string()
            }
        })?;
    let pattern = match &mut query {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => pattern,
    };
    let mut rest = Vec::new();
    for p in params {
        let term = match &p.1 {
            Term::NamedNode(n) => GroundTerm::NamedNode(n.clone()),
            Term::Literal(l) => GroundTerm::Literal(l.clone()),
            _ => return Err(format!("--param {}: not an IRI or a literal", p.0)),
        };
        let var = |name: String| {
            oxigraph::model::Variable::new(name).map_err(|e| format!("--param {}: {e}", p.0))
        };
        // An IRI given for a name (`person=<…/id/person/ha-tinh/…>`) binds the node, where the
        // query declares it as `VALUES ?person_id { UNDEF }`: a name is shared by namesakes, the
        // node is one person.
        let as_node = match term {
            GroundTerm::NamedNode(_) => bind_values(pattern, &var(format!("{}_id", p.0))?, &term),
            _ => 0,
        };
        if as_node == 0 && bind_values(pattern, &var(p.0.clone())?, &term) == 0 {
            rest.push(p);
        }
    }
    Ok((query, rest))
}

/// Puts `term` in the place of `UNDEF` for `var` in every `VALUES` of the pattern; how many.
fn bind_values(
    p: &mut spargebra::algebra::GraphPattern,
    var: &oxigraph::model::Variable,
    term: &spargebra::term::GroundTerm,
) -> usize {
    use spargebra::algebra::GraphPattern as G;
    match p {
        G::Values {
            variables,
            bindings,
        } => match variables.iter().position(|v| v == var) {
            Some(i) => {
                for row in bindings.iter_mut() {
                    if row[i].is_none() {
                        row[i] = Some(term.clone());
                    }
                }
                1
            }
            None => 0,
        },
        G::Join { left, right }
        | G::LeftJoin { left, right, .. }
        | G::Lateral { left, right }
        | G::Union { left, right }
        | G::Minus { left, right } => bind_values(left, var, term) + bind_values(right, var, term),
        G::Filter { inner, .. }
        | G::Graph { inner, .. }
        | G::Extend { inner, .. }
        | G::OrderBy { inner, .. }
        | G::Project { inner, .. }
        | G::Distinct { inner }
        | G::Reduced { inner }
        | G::Slice { inner, .. }
        | G::Group { inner, .. }
        | G::Service { inner, .. } => bind_values(inner, var, term),
        G::Bgp { .. } | G::Path { .. } => 0,
    }
}

/// Gives each parameter the language its query declares (`# param: role@vi: ...`): the labels
/// it is matched against are `"Bí thư"@vi`, and the user types `Bí thư`.
pub fn with_languages(sparql: &str, params: &[(String, Term)]) -> Vec<(String, Term)> {
    let langs: Vec<(&str, &str)> = header(sparql, "param")
        .into_iter()
        .filter_map(|l| l.split(':').next()?.trim().split_once('@'))
        .collect();
    params
        .iter()
        .map(|(name, term)| {
            let lang = langs.iter().find(|(n, _)| n == name).map(|(_, l)| *l);
            match (term, lang) {
                (Term::Literal(l), Some(lang)) if l.language().is_none() => (
                    name.clone(),
                    Literal::new_language_tagged_literal(l.value(), lang)
                        .map(Term::from)
                        .unwrap_or_else(|_| term.clone()),
                ),
                _ => (name.clone(), term.clone()),
            }
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

/// A cell as a terminal shows it safely: control characters as their pictures (`ESC` -> `␛`,
/// C1 controls -> `�`), so that a stored value can neither retitle the terminal nor plant a link.
fn printable(s: &str) -> String {
    if !s.chars().any(crate::normalize::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c as u32 {
            0..=0x1f if crate::normalize::is_control(c) => {
                char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')
            }
            0x7f => '\u{2421}',
            _ if crate::normalize::is_control(c) => '\u{fffd}',
            _ => c,
        })
        .collect()
}

fn cell(t: Option<&Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(t) => t.to_string(),
        None => String::new(),
    }
}

/// A query parsed with its parameters bound (see [`bind`]), and the values of the projected
/// variables the others give: what [`Store::query`] evaluates.
pub fn prepare(
    name: &str,
    sparql: &str,
    params: &[(String, Term)],
) -> Result<(spargebra::Query, Vec<(Variable, Term)>)> {
    let err = |message: String| Error::Query {
        name: name.into(),
        message,
    };
    let (query, rest) = bind(sparql, params).map_err(err)?;
    let substitutions = rest
        .into_iter()
        .map(|(var, term)| {
            Variable::new(var.clone())
                .map(|v| (v, term.clone()))
                .map_err(|e| err(format!("--param {var}: {e}")))
        })
        .collect::<Result<_>>()?;
    Ok((query, substitutions))
}

/// Parses, binds and evaluates a query over the store.
pub fn execute(
    store: &Store,
    name: &str,
    sparql: &str,
    params: &[(String, Term)],
) -> Result<QueryResults<'static>> {
    let (query, substitutions) = prepare(name, sparql, params)?;
    store.query(name, query, &substitutions)
}

/// The rows of a shipped SELECT query: each a map from variable to lexical value (an IRI as is).
pub fn rows(store: &Store, name: &str) -> Result<Vec<std::collections::BTreeMap<String, String>>> {
    let q = shipped(name).ok_or_else(|| Error::UnknownQuery(name.into()))?;
    let QueryResults::Solutions(sol) = execute(store, name, q.sparql, &[])? else {
        return Err(Error::Query {
            name: name.into(),
            message: "not a SELECT query".into(),
        });
    };
    let mut out = Vec::new();
    for s in sol {
        let s = s.map_err(|e| Error::Query {
            name: name.into(),
            message: e.to_string(),
        })?;
        out.push(
            s.iter()
                .map(|(v, t)| (v.as_str().to_string(), cell(Some(t))))
                .collect(),
        );
    }
    Ok(out)
}

/// Runs a query and prints its results.
pub fn run(
    store: &Store,
    query: &str,
    params: &[(String, Term)],
    format: Format,
    out: &mut dyn Write,
) -> Result<usize> {
    let (name, text) = resolve(query)?;
    let params = with_languages(&text, params);
    print(&name, execute(store, &name, &text, &params)?, format, out)
}

/// Runs a query once, prints its results to `out` and then oxigraph's plan for it, with the rows
/// and time of each step, as JSON to `plan`.
pub fn run_explained(
    store: &Store,
    query: &str,
    params: &[(String, Term)],
    format: Format,
    out: &mut dyn Write,
    plan: &mut dyn Write,
) -> Result<usize> {
    let (name, text) = resolve(query)?;
    let params = with_languages(&text, params);
    let (query, substitutions) = prepare(&name, &text, &params)?;
    let (results, explanation) = store.query_explained(&name, query, &substitutions)?;
    let n = print(&name, results, format, out)?;
    explanation
        .write_in_json(&mut *plan)
        .map_err(|e| Error::Query {
            name: name.clone(),
            message: e.to_string(),
        })?;
    Ok(n)
}

/// Prints a query's results: a table, or a SPARQL results format; a graph as Turtle.
fn print(
    name: &str,
    results: QueryResults<'static>,
    format: Format,
    out: &mut dyn Write,
) -> Result<usize> {
    let io = |e: std::io::Error| Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    let qerr = |e: &dyn std::fmt::Display| Error::Query {
        name: name.into(),
        message: e.to_string(),
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                rows.push(s.map_err(|e| qerr(&e))?);
            }
            let n = rows.len();
            if format == Format::Table {
                let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| vars.iter().map(|v| printable(&cell(r.get(v)))).collect())
                    .collect();
                let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
                for r in &cells {
                    for (w, c) in width.iter_mut().zip(r) {
                        *w = (*w).max(c.chars().count()).min(60);
                    }
                }
                let line = |r: &[String]| -> String {
                    r.iter()
                        .zip(&width)
                        .map(|(c, w)| {
                            let c: String = if c.chars().count() > *w {
                                c.chars().take(w - 1).chain(['…']).collect()
                            } else {
                                c.clone()
                            };
                            format!("{c}{}", " ".repeat(w - c.chars().count()))
                        })
                        .collect::<Vec<_>>()
                        .join(" │ ")
                        .trim_end()
                        .to_string()
                };
                writeln!(out, "{}", line(&header)).map_err(io)?;
                writeln!(
                    out,
                    "{}",
                    width
                        .iter()
                        .map(|w| "─".repeat(*w))
                        .collect::<Vec<_>>()
                        .join("─┼─")
                )
                .map_err(io)?;
                for r in &cells {
                    writeln!(out, "{}", line(r)).map_err(io)?;
                }
                writeln!(out, "({n} row{})", if n == 1 { "" } else { "s" }).map_err(io)?;
            } else {
                let f = match format {
                    Format::Csv => QueryResultsFormat::Csv,
                    Format::Tsv => QueryResultsFormat::Tsv,
                    Format::Json => QueryResultsFormat::Json,
                    _ => QueryResultsFormat::Xml,
                };
                let mut w = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(&mut *out, vars.clone())
                    .map_err(io)?;
                for r in &rows {
                    w.serialize(r).map_err(io)?;
                }
                w.finish().map_err(io)?;
            }
            Ok(n)
        }
        QueryResults::Boolean(b) => {
            writeln!(out, "{b}").map_err(io)?;
            Ok(1)
        }
        QueryResults::Graph(triples) => {
            let mut quads = Vec::new();
            for t in triples {
                let t = t.map_err(|e| qerr(&e))?;
                quads.push(oxigraph::model::Quad::new(
                    t.subject,
                    t.predicate,
                    t.object,
                    oxigraph::model::GraphName::DefaultGraph,
                ));
            }
            let n = quads.len();
            Store::write(&quads, oxigraph::io::RdfFormat::Turtle, &mut *out)?;
            Ok(n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_parameter_takes_the_place_of_undef_in_values() {
        let q = "SELECT ?name ?x WHERE { VALUES ?name { UNDEF } ?x <http://xmlns.com/foaf/0.1/name> ?name }";
        let params = vec![
            param("name=Nguyễn Văn Hải").unwrap(),
            param("x=<http://e/x>").unwrap(),
        ];
        let (query, rest) = bind(q, &params).unwrap();
        let text = query.to_string();
        assert!(text.contains("\"Nguyễn Văn Hải\""), "{text}");
        assert!(!text.contains("UNDEF"), "{text}");
        // ?x is not declared: left for the substitution of a projected variable.
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].0, "x");
    }

    #[test]
    fn a_header_gives_a_parameter_its_language() {
        let q = "# name: t\n# param: role@vi: the title\n# param: year: a year\nSELECT * {}";
        let params = vec![param("role=Bí thư").unwrap(), param("year=2020").unwrap()];
        let typed = with_languages(q, &params);
        assert_eq!(typed[0].1.to_string(), "\"Bí thư\"@vi");
        assert_eq!(typed[1].1.to_string(), "\"2020\"");
    }
}
