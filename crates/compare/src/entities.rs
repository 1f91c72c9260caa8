//! Entities merged across a story's articles by canonical name.

use lagebild_core::{AnalyzedArticle, EntityKind, StoryEntity};
use std::collections::{BTreeMap, BTreeSet};

pub fn merge(articles: &[&AnalyzedArticle]) -> Vec<StoryEntity> {
    #[derive(Default)]
    struct Acc {
        kinds: BTreeMap<EntityKind, usize>,
        variants: BTreeSet<String>,
        mentions: usize,
        articles: BTreeSet<usize>,
    }
    let mut by_name: BTreeMap<&str, Acc> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        for e in &a.entities {
            let acc = by_name.entry(e.canonical.as_str()).or_default();
            *acc.kinds.entry(e.kind).or_default() += 1;
            acc.variants.insert(e.text.clone());
            acc.mentions += 1;
            acc.articles.insert(i);
        }
    }
    let mut out: Vec<StoryEntity> = by_name
        .into_iter()
        .map(|(canonical, acc)| StoryEntity {
            canonical: canonical.to_string(),
            kind: acc
                .kinds
                .iter()
                .max_by_key(|(kind, n)| (**n, std::cmp::Reverse(**kind)))
                .map(|(k, _)| *k)
                .unwrap_or(EntityKind::Misc),
            variants: acc.variants.into_iter().collect(),
            mentions: acc.mentions,
            articles: acc.articles.len(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then_with(|| a.canonical.cmp(&b.canonical))
    });
    out
}
