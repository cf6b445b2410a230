//! IRI minting, in one place: deterministic IRIs from canonical keys (an ASCII slug of the
//! Vietnamese name, with a scope where names alone would merge different things).

use super::vocab::ID;

pub use crate::normalize::slug;

/// What [`escape`] keeps: the unreserved characters of RFC 3986.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encoding: unreserved characters kept, everything else encoded (an article id in an
/// IRI path, an IRI in a query string).
pub fn escape(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, UNRESERVED).to_string()
}

/// The inverse of `escape`.
pub fn unescape(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// The identity of a name in an IRI: its slug, readable, and where the slug drops what tells
/// names apart (a tone or a vowel mark: `Hải` and `Hài`, `Văn` and `Vân`, `xã Tân Hòa` and `xã
/// Tân Hóa`), six hex digits of the MD5 of its key (NFC, canonical tone marks, lower case), so
/// that names that differ by a tone never share an IRI and names that differ by case or tone
/// placement always do.
pub fn ident(name: &str) -> String {
    // The same names come back in an article and across articles (a person's name in each
    // holding, a body's in each post): each thread keeps the identities it made, up to a bound,
    // where making one (slug, key, MD5) took some 4,000 instructions.
    const KEPT: usize = 1 << 16;
    thread_local! {
        static MADE: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Box<str>>> =
            std::cell::RefCell::default();
    }
    MADE.with_borrow_mut(|made| {
        if let Some(id) = made.get(name) {
            return id.to_string();
        }
        let id = make_ident(name);
        if made.len() >= KEPT {
            made.clear();
        }
        made.insert(name.into(), id.as_str().into());
        id
    })
}

/// [`ident`], made.
fn make_ident(name: &str) -> String {
    use md5::{Digest, Md5};
    let s = slug(name);
    let key = crate::normalize::key(name);
    // Nothing lost: ASCII letters, digits and separators only.
    if key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || !c.is_alphanumeric())
    {
        return s;
    }
    let digest = Md5::digest(key.as_bytes());
    format!("{s}-{:02x}{:02x}{:02x}", digest[0], digest[1], digest[2])
}

pub fn article(id: &str) -> String {
    format!("{ID}article/{}", escape(id))
}
/// A person: the name, scoped by the province their posts are in (`vn` for central posts), so
/// that two people of one name in different provinces never merge.
pub fn person(name: &str, scope: &str) -> String {
    format!("{ID}person/{}/{}", scope, ident(name))
}
pub fn organization(name: &str) -> String {
    format!("{ID}org/{}", ident(name))
}
pub fn place(unit_id: &str) -> String {
    format!("{ID}place/{unit_id}")
}
pub fn role(role: &str) -> String {
    format!("{ID}role/{}", slug(role))
}
pub fn post(role: &str, org: &str) -> String {
    format!("{ID}post/{}/{}", ident(org), slug(role))
}
/// A document: type and number, scoped by its issuer's province for local symbols (`25-KH/TU`
/// exists in every province), and by its year where the number alone does not say it
/// (`Nghị quyết 18-NQ/TW` of 2017 and of 2022 are two resolutions; see [`crate::rdf`]).
pub fn document(doc_type: &str, id: &str, scope: &str, year: Option<i32>) -> String {
    match year {
        Some(y) => format!(
            "{ID}document/{}/{}/{}/{y}",
            scope,
            slug(doc_type),
            ident(id)
        ),
        None => format!("{ID}document/{}/{}/{}", scope, slug(doc_type), ident(id)),
    }
}
/// An event of an article: its type and its place among the article's events.
pub fn event(article_id: &str, n: usize, event_type: &str) -> String {
    format!(
        "{ID}event/{}/{}-{}",
        escape(article_id),
        n + 1,
        slug(event_type)
    )
}
/// A character span of a resource's text, as an RFC 5147 fragment: `IRI#char=S,E` (start and end
/// in characters, the end excluded). A statement's span is in its IRI, read back in SPARQL with
/// `STRBEFORE(STRAFTER(STR(?m), "#char="), ",")` and `STRAFTER(STRAFTER(STR(?m), "#char="), ",")`;
/// a sentence is the article's IRI with the sentence's span.
pub fn span(iri: &str, start: usize, end: usize) -> String {
    format!("{iri}#char={start},{end}")
}
/// A mention: the article, the kind and the entity it refers to (one span may name a body and,
/// implied, its parents), and the span in the article's text ([`span`]).
pub fn mention(article_id: &str, kind: &str, start: usize, end: usize, entity: &str) -> String {
    let entity = slug(entity.strip_prefix(ID).unwrap_or(entity));
    span(
        &format!("{ID}mention/{}/{kind}/{entity}", escape(article_id)),
        start,
        end,
    )
}
/// A tenure: a person's holding of a post, across the articles that state it (see
/// [`crate::rdf::tenure`]); minted from the person's and the post's IRIs. A former holding ("nguyên
/// Bí thư") is a tenure of its own, `…/id/former-tenure/…`, beside the current one.
pub fn tenure(person: &str, post: &str, former: bool) -> String {
    let rest = |s: &str, kind: &str| -> String {
        s.strip_prefix(ID)
            .and_then(|s| s.strip_prefix(kind))
            .unwrap_or(s)
            .to_string()
    };
    format!(
        "{ID}{}/{}/{}",
        if former { "former-tenure" } else { "tenure" },
        rest(person, "person/"),
        rest(post, "post/")
    )
}
/// The graph of the links between people of different IRIs (see [`crate::rdf::identity`]).
pub fn identity_graph() -> String {
    format!("{ID}graph/identity")
}
/// The graph of the tenures, beside the article graphs.
pub fn tenures_graph() -> String {
    format!("{ID}graph/tenures")
}
/// The graph of the descriptions the article graphs share, written once beside them (see
/// [`crate::rdf::described`]): the administrative units the articles name.
pub fn descriptions_graph() -> String {
    format!("{ID}graph/descriptions")
}
/// The prefix of every unit's IRI ([`place`]).
pub fn place_prefix() -> String {
    format!("{ID}place/")
}
/// A post held, as an article states it: the article, the person, the body and the role, and the
/// span of the words that state it ([`span`]).
pub fn holding(
    article_id: &str,
    person: &str,
    role: &str,
    org: &str,
    (start, end): (usize, usize),
) -> String {
    span(
        &format!(
            "{ID}holding/{}/{}/{}/{}",
            escape(article_id),
            ident(person),
            ident(org),
            slug(role)
        ),
        start,
        end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_kept_is_the_one_made_again() {
        let names = [
            "Nguyễn Văn Hải",
            "Nguyễn Văn Hài",
            "Hoà Bình",
            "Hòa Bình",
            "UBND",
            "x",
        ];
        for round in 0..3 {
            for name in names {
                assert_eq!(ident(name), make_ident(name), "{name}, round {round}");
            }
        }
        // Past the bound the kept ones go, and come back the same.
        for i in 0..(1 << 16) + 10 {
            ident(&format!("tên {i}"));
        }
        assert_eq!(ident("Nguyễn Văn Hải"), make_ident("Nguyễn Văn Hải"));
        assert_ne!(ident("Nguyễn Văn Hải"), ident("Nguyễn Văn Hài"));
    }

    #[test]
    fn names_that_differ_by_a_tone_are_different_iris() {
        assert_ne!(
            person("Nguyễn Văn Hải", "ha-tinh"),
            person("Nguyễn Văn Hài", "ha-tinh")
        );
        assert_ne!(person("Lê Văn Hải", "vn"), person("Lê Vân Hải", "vn"));
        assert_ne!(
            organization("Ủy ban nhân dân xã Tân Hòa"),
            organization("Ủy ban nhân dân xã Tân Hóa")
        );
        // Tone placement, normalisation form and case are the same name.
        assert_eq!(
            organization("Ủy ban nhân dân xã Tân Hòa"),
            organization("Uỷ ban nhân dân xã Tân Hoà")
        );
        assert_eq!(
            person("NGUYỄN VĂN HẢI", "vn"),
            person("Nguyễn Văn Hải", "vn")
        );
        let nfd: String =
            unicode_normalization::UnicodeNormalization::nfd("Nguyễn Văn Hải").collect();
        assert_eq!(person(&nfd, "vn"), person("Nguyễn Văn Hải", "vn"));
        // The slug stays readable; a plain ASCII name keeps it alone.
        assert!(
            person("Nguyễn Văn Hải", "vn").starts_with(&format!("{ID}person/vn/nguyen-van-hai-"))
        );
        assert_eq!(organization("VTV"), format!("{ID}org/vtv"));
    }

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(slug("Tỉnh ủy Hà Tĩnh"), "tinh-uy-ha-tinh");
        assert_eq!(slug("Tỉnh uỷ  Hà Tĩnh"), "tinh-uy-ha-tinh");
        assert_eq!(slug("25-KH/TU"), "25-kh-tu");
        assert_eq!(
            article("a b/é"),
            "https://w3id.org/polgraph/id/article/a%20b%2F%C3%A9"
        );
        assert_eq!(
            mention("seed 1", "person", 3, 17, &person("Nguyễn Văn Hải", "ha-tinh")),
            "https://w3id.org/polgraph/id/mention/seed%201/person/person-ha-tinh-nguyen-van-hai-2714b1#char=3,17"
        );
        assert_eq!(
            span(&article("seed001"), 0, 42),
            "https://w3id.org/polgraph/id/article/seed001#char=0,42"
        );
        let (hai, secretary) = (
            person("Nguyễn Văn Hải", "ha-tinh"),
            post("Bí thư", "Thị ủy Hồng Lĩnh"),
        );
        assert_eq!(
            tenure(&hai, &secretary, false),
            "https://w3id.org/polgraph/id/tenure/ha-tinh/nguyen-van-hai-2714b1/thi-uy-hong-linh-655c54/bi-thu"
        );
        assert_eq!(
            tenure(&hai, &secretary, true),
            "https://w3id.org/polgraph/id/former-tenure/ha-tinh/nguyen-van-hai-2714b1/thi-uy-hong-linh-655c54/bi-thu"
        );
    }
}
