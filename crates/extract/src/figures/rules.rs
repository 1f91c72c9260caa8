//! The shape of a language's figure tables (filled in `de.rs` and `en.rs`).

use lagebild_core::{Approx, FigureKind};

/// A token sequence, lower case (a table entry with upper-case letters matches case-sensitively).
pub type Seq = &'static [&'static str];

pub struct Rules {
    /// Hedges before a number, longest first is not required (the engine prefers the longest).
    pub hedges: &'static [(Seq, Approx)],
    /// "zwischen … und …" / "between … and …".
    pub between: (&'static str, &'static str),
    /// Words joining two numbers into a range ("bis", "to"); dashes are always range joiners.
    pub range_words: &'static [&'static str],
    /// Currency signs or codes before a number.
    pub currency_prefixes: &'static [(Seq, &'static str)],
    /// Scales named before a number ("Stärke 6,4", "magnitude 6.4"): tokens, unit code.
    pub scale_prefixes: &'static [(Seq, &'static str)],
    /// Units, currencies and percent after a number: tokens, unit code, kind.
    pub units: &'static [(Seq, &'static str, FigureKind)],
    /// Units after "per"/"pro"/"/": tokens, code.
    pub per_units: &'static [(Seq, &'static str)],
    /// Words for "per".
    pub per_words: &'static [&'static str],
    /// Vague amounts ("Hunderte", "tens of thousands").
    pub vague: &'static [Seq],
    /// Words linking a vague amount, fraction or unit to its noun ("von", "of").
    pub of_words: &'static [&'static str],
    /// A count out of a whole: the words after the number ("51 der 74 Personen", "30 of the 120 workers"),
    /// then optional `partitive_fillers` ("insgesamt", "total") and the whole's number before the noun.
    pub partitive: Seq,
    pub partitive_fillers: &'static [&'static str],
    /// Standalone fraction nouns with their value ("Hälfte") and the articles that must precede them.
    pub fraction_nouns: &'static [(&'static str, f64)],
    pub fraction_articles: &'static [&'static str],
    /// Suffixes making a number word a factor ("zwölffach", "threefold").
    pub factor_suffixes: &'static [&'static str],
    /// Age: suffix words after a hyphen or glued ("jährige"), words before ("aged"), after ("alt").
    pub age_suffixes: &'static [&'static str],
    pub age_before: &'static [Seq],
    pub age_after: &'static [Seq],
    /// Month names, full and abbreviated (numbers next to them are dates or years).
    pub calendar: &'static lagebild_text::calendar::Calendar,
    /// Words before a number that make a bare year-like number a year ("Jahr", "year").
    pub year_words: &'static [&'static str],
    /// Words before a number that keep a year-like number a count ("die ersten 2000").
    pub determiners: &'static [&'static str],
    /// Words before "1." that make it an ordinal ("am 1. November").
    pub ordinal_context: &'static [&'static str],
    /// Words after a number that make it a clock time ("Uhr", "pm").
    pub clock_words: &'static [Seq],
    /// Words for an unnamed small amount that make a vague measure before a unit ("mehrere Zentimeter pro
    /// Tag"); before a noun they are too vague to be a figure ("mehrere Menschen").
    pub few_words: &'static [&'static str],
    /// Words making the number after them negative ("minus 15 Grad").
    pub negative_words: &'static [&'static str],
    /// Verbs saying what an amount comes to ("beläuft sich der Schaden auf", "liegt bei", "totalled") and the
    /// articles that open their subject: the subject's noun is the thing of a money, measure or percent figure.
    pub amount_verbs: &'static [&'static str],
    pub subject_articles: &'static [&'static str],
    /// English adjectives before a counted noun that describe rather than name its kind ("local fishing boats"
    /// count fishing boats): left out of the thing, while other modifiers stay ("emergency workers").
    pub loose_modifiers: &'static [&'static str],
    /// Function words: never a counted noun, never a name before a number.
    pub stopwords: &'static [&'static str],
}
