//! What the office extractor did with each role word it read, for `polgraph explain`: a post
//! turned into an office, or the step where it stopped (no person attached, no body, a body the
//! context cannot place). Recorded as the extractor runs, so that a diagnostic reports what
//! happened rather than guessing it from the text afterwards.

use std::ops::Range;

/// The outcome of one role word (or one body) read by the office extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// The post became an office of a person.
    Office,
    /// The words of the body of a post that became an office (a role word inside a body's name,
    /// `Văn phòng Chủ tịch nước`, is that body's, not a post).
    BodyOfOffice,
    /// A post with a role read, but no body written after it and none implied by the role.
    NoBody,
    /// A body written (`UBND tỉnh`, `Phó Giám đốc Học viện`) that the article's context cannot
    /// place or name in full.
    Unresolved,
    /// A post read with no person attached to it (no name after it, none before it).
    NoPerson,
    /// A post read with no person attached, which the article has given to someone before
    /// (`Chủ tịch nước` after `Chủ tịch nước Lương Cường`): it refers to that holder.
    HolderNamed,
    /// A post after `các` (`các phó chủ tịch UBND tỉnh`) with no list of names after it.
    Plural,
    /// Inside a document's quoted title, which no extractor reads.
    InTitle,
}

/// One outcome over a byte span of the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub span: Range<usize>,
    pub outcome: Outcome,
}
