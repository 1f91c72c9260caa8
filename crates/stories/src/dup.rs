//! Near-duplicate index: MinHash signatures in LSH bands over a bounded window of recent articles.

use crate::features::{mix, NUM_HASHES};
use crate::StoryId;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;
use std::sync::Arc;

/// Rows per LSH band: 32 bands of 4 rows find pairs of Jaccard 0.5 with probability 0.87, 0.6 with 0.99.
const ROWS: usize = 4;
/// Most articles kept per bucket (the newest); guards against one boilerplate text filling a bucket.
const MAX_BUCKET: usize = 64;

struct Entry {
    /// The id of the first copy of this text (the article itself when it is no copy).
    root: Arc<str>,
    story: StoryId,
    signature: Box<[u32]>,
}

/// A found copy.
pub struct Match {
    pub root: Arc<str>,
    pub story: StoryId,
}

pub struct DupIndex {
    window: usize,
    /// Sequence number of `entries[0]`.
    first: u64,
    entries: VecDeque<Entry>,
    buckets: FxHashMap<u64, Vec<u64>>,
}

fn band_keys(sig: &[u32]) -> impl Iterator<Item = u64> + '_ {
    sig.chunks_exact(ROWS).enumerate().map(|(b, rows)| {
        let mut h = b as u64;
        for &r in rows {
            h = mix(h ^ r as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
        h
    })
}

impl DupIndex {
    pub fn new(window: usize) -> DupIndex {
        DupIndex { window: window.max(1), first: 0, entries: VecDeque::new(), buckets: FxHashMap::default() }
    }

    /// The most similar earlier article at or above `threshold` (estimated Jaccard of word 3-grams); ties go to
    /// the earliest.
    pub fn query(&self, sig: &[u32], threshold: f32) -> Option<Match> {
        let mut seen: Vec<u64> = Vec::new();
        for k in band_keys(sig) {
            if let Some(b) = self.buckets.get(&k) {
                seen.extend_from_slice(b);
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let mut best: Option<(f32, u64)> = None;
        for seq in seen {
            let e = &self.entries[(seq - self.first) as usize];
            let same = e.signature.iter().zip(sig).filter(|(a, b)| a == b).count();
            let sim = same as f32 / NUM_HASHES as f32;
            if sim >= threshold && best.is_none_or(|(s, _)| sim > s) {
                best = Some((sim, seq));
            }
        }
        best.map(|(_, seq)| {
            let e = &self.entries[(seq - self.first) as usize];
            Match { root: e.root.clone(), story: e.story }
        })
    }

    pub fn insert(&mut self, root: Arc<str>, story: StoryId, signature: Box<[u32]>) {
        let seq = self.first + self.entries.len() as u64;
        for k in band_keys(&signature) {
            let b = self.buckets.entry(k).or_default();
            if b.len() >= MAX_BUCKET {
                b.remove(0);
            }
            b.push(seq);
        }
        self.entries.push_back(Entry { root, story, signature });
        while self.entries.len() > self.window {
            let old = self.entries.pop_front().expect("not empty");
            let old_seq = self.first;
            self.first += 1;
            for k in band_keys(&old.signature) {
                if let Some(b) = self.buckets.get_mut(&k) {
                    if let Some(i) = b.iter().position(|&s| s == old_seq) {
                        b.remove(i);
                    }
                    if b.is_empty() {
                        self.buckets.remove(&k);
                    }
                }
            }
        }
    }
}
