//! The SPARQL layer: queries shipped in `queries/` (compiled into the binary, each with a header
//! giving its name, description and parameters), parameters bound as RDF terms, results printed.

pub mod kept;
pub mod limits;
pub mod names;
pub mod search;
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
    "people",
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
        limits::check(&text).map_err(|e| Error::Query {
            name: query.to_string(),
            message: e.to_string(),
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
        || (limits::check(query).is_ok()
            && spargebra::SparqlParser::new().parse_update(query).is_ok())
    {
        limits::check(query).map_err(|e| Error::Query {
            name: "inline query".into(),
            message: e.to_string(),
        })?;
        return Ok(("inline query".into(), query.to_string()));
    }
    Err(Error::UnknownQuery {
        query: query.to_string(),
        near: near(query),
    })
}

/// The shipped queries whose names are a few edits from `name` (`office`, `person-post`,
/// `holder`), closest first: what the user probably meant.
fn near(name: &str) -> Vec<String> {
    let name = name.trim_end_matches(".rq").to_lowercase();
    let scored: Vec<(usize, &str)> = SHIPPED
        .iter()
        .map(|q| (strsim::damerau_levenshtein(&name, q.name), q.name))
        .filter(|(d, q)| *d <= (q.chars().count() / 3).max(2))
        .collect();
    let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
        return Vec::new();
    };
    scored
        .into_iter()
        .filter(|(d, _)| *d == best)
        .map(|(_, q)| q.to_string())
        .collect()
}

/// The names of the parameters a query declares in its header (`# param: role@vi: ...` gives
/// `role`).
pub fn declared(sparql: &str) -> Vec<String> {
    header(sparql, "param")
        .into_iter()
        .filter_map(|p| p.split(':').next())
        .map(|n| n.split('@').next().unwrap_or(n).trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// The columns of a SELECT query (its projected variables, in order); none for other forms or
/// a query that does not parse.
pub fn columns(sparql: &str) -> Vec<String> {
    use spargebra::algebra::GraphPattern as G;
    let Ok(spargebra::Query::Select { pattern, .. }) =
        spargebra::SparqlParser::new().parse_query(sparql)
    else {
        return Vec::new();
    };
    let mut p = &pattern;
    loop {
        match p {
            G::Slice { inner, .. } | G::Distinct { inner } | G::Reduced { inner } => p = inner,
            G::Project { variables, .. } => {
                return variables.iter().map(|v| v.as_str().to_string()).collect()
            }
            _ => break,
        }
    }
    let mut vars: Vec<String> = Vec::new();
    pattern.on_in_scope_variable(|v| {
        if !vars.iter().any(|x| x == v.as_str()) {
            vars.push(v.as_str().to_string());
        }
    });
    vars
}

/// Checks the parameters given to a query: each once, and each one the query takes. A query
/// with a `# param:` header takes those; a shipped one without takes none; a file or inline
/// query without takes any of its variables (bound by substitution, see [`bind`]).
pub fn check_params(name: &str, sparql: &str, params: &[(String, Term)]) -> Result<()> {
    for (i, (p, _)) in params.iter().enumerate() {
        if params[..i].iter().any(|(q, _)| q == p) {
            return Err(Error::RepeatedParam(p.clone()));
        }
    }
    let mut known = declared(sparql);
    if known.is_empty() && shipped(name).is_none() {
        let Ok(query) = spargebra::SparqlParser::new().parse_query(sparql) else {
            // The query's own error comes when it is parsed to run.
            return Ok(());
        };
        let (spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. }) = &query;
        pattern.on_in_scope_variable(|v| {
            if !known.iter().any(|k| k == v.as_str()) {
                known.push(v.as_str().to_string());
            }
        });
    }
    match params.iter().find(|(p, _)| !known.contains(p)) {
        Some((p, _)) => Err(Error::UnknownParam {
            query: name.to_string(),
            name: p.clone(),
            known,
        }),
        None => Ok(()),
    }
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
    limits::check(sparql).map_err(|e| e.to_string())?;
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
    limits::check_parsed(&query).map_err(|e| e.to_string())?;
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

/// Whether a query asks another endpoint (`SERVICE`), which polgraph does not do.
pub fn uses_service(query: &spargebra::Query) -> bool {
    use spargebra::algebra::GraphPattern as G;
    fn walk(p: &G) -> bool {
        match p {
            G::Service { .. } => true,
            G::Join { left, right }
            | G::LeftJoin { left, right, .. }
            | G::Lateral { left, right }
            | G::Union { left, right }
            | G::Minus { left, right } => walk(left) || walk(right),
            G::Filter { inner, .. }
            | G::Graph { inner, .. }
            | G::Extend { inner, .. }
            | G::OrderBy { inner, .. }
            | G::Project { inner, .. }
            | G::Distinct { inner }
            | G::Reduced { inner }
            | G::Slice { inner, .. }
            | G::Group { inner, .. } => walk(inner),
            G::Bgp { .. } | G::Path { .. } | G::Values { .. } => false,
        }
    }
    let (spargebra::Query::Select { pattern, .. }
    | spargebra::Query::Construct { pattern, .. }
    | spargebra::Query::Describe { pattern, .. }
    | spargebra::Query::Ask { pattern, .. }) = query;
    walk(pattern)
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

/// How SELECT results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns, fitted to the terminal's width (a cut cell ends in `…`).
    Table,
    /// SPARQL 1.1 results CSV: plain values, quoted where needed, lines ending in CRLF.
    Csv,
    /// Plain values separated by tabs, the header without `?`, every value whole (a tab,
    /// newline, carriage return or backslash in it written `\t`, `\n`, `\r`, `\\`).
    Tsv,
    /// SPARQL 1.1 results TSV: RDF terms in Turtle syntax (`"Bí thư"@vi`, `<http://...>`).
    SparqlTsv,
    /// SPARQL 1.1 results JSON.
    Json,
    /// JSON Lines: one object a row, variable to plain value (xsd:integer, decimal, double
    /// as JSON numbers, xsd:boolean as true/false); an unbound variable is left out.
    Jsonl,
    /// SPARQL 1.1 results XML.
    Xml,
}

/// How results are printed: the format, and the width a table fits in (`None`: cells whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub format: Format,
    pub width: Option<usize>,
}

impl From<Format> for Style {
    fn from(format: Format) -> Style {
        Style {
            format,
            width: None,
        }
    }
}

/// What was printed: how many rows (or triples, or one boolean) and how many table cells were
/// cut to fit the width.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Printed {
    pub rows: usize,
    pub cut: usize,
    /// A CONSTRUCT or DESCRIBE: `rows` counts triples.
    pub triples: bool,
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

/// The rows of a shipped SELECT query: each a map from variable to lexical value (an IRI as is);
/// its kept answer where there is one (see [`kept`]).
pub fn rows(store: &Store, name: &str) -> Result<Vec<std::collections::BTreeMap<String, String>>> {
    let q = shipped(name).ok_or_else(|| Error::UnknownQuery {
        query: name.into(),
        near: near(name),
    })?;
    match kept::answer(store, name)? {
        Some(results) => solution_rows(name, results),
        None => select(store, name, q.sparql, &[]),
    }
}

fn solution_rows(
    name: &str,
    results: QueryResults<'static>,
) -> Result<Vec<std::collections::BTreeMap<String, String>>> {
    let QueryResults::Solutions(sol) = results else {
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

/// The rows of a SELECT query with parameters (see [`bind`]), as [`rows`] gives them: for the
/// queries that code asks and users do not (`queries/internal/`).
pub fn select(
    store: &Store,
    name: &str,
    sparql: &str,
    params: &[(String, Term)],
) -> Result<Vec<std::collections::BTreeMap<String, String>>> {
    solution_rows(name, execute(store, name, sparql, params)?)
}

/// Runs a query and prints its results.
pub fn run(
    store: &Store,
    query: &str,
    params: &[(String, Term)],
    style: impl Into<Style>,
    out: &mut dyn Write,
) -> Result<Printed> {
    let (name, text) = resolve(query)?;
    check_params(&name, &text, params)?;
    // A listing of the whole store: its answer kept at ingest (see [`kept`]).
    if params.is_empty() && shipped(&name).is_some_and(|q| q.sparql == text) {
        if let Some(results) = kept::answer(store, &name)? {
            return print(&name, results, style.into(), out);
        }
    }
    let params = with_languages(&text, params);
    print(
        &name,
        execute(store, &name, &text, &params)?,
        style.into(),
        out,
    )
}

/// Runs a query once, prints its results to `out` and then oxigraph's plan for it, with the rows
/// and time of each step, as JSON to `plan`.
pub fn run_explained(
    store: &Store,
    query: &str,
    params: &[(String, Term)],
    style: impl Into<Style>,
    out: &mut dyn Write,
    plan: &mut dyn Write,
) -> Result<Printed> {
    let (name, text) = resolve(query)?;
    check_params(&name, &text, params)?;
    let params = with_languages(&text, params);
    let (query, substitutions) = prepare(&name, &text, &params)?;
    let (results, explanation) = store.query_explained(&name, query, &substitutions)?;
    let n = print(&name, results, style.into(), out)?;
    explanation
        .write_in_json(&mut *plan)
        .map_err(|e| Error::Query {
            name: name.clone(),
            message: e.to_string(),
        })?;
    Ok(n)
}

/// Prints a query's results: a table, plain TSV, JSON Lines or a SPARQL results format; a
/// graph as Turtle.
fn print(
    name: &str,
    results: QueryResults<'static>,
    style: Style,
    out: &mut dyn Write,
) -> Result<Printed> {
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
            // A table's columns are as wide as their widest cell: its rows are read first.
            // Every other format is written row by row as the rows come (a listing kept at
            // ingest, `articles`, is read from its file as it is printed).
            if style.format == Format::Table {
                let mut rows = Vec::new();
                for s in solutions {
                    rows.push(s.map_err(|e| qerr(&e))?);
                }
                let cut = table(&vars, &rows, style.width, out).map_err(io)?;
                return Ok(Printed {
                    rows: rows.len(),
                    cut,
                    triples: false,
                });
            }
            // Written to a spool (memory, then a temporary file past 16 MiB) and printed only
            // once the last row is read: a query stopped by an error or its time limit prints
            // nothing, never a short answer.
            let mut spool = crate::store::spool::Spool::new(std::env::temp_dir());
            let whole = &mut *out;
            let out: &mut dyn Write = &mut spool;
            let mut n = 0;
            let mut rows = solutions.map(|s| {
                n += 1;
                s.map_err(|e| qerr(&e))
            });
            match style.format {
                Format::Tsv => {
                    let line = |cells: Vec<String>| cells.join("\t") + "\n";
                    let header = vars.iter().map(|v| tsv_value(v.as_str())).collect();
                    out.write_all(line(header).as_bytes()).map_err(io)?;
                    for r in &mut rows {
                        let r = r?;
                        let cells = vars.iter().map(|v| tsv_value(&cell(r.get(v)))).collect();
                        out.write_all(line(cells).as_bytes()).map_err(io)?;
                    }
                }
                Format::Jsonl => {
                    for r in &mut rows {
                        let r = r?;
                        let fields: Vec<String> = vars
                            .iter()
                            .filter_map(|v| {
                                let value = json_value(r.get(v)?);
                                Some(format!("{}:{value}", serde_json::Value::from(v.as_str())))
                            })
                            .collect();
                        writeln!(out, "{{{}}}", fields.join(",")).map_err(io)?;
                    }
                }
                f => {
                    let f = match f {
                        Format::Csv => QueryResultsFormat::Csv,
                        Format::SparqlTsv => QueryResultsFormat::Tsv,
                        Format::Json => QueryResultsFormat::Json,
                        _ => QueryResultsFormat::Xml,
                    };
                    let mut w = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, vars.clone())
                        .map_err(io)?;
                    for r in &mut rows {
                        w.serialize(&r?).map_err(io)?;
                    }
                    w.finish().map_err(io)?;
                }
            }
            drop(rows);
            let mut written = spool.finish()?;
            std::io::copy(&mut written.reader().map_err(io)?, whole).map_err(io)?;
            Ok(Printed {
                rows: n,
                cut: 0,
                triples: false,
            })
        }
        QueryResults::Boolean(b) => {
            writeln!(out, "{b}").map_err(io)?;
            Ok(Printed {
                rows: 1,
                ..Printed::default()
            })
        }
        QueryResults::Graph(triples) => {
            let mut w =
                crate::store::TripleWriter::new(oxigraph::io::RdfFormat::Turtle, &mut *out)?;
            let mut n = 0;
            for t in triples {
                w.write(&t.map_err(|e| qerr(&e))?).map_err(io)?;
                n += 1;
            }
            w.finish().map_err(io)?;
            Ok(Printed {
                rows: n,
                cut: 0,
                triples: true,
            })
        }
    }
}

/// A value in plain TSV: whole, with the characters that would end a cell or a row escaped
/// (the convention of PostgreSQL's text COPY and of "linear TSV").
fn tsv_value(s: &str) -> String {
    crate::store::field::escape(s).into_owned()
}

/// A term as a JSON value: a number for a literal typed xsd:integer, decimal, double or float
/// whose lexical form JSON can say (`INF`, `NaN` stay strings), true or false for xsd:boolean,
/// a string for everything else (a literal's value, an IRI as is).
fn json_value(t: &Term) -> serde_json::Value {
    use oxigraph::model::vocab::xsd;
    if let Term::Literal(l) = t {
        let d = l.datatype();
        let v = l.value().trim();
        if d == xsd::INTEGER {
            if let Ok(n) = v.parse::<i64>() {
                return n.into();
            }
        } else if [xsd::DECIMAL, xsd::DOUBLE, xsd::FLOAT].contains(&d) {
            // `INF`, `NaN`: no JSON number says them.
            if let Some(n) = v.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
                return n.into();
            }
        } else if d == xsd::BOOLEAN {
            match v {
                "true" | "1" => return true.into(),
                "false" | "0" => return false.into(),
                _ => {}
            }
        }
    }
    cell(Some(t)).into()
}

/// The narrowest a cut column gets (or its widest cell, if narrower), where the columns fit.
const MIN_COLUMN: usize = 6;

/// Prints rows as a table of aligned columns. Within `width` (a terminal's), the widest
/// columns are narrowed one character at a time until the table fits, and a cut cell ends
/// in `…`; without, every cell is whole. Returns how many cells were cut.
fn table(
    vars: &[Variable],
    rows: &[oxigraph::sparql::QuerySolution],
    width: Option<usize>,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| vars.iter().map(|v| printable(&cell(r.get(v)))).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    if let Some(total) = width {
        let separators = 3 * widths.len().saturating_sub(1);
        let floor: Vec<usize> = widths.iter().map(|w| (*w).min(MIN_COLUMN)).collect();
        if floor.iter().sum::<usize>() + separators > total {
            // Too many columns for the width: a block a row, a line a column.
            return records(&header, &cells, total, out);
        }
        while widths.iter().sum::<usize>() + separators > total {
            let Some((i, _)) = widths
                .iter()
                .enumerate()
                .filter(|(i, w)| **w > floor[*i])
                .max_by_key(|(i, w)| (**w, std::cmp::Reverse(*i)))
            else {
                break;
            };
            widths[i] -= 1;
        }
    }
    let mut cut = 0;
    let line = |r: &[String], cut: &mut usize| -> String {
        r.iter()
            .zip(&widths)
            .map(|(c, w)| {
                let n = c.chars().count();
                let c: String = if n > *w {
                    *cut += 1;
                    c.chars().take(w.saturating_sub(1)).chain(['…']).collect()
                } else {
                    c.clone()
                };
                format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count())))
            })
            .collect::<Vec<_>>()
            .join(" │ ")
            .trim_end()
            .to_string()
    };
    let mut ignored = 0;
    writeln!(out, "{}", line(&header, &mut ignored))?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("─┼─")
    )?;
    for r in &cells {
        let l = line(r, &mut cut);
        writeln!(out, "{l}")?;
    }
    let n = rows.len();
    writeln!(out, "({n} row{})", if n == 1 { "" } else { "s" })?;
    Ok(cut)
}

/// Prints rows as blocks of `column │ value` lines, each line within `width` (a cut value ends
/// in `…`), for a table too wide for it. Returns how many values were cut.
fn records(
    header: &[String],
    cells: &[Vec<String>],
    width: usize,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let name = header.iter().map(|h| h.chars().count()).max().unwrap_or(0);
    let room = width.saturating_sub(name + 3).max(MIN_COLUMN);
    let mut cut = 0;
    for (i, r) in cells.iter().enumerate() {
        let title = format!("─[ row {} ]", i + 1);
        let rule = width.saturating_sub(title.chars().count()).min(40);
        writeln!(out, "{title}{}", "─".repeat(rule))?;
        for (h, c) in header.iter().zip(r) {
            let value: String = if c.chars().count() > room {
                cut += 1;
                c.chars().take(room - 1).chain(['…']).collect()
            } else {
                c.clone()
            };
            let pad = " ".repeat(name - h.chars().count());
            writeln!(out, "{h}{pad} │ {value}")?;
        }
    }
    let n = cells.len();
    writeln!(out, "({n} row{})", if n == 1 { "" } else { "s" })?;
    Ok(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_too_wide_for_its_width_prints_a_block_a_row() {
        let header: Vec<String> = ["person", "sentence"].map(String::from).to_vec();
        let cells = vec![vec!["Nguyễn Văn Hải".to_string(), "x".repeat(50)]];
        let mut out = Vec::new();
        let cut = records(&header, &cells, 30, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(cut, 1);
        assert!(text.lines().all(|l| l.chars().count() <= 30), "{text}");
        assert!(text.contains("person   │ Nguyễn Văn Hải"), "{text}");
        assert!(text.ends_with("(1 row)\n"), "{text}");
    }

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
