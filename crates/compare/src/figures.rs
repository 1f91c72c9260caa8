//! Figure groups: figures about the same counted thing (and unit) across a story's articles.

use lagebild_core::{AnalyzedArticle, FigureGroup, FigureRef};
use std::collections::BTreeMap;

/// Counted things that name the same kind of thing in reports, mapped to one group key (German lemma first):
/// troops and soldiers are counted together, and English reports join the German ones.
const SAME_THING: &[(&str, &str)] = &[
    ("truppe", "soldat"),
    ("soldier", "soldat"),
    ("troop", "soldat"),
    ("kämpfer", "soldat"),
    ("fighter", "soldat"),
    ("firefighter", "einsatzkraft"),
    ("feuerwehrmann", "einsatzkraft"),
    ("feuerwehrleute", "einsatzkraft"),
    ("person", "mensch"),
];

fn group_key(thing: &str) -> &str {
    SAME_THING.iter().find(|(t, _)| *t == thing).map(|(_, key)| *key).unwrap_or(thing)
}

/// Values within this relative distance count as the same report (rounding, "rund", "knapp").
const SAME_VALUE: f64 = 0.05;

/// Figures keyed by (thing, unit): value, reference and the counted noun as written.
type Groups = BTreeMap<(String, String), Vec<(f64, FigureRef, String)>>;

pub fn group(articles: &[&AnalyzedArticle]) -> Vec<FigureGroup> {
    let mut groups: Groups = BTreeMap::new();
    for a in articles {
        for (i, f) in a.figures.iter().enumerate() {
            let (Some(thing), Some(value)) = (&f.thing, f.value) else { continue };
            let unit = f.unit.clone().unwrap_or_default();
            let member = FigureRef {
                article: a.article.id.clone(),
                figure: i,
                outlet: a.article.outlet.clone(),
                source: f.source.clone(),
            };
            let label = f.thing_text.clone().unwrap_or_else(|| thing.clone());
            groups.entry((group_key(thing).to_string(), unit)).or_default().push((value, member, label));
        }
    }
    let mut out: Vec<FigureGroup> = groups
        .into_iter()
        .filter(|(_, members)| {
            let articles: std::collections::BTreeSet<&str> =
                members.iter().map(|(_, m, _)| m.article.as_str()).collect();
            articles.len() >= 2 || members.len() >= 2
        })
        .map(|((thing, _unit), members)| {
            let mut values: Vec<f64> = members.iter().map(|(v, _, _)| *v).collect();
            values.sort_by(f64::total_cmp);
            values.dedup();
            let disagree = values.windows(2).any(|w| (w[1] - w[0]) / w[1].abs().max(f64::MIN_POSITIVE) > SAME_VALUE);
            let label = most_common(members.iter().map(|(_, _, l)| l.as_str()));
            FigureGroup { thing, label, values, members: members.into_iter().map(|(_, m, _)| m).collect(), disagree }
        })
        .collect();
    out.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then_with(|| a.thing.cmp(&b.thing)));
    out
}

fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(l, n)| (*n, std::cmp::Reverse(*l))).map(|(l, _)| l.to_string()).unwrap_or_default()
}
