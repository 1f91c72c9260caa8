use serde::{Deserialize, Serialize};

/// A number that counts or measures something, with its hedge and what it counts: the raw material for
/// comparing sources. Offsets are code points into the text it was found in, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    /// Hedge + number + unit or counted noun, e.g. "rund 12.000 Soldaten".
    pub text: String,
    pub number_start: usize,
    pub number_end: usize,
    /// The value; `None` for vague amounts ("Hunderte"), which set `vague`.
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// Bounds of a range ("zwischen 10 und 20", "8- to 16-meter").
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: Approx,
    /// "EUR", "USD", "%", "km", "t", … or `None` for counts.
    pub unit: Option<String>,
    pub kind: FigureKind,
    /// Lemma of the counted noun, lower case, compound head ("Elitesoldaten" → "soldat").
    pub thing: Option<String>,
    pub thing_text: Option<String>,
    /// Who the figure is attributed to; filled by the attribution stage.
    pub source: Option<String>,
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    About,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
}

/// What sort of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Count,
    Money,
    Percent,
    Measure,
    Age,
    Fraction,
    Factor,
}
