//! The article's context (EXTRACTION.md §5): its main locality, and the units near a mention.
//! An unqualified local body (`Tỉnh ủy`, `UBND huyện`) is the one of the nearest place whose
//! chain of parents has a unit at the body's level.

use super::locality::{level_at, UnitMention};
use super::organization::{parse, Parsed};
use super::Tokens;
use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::lexicon::{BodyClass, BODY};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

pub struct Context {
    pub main: Option<usize>,
    mentions: Vec<UnitMention>,
    /// Token ranges of the sentences.
    sentences: Vec<Range<usize>>,
    /// Bodies written with their level (`Tỉnh ủy`, `UBND tỉnh`): token index and level.
    body_levels: Vec<(usize, String)>,
    /// Named bodies written in full (`Học viện Ngân hàng`), by head (`Học viện`), in text order.
    named: Vec<(String, Parsed)>,
}

impl Context {
    pub fn new(toks: &Tokens, mentions: &[UnitMention], title: Option<&str>) -> Context {
        // The main locality: most named (the headline counts double), then the most specific.
        let mut score: HashMap<usize, (u32, usize)> = HashMap::default();
        for m in mentions {
            let in_title = title.is_some_and(|t| {
                let words = toks.words(m.toks.start, m.toks.end);
                t.contains(&words)
            });
            let e = score.entry(m.unit).or_insert((0, G.chain(m.unit).len()));
            e.0 += if in_title { 3 } else { 1 };
        }
        let main = score
            .iter()
            .max_by_key(|(u, (s, depth))| (*s, *depth, std::cmp::Reverse(**u)))
            .map(|(u, _)| *u);
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, t) in toks.toks.iter().enumerate() {
            if t.ends_sentence() {
                sentences.push(start..i + 1);
                start = i + 1;
            }
        }
        sentences.push(start..toks.len());
        let mut body_levels = Vec::new();
        let mut named = Vec::new();
        for i in 0..toks.len() {
            if let Some((body, e)) = toks.longest(&BODY, i) {
                if body.class == BodyClass::Named {
                    if let Some(mut p) = parse(toks, i, false).filter(|p| !p.bare) {
                        // `Trường Đại học Luật - Đại học Quốc gia Hà Nội`, `Vụ X, Bộ Tài chính`.
                        if p.parent.is_none()
                            && p.unit.is_none()
                            && toks.is_punct(p.end, &["-", "–", ","])
                        {
                            // `Quân khu 2, Quân khu 3`: a body of the same head is a sibling.
                            if let Some(parent) = parse(toks, p.end + 1, false).filter(|q| {
                                matches!(
                                    q.class,
                                    BodyClass::Named | BodyClass::Central | BodyClass::Sector
                                ) && !q.head.starts_with(&body.canonical)
                            }) {
                                p.parent = Some(Box::new(parent));
                            }
                        }
                        named.push((body.canonical.clone(), p));
                    }
                }
                // A national body whose name opens with a named head (`Ban Chỉ đạo liên ngành
                // Trung ương về an toàn thực phẩm`): what `Ban Chỉ đạo` alone later refers to.
                if body.class == BodyClass::Central {
                    let words: Vec<&str> = body.canonical.split(' ').collect();
                    let head = (1..words.len()).rev().find_map(|n| {
                        let h = words[..n].join(" ");
                        BODY.get(&crate::normalize::key(&h))
                            .filter(|b| b.class == BodyClass::Named)
                            .map(|b| b.canonical.clone())
                    });
                    if let (Some(h), Some(p)) = (head, parse(toks, i, false)) {
                        named.push((h, p));
                    }
                }
                match body.class {
                    BodyClass::Committee(lv) => body_levels.push((i, lv.to_string())),
                    BodyClass::Local | BodyClass::Sub => {
                        if let Some((lv, _)) = level_at(toks, e) {
                            body_levels.push((i, lv));
                        }
                    }
                    _ => {}
                }
            }
        }
        Context {
            main,
            mentions: {
                // In text order (as found, already; stable, so that equals keep their order).
                let mut ms = mentions.to_vec();
                ms.sort_by_key(|m| m.toks.start);
                ms
            },
            sentences,
            body_levels,
            named,
        }
    }

    /// The parent the article gives a named body elsewhere (`Trường Đại học Luật - Đại học Quốc
    /// gia Hà Nội`), for a mention written without it; the most frequent, `None` on a tie.
    pub fn parent_of(&self, name: &str) -> Option<&Parsed> {
        most_often(
            self.named
                .iter()
                .filter(|(_, p)| p.head == name)
                .filter_map(|(_, p)| p.parent.as_deref())
                // A body is not its own parent (`Trường A - Trường A`).
                .filter(|pp| pp.head != name),
        )
    }

    /// The body of a named head (`Học viện`) the article names in full most often (a truncated
    /// headline may name it cut short); `None` when it names none, or two as often.
    pub fn named(&self, head: &str) -> Option<&Parsed> {
        most_often(self.named.iter().filter(|(h, _)| h == head).map(|(_, p)| p))
    }

    /// Units to look through for a body at token `at` inside the item `item`: those named in the
    /// item, then in the sentence (the following ones first, nearest first), then the main one.
    fn near(&self, item: &Range<usize>, at: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.mentions_in(item).iter().map(|m| m.unit).collect();
        if let Some(s) = self.sentence_of(at) {
            let mut after: Vec<&UnitMention> =
                self.mentions_in(&(at.max(s.start)..s.end)).iter().collect();
            after.sort_by_key(|m| m.toks.start);
            let mut before: Vec<&UnitMention> =
                self.mentions_in(&(s.start..at.min(s.end))).iter().collect();
            before.sort_by_key(|m| std::cmp::Reverse(m.toks.start));
            out.extend(after.iter().chain(before.iter()).map(|m| m.unit));
        }
        out.extend(self.main);
        out
    }

    /// The mentions that start inside the token range `r`. Mentions and sentences are kept in
    /// text order, so that these look-ups are binary searches: a scan of every mention for every
    /// body made a long article quadratic (issue 27).
    fn mentions_in(&self, r: &Range<usize>) -> &[UnitMention] {
        let lo = self.mentions.partition_point(|m| m.toks.start < r.start);
        let hi = self.mentions.partition_point(|m| m.toks.start < r.end);
        &self.mentions[lo..hi.max(lo)]
    }

    /// The sentence holding token `at`, if any.
    fn sentence_of(&self, at: usize) -> Option<&Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.contains(&at))
    }

    /// The token range of the sentence holding token `at` (its closing punctuation included).
    pub fn sentence(&self, at: usize) -> Range<usize> {
        self.sentence_of(at).cloned().unwrap_or(at..at + 1)
    }

    /// The unit at `level` for a body written without its place.
    pub fn resolve(&self, level: &str, item: &Range<usize>, at: usize) -> Option<usize> {
        let near = self.near(item, at);
        near.iter()
            .find_map(|&u| G.chain(u).into_iter().find(|&v| G.at_level(v, level)))
            .or_else(|| {
                // No unit at that level: one of a district's rank (`Huyện ủy` of a thị xã
                // that was a huyện when the article was written).
                near.iter()
                    .find_map(|&u| G.chain(u).into_iter().find(|&v| G.district_rank(v, level)))
            })
    }

    /// The unit a body's name gives (`Đảng ủy xã Tân An`: the first of the communes of that
    /// name) read as the article reads that name where it writes it as a place: a name shared
    /// by units of several provinces is the one the district or province the article names
    /// decides (`xã Tân An, huyện Càng Long`, settled by [`super::locality::mentions`]). A name
    /// the article never writes as a place, or writes as one unit only, stays as it is.
    pub fn settle(&self, u: usize) -> usize {
        let (name, level) = (&G.units[u].name, &G.units[u].level);
        self.mentions
            .iter()
            .find(|m| {
                m.cands.len() > 1
                    && m.cands.contains(&u)
                    && G.units[m.unit].name == *name
                    && G.units[m.unit].level == *level
            })
            .map_or(u, |m| m.unit)
    }

    /// The unit of a body written with no level word (`Ban cán sự đảng UBND`): the place named
    /// in the item; else the level of the nearest body of the sentence written with one (`Ban
    /// Thường vụ Tỉnh ủy đã chỉ đạo Ban cán sự đảng UBND` is the province's); else the article's
    /// main locality.
    pub fn default_unit(&self, item: &Range<usize>, at: usize) -> Option<usize> {
        if let Some(m) = self.mentions_in(item).first() {
            return Some(m.unit);
        }
        let in_sentence: &[(usize, String)] = match self.sentence_of(at) {
            Some(s) => {
                let lo = self.body_levels.partition_point(|(i, _)| *i < s.start);
                let hi = self.body_levels.partition_point(|(i, _)| *i < s.end);
                &self.body_levels[lo..hi.max(lo)]
            }
            None => &[],
        };
        let nearest = in_sentence
            .iter()
            .filter(|(i, _)| *i != at)
            .min_by_key(|(i, _)| i.abs_diff(at));
        if let Some((_, lv)) = nearest {
            if let Some(u) = self.resolve(lv, item, at) {
                return Some(u);
            }
        }
        self.main
    }
}

/// The body named most often among `bodies` (by name), `None` when none is or two tie.
fn most_often<'a>(bodies: impl Iterator<Item = &'a Parsed>) -> Option<&'a Parsed> {
    let mut count: Vec<(&Parsed, usize)> = Vec::new();
    for p in bodies {
        match count.iter_mut().find(|(q, _)| q.head == p.head) {
            Some(c) => c.1 += 1,
            None => count.push((p, 1)),
        }
    }
    let best = count.iter().map(|c| c.1).max()?;
    let mut top = count.iter().filter(|c| c.1 == best);
    let first = top.next()?;
    top.next().is_none().then_some(first.0)
}
