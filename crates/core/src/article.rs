use serde::{Deserialize, Serialize};

/// One news article after ingest: clean main text plus the metadata later stages need to compare sources.
///
/// Field names are a contract with scripts (`lagebild parse --format json`); see `docs/cli.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The input's own id, else a stable hash of the content, so that re-ingesting is idempotent.
    pub id: String,
    /// Where it came from: a path, or `path#N` for the Nth record or item of a file (1-based).
    pub source: String,
    pub title: Option<String>,
    /// ISO 8601 date (`2024-10-21`) or date-time with offset (`2024-10-21T13:07:00+02:00`).
    pub published: Option<String>,
    /// Publishing outlet ("tagesschau", "dpa", a URL host) when known.
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// ISO 639-1 code (`de`, `en`); null when the text is too short or in another language.
    pub language: Option<String>,
    /// Clean main text; paragraphs separated by exactly one blank line.
    pub text: String,
    /// Everything that was cut, with the reason, so that nothing a user gave is silently lost.
    pub removed: Vec<Removed>,
}

/// A piece of the input that is not part of the article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovalReason,
}

/// Why a piece was cut; stable snake_case names in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// A line that carries metadata (date line, "Stand:", "Publiziert") rather than body text.
    Metadata,
    /// The title line(s) repeated at the top or a headline glued to a kicker.
    Title,
    /// App, newsletter or social media teaser ("Folgst du schon … auf Whatsapp?").
    Teaser,
    /// Like/comment counters, "Merken", share buttons.
    Engagement,
    /// "Anzeige", "Werbung", sponsored markers.
    Advertisement,
    /// "Auch interessant", "Mehr zum Thema" and similar headings of related content.
    RelatedHeading,
    /// A run of related-article links.
    LinkList,
    /// A short biography of the author.
    AuthorBio,
    /// A paragraph printed twice (typically a photo caption).
    Duplicate,
    /// A photo credit or caption marker ("Foto: …").
    Caption,
    /// Copyright and rights lines at the foot of an article.
    Footer,
    /// A short non-sentence line that the same outlet prints under several articles.
    Repeated,
    /// Content the HTML extractor left out (navigation, footers, comments).
    PageChrome,
}
