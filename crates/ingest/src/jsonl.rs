//! JSON Lines: one article object per line; a bad line is reported with its number and skipped.

use crate::html::{fragment_text, host_of};
use crate::{clean, meta, IngestError};
use lagebild_core::Article;
use serde::Deserialize;

/// The fields a JSON Lines record may carry; unknown fields are ignored so exports from other tools work.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    #[serde(alias = "language")]
    lang: Option<String>,
    author: Option<String>,
}

pub fn read(name: &str, content: &str) -> Vec<Result<Article, IngestError>> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        out.push(record(name, n, line));
    }
    if out.is_empty() {
        out.push(Err(IngestError::new(name, "no JSON Lines records")));
    }
    out
}

fn record(name: &str, n: usize, line: &str) -> Result<Article, IngestError> {
    let r: Record =
        serde_json::from_str(line).map_err(|e| IngestError::at_line(name, n, format!("invalid JSON record: {e}")))?;
    let mut removed = Vec::new();
    let text = match (r.text, r.html) {
        (Some(t), _) if !t.trim().is_empty() => {
            let paragraphs = t.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
            let cleaned = clean::clean(paragraphs, r.title.as_deref());
            removed = cleaned.removed;
            cleaned.kept.join("\n\n")
        }
        (_, Some(h)) if !h.trim().is_empty() => fragment_text(&h),
        _ => return Err(IngestError::at_line(name, n, "record has no \"text\" or \"html\" field with content")),
    };
    if text.is_empty() {
        return Err(IngestError::at_line(name, n, "record's \"html\" has no text"));
    }
    let id = match r.id {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(num)) => num.to_string(),
        Some(other) => {
            return Err(IngestError::at_line(name, n, format!("field \"id\" must be a string or number, not {other}")))
        }
    };
    let published = match r.published {
        Some(p) if !p.trim().is_empty() => Some(meta::normalize_date(&p).ok_or_else(|| {
            IngestError::at_line(name, n, format!("field \"published\" is not an ISO 8601 or RFC 2822 date: {p:?}"))
        })?),
        _ => None,
    };
    let outlet = r.outlet.filter(|o| !o.trim().is_empty()).or_else(|| r.url.as_deref().and_then(host_of));
    Ok(Article {
        id,
        source: format!("{name}#{n}"),
        title: r.title.filter(|t| !t.trim().is_empty()),
        published,
        outlet,
        url: r.url,
        author: r.author,
        language: r.lang.map(|l| l.to_lowercase()).filter(|l| l.len() == 2),
        text,
        removed,
    })
}
