//! Page furniture: whole lines that are a site's menus and buttons, not the article
//! (`data/lexicon/furniture.txt`).

use super::key;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

pub const FURNITURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/furniture.txt"
));

/// The lines of the list, without comments and blank lines.
fn lines() -> impl Iterator<Item = &'static str> {
    FURNITURE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap_or(l))
}

static FURNITURE_SET: LazyLock<HashSet<String>> = LazyLock::new(|| lines().map(key).collect());

/// The longest furniture line, in bytes (a longer line is text).
static FURNITURE_MAX: LazyLock<usize> = LazyLock::new(|| lines().map(str::len).max().unwrap_or(0));

/// Whether a whole line is page furniture.
pub fn is_furniture(line: &str) -> bool {
    // Room for spaces and old tone placement that the key would fold.
    line.len() <= 2 * *FURNITURE_MAX && FURNITURE_SET.contains(&key(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_lines_of_furniture_only() {
        let first = lines().next().expect("furniture.txt has lines");
        assert!(is_furniture(first));
        assert!(is_furniture(&first.to_uppercase()));
        assert!(!is_furniture(&format!("{first} của tỉnh")));
    }
}
