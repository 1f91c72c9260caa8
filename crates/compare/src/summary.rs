//! Extractive summary: the most central sentences across a story's articles, without repeating themselves.

use lagebild_core::{AnalyzedArticle, SummarySentence};
use lagebild_text::sentences::sentences;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;

/// Sentences more similar than this to one already chosen are redundant.
const REDUNDANT: f64 = 0.5;
/// Sentences shorter or longer than this (in words) make poor summary lines.
const WORDS: std::ops::RangeInclusive<usize> = 6..=60;

struct Candidate {
    article: usize,
    start: usize,
    end: usize,
    text: String,
    terms: BTreeSet<String>,
}

/// Up to `n` sentences (at least 3 when the story has them), most central first.
pub fn summarize(articles: &[&AnalyzedArticle], n: usize) -> Vec<SummarySentence> {
    let de = Stemmer::create(Algorithm::German);
    let en = Stemmer::create(Algorithm::English);
    let mut candidates = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let stemmer = if a.article.language.as_deref() == Some("en") { &en } else { &de };
        let text = &a.article.text;
        for s in sentences(text) {
            let sentence = s.slice(text);
            let words = sentence.split_whitespace().count();
            if !WORDS.contains(&words) || sentence.ends_with('?') || sentence.ends_with(':') {
                continue;
            }
            let terms: BTreeSet<String> = sentence
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(|w| stemmer.stem(&w.to_lowercase()).into_owned())
                .collect();
            candidates.push(Candidate { article: i, start: s.start, end: s.end, text: sentence.to_string(), terms });
        }
    }
    let centrality: Vec<f64> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            candidates.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, d)| cosine(&c.terms, &d.terms)).sum()
        })
        .collect();
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| centrality[b].total_cmp(&centrality[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    for i in order {
        if chosen.len() == n {
            break;
        }
        if chosen.iter().all(|&j| cosine(&candidates[i].terms, &candidates[j].terms) < REDUNDANT) {
            chosen.push(i);
        }
    }
    chosen
        .into_iter()
        .map(|i| {
            let c = &candidates[i];
            SummarySentence {
                article: articles[c.article].article.id.clone(),
                start: c.start,
                end: c.end,
                text: c.text.clone(),
            }
        })
        .collect()
}

fn cosine(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    shared / ((a.len() * b.len()) as f64).sqrt()
}
