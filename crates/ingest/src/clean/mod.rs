//! Boilerplate cleaning of plain-text articles.
//!
//! Each paragraph is judged by evidence that generalises beyond one site: its shape (sentence or not,
//! length, digits only, bullet), cue lines from the language tables, its position, runs of link-like
//! bullets, verbatim repeats inside the article and across articles of one outlet. A paragraph that reads
//! like a body sentence is kept unless a specific cue says otherwise, so that no body sentence is lost.

pub mod shape;

use crate::rules::{self, Rules};
use lagebild_core::{Article, RemovalReason, Removed};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use shape::*;

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
    let mut seen: HashSet<String> = HashSet::default();
    for (para, verdict) in paragraphs.into_iter().zip(verdicts) {
        if let Some(reason) = verdict {
            if out.outlet.is_none()
                && matches!(reason, RemovalReason::Teaser | RemovalReason::AuthorBio | RemovalReason::Footer)
            {
                out.outlet = rules::ALL.iter().find_map(|r| crate::meta::outlet_in_line(&para, r));
                // "© 2025 Pacific Ledger. All rights reserved."
                if out.outlet.is_none() && reason == RemovalReason::Footer && para.trim_start().starts_with('©') {
                    out.outlet = crate::meta::outlet_in_masthead(&para);
                }
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
    if is_metadata_line(line, &lower) {
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
    if position >= 0.5 && rules::ALL.iter().any(|r| is_bio(line, &lower, r)) {
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

/// A dateline, byline or "Stand:" line: short, carries a date or starts like a byline, and is no sentence.
fn is_metadata_line(line: &str, lower: &str) -> bool {
    let words = word_count(line);
    let prefixed = |list: fn(&Rules) -> &'static [&'static str]| {
        rules::ALL.iter().any(|r| list(r).iter().any(|p| lower.starts_with(p)))
    };
    if words <= 8 && prefixed(|r| r.byline_prefixes) && starts_with_name(&line[line.find(' ').unwrap_or(0)..]) {
        return true;
    }
    words <= 16
        && crate::meta::parse_date(line).is_some()
        && (prefixed(|r| r.metadata_prefixes)
            || ["|", " · "].iter().any(|s| line.contains(s))
            || !is_sentence_like(line))
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

/// Removes lines that one outlet prints under several of its articles (footers, mastheads, house ads) and
/// that do not read like a sentence; a batch step, since it needs more than one article. An outlet named by such a line replaces a missing
/// one or a wire agency from a dateline (the outlet that printed the wire story).
pub fn remove_outlet_repeats(articles: &mut [Article]) {
    // Finding each article's candidate lines and rewriting texts run per article in parallel, counting per
    // group in parallel. Lookups borrow, so no line is copied unless it is removed.
    let groups: Vec<String> = articles.par_iter().map(group_key).collect();
    let candidates: Vec<HashSet<&str>> =
        articles.par_iter().map(|a| a.text.split("\n\n").filter(|p| is_repeat_candidate(p)).collect()).collect();
    let mut members: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, g) in groups.iter().enumerate() {
        members.entry(g).or_default().push(i);
    }
    // A group's repeated lines: candidates in at least two of its articles.
    let repeated: HashMap<&str, HashSet<&str>> = members
        .into_par_iter()
        .filter(|(_, idx)| idx.len() >= 2)
        .map(|(g, idx)| {
            let mut counts: HashMap<&str, usize> = HashMap::default();
            for &i in &idx {
                for &p in &candidates[i] {
                    *counts.entry(p).or_default() += 1;
                }
            }
            (g, counts.into_iter().filter(|&(_, n)| n >= 2).map(|(p, _)| p).collect::<HashSet<&str>>())
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect();
    if repeated.is_empty() {
        return;
    }
    // Owned copies, so that the texts can be rewritten.
    let repeated: HashMap<String, HashSet<String>> = repeated
        .into_iter()
        .map(|(g, lines)| (g.to_string(), lines.into_iter().map(str::to_string).collect()))
        .collect();
    articles.par_iter_mut().zip(groups.par_iter()).for_each(|(a, g)| {
        let Some(lines) = repeated.get(g) else { return };
        let (found, kept): (Vec<&str>, Vec<&str>) = a.text.split("\n\n").partition(|p| lines.contains(*p));
        if found.is_empty() {
            return;
        }
        let found: Vec<String> = found.into_iter().map(str::to_string).collect();
        a.text = kept.join("\n\n");
        let is_agency = a.outlet.as_deref().is_some_and(|o| rules::AGENCIES.iter().any(|(_, name)| *name == o));
        if a.outlet.is_none() || is_agency {
            let named = |l: &String| {
                crate::meta::outlet_in_masthead(l)
                    .or_else(|| rules::ALL.iter().find_map(|r| crate::meta::outlet_in_line(l, r)))
            };
            if let Some(name) = found.iter().find_map(named) {
                a.outlet = Some(name);
            }
        }
        a.removed.extend(found.into_iter().map(|text| Removed { text, reason: RemovalReason::Repeated }));
    });
}

/// Files are grouped by folder (saved articles are filed by site), records and feed items by outlet.
fn group_key(a: &Article) -> String {
    match (a.source.split_once('#'), &a.outlet) {
        (Some(_), Some(o)) => format!("outlet:{o}"),
        (Some((file, _)), None) => format!("file:{file}"),
        (None, _) => {
            let folder = std::path::Path::new(&a.source).parent().map(|p| p.display().to_string()).unwrap_or_default();
            format!("folder:{folder}")
        }
    }
}

/// Lines that may be an outlet's furniture when they repeat under its articles: not sentences, or short, or
/// giving a contact address ("Contact the newsdesk at desk@…"); a repeated body sentence (wire background)
/// stays.
fn is_repeat_candidate(p: &str) -> bool {
    let contact = p.split_whitespace().any(|w| (w.contains('@') && w.contains('.')) || w.starts_with("www."));
    !p.is_empty() && (!is_sentence_like(p) || word_count(p) <= 6 || contact)
}

#[cfg(test)]
mod tests;
