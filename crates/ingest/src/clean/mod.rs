//! Boilerplate cleaning of plain-text articles.
//!
//! Each paragraph is judged by evidence that generalises beyond one site: its shape (sentence or not,
//! length, digits only, bullet), cue lines from the language tables, its position, runs of link-like
//! bullets, verbatim repeats inside the article and across articles of one outlet. A paragraph that reads
//! like a body sentence is kept unless a specific cue says otherwise, so that no body sentence is lost.

pub mod shape;

use crate::rules::{self, Rules};
use lagebild_core::{Article, RemovalReason, Removed};
use shape::*;
use std::collections::{HashMap, HashSet};

/// Paragraphs split into what stays and what was cut.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub kept: Vec<String>,
    pub removed: Vec<Removed>,
    /// An outlet named by a removed teaser, bio or footer.
    pub outlet: Option<String>,
}

/// Cleans the body paragraphs of one article; `title` helps recognise a repeated headline.
pub fn clean(paragraphs: Vec<String>, title: Option<&str>) -> Cleaned {
    let n = paragraphs.len();
    let mut verdicts: Vec<Option<RemovalReason>> =
        paragraphs.iter().enumerate().map(|(i, p)| judge(p, title, i as f64 / n.max(1) as f64)).collect();
    mark_link_lists(&paragraphs, &mut verdicts);

    let mut out = Cleaned::default();
    let mut seen: HashSet<String> = HashSet::new();
    for (para, verdict) in paragraphs.into_iter().zip(verdicts) {
        if let Some(reason) = verdict {
            if out.outlet.is_none()
                && matches!(reason, RemovalReason::Teaser | RemovalReason::AuthorBio | RemovalReason::Footer)
            {
                out.outlet = rules::ALL.iter().find_map(|r| crate::meta::outlet_in_line(&para, r));
            }
            out.removed.push(Removed { text: para, reason });
            continue;
        }
        let (body, credit) = split_credit(&para);
        let key = normalize(body);
        if key.chars().count() >= 30 && !seen.insert(key) {
            out.removed.push(Removed { text: para, reason: RemovalReason::Duplicate });
            continue;
        }
        if let Some(credit) = credit {
            out.removed.push(Removed { text: credit.to_string(), reason: RemovalReason::Caption });
        }
        out.kept.push(body.to_string());
    }
    out
}

/// The verdict on one paragraph by itself; `position` is 0.0 at the top and near 1.0 at the end.
fn judge(para: &str, title: Option<&str>, position: f64) -> Option<RemovalReason> {
    let line = para.trim();
    let key = cue_key(line);
    for r in rules::ALL {
        if let Some(&(_, reason)) = r.cue_lines.iter().find(|(cue, _)| *cue == key) {
            return Some(reason);
        }
    }
    if is_counter(line, &rules::ALL) {
        return Some(RemovalReason::Engagement);
    }
    let lower = line.to_lowercase();
    if rules::ALL.iter().any(|r| r.metadata_prefixes.iter().any(|p| lower.starts_with(p)))
        && crate::meta::parse_date(line).is_some()
        && word_count(line) <= 8
    {
        return Some(RemovalReason::Metadata);
    }
    if is_footer(&lower) {
        return Some(RemovalReason::Footer);
    }
    if rules::ALL.iter().any(|r| r.credit_prefixes.iter().any(|p| lower.starts_with(p))) && word_count(line) <= 8 {
        return Some(RemovalReason::Caption);
    }
    if let Some(t) = title {
        if is_title_repeat(line, t) {
            return Some(RemovalReason::Title);
        }
    }
    if rules::ALL.iter().any(|r| is_teaser(&lower, r)) {
        return Some(RemovalReason::Teaser);
    }
    if position >= 0.6 && rules::ALL.iter().any(|r| is_bio(line, &lower, r)) {
        return Some(RemovalReason::AuthorBio);
    }
    None
}

/// Runs of link-like bullets, and headline-like lines right after a related-content heading.
fn mark_link_lists(paragraphs: &[String], verdicts: &mut [Option<RemovalReason>]) {
    let mut i = 0;
    while i < paragraphs.len() {
        let start = i;
        while i < paragraphs.len() && verdicts[i].is_none() && bullet_body(&paragraphs[i]).is_some() {
            i += 1;
        }
        let run = &paragraphs[start..i];
        let linky = run.iter().filter(|p| is_link_like(bullet_body(p).unwrap_or(p))).count();
        if run.len() >= 2 && linky * 2 > run.len() {
            verdicts[start..i].iter_mut().for_each(|v| *v = Some(RemovalReason::LinkList));
        }
        i = i.max(start + 1);
    }
    for i in 0..paragraphs.len() {
        if verdicts[i] != Some(RemovalReason::RelatedHeading) {
            continue;
        }
        let mut j = i + 1;
        while j < paragraphs.len()
            && verdicts[j].is_none()
            && is_link_like(bullet_body(&paragraphs[j]).unwrap_or(&paragraphs[j]))
        {
            if !is_sentence_like(&paragraphs[j]) {
                verdicts[j] = Some(RemovalReason::LinkList);
            }
            j += 1;
        }
    }
}

fn is_teaser(lower: &str, r: &Rules) -> bool {
    sentence_count(lower) <= 3
        && r.teaser_channels.iter().any(|c| contains_word(lower, c))
        && r.reader_address.iter().any(|a| contains_word(lower, a))
}

fn is_bio(line: &str, lower: &str, r: &Rules) -> bool {
    sentence_count(line) <= 3 && starts_with_name(line) && r.bio_phrases.iter().any(|p| lower.contains(p))
}

fn is_footer(lower: &str) -> bool {
    (lower.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c) "))
        || ((lower.contains("alle rechte vorbehalten") || lower.contains("all rights reserved"))
            && word_count(lower) <= 12)
}

/// Removes lines that one outlet prints under several of its articles (footers, house ads) and that do not
/// read like a sentence; a batch step, since it needs more than one article.
pub fn remove_outlet_repeats(articles: &mut [Article]) {
    let mut counts: HashMap<(&str, String), usize> = HashMap::new();
    let mut per_outlet: HashMap<&str, usize> = HashMap::new();
    for a in articles.iter() {
        let Some(outlet) = a.outlet.as_deref() else {
            continue;
        };
        *per_outlet.entry(outlet).or_default() += 1;
        let unique: HashSet<&str> = a.text.split("\n\n").collect();
        for p in unique {
            if is_repeat_candidate(p) {
                *counts.entry((outlet, p.to_string())).or_default() += 1;
            }
        }
    }
    let repeated: HashSet<(String, String)> = counts
        .into_iter()
        .filter(|((outlet, _), n)| *n >= 2 && per_outlet[outlet] >= 2)
        .map(|((o, p), _)| (o.to_string(), p))
        .collect();
    if repeated.is_empty() {
        return;
    }
    for a in articles.iter_mut() {
        let Some(outlet) = a.outlet.clone() else {
            continue;
        };
        let mut kept = Vec::new();
        for p in a.text.split("\n\n") {
            if repeated.contains(&(outlet.clone(), p.to_string())) {
                a.removed.push(Removed { text: p.to_string(), reason: RemovalReason::Repeated });
            } else {
                kept.push(p);
            }
        }
        a.text = kept.join("\n\n");
    }
}

fn is_repeat_candidate(p: &str) -> bool {
    !p.is_empty() && (!is_sentence_like(p) || word_count(p) <= 6)
}

#[cfg(test)]
mod tests;
