//! Durable storage for the server: articles in arrival order, their analyses, and the stories built from them.
//!
//! The pipeline and the HTTP layer see only the [`Store`] trait, so a server database (PostgreSQL, …) can be
//! added as another implementation without touching either. [`SqliteStore`] is the embedded default: one file,
//! no setup, WAL with `synchronous=FULL`, so a write that returned is on disk.
//!
//! Model: every accepted article gets a sequence number (`seq`, arrival order) and is *pending* until the
//! worker stores its analysis and its story in one transaction with the recomputed story rows. Stories are kept
//! as ready-made JSON so that reading one is a single indexed lookup.

mod sqlite;

pub use sqlite::SqliteStore;

use lagebild_core::{AnalyzedArticle, Article, Story, StorySummary};

/// What went wrong in the store; messages name the record or file involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("{what}: stored JSON does not parse: {source}")]
    Corrupt { what: String, source: serde_json::Error },
    #[error("{0}")]
    Io(String),
    /// Another process holds the store open.
    #[error("{0}")]
    Locked(String),
}

/// Result alias for store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What happened to one article handed to [`Store::put_articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// Stored now under this sequence number.
    Stored(u64),
    /// An article with the same id was stored before (kept as it was: ingest is idempotent).
    Exists(u64),
}

impl Put {
    /// The article's sequence number, new or old.
    pub fn seq(self) -> u64 {
        match self {
            Put::Stored(s) | Put::Exists(s) => s,
        }
    }
}

/// An article as stored: waiting for the worker, or analysed and placed in a story.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    Pending { seq: u64, article: Box<Article> },
    Analyzed { seq: u64, article: Box<AnalyzedArticle>, story: String },
}

/// One analysed article to save: its analysis and the story it joined.
#[derive(Debug, Clone)]
pub struct AnalyzedRow {
    pub seq: u64,
    pub article: AnalyzedArticle,
    pub story: String,
}

/// A story to (re)write, with its list entry; `last_seq` is its newest article (orders the story list).
#[derive(Debug, Clone)]
pub struct StoryRow {
    pub summary: StorySummary,
    pub story: Story,
    pub last_seq: u64,
}

/// Filter of [`Store::stories`].
#[derive(Debug, Clone, Default)]
pub struct StoryQuery {
    /// Only stories updated at or after this RFC 3339 UTC instant (same format as `StorySummary::updated`).
    pub since: Option<String>,
    /// Only these story ids (from a full-text search).
    pub ids: Option<Vec<String>>,
    pub limit: usize,
}

/// Sizes reported by `/healthz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub articles: u64,
    pub pending: u64,
    pub stories: u64,
    /// Highest analysed sequence number (0 when none): how far derived data (the search index) must reach.
    pub analyzed_seq: u64,
}

/// Storage the server and `lagebild ingest` use; implementations must be safe to share between threads.
pub trait Store: Send + Sync {
    /// Stores parsed articles in one durable transaction, in order; an id stored before is left as it was.
    fn put_articles(&self, articles: &[Article]) -> Result<Vec<Put>>;
    /// Up to `limit` pending articles, lowest sequence number first.
    fn pending(&self, limit: usize) -> Result<Vec<(u64, Article)>>;
    /// Saves analyses and story rows in one durable transaction.
    fn save_analysis(&self, articles: &[AnalyzedRow], stories: &[StoryRow]) -> Result<()>;
    /// One article by id.
    fn article(&self, id: &str) -> Result<Option<Stored>>;
    /// A story's JSON (a serialised [`Story`]) as stored: the cheap path of `GET /api/stories/{id}`.
    fn story_json(&self, id: &str) -> Result<Option<String>>;
    /// A story's analysed articles in arrival order.
    fn story_articles(&self, story: &str) -> Result<Vec<AnalyzedArticle>>;
    /// Story list entries, newest (by last article taken) first.
    fn stories(&self, query: &StoryQuery) -> Result<Vec<StorySummary>>;
    /// Sizes and progress.
    fn counts(&self) -> Result<Counts>;
    /// Up to `limit` analysed articles with `seq > after`, in sequence order, with their story ids: for
    /// replaying the clusterer and rebuilding the search index.
    fn analyzed_after(&self, after: u64, limit: usize) -> Result<Vec<AnalyzedRow>>;
}
