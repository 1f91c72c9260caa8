//! Time expressions, normalised against a reference date (the article's publication date).

use chrono::NaiveDate;
use lagebild_core::{Lang, TimeExpr};

/// Every time expression in `text`, in text order; relative ones resolved against `anchor`.
pub fn extract(text: &str, lang: Lang, anchor: Option<NaiveDate>) -> Vec<TimeExpr> {
    let _ = (text, lang, anchor);
    Vec::new()
}
