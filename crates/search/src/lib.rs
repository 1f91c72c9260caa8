//! Full-text search over articles: a tantivy index in its own folder, derived from the store.
//!
//! Each article goes into the German or the English fields (by its language; German when unknown), each with
//! its own stemmer, and a query is parsed against both, so "Soldaten" finds "Soldat" and "soldiers" finds
//! "soldier". The index remembers (as its commit payload) the highest store sequence number it holds, so the
//! server can tell when it is behind and feed it the rest; being derived data, it is rebuilt from scratch
//! when missing, unreadable or ahead of the store.

use lagebild_core::{Article, SearchHit};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

/// Errors of the index; the message names the index folder.
#[derive(Debug, thiserror::Error)]
#[error("search index {dir}: {message}")]
pub struct SearchError {
    pub dir: String,
    pub message: String,
}

/// Most characters of a snippet.
const SNIPPET_CHARS: usize = 180;

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    story: Field,
    outlet: Field,
    published: Field,
    title_de: Field,
    body_de: Field,
    title_en: Field,
    body_en: Field,
}

/// The article index; share it between threads (writes are serialised inside).
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        story: b.add_text_field("story", STRING | STORED),
        outlet: b.add_text_field("outlet", STORED),
        published: b.add_text_field("published", STORED),
        title_de: b.add_text_field("title_de", text("lagebild_de")),
        body_de: b.add_text_field("body_de", text("lagebild_de")),
        title_en: b.add_text_field("title_en", text("lagebild_en")),
        body_en: b.add_text_field("body_en", text("lagebild_en")),
    };
    (b.build(), fields)
}

fn analyzer(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(language))
        .build()
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (empty) when missing and recreating it when it cannot be read or
    /// was made with another schema.
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        let err = |message: String| SearchError { dir: dir.display().to_string(), message };
        let (schema, fields) = schema();
        let existing = Index::open_in_dir(dir).ok().filter(|i| i.schema() == schema);
        let index = match existing {
            Some(index) => index,
            None => {
                if dir.exists() {
                    std::fs::remove_dir_all(dir).map_err(|e| err(format!("cannot remove to rebuild: {e}")))?;
                }
                std::fs::create_dir_all(dir).map_err(|e| err(format!("cannot create: {e}")))?;
                Index::create_in_dir(dir, schema).map_err(|e| err(e.to_string()))?
            }
        };
        index.tokenizers().register("lagebild_de", analyzer(Language::German));
        index.tokenizers().register("lagebild_en", analyzer(Language::English));
        let writer = index.writer_with_num_threads(1, 64_000_000).map_err(|e| err(e.to_string()))?;
        let reader =
            index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(|e| err(e.to_string()))?;
        Ok(SearchIndex { dir: dir.to_path_buf(), index, reader, writer: Mutex::new(writer), fields })
    }

    fn err(&self, e: impl std::fmt::Display) -> SearchError {
        SearchError { dir: self.dir.display().to_string(), message: e.to_string() }
    }

    /// The highest store sequence number the index holds (0 when empty).
    pub fn indexed_seq(&self) -> u64 {
        self.index.load_metas().ok().and_then(|m| m.payload).and_then(|p| p.parse().ok()).unwrap_or(0)
    }

    /// Drops every document (when the index is ahead of the store, e.g. after the database was replaced).
    pub fn clear(&self) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.delete_all_documents().map_err(|e| self.err(e))?;
        let mut commit = writer.prepare_commit().map_err(|e| self.err(e))?;
        commit.set_payload("0");
        commit.commit().map_err(|e| self.err(e))?;
        self.reader.reload().map_err(|e| self.err(e))
    }

    /// Adds articles with their story ids and commits, recording `seq` as the highest sequence number held.
    pub fn add(&self, articles: &[(&Article, &str)], seq: u64) -> Result<(), SearchError> {
        let f = self.fields;
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        for (a, story) in articles {
            let (title, body) =
                if a.language.as_deref() == Some("en") { (f.title_en, f.body_en) } else { (f.title_de, f.body_de) };
            let mut doc = TantivyDocument::default();
            doc.add_text(f.id, &a.id);
            doc.add_text(f.story, story);
            if let Some(o) = &a.outlet {
                doc.add_text(f.outlet, o);
            }
            if let Some(p) = &a.published {
                doc.add_text(f.published, p);
            }
            if let Some(t) = &a.title {
                doc.add_text(title, t);
            }
            doc.add_text(body, &a.text);
            writer.add_document(doc).map_err(|e| self.err(e))?;
        }
        let mut commit = writer.prepare_commit().map_err(|e| self.err(e))?;
        commit.set_payload(&seq.to_string());
        commit.commit().map_err(|e| self.err(e))?;
        self.reader.reload().map_err(|e| self.err(e))
    }

    /// The best `limit` matches of a user query (any text: syntax errors are forgiven), with plain-text snippets.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, SearchError> {
        let f = self.fields;
        if query.trim().is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut parser = QueryParser::for_index(&self.index, vec![f.title_de, f.body_de, f.title_en, f.body_en]);
        parser.set_field_boost(f.title_de, 2.0);
        parser.set_field_boost(f.title_en, 2.0);
        let (query, _errors) = parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score()).map_err(|e| self.err(e))?;
        let mut snippets = Vec::new();
        for field in [f.body_de, f.body_en] {
            let mut g = SnippetGenerator::create(&searcher, &*query, field).map_err(|e| self.err(e))?;
            g.set_max_num_chars(SNIPPET_CHARS);
            snippets.push((field, g));
        }
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
            let body_field = if text(f.body_en).is_some() { f.body_en } else { f.body_de };
            let snippet = snippets
                .iter()
                .find(|(field, _)| *field == body_field)
                .map(|(_, g)| g.snippet_from_doc(&doc).fragment().trim().to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| text(body_field).unwrap_or_default().chars().take(SNIPPET_CHARS).collect());
            hits.push(SearchHit {
                article: text(f.id).unwrap_or_default(),
                story: text(f.story),
                title: text(f.title_de).or_else(|| text(f.title_en)),
                outlet: text(f.outlet),
                published: text(f.published),
                snippet,
                score,
            });
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, lang: &str, title: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            source: "t".into(),
            title: Some(title.into()),
            published: None,
            outlet: Some("dpa".into()),
            url: None,
            author: None,
            language: Some(lang.into()),
            text: text.into(),
            removed: Vec::new(),
        }
    }

    #[test]
    fn stems_german_and_english_and_keeps_the_payload_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let de = article("a1", "de", "Angriff", "Nach Angaben der Armee wurden 300 Soldaten verlegt.");
        let en = article("a2", "en", "Attack", "The army said that 300 soldiers were moved to the border.");
        {
            let index = SearchIndex::open(dir.path()).unwrap();
            assert_eq!(index.indexed_seq(), 0);
            index.add(&[(&de, "s0"), (&en, "s1")], 2).unwrap();
            let hits = index.search("Soldat", 10).unwrap();
            assert_eq!(hits.len(), 1);
            assert_eq!((hits[0].article.as_str(), hits[0].story.as_deref()), ("a1", Some("s0")));
            assert!(hits[0].snippet.contains("Soldaten"), "{}", hits[0].snippet);
            let hits = index.search("soldier", 10).unwrap();
            assert_eq!(hits.iter().map(|h| h.article.as_str()).collect::<Vec<_>>(), vec!["a2"]);
            assert_eq!(hits[0].title.as_deref(), Some("Attack"));
        }
        let index = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(index.indexed_seq(), 2);
        assert_eq!(index.search("army OR Armee", 10).unwrap().len(), 2);
        assert!(index.search("\"unbalanced AND (", 10).is_ok());
        index.clear().unwrap();
        assert_eq!(index.indexed_seq(), 0);
        assert!(index.search("soldier", 10).unwrap().is_empty());
    }
}
