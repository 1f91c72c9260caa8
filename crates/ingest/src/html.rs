//! HTML pages: main text and metadata, built on the `trafilatura` crate.

use crate::meta;
use crate::IngestError;
use lagebild_core::Article;

/// What a web page yields before the shared cleaning steps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlPage {
    /// Main text, paragraphs separated by one blank line.
    pub text: String,
    pub title: Option<String>,
    /// ISO 8601 publication date from the page's metadata.
    pub published: Option<String>,
    pub author: Option<String>,
    /// The site name (og:site_name and the like).
    pub site: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// Extracts the main text and metadata of one page; `None` when the page has no main text.
pub fn extract_html(html: &str) -> Option<HtmlPage> {
    let options = trafilatura::Options::default();
    let result = trafilatura::extract(html, &options).ok()?;
    let text = paragraphs(&result.content_text);
    if text.is_empty() {
        return None;
    }
    let m = &result.metadata;
    let nonempty = |s: &str| {
        let t = s.trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    Some(HtmlPage {
        text,
        title: nonempty(&m.title),
        published: m.date.as_ref().and_then(|d| meta::normalize_date(&d.to_string())),
        author: nonempty(&m.author),
        site: nonempty(&m.sitename),
        url: nonempty(&m.url),
        language: nonempty(&m.language).map(|l| l.chars().take(2).collect::<String>().to_lowercase()),
    })
}

/// Text of an HTML fragment (a feed item's content, a JSONL `html` field): every block its own paragraph.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') {
        return paragraphs(html);
    }
    let wrapped = format!("<html><body><article>{html}</article></body></html>");
    extract_html(&wrapped).map(|p| p.text).unwrap_or_default()
}

/// Collapses blank-line runs so paragraphs are separated by exactly one blank line.
fn paragraphs(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
}

pub fn read(name: &str, html: &str) -> Result<Article, IngestError> {
    let page = extract_html(html).ok_or_else(|| IngestError::new(name, "HTML page has no main text"))?;
    let outlet = page.site.clone().or_else(|| page.url.as_deref().and_then(host_of));
    Ok(Article {
        id: String::new(),
        source: name.to_string(),
        title: page.title,
        published: page.published,
        outlet,
        url: page.url,
        author: page.author,
        language: page.language.filter(|l| l == "de" || l == "en"),
        text: page.text,
        removed: Vec::new(),
    })
}

/// The host of a URL without `www.`, as a fallback outlet name.
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}
