use crate::{Article, Entity, EntityKind, Figure, Quote, TimeExpr};
use serde::{Deserialize, Serialize};

/// An article with everything the extractors found in its `text`; all spans point into that text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedArticle {
    #[serde(flatten)]
    pub article: Article,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    pub times: Vec<TimeExpr>,
    pub quotes: Vec<Quote>,
    /// Id of an earlier article this one is a near-copy of (a wire story printed again).
    pub duplicate_of: Option<String>,
    /// The wire agency the text names as its origin ("dpa", "AFP").
    pub wire_agency: Option<String>,
}

/// One event as many sources report it: the unit a reader opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    /// Article ids in arrival order.
    pub articles: Vec<String>,
    pub entities: Vec<StoryEntity>,
    pub figure_groups: Vec<FigureGroup>,
    pub claims: Vec<Claim>,
    pub timeline: Vec<TimelineEntry>,
    pub summary: Vec<SummarySentence>,
    pub outlets: Vec<OutletCoverage>,
}

/// An entity merged across a story's articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryEntity {
    pub canonical: String,
    pub kind: EntityKind,
    /// Every surface form seen, sorted.
    pub variants: Vec<String>,
    pub mentions: usize,
    /// Number of articles that mention it.
    pub articles: usize,
}

/// Figures about the same counted thing in the same role, across outlets: where sources agree or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// Lemma of the counted thing ("soldat").
    pub thing: String,
    /// A readable label ("Soldaten").
    pub label: String,
    /// The distinct values, ascending.
    pub values: Vec<f64>,
    pub members: Vec<FigureRef>,
    /// True when the values differ by more than rounding and hedges explain.
    pub disagree: bool,
}

/// A figure of one article: `figure` indexes that article's `figures`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRef {
    pub article: String,
    pub figure: usize,
    pub outlet: Option<String>,
    /// Who the article attributes the figure to.
    pub source: Option<String>,
}

/// Which outlets carry an attribution to a given source, and whether only one outlet reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The speaker or source the claims are attributed to (canonical when known).
    pub source: String,
    /// Who relayed it ("Yonhap" for "Yonhap citing the NIS"), when any.
    pub via: Option<String>,
    pub outlets: Vec<String>,
    pub quotes: Vec<QuoteRef>,
    pub only_one_outlet: bool,
}

/// A quotation of one article: `quote` indexes that article's `quotes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRef {
    pub article: String,
    pub quote: usize,
}

/// A dated statement: the sentence that holds a resolved time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The normalised value (`2024-10-18`, `2024-W42`).
    pub date: String,
    pub text: String,
    pub article: String,
    pub start: usize,
    pub end: usize,
}

/// A sentence chosen for the extractive summary, with its evidence span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How much of a story one outlet carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletCoverage {
    pub outlet: String,
    pub articles: usize,
}

/// The whole output of `lagebild analyze`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lagebild {
    pub schema_version: u32,
    pub articles: Vec<AnalyzedArticle>,
    pub stories: Vec<Story>,
}

/// One line of a story list (the server's `GET /api/stories` and its index page): enough to choose a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub id: String,
    pub title: String,
    pub articles: usize,
    pub outlets: Vec<String>,
    /// Earliest and latest publication time of its articles (ISO 8601), when known.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// When the story last took an article (RFC 3339, UTC): what `since=` filters on.
    pub updated: String,
}

/// A full-text search match: an article, the story it belongs to, and a plain-text snippet around the match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article: String,
    pub story: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub snippet: String,
    pub score: f32,
}
