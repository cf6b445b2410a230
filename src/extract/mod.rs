//! Rule-based extractors (EXTRACTION.md §3-7), one module per kind. They read a normalised
//! [`Text`] as tokens and return [`Facts`], each with the byte span of its evidence and the id of
//! the rule that found it.

pub mod abroad;
pub mod context;
pub mod date;
pub mod document;
pub mod event;
pub mod gazetteer;
pub mod lexicon;
pub mod locality;
pub mod office;
pub mod organization;
pub mod person;
pub mod token;
pub mod trace;
pub mod when;

use crate::normalize::Text;
use crate::read::meta::Meta;
use crate::regex;
pub use context::Context;
pub use lexicon::BodyKind;
use std::ops::Range;
pub use token::{Tok, Tokens};

/// A person named in the body of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFact {
    pub name: String,
    pub span: Range<usize>,
    pub rule: &'static str,
}

/// An organization, resolved to its canonical name, with its parent chain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Org {
    pub name: String,
    pub kind: BodyKind,
    pub parent: Option<Box<Org>>,
    /// The administrative unit the body belongs to, if any (gazetteer index).
    pub unit: Option<usize>,
    /// Not written, only implied (the `Đảng ủy` of an agency whose standing committee is named):
    /// a parent in the graph, not a mention.
    pub implied: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrgFact {
    pub org: Org,
    pub span: Range<usize>,
    pub rule: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OfficeFact {
    pub person: String,
    pub role: String,
    pub org: Org,
    pub former: bool,
    /// When the text says the post was taken and left (EXTRACTION.md §4 "When"), by
    /// [`when::extract`], with the id of the rule that read it.
    pub since: Option<when::Partial>,
    pub until: Option<when::Partial>,
    pub time_rule: Option<&'static str>,
    pub span: Range<usize>,
    pub rule: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LocalityFact {
    /// Gazetteer index.
    pub unit: usize,
    pub name: String,
    pub span: Range<usize>,
    pub rule: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentFact {
    pub doc_type: String,
    pub id: String,
    pub date: Option<chrono::NaiveDate>,
    pub issuer: Option<Org>,
    pub title: Option<String>,
    pub span: Range<usize>,
    pub rule: &'static str,
    /// Byte offset where what follows the number starts (its date, `của` and the issuer).
    pub tail: usize,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub persons: Vec<PersonFact>,
    pub offices: Vec<OfficeFact>,
    pub organizations: Vec<OrgFact>,
    pub localities: Vec<LocalityFact>,
    pub documents: Vec<DocumentFact>,
    pub events: Vec<event::EventFact>,
    /// The article's main locality, the anchor of context resolution.
    pub main_unit: Option<usize>,
    /// What the office extractor did with each role word it read (for `polgraph explain`).
    pub notes: Vec<trace::Note>,
}

/// Runs every extractor over an article: every mention, as found (see [`crate::resolve`] for
/// one fact per entity).
pub fn extract(text: &Text, meta: &Meta) -> Facts {
    let toks = Tokens::new(&text.text, &meta.skip);
    let mut facts = Facts::default();
    // Documents first: their quoted titles are not read for bodies, places or people.
    let titles = document::extract(&text.text, &toks, &mut facts);
    facts.notes.extend(titles.iter().map(|t| trace::Note {
        span: t.clone(),
        outcome: trace::Outcome::InTitle,
    }));
    let toks = toks.without(&titles);
    let units = locality::mentions(&toks);
    let ctx = Context::new(&toks, &units, meta.title.as_deref());
    facts.main_unit = ctx.main;
    document::issuers(&toks, &ctx, &mut facts);
    let mut taken = office::extract(&toks, &ctx, &mut facts);
    when::extract(&text.text, meta.date, &mut facts);
    abroad::extract(&toks, &ctx, &mut facts);
    organization::extract(&toks, &ctx, &mut facts, &mut taken);
    person::extract(&toks, &mut facts, &taken);
    locality::extract(&toks, &ctx, &units, &mut facts);
    let dates = date::dates(&text.text, meta.date);
    facts.events = event::extract(&toks, &ctx, &dates, &facts);
    drop_cut(&text.text, &mut facts);
    facts
}

/// Where the headline is cut short by the site (`Tổng Bí thư Tô Lâm trao Huân chương Hồ Chí Minh
/// tặng ông Đinh ...`, `... - Báo Công an ...`): from its last word, which may be cut too, to the
/// end of the line; `None` for a headline written whole.
fn cut_headline(text: &str) -> Option<Range<usize>> {
    let start = text.len() - text.trim_start().len();
    let line = &text[start..start + text[start..].find('\n').unwrap_or(text.len() - start)];
    let c = regex!(r"(\S+)[ \t]+(?:\.\.\.|…)[ \t]*$").captures(line)?;
    Some(start + c.get(1)?.start()..start + c.get(0)?.end())
}

/// Drops what the extractors read into a headline's cut end (see [`cut_headline`]): `Báo Công`
/// of `Báo Công an ...`, an event `Hội nghị Quân ủy Trung`, a post at `Viện Kiểm sát nhân`.
fn drop_cut(text: &str, facts: &mut Facts) {
    let Some(cut) = cut_headline(text) else {
        return;
    };
    let keep = |s: &Range<usize>| s.end <= cut.start || s.start >= cut.end;
    facts.persons.retain(|x| keep(&x.span));
    facts.offices.retain(|x| keep(&x.span));
    facts.organizations.retain(|x| keep(&x.span));
    facts.localities.retain(|x| keep(&x.span));
    facts.documents.retain(|x| keep(&x.span));
    facts.events.retain(|x| keep(&x.span));
}

/// The normalised texts of the example articles (`examples/articles`), in the folder's order:
/// what the tests of a rule's faster path read against its former one.
#[cfg(test)]
pub(crate) fn example_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    std::fs::read_dir(dir)
        .expect("examples/articles")
        .map(|entry| {
            let raw = std::fs::read_to_string(entry.expect("an example").path()).expect("text");
            Text::new(&raw).text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Facts {
        let text = Text::new(text);
        let meta = crate::read::meta::read(&text);
        extract(&text, &meta)
    }

    #[test]
    fn what_runs_into_a_headline_cut_short_is_dropped() {
        let f = facts(
            "Ông Nguyễn Huy Tiến giữ chức Viện trưởng Viện Kiểm sát nhân ...\n\n\
             Ông Nguyễn Huy Tiến giữ chức Viện trưởng Viện Kiểm sát nhân dân tối cao.",
        );
        // The body's post, whole; none at the headline's `Viện Kiểm sát nhân`.
        let orgs: Vec<&str> = f.offices.iter().map(|o| o.org.name.as_str()).collect();
        assert_eq!(orgs, ["Viện Kiểm sát nhân dân tối cao"]);
        assert!(f.offices.iter().all(|o| o.span.start > 60));
        // A headline written whole keeps what it says; `...` inside the body is no cut.
        let f = facts(
            "Ông Nguyễn Văn A giữ chức Giám đốc Sở Nội vụ tỉnh Hải Dương\n\nĐoàn đi Hà Nội, Hải Phòng ...",
        );
        assert_eq!(cut_headline("Báo Công an ...\n\nVăn bản"), Some(11..17));
        assert_eq!(f.offices.len(), 1, "{:?}", f.offices);
        assert!(f.localities.iter().any(|l| l.name == "thành phố Hải Phòng"));
    }
}
