use serde::{Deserialize, Serialize};

/// A time expression resolved to a calendar value (TIMEX3), so that reports can be put on one timeline.
/// Offsets are code points into the text, end exclusive; TimeML span conventions (prepositions outside).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimeKind,
    /// TIMEX3 value: `2024-10-18`, `2024-W42`, `2024-06`, `2024-SU`, `P2D`, `PRESENT_REF`, …
    pub value: String,
    #[serde(rename = "mod")]
    pub mod_: Option<TimeMod>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}

/// TIMEX3 modifiers for "Mitte Oktober", "Anfang August", "etwa", "vor".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeMod {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
}
