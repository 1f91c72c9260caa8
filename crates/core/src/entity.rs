use serde::{Deserialize, Serialize};

/// A named entity mention; `canonical` merges spelling variants and inflections ("Budanows" → "Kyrylo Budanov")
/// so that mentions across articles and outlets can be counted together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: EntityKind,
    pub canonical: String,
}

/// CoNLL-style entity kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}
