//! The shape of a language's rule tables (filled in `de.rs` and `en.rs`).

use lagebild_core::TimeMod;

/// Calendar units, for durations, "vor zwei Wochen", "last month".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

pub type Phrase = &'static [&'static str];

/// One language's words. All entries lower-case; phrases are token sequences.
pub struct Rules {
    /// Full month names (matched only capitalised, so English "may"/"march" are verbs).
    pub months: &'static [(&'static str, u32)],
    /// Abbreviations, matched capitalised and only with a following "." (or when the table says bare is fine).
    pub month_abbr: &'static [(&'static str, u32)],
    pub weekdays: &'static [(&'static str, u32)],
    /// "montags", "mondays": a set.
    pub weekday_sets: &'static [(&'static str, u32)],
    /// Season word → TIMEX season code and modifier ("Spätsommer" = SU END).
    pub seasons: &'static [(&'static str, &'static str, Option<TimeMod>)],
    /// Unit nouns in every inflection.
    pub units: &'static [(&'static str, Unit)],
    /// Compound adjective stems, German: "zweimonatige" = number word + "monatig" + ending.
    pub unit_adj: &'static [(&'static str, Unit)],
    /// "gestern" = -1 day from the anchor.
    pub deictic: &'static [(&'static str, i64)],
    /// Fixed phrases with a reference value ("jetzt" PRESENT_REF, "in Zukunft" FUTURE_REF).
    pub refs: &'static [(Phrase, &'static str)],
    /// "vergangene", "letzten", "last", "past".
    pub past_adj: &'static [&'static str],
    /// "kommende", "nächsten", "next", "coming".
    pub next_adj: &'static [&'static str],
    /// Before a season only, the next one to come: "another winter", "einen weiteren Winter".
    pub season_next_adj: &'static [&'static str],
    /// "dieses", "laufenden", "this", "current".
    pub this_adj: &'static [&'static str],
    /// "selben", "gleichen", "same".
    pub same_adj: &'static [&'static str],
    /// After a position modifier only, a pointer back to the period last named: "the middle of that month".
    pub anaphoric_det: &'static [&'static str],
    /// "folgenden", "following".
    pub following_adj: &'static [&'static str],
    /// "vorangegangenen", "previous".
    pub previous_adj: &'static [&'static str],
    /// Position modifiers inside the span: "Anfang", "Mitte", "Ende", "early", "mid", "late".
    pub mods: &'static [(&'static str, TimeMod)],
    /// Words linking a modifier to its date: "des", "der", "of", "the".
    pub links: &'static [&'static str],
    /// Approximation and bound words before a number/date: "etwa", "mehr als", "about".
    pub quant_mods: &'static [(Phrase, Option<TimeMod>)],
    /// Parts of the day → TIMEX code.
    pub pods: &'static [(&'static str, &'static str)],
    /// `(night word, link)` naming the night before a day: "Nacht zum Freitag", "overnight into Friday".
    pub night_before: &'static [(&'static str, &'static str)],
    /// Words right before a part of the day without its own date that make it one of the report's day:
    /// "am Vormittag", "in der Nacht", "seit dem frühen Morgen", "in the early evening".
    pub pod_intros: &'static [Phrase],
    /// Adjectives before a part of the day: "am frühen Morgen" (START), "late afternoon" (END).
    pub pod_mods: &'static [(&'static str, TimeMod)],
    /// `(phrase)` naming the small hours of a day: "early hours of Friday", "frühen Morgenstunden des".
    pub small_hours: &'static [Phrase],
    /// Before a duration, "ago" sense: "vor".
    pub ago_pre: &'static [&'static str],
    /// After a duration, "ago" sense: "ago".
    pub ago_post: &'static [&'static str],
    /// After a duration, "later" sense: "später", "later", "danach".
    pub later_post: &'static [&'static str],
    /// After a duration, "earlier" sense: "zuvor", "earlier", "before".
    pub earlier_post: &'static [&'static str],
    /// Units for which "N units later/earlier" is the duration itself, the span without "later" (TimeML:
    /// "three days later" = P3D); longer shifts ("a year earlier") are dates.
    pub shift_dur_units: &'static [Unit],
    /// Before a duration with "later" sense in narratives: "nach" ("nach zwei Tagen").
    pub after_pre: &'static [&'static str],
    /// "jeden", "every", "each".
    pub set_pre: &'static [&'static str],
    /// "täglich" P1D, "daily".
    pub set_adv: &'static [(&'static str, &'static str)],
    /// Vague quantities standing for a number: "wenige", "mehrere", "several".
    pub vague_num: &'static [&'static str],
    /// Articles that may open an English expression ("the").
    pub articles: &'static [&'static str],
    /// Words marking a future clause ("wird", "soll", "will").
    pub future_cues: &'static [&'static str],
    /// Words marking a past clause ("hatte", "wurde", "said").
    pub past_cues: &'static [&'static str],
    /// Reporting verbs ("said", "sagte"): past, but what is reported may lie ahead ("said it will redeem the
    /// shares on Dec. 7"), so they weigh like a lone participle.
    pub report_cues: &'static [&'static str],
    /// Right before an expression, these point back from the anchor ("seit Montag", "since Friday").
    pub past_pre: &'static [Phrase],
    /// Right before an expression, these point ahead: deadlines and due dates ("until Tuesday", "payable Dec. 7",
    /// "as early as Tuesday").
    pub future_pre: &'static [Phrase],
    /// Past-perfect auxiliaries: a deadline in such a clause lies in the past ("had filed reports by Wednesday").
    pub pluperfect: &'static [&'static str],
    /// Words opening a subordinate clause after a comma ("…, wo die Ukraine Anfang August …"): the tense of
    /// the main clause before the comma does not reach into it.
    pub clause_openers: &'static [&'static str],
    /// Nouns after which a number is a name or label, not a year ("Formel 1", "Seite 2010").
    pub num_blockers: &'static [&'static str],
    /// Words right after a number that make it a count or label ("Euro", "Prozent", "people").
    pub num_followers: &'static [&'static str],
    /// "Jahr", "Jahres", "year": may precede a year number inside the span.
    pub year_nouns: &'static [&'static str],
    /// "fiscal": may precede a year.
    pub year_pre: &'static [&'static str],
    /// Words after "the year" that make it one accounting period, a duration ("the year ended March 31").
    pub period_ends: &'static [&'static str],
    pub century_words: &'static [&'static str],
    /// Decade nouns after "1990er"/"1990s" ("Jahre", "Jahren").
    pub decade_nouns: &'static [&'static str],
    /// Phrases after a year meaning BC.
    pub bc: &'static [Phrase],
    /// "Uhr".
    pub clock_words: &'static [&'static str],
    /// Plural units standing alone after a preposition of the table: a span of unknown length ("seit Jahren",
    /// "nach Monaten des Streits", "for years" = PXY).
    pub bare_plurals: &'static [(&'static str, Unit)],
    pub bare_plural_pre: &'static [&'static str],
    /// Prepositions that make "einer Woche", "eines Jahres" a span ("innerhalb einer Woche"); elsewhere
    /// "eines Tages" is no duration.
    pub span_preps: &'static [&'static str],
    /// "halb drei" = 2:30 (German counts the half hour towards the next).
    pub clock_half: &'static [&'static str],
    /// Words before a clock time that make it approximate, inside the span ("gegen 3 Uhr", "shortly after 5am").
    pub clock_hedges: &'static [Phrase],
    /// "noon" 12:00, "Mitternacht" 24:00.
    pub clock_names: &'static [(&'static str, u32)],
    /// Named days resolved against the anchor's year: "Neujahrstag".
    pub named_days: &'static [(Phrase, u32, u32)],
    /// Quarter / half-year words: "quarter", "Quartal", "Halbjahr".
    pub quarter_words: &'static [&'static str],
    pub half_words: &'static [&'static str],
    /// Nouns for the reporting period in focus, after a year ("the 1989 period" = its quarter in focus).
    pub period_nouns: &'static [&'static str],
    /// Year qualifiers before a quarter, as years from the quarter in focus ("the year-ago third quarter",
    /// "next year's first quarter").
    pub year_quals: &'static [(Phrase, i64)],
    pub ordinals: &'static [(&'static str, u32)],
    /// Small number-word table used when the shared number grammar does not know a word.
    pub fallback_numbers: &'static [(&'static str, f64)],
    /// Time zone phrases kept inside the span ("mitteleuropäischer Zeit" = +01).
    pub zones: &'static [(Phrase, &'static str)],
    /// What follows a span of days that dates an event back from the report: "nach dem", "after the".
    pub event_after: &'static [Phrase],
    /// Words that name a part of the day of the event the text dated ("Tatnacht": night, "Tattag": the day
    /// itself, ""), see `events`.
    pub event_times: &'static [(&'static str, &'static str)],
    /// "Ortszeit", "local time": the zone of the place the report is from, kept inside the span.
    pub local_time: &'static [Phrase],
    /// Places whose clock a report's "local time" means: the lower-case start of a word (name, adjective,
    /// demonym: "japan" covers "Japans", "japanischen") and its IANA zone. Countries that span several
    /// zones are listed by city only.
    pub place_zones: &'static [(&'static str, &'static str)],
}

/// The zone marker of a clock time told in local time ([`Rules::local_time`]).
pub const LOCAL_ZONE: &str = "local";

pub fn lookup<T: Copy>(table: &[(&'static str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

pub fn has(table: &[&str], w: &str) -> bool {
    table.contains(&w)
}
