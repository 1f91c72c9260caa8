//! Extractors: each reads one text (and its language and reference date) and returns facts with their
//! evidence spans (code point offsets into that text, end exclusive).

pub mod entities;
pub mod figures;
pub mod quotes;
pub mod times;
