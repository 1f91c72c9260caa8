//! Compare: from the analysed articles of one story, build what a reader opens — entities merged across
//! articles, figure groups (who reports which figure from whom, and whether they disagree), claims by source,
//! a timeline of dated statements, an extractive summary and outlet coverage. Every item points back to an
//! article and a span.

mod claims;
mod entities;
mod figures;
mod summary;
mod timeline;

use lagebild_core::{AnalyzedArticle, OutletCoverage, Story};
use std::collections::BTreeMap;

/// Builds the comparison for one story from its articles (in arrival order).
pub fn compare(id: &str, articles: &[&AnalyzedArticle]) -> Story {
    let originals: Vec<&AnalyzedArticle> = articles.iter().copied().filter(|a| a.duplicate_of.is_none()).collect();
    let summary = summary::summarize(&originals, 5);
    let title = story_title(articles, &summary);
    Story {
        id: id.to_string(),
        title,
        articles: articles.iter().map(|a| a.article.id.clone()).collect(),
        entities: entities::merge(articles),
        figure_groups: figures::group(articles),
        claims: claims::by_source(articles),
        timeline: timeline::build(&originals),
        summary,
        outlets: coverage(articles),
    }
}

/// The title of the article whose sentence leads the summary, else the first article's title.
fn story_title(articles: &[&AnalyzedArticle], summary: &[lagebild_core::SummarySentence]) -> String {
    let lead = summary.first().and_then(|s| articles.iter().find(|a| a.article.id == s.article));
    lead.or(articles.first())
        .and_then(|a| a.article.title.clone())
        .unwrap_or_else(|| summary.first().map(|s| s.text.clone()).unwrap_or_default())
}

fn coverage(articles: &[&AnalyzedArticle]) -> Vec<OutletCoverage> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles {
        *counts.entry(outlet_name(a)).or_default() += 1;
    }
    let mut out: Vec<OutletCoverage> =
        counts.into_iter().map(|(outlet, articles)| OutletCoverage { outlet: outlet.to_string(), articles }).collect();
    out.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.outlet.cmp(&b.outlet)));
    out
}

/// The outlet to show for an article; unknown outlets are shown by source file so they stay apart.
pub(crate) fn outlet_name(a: &AnalyzedArticle) -> &str {
    a.article.outlet.as_deref().unwrap_or("(unknown outlet)")
}

#[cfg(test)]
mod tests;
