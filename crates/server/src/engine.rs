//! The worker: analyses pending articles in arrival order, clusters them into stories, stores the results with
//! the recomputed stories in one transaction, then updates the search index.
//!
//! The clusterer lives in memory. On start it is rebuilt by replaying every analysed article in arrival order
//! (the clusterer is deterministic in that order), so after a restart new articles join the same stories as
//! without one.

use chrono::Utc;
use lagebild_core::{AnalyzedArticle, Article, Story, StorySummary};
use lagebild_pipeline::{analyze, apply, compare_story, news_clusterer, story_input};
use lagebild_search::{SearchError, SearchIndex};
use lagebild_store::{AnalyzedRow, Store, StoreError, StoryRow};
use lagebild_stories::StoryClusterer;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Most articles analysed per step. Each step recomputes the stories it touches, so under a backlog larger
/// steps recompute less often; a small POST still makes a small step.
pub const BATCH: usize = 1024;

/// What can stop a worker step.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// The stateful half of the server: store, index and the online clusterer.
pub struct Engine {
    store: Arc<dyn Store>,
    index: Arc<SearchIndex>,
    clusterer: StoryClusterer,
    /// Highest sequence number analysed, stored and indexed.
    done: u64,
}

impl Engine {
    /// Replays the analysed articles through a fresh clusterer and brings the index up to the store.
    pub fn restore(store: Arc<dyn Store>, index: Arc<SearchIndex>) -> Result<Engine, EngineError> {
        let counts = store.counts()?;
        if index.indexed_seq() > counts.analyzed_seq {
            index.clear()?;
        }
        let indexed = index.indexed_seq();
        let mut clusterer = news_clusterer();
        let mut after = 0;
        let mut mismatches = 0usize;
        loop {
            let rows = store.analyzed_after(after, 2_000)?;
            let Some(last) = rows.last() else { break };
            after = last.seq;
            let inputs: Vec<_> = rows.iter().map(|r| story_input(&r.article, None)).collect();
            for (row, assignment) in rows.iter().zip(clusterer.add_batch(&inputs)) {
                if assignment.story.to_string() != row.story {
                    mismatches += 1;
                }
            }
            let missing: Vec<(&Article, &str)> =
                rows.iter().filter(|r| r.seq > indexed).map(|r| (&r.article.article, r.story.as_str())).collect();
            if !missing.is_empty() {
                index.add(&missing, after)?;
            }
        }
        if mismatches > 0 {
            eprintln!("lagebild: replay placed {mismatches} stored articles in other stories than stored (the clustering changed); stored stories are kept");
        }
        Ok(Engine { store, index, clusterer, done: after })
    }

    /// Rebuilds the clusterer and the index position from the store (after a failed step).
    pub fn recover(&mut self) -> Result<(), EngineError> {
        *self = Engine::restore(self.store.clone(), self.index.clone())?;
        Ok(())
    }

    /// Highest sequence number fully processed.
    pub fn done(&self) -> u64 {
        self.done
    }

    /// Processes up to `limit` pending articles; returns how many (0: nothing pending).
    pub fn step(&mut self, limit: usize) -> Result<usize, EngineError> {
        let pending = self.store.pending(limit)?;
        if pending.is_empty() {
            return Ok(0);
        }
        let analyzed: Vec<(u64, AnalyzedArticle)> =
            pending.into_par_iter().map(|(seq, article)| (seq, analyze_safely(article))).collect();
        let inputs: Vec<_> = analyzed.iter().map(|(_, a)| story_input(a, None)).collect();
        let assignments = self.clusterer.add_batch(&inputs);
        let mut rows = Vec::with_capacity(analyzed.len());
        for ((seq, mut article), assignment) in analyzed.into_iter().zip(&assignments) {
            apply(&mut article, assignment);
            rows.push(AnalyzedRow { seq, article, story: assignment.story.to_string() });
        }
        let mut touched: BTreeMap<&str, Vec<&AnalyzedRow>> = BTreeMap::new();
        for row in &rows {
            touched.entry(row.story.as_str()).or_default().push(row);
        }
        let updated = Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        let stories: Vec<StoryRow> = touched
            .into_par_iter()
            .map(|(id, new)| -> Result<StoryRow, EngineError> {
                let earlier = self.store.story_articles(id)?;
                let mut members: Vec<&AnalyzedArticle> = earlier.iter().collect();
                members.extend(new.iter().map(|r| &r.article));
                let story = compare_story(id, &members);
                let last_seq = new.iter().map(|r| r.seq).max().unwrap_or(0);
                Ok(StoryRow { summary: summarize(&story, &members, &updated), story, last_seq })
            })
            .collect::<Result<_, _>>()?;
        self.store.save_analysis(&rows, &stories)?;
        let last = rows.last().map_or(self.done, |r| r.seq);
        let docs: Vec<(&Article, &str)> = rows.iter().map(|r| (&r.article.article, r.story.as_str())).collect();
        self.index.add(&docs, last)?;
        self.done = last;
        Ok(rows.len())
    }

    /// Runs steps until nothing is pending; `progress` gets the number processed after each step.
    pub fn run_until_idle(&mut self, progress: &dyn Fn(usize)) -> Result<(), EngineError> {
        loop {
            match self.step(BATCH)? {
                0 => return Ok(()),
                n => progress(n),
            }
        }
    }
}

/// Extraction of one article; an extractor panic (a bug, but triggered by user input) must not stop the
/// worker, so the article is then kept with no facts and the panic is logged.
fn analyze_safely(article: Article) -> AnalyzedArticle {
    let fallback = article.clone();
    std::panic::catch_unwind(move || analyze(article, None)).unwrap_or_else(|_| {
        eprintln!("lagebild: extraction panicked on article {}; stored without facts", fallback.id);
        AnalyzedArticle {
            article: fallback,
            entities: Vec::new(),
            figures: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            duplicate_of: None,
            wire_agency: None,
        }
    })
}

/// The story list entry of a story.
fn summarize(story: &Story, members: &[&AnalyzedArticle], updated: &str) -> StorySummary {
    let dates = || members.iter().filter_map(|a| a.article.published.clone());
    StorySummary {
        id: story.id.clone(),
        title: story.title.clone(),
        articles: story.articles.len(),
        outlets: story.outlets.iter().map(|o| o.outlet.clone()).collect(),
        first_published: dates().min(),
        last_published: dates().max(),
        updated: updated.to_string(),
    }
}
