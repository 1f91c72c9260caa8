//! Domain types that travel between lagebild's pipeline stages.
//!
//! Every stage reads only the types defined here (or by the stages to its left), so that a stage can be
//! tested and replaced on its own. Offsets are always Unicode code points, end exclusive.

mod article;
mod entity;
mod figure;
mod quote;
mod span;
mod story;
mod time;

pub use article::{Article, RemovalReason, Removed};
pub use entity::{Entity, EntityKind};
pub use figure::{Approx, Figure, FigureKind};
pub use quote::{Mention, Piece, Quote, QuoteKind};
pub use span::Span;
pub use story::{
    AnalyzedArticle, Claim, FigureGroup, FigureRef, Lagebild, OutletCoverage, QuoteRef, SearchHit, Story, StoryEntity,
    StorySummary, SummarySentence, TimelineEntry,
};
pub use time::{TimeExpr, TimeKind, TimeMod};

/// Version of the JSON documents lagebild writes; bumped only on purpose (see `docs/schema.md`).
pub const SCHEMA_VERSION: u32 = 1;

/// The languages lagebild has rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// From an ISO 639-1 code; `None` for languages without rules.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }
}
