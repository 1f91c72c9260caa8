use serde::{Deserialize, Serialize};

/// Who says what: a quotation or attribution with its speaker, cue and content, and the relaying source
/// (`via`) when one outlet or agency cites another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Mention>,
    pub cue: Option<Piece>,
    pub content: Piece,
    pub via: Option<Mention>,
}

/// How the words are attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
    AccordingTo,
    Reported,
    FreeIndirect,
}

/// A span of text (code points, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A span that names someone, resolved to an entity's canonical name when possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<String>,
}
