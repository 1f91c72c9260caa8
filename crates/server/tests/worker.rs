//! The worker after a failed save: it rebuilds its clusterer from the store and ends with the same stories as a
//! run without the failure.

mod common;

use lagebild_core::{AnalyzedArticle, Article, StorySummary};
use lagebild_search::SearchIndex;
use lagebild_server::engine::Engine;
use lagebild_store::{AnalyzedRow, Counts, Put, Result, SqliteStore, Store, StoreError, Stored, StoryQuery, StoryRow};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A store whose `save_analysis` fails on chosen calls (a full disk, say).
struct Flaky {
    inner: SqliteStore,
    saves: AtomicUsize,
    fail_on: usize,
}

impl Store for Flaky {
    fn put_articles(&self, articles: &[Article]) -> Result<Vec<Put>> {
        self.inner.put_articles(articles)
    }
    fn pending(&self, limit: usize) -> Result<Vec<(u64, Article)>> {
        self.inner.pending(limit)
    }
    fn save_analysis(&self, articles: &[AnalyzedRow], stories: &[StoryRow]) -> Result<()> {
        if self.saves.fetch_add(1, Ordering::SeqCst) == self.fail_on {
            return Err(StoreError::Io("disk full (test)".into()));
        }
        self.inner.save_analysis(articles, stories)
    }
    fn article(&self, id: &str) -> Result<Option<Stored>> {
        self.inner.article(id)
    }
    fn story_json(&self, id: &str) -> Result<Option<String>> {
        self.inner.story_json(id)
    }
    fn story_articles(&self, story: &str) -> Result<Vec<AnalyzedArticle>> {
        self.inner.story_articles(story)
    }
    fn stories(&self, query: &StoryQuery) -> Result<Vec<StorySummary>> {
        self.inner.stories(query)
    }
    fn counts(&self) -> Result<Counts> {
        self.inner.counts()
    }
    fn analyzed_after(&self, after: u64, limit: usize) -> Result<Vec<AnalyzedRow>> {
        self.inner.analyzed_after(after, limit)
    }
}

/// Feeds the corpus in small steps; returns each article's story.
fn run(dir: &Path, fail_on: usize) -> BTreeMap<String, String> {
    let store: Arc<dyn Store> =
        Arc::new(Flaky { inner: SqliteStore::open(dir).unwrap(), saves: AtomicUsize::new(0), fail_on });
    let index = Arc::new(SearchIndex::open(&dir.join("index")).unwrap());
    let body = common::corpus_records().join("\n");
    let articles: Vec<Article> =
        lagebild_server::records::parse_body(body.as_bytes(), "test").unwrap().into_iter().map(|(_, a)| a).collect();
    store.put_articles(&articles).unwrap();
    let mut engine = Engine::restore(store.clone(), index).unwrap();
    let mut failures = 0;
    loop {
        match engine.step(7) {
            Ok(0) => break,
            Ok(_) => {}
            Err(_) => {
                failures += 1;
                engine.recover().unwrap();
            }
        }
    }
    assert_eq!(failures, usize::from(fail_on != usize::MAX));
    assert_eq!(store.counts().unwrap().pending, 0);
    articles
        .iter()
        .map(|a| match store.article(&a.id).unwrap() {
            Some(Stored::Analyzed { story, .. }) => (a.id.clone(), story),
            other => panic!("{}: {other:?}", a.id),
        })
        .collect()
}

#[test]
fn a_failed_save_is_retried_without_counting_articles_twice() {
    let (clean, flaky) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert_eq!(run(flaky.path(), 3), run(clean.path(), usize::MAX));
}
