//! Resolution, after extraction: an article's facts made canonical (one fact per entity, see
//! [`canonical`]) and the identity of its entities across articles (the scope a person or a
//! document is minted in, see [`scope`]). The RDF mapping reads a [`Resolved`] article.

pub mod canonical;
pub mod scope;

use crate::extract::Facts;
pub use scope::Scopes;

/// An article's facts, one per entity, with the scopes of their identities.
pub struct Resolved {
    pub facts: Facts,
    pub scopes: Scopes,
}

/// Resolves the facts of one article.
pub fn resolve(mut facts: Facts) -> Resolved {
    canonical::merge(&mut facts);
    let scopes = Scopes::of(&facts);
    Resolved { facts, scopes }
}
