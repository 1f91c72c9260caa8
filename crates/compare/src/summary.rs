//! Extractive summary: the most central sentences across a story's articles, without repeating themselves.

use lagebild_core::{AnalyzedArticle, SummarySentence};
use lagebild_text::sentences::sentences;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Sentences more similar than this to one already chosen are redundant.
const REDUNDANT: f64 = 0.5;
/// Sentences shorter or longer than this (in words) make poor summary lines.
const WORDS: std::ops::RangeInclusive<usize> = 6..=60;

struct Candidate {
    article: usize,
    start: usize,
    end: usize,
    text: String,
    /// Distinct stemmed terms as interned ids, ascending (cosine by a merge, not by string compares: the
    /// centrality is quadratic in a story's sentences and the server recomputes stories as they grow).
    terms: Vec<u32>,
}

/// Up to `n` sentences (at least 3 when the story has them), most central first.
pub fn summarize(articles: &[&AnalyzedArticle], n: usize) -> Vec<SummarySentence> {
    let de = Stemmer::create(Algorithm::German);
    let en = Stemmer::create(Algorithm::English);
    let mut candidates = Vec::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        let stemmer = if a.article.language.as_deref() == Some("en") { &en } else { &de };
        let text = &a.article.text;
        for s in sentences(text) {
            let sentence = s.slice(text);
            let words = sentence.split_whitespace().count();
            if !WORDS.contains(&words) || sentence.ends_with('?') || sentence.ends_with(':') {
                continue;
            }
            let mut terms: Vec<u32> = sentence
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(stemmer.stem(&w.to_lowercase()).into_owned()).or_insert(next)
                })
                .collect();
            terms.sort_unstable();
            terms.dedup();
            candidates.push(Candidate { article: i, start: s.start, end: s.end, text: sentence.to_string(), terms });
        }
    }
    let centrality = centrality(&candidates, ids.len());
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

/// Each sentence's summed cosine with every other sentence. Through term postings, so that pairs without a
/// shared term cost nothing; the sum runs over the others in index order like the plain double loop, and
/// skipping zero terms leaves it bit for bit the same.
fn centrality(candidates: &[Candidate], terms: usize) -> Vec<f64> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); terms];
    for (j, c) in candidates.iter().enumerate() {
        for &t in &c.terms {
            postings[t as usize].push(j as u32);
        }
    }
    let mut shared = vec![0u32; candidates.len()];
    let mut touched: Vec<u32> = Vec::new();
    candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if candidates.len() < 2 {
                return std::iter::empty::<f64>().sum();
            }
            for &t in &c.terms {
                for &j in &postings[t as usize] {
                    if shared[j as usize] == 0 {
                        touched.push(j);
                    }
                    shared[j as usize] += 1;
                }
            }
            touched.sort_unstable();
            let mut sum = 0.0;
            for &j in &touched {
                let j = j as usize;
                if j != i {
                    let d = &candidates[j];
                    sum += shared[j] as f64 / ((c.terms.len() * d.terms.len()) as f64).sqrt();
                }
                shared[j] = 0;
            }
            touched.clear();
            sum
        })
        .collect()
}

/// Cosine of two term sets (sorted, distinct ids).
fn cosine(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / ((a.len() * b.len()) as f64).sqrt()
}
