//! A corpus generator for benchmarks: N synthetic articles in the forms of the dev corpus
//! (datelines, appositions with stacked posts, bodies, documents, places from the gazetteer, names
//! from the surname lexicon), deterministic by seed. The texts are made up; no real person is meant.

use crate::gazetteer::GAZETTEER as G;
use crate::ingest::Article;
use crate::lexicon::{rows, SURNAMES};

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

struct Place {
    province: String,
    district: String,
    district_level: String,
    commune: String,
    commune_level: String,
}

fn places() -> Vec<Place> {
    let g = &*G;
    let mut out = Vec::new();
    for (i, u) in g.units.iter().enumerate() {
        if !u.legacy || !matches!(u.level.as_str(), "xã" | "phường" | "thị trấn") {
            continue;
        }
        let Some(d) = u.parent else { continue };
        let Some(p) = g.units[d].parent else { continue };
        if g.units[d].level != "huyện" && g.units[d].level != "thị xã" {
            continue;
        }
        // Names shared with provinces or with persons' syllables make poor test data.
        if g.named(&u.name).len() > 3 || g.named(&g.units[d].name).len() > 1 {
            continue;
        }
        out.push(Place {
            province: g.units[p].name.clone(),
            district: g.units[d].name.clone(),
            district_level: g.units[d].level.clone(),
            commune: u.name.clone(),
            commune_level: g.units[i].level.clone(),
        });
    }
    out
}

fn committee(level: &str) -> &'static str {
    if level == "thị xã" {
        "Thị ủy"
    } else {
        "Huyện ủy"
    }
}

/// `n` articles from `seed`, ids `gen-000001`, ...
pub fn corpus(n: usize, seed: u64) -> Vec<Article> {
    let surnames: Vec<String> = rows(SURNAMES)
        .map(|r| r[0].to_string())
        .filter(|s| s.chars().count() > 1)
        .collect();
    let places = places();
    let mut rng = Rng::new(seed);
    let name = |rng: &mut Rng| {
        format!(
            "{} {} {}",
            rng.pick(&surnames),
            rng.pick(&MIDDLE),
            rng.pick(&GIVEN)
        )
    };
    (0..n)
        .map(|k| {
            let pl = rng.pick(&places);
            let (p, d, dl, c, cl) = (&pl.province, &pl.district, &pl.district_level, &pl.commune, &pl.commune_level);
            let cm = committee(dl);
            let (day, month, year) = (1 + rng.below(28), 1 + rng.below(12), 2016 + rng.below(9));
            let topic = rng.pick(&TOPICS);
            let (a, b, c2, e) = (name(&mut rng), name(&mut rng), name(&mut rng), name(&mut rng));
            let (doc, sym) = rng.pick(&DOCS);
            let num = 1 + rng.below(200);
            let dept = rng.pick(&DEPARTMENTS);
            let title = format!("{} {cl} {c} {topic}", if rng.below(2) == 0 { "Đảng ủy" } else { "Hội đồng nhân dân" });
            let text = format!(
                "{title}\n\n{:02}:{:02} {day:02}/{month:02}/{year}\n\n\
                 Ngày {day}/{month}, Đảng ủy {cl} {c}, {dl} {d} tổ chức hội nghị {topic}. \
                 Dự hội nghị có đồng chí {a} - Tỉnh ủy viên, Bí thư {cm}, Chủ tịch HĐND {dl}; \
                 đồng chí {b} - Ủy viên Ban Thường vụ {cm}, Trưởng Ban Tổ chức {cm}.\n\n\
                 Thực hiện {doc} số {num}-{sym}/TU, ngày {}/{}/{} của Ban Thường vụ Tỉnh ủy {p}, \
                 Đảng ủy {cl} đã triển khai nhiều giải pháp. Theo ông {c2}, Giám đốc Sở {dept} tỉnh {p}, \
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
            Article {
                id: format!("gen-{:06}", k + 1),
                text,
                origin: format!("generated #{}", k + 1),
                title: None,
                date: None,
                url: None,
                source: None,
            }
        })
        .collect()
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
}
