//! Sparse vectors sorted by key (article vectors, story centroids) and the posting lists that follow a
//! centroid's key set.

use rustc_hash::FxHashMap;

/// `old + doc` cut to the strongest `keep` keys, with its norm; the posting lists of `slot` (when kept) follow
/// the new key set.
pub(crate) fn add_to_centroid(
    postings: Option<&mut FxHashMap<u64, Vec<u32>>>,
    slot: u32,
    old: &[(u64, f32)],
    doc: &[(u64, f32)],
    keep: usize,
) -> (Vec<(u64, f32)>, f32) {
    let mut merged = merge_add(old, doc);
    if merged.len() > keep {
        merged.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        merged.truncate(keep);
        merged.sort_unstable_by_key(|&(t, _)| t);
    }
    let norm = merged.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let Some(postings) = postings else { return (merged, norm) };
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < merged.len() {
        let a = old.get(i).map(|x| x.0);
        let b = merged.get(j).map(|x| x.0);
        match (a, b) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), y) if y.is_none_or(|y| x < y) => {
                remove_posting(postings, x, slot);
                i += 1;
            }
            (_, Some(y)) => {
                postings.entry(y).or_default().push(slot);
                j += 1;
            }
            _ => unreachable!(),
        }
    }
    (merged, norm)
}

pub(crate) fn remove_posting(postings: &mut FxHashMap<u64, Vec<u32>>, term: u64, slot: u32) {
    if let Some(p) = postings.get_mut(&term) {
        if let Some(i) = p.iter().position(|&s| s == slot) {
            p.swap_remove(i);
        }
        if p.is_empty() {
            postings.remove(&term);
        }
    }
}

/// Dot product of two vectors sorted by key.
pub(crate) fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Sum of two vectors sorted by key.
fn merge_add(a: &[(u64, f32)], b: &[(u64, f32)]) -> Vec<(u64, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i >= a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}
