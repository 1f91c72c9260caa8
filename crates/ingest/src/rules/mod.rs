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
    /// Month names (lower case) with their number, for dates in headers.
    pub months: &'static [(&'static str, u32)],
    /// `(before, after)` around an outlet name in teasers, bios and footers: "Folgst du schon {X} auf".
    pub outlet_frames: &'static [(&'static str, &'static str)],
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

/// The outlet whose article header glues "Stand: 21.10.2024 13:07 Uhr" onto the kicker and title line
/// (tagesschau.de; other ARD sites print "Stand:" on a line of its own, which names no outlet).
pub const GLUED_STAND_HEADER_OUTLET: &str = "tagesschau";
