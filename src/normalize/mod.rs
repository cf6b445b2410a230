//! Text normalisation before any rule runs (EXTRACTION.md §2): Unicode NFC, odd spaces folded,
//! old-style tone marks made canonical (`hoà` -> `hòa`, `Uỷ` -> `Ủy`), page furniture masked.
//! Every byte of the normalised text maps back to a character offset in the original text, so
//! that each fact points at its evidence as the publisher wrote it.

use crate::regex;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

mod controls;
mod fold;
pub mod furniture;
mod markup;
pub use markup::strip_markup;

pub(crate) use controls::swar;
pub use controls::{blank_controls, escape_end, is_control, strip_controls};

/// How far a sentence may reach on either side of its fact, in bytes (see [`Text::sentence`]).
pub const SENTENCE_REACH: usize = 400;
pub use fold::*;

/// `is_combining_mark`, quick for the letters below U+0300, which are none.
fn mark(c: char) -> bool {
    c >= '\u{300}' && is_combining_mark(c)
}

/// The characters [`escape_end`] may start a sequence at (it says whether one does).
fn escape_start(c: char) -> bool {
    c == '\u{1b}' || ('\u{90}'..='\u{9f}').contains(&c)
}

/// Whether NFC leaves `c`, alone, as it is: by table for the letters of Vietnamese.
fn nfc_as_it_stands(c: char) -> bool {
    static LATIN: std::sync::LazyLock<Vec<bool>> = std::sync::LazyLock::new(|| {
        latin_table(|c| {
            unicode_normalization::is_nfc_quick(std::iter::once(c))
                == unicode_normalization::IsNormalized::Yes
        })
    });
    match latin(c) {
        Some(at) => LATIN[at],
        None => {
            unicode_normalization::is_nfc_quick(std::iter::once(c))
                == unicode_normalization::IsNormalized::Yes
        }
    }
}

/// Whether normalisation leaves `original` as it stands, character for character (four articles
/// in five): each character one that [`Text::normalised`] pushes unchanged at its own offset (no
/// escape, tag, carriage return, control, odd or doubled space, combining mark or character that
/// NFC changes) and no old tone placement that [`canonical_tones`] would move; or
/// [`Stands::ButTones`] when old tone placements are all it would change (a fifth of the bytes of
/// political press: `hoà`, `Uỷ`).
fn as_it_stands(original: &str) -> Stands {
    // What the test below asks of a character that is no ASCII, by table for the Latin letters
    // of Vietnamese (none of them a combining mark).
    fn kept(c: char) -> bool {
        !mark(c) && !escape_start(c) && fold_space(c) == Some(c) && nfc_as_it_stands(c)
    }
    static KEPT: std::sync::LazyLock<Vec<bool>> = std::sync::LazyLock::new(|| latin_table(kept));
    let kept_table = &*KEPT;
    let mut prev = '\0';
    let mut tones = false;
    let mut chars = original.chars();
    while let Some(c) = chars.next() {
        let kept = if c.is_ascii() {
            c == '\n' || (matches!(c, ' '..='~') && c != '<' && !(c == ' ' && prev == ' '))
        } else {
            latin(c).map_or_else(|| kept(c), |at| kept_table[at])
        };
        if !kept {
            return Stands::No;
        }
        // The second letter of every old pair is no ASCII letter.
        if !tones
            && matches!(c, 'o' | 'O' | 'u' | 'U')
            && !chars.as_str().starts_with(|b: char| b.is_ascii())
        {
            let mut ahead = chars.clone();
            let b = ahead.next().map(lower);
            if OLD_TONES.iter().any(|t| t.0 == lower(c) && Some(t.1) == b)
                && !ahead.next().is_some_and(char::is_alphabetic)
                && !matches!(prev, 'q' | 'Q')
            {
                tones = true;
            }
        }
        prev = c;
    }
    if tones {
        Stands::ButTones
    } else {
        Stands::Yes
    }
}

/// What [`Text::new`] has to do to a text ([`as_it_stands`]).
#[derive(Debug, PartialEq)]
enum Stands {
    /// Nothing.
    Yes,
    /// Old tone placements moved, character for character: nothing else.
    ButTones,
    /// All of [`Text::normalised`].
    No,
}

/// Whether a line may hold a photo credit (`Ảnh: Quang Hiếu`): `Ảnh`, spaces, a colon. Most
/// lines that have the word (`hình Ảnh`, `Ảnh hưởng`) have no colon after it, and the credit's
/// regex is slow on a long line.
fn credit_may_follow(line: &str) -> bool {
    // Most lines have no `Ả` at all: a quick search first.
    if !line.contains('Ả') {
        return false;
    }
    line.match_indices("Ảnh").any(|(k, w)| {
        line[k + w.len()..]
            .trim_start_matches(char::is_whitespace)
            .starts_with(':')
    })
}

/// A normalised article text with its map back to the original.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    /// For each byte offset of `text` (and one past the end): the character offset in the original.
    orig: Vec<u32>,
}

impl Text {
    /// Normalises `original`.
    pub fn new(original: &str) -> Text {
        let mut text = match as_it_stands(original) {
            Stands::Yes => Text::unchanged(original),
            Stands::ButTones => Text::retoned(original),
            Stands::No => Text::normalised(original),
        };
        text.mask_furniture();
        text
    }

    /// `original` as it stands, each byte mapped to its character's offset.
    fn unchanged(original: &str) -> Text {
        let mut orig = Vec::with_capacity(original.len() + 1);
        // The characters started so far: a byte that is no UTF-8 continuation starts one.
        let mut chars = 0u32;
        orig.extend(original.as_bytes().iter().map(|&b| {
            chars += u32::from((b as i8) >= -0x40);
            chars - 1
        }));
        orig.push(chars);
        Text {
            text: original.to_string(),
            orig,
        }
    }

    /// `original` with its old tone placements moved, each character at its own offset: what
    /// [`Text::normalised`] makes of a text that [`as_it_stands`] says needs nothing else, without
    /// asking every character again.
    fn retoned(original: &str) -> Text {
        let mut plain: Vec<char> = original.chars().collect();
        canonical_tones(&mut plain);
        let end = plain.len() as u32;
        let chars: Vec<(char, u32)> = plain.into_iter().zip(0..).collect();
        Text::build(&chars, end)
    }

    /// `original` normalised, before its furniture is masked.
    fn normalised(original: &str) -> Text {
        // Characters of the output, each with the original character offset it came from.
        let mut chars: Vec<(char, u32)> = Vec::with_capacity(original.len());
        let src: Vec<char> = original.chars().collect();
        let mut i = 0;
        while i < src.len() {
            // A base character and the combining marks after it compose as one unit.
            let mut j = i + 1;
            while j < src.len() && mark(src[j]) {
                j += 1;
            }
            let start = i as u32;
            let c = src[i];
            // A terminal escape sequence, payload and all, is one space.
            if let Some(e) = escape_start(c).then(|| escape_end(&src, i)).flatten() {
                if !matches!(chars.last(), Some((' ', _))) {
                    chars.push((' ', start));
                }
                i = e;
                continue;
            }
            // Markup a scraper left (`ông <b>Lê</b> Văn Tâm`): an inline tag is nothing, a block
            // tag a line break; the characters after it keep their own offsets.
            if let Some((e, tag)) = (c == '<').then(|| markup::tag_end(&src, i)).flatten() {
                if tag == markup::Tag::Break {
                    chars.push(('\n', start));
                }
                i = e;
                continue;
            }
            if src[i] == '\r' {
                if src.get(i + 1) != Some(&'\n') {
                    chars.push(('\n', start));
                }
                i = j;
                continue;
            }
            let mut push = |c: char| {
                let Some(c) = fold_space(c) else { return };
                if c == ' ' && matches!(chars.last(), Some((' ', _))) {
                    return;
                }
                chars.push((c, start));
            };
            // Most text is NFC already: a lone ASCII character or one NFC says is fine as it
            // stands needs no composing.
            if j == i + 1 && (c.is_ascii() || nfc_as_it_stands(c)) {
                push(src[i]);
            } else {
                src[i..j].iter().copied().nfc().for_each(push);
            }
            i = j;
        }
        let mut plain: Vec<char> = chars.iter().map(|c| c.0).collect();
        canonical_tones(&mut plain);
        for (c, p) in chars.iter_mut().zip(plain) {
            c.0 = p;
        }
        Text::build(&chars, original.chars().count() as u32)
    }

    fn build(chars: &[(char, u32)], end: u32) -> Text {
        let mut text = String::with_capacity(chars.len() * 2);
        let mut orig = Vec::with_capacity(chars.len() * 2 + 1);
        for &(c, o) in chars {
            text.push(c);
            orig.extend(std::iter::repeat_n(o, c.len_utf8()));
        }
        orig.push(end);
        Text { text, orig }
    }

    /// Page furniture (EXTRACTION.md §1) is not article text: such lines, and photo credits
    /// inside lines, become spaces, so offsets stay as they were.
    fn mask_furniture(&mut self) {
        let mut ranges = Vec::new();
        for line in self.lines() {
            let t = self.text[line.clone()].trim();
            if !t.is_empty() && furniture::is_furniture(t) {
                ranges.push(line.clone());
            } else if !credit_may_follow(t) {
                continue;
            } else if let Some(m) = regex!(
                r"(?x) (?:\s*[-–—]\s*|\s*\(\s*|\s+|^)
                   Ảnh \s*:\s* [\p{Lu}][\p{L}.]* (?:\s+[\p{Lu}][\p{L}.]*){0,3} (?:\s*/\s*[\p{L}.]+)? \s*\)? \.?\s*$"
            )
            .find(&self.text[line.clone()])
            {
                ranges.push(line.start + m.start()..line.start + m.end());
            }
        }
        if ranges.is_empty() {
            return;
        }
        // The ranges come in line order and do not overlap: the text between them copied as it
        // stands with its map, each character inside one a space (a line break kept) mapped
        // where the character was (a rebuild character by character was a tenth of
        // normalisation's time).
        let mut text = String::with_capacity(self.text.len());
        let mut orig = Vec::with_capacity(self.orig.len());
        let mut copied = 0;
        for r in &ranges {
            let start = r.start.max(copied);
            text.push_str(&self.text[copied..start]);
            orig.extend_from_slice(&self.orig[copied..start]);
            for (b, c) in self.text[start..r.end.max(start)].char_indices() {
                text.push(if c == '\n' { '\n' } else { ' ' });
                orig.push(self.orig[start + b]);
            }
            copied = r.end.max(start);
        }
        text.push_str(&self.text[copied..]);
        orig.extend_from_slice(&self.orig[copied..]);
        *self = Text { text, orig };
    }

    /// Byte ranges of the lines (without their `\n`).
    pub fn lines(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, _) in self.text.match_indices('\n') {
            out.push(start..i);
            start = i + 1;
        }
        out.push(start..self.text.len());
        out
    }

    /// Replaces a byte range with spaces (a dateline, a byline): it stays in the map but no
    /// extractor reads it. Each character becomes as many spaces as it has bytes, so that every
    /// byte offset (of later ranges to blank, of the tokens) stays where it was.
    pub fn blank(&mut self, r: Range<usize>) {
        let len = self.text.len();
        let mut start = r.start.min(len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = r.end.min(len).max(start);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        // In place: the text checked again as UTF-8 after each blanking was a byline's cost.
        // SAFETY: `start..end` is whole characters (both ends at boundaries); each of their
        // bytes becomes an ASCII byte, so the text stays UTF-8.
        for b in &mut unsafe { self.text.as_bytes_mut() }[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }

    /// The sentence around a byte range of the normalised text: from after the last sentence end
    /// before it (a line break, or `.`, `!`, `?`, `…` before a space) to the next one after it
    /// (its full stop included); at most [`SENTENCE_REACH`] bytes on either side of the range,
    /// cut at a space (a decision that lists thirty appointments is one sentence).
    pub fn sentence(&self, r: &Range<usize>) -> Range<usize> {
        let t = &self.text;
        let ends = |at: usize, c: char| {
            c == '\n'
                || matches!(c, '.' | '!' | '?' | '…')
                    && t[at + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace)
        };
        let lo = r.start.saturating_sub(SENTENCE_REACH);
        let mut start = r.start.min(t.len());
        while !t.is_char_boundary(start) {
            start -= 1;
        }
        let mut cut = false;
        for (b, c) in t[..start].char_indices().rev() {
            if ends(b, c) {
                break;
            }
            if b < lo {
                cut = true;
                break;
            }
            start = b;
        }
        if cut {
            // At a space: whole words.
            start += t[start..r.start.max(start)].find(' ').map_or(0, |k| k + 1);
        }
        let hi = r.end + SENTENCE_REACH;
        let mut end = r.end.min(t.len()).max(start);
        while !t.is_char_boundary(end) {
            end += 1;
        }
        let from = end;
        for (b, c) in t[from..].char_indices().map(|(k, c)| (from + k, c)) {
            if c == '\n' {
                break;
            }
            if ends(b, c) {
                end = b + c.len_utf8();
                break;
            }
            if b > hi && c == ' ' {
                break;
            }
            end = b + c.len_utf8();
        }
        // No spaces at either end.
        let inner = &t[start..end];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if lead + trail >= inner.len() {
            return r.clone();
        }
        start + lead..end - trail
    }

    /// The character span in the original text of a byte range of the normalised text.
    pub fn original_span(&self, r: &Range<usize>) -> (usize, usize) {
        let start = self.orig[r.start.min(self.orig.len() - 1)] as usize;
        let end = if r.end > r.start {
            // One past the last character of the range.
            let last = self.text[..r.end]
                .char_indices()
                .next_back()
                .map(|(b, _)| b)
                .unwrap_or(r.start);
            self.orig[last] as usize + 1
        } else {
            start
        };
        (start, end.max(start))
    }
}

/// Texts that the tests hold a fast path to its slower original on: `fixed`, then each of
/// `shapes` around every character up to U+3000 (the Vietnamese block U+1E00-U+1EFF twice).
#[cfg(test)]
pub(crate) fn around_every_char(
    fixed: &[&str],
    shapes: impl Fn(char) -> Vec<String>,
) -> Vec<String> {
    let mut texts: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    for u in (0..0x3000u32).chain(0x1e00..0x1f00) {
        let Some(c) = char::from_u32(u) else { continue };
        texts.extend(shapes(c));
    }
    texts
}

#[cfg(test)]
mod tests {

    #[test]
    fn terminal_escapes_and_controls_are_spaces() {
        let t = Text::new("Hà\u{1b}]0;pwned\u{7} Tĩnh\u{1b}[2J họp\u{9b}31m.\u{1}");
        assert_eq!(t.text, "Hà Tĩnh họp . ");
        // Offsets still lead back to the original: `Tĩnh` starts at its 14th character.
        let at = t.text.find("Tĩnh").unwrap();
        assert_eq!(t.original_span(&(at..at + "Tĩnh".len())).0, 13);
        assert_eq!(
            strip_controls("Tin \u{1b}]8;;http://x/\u{1b}\\Hà Tĩnh\u{7}"),
            "Tin  Hà Tĩnh"
        );
        // Tabs and line breaks are not controls to strip.
        assert!(!is_control('\n') && !is_control('\t') && is_control('\u{1b}'));
    }

    #[test]
    fn blanking_keeps_every_byte_offset() {
        let mut t = Text::new("Đ.BẢO thực hiện\nÔng Hải phát biểu.");
        let before = t.text.clone();
        let hai = before.find("Hải").unwrap();
        let line = before.find('\n').unwrap();
        t.blank(0..line);
        assert_eq!(t.text.len(), before.len());
        assert_eq!(&t.text[hai..hai + "Hải".len()], "Hải");
        assert_eq!(t.text[..=line], format!("{}\n", " ".repeat(line)));
        // The evidence still points at the original characters.
        assert_eq!(t.original_span(&(hai..hai + "Hải".len())), (20, 23));
        // A range that starts or ends inside a character blanks the whole character.
        let a = hai + "H".len();
        t.blank(a + 1..a + 2);
        assert_eq!(&t.text[hai..hai + "Hải".len()], "H   i");
        assert_eq!(t.text.len(), before.len());
        t.blank(before.len() - 1..before.len() + 5);
        assert!(t.text.ends_with("biểu "), "{:?}", t.text);
    }

    /// Texts that normalisation leaves as they stand, and texts it changes, each with the
    /// character that does.
    #[test]
    fn a_text_is_kept_as_it_stands_only_where_normalising_it_changes_nothing() {
        for s in [
            "Đồng chí Nguyễn Văn Hải - Phó Bí thư Thị ủy, Chủ tịch HĐND thị xã.\nẢnh: Quang Hiếu",
            "hoàn thành, quý, thủy",
            "Cảm ơn – “ngoặc” … 100%",
            "",
        ] {
            assert_eq!(as_it_stands(s), Stands::Yes, "{s:?}");
            let (kept, full) = (Text::unchanged(s), Text::normalised(s));
            assert_eq!((&kept.text, &kept.orig), (&full.text, &full.orig), "{s:?}");
        }
        // Old tone placements and nothing else: moved in place, every character where it was.
        for (s, moved) in [
            ("Khánh Hoà", "Khánh Hòa"),
            ("THUỶ", "THỦY"),
            (
                "Uỷ ban nhân dân tỉnh Khánh Hoà, quý, hoàn",
                "Ủy ban nhân dân tỉnh Khánh Hòa, quý, hoàn",
            ),
        ] {
            assert_eq!(as_it_stands(s), Stands::ButTones, "{s:?}");
            let (retoned, full) = (Text::retoned(s), Text::normalised(s));
            assert_eq!(retoned.text, moved);
            assert_eq!(
                (&retoned.text, &retoned.orig),
                (&full.text, &full.orig),
                "{s:?}"
            );
        }
        for s in [
            "Khánh Hoà  hai dấu cách",
            "hai  dấu cách",
            "e\u{301}",
            "a\tb",
            "a\r\nb",
            "<b>Lê</b>",
            "\u{1b}[31mđỏ",
            "Nguyễn\u{a0}Văn",
            "zero\u{200b}width",
            "\u{212b}ngstrom",
        ] {
            assert_eq!(as_it_stands(s), Stands::No, "{s:?}");
            assert_ne!(Text::normalised(s).text, s, "{s:?}");
        }
    }

    /// Every article of the raw press (`../shared`, as `pipeline::shared` finds it: this stage
    /// uses no later one): the text kept as it stands, or with its tones moved, is the text
    /// normalised.
    #[test]
    fn the_texts_kept_as_they_stand_are_the_texts_normalised() {
        let dir = std::env::var_os("POLGRAPH_SHARED")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        let Ok(press) = std::fs::read_to_string(dir.join("corpus/raw/press.jsonl")) else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{} has no corpus/: CI must have ../shared (or POLGRAPH_SHARED)",
                dir.display()
            );
            return;
        };
        let (mut kept, mut retoned) = (0, 0);
        for line in press.lines() {
            let article: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let text = article["text"].as_str().unwrap_or_default();
            let fast = match as_it_stands(text) {
                Stands::Yes => {
                    kept += 1;
                    Text::unchanged(text)
                }
                Stands::ButTones => {
                    retoned += 1;
                    Text::retoned(text)
                }
                Stands::No => continue,
            };
            let full = Text::normalised(text);
            assert_eq!(
                (&fast.text, &fast.orig),
                (&full.text, &full.orig),
                "{line:.80}"
            );
        }
        assert!(kept > 100 && retoned > 20, "{kept}, {retoned}");
    }

    #[test]
    fn the_canonical_fast_path_agrees_with_the_full_one() {
        for s in [
            "Tỉnh ủy Hà Tĩnh",
            "Khánh Hoà",
            "Uỷ ban",
            "quý",
            "hoà bình",
            "Hòa  Bình",
            " Bí thư",
            "Bí thư ",
            "a\tb",
            "e\u{301}",
            "\u{1ea1}\u{302}",
            "\u{212a}elvin",
            "Nguyễn\u{a0}Văn",
            "zero\u{200b}width",
            "THUỶ",
            "TP.HCM",
            "Phó Chủ tịch Thường trực UBND tỉnh",
            "",
        ] {
            assert_eq!(canonical(s), canonical_full(s), "{s:?}");
            assert_eq!(key(s), canonical_full(s).to_lowercase(), "{s:?}");
            if is_canonical(s) {
                assert_eq!(canonical_full(s), s, "{s:?} is not canonical");
            }
        }
        assert!(is_canonical("Tỉnh ủy Hà Tĩnh") && !is_canonical("Khánh Hoà"));
    }

    #[test]
    fn lower_case_by_table_is_the_standard_librarys() {
        let mut all = String::new();
        for u in (0..0x3000u32).chain(0x1e00..0x1f00) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(lower(c), c.to_lowercase().next().unwrap(), "U+{u:04X}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{u:04X}");
            let one = c.to_string();
            assert_eq!(lowercase(&one), one.to_lowercase(), "U+{u:04X}");
            all.push(c);
        }
        for s in [
            all.as_str(),
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
            "ΟΔΟΣ",
            "İstanbul Đà",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }

    use super::*;

    #[test]
    fn nfc_and_tones() {
        // "Uỷ" written with a combining hook above, and old-style "hoà", "khoá".
        let t = Text::new("Uy\u{309} ban hoà giải khoá X, Hoàng Quý");
        assert_eq!(t.text, "Ủy ban hòa giải khóa X, Hoàng Quý");
    }

    #[test]
    fn spaces_fold_and_offsets_point_back() {
        let src = "Ông\u{a0}\u{a0}Nguyễn  Văn Hải";
        let t = Text::new(src);
        assert_eq!(t.text, "Ông Nguyễn Văn Hải");
        let b = t.text.find("Nguyễn").unwrap();
        let (s, e) = t.original_span(&(b..t.text.len()));
        let orig: String = src.chars().skip(s).take(e - s).collect();
        assert_eq!(orig, "Nguyễn  Văn Hải");
    }

    #[test]
    fn closed_syllables_keep_their_marks() {
        assert_eq!(canonical("Hoàng hoạch thuyền"), "Hoàng hoạch thuyền");
        assert_eq!(key("Thuỷ  LỢI"), "thủy lợi");
    }

    #[test]
    fn furniture_and_photo_credits_are_masked() {
        let t = Text::new("Tin chính\nEmailPrintAa\nBí thư phát biểu. Ảnh: Đức Hiếu/TTXVN\nẢnh: Toàn cảnh hội nghị");
        assert!(!t.text.contains("EmailPrintAa"));
        assert!(!t.text.contains("Đức Hiếu"));
        assert!(t.text.contains("Bí thư phát biểu."));
        // A caption is article text, not a credit.
        assert!(t.text.contains("Toàn cảnh hội nghị"));
        // Each masked character is one space mapped to where it was: what follows still points
        // at its own characters (`Đức Hiếu/TTXVN` is 14 characters and 18 bytes).
        let at = t.text.find("Ảnh: Toàn").unwrap();
        let orig = "Tin chính\nEmailPrintAa\nBí thư phát biểu. Ảnh: Đức Hiếu/TTXVN\n";
        assert_eq!(
            t.original_span(&(at..at + "Ảnh".len())).0,
            orig.chars().count()
        );
        // The masked line starts after `Tin chính\n` (10 characters, 11 bytes).
        let line = t.text.find('\n').unwrap() + 1;
        assert_eq!(&t.text[line..line + 12], " ".repeat(12));
        assert_eq!(t.original_span(&(line..line + 1)), (10, 11));
    }

    #[test]
    fn a_fact_s_sentence_ends_at_full_stops_and_line_breaks() {
        let t = Text::new("Tin Hà Tĩnh.\nHội nghị có đồng chí Nguyễn Văn Hải - Bí thư Thị ủy. Ông nói: TP. Hồ Chí Minh… rồi về.");
        let at = t.text.find("Nguyễn").unwrap();
        let r = t.sentence(&(at..at + "Nguyễn Văn Hải".len()));
        assert_eq!(
            &t.text[r],
            "Hội nghị có đồng chí Nguyễn Văn Hải - Bí thư Thị ủy."
        );
        // A full stop inside a word (`TP.HCM`) or before a letter is no sentence end; `…`
        // before a space is.
        let at = t.text.find("Ông").unwrap();
        let r = t.sentence(&(at..at + 3));
        assert_eq!(&t.text[r], "Ông nói: TP.");
        // The last sentence runs to the end of the text.
        let at = t.text.find("rồi").unwrap();
        assert_eq!(&t.text[t.sentence(&(at..at + 3))], "rồi về.");
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_space_on_either_side() {
        let long = "ông Nguyễn Văn A, ".repeat(60);
        let text = format!("{long}và Trần Văn B - Bí thư, {long}cùng dự.");
        let t = Text::new(&text);
        let at = t.text.find("Trần").unwrap();
        let r = t.sentence(&(at..at + "Trần Văn B".len()));
        assert!(r.start > 0 && r.end < t.text.len(), "{r:?}");
        assert!(r.end - r.start <= 2 * SENTENCE_REACH + 40);
        let words = &t.text[r];
        assert!(words.contains("Trần Văn B - Bí thư"));
        assert!(
            words.starts_with("ông ") || words.starts_with("Nguyễn "),
            "{words:?}"
        );
    }

    #[test]
    fn blanked_controls_keep_every_character_offset() {
        let s = "Hà\u{1b}]0;x\u{7} Tĩnh\u{9b}31m.";
        let b = blank_controls(s);
        assert_eq!(b.chars().count(), s.chars().count());
        assert_eq!(b, "Hà       Tĩnh    .");
        assert_eq!(blank_controls("Hà Tĩnh"), "Hà Tĩnh");
    }
}
