//! Figures: numbers that count or measure something, with hedge, unit and counted thing.
//!
//! The number grammar (digit surfaces, number words, scales, fractions) lives in
//! [`lagebild_text::numbers`]; this module adds what makes a number a figure, driven by per-language
//! tables ([`de`], [`en`]): hedges ("rund", "more than"), currencies and units, vague amounts
//! ("Hunderte"), ranges ("zwischen 10 und 20", "8- to 16-meter"), fractions, factors ("zwölffach"),
//! ages, and the counted noun after the number (adjectives skipped, lemma + compound head via
//! [`lagebild_text::lemma`]).
//!
//! Not figures: dates ("21.10.2024", "im Februar 2022", bare years like "seit 2021"), clock times and
//! scores ("13:07", "0:1", "2 pm", "12 Uhr"), German ordinals ("am 1. November"), numbers glued to
//! letters ("A320", "21st", "1960s"), parts of names ("OAO-1", "Covid-19", "Artikel 5", "Voyager 2"),
//! phone numbers ("+49 30 …"), German hyphen compounds with a number ("24-Stunden-Sendung": a name of a
//! thing, not an amount a reader would cite; "24-Jährige" is an age, "3-fach" a factor).
//!
//! Ranges carry `low`/`high` and, as `value`, their midpoint. Vague amounts have `value: None`,
//! `vague: true` and `approx: about` unless a hedge says otherwise. A number without its own noun takes
//! the counted thing of the previous count in the same sentence ("von 12.000 Soldaten … die ersten
//! 2000").

mod de;
mod en;
mod governing;
mod rules;

use lagebild_core::{Approx, Figure, FigureKind, Lang};
use lagebild_text::lemma;
use lagebild_text::numbers::{self, Form, NumPhrase, TokKind, Tokens};
use rules::{Rules, Seq};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn rules_for(lang: Lang) -> &'static Rules {
    match lang {
        Lang::De => &de::RULES,
        Lang::En => &en::RULES,
    }
}

/// Every figure in `text`, in text order.
pub fn extract(text: &str, lang: Lang) -> Vec<Figure> {
    let t = numbers::tokenize(text, lang);
    let cx = Cx { t: &t, r: rules_for(lang), lang };
    let sentence = sentence_ids(&t);
    let mut out: Vec<(Figure, usize)> = Vec::new();
    let mut i = 0;
    while i < t.toks.len() {
        match cx.at(i) {
            Step::Figure(f, last) => {
                out.push((*f, sentence[i]));
                i = last.max(i) + 1;
            }
            Step::Skip(last) => i = last.max(i) + 1,
            Step::Nothing => i += 1,
        }
    }
    // elliptic counts take the counted thing of the previous count in the sentence
    for k in 1..out.len() {
        if out[k].0.thing.is_none() && out[k].0.kind == FigureKind::Count {
            let s = out[k].1;
            let prev = out[..k]
                .iter()
                .rev()
                .take_while(|(_, ps)| *ps == s)
                .find(|(f, _)| f.kind == FigureKind::Count && f.thing.is_some());
            if let Some((p, _)) = prev {
                out[k].0.thing = p.thing.clone();
            }
        }
    }
    out.into_iter().map(|(f, _)| f).collect()
}

/// Table entries by their first token (lower case): hedges, currency prefixes, units.
struct Index {
    currencies: HashMap<&'static str, Vec<usize>>,
    units: HashMap<&'static str, Vec<usize>>,
    /// Hedges and currencies by their last token (they are matched backwards).
    hedges_last: HashMap<&'static str, Vec<usize>>,
    currencies_last: HashMap<&'static str, Vec<usize>>,
}

fn by_token<T>(items: &'static [T], key: impl Fn(&'static T) -> &'static str) -> HashMap<&'static str, Vec<usize>> {
    let mut m: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (n, it) in items.iter().enumerate() {
        m.entry(key(it)).or_default().push(n);
    }
    m
}

fn index(lang: Lang) -> &'static Index {
    static DE: OnceLock<Index> = OnceLock::new();
    static EN: OnceLock<Index> = OnceLock::new();
    let build = || {
        let r = rules_for(lang);
        // keys are lower case; entries written in upper case are matched case-sensitively later
        let low = |s: &'static str| -> &'static str { Box::leak(s.to_lowercase().into_boxed_str()) };
        Index {
            currencies: by_token(r.currency_prefixes, |c| low(c.0[0])),
            units: by_token(r.units, |u| low(u.0[0])),
            hedges_last: by_token(r.hedges, |h| low(h.0[h.0.len() - 1])),
            currencies_last: by_token(r.currency_prefixes, |c| low(c.0[c.0.len() - 1])),
        }
    };
    match lang {
        Lang::De => DE.get_or_init(build),
        Lang::En => EN.get_or_init(build),
    }
}

/// Words that start a figure without being number words: vague amounts, fraction nouns, articles.
fn triggers(lang: Lang) -> &'static HashSet<&'static str> {
    static DE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static EN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let build = || {
        let r = rules_for(lang);
        let mut set: HashSet<&'static str> = r.vague.iter().map(|s| s[0]).collect();
        set.extend(r.fraction_nouns.iter().map(|(w, _)| *w));
        set.extend(r.few_words);
        set.extend(["a", "an", "one", "ein", "eine", "einen", "einem", "einer", "eines"]);
        set
    };
    match lang {
        Lang::De => DE.get_or_init(build),
        Lang::En => EN.get_or_init(build),
    }
}

fn sentence_ids(t: &Tokens) -> Vec<usize> {
    let mut id = 0;
    let mut ids = Vec::with_capacity(t.toks.len());
    let mut bump = false;
    for tok in &t.toks {
        if bump || tok.newline_before {
            id += 1;
        }
        bump = tok.kind == TokKind::Punct && matches!(tok.text.as_str(), "." | "!" | "?");
        ids.push(id);
    }
    ids
}

enum Step {
    /// A figure ending at token `last`.
    Figure(Box<Figure>, usize),
    /// No figure; tokens up to `last` are used up (a date, a name part, a rejected surface).
    Skip(usize),
    Nothing,
}

/// What follows a number.
#[derive(Default, Clone)]
struct Tail {
    unit: Option<(String, FigureKind)>,
    age: bool,
    factor: bool,
    /// A noun joined by a hyphen ("two-year", "10-point").
    hyphen_thing: Option<usize>,
    /// Last token of the tail (the number's last token if nothing follows).
    last: usize,
    reject: bool,
    clock: bool,
    /// "per kg" after a currency amount.
    per: Option<&'static str>,
}

/// Unit codes of spans of time (see the unit tables).
const DURATION_UNITS: &[&str] = &["s", "min", "h", "d", "wk", "month", "year"];

struct Noun {
    first: usize,
    last: usize,
    lemma: String,
}

struct Cx<'a> {
    t: &'a Tokens,
    r: &'static Rules,
    lang: Lang,
}

/// Place names of the entity gazetteer (only that list: figures need no tagger weights in memory).
fn is_place(name: &str) -> bool {
    static PLACES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    PLACES.get_or_init(|| include_str!("../../data/entities/places.txt").lines().collect()).contains(name)
}

fn entry_matches(entry: &str, tok: &numbers::Token) -> bool {
    if entry.chars().any(char::is_uppercase) {
        tok.text == entry
    } else {
        tok.lower == entry
    }
}

impl<'a> Cx<'a> {
    fn tok(&self, k: usize) -> Option<&'a numbers::Token> {
        self.t.toks.get(k)
    }

    fn lower(&self, k: usize) -> &'a str {
        self.t.toks.get(k).map(|x| x.lower.as_str()).unwrap_or("")
    }

    /// `seq` matches tokens `k..`, its words also joined by glued hyphens ("square-metre"); its last token index.
    fn seq_at(&self, k: usize, seq: Seq) -> Option<usize> {
        let mut p = k;
        for (n, e) in seq.iter().enumerate() {
            if n > 0 {
                p += 1;
                let hyphen = self.tok(p).is_some_and(|h| h.glued() && h.is_punct('-'));
                if hyphen && *e != "-" && self.tok(p + 1).is_some_and(|w| w.glued() && w.is_word()) {
                    p += 1;
                }
            }
            let tok = self.tok(p)?;
            if !entry_matches(e, tok) || (n > 0 && tok.newline_before) {
                return None;
            }
        }
        Some(p)
    }

    /// `seq` ends right before token `k`; its first token index.
    fn seq_before(&self, k: usize, seq: Seq) -> Option<usize> {
        let start = k.checked_sub(seq.len())?;
        if self.tok(k).is_some_and(|x| x.newline_before) {
            return None;
        }
        (self.seq_at(start, seq) == Some(k - 1)).then_some(start)
    }

    fn in_list(&self, k: usize, list: &[&str]) -> bool {
        self.tok(k).is_some_and(|x| x.is_word() && list.contains(&x.lower.as_str()))
    }

    fn is_month(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|x| x.is_word() && self.r.calendar.month(&x.lower).is_some())
    }

    fn sentence_initial(&self, k: usize) -> bool {
        k == 0
            || self.t.toks[k].newline_before
            || self.t.toks[k - 1].kind == TokKind::Punct
                && ".!?:;\"„“”«»‹›'(–-—•*".contains(self.t.toks[k - 1].text.as_str())
    }

    /// The longest hedge ending right before token `k`: (first token, approx, is "between").
    fn hedge_before(&self, k: usize) -> Option<(usize, Approx, bool)> {
        let mut best: Option<(usize, Approx, bool)> = None;
        let cands = k.checked_sub(1).and_then(|p| index(self.lang).hedges_last.get(self.lower(p)))?;
        for &(seq, approx) in cands.iter().map(|&n| &self.r.hedges[n]) {
            if let Some(start) = self.seq_before(k, seq) {
                if best.is_none_or(|(b, _, _)| start < b) {
                    best = Some((start, approx, seq == [self.r.between.0]));
                }
            }
        }
        best
    }

    fn currency_before(&self, k: usize) -> Option<(usize, &'static str)> {
        let mut best: Option<(usize, &'static str)> = None;
        let cands = k.checked_sub(1).and_then(|p| index(self.lang).currencies_last.get(self.lower(p)))?;
        for &(seq, code) in cands.iter().map(|&n| &self.r.currency_prefixes[n]) {
            if let Some(start) = self.seq_before(k, seq) {
                if best.is_none_or(|(b, _)| start < b) {
                    best = Some((start, code));
                }
            }
        }
        best
    }

    /// A unit at token `k` (which may be glued to the number): code, kind, last token.
    fn unit_at(&self, k: usize) -> Option<(String, FigureKind, usize)> {
        let mut best: Option<(&'static str, FigureKind, usize)> = None;
        let cands = index(self.lang).units.get(self.lower(k))?;
        for &(seq, code, kind) in cands.iter().map(|&n| &self.r.units[n]) {
            if let Some(last) = self.seq_at(k, seq) {
                // inner tokens of a multi-token unit must be written as one ("km/h", "°C") or as words
                if best.is_none_or(|(_, _, b)| last > b) {
                    best = Some((code, kind, last));
                }
            }
        }
        let (code, kind, mut last) = best?;
        // a unit word glued on the right ("kmh") is another word
        if self.tok(last + 1).is_some_and(|x| x.glued() && x.is_word()) {
            return None;
        }
        let mut code = code.to_string();
        // km2, km², km^3
        let sup = |v: f64| {
            if v == 2.0 {
                Some('²')
            } else if v == 3.0 {
                Some('³')
            } else {
                None
            }
        };
        if let Some(n) = self.tok(last + 1).filter(|x| x.glued()) {
            if n.is_num() && n.plain {
                if let Some(c) = sup(n.value) {
                    code.push(c);
                    last += 1;
                }
            } else if n.is_punct('²') || n.is_punct('³') {
                code.push_str(&n.text);
                last += 1;
            } else if n.is_punct('^') {
                if let Some(c) = self.tok(last + 2).filter(|x| x.is_num() && x.glued()).and_then(|x| sup(x.value)) {
                    code.push(c);
                    last += 2;
                }
            }
        }
        // per hour, pro Kopf, /hour
        if let Some(p) = self.tok(last + 1) {
            if (p.lower != "a" || self.lang == Lang::En) && self.r.per_words.contains(&p.lower.as_str()) {
                if let Some((l, per)) =
                    self.r.per_units.iter().find_map(|&(seq, per)| self.seq_at(last + 2, seq).map(|l| (l, per)))
                {
                    code = format!("{code}/{per}");
                    last = l;
                }
            }
        }
        Some((code, kind, last))
    }

    fn clock_after(&self, k: usize, num_last: usize) -> Option<usize> {
        let mut end = None;
        for &seq in self.r.clock_words {
            if let Some(l) = self.seq_at(k, seq) {
                end = Some(l);
            }
        }
        let end = end?;
        if self.lang == Lang::En {
            // "2 pm", "2.13 am" are times; "2.123 pm" is a length
            let num = &self.t.toks[num_last];
            let decimals = num.text.rsplit_once('.').map_or(0, |(_, d)| d.len());
            let ok = num.value >= 0.0 && num.value <= 24.0 && (num.plain || decimals == 2);
            if !ok {
                return None;
            }
        }
        Some(end)
    }

    /// What follows the number phrase ending at `last`.
    fn tail(&self, last: usize, money: bool) -> Tail {
        let mut tl = Tail { last, ..Tail::default() };
        let k = last + 1;
        let Some(next) = self.tok(k) else { return tl };
        if next.newline_before {
            return tl;
        }
        for &seq in self.r.age_after {
            if let Some(l) = self.seq_at(k, seq) {
                tl.age = true;
                tl.last = l;
                return tl;
            }
        }
        if let Some(l) = self.clock_after(k, last) {
            tl.clock = true;
            tl.last = l;
            return tl;
        }
        let glued_word = |k: usize| self.tok(k).filter(|x| x.glued() && x.is_word());
        if next.glued() && (next.is_punct('-') || next.is_punct('‑')) {
            if let Some(w) = glued_word(k + 1) {
                if self.r.age_suffixes.iter().any(|s| w.lower == *s) {
                    tl.age = true;
                    tl.last = k + 1;
                } else if self.r.factor_suffixes.contains(&w.lower.as_str()) {
                    tl.factor = true;
                    tl.last = k + 1;
                } else if self.lang == Lang::De {
                    // "24-Stunden-Sendung", "5-Sterne-Hotel": a name of a thing, not an amount
                    tl.reject = true;
                    tl.last = k + 1;
                } else if let Some((code, kind, l)) = self.unit_at(k + 1) {
                    tl.unit = Some((code, kind));
                    tl.last = l;
                } else if !self.r.stopwords.contains(&w.lower.as_str()) {
                    tl.hyphen_thing = Some(k + 1);
                    tl.last = k + 1;
                }
            }
            return tl;
        }
        if next.glued() && next.is_word() {
            if next.text == "s" {
                // decades: "1960s", "the 90s"
                tl.reject = true;
                tl.last = k;
            } else if self.r.factor_suffixes.contains(&next.lower.as_str()) {
                tl.factor = true;
                tl.last = k;
            } else if let Some((code, kind, l)) = self.unit_at(k) {
                tl.unit = Some((code, kind));
                tl.last = l;
            } else {
                // "21st", "1960s", "2pm", "06F6"
                tl.reject = true;
                tl.last = k;
            }
            return tl;
        }
        if next.glued() && next.is_num() {
            tl.reject = true;
            return tl;
        }
        if let Some((code, kind, l)) = self.unit_at(k) {
            tl.unit = Some((code, kind));
            tl.last = l;
        } else if money && self.r.per_words.contains(&next.lower.as_str()) && next.lower != "a" {
            // "$350 per kg", "$15.4/hour"
            for &(seq, per) in self.r.per_units {
                if let Some(l) = self.seq_at(k + 1, seq) {
                    tl.per = Some(per);
                    tl.last = l;
                    break;
                }
            }
        }
        // "9.83e-3 +/- 1e-5 km/s2", "12 ± 2 cm": the uncertainty belongs to the figure
        let pm = if self.tok(tl.last + 1).is_some_and(|x| x.is_punct('±')) {
            Some(tl.last + 2)
        } else if self.seq_at(tl.last + 1, &["+", "/", "-"]).is_some() {
            Some(tl.last + 4)
        } else {
            None
        };
        if let Some(j) = pm {
            if let Some(np) = numbers::phrase_at(self.t, j, self.lang, money).ok().flatten() {
                let t2 = self.tail_plain(np.last);
                tl.last = t2.last;
                if tl.unit.is_none() {
                    tl.unit = t2.unit;
                }
            }
        }
        tl
    }

    /// A tail without uncertainty or per-units (for the part after "±").
    fn tail_plain(&self, last: usize) -> Tail {
        let mut tl = Tail { last, ..Tail::default() };
        if let Some((code, kind, l)) = self.tok(last + 1).and_then(|_| self.unit_at(last + 1)) {
            tl.unit = Some((code, kind));
            tl.last = l;
        }
        tl
    }

    fn is_adjective_de(&self, k: usize) -> bool {
        let Some(x) = self.tok(k) else { return false };
        x.is_word()
            && !x.is_capitalized()
            && !x.newline_before
            && x.lower.chars().count() >= 4
            && !self.r.stopwords.contains(&x.lower.as_str())
            && ["e", "en", "er", "es", "em"].iter().any(|e| x.lower.ends_with(e))
    }

    /// Extends a noun at `k` over glued hyphen parts ("UN-Soldaten"); last token.
    fn hyphen_compound(&self, k: usize) -> usize {
        let mut last = k;
        while self.tok(last + 1).is_some_and(|h| h.glued() && h.is_punct('-'))
            && self.tok(last + 2).is_some_and(|w| w.glued() && w.is_word())
        {
            last += 2;
        }
        last
    }

    /// Past the size of the whole in a partitive ("der insgesamt 120 Beschäftigten", "der zwölf Objekte").
    fn past_whole(&self, mut k: usize) -> usize {
        if self.in_list(k, self.r.partitive_fillers) {
            k += 1;
        }
        let number = |x: &numbers::Token| {
            x.kind == TokKind::Num || (x.is_word() && numbers::word_value(&x.lower, self.lang).is_some())
        };
        if self.tok(k).is_some_and(number) {
            k += 1;
        }
        k
    }

    /// The counted noun after token `after`; `linked` allows "von"/"of" (+ article) first.
    fn noun_after(&self, after: usize, linked: bool, value: Option<f64>) -> Option<Noun> {
        let mut k = after + 1;
        let gap_ok = |k: usize| self.tok(k).is_some_and(|x| !x.newline_before);
        if !gap_ok(k) {
            return None;
        }
        if linked && self.in_list(k, self.r.of_words) {
            k += 1;
            if self.in_list(k, &["the", "der", "den", "des", "dem", "die"]) {
                k += 1;
            }
        } else if linked && self.lang == Lang::De && self.in_list(k, &["der", "des", "aller"]) {
            k = self.past_whole(k + 1);
        } else if let Some(j) = self.seq_at(k, self.r.partitive).filter(|_| !linked) {
            // "51 der 74 Personen", "drei der gestohlenen Objekte": the whole's noun is what is counted
            k = self.past_whole(j + 1);
        }
        match self.lang {
            Lang::De => {
                let mut adj = 0;
                while adj < 3 && self.is_adjective_de(k) {
                    k += 1;
                    adj += 1;
                }
                let x = self.tok(k)?;
                if !x.is_capitalized()
                    || x.newline_before
                    || self.r.stopwords.contains(&x.lower.as_str())
                    || self.r.calendar.month(&x.lower).is_some()
                {
                    return None;
                }
                if numbers::word_value(&x.lower, Lang::De).is_some()
                    || self.r.vague.iter().any(|s| s.len() == 1 && s[0] == x.lower)
                {
                    return None;
                }
                // "zwei Hamburger Terminalbetreibern": an adjective from a place name (gazetteer) before the noun
                let next_noun = |k: usize| {
                    self.tok(k + 1).is_some_and(|n| n.is_capitalized() && n.space_before && !n.newline_before)
                        && !self.r.stopwords.contains(&self.lower(k + 1))
                };
                let place_adjective = x.text.strip_suffix("er").is_some_and(is_place);
                if place_adjective && next_noun(k) {
                    k += 1;
                }
                let mut last = self.hyphen_compound(k);
                let mut surface = self.t.slice(self.t.toks[k].start, self.t.toks[last].end);
                // "Helferinnen und Helfern": the pair counts the masculine (generic) form
                if self.lower(last).ends_with("innen") && self.in_list(last + 1, &["und", "oder"]) {
                    let stem = &self.lower(last)[..self.lower(last).len() - "innen".len()];
                    if self.tok(last + 2).is_some_and(|n| n.is_capitalized() && n.lower.starts_with(stem)) {
                        last += 2;
                        surface = self.t.slice(self.t.toks[last].start, self.t.toks[last].end);
                    }
                }
                Some(Noun { first: k, last, lemma: lemma::de_noun(&surface) })
            }
            Lang::En => {
                // up to three content words; the head is the last plural one (or the first word)
                let mut run = Vec::new();
                while run.len() < 3 {
                    let Some(x) = self.tok(k) else { break };
                    let glued_prev = run
                        .last()
                        .is_some_and(|&p: &usize| self.tok(p + 1).is_some_and(|h| h.glued() && h.is_punct('-')));
                    if glued_prev {
                        // keep hyphenated modifiers in one piece: "long-range missiles"
                    }
                    if !x.is_word() || x.newline_before || self.r.stopwords.contains(&x.lower.as_str()) {
                        break;
                    }
                    if numbers::word_value(&x.lower, Lang::En).is_some() || self.r.vague.iter().any(|s| s[0] == x.lower)
                    {
                        break;
                    }
                    let last = self.hyphen_compound(k);
                    run.push(k);
                    k = last + 1;
                    if self.tok(k).is_some_and(|x| x.glued())
                        && !self.tok(k).is_some_and(|x| x.is_punct('\'') || x.is_punct('’'))
                    {
                        break;
                    }
                }
                let plural = |w: &str| {
                    w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") || w == "people"
                };
                let verbish = |w: &str| w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly");
                let head_of = |k: usize| self.lower(self.hyphen_compound(k));
                let pick = if value.is_some_and(|v| v == 1.0) {
                    run.first().copied()
                } else {
                    run.iter().rev().copied().find(|&k| plural(head_of(k))).or(run.first().copied())
                }?;
                let last = self.hyphen_compound(pick);
                if verbish(self.lower(last)) {
                    return None;
                }
                // a noun-like modifier right before the head names the kind: "emergency workers", "fishing boats"
                let from = run
                    .iter()
                    .position(|&k| k == pick)
                    .and_then(|p| p.checked_sub(1))
                    .map(|p| run[p])
                    .filter(|&m| {
                        let x = &self.t.toks[m];
                        !x.is_capitalized() && !self.r.loose_modifiers.contains(&x.lower.as_str()) && m + 1 == pick
                    })
                    .unwrap_or(pick);
                let head = self.t.slice(self.t.toks[from].start, self.t.toks[last].end);
                Some(Noun { first: pick, last, lemma: lemma::en_noun(&head) })
            }
        }
    }

    fn thing(&self, n: &Noun) -> (Option<String>, Option<String>) {
        (Some(n.lemma.clone()), Some(self.t.slice(self.t.toks[n.first].start, self.t.toks[n.last].end)))
    }

    #[allow(clippy::too_many_arguments)]
    fn figure(
        &self,
        first_tok: usize,
        last_tok: usize,
        num: (usize, usize),
        value: Option<f64>,
        approx: Approx,
        kind: FigureKind,
    ) -> Figure {
        let (start, end) = (self.t.toks[first_tok].start, self.t.toks[last_tok].end);
        Figure {
            start,
            end,
            text: self.t.slice(start, end),
            number_start: self.t.toks[num.0].start,
            number_end: self.t.toks[num.1].end,
            value,
            vague: false,
            low: None,
            high: None,
            approx,
            unit: None,
            kind,
            thing: None,
            thing_text: None,
            source: None,
        }
    }

    fn at(&self, i: usize) -> Step {
        let tok = &self.t.toks[i];
        match tok.kind {
            TokKind::Date | TokKind::Clock => return Step::Skip(i),
            TokKind::Punct => return Step::Nothing,
            TokKind::Word => {
                if !self.may_start(tok) {
                    return Step::Nothing;
                }
                if let Some(s) = self.word_figure(i) {
                    return s;
                }
            }
            TokKind::Num => {
                if let Some(s) = self.left_blocked(i) {
                    return s;
                }
            }
        }
        self.number_figure(i)
    }

    /// Whether a word can start a figure at all (cheap test before the table scans).
    fn may_start(&self, tok: &numbers::Token) -> bool {
        let w = tok.lower.as_str();
        triggers(self.lang).contains(w)
            || self.r.factor_suffixes.iter().chain(self.r.age_suffixes).any(|s| w.len() > s.len() && w.ends_with(s))
            || numbers::word_value(w, self.lang).is_some()
    }

    /// Numbers that are part of something else on their left: "A320", "OAO-1", "2013-14", "+49 30".
    fn left_blocked(&self, i: usize) -> Option<Step> {
        let tok = &self.t.toks[i];
        let phone = i > 0 && self.t.toks[i - 1].is_punct('+');
        let run_end = || {
            let mut k = i;
            while self.tok(k + 1).is_some_and(|x| {
                (phone && x.is_num() && x.space_before) || (x.glued() && !x.is_punct('.') && !x.is_punct(','))
            }) && k < i + 8
            {
                k += 1;
            }
            k
        };
        if !tok.glued() || i == 0 {
            return None;
        }
        let p = &self.t.toks[i - 1];
        if p.is_word() {
            return Some(Step::Skip(run_end()));
        }
        if p.is_punct('+') || p.is_punct('#') || p.is_punct('№') {
            return Some(Step::Skip(run_end()));
        }
        if p.kind == TokKind::Punct && "-‑–−/._^".contains(p.text.as_str()) && p.glued() && i >= 2 {
            let pp = &self.t.toks[i - 2];
            if pp.is_word() || pp.is_num() || pp.kind == TokKind::Date {
                return Some(Step::Skip(run_end()));
            }
        }
        None
    }

    /// Figures that start with a word: vague amounts, "die Hälfte", "zwölffach", "Zwölfjährige",
    /// "a gallon".
    fn word_figure(&self, i: usize) -> Option<Step> {
        let tok = &self.t.toks[i];
        // vague amounts
        let mut vague_last = None;
        for &seq in self.r.vague {
            if let Some(l) = self.seq_at(i, seq) {
                if vague_last.is_none_or(|b| l > b) {
                    vague_last = Some(l);
                }
            }
        }
        if let Some(vl) = vague_last {
            // "Millionen" right after a number is a scale, handled with the number
            let after_number = i > 0 && self.t.toks[i - 1].is_num();
            if !after_number {
                let (start, approx) = match self.hedge_before(i) {
                    Some((s, a, false)) => (s, a),
                    _ => (i, Approx::About),
                };
                let mut f = self.figure(start, vl, (i, vl), None, approx, FigureKind::Count);
                f.vague = true;
                let mut last = vl;
                if let Some((code, kind, l)) = self.unit_at(vl + 1) {
                    f.unit = Some(code);
                    f.kind = kind;
                    last = l;
                } else if let Some(n) = self.noun_after(vl, true, None) {
                    (f.thing, f.thing_text) = self.thing(&n);
                    last = n.last;
                }
                self.set_end(&mut f, last);
                return Some(Step::Figure(Box::new(f), last));
            }
        }
        // "die Hälfte"
        if let Some(&(_, v)) = self.r.fraction_nouns.iter().find(|(w, _)| *w == tok.lower) {
            if i > 0 && self.in_list(i - 1, self.r.fraction_articles) {
                let (start, approx) = match self.hedge_before(i - 1) {
                    Some((s, a, false)) => (s, a),
                    _ => (i, Approx::Exact),
                };
                let mut f = self.figure(start, i, (i, i), Some(v), approx, FigureKind::Fraction);
                let mut last = i;
                if let Some(n) = self.noun_after(i, true, None) {
                    (f.thing, f.thing_text) = self.thing(&n);
                    last = n.last;
                }
                self.set_end(&mut f, last);
                return Some(Step::Figure(Box::new(f), last));
            }
        }
        // "zwölffach", "threefold"
        for suf in self.r.factor_suffixes {
            if let Some(stem) = tok.lower.strip_suffix(suf) {
                if let Some(v) = numbers::word_value(stem, self.lang).filter(|_| !stem.is_empty()) {
                    let (start, approx) = match self.hedge_before(i) {
                        Some((s, a, false)) => (s, a),
                        _ => (i, Approx::Exact),
                    };
                    let f = self.figure(start, i, (i, i), Some(v), approx, FigureKind::Factor);
                    return Some(Step::Figure(Box::new(f), i));
                }
            }
        }
        // "Zwölfjährige"
        for suf in self.r.age_suffixes {
            if let Some(stem) = tok.lower.strip_suffix(suf) {
                if let Some(v) = numbers::word_value(stem, self.lang).filter(|_| !stem.is_empty()) {
                    let f = self.figure(i, i, (i, i), Some(v), Approx::Exact, FigureKind::Age);
                    return Some(Step::Figure(Box::new(f), i));
                }
            }
        }
        // "mehrere Zentimeter pro Tag": a vague measure
        if self.r.few_words.contains(&tok.lower.as_str()) {
            let measure =
                |u: &(String, FigureKind, usize)| u.1 == FigureKind::Measure && !DURATION_UNITS.contains(&u.0.as_str());
            if let Some((code, kind, l)) = self.unit_at(i + 1).filter(measure) {
                let mut f = self.figure(i, l, (i, i), None, Approx::About, kind);
                f.vague = true;
                f.unit = Some(code);
                return Some(Step::Figure(Box::new(f), l));
            }
        }
        // "a gallon", "up to one metre", "bis zu einem Meter"; an article before a span of time ("a year ago",
        // "eine Woche später") is no figure
        let article = match self.lang {
            Lang::En => matches!(tok.lower.as_str(), "a" | "an" | "one"),
            Lang::De => matches!(tok.lower.as_str(), "ein" | "eine" | "einen" | "einem" | "einer"),
        };
        if article && self.tok(i + 1).is_some_and(|x| x.space_before && x.text.chars().count() >= 3) {
            if let Some((code, kind, l)) = self.unit_at(i + 1) {
                let timespan = DURATION_UNITS.contains(&code.as_str()) && tok.lower != "one";
                if matches!(kind, FigureKind::Measure | FigureKind::Money) && !timespan {
                    let (start, approx) =
                        self.hedge_before(i).filter(|h| !h.2).map_or((i, Approx::Exact), |h| (h.0, h.1));
                    let mut f = self.figure(start, l, (i, i), Some(1.0), approx, kind);
                    f.unit = Some(code);
                    return Some(Step::Figure(Box::new(f), l));
                }
            }
        }
        None
    }

    fn set_end(&self, f: &mut Figure, last: usize) {
        f.end = self.t.toks[last].end;
        f.text = self.t.slice(f.start, f.end);
    }

    fn number_figure(&self, i: usize) -> Step {
        let lang = self.lang;
        let cur = self.currency_before(i);
        let np = match numbers::phrase_at(self.t, i, lang, cur.is_some()) {
            Err(last) => return Step::Skip(last),
            Ok(None) => return Step::Nothing,
            Ok(Some(np)) => np,
        };
        let first_tok = &self.t.toks[np.first];
        if first_tok.is_word() {
            // capitalised number words inside a German sentence are nouns ("die Elf", "außer Acht")
            if lang == Lang::De
                && first_tok.is_capitalized()
                && !self.sentence_initial(i)
                && !matches!(first_tok.lower.as_str(), "hundert" | "tausend" | "dutzend")
                && np.first == np.last
            {
                return Step::Nothing;
            }
        }
        let mut tail = self.tail(np.last, cur.is_some());
        if tail.reject || tail.clock {
            return Step::Skip(tail.last);
        }
        // "one" alone is a pronoun unless a unit follows
        if lang == Lang::En && np.first == np.last && first_tok.lower == "one" && tail.unit.is_none() {
            return Step::Nothing;
        }
        // German ordinals: "am 1. November", "der 2. Weltkrieg"
        if lang == Lang::De && np.form == Form::Digits && first_tok.plain && np.first == np.last {
            if let Some(dot) = self.tok(np.last + 1).filter(|x| x.is_punct('.') && x.glued()) {
                let _ = dot;
                let after = np.last + 2;
                let ordinal = self.is_month(after)
                    || (i > 0 && self.in_list(i - 1, self.r.ordinal_context))
                    || self.tok(after).is_some_and(|x| x.is_word() && !x.is_capitalized())
                    || self.tok(after).is_some_and(|x| x.is_num())
                    || first_tok.newline_before
                    || i == 0;
                if ordinal {
                    return Step::Skip(np.last + 1);
                }
            }
        }
        // hedge and currency
        let num_first = cur.map_or(i, |(s, _)| s);
        let mut hedge = self.hedge_before(num_first);
        let mut value = np.value;
        let mut num_span = (np.first, np.last);
        let mut low_high = None;
        // ranges: "10 bis 20", "10-15", "3 to 4 L", "8- to 16-meter", "between 44 and 50 mg"
        let between = hedge.is_some_and(|h| h.2);
        if let Some((np2, tail2, cur2)) = self.range_second(&np, &tail, between, cur.is_some()) {
            if tail2.clock {
                return Step::Skip(tail2.last);
            }
            let (a, b) = (np.value, np2.value);
            let units_agree = match (&tail.unit, &tail2.unit) {
                (Some(u1), Some(u2)) => u1.0 == u2.0,
                _ => true,
            };
            let ordered = a < b || (a > b && (a < 0.0 || b < 0.0) && b != 0.0) || (a < 0.0 && b == 0.0);
            if units_agree && ordered && !tail2.reject && (cur2 || cur.is_none()) {
                low_high = Some((a.min(b), a.max(b)));
                value = (a + b) / 2.0;
                num_span = (np.first, np2.last);
                let unit1 = tail.unit.take();
                tail = Tail { unit: tail2.unit.clone().or(unit1), ..tail2 };
            }
        }
        if between && low_high.is_none() {
            hedge = None;
        }
        // "minus 15 Grad"
        let negative = hedge.is_none() && num_first > 0 && self.in_list(num_first - 1, self.r.negative_words);
        if negative {
            value = -value;
            low_high = low_high.map(|(lo, hi)| (-hi, -lo));
        }
        // "a dozen people", "ein Dutzend Häuser": a round number, about twelve
        let dozen = np.last == np.first + 1
            && matches!(self.lower(np.first), "a" | "ein" | "einem" | "eines")
            && matches!(self.lower(np.last), "dozen" | "dutzend");
        let approx = hedge.map_or(if dozen { Approx::About } else { Approx::Exact }, |h| h.1);
        let mut start_tok = hedge.map_or(if negative { num_first - 1 } else { num_first }, |h| h.0);
        // "Stärke 6,4", "magnitude 6.4": the scale is the unit, and part of the span
        let scale = (cur.is_none() && hedge.is_none() && tail.unit.is_none())
            .then(|| {
                self.r.scale_prefixes.iter().filter_map(|(seq, code)| Some((self.seq_before(i, seq)?, *code))).min()
            })
            .flatten();
        if let Some((s, code)) = scale {
            start_tok = s;
            tail.unit = Some((code.to_string(), FigureKind::Measure));
        }
        let mut kind = match np.form {
            Form::Fraction => FigureKind::Fraction,
            _ => FigureKind::Count,
        };
        let mut unit = None;
        if let Some((_, code)) = cur {
            unit = Some(code.to_string());
            kind = FigureKind::Money;
        }
        if let Some((code, k)) = &tail.unit {
            if cur.is_none() || *k != FigureKind::Money {
                if let Some(u) = unit.as_mut().filter(|_| *k == FigureKind::Measure && code.starts_with('/')) {
                    u.push_str(code);
                } else if cur.is_none() {
                    unit = Some(code.clone());
                    kind = *k;
                } else if let Some(u) = unit.as_mut() {
                    // "$350 per kg" keeps the currency, adds the divisor
                    if let Some((_, per)) = code.split_once('/') {
                        u.push('/');
                        u.push_str(per);
                    }
                }
            } else if let Some((_, per)) = code.split_once('/') {
                if let Some(u) = unit.as_mut() {
                    u.push('/');
                    u.push_str(per);
                }
            }
        }
        if let (Some(per), Some(u)) = (tail.per, unit.as_mut()) {
            u.push('/');
            u.push_str(per);
        }
        if tail.age {
            kind = FigureKind::Age;
        } else if tail.factor {
            kind = FigureKind::Factor;
        }
        if let Some(age_start) = self.r.age_before.iter().filter_map(|s| self.seq_before(start_tok, s)).min() {
            if kind == FigureKind::Count {
                kind = FigureKind::Age;
                let _ = age_start;
            }
        }
        if kind == FigureKind::Count
            && lang == Lang::En
            && self.in_list(tail.last + 1, &["times"])
            && self.in_list(tail.last + 2, &["as", "more", "higher", "larger", "bigger", "greater", "faster", "the"])
        {
            kind = FigureKind::Factor;
            tail.last += 1;
        }
        // the counted thing
        let mut last = tail.last;
        let mut thing = (None, None);
        if let Some(h) = tail.hyphen_thing {
            let n = Noun { first: h, last: h, lemma: lemma::en_noun(&self.t.toks[h].text) };
            thing = self.thing(&n);
        } else if matches!(kind, FigureKind::Count | FigureKind::Fraction | FigureKind::Measure) {
            let linked = kind != FigureKind::Count || np.form == Form::Fraction;
            let allowed = kind == FigureKind::Count || linked;
            let duration = kind == FigureKind::Measure && unit.as_deref().is_some_and(|u| DURATION_UNITS.contains(&u));
            if duration {
                // "rund 15 Stunden": a span of time counts its unit ("stunde"), and takes no noun after it
                let k = tail.last;
                let w = &self.t.toks[k].text;
                let lemma = if lang == Lang::De { lemma::de_noun(w) } else { lemma::en_noun(w) };
                thing = self.thing(&Noun { first: k, last: k, lemma });
            } else if allowed {
                let noun = if kind == FigureKind::Measure {
                    // "10 tonnes of ammunition", "10 Tonnen Munition"
                    if lang == Lang::En && !self.in_list(tail.last + 1, self.r.of_words) {
                        None
                    } else {
                        self.noun_after(tail.last, true, Some(value))
                    }
                } else {
                    self.noun_after(tail.last, linked, Some(value))
                };
                if let Some(n) = noun {
                    last = n.last;
                    thing = self.thing(&n);
                }
            }
        }
        // money, measures and percentages: what the amount is of ("Schaden von …", "beläuft sich die Investition auf …")
        if thing.0.is_none() && matches!(kind, FigureKind::Money | FigureKind::Measure | FigureKind::Percent) {
            if let Some(n) = self.governing_noun(start_tok) {
                thing = self.thing(&n);
            }
        }
        // years and labels: plain integers with nothing counted
        let plain = np.form == Form::Digits && first_tok.plain && np.first == np.last && low_high.is_none();
        let counted = thing.0.is_some() || unit.is_some() || kind != FigureKind::Count;
        if plain && i > 0 {
            let prev = i - 1;
            let year_like = (1000.0..=2100.0).contains(&np.value);
            if year_like && (self.is_month(prev) || self.in_list(prev, self.r.year_words)) {
                return Step::Skip(np.last);
            }
            if year_like && !counted && hedge.is_none() && !self.in_list(prev, self.r.determiners) {
                return Step::Skip(np.last);
            }
            let p = &self.t.toks[prev];
            let label = p.is_capitalized()
                && !self.sentence_initial(prev)
                && !self.r.stopwords.contains(&p.lower.as_str())
                && self.r.calendar.month(&p.lower).is_none()
                && hedge.is_none()
                && cur.is_none()
                && !counted;
            if label {
                return Step::Skip(np.last);
            }
        } else if plain && i == 0 && (1000.0..=2100.0).contains(&np.value) && !counted {
            return Step::Skip(np.last);
        }
        let mut f = self.figure(start_tok, last, num_span, Some(value), approx, kind);
        if let Some((lo, hi)) = low_high {
            f.low = Some(lo);
            f.high = Some(hi);
        }
        f.unit = unit;
        (f.thing, f.thing_text) = thing;
        Step::Figure(Box::new(f), last)
    }

    /// The second number of a range after `np` and its tail: (phrase, tail, has currency).
    fn range_second(&self, np: &NumPhrase, tail: &Tail, between: bool, money: bool) -> Option<(NumPhrase, Tail, bool)> {
        if tail.age || tail.factor || tail.hyphen_thing.is_some() {
            return None;
        }
        let k = tail.last + 1;
        let c = self.tok(k)?;
        let mut j = k + 1;
        let ok = if between {
            c.lower == self.r.between.1 || self.r.range_words.contains(&c.lower.as_str())
        } else if c.kind == TokKind::Punct && matches!(c.text.as_str(), "–" | "—") {
            true
        } else if c.is_punct('-') {
            if c.glued() && self.tok(k + 1).is_some_and(|x| x.lower == "to" || x.lower == "bis") {
                j = k + 2;
                true
            } else {
                c.glued() && self.tok(k + 1).is_some_and(|x| x.glued())
            }
        } else {
            c.is_word() && self.r.range_words.contains(&c.lower.as_str())
        };
        if !ok {
            return None;
        }
        let cur2 = self.currency_at(j);
        let j2 = cur2.map_or(j, |l| l + 1);
        if money && cur2.is_none() && tail.unit.is_none() {
            // "$5 to 10": the currency carries over
        }
        let np2 = numbers::phrase_at(self.t, j2, self.lang, money || cur2.is_some()).ok()??;
        if (np.form == Form::Words) != (np2.form == Form::Words) {
            return None;
        }
        let tail2 = self.tail(np2.last, money || cur2.is_some());
        Some((np2, tail2, true))
    }

    fn currency_at(&self, k: usize) -> Option<usize> {
        let cands = index(self.lang).currencies.get(self.lower(k))?;
        cands.iter().filter_map(|&n| self.seq_at(k, self.r.currency_prefixes[n].0)).max()
    }
}

#[cfg(test)]
mod tests;
