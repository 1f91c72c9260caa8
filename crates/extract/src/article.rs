//! The extract stage as one step: an ingested `Article` in, an `AnalyzedArticle` with every fact out.

use crate::{entities, figures, quotes, times};
use chrono::NaiveDate;
use lagebild_core::{AnalyzedArticle, Article, Figure, Lang, Quote};

/// Runs every extractor over the article's text. Relative dates resolve against the publication date, else
/// against `fallback_date`; figures inside a quotation or attribution get its speaker as their source.
pub fn analyze(article: Article, fallback_date: Option<NaiveDate>) -> AnalyzedArticle {
    analyze_with(article, fallback_date, None)
}

/// [`analyze`], with German names tagged by the neural tagger when one is given (an article the encoder
/// fails on falls back to the fast tagger).
pub fn analyze_with(
    article: Article,
    fallback_date: Option<NaiveDate>,
    neural: Option<&entities::NeuralTagger>,
) -> AnalyzedArticle {
    let lang = article.language.as_deref().and_then(Lang::from_code);
    let anchor = article.published.as_deref().and_then(publication_day).or(fallback_date);
    let (entities, mut figures, times, quotes) = match lang {
        Some(lang) => {
            let text = &article.text;
            let entities =
                neural.and_then(|t| t.extract(text, lang).ok()).unwrap_or_else(|| entities::extract(text, lang));
            let quotes = quotes::extract(text, lang, &entities);
            (entities, figures::extract(text, lang), times::extract(text, lang, anchor), quotes)
        }
        None => Default::default(),
    };
    attribute_figures(&mut figures, &quotes);
    AnalyzedArticle { article, entities, figures, times, quotes, duplicate_of: None, wire_agency: None }
}

/// Resolves an undated article's time expressions again against `anchor` (the latest publication day of the
/// story it joined), so that "am Freitag" in an undated copy means the same Friday as in its dated siblings.
pub fn redate(a: &mut AnalyzedArticle, anchor: NaiveDate) {
    if let Some(lang) = a.article.language.as_deref().and_then(Lang::from_code) {
        a.times = times::extract(&a.article.text, lang, Some(anchor));
    }
}

/// The day of an ISO 8601 date or date-time; `None` for month-only dates.
pub fn publication_day(published: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(published.get(..10)?, "%Y-%m-%d").ok()
}

/// Gives each figure inside a quotation or attribution that quotation's speaker (its entity's canonical name,
/// else the speaker text) as `source`.
pub fn attribute_figures(figures: &mut [Figure], quotes: &[Quote]) {
    for f in figures {
        if let Some(q) = enclosing_quote(quotes, f.start, f.end) {
            f.source = q.speaker.as_ref().map(|s| s.entity.clone().unwrap_or_else(|| s.text.clone()));
        }
    }
}

/// The attribution whose content (or whole span) contains `start..end`, innermost first.
fn enclosing_quote(quotes: &[Quote], start: usize, end: usize) -> Option<&Quote> {
    quotes
        .iter()
        .filter(|q| q.speaker.is_some())
        .filter(|q| (q.content.start <= start && end <= q.content.end) || (q.start <= start && end <= q.end))
        .min_by_key(|q| q.content.end - q.content.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_days() {
        assert_eq!(publication_day("2024-10-21T13:07:00+02:00"), NaiveDate::from_ymd_opt(2024, 10, 21));
        assert_eq!(publication_day("2024-10"), None);
    }
}
