//! A corpus generator for benchmarks: N synthetic articles in the forms of the dev corpus
//! (datelines, appositions with stacked posts, bodies, documents, places from the gazetteer, names
//! from the surname lexicon), deterministic by seed. The texts are made up; no real person is meant.

use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::lexicon::{rows, SURNAMES};
use crate::read::Article;

/// SplitMix64: a small, well-known generator, so that a seed gives the same corpus on every
/// platform and version (no dependency whose stream might change).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const MIDDLE: [&str; 14] = [
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Xuân", "Công", "Hồng", "Anh",
    "Thế", "Đình",
];
const GIVEN: [&str; 24] = [
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khanh", "Lâm", "Loan", "Long",
    "Minh", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trung", "Tuấn", "Vinh",
];
const TOPICS: [&str; 6] = [
    "tổng kết công tác xây dựng Đảng năm 2023",
    "sơ kết 6 tháng đầu năm",
    "triển khai nhiệm vụ phát triển kinh tế - xã hội",
    "quán triệt nghị quyết của Ban Chấp hành Trung ương",
    "đánh giá công tác cán bộ",
    "tổng kết đổi mới phương thức lãnh đạo của Đảng",
];
const DEPARTMENTS: [&str; 6] = [
    "Nội vụ",
    "Tài chính",
    "Xây dựng",
    "Kế hoạch và Đầu tư",
    "Tài nguyên và Môi trường",
    "Giáo dục và Đào tạo",
];
const DOCS: [(&str, &str); 4] = [
    ("Kế hoạch", "KH"),
    ("Nghị quyết", "NQ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
];

/// A district (huyện or thị xã) of the old gazetteer and its communes.
struct District {
    province: usize,
    unit: usize,
    communes: Vec<usize>,
}

/// Whether a unit's name reads as a name: capitalised syllables, maybe joined by a hyphen (the
/// gazetteer has a few oddities such as `Cư ELang`, which the press does not write).
fn readable(name: &str) -> bool {
    crate::extract::Tokens::new(name, &[])
        .toks
        .iter()
        .all(|t| t.is_name_syllable() || (!t.word && t.text() == "-"))
}

/// Whether no other unit of the same parent has the unit's name, and the name reads as one.
fn unique_and_readable(i: usize) -> bool {
    let g = &*G;
    let u = &g.units[i];
    g.named(&u.name)
        .iter()
        .all(|&o| o == i || g.units[o].parent != u.parent)
        && readable(&u.name)
}

/// Every district whose name no other district of its province has, with the communes whose
/// name no other commune of the district has: an article names the commune, the district and the
/// province, as the press does, so that a reader (and polgraph) can tell which unit is meant.
fn districts() -> Vec<District> {
    let g = &*G;
    let mut out: Vec<District> = Vec::new();
    let mut at = std::collections::HashMap::new();
    for (i, u) in g.units.iter().enumerate() {
        if !u.legacy || !matches!(u.level.as_str(), "huyện" | "thị xã") {
            continue;
        }
        let Some(p) = u.parent else { continue };
        if !g.is_province(p) || !unique_and_readable(i) {
            continue;
        }
        at.insert(i, out.len());
        out.push(District {
            province: p,
            unit: i,
            communes: Vec::new(),
        });
    }
    for (i, u) in g.units.iter().enumerate() {
        if !u.legacy || !matches!(u.level.as_str(), "xã" | "phường" | "thị trấn") {
            continue;
        }
        let Some(d) = u.parent.and_then(|d| at.get(&d)) else {
            continue;
        };
        if unique_and_readable(i) {
            out[*d].communes.push(i);
        }
    }
    out.retain(|d| !d.communes.is_empty());
    out
}

/// The body of a district's party committee.
fn committee(level: &str) -> &'static str {
    if level == "thị xã" {
        "Thị ủy"
    } else {
        "Huyện ủy"
    }
}

/// The party congress term a year falls in (2015-2020, 2020-2025, ...).
fn term(year: usize) -> usize {
    (year - 2015) / 5
}

/// `n` articles from `seed`, ids `gen-000001`, ...
///
/// Each article is about a commune of a district drawn at random among all the districts, and its
/// posts have the same holders throughout a party term: the Bí thư of a district is one person
/// from 2015 to 2020 and another from 2020, whatever article names them, as in real press.
pub fn corpus(n: usize, seed: u64) -> Vec<Article> {
    articles(seed).take(n).collect()
}

/// The articles of [`corpus`] one at a time, without end: `articles(seed).take(n)` are the
/// `n` of `corpus(n, seed)`, and the next ones follow them.
pub fn articles(seed: u64) -> impl Iterator<Item = Article> {
    drawn(seed).map(|(a, _)| a)
}

/// The articles of [`corpus`], each with the units it is about: province, district, commune.
fn drawn(seed: u64) -> impl Iterator<Item = (Article, [usize; 3])> {
    let g = &*G;
    let surnames: Vec<String> = rows(SURNAMES)
        .map(|r| r[0].to_string())
        .filter(|s| s.chars().count() > 1)
        .collect();
    let districts = districts();
    let mut rng = Rng::new(seed);
    (0..).map(move |k| {
        let name = |rng: &mut Rng| {
            format!(
                "{} {} {}",
                rng.pick(&surnames),
                rng.pick(&MIDDLE),
                rng.pick(&GIVEN)
            )
        };
        // The holder of a post: drawn from the seed, the unit, the post and the term alone.
        let holder = |unit: usize, post: u64, term: usize| {
            let mut r = Rng::new(
                seed ^ (unit as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                    ^ post.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
                    ^ (term as u64).wrapping_mul(0x1656_67B1_9E37_79F9),
            );
            name(&mut r)
        };
            let dist = rng.pick(&districts);
            let cu = *rng.pick(&dist.communes);
            let (pu, du) = (dist.province, dist.unit);
            let (p, pl) = (&g.units[pu].name, &g.units[pu].level);
            let (d, dl) = (&g.units[du].name, &g.units[du].level);
            let (c, cl) = (&g.units[cu].name, &g.units[cu].level);
            let cm = committee(dl);
            let (pc, pm) = if pl == "tỉnh" {
                ("Tỉnh ủy", "Tỉnh ủy viên")
            } else {
                ("Thành ủy", "Thành ủy viên")
            };
            let (day, month, year) = (1 + rng.below(28), 1 + rng.below(12), 2016 + rng.below(9));
            let t = term(year);
            let topic = rng.pick(&TOPICS);
            let dept = rng.below(DEPARTMENTS.len());
            // The Bí thư of the district, a member of its standing committee, the director of a
            // provincial department, the chairman of the district's people's committee.
            let a = holder(du, 1, t);
            let b = holder(du, 2, t);
            let c2 = holder(pu, 10 + dept as u64, t);
            let e = holder(du, 3, t);
            let (doc, sym) = rng.pick(&DOCS);
            let num = 1 + rng.below(200);
            let dept = DEPARTMENTS[dept];
            let title = format!("{} {cl} {c} {topic}", if rng.below(2) == 0 { "Đảng ủy" } else { "Hội đồng nhân dân" });
            let text = format!(
                "{title}\n\n{:02}:{:02} {day:02}/{month:02}/{year}\n\n\
                 Ngày {day}/{month}, Đảng ủy {cl} {c}, {dl} {d}, {pl} {p} tổ chức hội nghị {topic}. \
                 Dự hội nghị có đồng chí {a} - {pm}, Bí thư {cm}, Chủ tịch HĐND {dl}; \
                 đồng chí {b} - Ủy viên Ban Thường vụ {cm}, Trưởng Ban Tổ chức {cm}.\n\n\
                 Thực hiện {doc} số {num}-{sym}/TU, ngày {}/{}/{} của Ban Thường vụ {pc} {p}, \
                 Đảng ủy {cl} đã triển khai nhiều giải pháp. Theo ông {c2}, Giám đốc Sở {dept} {pl} {p}, \
                 các chỉ tiêu đều đạt. Chủ tịch UBND {dl} {d} {e} phát biểu chỉ đạo hội nghị.\n\n\
                 Phát biểu kết luận, đồng chí {a} - Bí thư {cm} {d} đề nghị các cấp ủy tiếp tục thực hiện \
                 Nghị quyết Trung ương 4 khóa XII và Chỉ thị 05-CT/TW của Bộ Chính trị.\n\n{}\n",
                7 + rng.below(10),
                rng.below(60),
                1 + rng.below(28),
                1 + rng.below(12),
                year.saturating_sub(1),
                name(&mut rng),
            );
            let article = Article {
                id: format!("gen-{:06}", k + 1),
                text,
                origin: format!("generated #{}", k + 1),
                title: None,
                date: None,
                url: None,
                source: None,
            };
            (article, [pu, du, cu])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_corpus() {
        let a = corpus(20, 7);
        assert_eq!(a.len(), 20);
        assert_eq!(a, corpus(20, 7));
        assert_ne!(a[0].text, corpus(1, 8)[0].text);
        // The articles after the first n are the rest of a larger corpus.
        let next: Vec<Article> = articles(7).skip(15).take(5).collect();
        assert_eq!(next, a[15..]);
    }

    #[test]
    fn generated_articles_read_like_the_corpus() {
        let a = &corpus(1, 1)[0];
        let p = crate::pipeline::process(a);
        assert!(p.meta.date.is_some());
        // Two people with stacked posts, a director, a chairman before his name.
        assert!(p.facts.offices.len() >= 6, "{:?}", p.facts.offices);
        assert!(p
            .facts
            .offices
            .iter()
            .any(|o| o.role == "Ủy viên" && o.org.name.starts_with("Tỉnh ủy ")));
        assert!(p.facts.documents.iter().any(|d| d.id.ends_with("/TU")));
    }

    #[test]
    fn articles_spread_over_the_districts_and_are_read_as_meant() {
        let g = &*G;
        let all = districts();
        assert!(all.len() > 400, "{} districts", all.len());
        let drawn: Vec<_> = drawn(3).take(400).collect();
        let seen: std::collections::HashSet<usize> = drawn.iter().map(|(_, u)| u[1]).collect();
        assert!(seen.len() > 200, "400 articles in {} districts", seen.len());
        for (a, [pu, du, cu]) in &drawn {
            let p = crate::pipeline::process(a);
            let committee = format!("{} {}", committee(&g.units[*du].level), g.units[*du].name);
            let bi_thu: Vec<_> = p
                .facts
                .offices
                .iter()
                .filter(|o| o.role == "Bí thư" && o.org.name == committee)
                .collect();
            assert!(!bi_thu.is_empty(), "{}: no Bí thư of {committee}", a.id);
            assert!(
                bi_thu.iter().all(|o| o.org.unit == Some(*du)),
                "{}: {committee} read as {:?}",
                a.id,
                bi_thu.iter().map(|o| o.org.unit).collect::<Vec<_>>()
            );
            for u in [pu, du, cu] {
                assert!(
                    p.facts.localities.iter().any(|l| l.unit == *u),
                    "{}: {} not found",
                    a.id,
                    g.canonical(*u)
                );
            }
        }
    }

    #[test]
    fn a_post_has_one_holder_a_term() {
        let drawn: Vec<_> = drawn(5).take(3000).collect();
        let mut holders: std::collections::HashMap<
            (usize, usize),
            std::collections::HashSet<String>,
        > = Default::default();
        for (a, [_, du, _]) in &drawn {
            let year: usize = a.text.lines().nth(2).unwrap()[12..16].parse().unwrap();
            let who = a
                .text
                .split("đồng chí ")
                .nth(1)
                .unwrap()
                .split(" - ")
                .next()
                .unwrap();
            holders
                .entry((*du, term(year)))
                .or_default()
                .insert(who.to_string());
        }
        assert!(holders.values().all(|h| h.len() == 1));
        // Two terms of one district have two holders (the chance that they share a name is small).
        let two = holders
            .keys()
            .filter(|(d, t)| *t == 0 && holders.contains_key(&(*d, 1)))
            .filter(|(d, _)| holders[&(*d, 0)] != holders[&(*d, 1)])
            .count();
        assert!(two > 100, "{two}");
    }
}
