//! Claims by source: which outlets carry attributions to which source, and what only one outlet reports.

use crate::outlet_name;
use lagebild_core::{AnalyzedArticle, Claim, QuoteRef};
use std::collections::{BTreeMap, BTreeSet};

/// Attributions grouped by (source, via): the outlets that carry them and the quotes themselves.
type Groups = BTreeMap<(String, Option<String>), (BTreeSet<String>, Vec<QuoteRef>)>;

pub fn by_source(articles: &[&AnalyzedArticle]) -> Vec<Claim> {
    let mut groups: Groups = BTreeMap::new();
    for a in articles {
        for (i, q) in a.quotes.iter().enumerate() {
            let Some(speaker) = &q.speaker else { continue };
            let source = speaker.entity.clone().unwrap_or_else(|| speaker.text.clone());
            let via = q.via.as_ref().map(|v| v.entity.clone().unwrap_or_else(|| v.text.clone()));
            let entry = groups.entry((source, via)).or_default();
            entry.0.insert(outlet_name(a).to_string());
            entry.1.push(QuoteRef { article: a.article.id.clone(), quote: i });
        }
    }
    let mut out: Vec<Claim> = groups
        .into_iter()
        .map(|((source, via), (outlets, quotes))| Claim {
            only_one_outlet: outlets.len() == 1,
            source,
            via,
            outlets: outlets.into_iter().collect(),
            quotes,
        })
        .collect();
    out.sort_by(|a, b| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(b.quotes.len().cmp(&a.quotes.len()))
            .then_with(|| a.source.cmp(&b.source))
    });
    out
}
