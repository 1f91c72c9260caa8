//! Language knowledge for ingest, as data a linguist can review without reading control flow.
//!
//! Boilerplate is judged before the language is known, so the cleaner consults every table.

mod de;
mod en;

use lagebild_core::RemovalReason;

/// Cues of one language for metadata, boilerplate and outlet signatures.
pub struct Rules {
    /// Whole lines (case-insensitive, trailing punctuation ignored) that are never body text.
    pub cue_lines: &'static [(&'static str, RemovalReason)],
    /// Line starts that mark metadata ("Stand:", "Veröffentlicht am") to parse for a date, then cut.
    pub metadata_prefixes: &'static [&'static str],
    /// Line starts of a byline ("Von Erika Muster", "By Colin Fraser, Staff Reporter").
    pub byline_prefixes: &'static [&'static str],
    /// Line starts of a photo credit.
    pub credit_prefixes: &'static [&'static str],
    /// Words naming a channel a teaser advertises (app, newsletter, messenger).
    pub teaser_channels: &'static [&'static str],
    /// Words addressing the reader; a teaser needs one of them next to a channel.
    pub reader_address: &'static [&'static str],
    /// Phrases typical of an author bio ("ist seit 2021 bei").
    pub bio_phrases: &'static [&'static str],
    /// Words after a number on an engagement counter line ("61 Kommentare").
    pub counter_nouns: &'static [&'static str],
    /// Month names (full and abbreviated), for dates in headers.
    pub calendar: &'static lagebild_text::calendar::Calendar,
    /// `(before, after)` around an outlet name in teasers, bios and footers: "Folgst du schon {X} auf".
    pub outlet_frames: &'static [(&'static str, &'static str)],
    /// ISO 639-1 code of the language.
    pub code: &'static str,
    /// Frequent words (lower case) that are rare in the other supported languages: when a text's start is full
    /// of one language's and nearly free of the others', detection needs no statistical model.
    pub function_words: &'static [&'static str],
}

/// Every language's rules, German first.
pub const ALL: [&Rules; 2] = [&de::RULES, &en::RULES];

/// Wire agencies and their names in datelines such as "Kiew (dpa)." — shared by all languages.
pub const AGENCIES: &[(&str, &str)] = &[
    ("dpa", "dpa"),
    ("afp", "AFP"),
    ("reuters", "Reuters"),
    ("ap", "AP"),
    ("kna", "KNA"),
    ("epd", "epd"),
    ("sda", "SDA"),
    ("apa", "APA"),
    ("ddp", "ddp"),
    ("dts", "dts"),
];

/// Separators between the fields of a masthead or footer line ("Saale-Kurier – Nachrichten aus Halle").
pub const FIELD_SEPARATORS: &[&str] = &[" – ", " · ", " | ", " - ", ". "];

/// Time zone abbreviations printed after clock times, with their UTC offsets in minutes.
pub const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("bst", 60),
    ("cet", 60),
    ("mez", 60),
    ("cest", 120),
    ("mesz", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("kst", 540),
    ("jst", 540),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("pst", -480),
    ("pdt", -420),
    ("ast", -240),
    ("adt", -180),
];
