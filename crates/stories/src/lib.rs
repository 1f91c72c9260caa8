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
//!    when both name years but none in common, and by [`Config::name_conflict`] when the article's
//!    protagonist (its most repeated name) is not among the story's strongest features. A story that has articles in another language than the
//!    article's may also be joined through the language-independent features alone ([`Features::xl`]: names
//!    folded over transliterations, news concepts from per-language tables, dates, weekdays, years, numbers),
//!    with their own threshold [`Config::xl_threshold`]; one-language stories are compared as before, so
//!    one-language streams cluster exactly as without it. A copy joins its original's story when that is
//!    still open.
//!    A story takes an article only while their dates are within [`Config::window_days`]; at most
//!    [`Config::max_open_stories`] stay open (the least recently joined is closed first), so memory stays
//!    flat on any number of articles.

mod dup;
pub mod eval;
pub mod features;
pub mod lang;
mod vector;
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
use vector::{add_to_centroid, dot, remove_posting};

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
    /// Factor on the score when none of the article's protagonists ([`Features::lead_names`]) is among the
    /// story's strongest features: two events of one kind (two arrests, two deaths) differ in who.
    pub name_conflict: f32,
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
    /// Least mean cosine of the language-independent features ([`Features::xl`]) between an article and the
    /// members of a story that has articles in another language, for the article to join it that way.
    pub xl_threshold: f32,
    /// Multiplier of names among the language-independent features (entity name words, capitalised words),
    /// folded over transliterations.
    pub xl_name_weight: f32,
    /// Language-independent features kept of an article (the strongest).
    pub xl_terms: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.16,
            linkage: 0.0,
            year_conflict: 0.5,
            name_conflict: 0.7,
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
            xl_threshold: 0.2,
            xl_name_weight: 2.0,
            xl_terms: 40,
        }
    }
}

struct Story {
    id: StoryId,
    /// Sum of member vectors, sorted by key, cut to the strongest `centroid_terms`.
    centroid: Vec<(u64, f32)>,
    norm: f32,
    /// Sum of the members' language-independent vectors, sorted by key, cut to the strongest
    /// `2 * xl_terms`.
    xl: Vec<(u64, f32)>,
    xl_norm: f32,
    size: u32,
    /// Members per language ([`lang_index`]).
    langs: [u32; 2],
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
    /// Open stories by the keys of their language-independent centroids; built when an article first meets
    /// a story in another language, so that one-language streams do not pay for it.
    xl_postings: Option<FxHashMap<u64, Vec<u32>>>,
    /// Open stories with at least one member in each language ([`lang_index`]).
    open_with_lang: [u64; 2],
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
            xl_postings: None,
            open_with_lang: [0; 2],
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
        self.docs += 1;
        if self.df.len() > self.config.max_df_terms {
            self.df.retain(|_, n| *n > 1);
        }
        let doc = self.weigh(&f.terms, self.config.doc_terms);
        let xl = self.weigh(&f.xl, self.config.xl_terms);
        let lang = lang_index(f.lang);

        let own = copy.as_ref().and_then(|m| self.slot_of.get(&m.story).copied()).filter(|&slot| {
            let s = self.stories[slot as usize].as_ref().expect("open slot");
            within(day, s.last_day, self.config.window_days)
        });
        let slot = match own.or_else(|| self.best_story(&doc, &xl, lang, day, &f.years, &f.lead_names)) {
            Some(slot) => slot,
            None => self.open_story(),
        };
        self.join(slot, &doc, &xl, lang, day, &f.years);
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

    /// TF-IDF vector of an article (document frequencies updated with it first, `docs` counted already),
    /// cut to the strongest `keep`, L2-normalised, sorted by key.
    fn weigh(&mut self, terms: &[(u64, f32)], keep: usize) -> Vec<(u64, f32)> {
        let n = self.docs as f32;
        let mut v: Vec<(u64, f32)> = terms
            .iter()
            .map(|&(k, tf)| {
                let df = self.df.entry(k).or_insert(0);
                *df += 1;
                (k, tf * (((n + 1.0) / (*df as f32 + 1.0)).ln() + 1.0))
            })
            .collect();
        if v.len() > keep {
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(keep);
            v.sort_unstable_by_key(|&(k, _)| k);
        }
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        v
    }

    /// The open story most similar to the article at or above the threshold (ties: the older story). A story
    /// with members in another language may also be joined through the language-independent features: then
    /// the better of the two scores, each relative to its own threshold, counts.
    fn best_story(
        &mut self,
        doc: &[(u64, f32)],
        xl: &[(u64, f32)],
        lang: usize,
        day: Option<i32>,
        years: &[u16],
        lead_names: &[u64],
    ) -> Option<u32> {
        if self.stamp.len() < self.stories.len() {
            self.stamp.resize(self.stories.len(), 0);
            self.acc.resize(self.stories.len(), 0.0);
        }
        let mut cands = self.candidates(doc, false, lang);
        // Stories with members in another language are also looked up by the language-independent
        // features (only when there are any, so that one-language streams pay nothing).
        if self.open_with_lang.iter().enumerate().any(|(l, &n)| l != lang && n > 0) {
            if self.xl_postings.is_none() {
                let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
                for &(_, slot) in &self.lru {
                    for &(k, _) in &self.stories[slot as usize].as_ref().expect("open slot").xl {
                        postings.entry(k).or_default().push(slot);
                    }
                }
                self.xl_postings = Some(postings);
            }
            for slot in self.candidates(xl, true, lang) {
                if !cands.contains(&slot) {
                    cands.push(slot);
                }
            }
        }
        let (t, t_xl) = (self.config.threshold, self.config.xl_threshold);
        let mut best: Option<(f32, StoryId, u32)> = None;
        for slot in cands {
            let s = self.stories[slot as usize].as_ref().expect("open slot");
            if !within(day, s.last_day, self.config.window_days) || s.norm <= 0.0 {
                continue;
            }
            let a = self.config.linkage;
            let link = |d: f32, norm: f32| d / (norm.powf(a) * (s.size as f32).powf(1.0 - a));
            let mut score = link(dot(doc, &s.centroid), s.norm);
            let mut score_xl = 0.0;
            if s.size > s.langs[lang] && s.xl_norm > 0.0 {
                score_xl = link(dot(xl, &s.xl), s.xl_norm);
            }
            if !years.is_empty() && !s.years.is_empty() && !years.iter().any(|y| s.years.binary_search(y).is_ok()) {
                score *= self.config.year_conflict;
                score_xl *= self.config.year_conflict;
            }
            if !lead_names.is_empty()
                && !lead_names.iter().any(|k| s.centroid.binary_search_by_key(k, |&(t, _)| t).is_ok())
            {
                score *= self.config.name_conflict;
            }
            if score < t && score_xl < t_xl {
                continue;
            }
            let rel = (score / t).max(score_xl / t_xl);
            if best.is_none_or(|(bs, bid, _)| rel > bs || (rel == bs && s.id < bid)) {
                best = Some((rel, s.id, slot));
            }
        }
        best.map(|(_, _, slot)| slot)
    }

    /// The open stories that share the strongest features of `vector` with their centroids (the
    /// language-independent ones when `xl`, then only stories with members in another language than `lang`),
    /// the most shared weight first, at most `max_candidates`.
    fn candidates(&mut self, vector: &[(u64, f32)], xl: bool, lang: usize) -> Vec<u32> {
        let mut query: Vec<(u64, f32)> = vector.to_vec();
        query.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        query.truncate(self.config.query_terms);
        // A fresh mark per look-up (two look-ups per article at most).
        let mark = self.seq * 2 + xl as u64;
        let postings = match &self.xl_postings {
            Some(p) if xl => p,
            _ if xl => return Vec::new(),
            _ => &self.postings,
        };
        let stories = &self.stories;
        let mut cands: Vec<u32> = Vec::new();
        for (k, w) in query {
            let Some(p) = postings.get(&k) else { continue };
            if p.len() > MAX_POSTING_WALK {
                continue;
            }
            for &slot in p {
                let i = slot as usize;
                if self.stamp[i] != mark {
                    self.stamp[i] = mark;
                    self.acc[i] = 0.0;
                    let s = stories[i].as_ref().expect("open slot");
                    if !xl || s.size > s.langs[lang] {
                        cands.push(slot);
                    }
                }
                self.acc[i] += w;
            }
        }
        let acc = &self.acc;
        let sid = |slot: u32| stories[slot as usize].as_ref().expect("open slot").id;
        cands.sort_unstable_by(|&a, &b| acc[b as usize].total_cmp(&acc[a as usize]).then(sid(a).cmp(&sid(b))));
        cands.truncate(self.config.max_candidates);
        cands
    }

    fn open_story(&mut self) -> u32 {
        let id = StoryId(self.next_story);
        self.next_story += 1;
        let story = Story {
            id,
            centroid: Vec::new(),
            norm: 0.0,
            xl: Vec::new(),
            xl_norm: 0.0,
            size: 0,
            langs: [0; 2],
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

    /// Adds the article to the story in `slot`: centroids, posting lists, languages, recency.
    fn join(&mut self, slot: u32, doc: &[(u64, f32)], xl: &[(u64, f32)], lang: usize, day: Option<i32>, years: &[u16]) {
        let s = self.stories[slot as usize].as_mut().expect("open slot");
        let (centroid, norm) =
            add_to_centroid(Some(&mut self.postings), slot, &s.centroid, doc, self.config.centroid_terms);
        (s.centroid, s.norm) = (centroid, norm);
        let (centroid, norm) = add_to_centroid(self.xl_postings.as_mut(), slot, &s.xl, xl, 2 * self.config.xl_terms);
        (s.xl, s.xl_norm) = (centroid, norm);
        s.size += 1;
        if s.langs[lang] == 0 {
            self.open_with_lang[lang] += 1;
        }
        s.langs[lang] += 1;
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
        if let Some(postings) = self.xl_postings.as_mut() {
            for &(t, _) in &s.xl {
                remove_posting(postings, t, slot);
            }
        }
        for (open, &n) in self.open_with_lang.iter_mut().zip(&s.langs) {
            if n > 0 {
                *open -= 1;
            }
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

/// Index of a language in per-language arrays.
fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::De => 0,
        Lang::En => 1,
    }
}

fn within(day: Option<i32>, last: Option<i32>, window: u32) -> bool {
    match (day, last) {
        (Some(d), Some(l)) => (d - l).unsigned_abs() <= window,
        _ => true,
    }
}

/// Clusters `inputs` in order with a fresh clusterer.
pub fn cluster(config: Config, inputs: &[StoryInput]) -> Vec<Assignment> {
    StoryClusterer::new(config).add_batch(inputs)
}
