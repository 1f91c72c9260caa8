//! The grammar: patterns over tokens, driven by a language's rule tables. Each pattern tries to match at a
//! token position and returns the token range and an unresolved meaning (`Sem`); the scanner keeps the
//! longest match at each position and moves on behind it.

mod calendar;
mod lexicon;
mod relative;
mod spans;
mod words;

use super::rules::{has, Phrase, Rules, Unit};
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
    /// "am selben Tag": the day (week, …) just mentioned.
    Same(Unit),
    /// The day the report is about, for a part of the day without its own date ("am Vormittag").
    Focus,
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
    /// The night before a day ("Nacht zum Freitag", "overnight into Friday").
    NightBefore(Box<Sem>),
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

pub use lexicon::{maybe_compound, trigger_words};

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
            self.bare_plural(i),
            self.sets(i),
            self.pod_of(i),
            self.night(i),
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
}
