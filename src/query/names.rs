//! Names as typed: a shipped query's person, body, place or role parameter read case- and
//! tone-insensitively, level words optional, partial names allowed (`nguyen van hai`, `Lâm
//! Đồng`, `bí thư`), through the name index of [`super::search`]. A name the store holds as
//! typed is kept; one that matches a single name is read as it; one that matches several is an
//! error that lists them, each with its id and province, so that namesakes stay apart.

use super::search::{fold, Index, Kind};
use crate::error::{Error, Result};
use crate::store::Store;
use oxigraph::model::{Literal, Term};

/// What a parameter names, by its name.
fn kind_of(param: &str) -> Option<Named> {
    match param {
        "person" => Some(Named::Entity(Kind::Person)),
        "place" => Some(Named::Entity(Kind::Place)),
        "organization" | "issuer" | "org" => Some(Named::Entity(Kind::Body)),
        "role" => Some(Named::Role),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Named {
    Entity(Kind),
    Role,
}

/// A parameter read as a name of the store: what it was typed as, what it is read as.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub param: String,
    pub typed: String,
    pub label: String,
    pub scope: Option<String>,
}

/// The candidates a name matched, for the error that asks for one: each with its province, its
/// articles and, for a query's parameter `param`, the `--param` that picks it (its id otherwise).
fn candidates(param: &str, hits: &[super::search::Hit]) -> String {
    hits.iter()
        .map(|h| {
            let pick = if param.is_empty() {
                h.iri.clone()
            } else {
                format!("--param '{param}=<{}>'", h.iri)
            };
            format!(
                "\n  {}  ({}; {} article{})  {pick}",
                h.label,
                h.scope.as_deref().unwrap_or("-"),
                h.articles,
                if h.articles == 1 { "" } else { "s" },
            )
        })
        .collect()
}

/// Parameters as bound: each a name and an RDF term.
pub type Params = Vec<(String, Term)>;

/// Reads each name parameter of `params` as a name of the store (see the module's
/// documentation); the parameters as bound, and what was read differently from what was typed.
pub fn resolve(store: &Store, params: &[(String, Term)]) -> Result<(Params, Vec<Read>)> {
    resolve_with(store, None, params)
}

/// As [`resolve`], through the name index at hand (`polgraph serve` opens one when it starts)
/// rather than one opened for the call.
pub fn resolve_with(
    store: &Store,
    built: Option<&Index>,
    params: &[(String, Term)],
) -> Result<(Params, Vec<Read>)> {
    let mut index: Option<Index> = None;
    let mut out = Vec::with_capacity(params.len());
    let mut read = Vec::new();
    for (name, term) in params {
        let (Some(named), Term::Literal(l)) = (kind_of(name), term) else {
            out.push((name.clone(), term.clone()));
            continue;
        };
        let typed = l.value().to_string();
        let (label, scope) = match named {
            // Written as the store has it: bound as it is, without reading the name index,
            // namesakes and all (each row carries its id).
            _ if labelled(store, named, &typed)? => (typed.clone(), None),
            _ => {
                let index = match (built, &mut index) {
                    (Some(i), _) => i,
                    (None, Some(i)) => &*i,
                    // Kept beside the store by the ingest that wrote it (else built, seconds
                    // on a large store).
                    (None, slot) => &*slot.insert(Index::open(store)?),
                };
                match named {
                    Named::Role => (role(&typed, index.roles())?, None),
                    Named::Entity(kind) => {
                        read_as(index, &format!("--param {name}"), name, &[kind], &typed)?
                            .unwrap_or_else(|| (typed.clone(), None))
                    }
                }
            }
        };
        if label != typed {
            read.push(Read {
                param: name.clone(),
                typed: typed.clone(),
                label: label.clone(),
                scope,
            });
        }
        out.push((name.clone(), Literal::new_simple_literal(label).into()));
    }
    Ok((out, read))
}

/// Whether the store has a `named` thing named exactly `typed` (a person's `foaf:name`, a
/// body's, a place's or a role's `skos:prefLabel`).
fn labelled(store: &Store, named: Named, typed: &str) -> Result<bool> {
    use crate::rdf::vocab::{foaf, org, pg, skos};
    let vi = || Literal::new_language_tagged_literal_unchecked(typed, "vi");
    let (class, predicate, label) = match named {
        Named::Entity(Kind::Person) => {
            (foaf::PERSON, foaf::NAME, Literal::new_simple_literal(typed))
        }
        Named::Entity(Kind::Body) => (org::ORGANIZATION, skos::PREF_LABEL, vi()),
        Named::Entity(Kind::Place) => (pg::ADMINISTRATIVE_UNIT, skos::PREF_LABEL, vi()),
        Named::Role => (org::ROLE, skos::PREF_LABEL, vi()),
    };
    store.has_typed(class, predicate, &label.into())
}

/// The label (and province) a typed name of one of `kinds` (any when empty) is read as: itself
/// when the store has it so, the one name it matches best, `None` when nothing is close; an
/// error naming `what` when several names (or a person's namesakes) match it alike, each
/// candidate with the `--param 'param=<IRI>'` that picks it (its id, for an empty `param`).
pub fn read_as(
    index: &Index,
    what: &str,
    param: &str,
    kinds: &[Kind],
    typed: &str,
) -> Result<Option<(String, Option<String>)>> {
    let hits = index.find(typed, kinds, 50);
    // Typed as the store has it: kept, namesakes and all (each row carries its id).
    if let Some(h) = hits.iter().find(|h| h.label == typed) {
        return Ok(Some((h.label.clone(), h.scope.clone())));
    }
    let Some(best) = hits.first() else {
        return Ok(None);
    };
    // A match of some words only is no reading.
    if best.score < 50 {
        return Ok(None);
    }
    let top: Vec<_> = hits
        .iter()
        .filter(|h| h.score >= best.score - best.score % 10)
        .cloned()
        .collect();
    let one_label = top.iter().all(|h| h.label == best.label);
    // One name (a place of two periods has one label): read as it. A person's namesakes, or
    // several names: ask.
    if one_label && (best.kind != Kind::Person || top.len() == 1) {
        return Ok(Some((best.label.clone(), best.scope.clone())));
    }
    Err(Error::Ambiguous {
        what: what.to_string(),
        typed: typed.to_string(),
        candidates: candidates(param, &top[..top.len().min(10)]),
    })
}

/// The roles of the store's posts.
pub fn role_labels(store: &Store) -> Result<Vec<String>> {
    const ROLES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/queries/internal/roles.rq"
    ));
    Ok(super::select(store, "roles", ROLES, &[])?
        .into_iter()
        .filter_map(|mut r| r.remove("role"))
        .collect())
}

/// The role a typed title is read as: the store's role with the same letters (`bí thư`, `Bi
/// thu`: `Bí thư`), or as typed when none (the query then answers no rows).
fn role(typed: &str, roles: &[String]) -> Result<String> {
    if roles.iter().any(|r| r == typed) {
        return Ok(typed.to_string());
    }
    let key = crate::normalize::key(typed);
    if let Some(r) = roles.iter().find(|r| crate::normalize::key(r) == key) {
        return Ok(r.clone());
    }
    let folded = fold(typed);
    let same: Vec<&String> = roles.iter().filter(|r| fold(r) == folded).collect();
    match same.as_slice() {
        [] => Ok(typed.to_string()),
        [one] => Ok((*one).clone()),
        many => Err(Error::Ambiguous {
            what: "--param role".into(),
            typed: typed.to_string(),
            candidates: many.iter().map(|r| format!("\n  {r}")).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_read_whatever_its_case_and_marks() {
        let roles = ["Bí thư", "Phó Bí thư", "Chủ tịch"].map(String::from);
        assert_eq!(role("bí thư", &roles).unwrap(), "Bí thư");
        assert_eq!(role("BI THU", &roles).unwrap(), "Bí thư");
        assert_eq!(role("Chủ tịch", &roles).unwrap(), "Chủ tịch");
        // Nothing alike: as typed.
        assert_eq!(role("Giám đốc", &roles).unwrap(), "Giám đốc");
        // Two roles of the same letters (`Bí thư`, `Bị thư`): which one is asked.
        let both = ["Bí thư", "Bị thư"].map(String::from);
        assert!(matches!(
            role("bi thu", &both),
            Err(Error::Ambiguous { .. })
        ));
        assert_eq!(role("bị thư", &both).unwrap(), "Bị thư");
    }
}
