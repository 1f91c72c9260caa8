//! RSS 2.0, Atom and JSON Feed: one article per item.

use crate::html::{fragment_text, host_of};
use crate::IngestError;
use lagebild_core::Article;

pub fn read(name: &str, text: &str) -> Vec<Result<Article, IngestError>> {
    let feed = match feed_rs::parser::parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => return vec![Err(IngestError::new(name, format!("not a readable RSS, Atom or JSON feed: {e}")))],
    };
    let feed_title = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    let feed_host = feed.links.first().and_then(|l| host_of(&l.href));
    let mut out = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let source = format!("{name}#{n}");
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = fragment_text(&body);
        if text.is_empty() {
            out.push(Err(IngestError::at_line(name, n, "feed item has no text (no content or summary)")));
            continue;
        }
        let url = entry.links.first().map(|l| l.href.clone());
        out.push(Ok(Article {
            id: String::new(),
            source,
            title: entry.title.as_ref().map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty()),
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            outlet: feed_title.clone().or_else(|| feed_host.clone()).or_else(|| url.as_deref().and_then(host_of)),
            author: entry.authors.first().and_then(|a| a.name.clone()).filter(|a| !a.is_empty()),
            url,
            language: None,
            text,
            removed: Vec::new(),
        }));
    }
    if out.is_empty() {
        out.push(Err(IngestError::new(name, "feed has no items")));
    }
    out
}
