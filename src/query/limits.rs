//! Limits on a query's text, checked before it reaches the parser: spargebra's parser, oxigraph's
//! planner and its evaluator recurse once per level of nesting and per term of a chain (`&&`,
//! `UNION`, a path's steps), and a stack overflow ends the process, however it is served. A
//! query within these limits is parsed, planned and run on a thread with [`STACK_BYTES`] of
//! stack, which the tests of `tests/cli/serve.rs` fill to the limits.

/// The deepest nesting of `{`, `(` and `[` a query may have (the shipped queries reach 6).
pub const MAX_NESTING: usize = 64;

/// The most tokens (a word, a number, a variable, a string, an IRI, a punctuation mark) a query
/// may have: the shipped queries have up to 300; 5,000 lets a query list a few hundred values.
pub const MAX_TOKENS: usize = 5_000;

/// The most triple patterns and property-path steps a query may have, all its groups together:
/// the planner orders a group's joins in a time that grows with the cube of their number (400
/// patterns: 9 s, before the query starts and before any time limit can stop it). The shipped
/// queries have up to 40.
pub const MAX_PATTERNS: usize = 128;

/// The stack of the threads that parse, plan and run queries: enough for a query at the limits
/// (measured: a query at the limits needs less than a tenth of it). Only what is touched is
/// memory; the rest is address space.
pub const STACK_BYTES: usize = 256 << 20;

/// Why a query is refused before it is parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TooLarge {
    #[error(
        "the query nests more than {MAX_NESTING} levels of {{ }}, ( ) or [ ] (line {line}): \
         write it flatter"
    )]
    Nesting { line: usize },
    #[error(
        "the query has more than {MAX_TOKENS} words and signs: split it, or ask for less at once"
    )]
    Tokens,
    #[error(
        "the query has more than {MAX_PATTERNS} triple patterns and path steps: split it, or \
         ask for less at once"
    )]
    Patterns,
}

/// Checks a query's text against [`MAX_NESTING`] and [`MAX_TOKENS`], reading strings, IRIs and
/// comments as SPARQL does (a `{` in a string is no nesting).
pub fn check(text: &str) -> Result<(), TooLarge> {
    let b = text.as_bytes();
    let (mut i, mut depth, mut tokens, mut line) = (0, 0usize, 0usize, 1usize);
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
                continue;
            }
            _ if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                let long = b[i..].starts_with(&[c, c, c]);
                i += if long { 3 } else { 1 };
                loop {
                    match b.get(i) {
                        None => break,
                        Some(b'\\') => i += 2,
                        Some(&d) if d == c && (!long || b[i..].starts_with(&[c, c, c])) => {
                            i += if long { 3 } else { 1 };
                            break;
                        }
                        Some(b'\n') => {
                            line += 1;
                            i += 1;
                        }
                        Some(_) => i += 1,
                    }
                }
            }
            // An IRI (`<http://…>`) has no space, quote or brace; else `<` is "less than".
            b'<' => {
                let end = b[i + 1..]
                    .iter()
                    .position(|&d| d == b'>' || d <= b' ' || b"<\"{}|^`\\".contains(&d));
                match end {
                    Some(n) if b[i + 1 + n] == b'>' => i += n + 2,
                    _ => i += 1,
                }
            }
            b'{' | b'(' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(TooLarge::Nesting { line });
                }
                i += 1;
            }
            b'}' | b')' | b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ if c.is_ascii_alphanumeric() || c >= 0x80 || b"_?$:-.".contains(&c) => {
                let word =
                    |d: u8| d.is_ascii_alphanumeric() || d >= 0x80 || b"_?$:-.%".contains(&d);
                while i < b.len() && word(b[i]) {
                    i += 1;
                }
            }
            _ => i += 1,
        }
        tokens += 1;
        if tokens > MAX_TOKENS {
            return Err(TooLarge::Tokens);
        }
    }
    Ok(())
}

/// Checks a parsed query against [`MAX_PATTERNS`].
pub fn check_parsed(query: &spargebra::Query) -> Result<(), TooLarge> {
    let (spargebra::Query::Select { pattern, .. }
    | spargebra::Query::Construct { pattern, .. }
    | spargebra::Query::Describe { pattern, .. }
    | spargebra::Query::Ask { pattern, .. }) = query;
    if patterns(pattern) > MAX_PATTERNS {
        return Err(TooLarge::Patterns);
    }
    Ok(())
}

/// The triple patterns and path steps of a pattern (`EXISTS` in filters included).
pub fn patterns(p: &spargebra::algebra::GraphPattern) -> usize {
    use spargebra::algebra::GraphPattern as G;
    match p {
        G::Bgp { patterns } => patterns.len(),
        G::Path { path, .. } => steps(path),
        G::Join { left, right }
        | G::Lateral { left, right }
        | G::Union { left, right }
        | G::Minus { left, right } => patterns(left) + patterns(right),
        G::LeftJoin {
            left,
            right,
            expression,
        } => patterns(left) + patterns(right) + expression.as_ref().map_or(0, in_expression),
        G::Filter { expr, inner } => patterns(inner) + in_expression(expr),
        G::Extend {
            inner, expression, ..
        } => patterns(inner) + in_expression(expression),
        G::Graph { inner, .. }
        | G::OrderBy { inner, .. }
        | G::Project { inner, .. }
        | G::Distinct { inner }
        | G::Reduced { inner }
        | G::Slice { inner, .. }
        | G::Group { inner, .. }
        | G::Service { inner, .. } => patterns(inner),
        G::Values { .. } => 0,
    }
}

fn steps(path: &spargebra::algebra::PropertyPathExpression) -> usize {
    use spargebra::algebra::PropertyPathExpression as P;
    match path {
        P::NamedNode(_) | P::NegatedPropertySet(_) => 1,
        P::Reverse(p) | P::ZeroOrMore(p) | P::OneOrMore(p) | P::ZeroOrOne(p) => steps(p),
        P::Sequence(a, b) | P::Alternative(a, b) => steps(a) + steps(b),
    }
}

fn in_expression(e: &spargebra::algebra::Expression) -> usize {
    use spargebra::algebra::Expression as E;
    match e {
        E::Exists(p) => patterns(p),
        E::Or(a, b)
        | E::And(a, b)
        | E::Equal(a, b)
        | E::SameTerm(a, b)
        | E::Greater(a, b)
        | E::GreaterOrEqual(a, b)
        | E::Less(a, b)
        | E::LessOrEqual(a, b)
        | E::Add(a, b)
        | E::Subtract(a, b)
        | E::Multiply(a, b)
        | E::Divide(a, b) => in_expression(a) + in_expression(b),
        E::In(a, list) => in_expression(a) + list.iter().map(in_expression).sum::<usize>(),
        E::UnaryPlus(a) | E::UnaryMinus(a) | E::Not(a) => in_expression(a),
        E::If(a, b, c) => in_expression(a) + in_expression(b) + in_expression(c),
        E::Coalesce(list) | E::FunctionCall(_, list) => list.iter().map(in_expression).sum(),
        E::NamedNode(_) | E::Literal(_) | E::Variable(_) | E::Bound(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_iris_and_comments() {
        let deep = |n: usize| format!("SELECT * WHERE {}{}", "{".repeat(n), "}".repeat(n));
        assert_eq!(check(&deep(MAX_NESTING)), Ok(()));
        assert_eq!(
            check(&deep(MAX_NESTING + 1)),
            Err(TooLarge::Nesting { line: 1 })
        );
        let braces = "{".repeat(MAX_NESTING + 5);
        for quiet in [
            format!("SELECT * WHERE {{ ?s ?p \"{braces}\" }}"),
            format!("SELECT * WHERE {{ ?s ?p '''{braces}\n{braces}''' }}"),
            format!("SELECT * WHERE {{ ?s ?p \"a\\\"{braces}\" }}"),
            format!("# {braces}\nSELECT * WHERE {{ ?s ?p ?o }}"),
            format!(
                "SELECT * WHERE {{ ?s <http://x/{}> ?o }}",
                "([".repeat(MAX_NESTING)
            ),
        ] {
            assert_eq!(check(&quiet), Ok(()), "{quiet}");
        }
        // `<` as "less than" is no IRI: the braces after it count.
        let lt = format!(
            "SELECT * WHERE {{ FILTER(?a < 3) {} }}",
            "{".repeat(MAX_NESTING)
        );
        assert_eq!(check(&lt), Err(TooLarge::Nesting { line: 1 }));
        assert_eq!(
            check(&format!("SELECT *\nWHERE\n{}", "(".repeat(MAX_NESTING + 1))),
            Err(TooLarge::Nesting { line: 3 })
        );
    }

    #[test]
    fn tokens_are_words_and_signs() {
        let ands = |n: usize| {
            format!(
                "SELECT * WHERE {{ ?s ?p ?o FILTER({}) }}",
                vec!["?o"; n].join("&&")
            )
        };
        // 11 tokens around the chain, three a term (`?o`, `&`, `&`) but the first.
        assert_eq!(check(&ands((MAX_TOKENS - 9) / 3)), Ok(()));
        assert_eq!(
            check(&ands((MAX_TOKENS - 9) / 3 + 1)),
            Err(TooLarge::Tokens)
        );
        // A long string or IRI is one token.
        let long = format!("SELECT * WHERE {{ ?s ?p \"{}\" }}", "x ".repeat(100_000));
        assert_eq!(check(&long), Ok(()));
        // Every shipped query is well within the limits.
        for q in crate::query::SHIPPED {
            assert_eq!(check(q.sparql), Ok(()), "{}", q.name);
            let parsed = spargebra::SparqlParser::new()
                .parse_query(q.sparql)
                .unwrap();
            assert_eq!(check_parsed(&parsed), Ok(()), "{}", q.name);
        }
    }

    #[test]
    fn patterns_and_path_steps_are_counted_in_every_group() {
        let parse = |q: &str| spargebra::SparqlParser::new().parse_query(q).unwrap();
        let chain = |n: usize| {
            (0..n)
                .map(|i| format!("?x{i} a ?x{} .", i + 1))
                .collect::<String>()
        };
        let bgp = |n: usize| parse(&format!("SELECT * WHERE {{ {} }}", chain(n)));
        assert_eq!(check_parsed(&bgp(MAX_PATTERNS)), Ok(()));
        assert_eq!(
            check_parsed(&bgp(MAX_PATTERNS + 1)),
            Err(TooLarge::Patterns)
        );
        let path = |n: usize| parse(&format!("ASK {{ ?a {} ?b }}", vec!["a"; n].join("/")));
        assert_eq!(check_parsed(&path(MAX_PATTERNS)), Ok(()));
        assert_eq!(
            check_parsed(&path(MAX_PATTERNS + 1)),
            Err(TooLarge::Patterns)
        );
        // Halves in two groups, one of them in FILTER EXISTS, add up.
        let half = MAX_PATTERNS / 2 + 1;
        let split = parse(&format!(
            "SELECT * WHERE {{ {} FILTER EXISTS {{ {} }} }}",
            chain(half),
            chain(half)
        ));
        assert_eq!(check_parsed(&split), Err(TooLarge::Patterns));
    }
}
