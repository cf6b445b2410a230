//! Resolution: an article's facts made canonical (one fact per entity), and the identity of the
//! entities across articles (the scope a person or a document is minted in).
