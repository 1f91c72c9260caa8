//! Quotations and attributions: who says what, and through whom.
//!
//! The text is split into tokens (code point offsets), quotation marks are paired and sentences split
//! (`token.rs`). Each sentence is then read for frames (`engine.rs`): reporting verbs with their subject
//! ("sagte", "said"), source phrases ("laut X", "X zufolge", "nach Angaben von X", "wie X berichtet",
//! "according to X"), chain markers ("unter Berufung auf Y", "citing Y"), hearsay ("hieß es") and, without a
//! frame, Konjunktiv or reportative sentences that continue the last source (free indirect speech). Speakers
//! are resolved within the article (`resolve.rs`): pronouns, surnames and role nouns point to the name
//! mentioned before, and to the overlapping entity's canonical name when entities are given.
//!
//! The language knowledge lives in tables (`de.rs`, `en.rs`); the matcher is deterministic.

mod de;
mod en;
mod engine;
mod resolve;
mod rules;
mod token;

use lagebild_core::{Entity, Lang, Mention, Quote};

/// Every quotation and attribution in `text`; `entities` (from the entity extractor) resolve speakers.
pub fn extract(text: &str, lang: Lang, entities: &[Entity]) -> Vec<Quote> {
    engine::run(text, lang, entities)
}

/// The speaker of the quotation whose content contains `[start, end)` (code points); the innermost such
/// quotation wins. For figures and claims that need their source.
pub fn speaker_at(quotes: &[Quote], start: usize, end: usize) -> Option<&Mention> {
    quotes
        .iter()
        .filter(|q| q.content.start <= start && end <= q.content.end && q.speaker.is_some())
        .min_by_key(|q| q.content.end - q.content.start)
        .and_then(|q| q.speaker.as_ref())
}

/// The quotation (innermost) whose content contains `[start, end)`.
pub fn quote_at(quotes: &[Quote], start: usize, end: usize) -> Option<&Quote> {
    quotes
        .iter()
        .filter(|q| q.content.start <= start && end <= q.content.end)
        .min_by_key(|q| q.content.end - q.content.start)
}
