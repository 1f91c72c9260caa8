//! The embedded default store: one SQLite database in `DIR/lagebild.sqlite`, guarded by `DIR/lock`.

use crate::{AnalyzedRow, Counts, Put, Result, Store, StoreError, Stored, StoryQuery, StoryRow};
use lagebild_core::{AnalyzedArticle, Article, StorySummary};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::de::DeserializeOwned;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

/// Layout version kept in `PRAGMA user_version`; a database written by a newer layout is refused.
const LAYOUT: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    received INTEGER NOT NULL,
    article TEXT NOT NULL,
    analyzed TEXT,
    story TEXT
);
CREATE INDEX IF NOT EXISTS articles_pending ON articles(seq) WHERE analyzed IS NULL;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story, seq);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    summary TEXT NOT NULL,
    story TEXT NOT NULL,
    updated TEXT NOT NULL,
    last_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_recent ON stories(last_seq);
";

/// SQLite behind [`Store`]: one writer connection behind a mutex, readers from a small pool of their own
/// connections (WAL lets them read while the writer commits).
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    /// Held open for the store's lifetime: the OS lock on it keeps a second process out.
    _lock: File,
}

impl SqliteStore {
    /// Opens (creating if needed) the store in folder `dir`. Fails with [`StoreError::Locked`] when another
    /// process has it open.
    pub fn open(dir: &Path) -> Result<SqliteStore> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Io(format!("{}: cannot create: {e}", dir.display())))?;
        let lock_path = dir.join("lock");
        let lock = File::create(&lock_path)
            .map_err(|e| StoreError::Io(format!("{}: cannot create: {e}", lock_path.display())))?;
        if lock.try_lock().is_err() {
            return Err(StoreError::Locked(format!(
                "{} is in use by another lagebild process (lock held on {}); stop it first",
                dir.display(),
                lock_path.display()
            )));
        }
        let path = dir.join("lagebild.sqlite");
        let writer = Connection::open(&path)?;
        writer.busy_timeout(std::time::Duration::from_secs(10))?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        writer.pragma_update(None, "synchronous", "FULL")?;
        let layout: i64 = writer.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if layout > LAYOUT {
            return Err(StoreError::Io(format!(
                "{}: written by a newer lagebild (layout {layout}, this one knows {LAYOUT})",
                path.display()
            )));
        }
        writer.execute_batch(SCHEMA)?;
        writer.pragma_update(None, "user_version", LAYOUT)?;
        Ok(SqliteStore { path, writer: Mutex::new(writer), readers: Mutex::new(Vec::new()), _lock: lock })
    }

    fn writer(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent (transactions roll back), so a
        // poisoned lock is still usable.
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on a pooled read-only connection.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                c.busy_timeout(std::time::Duration::from_secs(10))?;
                c
            }
        };
        let out = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < 16 {
            pool.push(conn);
        }
        out
    }
}

fn parse<T: DeserializeOwned>(what: impl FnOnce() -> String, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|source| StoreError::Corrupt { what: what(), source })
}

fn to_json<T: serde::Serialize>(what: &str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|source| StoreError::Corrupt { what: what.to_string(), source })
}

fn now_millis() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

impl Store for SqliteStore {
    fn put_articles(&self, articles: &[Article]) -> Result<Vec<Put>> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let mut out = Vec::with_capacity(articles.len());
        {
            let received = now_millis();
            let mut insert = tx.prepare_cached(
                "INSERT INTO articles (id, received, article) VALUES (?1, ?2, ?3) ON CONFLICT(id) DO NOTHING",
            )?;
            let mut existing = tx.prepare_cached("SELECT seq FROM articles WHERE id = ?1")?;
            for a in articles {
                let json = to_json(&format!("article {}", a.id), a)?;
                if insert.execute(params![a.id, received, json])? == 1 {
                    out.push(Put::Stored(tx.last_insert_rowid() as u64));
                } else {
                    let seq: i64 = existing.query_row([&a.id], |r| r.get(0))?;
                    out.push(Put::Exists(seq as u64));
                }
            }
        }
        tx.commit()?;
        Ok(out)
    }

    fn pending(&self, limit: usize) -> Result<Vec<(u64, Article)>> {
        self.read(|conn| {
            let mut stmt =
                conn.prepare_cached("SELECT seq, article FROM articles WHERE analyzed IS NULL ORDER BY seq LIMIT ?1")?;
            let rows = stmt.query_map([limit as i64], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (seq, json) = row?;
                out.push((seq as u64, parse(|| format!("article seq {seq}"), &json)?));
            }
            Ok(out)
        })
    }

    fn save_analysis(&self, articles: &[AnalyzedRow], stories: &[StoryRow]) -> Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        {
            let mut update = tx.prepare_cached("UPDATE articles SET analyzed = ?2, story = ?3 WHERE seq = ?1")?;
            for row in articles {
                let json = to_json(&format!("article {}", row.article.article.id), &row.article)?;
                update.execute(params![row.seq as i64, json, row.story])?;
            }
            let mut upsert = tx.prepare_cached(
                "INSERT INTO stories (id, summary, story, updated, last_seq) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(id) DO UPDATE SET summary = ?2, story = ?3, updated = ?4, last_seq = ?5",
            )?;
            for s in stories {
                let summary = to_json(&format!("story {}", s.story.id), &s.summary)?;
                let story = to_json(&format!("story {}", s.story.id), &s.story)?;
                upsert.execute(params![s.story.id, summary, story, s.summary.updated, s.last_seq as i64])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn article(&self, id: &str) -> Result<Option<Stored>> {
        self.read(|conn| {
            let row = conn
                .prepare_cached("SELECT seq, article, analyzed, story FROM articles WHERE id = ?1")?
                .query_row([id], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get(3)?))
                })
                .optional()?;
            let Some((seq, article, analyzed, story)) = row else { return Ok(None) };
            let seq = seq as u64;
            Ok(Some(match (analyzed, story) {
                (Some(json), Some(story)) => {
                    Stored::Analyzed { seq, article: Box::new(parse(|| format!("article {id}"), &json)?), story }
                }
                _ => Stored::Pending { seq, article: Box::new(parse(|| format!("article {id}"), &article)?) },
            }))
        })
    }

    fn story_json(&self, id: &str) -> Result<Option<String>> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT story FROM stories WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?)
        })
    }

    fn story_articles(&self, story: &str) -> Result<Vec<AnalyzedArticle>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT seq, analyzed FROM articles WHERE story = ?1 AND analyzed IS NOT NULL ORDER BY seq",
            )?;
            let rows = stmt.query_map([story], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (seq, json) = row?;
                out.push(parse(|| format!("article seq {seq}"), &json)?);
            }
            Ok(out)
        })
    }

    fn stories(&self, query: &StoryQuery) -> Result<Vec<StorySummary>> {
        self.read(|conn| {
            let since = query.since.clone().unwrap_or_default();
            let mut out = Vec::new();
            let mut push = |id: String, json: String| -> Result<()> {
                out.push(parse(|| format!("story {id}"), &json)?);
                Ok(())
            };
            match &query.ids {
                None => {
                    let mut stmt = conn.prepare_cached(
                        "SELECT id, summary FROM stories WHERE updated >= ?1 ORDER BY last_seq DESC LIMIT ?2",
                    )?;
                    let rows = stmt.query_map(params![since, query.limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    for row in rows {
                        let (id, json) = row?;
                        push(id, json)?;
                    }
                }
                Some(ids) => {
                    let mut stmt = conn
                        .prepare_cached("SELECT id, summary, last_seq FROM stories WHERE id = ?1 AND updated >= ?2")?;
                    let mut found = Vec::new();
                    for id in ids {
                        if let Some(row) = stmt
                            .query_row(params![id, since], |r| {
                                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
                            })
                            .optional()?
                        {
                            found.push(row);
                        }
                    }
                    found.sort_by_key(|(_, _, seq)| std::cmp::Reverse(*seq));
                    for (id, json, _) in found.into_iter().take(query.limit) {
                        push(id, json)?;
                    }
                }
            }
            Ok(out)
        })
    }

    fn counts(&self) -> Result<Counts> {
        self.read(|conn| {
            let (articles, analyzed_seq): (i64, Option<i64>) = conn
                .prepare_cached(
                    "SELECT count(*), (SELECT max(seq) FROM articles WHERE analyzed IS NOT NULL) FROM articles",
                )?
                .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let pending: i64 = conn
                .prepare_cached("SELECT count(*) FROM articles WHERE analyzed IS NULL")?
                .query_row([], |r| r.get(0))?;
            let stories: i64 = conn.prepare_cached("SELECT count(*) FROM stories")?.query_row([], |r| r.get(0))?;
            Ok(Counts {
                articles: articles as u64,
                pending: pending as u64,
                stories: stories as u64,
                analyzed_seq: analyzed_seq.unwrap_or(0) as u64,
            })
        })
    }

    fn analyzed_after(&self, after: u64, limit: usize) -> Result<Vec<AnalyzedRow>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT seq, analyzed, story FROM articles WHERE seq > ?1 AND analyzed IS NOT NULL ORDER BY seq LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![after as i64, limit as i64], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (seq, json, story) = row?;
                out.push(AnalyzedRow { seq: seq as u64, article: parse(|| format!("article seq {seq}"), &json)?, story });
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests;
