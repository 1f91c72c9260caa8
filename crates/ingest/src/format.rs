//! Which reader an input needs: by extension first, then by content.

use crate::source::inner_name;
use crate::IngestError;
use serde::{Deserialize, Serialize};

/// The kinds of input lagebild reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain text article, possibly with a header (title, date line) and boilerplate.
    Text,
    /// A saved web page.
    Html,
    /// RSS 2.0, Atom or JSON Feed: one article per item.
    Feed,
    /// JSON Lines: one article object per line.
    Jsonl,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" | "txt" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            "feed" | "rss" | "atom" => Ok(Format::Feed),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            other => Err(format!("unknown format '{other}' (expected text, html, feed or jsonl)")),
        }
    }
}

/// Chooses the reader; refuses empty inputs with a message that says so.
pub fn sniff(name: &str, text: &str) -> Result<Format, IngestError> {
    let head = text.trim_start();
    if head.is_empty() {
        return Err(IngestError::new(name, "empty input: no article text"));
    }
    let lower_name = inner_name(name).to_ascii_lowercase();
    let ext = lower_name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let by_ext = match ext {
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "xml" | "rss" | "atom" => Some(Format::Feed),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "txt" | "text" | "md" => Some(Format::Text),
        _ => None,
    };
    if let Some(f) = by_ext {
        return Ok(f);
    }
    Ok(by_content(head))
}

fn by_content(head: &str) -> Format {
    let start: String = head.chars().take(1024).collect::<String>().to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") || start.contains("<body") {
        return Format::Html;
    }
    if start.starts_with("<?xml") || start.starts_with("<rss") || start.starts_with("<feed") {
        return if start.contains("<html") { Format::Html } else { Format::Feed };
    }
    if start.starts_with('{') {
        return if start.contains("jsonfeed.org/version") { Format::Feed } else { Format::Jsonl };
    }
    if start.starts_with('<') {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_extension_then_content() {
        assert_eq!(sniff("a.html.gz", "x").unwrap(), Format::Html);
        assert_eq!(sniff("a", "<?xml version='1.0'?><rss>").unwrap(), Format::Feed);
        assert_eq!(sniff("a", "{\"version\":\"https://jsonfeed.org/version/1.1\"}").unwrap(), Format::Feed);
        assert_eq!(sniff("a", "{\"id\":1}\n").unwrap(), Format::Jsonl);
        assert_eq!(sniff("a", "Titel\n\nText.").unwrap(), Format::Text);
        assert!(sniff("a", "  \n").is_err());
    }
}
