//! Stories: near-duplicate and wire-copy detection and online story clustering.
//!
//! Articles arrive one by one ([`StoryClusterer::add`]) or in batches ([`StoryClusterer::add_batch`], which
//! computes features in parallel and assigns in order, so the result is the same as adding one by one and
//! does not depend on the thread count). Each article
//!
//! 1. is checked for a near-identical earlier copy: MinHash of word 3-grams, LSH bands over a bounded window
//!    of recent articles ([`Config::dup_window`]); `duplicate_of` names the first copy;
//! 2. gets its wire agency when the text names one as its origin (dateline "Hamburg (dpa) -", credit line);
//! 3. joins the most similar open story, or opens a new one. The article's vector is TF-IDF over stemmed
//!    content words, entity names (given, or guessed from capitalisation in English), years and dates, and
//!    numbers, each kind with its own weight; document frequencies are accumulated online. Similarity with a
//!    story is its mean cosine with the story's articles ([`Config::linkage`] 0, computed from the sum of
//!    their vectors, cut to the strongest [`Config::centroid_terms`]), scaled by [`Config::year_conflict`]
//!    when both name years but none in common. A copy joins its original's story when that is still open.
//!    A story takes an article only while their dates are within [`Config::window_days`]; at most
//!    [`Config::max_open_stories`] stay open (the least recently joined is closed first), so memory stays
//!    flat on any number of articles.

mod dup;
pub mod eval;
pub mod features;
pub mod lang;
mod wire;

pub use features::Features;
pub use wire::wire_agency;

use chrono::{Datelike, NaiveDate};
use dup::DupIndex;
use features::{featurize, Scratch};
use lagebild_core::Lang;
use lang::Tables;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

/// One article as the clusterer sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryInput {
    pub id: String,
    pub title: String,
    pub text: String,
    /// `None`: guessed from stopwords.
    pub language: Option<Lang>,
    pub published: Option<NaiveDate>,
    /// Canonical names of the entities the article mentions (one per mention, or one per entity), weighted
    /// [`Config::entity_weight`].
    pub entities: Vec<String>,
}

/// A story's number, in the order stories were opened (0, 1, 2, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoryId(pub u64);

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0)
    }
}

/// What the clusterer decided for one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub story: StoryId,
    /// Id of the first earlier article this one is a near-identical copy of.
    pub duplicate_of: Option<String>,
    /// The wire agency the text names as its origin ("dpa", "AFP").
    pub wire_agency: Option<String>,
}

/// Tuning knobs; the defaults are the ones measured in `docs/benchmarks.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Least cosine between an article and a story centroid for the article to join the story.
    pub threshold: f32,
    /// How an article is compared with a story: 1 = cosine with the centroid, 0 = mean cosine with the
    /// members (average link); in between, a geometric blend of the two normalisations.
    pub linkage: f32,
    /// Factor on the score when the article and the story both mention years but none in common.
    pub year_conflict: f32,
    /// Multiplier of entity names given in [`StoryInput::entities`].
    pub entity_weight: f32,
    /// Multiplier of names guessed from capitalisation (English only; German capitalises every noun).
    pub name_weight: f32,
    /// Multiplier of words in the title.
    pub title_weight: f32,
    /// Multiplier of dates and years written in the text.
    pub date_weight: f32,
    /// Multiplier of other numbers written in the text.
    pub number_weight: f32,
    /// An article joins a story only when its date is at most this many days from the story's latest article
    /// (when both have a date); stories whose latest article is older than that are closed.
    pub window_days: u32,
    /// Most stories kept open; beyond it the least recently joined one is closed.
    pub max_open_stories: usize,
    /// Features kept in a story centroid (the strongest).
    pub centroid_terms: usize,
    /// Features kept of an article's vector (the strongest).
    pub doc_terms: usize,
    /// Strongest features of an article used to find candidate stories.
    pub query_terms: usize,
    /// Candidate stories scored exactly per article.
    pub max_candidates: usize,
    /// Least estimated Jaccard similarity of word 3-grams for a near-duplicate.
    pub dup_threshold: f32,
    /// Recent articles kept for near-duplicate look-ups.
    pub dup_window: usize,
    /// Document-frequency table size above which features seen only once are forgotten.
    pub max_df_terms: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.16,
            linkage: 0.0,
            year_conflict: 0.5,
            entity_weight: 2.0,
            name_weight: 2.0,
            title_weight: 2.0,
            date_weight: 4.0,
            number_weight: 2.0,
            window_days: 7,
            max_open_stories: 10_000,
            centroid_terms: 200,
            doc_terms: 150,
            query_terms: 24,
            max_candidates: 16,
            dup_threshold: 0.5,
            dup_window: 100_000,
            max_df_terms: 2_000_000,
        }
    }
}

struct Story {
    id: StoryId,
    /// Sum of member vectors, sorted by key, cut to the strongest `centroid_terms`.
    centroid: Vec<(u64, f32)>,
    norm: f32,
    size: u32,
    /// Distinct years its articles mention, ascending.
    years: Vec<u16>,
    last_seq: u64,
    last_day: Option<i32>,
}

/// Online story clusterer; see the crate documentation.
pub struct StoryClusterer {
    config: Config,
    tables: Tables,
    scratch: Scratch,
    df: FxHashMap<u64, u32>,
    docs: u64,
    stories: Vec<Option<Story>>,
    free: Vec<u32>,
    /// Open stories by (last joined, slot): the first is closed when too many are open.
    lru: BTreeSet<(u64, u32)>,
    postings: FxHashMap<u64, Vec<u32>>,
    next_story: u64,
    seq: u64,
    dups: DupIndex,
    slot_of: FxHashMap<StoryId, u32>,
    max_day: Option<i32>,
    stamp: Vec<u64>,
    acc: Vec<f32>,
}

/// Posting lists longer than this are not walked to find candidates (the feature is too common to tell).
const MAX_POSTING_WALK: usize = 4_000;

impl StoryClusterer {
    pub fn new(config: Config) -> StoryClusterer {
        let dups = DupIndex::new(config.dup_window);
        StoryClusterer {
            config,
            tables: Tables::new(),
            scratch: Scratch::default(),
            df: FxHashMap::default(),
            docs: 0,
            stories: Vec::new(),
            free: Vec::new(),
            lru: BTreeSet::new(),
            postings: FxHashMap::default(),
            next_story: 0,
            seq: 0,
            dups,
            slot_of: FxHashMap::default(),
            max_day: None,
            stamp: Vec::new(),
            acc: Vec::new(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Number of stories open now.
    pub fn open_stories(&self) -> usize {
        self.lru.len()
    }

    /// Number of stories opened so far.
    pub fn stories_opened(&self) -> u64 {
        self.next_story
    }

    /// Clusters one article.
    pub fn add(&mut self, input: StoryInput) -> Assignment {
        let f = featurize(&input, &self.config, &self.tables, &mut self.scratch);
        self.add_features(&input.id, input.published, f)
    }

    /// Clusters a batch: features in parallel, assignment in order. Same result as [`add`](Self::add) on
    /// each input in turn, whatever the number of threads.
    pub fn add_batch(&mut self, inputs: &[StoryInput]) -> Vec<Assignment> {
        let (config, tables) = (&self.config, &self.tables);
        let features: Vec<Features> =
            inputs.par_iter().map_init(Scratch::default, |s, input| featurize(input, config, tables, s)).collect();
        inputs.iter().zip(features).map(|(input, f)| self.add_features(&input.id, input.published, f)).collect()
    }

    /// Clusters one article whose features were computed already (by [`features::featurize`] with this
    /// clusterer's config).
    pub fn add_features(&mut self, id: &str, published: Option<NaiveDate>, f: Features) -> Assignment {
        self.seq += 1;
        let day = published.map(|d| d.num_days_from_ce());
        if let Some(d) = day {
            if self.max_day.is_none_or(|m| d > m) {
                self.max_day = Some(d);
                self.close_expired();
            }
        }
        let copy = f.signature.as_ref().and_then(|sig| self.dups.query(sig, self.config.dup_threshold));
        let doc = self.weigh(&f.terms);

        let own = copy.as_ref().and_then(|m| self.slot_of.get(&m.story).copied()).filter(|&slot| {
            let s = self.stories[slot as usize].as_ref().expect("open slot");
            within(day, s.last_day, self.config.window_days)
        });
        let slot = match own.or_else(|| self.best_story(&doc, day, &f.years)) {
            Some(slot) => slot,
            None => self.open_story(),
        };
        self.join(slot, &doc, day, &f.years);
        let story = self.stories[slot as usize].as_ref().expect("open slot").id;
        if self.lru.len() > self.config.max_open_stories {
            let &(_, oldest) = self.lru.iter().next().expect("open stories");
            self.close(oldest);
        }
        let duplicate_of = copy.as_ref().map(|m| m.root.to_string());
        if let Some(sig) = f.signature {
            let root: Arc<str> = copy.map(|m| m.root).unwrap_or_else(|| Arc::from(id));
            self.dups.insert(root, story, sig);
        }
        Assignment { story, duplicate_of, wire_agency: f.wire_agency.map(str::to_string) }
    }

    /// TF-IDF vector of an article (document frequencies updated with it first), L2-normalised, cut to the
    /// strongest `doc_terms`, sorted by key.
    fn weigh(&mut self, terms: &[(u64, f32)]) -> Vec<(u64, f32)> {
        self.docs += 1;
        if self.df.len() > self.config.max_df_terms {
            self.df.retain(|_, n| *n > 1);
        }
        let n = self.docs as f32;
        let mut v: Vec<(u64, f32)> = terms
            .iter()
            .map(|&(k, tf)| {
                let df = self.df.entry(k).or_insert(0);
                *df += 1;
                (k, tf * (((n + 1.0) / (*df as f32 + 1.0)).ln() + 1.0))
            })
            .collect();
        if v.len() > self.config.doc_terms {
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(self.config.doc_terms);
            v.sort_unstable_by_key(|&(k, _)| k);
        }
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        v
    }

    /// The open story most similar to `doc` at or above the threshold (ties: the older story).
    fn best_story(&mut self, doc: &[(u64, f32)], day: Option<i32>, years: &[u16]) -> Option<u32> {
        let mut query: Vec<(u64, f32)> = doc.to_vec();
        query.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        query.truncate(self.config.query_terms);
        if self.stamp.len() < self.stories.len() {
            self.stamp.resize(self.stories.len(), 0);
            self.acc.resize(self.stories.len(), 0.0);
        }
        let mut cands: Vec<u32> = Vec::new();
        for (k, w) in query {
            let Some(p) = self.postings.get(&k) else { continue };
            if p.len() > MAX_POSTING_WALK {
                continue;
            }
            for &slot in p {
                let i = slot as usize;
                if self.stamp[i] != self.seq {
                    self.stamp[i] = self.seq;
                    self.acc[i] = 0.0;
                    cands.push(slot);
                }
                self.acc[i] += w;
            }
        }
        let acc = &self.acc;
        let stories = &self.stories;
        let sid = |slot: u32| stories[slot as usize].as_ref().expect("open slot").id;
        cands.sort_unstable_by(|&a, &b| acc[b as usize].total_cmp(&acc[a as usize]).then(sid(a).cmp(&sid(b))));
        cands.truncate(self.config.max_candidates);
        let mut best: Option<(f32, StoryId, u32)> = None;
        for slot in cands {
            let s = stories[slot as usize].as_ref().expect("open slot");
            if !within(day, s.last_day, self.config.window_days) || s.norm <= 0.0 {
                continue;
            }
            let a = self.config.linkage;
            let mut score = dot(doc, &s.centroid) / (s.norm.powf(a) * (s.size as f32).powf(1.0 - a));
            if !years.is_empty() && !s.years.is_empty() && !years.iter().any(|y| s.years.binary_search(y).is_ok()) {
                score *= self.config.year_conflict;
            }

            if score >= self.config.threshold
                && best.is_none_or(|(bs, bid, _)| score > bs || (score == bs && s.id < bid))
            {
                best = Some((score, s.id, slot));
            }
        }
        best.map(|(_, _, slot)| slot)
    }

    fn open_story(&mut self) -> u32 {
        let id = StoryId(self.next_story);
        self.next_story += 1;
        let story = Story {
            id,
            centroid: Vec::new(),
            norm: 0.0,
            size: 0,
            years: Vec::new(),
            last_seq: self.seq,
            last_day: None,
        };
        let slot = match self.free.pop() {
            Some(slot) => {
                self.stories[slot as usize] = Some(story);
                slot
            }
            None => {
                self.stories.push(Some(story));
                (self.stories.len() - 1) as u32
            }
        };
        self.slot_of.insert(id, slot);
        self.lru.insert((self.seq, slot));
        slot
    }

    /// Adds `doc` to the story in `slot`: centroid, posting lists, recency.
    fn join(&mut self, slot: u32, doc: &[(u64, f32)], day: Option<i32>, years: &[u16]) {
        let k = self.config.centroid_terms;
        let s = self.stories[slot as usize].as_mut().expect("open slot");
        let old = std::mem::take(&mut s.centroid);
        let mut merged = merge_add(&old, doc);
        if merged.len() > k {
            merged.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            merged.truncate(k);
            merged.sort_unstable_by_key(|&(t, _)| t);
        }
        // Posting lists follow the centroid's key set.
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
                    remove_posting(&mut self.postings, x, slot);
                    i += 1;
                }
                (_, Some(y)) => {
                    self.postings.entry(y).or_default().push(slot);
                    j += 1;
                }
                _ => unreachable!(),
            }
        }
        s.norm = merged.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        s.centroid = merged;
        s.size += 1;
        if !years.is_empty() {
            s.years.extend_from_slice(years);
            s.years.sort_unstable();
            s.years.dedup();
            s.years.truncate(64);
        }
        self.lru.remove(&(s.last_seq, slot));
        s.last_seq = self.seq;
        self.lru.insert((s.last_seq, slot));
        if let Some(d) = day {
            s.last_day = Some(s.last_day.map_or(d, |l| l.max(d)));
        }
    }

    fn close(&mut self, slot: u32) {
        let Some(s) = self.stories[slot as usize].take() else { return };
        for &(t, _) in &s.centroid {
            remove_posting(&mut self.postings, t, slot);
        }
        self.lru.remove(&(s.last_seq, slot));
        self.slot_of.remove(&s.id);
        self.free.push(slot);
    }

    /// Closes the stories whose latest article is more than `window_days` older than the newest date seen.
    fn close_expired(&mut self) {
        let Some(max) = self.max_day else { return };
        let limit = max - self.config.window_days as i32;
        let expired: Vec<u32> = self
            .lru
            .iter()
            .filter(|&&(_, slot)| {
                self.stories[slot as usize].as_ref().and_then(|s| s.last_day).is_some_and(|d| d < limit)
            })
            .map(|&(_, slot)| slot)
            .collect();
        for slot in expired {
            self.close(slot);
        }
    }
}

fn within(day: Option<i32>, last: Option<i32>, window: u32) -> bool {
    match (day, last) {
        (Some(d), Some(l)) => (d - l).unsigned_abs() <= window,
        _ => true,
    }
}

fn remove_posting(postings: &mut FxHashMap<u64, Vec<u32>>, term: u64, slot: u32) {
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

/// Clusters `inputs` in order with a fresh clusterer.
pub fn cluster(config: Config, inputs: &[StoryInput]) -> Vec<Assignment> {
    StoryClusterer::new(config).add_batch(inputs)
}
