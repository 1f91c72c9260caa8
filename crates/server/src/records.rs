//! Request bodies of `POST /api/articles` → articles, with one error per bad record and its position.
//!
//! A body is one JSON object (pretty-printed or not), a JSON array of objects, or JSON Lines. Each record
//! goes through the same reader as a JSON Lines file given to `lagebild parse`, so the fields and the cleaning
//! are the same as on the command line.

use lagebild_core::Article;
use lagebild_ingest::{source, Format, Options};
use rayon::prelude::*;
use serde::Serialize;

/// Largest record (one article's JSON), in bytes.
pub const MAX_RECORD_BYTES: usize = 5 * 1024 * 1024;
/// Longest article id, in characters.
const MAX_ID_CHARS: usize = 512;

/// A problem with the body or one record; `record` is the 1-based line (JSON Lines) or element (array).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    pub error: String,
}

impl RecordError {
    fn body(error: impl Into<String>) -> RecordError {
        RecordError { record: None, error: error.into() }
    }
    fn at(record: usize, error: impl Into<String>) -> RecordError {
        RecordError { record: Some(record), error: error.into() }
    }
}

/// Parses a body into articles (with their positions) named `{origin}#{record}`; all records must be good, else
/// every error is returned.
pub fn parse_body(body: &[u8], origin: &str) -> Result<Vec<(usize, Article)>, Vec<RecordError>> {
    let text = std::str::from_utf8(body).map_err(|e| {
        let line = body[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        vec![RecordError::at(line, format!("body is not valid UTF-8 (byte {})", e.valid_up_to()))]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(vec![RecordError::body(
            "empty body: send one JSON article object, a JSON array of them, or JSON Lines (one object per line)",
        )]);
    }
    let records = split(trimmed, text).map_err(|e| vec![e])?;
    let results: Vec<Result<(usize, Article), RecordError>> =
        records.into_par_iter().map(|(n, record)| parse_record(n, &record, origin).map(|a| (n, a))).collect();
    let errors: Vec<RecordError> = results.iter().filter_map(|r| r.as_ref().err().cloned()).collect();
    if errors.is_empty() {
        Ok(results.into_iter().flatten().collect())
    } else {
        Err(errors)
    }
}

/// The records of a body with their positions, each as one line of JSON.
fn split(trimmed: &str, text: &str) -> Result<Vec<(usize, String)>, RecordError> {
    if trimmed.starts_with('[') {
        let values: Vec<serde_json::Value> = serde_json::from_str(trimmed)
            .map_err(|e| RecordError::body(format!("body starts with '[' but is not a JSON array: {e}")))?;
        if values.is_empty() {
            return Err(RecordError::body("empty JSON array: no articles"));
        }
        return Ok(values.into_iter().enumerate().map(|(i, v)| (i + 1, v.to_string())).collect());
    }
    // One object spread over several lines (pretty-printed).
    if trimmed.starts_with('{') && trimmed.contains('\n') {
        if let Ok(v @ serde_json::Value::Object(_)) = serde_json::from_str::<serde_json::Value>(trimmed) {
            return Ok(vec![(1, v.to_string())]);
        }
    }
    Ok(text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (i + 1, l.to_string())).collect())
}

fn parse_record(n: usize, record: &str, origin: &str) -> Result<Article, RecordError> {
    if record.len() > MAX_RECORD_BYTES {
        return Err(RecordError::at(
            n,
            format!("record is {} bytes; at most {} MiB per article", record.len(), MAX_RECORD_BYTES >> 20),
        ));
    }
    let value: serde_json::Value =
        serde_json::from_str(record).map_err(|e| RecordError::at(n, format!("invalid JSON: {e}")))?;
    let Some(object) = value.as_object() else {
        return Err(RecordError::at(n, format!("record must be a JSON object, not {}", kind(&value))));
    };
    for field in ["text", "html", "title", "url", "published", "outlet", "lang", "language", "author"] {
        if let Some(v) = object.get(field).filter(|v| !v.is_string() && !v.is_null()) {
            return Err(RecordError::at(n, format!("field \"{field}\" must be a string, not {}", kind(v))));
        }
    }
    let input = source::from_bytes(origin.to_string(), record.as_bytes().to_vec())
        .map_err(|e| RecordError::at(n, e.message))?;
    let options = Options { format: Some(Format::Jsonl), encoding: None };
    let mut article = match lagebild_ingest::parse_input(&input, &options).into_iter().next() {
        Some(Ok(a)) => a,
        Some(Err(e)) => return Err(RecordError::at(n, e.message)),
        None => return Err(RecordError::at(n, "record has no article")),
    };
    if article.id.chars().count() > MAX_ID_CHARS {
        return Err(RecordError::at(n, format!("field \"id\" is longer than {MAX_ID_CHARS} characters")));
    }
    article.source = format!("{origin}#{n}");
    Ok(article)
}

fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lines_arrays_and_pretty_objects() {
        let line = r#"{"id":"a","title":"T","text":"Die Polizei meldete am Montag 12 Verletzte in Berlin."}"#;
        let two = format!("{line}\n\n{}\n", line.replace("\"a\"", "\"b\""));
        let got = parse_body(two.as_bytes(), "api").unwrap();
        assert_eq!(
            got.iter().map(|(n, a)| (*n, a.id.as_str(), a.source.as_str())).collect::<Vec<_>>(),
            [(1, "a", "api#1"), (3, "b", "api#3")]
        );
        let pretty = "{\n  \"id\": 7,\n  \"text\": \"Ein Satz über das Wetter in Hamburg.\"\n}";
        assert_eq!(parse_body(pretty.as_bytes(), "api").unwrap()[0].1.id, "7");
        let array = format!("[{line}]");
        assert_eq!(parse_body(array.as_bytes(), "api").unwrap().len(), 1);
    }

    #[test]
    fn names_each_bad_record() {
        let body = "{\"text\":\"ok text here.\"}\n{\"text\": 5}\nnot json\n[1]\n";
        let errors = parse_body(body.as_bytes(), "api").unwrap_err();
        let at: Vec<Option<usize>> = errors.iter().map(|e| e.record).collect();
        assert_eq!(at, [Some(2), Some(3), Some(4)]);
        assert!(errors[0].error.contains("\"text\" must be a string"), "{}", errors[0].error);
        assert!(errors[1].error.starts_with("invalid JSON"), "{}", errors[1].error);
        assert!(errors[2].error.contains("JSON object"), "{}", errors[2].error);
        assert!(parse_body(b"  \n", "api").unwrap_err()[0].error.starts_with("empty body"));
        assert!(parse_body(b"{\"text\":\"\xff\"}", "api").unwrap_err()[0].error.contains("UTF-8"));
        assert!(parse_body(b"{\"title\":\"no text\"}", "api").unwrap_err()[0].error.contains("no \"text\""));
    }
}
