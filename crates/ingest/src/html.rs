//! HTML pages: main text and metadata, built on the `trafilatura` crate (a trimmed copy in `vendor/trafilatura`).

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

/// Extraction settings, chosen on the gold sets (tests/html_gold.rs): precision-focused trafilatura with its
/// readability/baseline fallback for pages where the main pass finds too little. Comments are never part
/// of the main text.
fn options() -> trafilatura::Options {
    let mut options = trafilatura::Options::default();
    options.focus = trafilatura::ExtractionFocus::FavorPrecision;
    options.enable_fallback = true;
    options.exclude_comments = true;
    // lagebild reads title, author, URL, site name and date only, and detects the language itself
    // (`lang::detect`, as for every other input).
    options.skip_unused_metadata = true;
    options.skip_language_detection = true;
    // The content comes back as a tree, walked like a fragment (no serialising and re-parsing).
    options.keep_content_tree = true;
    options
}

/// Extracts the main text and metadata of one page; `None` when the page has no main text.
pub fn extract_html(html: &str) -> Option<HtmlPage> {
    let result = trafilatura::extract(html, &options()).ok()?;
    let m = &result.metadata;
    let nonempty = |s: &str| {
        let t = s.trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    let title = nonempty(&m.title);
    // The content's blocks are kept, so paragraphs survive (the plain text often runs them together).
    let blocks = match &result.content_tree {
        Some(tree) => tree_text(tree),
        None => fragment_text(&result.content_html),
    };
    let text = without_furniture(if blocks.is_empty() { paragraphs(&result.content_text) } else { blocks });
    if text.is_empty() {
        return None;
    }
    Some(HtmlPage {
        text,
        title,
        published: m.date.as_ref().and_then(|d| meta::normalize_date(&d.to_string())),
        author: nonempty(&m.author),
        site: nonempty(&m.sitename),
        url: nonempty(&m.url),
        language: nonempty(&m.language).map(|l| l.chars().take(2).collect::<String>().to_lowercase()),
    })
}

/// The extracted text (paragraphs separated by one blank line, see [`paragraphs`]) without the short page
/// furniture the extractor lets through (see [`furniture`]).
fn without_furniture(text: String) -> String {
    if !text.lines().any(furniture) {
        return text;
    }
    text.split("\n\n").filter(|l| !furniture(l)).collect::<Vec<_>>().join("\n\n")
}

/// Headings of related-article and comment blocks, image credits and category labels: short lines (at most
/// eight words) that start with such a label or consist of it. Body sentences are longer or do not start so.
fn furniture(line: &str) -> bool {
    const LABELS: &[&str] = &[
        // related articles and teasers
        "lesen sie auch",
        "auch lesen",
        "mehr zum thema",
        "mehr aus der sendung",
        "das könnte sie auch interessieren",
        "das könnte dich auch interessieren",
        "das thema könnte sie auch interessieren",
        "das thema könnte dich auch interessieren",
        "neueste artikel",
        "empfohlene beiträge",
        "ähnliche artikel",
        "ähnliche beiträge",
        "videos zum thema",
        "beiträge aus dem forum",
        "entdecke weitere",
        "lust auf mehr",
        "related articles",
        "read more",
        "more from",
        // comment blocks
        "keine kommentare",
        "no comments",
        // image credits
        "foto:",
        "fotos:",
        "bild:",
        "bildquelle:",
        "quelle:",
        "titelbild",
        "beitragsbild",
        "photo:",
        "image credit",
        "crédits photos",
        // category labels
        "kategorie:",
        "category:",
    ];
    const CREDITS: &[&str] = &["getty images", "istock", "fotolia", "shutterstock", "picture alliance"];
    let words = line.split_whitespace().count();
    if words == 0 || words > 8 {
        return false;
    }
    let lower = line.trim().to_lowercase();
    LABELS.iter().any(|l| lower.starts_with(l)) || (words <= 6 && CREDITS.iter().any(|c| lower.contains(c)))
}

/// Bytes of an HTML page to text, the way [`crate::parse_input`] decodes them: BOM, UTF-8, the declared
/// charset, else a detected legacy charset. Never fails: bytes that look binary are decoded lossily.
pub fn decode_html(bytes: &[u8]) -> String {
    let input = crate::Input { name: "page.html".into(), bytes: bytes.to_vec() };
    crate::decode::decode(&input, &crate::Options::default())
        .map(|text| text.into_owned())
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}

/// Text of an HTML fragment (a feed item's content, a JSONL `html` field): every block its own paragraph.
///
/// A fragment is already the content, so nothing is judged or dropped: all text outside scripts and
/// styles is kept, however short.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') {
        return paragraphs(&decode_entities(html));
    }
    let doc = scraper::Html::parse_fragment(html);
    let mut out = String::new();
    fragment_walk(*doc.root_element(), &mut out);
    paragraphs(&out)
}

/// Text of a content tree (`<html><body>…`) as [`fragment_text`] gives it for the body's HTML.
fn tree_text(tree: &ego_tree::Tree<scraper::Node>) -> String {
    fn element<'a>(
        node: ego_tree::NodeRef<'a, scraper::Node>,
        name: &str,
    ) -> Option<ego_tree::NodeRef<'a, scraper::Node>> {
        node.children().find(|c| matches!(c.value(), scraper::Node::Element(e) if e.name() == name))
    }
    let Some(body) = element(tree.root(), "html").and_then(|html| element(html, "body")) else {
        return String::new();
    };
    let mut out = String::new();
    fragment_walk(body, &mut out);
    paragraphs(&out)
}

/// Block-level elements: their text starts a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
    "br",
];

fn fragment_walk(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            scraper::Node::Text(t) => {
                // Inline whitespace (including newlines in the source) is one space.
                let mut first = true;
                for word in t.split_whitespace() {
                    if !first || t.starts_with(char::is_whitespace) {
                        out.push(' ');
                    }
                    out.push_str(word);
                    first = false;
                }
                // A whitespace-only node still separates its neighbours (`<b>a</b> <i>b</i>`).
                if t.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
            scraper::Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "noscript" | "template" | "svg") {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                } else if matches!(name, "td" | "th") {
                    out.push(' ');
                }
                fragment_walk(child, out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// Character references in text that has no tags (`&amp;` in a feed title).
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let doc = scraper::Html::parse_fragment(text);
    doc.root_element().text().collect()
}

/// Collapses blank-line runs so paragraphs are separated by exactly one blank line; spaces inside a line
/// are collapsed too.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_keeps_every_paragraph_even_short_ones() {
        assert_eq!(fragment_text("<p>Kurz.</p>"), "Kurz.");
        let html = "<p>Erster   Absatz mit <b>fett</b>.</p><p>Ja.</p><ul><li>Eins</li><li>Zwei</li></ul>Rest<br>Ende";
        assert_eq!(fragment_text(html), "Erster Absatz mit fett.\n\nJa.\n\nEins\n\nZwei\n\nRest\n\nEnde");
        assert_eq!(fragment_text("<script>x()</script><p>Text &amp; mehr</p>"), "Text & mehr");
        assert_eq!(fragment_text("Tom &amp; Jerry\n\n\nZweite Zeile"), "Tom & Jerry\n\nZweite Zeile");
        assert_eq!(fragment_text("<p><b>Eins:</b> <i>zwei</i></p>"), "Eins: zwei");
    }
}
