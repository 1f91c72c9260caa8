//! The shape of the per-language rule tables (`de.rs`, `en.rs`) and fast look-ups over them.

use std::collections::HashMap;

/// How a verb attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VClass {
    /// A speech or thought verb: introduces a clause or a quotation ("sagte", "said").
    Say,
    /// Also takes a plain object as the reported content ("forderte den Abzug", "called for").
    Report,
    /// A news organisation's verb ("berichtete", "reported"): with an "according to" source it relays.
    News,
}

/// A reporting verb: its finite forms, its participles (used with an auxiliary), and the separable particle
/// that must follow in the same clause ("teilte … mit").
pub struct Verb {
    pub finite: &'static [&'static str],
    pub participle: &'static [&'static str],
    pub particle: Option<&'static str>,
    pub class: VClass,
}

pub struct Rules {
    pub verbs: &'static [Verb],
    /// Markers followed by the source: "laut X", "gemäß X", "according to X" (multi-word as separate words).
    pub according_pre: &'static [&'static [&'static str]],
    /// Markers preceded by the source: "X zufolge".
    pub according_post: &'static [&'static str],
    /// Nouns that make "nach/per … X" a source phrase ("nach Angaben von X"); also matched as compound endings.
    pub source_nouns: &'static [&'static str],
    /// The preposition that introduces `source_nouns` ("nach") and may follow them ("Seinen Angaben nach").
    pub source_prep: &'static [&'static str],
    /// "wie X berichtet" introducers.
    pub as_markers: &'static [&'static str],
    /// "…, so X" introducers (after a quotation or clause).
    pub so_markers: &'static [&'static str],
    /// Source chain markers: "unter Berufung auf Y", "citing Y".
    pub chain: &'static [&'static [&'static str]],
    /// Impersonal hearsay frames: "heißt es", "hieß es".
    pub hearsay: &'static [&'static [&'static str]],
    /// Prepositions that introduce the source of hearsay: "heißt es in der Erklärung", "hieß es aus X".
    pub hearsay_source: &'static [&'static str],
    /// Adverbs that continue the previous source ("demnach").
    pub continuation: &'static [&'static str],
    /// "wonach": content follows, source precedes.
    pub whereby: &'static [&'static str],
    /// Unambiguous Konjunktiv I forms (reported speech).
    pub konjunktiv: &'static [&'static str],
    /// Konjunktiv II forms that stand in for Konjunktiv I in reported speech (only in an attributed context).
    pub konjunktiv2: &'static [&'static str],
    /// Reportative modal verbs ("soll … haben").
    pub reportative: &'static [&'static str],
    /// Infinitives that complete a reportative modal ("haben", "sein").
    pub reportative_inf: &'static [&'static str],
    /// Auxiliaries that carry a participle.
    pub aux: &'static [&'static str],
    /// Words that open a clause whose subject follows the finite verb (prepositions, adverbs).
    pub fronted: &'static [&'static str],
    /// Subordinators that open a verb-final clause (no attribution frame of their own).
    pub subordinators: &'static [&'static str],
    /// Words that end a speaker phrase (conjunctions, prepositions, subordinators, verbs).
    pub np_stop: &'static [&'static str],
    /// Adverbs skipped between a verb and its subject.
    pub skip: &'static [&'static str],
    pub determiners: &'static [&'static str],
    /// Personal pronouns that can be speakers, and possessives ("seinen Angaben nach").
    pub pronouns: &'static [&'static str],
    /// Role nouns (also as compound endings: "Verteidigungsminister" ends in "minister").
    pub roles: &'static [&'static str],
    /// Abbreviations that do not end a sentence.
    pub abbrevs: &'static [&'static str],
    /// Subordinators after a reporting verb ("dass", "that").
    pub that: &'static [&'static str],
    /// Words that attach a phrase to a subject before its verb: "Der Sprecher *der* Polizei *in* Bonn sagte".
    pub np_attach: &'static [&'static str],
    /// Words that are no speaker when they stand alone as a subject ("es", "das", "man").
    pub not_speakers: &'static [&'static str],
    /// Determiners that open no subject (dative, accusative, genitive): "Dem Sender sagte X".
    pub oblique: &'static [&'static str],
    /// Endings of adverbs and adjectives that can open a clause alone: "Stellvertretend sagte X".
    pub adverb_suffixes: &'static [&'static str],
    /// Coordinators before a verb whose subject is elided: "… und verglich".
    pub coordinators: &'static [&'static str],
    /// Passive auxiliaries and agent prepositions: "wurde von X zitiert".
    pub passive_aux: &'static [&'static str],
    pub agent: &'static [&'static str],
    /// Object pronouns between a verb and its subject: "so beschreibt *es* der Hausmeister".
    pub object_pronouns: &'static [&'static str],
    /// Pronouns that can only be subjects: "Deren Haltung nannte *er* verlogen".
    pub nominative: &'static [&'static str],
    /// Determiners that open a genitive attribute: "nach Angaben *der* Polizei".
    pub genitive: &'static [&'static str],
    /// Demonstratives that stand alone as a subject: "*Diese* glaubten, …".
    pub demonstratives: &'static [&'static str],
}

/// Per-token flags: which word lists a token belongs to (suffix lists: `ROLES`, `SOURCE_NOUNS`).
#[allow(non_snake_case)]
pub mod F {
    pub const NP_STOP: u32 = 1 << 0;
    pub const SKIP: u32 = 1 << 1;
    pub const DETERMINERS: u32 = 1 << 2;
    pub const PRONOUNS: u32 = 1 << 3;
    pub const FRONTED: u32 = 1 << 4;
    pub const AUX: u32 = 1 << 5;
    pub const THAT: u32 = 1 << 6;
    pub const AS_MARKERS: u32 = 1 << 7;
    pub const SO_MARKERS: u32 = 1 << 8;
    pub const ACCORDING_POST: u32 = 1 << 9;
    pub const CONTINUATION: u32 = 1 << 10;
    pub const WHEREBY: u32 = 1 << 11;
    pub const KONJUNKTIV: u32 = 1 << 12;
    pub const KONJUNKTIV2: u32 = 1 << 13;
    pub const REPORTATIVE: u32 = 1 << 14;
    pub const REPORTATIVE_INF: u32 = 1 << 15;
    pub const SUBORDINATORS: u32 = 1 << 16;
    pub const ROLES: u32 = 1 << 17;
    pub const SOURCE_NOUNS: u32 = 1 << 18;
    pub const SOURCE_PREP: u32 = 1 << 19;
}

/// Look-up of a verb form: indices into `Rules::verbs` and whether the form is a participle (a form may
/// belong to several verbs: "gab … bekannt", "gab … an").
pub struct Lexicon {
    verbs: HashMap<&'static str, Vec<(usize, bool)>>,
    words: HashMap<&'static str, u32>,
    roles: &'static [&'static str],
    sources: &'static [&'static str],
}

impl Lexicon {
    pub fn new(rules: &Rules) -> Self {
        let mut verbs: HashMap<&'static str, Vec<(usize, bool)>> = HashMap::new();
        for (i, v) in rules.verbs.iter().enumerate() {
            for f in v.finite {
                verbs.entry(*f).or_default().push((i, false));
            }
            for f in v.participle {
                verbs.entry(*f).or_default().push((i, true));
            }
        }
        let mut words: HashMap<&'static str, u32> = HashMap::new();
        for w in rules.np_stop {
            *words.entry(*w).or_insert(0) |= F::NP_STOP;
        }
        for w in rules.skip {
            *words.entry(*w).or_insert(0) |= F::SKIP;
        }
        for w in rules.determiners {
            *words.entry(*w).or_insert(0) |= F::DETERMINERS;
        }
        for w in rules.pronouns {
            *words.entry(*w).or_insert(0) |= F::PRONOUNS;
        }
        for w in rules.fronted {
            *words.entry(*w).or_insert(0) |= F::FRONTED;
        }
        for w in rules.aux {
            *words.entry(*w).or_insert(0) |= F::AUX;
        }
        for w in rules.that {
            *words.entry(*w).or_insert(0) |= F::THAT;
        }
        for w in rules.as_markers {
            *words.entry(*w).or_insert(0) |= F::AS_MARKERS;
        }
        for w in rules.so_markers {
            *words.entry(*w).or_insert(0) |= F::SO_MARKERS;
        }
        for w in rules.according_post {
            *words.entry(*w).or_insert(0) |= F::ACCORDING_POST;
        }
        for w in rules.continuation {
            *words.entry(*w).or_insert(0) |= F::CONTINUATION;
        }
        for w in rules.whereby {
            *words.entry(*w).or_insert(0) |= F::WHEREBY;
        }
        for w in rules.konjunktiv {
            *words.entry(*w).or_insert(0) |= F::KONJUNKTIV;
        }
        for w in rules.konjunktiv2 {
            *words.entry(*w).or_insert(0) |= F::KONJUNKTIV2;
        }
        for w in rules.reportative {
            *words.entry(*w).or_insert(0) |= F::REPORTATIVE;
        }
        for w in rules.reportative_inf {
            *words.entry(*w).or_insert(0) |= F::REPORTATIVE_INF;
        }
        for w in rules.subordinators {
            *words.entry(*w).or_insert(0) |= F::SUBORDINATORS;
        }
        for w in rules.source_prep {
            *words.entry(*w).or_insert(0) |= F::SOURCE_PREP;
        }
        Lexicon { verbs, words, roles: rules.roles, sources: rules.source_nouns }
    }

    /// The list flags of a lower-cased word.
    pub fn flags(&self, w: &str) -> u32 {
        let mut f = self.words.get(w).copied().unwrap_or(0);
        if w.len() >= 3 {
            if has_suffix(self.roles, w) {
                f |= F::ROLES;
            }
            if has_suffix(self.sources, w) {
                f |= F::SOURCE_NOUNS;
            }
        }
        f
    }

    /// The first verb with the form `w`.
    pub fn verb(&self, w: &str) -> Option<(usize, bool)> {
        self.verbs.get(w).and_then(|v| v.first().copied())
    }

    /// Every verb with the form `w`, in table order.
    pub fn verbs(&self, w: &str) -> &[(usize, bool)] {
        self.verbs.get(w).map_or(&[], Vec::as_slice)
    }
}

/// `w` is one of `list` or a compound ending in one of them ("Geheimdienstangaben").
pub fn has_suffix(list: &[&str], w: &str) -> bool {
    list.iter().any(|s| w.ends_with(s) && (w.len() == s.len() || w.len() >= s.len() + 3))
}
