//! Expressions relative to the anchor or the text's last date: reference phrases, "gestern", weekdays,
//! "last week", and modified expressions ("Mitte Oktober", "early next year").

use super::super::rules::{has, lookup, Unit};
use super::super::token::Kind;
use super::{raw, Raw, Sem, G};
use lagebild_core::TimeMod;

impl<'a, 'b> G<'a, 'b> {
    pub(super) fn ref_phrase(&self, i: usize) -> Option<Raw> {
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
        best
    }

    pub(super) fn deictic(&self, i: usize) -> Option<Raw> {
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

    pub(super) fn weekday_expr(&self, i: usize) -> Option<Raw> {
        let lw = self.lw(i);
        // last/next/this + weekday/month/season/unit
        let off = if has(self.r.past_adj, lw) {
            Some(-1)
        } else if has(self.r.next_adj, lw) {
            Some(1)
        } else if has(self.r.this_adj, lw) {
            Some(0)
        } else if has(self.r.season_next_adj, lw) && self.season_word(i + 1).is_some() {
            Some(1)
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
            // "Mittwochmittag" is noon, as "Mittag" alone
            let base = Some(Box::new(Sem::Weekday(wd)));
            let rest = |w: &str| self.r.weekdays.iter().any(|(name, _)| self.lw(i).strip_prefix(name) == Some(w));
            if let Some(&(_, h)) = self.r.clock_names.iter().find(|(w, _)| rest(w)) {
                return raw(i, i + 1, Sem::Clock { base, h, mi: 0, zone: None });
            }
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

    pub(super) fn season_word(&self, i: usize) -> Option<(&'static str, Option<TimeMod>)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        self.r.seasons.iter().find(|(w, _, _)| *w == t.lower).map(|(_, s, m)| (*s, *m))
    }

    /// "Mitte Oktober", "Anfang 1945", "Ende des Jahres", "early next year", "mid-1996", "the end of 1990".
    pub(super) fn with_mod(&self, i: usize) -> Option<Raw> {
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
            // "the middle of that month": the month last named
            if start > j && has(self.r.anaphoric_det, self.lw(start)) {
                if let Some(u) = self.unit(start + 1).filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week)) {
                    return Some(Raw { s, e: start + 2, sem: Sem::Same(u), m: Some(m) });
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
                        | Sem::Pod { .. }
                        | Sem::Same(_)
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

    /// "Nacht zum (vergangenen) Freitag" / "overnight into Friday" (the night before that day) and "early
    /// hours of Friday" (that day's night), when a day follows the words of the tables.
    pub(super) fn night(&self, i: usize) -> Option<Raw> {
        let day_at = |k: usize| {
            let d = self.weekday_expr(k).or_else(|| self.date_core(k))?;
            matches!(d.sem, Sem::Weekday(_) | Sem::RelWeekday { .. } | Sem::Deictic(_) | Sem::Cal { d: Some(_), .. })
                .then_some(d)
        };
        if self.r.night_before.iter().any(|(w, link)| self.lw(i) == *w && self.lw(i + 1) == *link) {
            let d = day_at(i + 2)?;
            return raw(i, d.e, Sem::NightBefore(Box::new(d.sem)));
        }
        let n = self.r.small_hours.iter().find_map(|p| self.phrase_len(i, p))?;
        let d = day_at(i + n)?;
        raw(i, d.e, Sem::Pod { base: Box::new(d.sem), pod: "NI" })
    }
}
