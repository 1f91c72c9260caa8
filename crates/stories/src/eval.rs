//! Evaluation helpers: B-cubed scores and the plain baseline the clusterer is measured against (TF-IDF over
//! the whole collection + average-link agglomerative clustering cut at a similarity threshold).

use crate::features::{featurize, Scratch};
use crate::lang::Tables;
use crate::vector::dot;
use crate::{Config, StoryInput};
use rustc_hash::FxHashMap;
use std::hash::Hash;

/// B-cubed precision, recall and F1 of a predicted clustering against gold labels (item by item).
pub fn bcubed<P: Hash + Eq, G: Hash + Eq>(pred: &[P], gold: &[G]) -> (f64, f64, f64) {
    assert_eq!(pred.len(), gold.len());
    if pred.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut pair: FxHashMap<(&P, &G), usize> = FxHashMap::default();
    let mut psize: FxHashMap<&P, usize> = FxHashMap::default();
    let mut gsize: FxHashMap<&G, usize> = FxHashMap::default();
    for (p, g) in pred.iter().zip(gold) {
        *pair.entry((p, g)).or_default() += 1;
        *psize.entry(p).or_default() += 1;
        *gsize.entry(g).or_default() += 1;
    }
    let (mut prec, mut rec) = (0.0, 0.0);
    for (p, g) in pred.iter().zip(gold) {
        let both = pair[&(p, g)] as f64;
        prec += both / psize[p] as f64;
        rec += both / gsize[g] as f64;
    }
    let n = pred.len() as f64;
    let (prec, rec) = (prec / n, rec / n);
    let f = if prec + rec > 0.0 { 2.0 * prec * rec / (prec + rec) } else { 0.0 };
    (prec, rec, f)
}

/// Plain TF-IDF vectors over a whole collection: stemmed content words of title and text only (no names, dates
/// or numbers), sublinear term frequency, IDF from the collection, L2-normalised, sorted by key.
pub fn tfidf_vectors(inputs: &[StoryInput]) -> Vec<Vec<(u64, f32)>> {
    let config =
        Config { name_weight: 0.0, date_weight: 0.0, number_weight: 0.0, title_weight: 1.0, ..Config::default() };
    let tables = Tables::new();
    let mut scratch = Scratch::default();
    let tfs: Vec<Vec<(u64, f32)>> = inputs
        .iter()
        .map(|i| {
            let plain = StoryInput { entities: Vec::new(), ..i.clone() };
            featurize(&plain, &config, &tables, &mut scratch).terms
        })
        .collect();
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    for v in &tfs {
        for &(k, _) in v {
            *df.entry(k).or_default() += 1;
        }
    }
    let n = inputs.len() as f32;
    tfs.into_iter()
        .map(|v| {
            let mut v: Vec<(u64, f32)> =
                v.into_iter().map(|(k, tf)| (k, tf * (((n + 1.0) / (df[&k] as f32 + 1.0)).ln() + 1.0))).collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

/// One merge of average-link clustering: clusters `a` and `b` (numbered by their first item) joined at
/// average similarity `sim`. Merges come in order of decreasing similarity.
#[derive(Debug, Clone, Copy)]
pub struct Merge {
    pub a: usize,
    pub b: usize,
    pub sim: f32,
}

/// Average-link (UPGMA) agglomerative clustering over cosine similarities, down to similarity `floor`.
pub fn average_link(vectors: &[Vec<(u64, f32)>], floor: f32) -> Vec<Merge> {
    let n = vectors.len();
    // sum[i][j]: sum of pairwise similarities between clusters i and j.
    let mut sum = vec![0f64; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = dot(&vectors[i], &vectors[j]) as f64;
            sum[i * n + j] = s;
            sum[j * n + i] = s;
        }
    }
    let mut size = vec![1usize; n];
    let mut active: Vec<usize> = (0..n).collect();
    let mut merges = Vec::new();
    while active.len() > 1 {
        let mut best = (f64::NEG_INFINITY, 0, 0);
        for (x, &i) in active.iter().enumerate() {
            for &j in &active[x + 1..] {
                let avg = sum[i * n + j] / (size[i] * size[j]) as f64;
                if avg > best.0 {
                    best = (avg, i, j);
                }
            }
        }
        let (avg, i, j) = best;
        if avg < floor as f64 {
            break;
        }
        merges.push(Merge { a: i, b: j, sim: avg as f32 });
        for &k in &active {
            if k != i && k != j {
                let s = sum[i * n + k] + sum[j * n + k];
                sum[i * n + k] = s;
                sum[k * n + i] = s;
            }
        }
        size[i] += size[j];
        active.retain(|&k| k != j);
    }
    merges
}

/// Cluster labels after applying the merges with similarity at or above `threshold`.
pub fn cut(n: usize, merges: &[Merge], threshold: f32) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for m in merges.iter().filter(|m| m.sim >= threshold) {
        let (a, b) = (find(&mut parent, m.a), find(&mut parent, m.b));
        parent[b] = a;
    }
    (0..n).map(|i| find(&mut parent, i)).collect()
}

/// The baseline with its threshold tuned on the gold labels: (threshold, precision, recall, F1).
pub fn tuned_baseline<G: Hash + Eq>(inputs: &[StoryInput], gold: &[G]) -> (f32, f64, f64, f64) {
    let vectors = tfidf_vectors(inputs);
    let merges = average_link(&vectors, 0.0);
    let mut best = (1.0f32, 0.0, 0.0, 0.0);
    let mut thresholds: Vec<f32> = merges.iter().map(|m| m.sim).collect();
    thresholds.push(1.0);
    for t in thresholds {
        let labels = cut(inputs.len(), &merges, t);
        let (p, r, f) = bcubed(&labels, gold);
        if f > best.3 {
            best = (t, p, r, f);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bcubed_perfect_and_lumped() {
        let gold = ["a", "a", "b", "b"];
        assert_eq!(bcubed(&[1, 1, 2, 2], &gold), (1.0, 1.0, 1.0));
        let (p, r, _) = bcubed(&[1, 1, 1, 1], &gold);
        assert!((p - 0.5).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }

    #[test]
    fn average_link_joins_similar() {
        let v = vec![vec![(1, 1.0)], vec![(1, 1.0)], vec![(2, 1.0)]];
        let merges = average_link(&v, 0.0);
        let labels = cut(3, &merges, 0.5);
        assert_eq!(labels[0], labels[1]);
        assert_ne!(labels[0], labels[2]);
    }
}
