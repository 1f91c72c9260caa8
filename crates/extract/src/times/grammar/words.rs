//! Words and numbers: months, weekdays, units, years (written and spoken), numbers and number + unit.

use super::super::rules::{has, lookup, Unit};
use super::super::token::Kind;
use super::G;

/// Words before a number that make it a year ("im Jahr 1990", "in 1990").
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

impl<'a, 'b> G<'a, 'b> {
    /// A month name at i: (month, tokens used).
    pub(super) fn month(&self, i: usize) -> Option<(u32, usize)> {
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

    pub(super) fn weekday(&self, i: usize) -> Option<u32> {
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
    pub(super) fn weekday_compound(&self, i: usize) -> Option<(u32, &'static str)> {
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

    pub(super) fn unit(&self, i: usize) -> Option<Unit> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        lookup(self.r.units, &t.lower)
    }

    /// A 4-digit year at i (1000–2099), not part of a larger number and not a count or label.
    pub(super) fn year(&self, i: usize) -> Option<i32> {
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
                || lookup(self.r.months, prev).is_some()
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
    pub(super) fn year_span(&self, i: usize) -> Option<(i32, usize)> {
        // "two thousand years" is a count
        self.year(i).map(|y| (y, 1)).or_else(|| self.spoken_year(i).filter(|(_, n)| self.unit(i + n).is_none()))
    }

    /// A year read out in English broadcast transcripts: "nineteen ninety-six", "two thousand".
    pub(super) fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
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
    pub(super) fn number(&self, i: usize) -> Option<(Option<f64>, usize)> {
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
    pub(super) fn dur_core(&self, i: usize) -> Option<(Option<f64>, Unit, usize)> {
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
    pub(super) fn unit_adjective(&self, i: usize) -> Option<(Option<f64>, Unit, usize)> {
        let t = self.tok(i)?;
        // "24-stündigen", "3-tägige"
        if t.kind == Kind::Num && !self.en() && self.is(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2) {
            let n = self.num(i)?;
            let w = self.tok(i + 2).filter(|x| x.kind == Kind::Word && !x.cap)?.lower.as_str();
            let stem = ["en", "er", "es", "em", "e", ""]
                .iter()
                .find_map(|e| w.strip_suffix(e).filter(|s| self.r.unit_adj.iter().any(|(a, _)| a == s)))?;
            let u = lookup(self.r.unit_adj, stem)?;
            return Some((Some(n as f64), u, i + 3));
        }
        if t.kind != Kind::Word || self.en() || t.cap && i > 0 && !self.t[i].nl {
            // adjectives are lower-case inside a sentence
            if t.kind != Kind::Word || self.en() {
                return None;
            }
        }
        let w = t.lower.as_str();
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
        None
    }
}
