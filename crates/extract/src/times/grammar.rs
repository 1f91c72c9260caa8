//! The grammar: patterns over tokens, driven by a language's rule tables. Each pattern tries to match at a
//! token position and returns the token range and an unresolved meaning (`Sem`); the scanner keeps the
//! longest match at each position and moves on behind it.

use super::rules::{has, lookup, Phrase, Rules, Unit};
use super::token::{Kind, Tok};
use lagebild_core::{Lang, TimeMod};

/// The meaning of a matched expression before it is resolved against the anchor and the text's reference.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date, any part may be missing ("Juni" = month only).
    Cal {
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
    },
    /// Year before Christ.
    Bc(i32),
    /// "1990s" = 199.
    Decade(i32),
    /// "20. Jahrhundert" = 19.
    Century(i32),
    Season {
        y: Option<i32>,
        s: &'static str,
    },
    /// Quarter or half year: "Q3", "H1".
    Part {
        y: Option<i32>,
        p: String,
    },
    /// A quarter qualified by its year: an explicit year or `off` years from the quarter in focus; without an
    /// ordinal it is the quarter in focus ("the 1988 quarter", "the year-ago period").
    YearPart {
        y: Option<i32>,
        off: i64,
        q: Option<u32>,
    },
    Weekday(u32),
    /// "gestern" = -1.
    Deictic(i64),
    /// "vergangene Woche" = Week -1, "dieses Jahr" = Year 0.
    Rel {
        unit: Unit,
        off: i64,
    },
    /// "last November", "nächsten Freitag", "letzten Sommer".
    RelMonth {
        m: u32,
        off: i64,
    },
    RelWeekday {
        wd: u32,
        off: i64,
    },
    RelSeason {
        s: &'static str,
        off: i64,
    },
    /// "vor zwei Wochen", "two years ago".
    Ago {
        n: Option<f64>,
        unit: Unit,
    },
    /// "zwei Tage später" (+2 Day), "a day earlier" (-1 Day), from the text's last date.
    Shift {
        n: Option<f64>,
        unit: Unit,
    },
    /// "am selben Tag".
    Same(Unit),
    Dur {
        n: Option<f64>,
        unit: Unit,
    },
    Ref(&'static str),
    Set(String),
    /// A clock time, on a date if one is given.
    Clock {
        base: Option<Box<Sem>>,
        h: u32,
        mi: u32,
        zone: Option<&'static str>,
    },
    /// A part of a day ("Freitagabend").
    Pod {
        base: Box<Sem>,
        pod: &'static str,
    },
    /// A fixed holiday ("Neujahrstag"); month 0 = Thanksgiving.
    Named {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
}

#[derive(Debug, Clone)]
pub struct Raw {
    /// Token range, end exclusive.
    pub s: usize,
    pub e: usize,
    pub sem: Sem,
    pub m: Option<TimeMod>,
}

fn raw(s: usize, e: usize, sem: Sem) -> Option<Raw> {
    Some(Raw { s, e, sem, m: None })
}

pub struct G<'a, 'b> {
    pub t: &'b [Tok<'a>],
    pub r: &'static Rules,
    pub lang: Lang,
    /// Per token: may an expression start here (a cheap pre-check so most words cost one hash lookup).
    pub gate: Vec<bool>,
}

/// Words that can open an expression, from every table of the language.
pub fn trigger_words(r: &'static Rules) -> std::collections::HashSet<&'static str> {
    let mut h = std::collections::HashSet::new();
    let firsts = |h: &mut std::collections::HashSet<&'static str>, p: &'static [&'static str]| {
        if let Some(w) = p.first() {
            h.insert(w.split('-').next().unwrap_or(w));
        }
    };
    for (w, _) in r.months.iter().chain(r.month_abbr).chain(r.weekdays).chain(r.weekday_sets).chain(r.ordinals) {
        h.insert(*w);
    }
    for (w, _, _) in r.seasons {
        h.insert(*w);
    }
    for (w, _) in r.units.iter().chain(r.unit_adj) {
        h.insert(*w);
    }
    for (w, _) in r.deictic.iter() {
        h.insert(*w);
    }
    for (p, _) in r.refs {
        firsts(&mut h, p);
    }
    for (p, _) in r.quant_mods {
        firsts(&mut h, p);
    }
    for (p, _, _) in r.named_days {
        firsts(&mut h, p);
    }
    for (w, _) in r.mods.iter() {
        h.insert(*w);
    }
    for (w, _) in r.pods.iter().chain(r.set_adv) {
        h.insert(*w);
    }
    for (w, _) in r.clock_names.iter() {
        h.insert(*w);
    }
    for (w, _) in r.fallback_numbers.iter() {
        h.insert(*w);
    }
    for list in [
        r.past_adj,
        r.next_adj,
        r.this_adj,
        r.same_adj,
        r.following_adj,
        r.previous_adj,
        r.ago_pre,
        r.after_pre,
        r.set_pre,
        r.vague_num,
        r.articles,
        r.year_nouns,
        r.year_pre,
        r.half_words,
        r.quarter_words,
    ] {
        h.extend(list.iter().copied());
    }
    for w in [
        "gegen",
        "bis",
        "around",
        "about",
        "etwa",
        "laufe",
        "verlauf",
        "verlaufe",
        "vorjahr",
        "vorjahres",
        "vorjahrs",
        "vormonat",
        "vormonats",
        "vorwoche",
        "vortag",
        "vortages",
        "jahresende",
        "jahresendes",
        "jahresbeginn",
        "jahresanfang",
        "jahresbeginns",
        "jahresanfangs",
        "jahresmitte",
        "monatsende",
        "monatsanfang",
        "monatsbeginn",
        "a",
        "an",
        "couple",
        "frühen",
        "späten",
        "früh",
        "spät",
        "fiscal",
        "the",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "halben",
        "halbe",
    ] {
        h.insert(w);
    }
    h
}

/// Could this word be a number word or a compound the grammar analyses ("zweimonatige", "Dienstagabend")?
pub fn maybe_compound(w: &str, r: &Rules) -> bool {
    r.weekdays.iter().any(|(d, _)| w.starts_with(d))
        || w.contains("lang")
        || r.unit_adj.iter().any(|(a, _)| w.contains(a))
        || r.fallback_numbers.iter().any(|(n, _)| {
            let k = n.char_indices().nth(3).map(|(b, _)| b).unwrap_or(n.len());
            w.starts_with(&n[..k])
        })
}

const PREP_BEFORE_YEAR: &[&str] = &[
    "im",
    "in",
    "seit",
    "bis",
    "von",
    "vom",
    "ab",
    "um",
    "nach",
    "vor",
    "zwischen",
    "anfang",
    "mitte",
    "ende",
    "jahr",
    "jahre",
    "jahres",
    "since",
    "until",
    "by",
    "during",
    "from",
    "to",
    "of",
    "and",
    "und",
    "oder",
    "or",
    "(",
    ",",
    "–",
    "-",
    "/",
    "through",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "frühjahr",
    "sommer",
    "herbst",
    "winter",
    "beginn",
    "fiscal",
    "year",
    "end",
    "the",
    "spring",
    "summer",
    "fall",
    "autumn",
    "bereits",
    "schon",
    "erst",
    "noch",
    "auch",
    "dann",
    "erneut",
    "wieder",
    "später",
    "jahr",
    "anno",
    "already",
    "again",
    "also",
    "in",
];

const DAY_RANGE_LINKS: &[&str] = &["bis", "und", "-", "–", "/", "auf", "den", "zum", "zu", "an", ",", "oder", "und"];

impl<'a, 'b> G<'a, 'b> {
    fn en(&self) -> bool {
        self.lang == Lang::En
    }

    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    fn lw(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.lw(i) == w
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }

    fn word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Tokens from i spell the phrase; a hyphenated entry ("year-ago") matches glued tokens. Returns the
    /// number of tokens used.
    fn phrase_len(&self, i: usize, p: Phrase) -> Option<usize> {
        let mut j = i;
        for w in p {
            for (k, part) in w.split('-').enumerate() {
                if k > 0 {
                    if !(self.is(j, "-") && self.glued(j) && self.glued(j + 1)) {
                        return None;
                    }
                    j += 1;
                }
                if self.lw(j) != part {
                    return None;
                }
                j += 1;
            }
        }
        Some(j - i)
    }

    fn phrase(&self, i: usize, p: Phrase) -> bool {
        p.iter().enumerate().all(|(k, w)| self.lw(i + k) == *w)
    }

    fn num(&self, i: usize) -> Option<u32> {
        self.t.get(i).and_then(|t| t.num())
    }

    fn ndigits(&self, i: usize) -> usize {
        self.t.get(i).map(|t| if t.kind == Kind::Num { t.text.len() } else { 0 }).unwrap_or(0)
    }

    /// Is the number at i glued into a larger number ("1.500", "3,5", "12:30")?
    fn in_larger_number(&self, i: usize) -> bool {
        let before = i >= 2
            && self.glued(i)
            && matches!(self.lw(i - 1), "." | "," | ":" | "'")
            && self.glued(i - 1)
            && self.t[i - 2].kind == Kind::Num;
        let after = self.glued(i + 1)
            && matches!(self.lw(i + 1), "." | "," | ":")
            && self.glued(i + 2)
            && self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Num);
        before || after
    }

    // ---------------------------------------------------------------------------------------------
    // Word classes

    /// A month name at i: (month, tokens used).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || !t.cap {
            return None;
        }
        if let Some(m) = lookup(self.r.months, &t.lower) {
            if self.en() && (t.lower == "may" || t.lower == "march") {
                // Verbs unless a date context is around: a number, a year, or a month context word.
                let prev = if i > 0 { self.lw(i - 1) } else { "" };
                let next_num = self.num(i + 1).is_some();
                let ctx = matches!(
                    prev,
                    "in" | "of"
                        | "last"
                        | "next"
                        | "this"
                        | "early"
                        | "late"
                        | "mid"
                        | "since"
                        | "until"
                        | "through"
                        | "by"
                        | "-"
                        | "from"
                        | "to"
                        | "during"
                        | "end"
                        | "beginning"
                        | "middle"
                );
                if !(next_num || ctx) {
                    return None;
                }
                if t.text == "MAY" || t.text == "MARCH" {
                    return None;
                }
            }
            return Some((m, 1));
        }
        if let Some(m) = lookup(self.r.month_abbr, &t.lower) {
            if self.is(i + 1, ".") && self.glued(i + 1) {
                return Some((m, 2));
            }
            if self.num(i + 1).is_some() && self.en() {
                return Some((m, 1));
            }
        }
        None
    }

    fn weekday(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        if !self.en() && !t.cap {
            return None;
        }
        lookup(self.r.weekdays, &t.lower)
    }

    /// A German compound weekday + part of day: "Dienstagabend", "Freitagmorgen".
    fn weekday_compound(&self, i: usize) -> Option<(u32, &'static str)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || self.en() {
            return None;
        }
        for (name, wd) in self.r.weekdays {
            if let Some(rest) = t.lower.strip_prefix(name) {
                if !rest.is_empty() {
                    if let Some(p) = lookup(self.r.pods, rest) {
                        return Some((*wd, p));
                    }
                }
            }
        }
        None
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        lookup(self.r.units, &t.lower)
    }

    /// A 4-digit year at i (1000–2099), not part of a larger number and not a count or label.
    fn year(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.text.len() != 4 {
            return None;
        }
        let y: i32 = t.text.parse().ok()?;
        if !(1000..=2099).contains(&y) || self.in_larger_number(i) {
            return None;
        }
        let prev = if i > 0 { self.lw(i - 1) } else { "" };
        if i > 0 && has(self.r.num_blockers, prev) {
            return None;
        }
        if i > 0 && matches!(prev, "$" | "€" | "£" | "#" | "§" | "nr" | "no") {
            return None;
        }
        let next = self.lw(i + 1);
        if has(self.r.num_followers, next) || next == "%" {
            return None;
        }
        // "1500 Soldaten": a German number before a noun is a count unless a year context precedes.
        if let Some(n) = self.tok(i + 1) {
            let year_ctx = i == 0
                || has(PREP_BEFORE_YEAR, prev)
                || self.t[i].nl
                || self.t[i - 1].kind == Kind::Punct
                || self.t[i].sent != self.t[i - 1].sent;
            if !self.en()
                && n.kind == Kind::Word
                && n.cap
                && n.sent == t.sent
                && !year_ctx
                && lookup(self.r.months, &n.lower).is_none()
            {
                return None;
            }
            if self.en() && n.kind == Kind::Word && !n.cap && !year_ctx && n.lower.ends_with('s') && n.lower.len() > 3 {
                // "1500 troops" — but keep "1998 was", "1990 has".
                if !matches!(n.lower.as_str(), "was" | "has" | "is" | "as" | "its" | "saw" | "this" | "process") {
                    return None;
                }
            }
        }
        Some(y)
    }

    /// A year at i, written or spoken: (year, tokens).
    fn year_span(&self, i: usize) -> Option<(i32, usize)> {
        // "two thousand years" is a count
        self.year(i).map(|y| (y, 1)).or_else(|| self.spoken_year(i).filter(|(_, n)| self.unit(i + n).is_none()))
    }

    /// A year read out in English broadcast transcripts: "nineteen ninety-six", "two thousand".
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        if !self.en() {
            return None;
        }
        let val = |k: usize| {
            self.tok(k)
                .filter(|t| t.kind == Kind::Word)
                .and_then(|t| lagebild_text::numbers::word_value(&t.lower, self.lang))
                .filter(|v| v.fract() == 0.0 && *v >= 1.0 && *v < 100.0)
                .map(|v| v as i32)
        };
        let a = val(i)?;
        if a == 2 && self.is(i + 1, "thousand") {
            return Some(match val(i + 2).filter(|b| *b < 100) {
                Some(b) => (2000 + b, 3),
                None => (2000, 2),
            });
        }
        // century part 17..20, then a two-digit part: "ninety-six", "ninety", "fifteen"
        if !(17..=20).contains(&a) {
            return None;
        }
        let b = val(i + 1).filter(|b| *b >= 10)?;
        if b >= 20 && b % 10 == 0 && self.is(i + 2, "-") && self.glued(i + 2) && self.glued(i + 3) {
            if let Some(u) = val(i + 3).filter(|u| *u < 10) {
                return Some((a * 100 + b + u, 4));
            }
        }
        Some((a * 100 + b, 2))
    }

    /// A number at i: (value or None for "wenige", tokens used).
    fn number(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num => {
                if t.text.len() > 6 || (i > 0 && self.in_larger_number(i) && self.glued(i)) {
                    return None;
                }
                let mut v: f64 = t.text.parse().ok()?;
                let mut k = 1;
                // "2,5" (German decimal) / "2.5"
                if self.glued(i + 1)
                    && matches!(self.lw(i + 1), "," | ".")
                    && self.glued(i + 2)
                    && self.ndigits(i + 2) > 0
                    && self.ndigits(i + 2) != 3
                {
                    let frac: f64 = format!("0.{}", self.t[i + 2].text).parse().ok()?;
                    v += frac;
                    k = 3;
                } else if self.glued(i + 1) && matches!(self.lw(i + 1), "," | ".") && self.ndigits(i + 2) == 3 {
                    return None;
                }
                // "2 1/2"
                if let (Some(a), Some(b)) = (self.num(i + k), self.num(i + k + 2)) {
                    if self.is(i + k + 1, "/") && b > a && b <= 4 {
                        v += a as f64 / b as f64;
                        k += 3;
                    }
                }
                Some((Some(v), k))
            }
            Kind::Word => {
                let w = t.lower.as_str();
                if self.en() {
                    if w == "a" || w == "an" {
                        if self.is(i + 1, "few") {
                            return Some((None, 2));
                        }
                        if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                            return Some((Some(2.0), 3));
                        }
                        return Some((Some(1.0), 1));
                    }
                    if w == "couple" && self.is(i + 1, "of") {
                        return Some((Some(2.0), 2));
                    }
                }
                if has(self.r.vague_num, w) {
                    return Some((None, 1));
                }
                if matches!(w, "ein" | "eine" | "einen" | "einem" | "einer" | "a" | "an")
                    && self.lw(i + 1).starts_with("halb")
                {
                    return Some((Some(0.5), 2));
                }
                let v = lagebild_text::numbers::word_value(w, self.lang).or_else(|| lookup(self.r.fallback_numbers, w));
                let mut v = v?;
                // number words that are also other words
                if matches!(w, "one" | "million" | "hundred" | "thousand" | "dutzend" | "dozen" | "tausend")
                    && !self.en()
                {
                    return None;
                }
                let mut k = 1;
                // "drei dreiviertel Jahre"
                if let Some(f) = self.tok(i + 1).filter(|n| n.kind == Kind::Word).and_then(|n| {
                    lagebild_text::numbers::word_value(&n.lower, self.lang)
                        .or_else(|| lookup(self.r.fallback_numbers, &n.lower))
                }) {
                    if f < 1.0 && v >= 1.0 {
                        v += f;
                        k = 2;
                    }
                }
                Some((Some(v), k))
            }
            _ => None,
        }
    }

    /// number + unit: (value, unit, end). Also "two-year", "90-Tage", "zweimonatige".
    fn dur_core(&self, i: usize) -> Option<(Option<f64>, Unit, usize)> {
        if let Some(r) = self.unit_adjective(i) {
            return Some(r);
        }
        let (n, k) = self.number(i)?;
        let mut j = i + k;
        // "two-year", "90-Tage"
        let hyph = self.is(j, "-") && self.glued(j) && self.glued(j + 1);
        if hyph {
            j += 1;
        }
        // "the first nine months" handled by caller; "a minute and a half"
        let u = self.unit(j)?;
        // "1988 quarter" is no duration; "6-year-old", "52 years old" are ages
        if self.ndigits(i) == 4 && !self.lw(j).ends_with('s') {
            return None;
        }
        if (self.is(j + 1, "-") && self.is(j + 2, "old")) || self.is(j + 1, "old") {
            return None;
        }
        let mut n = n;
        let mut e = j + 1;
        if self.en() && self.phrase(e, &["and", "a", "half"]) {
            n = n.map(|v| v + 0.5);
            e += 3;
        }
        // a plain "a"/"ein" only with a singular unit
        if hyph && self.is(e, "-") && self.glued(e) && self.word(e + 1) && self.glued(e + 1) {
            // "8-month-old"
            e += 2;
        }
        Some((n, u, e))
    }

    /// German compound adjectives "zweimonatige", "achttägiger", "mehrjährigen", "monatelangen".
    fn unit_adjective(&self, i: usize) -> Option<(Option<f64>, Unit, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || self.en() || t.cap && i > 0 && !self.t[i].nl {
            // adjectives are lower-case inside a sentence
            if t.kind != Kind::Word || self.en() {
                return None;
            }
        }
        let w = t.lower.as_str();
        let stem =
            ["e", "en", "er", "es", "em", ""].iter().find_map(|end| w.strip_suffix(end).filter(|s| !s.is_empty()))?;
        for end in ["en", "er", "es", "em", "e", ""] {
            let Some(s) = w.strip_suffix(end) else { continue };
            for (adj, u) in self.r.unit_adj {
                if let Some(pre) = s.strip_suffix(adj) {
                    if pre.is_empty() {
                        continue;
                    }
                    let v = if pre == "mehr" || pre == "viel" {
                        None
                    } else if pre == "ganz" {
                        Some(1.0)
                    } else {
                        Some(
                            lagebild_text::numbers::word_value(pre, self.lang)
                                .or_else(|| lookup(self.r.fallback_numbers, pre))?,
                        )
                    };
                    return Some((v, *u, i + 1));
                }
            }
            for (lang_, u) in [
                ("tagelang", Unit::Day),
                ("wochenlang", Unit::Week),
                ("monatelang", Unit::Month),
                ("jahrelang", Unit::Year),
                ("stundenlang", Unit::Hour),
                ("jahrzehntelang", Unit::Decade),
            ] {
                if s == lang_ {
                    return Some((None, u, i + 1));
                }
            }
        }
        let _ = stem;
        None
    }

    // ---------------------------------------------------------------------------------------------
    // Patterns

    /// The longest expression starting at i.
    pub fn at(&self, i: usize) -> Option<Raw> {
        let t = self.tok(i)?;
        if !self.gate[i] || (t.kind == Kind::Punct && !matches!(t.text, "'" | "’")) {
            return None;
        }
        let cands = [
            self.ref_phrase(i),
            self.deictic(i),
            self.weekday_expr(i),
            self.with_mod(i),
            self.date_core(i),
            self.qualified_part(i),
            self.durations(i),
            self.clock_expr(i),
            self.sets(i),
            self.pod_of(i),
            self.article(i),
        ];
        let mut best: Option<Raw> = None;
        for c in cands.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        }
        best
    }

    /// English "the" opening an expression ("the third quarter", "the 1990s", "the past three years").
    fn article(&self, i: usize) -> Option<Raw> {
        if !has(self.r.articles, self.lw(i)) {
            return None;
        }
        let mut r = self.at(i + 1)?;
        match r.sem {
            Sem::Cal { .. } | Sem::Weekday(_) | Sem::Ref(_) | Sem::Deictic(_) => None,
            _ => {
                r.s = i;
                Some(r)
            }
        }
    }

    fn ref_phrase(&self, i: usize) -> Option<Raw> {
        let mut best: Option<Raw> = None;
        let w0 = self.lw(i);
        for (p, v) in self.r.refs {
            if !p[0].starts_with(w0) {
                continue;
            }
            if let Some(n) = self.phrase_len(i, p) {
                // "the year-ago quarter": the phrase "the year" would cut a hyphenated compound
                let cut = self.is(i + n, "-") && self.glued(i + n) && self.glued(i + n + 1);
                if !cut && best.as_ref().is_none_or(|b| b.e < i + n) {
                    best = raw(i, i + n, Sem::Ref(v));
                }
            }
        }
        if let Some(b) = &mut best {
            if b.sem == Sem::Ref("THIS_Y")
                && self.unit(b.e - 1) == Some(Unit::Year)
                && has(self.r.period_ends, self.lw(b.e))
            {
                b.sem = Sem::Dur { n: Some(1.0), unit: Unit::Year };
            }
        }
        // "vor kurzem", "vor Jahren"
        if !self.en() && self.is(i, "vor") && matches!(self.lw(i + 1), "kurzem" | "jahren" | "langem") {
            return raw(i, i + 2, Sem::Ref("PAST_REF"));
        }
        // "years ago"
        if self.en() {
            if let Some(u) = self.unit(i) {
                if self.lw(i).ends_with('s') && u != Unit::Weekend {
                    if has(self.r.ago_post, self.lw(i + 1)) {
                        return raw(i, i + 2, Sem::Ref("PAST_REF"));
                    }
                    if has(self.r.later_post, self.lw(i + 1)) {
                        return raw(i, i + 2, Sem::Ref("FUTURE_REF"));
                    }
                    let prev = if i > 0 { self.lw(i - 1) } else { "" };
                    if matches!(prev, "for" | "over" | "within" | "in") && best.is_none() {
                        return raw(i, i + 1, Sem::Dur { n: None, unit: u });
                    }
                }
            }
        } else if let Some(u) = self.unit(i) {
            if matches!(self.lw(i), "jahre" | "monate" | "wochen" | "tage" | "jahrzehnte") && self.is(i + 1, "zuvor") {
                return raw(i, i + 2, Sem::Dur { n: None, unit: u });
            }
        }
        // "heute" in narratives is handled by resolution; here only phrases
        if let Some(b) = &best {
            // German "später"/"zuvor" alone after a comma-less number phrase are taken by durations first.
            if b.e == i + 1 && matches!(self.lw(i), "später" | "zuvor" | "vorher") && self.t[i].cap {
                // sentence-initial "Später," is fine
            }
        }
        best
    }

    fn deictic(&self, i: usize) -> Option<Raw> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let n = lookup(self.r.deictic, &t.lower)?;
        if !self.en() && t.lower == "morgen" {
            // "Morgen" (noun) is the morning; "morgen" (adverb) is tomorrow
            if t.cap
                || (i > 0
                    && matches!(
                        self.lw(i - 1),
                        "am" | "den" | "des" | "jeden" | "heute" | "gestern" | "diesen" | "guten" | "frühen"
                    ))
            {
                return None;
            }
        }
        let base = Sem::Deictic(n);
        if self.en() && t.lower == "tonight" {
            return raw(i, i + 1, Sem::Pod { base: Box::new(base), pod: "NI" });
        }
        if let Some(p) = self.tok(i + 1).filter(|x| x.kind == Kind::Word).and_then(|x| lookup(self.r.pods, &x.lower)) {
            if self.en() || self.t[i + 1].cap || self.lw(i + 1).ends_with('s') || self.lw(i + 1) == "früh" {
                return raw(i, i + 2, Sem::Pod { base: Box::new(base), pod: p });
            }
        }
        raw(i, i + 1, base)
    }

    fn weekday_expr(&self, i: usize) -> Option<Raw> {
        let lw = self.lw(i);
        // last/next/this + weekday/month/season/unit
        let off = if has(self.r.past_adj, lw) {
            Some(-1)
        } else if has(self.r.next_adj, lw) {
            Some(1)
        } else if has(self.r.this_adj, lw) {
            Some(0)
        } else {
            None
        };
        if let Some(off) = off {
            if let Some(wd) = self.weekday(i + 1) {
                return raw(i, i + 2, Sem::RelWeekday { wd, off });
            }
            if let Some((m, k)) = self.month(i + 1) {
                if self.num(i + 1 + k).is_none() {
                    return raw(i, i + 1 + k, Sem::RelMonth { m, off });
                }
            }
            if let Some((s, _)) = self.season_word(i + 1) {
                return raw(i, i + 2, Sem::RelSeason { s, off });
            }
            if let Some(u) = self.unit(i + 1) {
                let plural = matches!(
                    self.lw(i + 1),
                    "tage"
                        | "tagen"
                        | "wochen"
                        | "monate"
                        | "monaten"
                        | "jahre"
                        | "jahren"
                        | "days"
                        | "weeks"
                        | "months"
                        | "years"
                        | "decades"
                        | "jahrzehnte"
                        | "jahrzehnten"
                );
                if plural {
                    return None;
                }
                // "the past week" = a duration
                if self.en() && lw == "past" && i > 0 && self.is(i - 1, "the") {
                    return raw(i, i + 2, Sem::Dur { n: Some(1.0), unit: u });
                }
                if lw == "latest" {
                    return None;
                }
                // "letzten Jahres", "this year", "kommenden Monat"
                let sem = if u == Unit::Decade && self.en() && off == -1 {
                    Sem::Rel { unit: Unit::Decade, off: -1 }
                } else {
                    Sem::Rel { unit: u, off }
                };
                return raw(i, i + 2, sem);
            }
            return None;
        }
        // "am selben Tag", "the same day"
        if has(self.r.same_adj, lw) {
            if let Some(u) = self.unit(i + 1) {
                return raw(i, i + 2, Sem::Same(u));
            }
        }
        if has(self.r.following_adj, lw) {
            if let Some(u) = self.unit(i + 1) {
                if matches!(
                    self.lw(i + 1),
                    "monaten" | "jahren" | "wochen" | "tagen" | "months" | "years" | "weeks" | "days"
                ) {
                    return raw(i, i + 2, Sem::Dur { n: None, unit: u });
                }
                return raw(i, i + 2, Sem::Shift { n: Some(1.0), unit: u });
            }
        }
        if has(self.r.previous_adj, lw) {
            if let Some(u) = self.unit(i + 1) {
                if matches!(
                    self.lw(i + 1),
                    "monaten" | "jahren" | "wochen" | "tagen" | "months" | "years" | "weeks" | "days"
                ) {
                    return raw(i, i + 2, Sem::Dur { n: None, unit: u });
                }
                return raw(i, i + 2, Sem::Shift { n: Some(-1.0), unit: u });
            }
        }
        if let Some((wd, p)) = self.weekday_compound(i) {
            return raw(i, i + 1, Sem::Pod { base: Box::new(Sem::Weekday(wd)), pod: p });
        }
        let wd = self.weekday(i)?;
        // "Dienstag, 22. Oktober 2024" / "Tuesday, Oct. 22": the date wins
        let mut j = i + 1;
        if self.is(j, ",") {
            j += 1;
        }
        if self.is(j, "den") {
            j += 1;
        }
        if let Some(d) = self.date_core(j) {
            if matches!(d.sem, Sem::Cal { d: Some(_), .. }) {
                return raw(i, d.e, d.sem);
            }
        }
        if let Some(p) = self.tok(i + 1).filter(|x| x.kind == Kind::Word).and_then(|x| lookup(self.r.pods, &x.lower)) {
            if self.en() || self.t[i + 1].cap {
                return raw(i, i + 2, Sem::Pod { base: Box::new(Sem::Weekday(wd)), pod: p });
            }
        }
        raw(i, i + 1, Sem::Weekday(wd))
    }

    fn season_word(&self, i: usize) -> Option<(&'static str, Option<TimeMod>)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        self.r.seasons.iter().find(|(w, _, _)| *w == t.lower).map(|(_, s, m)| (*s, *m))
    }

    /// Years with optional BC, "Jahr 1864", "fiscal 1989", decades, centuries, months, day-month dates,
    /// numeric dates, seasons, quarters.
    fn date_core(&self, i: usize) -> Option<Raw> {
        let t = self.tok(i)?;
        let mut best: Option<Raw> = None;
        let mut keep = |r: Option<Raw>| {
            if let Some(r) = r {
                if best.as_ref().is_none_or(|b| r.e > b.e) {
                    best = Some(r);
                }
            }
        };
        match t.kind {
            Kind::Num => {
                keep(self.day_month(i));
                keep(self.numeric_date(i));
                keep(self.year_expr(i));
                keep(self.decade(i));
                keep(self.century(i));
                keep(self.bare_day(i));
                keep(self.two_digit_year(i));
                keep(self.ordinal_part(i));
            }
            Kind::Word => {
                keep(self.month_expr(i));
                keep(self.year_expr(i));
                keep(self.season_expr(i));
                keep(self.decade(i));
                keep(self.named_day(i));
                keep(self.ordinal_part(i));
                keep(self.century(i));
                keep(self.compound_rel(i));
            }
            Kind::Punct => keep(self.decade(i)),
        }
        best
    }

    /// "Vorjahr", "Jahresende", "Jahresbeginn", "Kriegsende"-style compounds listed here.
    fn compound_rel(&self, i: usize) -> Option<Raw> {
        if self.en() {
            return None;
        }
        let sem = match self.lw(i) {
            "vorjahr" | "vorjahres" | "vorjahrs" => (Sem::Rel { unit: Unit::Year, off: -1 }, None),
            "vormonat" | "vormonats" => (Sem::Rel { unit: Unit::Month, off: -1 }, None),
            "vorwoche" => (Sem::Rel { unit: Unit::Week, off: -1 }, None),
            "vortag" | "vortages" => (Sem::Deictic(-1), None),
            "jahresende" | "jahresendes" => (Sem::Rel { unit: Unit::Year, off: 0 }, Some(TimeMod::End)),
            "jahresbeginn" | "jahresanfang" | "jahresbeginns" | "jahresanfangs" => {
                (Sem::Rel { unit: Unit::Year, off: 0 }, Some(TimeMod::Start))
            }
            "jahresmitte" => (Sem::Rel { unit: Unit::Year, off: 0 }, Some(TimeMod::Mid)),
            "monatsende" => (Sem::Rel { unit: Unit::Month, off: 0 }, Some(TimeMod::End)),
            "monatsanfang" | "monatsbeginn" => (Sem::Rel { unit: Unit::Month, off: 0 }, Some(TimeMod::Start)),
            "wochenende" | "wochenendes" if !self.is(i + 1, "über") => {
                (Sem::Rel { unit: Unit::Weekend, off: 0 }, None)
            }
            _ => return None,
        };
        Some(Raw { s: i, e: i + 1, sem: sem.0, m: sem.1 })
    }

    fn named_day(&self, i: usize) -> Option<Raw> {
        for (p, m, d) in self.r.named_days {
            if self.phrase(i, p) && self.t[i].cap {
                let e = i + p.len();
                let y = self.year(e);
                return raw(i, if y.is_some() { e + 1 } else { e }, Sem::Named { y, m: *m, d: *d });
            }
        }
        None
    }

    /// German "22. Juni [1941]", English "22 June 1941"; followed optionally by a clock time.
    fn day_month(&self, i: usize) -> Option<Raw> {
        let d = self.num(i).filter(|d| (1..=31).contains(d) && self.ndigits(i) <= 2)?;
        let mut j = i + 1;
        if self.is(j, ".") {
            j += 1;
        } else if self.en() && matches!(self.lw(j), "st" | "nd" | "rd" | "th") && self.glued(j) {
            j += 1;
            if self.is(j, "of") {
                j += 1;
            }
        } else if !self.en() {
            return None;
        }
        let (m, k) = self.month(j)?;
        j += k;
        let mut y = None;
        if self.is(j, ",") && self.en() && self.year(j + 1).is_some() {
            j += 1;
        }
        if let Some(yy) = self.year(j) {
            y = Some(yy);
            j += 1;
        }
        let r = Raw { s: i, e: j, sem: Sem::Cal { y, m: Some(m), d: Some(d) }, m: None };
        Some(self.with_clock_after(r))
    }

    /// "21.10.2024", "1.9.39", "21.10." ; followed optionally by a clock time.
    fn numeric_date(&self, i: usize) -> Option<Raw> {
        if self.en() {
            // "10/21/2024"
            let m = self.num(i).filter(|m| (1..=12).contains(m))?;
            if !(self.is(i + 1, "/") && self.glued(i + 1) && self.glued(i + 2)) {
                return None;
            }
            let d = self.num(i + 2).filter(|d| (1..=31).contains(d))?;
            if !(self.is(i + 3, "/") && self.glued(i + 3)) {
                return None;
            }
            let y = self.num(i + 4)?;
            let y = if self.ndigits(i + 4) == 4 {
                y as i32
            } else if self.ndigits(i + 4) == 2 {
                1900 + y as i32
            } else {
                return None;
            };
            return raw(i, i + 5, Sem::Cal { y: Some(y), m: Some(m), d: Some(d) });
        }
        let d = self.num(i).filter(|d| (1..=31).contains(d) && self.ndigits(i) <= 2)?;
        if !(self.is(i + 1, ".") && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let m = self.num(i + 2).filter(|m| (1..=12).contains(m) && self.ndigits(i + 2) <= 2)?;
        if !self.is(i + 3, ".") || !self.glued(i + 3) {
            return None;
        }
        if i >= 2 && self.glued(i) && matches!(self.lw(i - 1), "." | ",") {
            return None;
        }
        let (y, e) = match (self.num(i + 4), self.glued(i + 4), self.ndigits(i + 4)) {
            (Some(y), true, 4) => (Some(y as i32), i + 5),
            (Some(y), true, 2) => (Some(1900 + y as i32), i + 5),
            (Some(_), true, _) => return None,
            _ => (None, i + 4),
        };
        let r = Raw { s: i, e, sem: Sem::Cal { y, m: Some(m), d: Some(d) }, m: None };
        Some(self.with_clock_after(r))
    }

    /// "8." in "8. bis 10. Mai": a day taking month (and year) from the next date.
    fn bare_day(&self, i: usize) -> Option<Raw> {
        if self.en() {
            return None;
        }
        let d = self.num(i).filter(|d| (1..=31).contains(d) && self.ndigits(i) <= 2)?;
        if !self.is(i + 1, ".") || self.month(i + 2).is_some() {
            return None;
        }
        let mut j = i + 2;
        let mut links = 0;
        while links < 3 && has(DAY_RANGE_LINKS, self.lw(j)) {
            j += 1;
            links += 1;
        }
        if links == 0 {
            // "am 24. die rumänische Armee": a day of the current month
            let prev = if i > 0 { self.lw(i - 1) } else { "" };
            if matches!(prev, "am" | "vom" | "zum" | "dem") && self.word(i + 2) && !self.t[i + 2].cap {
                return raw(i, i + 2, Sem::Cal { y: None, m: None, d: Some(d) });
            }
            return None;
        }
        let next = self.day_month(j)?;
        if let Sem::Cal { y, m, d: Some(d2) } = next.sem {
            if d2 > d || links > 0 {
                return raw(i, i + 2, Sem::Cal { y, m, d: Some(d) });
            }
        }
        None
    }

    /// "71" in "1870/71".
    fn two_digit_year(&self, i: usize) -> Option<Raw> {
        if i < 2 || self.ndigits(i) != 2 || !matches!(self.lw(i - 1), "/" | "–" | "-") || !self.glued(i) {
            return None;
        }
        let y = self.year(i - 2)?;
        let v = self.num(i)? as i32;
        let yy = y / 100 * 100 + v;
        if yy <= y {
            return None;
        }
        raw(i, i + 1, Sem::Cal { y: Some(yy), m: None, d: None })
    }

    /// A clock time right after a date: "21.10.2024 13:07 Uhr", "8. Mai, 23:01 Uhr".
    fn with_clock_after(&self, r: Raw) -> Raw {
        let mut j = r.e;
        if self.is(j, ",") {
            j += 1;
        }
        if let Some((h, mi, e, zone)) = self.clock(j) {
            return Raw { s: r.s, e, sem: Sem::Clock { base: Some(Box::new(r.sem)), h, mi, zone }, m: None };
        }
        r
    }

    fn month_expr(&self, i: usize) -> Option<Raw> {
        let (m, k) = self.month(i)?;
        let mut j = i + k;
        if self.en() {
            // "Aug. 7, 1998", "March 12"
            if let Some(d) = self.num(j).filter(|d| (1..=31).contains(d) && self.ndigits(j) <= 2) {
                let mut e = j + 1;
                if matches!(self.lw(e), "st" | "nd" | "rd" | "th") && self.glued(e) {
                    e += 1;
                }
                let mut y = None;
                if self.is(e, ",") && self.year(e + 1).is_some() {
                    y = self.year(e + 1);
                    e += 2;
                } else if let Some(yy) = self.year(e) {
                    y = Some(yy);
                    e += 1;
                }
                let r = Raw { s: i, e, sem: Sem::Cal { y, m: Some(m), d: Some(d) }, m: None };
                return Some(self.with_clock_after(r));
            }
            if self.is(j, ",") && self.year(j + 1).is_some() {
                j += 1;
            }
            if self.is(j, "of") && self.year(j + 1).is_some() {
                j += 1;
            }
            // "June last year", "January this year"
            if let Some(u) = self.unit(j + 1) {
                if u == Unit::Year {
                    let off = if has(self.r.past_adj, self.lw(j)) {
                        Some(-1)
                    } else if has(self.r.this_adj, self.lw(j)) {
                        Some(0)
                    } else if has(self.r.next_adj, self.lw(j)) {
                        Some(1)
                    } else {
                        None
                    };
                    if let Some(off) = off {
                        return raw(i, j + 2, Sem::RelMonth { m, off: off * 100 });
                    }
                }
            }
        } else if self.is(j, "des") && self.is(j + 1, "jahres") {
            if let Some(y) = self.year(j + 2) {
                return raw(i, j + 3, Sem::Cal { y: Some(y), m: Some(m), d: None });
            }
        }
        if let Some((y, n)) = self.year_span(j) {
            return raw(i, j + n, Sem::Cal { y: Some(y), m: Some(m), d: None });
        }
        raw(i, i + k, Sem::Cal { y: None, m: Some(m), d: None })
    }

    /// "1941", "Jahr 1864", "fiscal 1989", "490 v. Chr.", "1990s".
    fn year_expr(&self, i: usize) -> Option<Raw> {
        let mut s = i;
        let mut j = i;
        if has(self.r.year_nouns, self.lw(i)) || (self.en() && self.is(i, "fiscal")) {
            j = i + 1;
        }
        // BC: "490 v. Chr."
        if let Some(n) = self.num(j) {
            for p in self.r.bc {
                if self.phrase(j + 1, p) && n > 0 && n < 10000 && !self.in_larger_number(j) {
                    return raw(s, j + 1 + p.len(), Sem::Bc(n as i32));
                }
                // "478/477 v. Chr.", "264–260 v. Chr.": the first year of the range
                if matches!(self.lw(j + 1), "/" | "–" | "-")
                    && self.num(j + 2).is_some()
                    && self.phrase(j + 3, p)
                    && n > 0
                {
                    return raw(s, j + 1, Sem::Bc(n as i32));
                }
            }
        }
        let (y, n) = self.year_span(j)?;
        if self.en() && matches!(self.lw(j + n), "s" | "'s") && self.glued(j + n) {
            return None;
        }
        if !self.en() && self.is(j + n, "er") && self.glued(j + n) {
            return None;
        }
        if j == i + 1 && !has(self.r.year_nouns, self.lw(i)) && !self.is(i, "fiscal") {
            s = i;
        }
        raw(s, j + n, Sem::Cal { y: Some(y), m: None, d: None })
    }

    /// "1990s", "the '90s", "1930er", "1930er-Jahren", "80er Jahre".
    fn decade(&self, i: usize) -> Option<Raw> {
        let mut j = i;
        if matches!(self.lw(i), "'" | "’") {
            j += 1;
        }
        let n = self.num(j)?;
        let nd = self.ndigits(j);
        let full = nd == 4 && (1000..2100).contains(&n);
        if n % 10 != 0 || !(full || nd == 2) {
            return None;
        }
        let dec = if nd == 4 { (n / 10) as i32 } else { 190 + (n / 10) as i32 };
        if self.en() {
            if self.is(j + 1, "s") && self.glued(j + 1) {
                return raw(i, j + 2, Sem::Decade(dec));
            }
            if self.is(j + 1, "'") && self.is(j + 2, "s") && self.glued(j + 1) {
                return raw(i, j + 3, Sem::Decade(dec));
            }
            return None;
        }
        if !(self.is(j + 1, "er") && self.glued(j + 1)) {
            return None;
        }
        let mut e = j + 2;
        if self.is(e, "-") && self.glued(e) && has(self.r.decade_nouns, self.lw(e + 1)) {
            e += 2;
        } else if has(self.r.decade_nouns, self.lw(e)) {
            e += 1;
        }
        raw(i, e, Sem::Decade(dec))
    }

    /// "20. Jahrhundert(s)", "20th century".
    fn century(&self, i: usize) -> Option<Raw> {
        let n = self.num(i).filter(|n| (1..=21).contains(n))?;
        let mut j = i + 1;
        if self.en() {
            if !(matches!(self.lw(j), "st" | "nd" | "rd" | "th") && self.glued(j)) {
                return None;
            }
        } else if !self.is(j, ".") {
            return None;
        }
        j += 1;
        if self.is(j, "-") {
            j += 1;
        }
        if !has(self.r.century_words, self.lw(j)) {
            return None;
        }
        let mut e = j + 1;
        if self.is(e, ".") && matches!(self.lw(j), "jh" | "jhd") {
            e += 1;
        }
        for p in self.r.bc {
            if self.phrase(e, p) {
                return raw(i, e + p.len(), Sem::Ref("PAST_REF"));
            }
        }
        raw(i, e, Sem::Century(n as i32 - 1))
    }

    /// "Sommer 1940", "im Sommer", "summer" (English only with a context).
    fn season_expr(&self, i: usize) -> Option<Raw> {
        let (s, m) = self.season_word(i)?;
        if !self.en() && !self.t[i].cap {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "des") && self.is(j + 1, "jahres") && self.year(j + 2).is_some() {
            j += 2;
        }
        if self.en() && self.is(j, "of") && self.year_span(j + 1).is_some() {
            j += 1;
        }
        if let Some((y, n)) = self.year_span(j) {
            return Some(Raw { s: i, e: j + n, sem: Sem::Season { y: Some(y), s }, m });
        }
        if self.en() {
            let prev = if i > 0 { self.lw(i - 1) } else { "" };
            if !matches!(prev, "this" | "last" | "next" | "the" | "in" | "during" | "early" | "late" | "mid" | "that")
                || self.is(i + 1, "of")
            {
                return None;
            }
        }
        Some(Raw { s: i, e: i + 1, sem: Sem::Season { y: None, s }, m })
    }

    /// "third-quarter", "the third quarter", "im dritten Quartal", "1. Halbjahr", "zweiten Jahreshälfte".
    fn ordinal_part(&self, i: usize) -> Option<Raw> {
        let (n, mut j) = if let Some(n) = lookup(self.r.ordinals, self.lw(i)) {
            (n, i + 1)
        } else if let Some(n) = self.num(i).filter(|n| (1..=4).contains(n)) {
            let ord = self.en() && matches!(self.lw(i + 1), "st" | "nd" | "rd" | "th") && self.glued(i + 1);
            if !(self.is(i + 1, ".") || ord) {
                return None;
            }
            (n, i + 2)
        } else {
            return None;
        };
        if self.is(j, "-") && self.glued(j) {
            j += 1;
        }
        if self.en() && self.is(j, "fiscal") {
            j += 1;
        }
        let w = self.lw(j);
        let p = if has(self.r.quarter_words, w) && (1..=4).contains(&n) && !w.ends_with('s') {
            format!("Q{n}")
        } else if has(self.r.half_words, w) && n <= 2 {
            format!("H{n}")
        } else {
            return None;
        };
        let mut e = j + 1;
        let mut y = None;
        if self.is(e, "of") || self.is(e, "des") {
            if let Some(yy) = self.year(e + 1) {
                y = Some(yy);
                e += 2;
            }
        } else if let Some(yy) = self.year(e) {
            y = Some(yy);
            e += 1;
        }
        raw(i, e, Sem::Part { y, p })
    }

    /// "the 1988 third quarter", "next year's first quarter", "the year-ago period".
    fn qualified_part(&self, i: usize) -> Option<Raw> {
        let (y, off, mut j) = match self.year(i) {
            Some(y) => (Some(y), 0, i + 1),
            None => {
                let (off, n) =
                    self.r.year_quals.iter().find_map(|(p, off)| self.phrase_len(i, p).map(|n| (*off, n)))?;
                (None, off, i + n)
            }
        };
        if matches!(self.lw(j), "'" | "’") && self.glued(j) && self.is(j + 1, "s") && self.glued(j + 1) {
            j += 2;
        }
        let q = lookup(self.r.ordinals, self.lw(j)).filter(|n| (1..=4).contains(n));
        if q.is_some() {
            j += 1;
            if self.is(j, "-") && self.glued(j) {
                j += 1;
            }
        }
        let w = self.lw(j);
        let noun = (has(self.r.quarter_words, w) && !w.ends_with('s')) || (q.is_none() && has(self.r.period_nouns, w));
        if !noun {
            return None;
        }
        raw(i, j + 1, Sem::YearPart { y, off, q })
    }

    /// "Mitte Oktober", "Anfang 1945", "Ende des Jahres", "early next year", "mid-1996", "the end of 1990".
    fn with_mod(&self, i: usize) -> Option<Raw> {
        let mut s = i;
        let mut j = i;
        if matches!(self.lw(j), "gegen" | "bis" | "around") && self.word(j + 1) {
            // "gegen Ende September" keeps "gegen" only as an approximation inside the span
            j += 1;
        }
        if self.en() && self.is(j, "the") {
            j += 1;
        }
        let m = lookup(self.r.mods, self.lw(j))?;
        if !self.en() && !self.t[j].cap {
            return None;
        }
        if j > i && !matches!(self.lw(i), "gegen") {
            if self.lw(i) == "the" {
                // keep "the"
            } else {
                s = j;
            }
        }
        j += 1;
        if self.is(j, "-") && self.glued(j) {
            j += 1;
        }
        let mut k = j;
        while has(self.r.links, self.lw(k)) && k < j + 2 {
            k += 1;
        }
        // "Ende des Jahres [1939]", "Ende des Monats", "Ende vergangenen Jahres"
        for start in [k, j] {
            if let Some(u) = self.unit(start) {
                if matches!(u, Unit::Year | Unit::Month | Unit::Week) && start > j {
                    if let Some(y) = self.year(start + 1).filter(|_| u == Unit::Year) {
                        return Some(Raw {
                            s,
                            e: start + 2,
                            sem: Sem::Cal { y: Some(y), m: None, d: None },
                            m: Some(m),
                        });
                    }
                    let sem = Sem::Rel { unit: u, off: 0 };
                    return Some(Raw { s, e: start + 1, sem, m: Some(m) });
                }
            }
            let inner = [self.date_core(start), self.weekday_expr(start)]
                .into_iter()
                .flatten()
                .filter(|r| r.s == start)
                .max_by_key(|r| r.e);
            if let Some(r) = inner {
                let ok = matches!(
                    r.sem,
                    Sem::Cal { d: None, .. }
                        | Sem::Decade(_)
                        | Sem::Century(_)
                        | Sem::Season { .. }
                        | Sem::Rel { .. }
                        | Sem::RelMonth { .. }
                        | Sem::RelSeason { .. }
                        | Sem::Part { .. }
                        | Sem::Shift { .. }
                        | Sem::Weekday(_)
                        | Sem::RelWeekday { .. }
                );
                if ok {
                    // "earlier this year" only with "this"
                    if self.lw(j - 1) == "earlier" && !matches!(r.sem, Sem::Rel { off: 0, .. }) {
                        return None;
                    }
                    return Some(Raw { s, e: r.e, sem: r.sem, m: Some(m) });
                }
            }
        }
        None
    }

    /// Durations, "vor zwei Wochen", "two years ago", "zwei Tage später", "mehr als drei Tage".
    fn durations(&self, i: usize) -> Option<Raw> {
        let mut j = i;
        let mut qm = None;
        let mut quant = false;
        for (p, m) in self.r.quant_mods {
            if self.phrase(i, p) {
                j = i + p.len();
                qm = *m;
                quant = true;
                break;
            }
        }
        let ago_pre = has(self.r.ago_pre, self.lw(j));
        if ago_pre {
            j += 1;
        }
        // German "nach zwei Tagen" = two days after the text's last date
        if !self.en() && !ago_pre && has(self.r.after_pre, self.lw(j)) {
            let (n, unit, e) = self.dur_core(j + 1)?;
            if n.is_some() && matches!(unit, Unit::Day | Unit::Month | Unit::Year) {
                return Some(Raw { s: i, e, sem: Sem::Shift { n, unit }, m: qm });
            }
            return None;
        }
        // "18 – 35 Jahren": the first number of a range shares the unit
        if let Some((n, k)) = self.number(j).filter(|_| self.t[j].kind == Kind::Num) {
            if matches!(self.lw(j + k), "–" | "-" | "bis" | "und" | "to" | "and") {
                if let Some((_, u, _)) = self.dur_core(j + k + 1) {
                    if self.unit(j + k).is_none() {
                        return Some(Raw { s: i, e: j + k, sem: Sem::Dur { n, unit: u }, m: qm });
                    }
                }
            }
        }
        // "the first nine months", "the past three years", "the next two weeks"
        let mut span_pre = false;
        if (has(self.r.past_adj, self.lw(j))
            || has(self.r.next_adj, self.lw(j))
            || matches!(self.lw(j), "first" | "ersten"))
            && self.dur_core(j + 1).is_some()
        {
            j += 1;
            span_pre = true;
        }
        let (n, unit, e) = self.dur_core(j)?;
        // a lone "ein Tag" / "a day" at a sentence start with no context is still a duration
        if ago_pre {
            if unit == Unit::Weekend {
                return None;
            }
            return Some(Raw { s: i, e, sem: Sem::Ago { n, unit }, m: qm });
        }
        // "a year-earlier loss": the unit opens the compound "year-earlier", which is matched on its own
        if self.is(e, "-")
            && self.glued(e)
            && (has(self.r.earlier_post, self.lw(e + 1)) || has(self.r.ago_post, self.lw(e + 1)))
        {
            return None;
        }
        let shift_word = has(self.r.later_post, self.lw(e)) || has(self.r.earlier_post, self.lw(e));
        if !span_pre && shift_word && self.r.shift_dur_units.contains(&unit) {
            return Some(Raw { s: i, e, sem: Sem::Dur { n, unit }, m: qm });
        }
        if !span_pre {
            if has(self.r.ago_post, self.lw(e)) {
                return Some(Raw { s: i, e: e + 1, sem: Sem::Ago { n, unit }, m: qm });
            }
            if has(self.r.later_post, self.lw(e)) && !(self.en() && self.is(e, "after") && self.word(e + 1)) {
                return Some(Raw { s: i, e: e + 1, sem: Sem::Shift { n, unit }, m: qm });
            }
            if has(self.r.earlier_post, self.lw(e))
                && !(self.en() && matches!(self.lw(e), "before" | "prior") && self.word(e + 1))
            {
                return Some(Raw { s: i, e: e + 1, sem: Sem::Shift { n: n.map(|v| -v), unit }, m: qm });
            }
        }
        // A bare "ein"/"a" + unit is only a duration when the unit is singular and not a date noun phrase
        let w = self.lw(j);
        if !quant && !span_pre && matches!(w, "ein" | "eines" | "einer" | "a" | "an") && matches!(unit, Unit::Weekend) {
            return None;
        }
        if !self.en() && matches!(w, "eines" | "einer") {
            return None;
        }
        let _ = quant;
        Some(Raw { s: i, e, sem: Sem::Dur { n, unit }, m: qm })
    }

    /// A clock time at i: (hour, minute, end, zone).
    fn clock(&self, i: usize) -> Option<(u32, u32, usize, Option<&'static str>)> {
        let w = self.lw(i);
        if let Some(h) = lookup(self.r.clock_names, w) {
            if !self.en() && !self.t[i].cap {
                return None;
            }
            let e = i + 1;
            return Some((h, 0, e, None));
        }
        let h = self.num(i).filter(|h| *h <= 24 && self.ndigits(i) <= 2)?;
        let mut mi = 0;
        let mut j = i + 1;
        let mut explicit = false;
        if matches!(self.lw(j), ":" | ".") && self.glued(j) && self.glued(j + 1) && self.ndigits(j + 1) == 2 {
            mi = self.num(j + 1)?;
            if mi > 59 {
                return None;
            }
            j += 2;
            explicit = true;
        }
        let mut h = h;
        let mut marked = false;
        if self.en() {
            // "10 p.m.", "7:15 pm", "10 a.m."
            let ap = if self.phrase(j, &["p", ".", "m", "."]) || self.phrase(j, &["a", ".", "m", "."]) {
                Some((self.lw(j) == "p", 4))
            } else if matches!(self.lw(j), "pm" | "am") {
                Some((self.lw(j) == "pm", 1))
            } else if self.phrase(j, &["p", ".", "m"]) || self.phrase(j, &["a", ".", "m"]) {
                Some((self.lw(j) == "p", 3))
            } else {
                None
            };
            if let Some((pm, k)) = ap {
                if h > 12 {
                    return None;
                }
                if pm && h < 12 {
                    h += 12;
                }
                if !pm && h == 12 {
                    h = 0;
                }
                j += k;
                marked = true;
            } else if self.is(j, "o") && self.is(j + 1, "'") && self.is(j + 2, "clock") {
                j += 3;
                marked = true;
            }
        } else if has(self.r.clock_words, self.lw(j)) {
            j += 1;
            marked = true;
            // "4 Uhr 45"
            if !explicit
                && mi == 0
                && self.ndigits(j) == 2
                && self.num(j).is_some_and(|m| m < 60)
                && !self.is(j + 1, ".")
            {
                mi = self.num(j)?;
                j += 1;
            }
            if self.is(j, "früh") || self.is(j, "morgens") {
                j += 1;
            } else if matches!(self.lw(j), "abends" | "nachmittags") && h < 12 {
                h += 12;
                j += 1;
            }
        }
        if !marked && !explicit {
            return None;
        }
        if !marked && self.is(i + 1, ".") {
            return None;
        }
        let mut zone = None;
        for (p, z) in self.r.zones {
            if self.phrase(j, p) {
                zone = Some(*z);
                j += p.len();
                break;
            }
        }
        Some((h, mi, j, zone))
    }

    fn clock_expr(&self, i: usize) -> Option<Raw> {
        let mut s = i;
        let mut j = i;
        let mut m = None;
        if matches!(self.lw(i), "gegen" | "around" | "about" | "etwa") {
            j += 1;
            m = Some(TimeMod::Approx);
            s = i;
        }
        let (h, mi, mut e, zone) = self.clock(j)?;
        if m.is_none() {
            s = j;
        }
        let mut base = None;
        if self.en() {
            // "10 p.m. Wednesday", "noon Thursday"
            if let Some(wd) = self.weekday(e) {
                base = Some(Box::new(Sem::Weekday(wd)));
                e += 1;
            } else if let Some(d) = self.lw(e).parse::<String>().ok().and_then(|w| lookup(self.r.deictic, &w)) {
                base = Some(Box::new(Sem::Deictic(d)));
                e += 1;
            }
        }
        Some(Raw { s, e, sem: Sem::Clock { base, h, mi, zone }, m })
    }

    /// "jeden Montag", "every day", "täglich", "montags", "each July".
    fn sets(&self, i: usize) -> Option<Raw> {
        let w = self.lw(i);
        if let Some(v) = lookup(self.r.set_adv, w) {
            return raw(i, i + 1, Sem::Set(v.to_string()));
        }
        if let Some(wd) = lookup(self.r.weekday_sets, w) {
            return raw(i, i + 1, Sem::Set(format!("XXXX-WXX-{wd}")));
        }
        if !has(self.r.set_pre, w) {
            return None;
        }
        if w == "alle" {
            // "alle zwei Wochen"
            let (n, u, e) = self.dur_core(i + 1)?;
            return raw(i, e, Sem::Set(super::resolve::duration(n, u)));
        }
        if w == "per" {
            return None;
        }
        if let Some(wd) = self.weekday(i + 1) {
            return raw(i, i + 2, Sem::Set(format!("XXXX-WXX-{wd}")));
        }
        if let Some((m, k)) = self.month(i + 1) {
            return raw(i, i + 1 + k, Sem::Set(format!("XXXX-{m:02}")));
        }
        if let Some((s, _)) = self.season_word(i + 1) {
            return raw(i, i + 2, Sem::Set(format!("XXXX-{s}")));
        }
        if let Some(u) = self.unit(i + 1) {
            return raw(i, i + 2, Sem::Set(super::resolve::duration(Some(1.0), u)));
        }
        if let Some((n, u, e)) = self.dur_core(i + 1) {
            return raw(i, e, Sem::Set(super::resolve::duration(n, u)));
        }
        None
    }

    /// "Morgen des 22. Juni 1941", "Abend desselben Tages", "frühen Morgen des 6. Juni".
    fn pod_of(&self, i: usize) -> Option<Raw> {
        if self.en() {
            // "this morning", "this evening"
            if has(self.r.this_adj, self.lw(i)) {
                let p = lookup(self.r.pods, self.lw(i + 1))?;
                return raw(i, i + 2, Sem::Pod { base: Box::new(Sem::Deictic(0)), pod: p });
            }
            return None;
        }
        let mut j = i;
        let mut m = None;
        if self.lw(i).starts_with("früh") && self.word(i + 1) {
            m = Some(TimeMod::Start);
            j += 1;
        } else if self.lw(i).starts_with("spät") && self.word(i + 1) {
            m = Some(TimeMod::End);
            j += 1;
        }
        let prev = if i > 0 { self.lw(i - 1) } else { "" };
        // "am nächsten Morgen", "am folgenden Abend"
        if matches!(prev, "am") && (has(self.r.next_adj, self.lw(i)) || has(self.r.following_adj, self.lw(i))) {
            if let Some(p) = self.tok(i + 1).filter(|t| t.cap).and_then(|t| lookup(self.r.pods, &t.lower)) {
                let base = Sem::Shift { n: Some(1.0), unit: Unit::Day };
                return raw(i, i + 2, Sem::Pod { base: Box::new(base), pod: p });
            }
        }
        // "am Tag darauf", "im Jahr darauf"
        if matches!(prev, "am" | "im") && matches!(self.lw(i + 1), "darauf" | "danach") {
            if let Some(u) = self.unit(i).filter(|u| matches!(u, Unit::Day | Unit::Year | Unit::Month)) {
                return raw(i, i + 2, Sem::Shift { n: Some(1.0), unit: u });
            }
        }
        // "im Laufe des Jahres", "im Verlauf des 18. August"
        if matches!(self.lw(i), "laufe" | "verlauf" | "verlaufe") && matches!(self.lw(i + 1), "des" | "der") {
            if let Some(u) = self.unit(i + 2).filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day))
            {
                if self.year(i + 3).is_none() {
                    return raw(i, i + 3, Sem::Rel { unit: u, off: 0 });
                }
            }
            let d = self.date_core(i + 2)?;
            return raw(i, d.e, d.sem);
        }
        if !self.t.get(j)?.cap {
            return None;
        }
        let p = lookup(self.r.pods, self.lw(j))?;
        let mut k = j + 1;
        if matches!(prev, "am") && j == i && !matches!(self.lw(k), "des" | "vom" | "desselben" | "dieses") {
            let base = if matches!(self.lw(k), "darauf" | "danach") {
                k += 1;
                Sem::Shift { n: Some(1.0), unit: Unit::Day }
            } else {
                Sem::Same(Unit::Day)
            };
            return raw(i, k, Sem::Pod { base: Box::new(base), pod: p });
        }
        if matches!(self.lw(k), "desselben" | "dieses") && matches!(self.lw(k + 1), "tages" | "tags") {
            return Some(Raw { s: i, e: k + 2, sem: Sem::Pod { base: Box::new(Sem::Same(Unit::Day)), pod: p }, m });
        }
        if !matches!(self.lw(k), "des" | "vom") {
            return None;
        }
        k += 1;
        let d = self.day_month(k).or_else(|| self.bare_day(k))?;
        Some(Raw { s: i, e: d.e, sem: Sem::Pod { base: Box::new(d.sem), pod: p }, m })
    }
}
