//! Extractors: each reads one text (and its language and reference date) and returns facts with their
//! evidence spans (code point offsets into that text, end exclusive).

mod article;
pub mod entities;
pub mod figures;
pub mod quotes;
pub mod times;

pub use article::{analyze, analyze_with, attribute_figures, publication_day, redate};
