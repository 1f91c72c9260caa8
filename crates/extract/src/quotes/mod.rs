//! Quotations and attributions: who says what, and through whom.

use lagebild_core::{Entity, Lang, Quote};

/// Every quotation and attribution in `text`; `entities` (from the entity extractor) resolve speakers.
pub fn extract(text: &str, lang: Lang, entities: &[Entity]) -> Vec<Quote> {
    let _ = (text, lang, entities);
    Vec::new()
}
