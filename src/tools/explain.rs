//! `polgraph explain`: every role word of an article (a surface of `data/lexicon/roles.tsv`, any
//! case) with what extraction did with it: an office, or why not. The reasons are the office
//! extractor's own notes ([`crate::extract::trace`]) and the spans the other extractors read
//! (a document's quoted title, a body's name), not a second reading of the text.

use crate::extract::lexicon::ROLE;
use crate::extract::office;
use crate::extract::trace::Outcome;
use crate::extract::{self, Facts, Tokens};
use crate::pipeline;
use crate::read::Article;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// What became of a role mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Turned into an office.
    Office,
    /// Part of the name of a body (of an office, or one the organization extractor read).
    InBody,
    /// A body written that the article's context cannot place or name in full.
    Unresolved,
    /// A post with no body after it and none implied by the role.
    NoBody,
    /// A post after `các`/`những` with no list of names after it.
    Plural,
    /// A post read with no person attached, whose holder the article named before.
    HolderNamed,
    /// A post read with no person attached.
    NoPerson,
    /// Inside a document's quoted title, which no extractor reads.
    InTitle,
    /// No rule read a post starting at it.
    NotRead,
}

impl Reason {
    pub const ALL: [Reason; 9] = [
        Reason::Office,
        Reason::InBody,
        Reason::Unresolved,
        Reason::NoBody,
        Reason::Plural,
        Reason::HolderNamed,
        Reason::NoPerson,
        Reason::InTitle,
        Reason::NotRead,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Reason::Office => "office",
            Reason::InBody => "in-body-name",
            Reason::Unresolved => "body-unresolved",
            Reason::NoBody => "no-body",
            Reason::Plural => "plural",
            Reason::HolderNamed => "holder-named-before",
            Reason::NoPerson => "no-person",
            Reason::InTitle => "in-title",
            Reason::NotRead => "not-read",
        }
    }

    /// What a newcomer reads beside the label.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Office => "turned into an office",
            Reason::InBody => "part of a body's name",
            Reason::Unresolved => "a body the context cannot place (`UBND tỉnh`, a head alone)",
            Reason::NoBody => "a post without a body, none implied by the role",
            Reason::Plural => "generic or plural (`các phó chủ tịch`) with no names after it",
            Reason::HolderNamed => "refers to the holder named before",
            Reason::NoPerson => "a post read, no person attached",
            Reason::InTitle => "inside a document's quoted title",
            Reason::NotRead => "no rule read a post there",
        }
    }
}

/// One role word of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// As written.
    pub written: String,
    /// The canonical role.
    pub role: String,
    /// The word before it, in lower case (`các`, `chức`, `nguyên`), empty at a sentence start.
    pub before: String,
    /// Byte span in the normalised text.
    pub span: Range<usize>,
    /// The sentence holding it.
    pub sentence: String,
    pub reason: Reason,
}

/// One article's role mentions and the coverage of its people.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    pub doc: String,
    pub mentions: Vec<Mention>,
    /// Distinct people found (named, with or without a post).
    pub people: usize,
    /// Of those, the people with at least one post.
    pub with_post: usize,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The reason for the mention at token `i` (bytes `span`), from what the extractors left in
/// `facts`; where they left nothing, whether the post parser finds a body there.
fn reason(facts: &Facts, toks: &Tokens, i: usize, span: &Range<usize>) -> Reason {
    let notes: BTreeSet<Outcome> = facts
        .notes
        .iter()
        .filter(|n| overlaps(&n.span, span))
        .map(|n| n.outcome)
        .collect();
    if notes.contains(&Outcome::Office) {
        return Reason::Office;
    }
    // A role word that starts inside a body's name the extractors read (`Đoàn đại biểu Quốc
    // hội`, `Thường trực Tỉnh ủy`, `Ban Bí thư`) is that name's; a body after the role word
    // (`Ủy viên Trung ương Đảng`) does not make it so.
    let in_body = facts
        .organizations
        .iter()
        .filter(|o| o.rule.starts_with("organization."))
        .map(|o| &o.span)
        .chain(
            facts
                .notes
                .iter()
                .filter(|n| n.outcome == Outcome::BodyOfOffice)
                .map(|n| &n.span),
        )
        .any(|b| b.contains(&span.start));
    if in_body {
        return Reason::InBody;
    }
    // The most telling outcome first: how far the office extractor got with it.
    let order = [
        (Outcome::Unresolved, Reason::Unresolved),
        (Outcome::NoBody, Reason::NoBody),
        (Outcome::Plural, Reason::Plural),
        (Outcome::HolderNamed, Reason::HolderNamed),
        (Outcome::NoPerson, Reason::NoPerson),
        (Outcome::InTitle, Reason::InTitle),
    ];
    for (o, r) in order {
        if notes.contains(&o) {
            return r;
        }
    }
    if office::bodiless(toks, i) {
        Reason::NoBody
    } else {
        Reason::NotRead
    }
}

/// At most `reach` bytes of `s` on either side of `at`, cut at character boundaries.
fn clip(s: &str, at: Range<usize>, reach: usize) -> String {
    let mut a = at.start.saturating_sub(reach);
    while !s.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at.end + reach).min(s.len());
    while !s.is_char_boundary(b) {
        b += 1;
    }
    let mut out = String::new();
    if a > 0 {
        out.push('…');
    }
    out.push_str(&s[a..b]);
    if b < s.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every role word of `article`, with what extraction did with it, and its people's coverage.
pub fn explain(article: &Article) -> Explained {
    let (text, meta) = pipeline::prepare(article);
    let facts = extract::extract(&text, &meta);
    let toks = Tokens::new(&text.text, &[]);
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((role, k)) = toks.longest(&ROLE, i) else {
            i += 1;
            continue;
        };
        let span = toks.span(i, k);
        let before = match i.checked_sub(1).and_then(|b| toks.get(b)) {
            Some(t) if t.word => t.key().to_string(),
            _ => String::new(),
        };
        let s = text.sentence(&span);
        let sentence = clip(
            &text.text[s.clone()],
            span.start - s.start..span.end - s.start,
            160,
        );
        mentions.push(Mention {
            written: toks.words(i, k),
            role: role.role.clone(),
            before,
            reason: reason(&facts, &toks, i, &span),
            span,
            sentence,
        });
        i = k;
    }
    let (people, with_post) = coverage(&crate::resolve::resolve(facts).facts);
    Explained {
        doc: article.id.clone(),
        mentions,
        people,
        with_post,
    }
}

/// The people of an article's facts, and how many of them hold a post (former ones included).
pub fn coverage(facts: &Facts) -> (usize, usize) {
    let key = crate::normalize::key;
    let posted: BTreeSet<String> = facts.offices.iter().map(|o| key(&o.person)).collect();
    let mut people: BTreeSet<String> = facts.persons.iter().map(|p| key(&p.name)).collect();
    people.extend(posted.iter().cloned());
    (people.len(), posted.len())
}

/// A corpus's counts: articles, people, people with a post, mentions by reason, and the
/// unclaimed mentions grouped by class (reason, the word before, the role as written in lower
/// case), largest first; a role word inside a body's name is counted but is no class.
#[derive(Debug, Default)]
pub struct Summary {
    pub articles: usize,
    pub people: usize,
    pub with_post: usize,
    pub by_reason: BTreeMap<Reason, usize>,
    pub classes: Vec<Class>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub reason: Reason,
    pub before: String,
    pub role: String,
    pub count: usize,
    /// The first examples met: (article, sentence).
    pub examples: Vec<(String, String)>,
}

impl Summary {
    pub fn of(all: &[Explained], examples: usize) -> Summary {
        let mut s = Summary {
            articles: all.len(),
            ..Summary::default()
        };
        let mut classes: BTreeMap<(Reason, String, String), Class> = BTreeMap::new();
        for e in all {
            s.people += e.people;
            s.with_post += e.with_post;
            for m in &e.mentions {
                *s.by_reason.entry(m.reason).or_default() += 1;
                // A role word inside a body's name (`Ban Bí thư`) is no post lost.
                if matches!(m.reason, Reason::Office | Reason::InBody) {
                    continue;
                }
                let role = crate::normalize::key(&m.written);
                let c = classes
                    .entry((m.reason, m.before.clone(), role.clone()))
                    .or_insert_with(|| Class {
                        reason: m.reason,
                        before: m.before.clone(),
                        role,
                        count: 0,
                        examples: Vec::new(),
                    });
                c.count += 1;
                if c.examples.len() < examples {
                    c.examples.push((e.doc.clone(), m.sentence.clone()));
                }
            }
        }
        s.classes = classes.into_values().collect();
        // Largest first; ties in key order, so that the output is the same on every run.
        s.classes.sort_by_key(|c| std::cmp::Reverse(c.count));
        s
    }

    /// The share of people found who get a post.
    pub fn coverage(&self) -> f64 {
        if self.people == 0 {
            0.0
        } else {
            self.with_post as f64 / self.people as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::of_text("t", text)
    }

    fn reasons(text: &str) -> Vec<(String, &'static str)> {
        explain(&article(text))
            .mentions
            .into_iter()
            .map(|m| (m.written, m.reason.label()))
            .collect()
    }

    fn pairs(p: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        p.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    #[test]
    fn an_office_and_its_body() {
        let e = explain(&article(
            "Dự có ông Nguyễn Văn Hải, Chủ tịch UBND huyện Kim Thành, tỉnh Hải Dương.",
        ));
        assert_eq!(
            e.mentions
                .iter()
                .map(|m| (m.written.as_str(), m.reason))
                .collect::<Vec<_>>(),
            [("Chủ tịch", Reason::Office)]
        );
        assert_eq!((e.people, e.with_post), (1, 1));
        assert!(e.mentions[0]
            .sentence
            .starts_with("Dự có ông Nguyễn Văn Hải"));
    }

    #[test]
    fn plural_without_names() {
        assert_eq!(
            reasons("Các phó chủ tịch UBND tỉnh Hải Dương dự họp."),
            pairs(&[("phó chủ tịch", "plural")])
        );
        // With a list of names after a colon, the plural heading gives each of them the post.
        assert_eq!(
            reasons("Các phó chủ tịch UBND tỉnh Hải Dương: Nguyễn Văn Hải, Trần Văn Nam."),
            pairs(&[("phó chủ tịch", "office")])
        );
    }

    #[test]
    fn no_person_no_body_unresolved() {
        // A post read, nobody named with it.
        assert_eq!(
            reasons("Chủ tịch UBND huyện Kim Thành phát biểu tại hội nghị."),
            pairs(&[("Chủ tịch", "no-person")])
        );
        // A role with no body after it.
        assert_eq!(
            reasons("ông Nguyễn Văn Hải, Giám đốc, phát biểu."),
            pairs(&[("Giám đốc", "no-body")])
        );
        // A head alone (`Học viện`) where the article names two bodies of that head.
        assert_eq!(
            reasons("Học viện Ngân hàng và Học viện Tài chính họp. Ông Trần Văn Nam - Phó Giám đốc Học viện; dự."),
            pairs(&[("Phó Giám đốc", "body-unresolved")])
        );
    }

    #[test]
    fn a_document_title_and_a_bodys_name() {
        let t = "Ban Thường vụ Tỉnh ủy ban hành Quy định số 12-QĐ/TU về “chức năng của Chủ tịch UBND xã”. Ông Nguyễn Văn Hải, Phó Trưởng đoàn Đoàn đại biểu Quốc hội tỉnh Hải Dương, dự.";
        assert_eq!(
            reasons(t),
            pairs(&[
                ("Chủ tịch", "in-title"),
                ("Phó Trưởng đoàn", "office"),
                ("đại biểu Quốc hội", "in-body-name"),
            ])
        );
        // A body after the role word does not put the role inside a body's name.
        assert_eq!(
            reasons("Năm 2016, Ủy viên Trung ương Đảng dự họp."),
            pairs(&[("Ủy viên Trung ương Đảng", "no-person")])
        );
        // A body named after a role (`Văn phòng Chủ tịch nước`): the role word inside its name
        // is no post of its own.
        assert_eq!(
            reasons("Ông Nguyễn Văn Hải, Chánh Văn phòng Chủ tịch nước, dự."),
            pairs(&[
                ("Chánh Văn phòng", "office"),
                ("Chủ tịch nước", "in-body-name")
            ])
        );
    }

    #[test]
    fn a_generic_role_word_has_no_body() {
        assert_eq!(
            reasons("Nhiều đại biểu cho rằng cần sửa luật."),
            pairs(&[("đại biểu", "no-body")])
        );
    }

    #[test]
    fn a_summary_counts_reasons_and_groups_classes() {
        let a = explain(&article("Các phó chủ tịch UBND tỉnh Hải Dương dự họp."));
        let b = explain(&article(
            "Các phó chủ tịch UBND tỉnh Bắc Ninh dự họp. Ông Nguyễn Văn Hải, Chủ tịch UBND tỉnh Bắc Ninh, dự.",
        ));
        let s = Summary::of(&[a, b], 1);
        assert_eq!(s.by_reason[&Reason::Plural], 2);
        assert_eq!(s.by_reason[&Reason::Office], 1);
        assert_eq!(s.classes[0].count, 2);
        assert_eq!(
            (s.classes[0].before.as_str(), s.classes[0].role.as_str()),
            ("các", "phó chủ tịch")
        );
        assert_eq!(s.classes[0].examples.len(), 1);
        assert_eq!((s.people, s.with_post), (1, 1));
    }
}
