//! Durations ("drei Tage", "two years ago"), clock times, sets ("jeden Montag") and parts of days.

use super::super::rules::{has, lookup, Unit};
use super::super::token::Kind;
use super::{raw, Raw, Sem, G};
use lagebild_core::TimeMod;

impl<'a, 'b> G<'a, 'b> {
    /// Durations, "vor zwei Wochen", "two years ago", "zwei Tage später", "mehr als drei Tage".
    pub(super) fn durations(&self, i: usize) -> Option<Raw> {
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
            // "vor gut 50 Jahren"
            if let Some((p, m)) = self.r.quant_mods.iter().find(|(p, _)| qm.is_none() && self.phrase(j, p)) {
                j += p.len();
                qm = *m;
            }
        }
        // German "nach zwei Tagen" = two days after the text's last date
        if !self.en() && !ago_pre && has(self.r.after_pre, self.lw(j)) {
            let (n, unit, e) = self.dur_core(j + 1)?;
            // "nach zweieinhalb Jahren Krieg": how long something lasted, not a date after the last one
            let of_noun = self.t.get(e).is_some_and(|t| t.kind == Kind::Word && t.cap && t.sent == self.t[j].sent);
            if of_noun {
                return Some(Raw { s: j + 1, e, sem: Sem::Dur { n, unit }, m: qm });
            }
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
        if !self.en() && matches!(w, "eines" | "einer") && !(i > 0 && has(self.r.span_preps, self.lw(i - 1))) {
            return None;
        }
        Some(Raw { s: i, e, sem: Sem::Dur { n, unit }, m: qm })
    }

    /// A clock time at i: (hour, minute, end, zone).
    pub(super) fn clock(&self, i: usize) -> Option<(u32, u32, usize, Option<&'static str>)> {
        let w = self.lw(i);
        if let Some(h) = lookup(self.r.clock_names, w) {
            if !self.en() && !self.t[i].cap {
                return None;
            }
            let e = i + 1;
            return Some((h, 0, e, None));
        }
        if has(self.r.clock_half, w) {
            // "halb drei (Uhr)": the half hour before three, a clock only after "um"/"gegen"/"nach"/"vor" or
            // with "Uhr"
            let (n, k) = self.number(i + 1)?;
            let e = i + 1 + k;
            let n = n.filter(|n| n.fract() == 0.0 && (1.0..=12.0).contains(n))? as u32;
            let uhr = has(self.r.clock_words, self.lw(e));
            let before = i > 0 && matches!(self.lw(i - 1), "um" | "gegen" | "nach" | "vor");
            return (uhr || before).then_some((n - 1, 30, e + usize::from(uhr), None));
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
            } else if let Some(p) =
                self.phrase(j, &["in", "the"]).then(|| lookup(self.r.pods, self.lw(j + 2))).flatten()
            {
                // "4 in the morning", "8 in the evening"
                if h == 0 || h > 12 {
                    return None;
                }
                if matches!(p, "AF" | "EV") || (p == "NI" && h >= 6) {
                    h = (h + 12) % 24;
                }
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
        if zone.is_none() {
            if let Some(p) = self.r.local_time.iter().find(|p| self.phrase(j, p)) {
                zone = Some(crate::times::rules::LOCAL_ZONE);
                j += p.len();
            }
        }
        Some((h, mi, j, zone))
    }

    /// "seit Jahren", "after months of talks": a span of unknown length.
    pub(super) fn bare_plural(&self, i: usize) -> Option<Raw> {
        let unit = lookup(self.r.bare_plurals, self.lw(i))?;
        (i > 0 && has(self.r.bare_plural_pre, self.lw(i - 1))).then_some(())?;
        raw(i, i + 1, Sem::Dur { n: None, unit })
    }

    pub(super) fn clock_expr(&self, i: usize) -> Option<Raw> {
        let mut s = i;
        let mut j = i;
        let mut m = None;
        let mut after = false;
        if let Some((n, p)) = self.r.clock_hedges.iter().find_map(|p| Some((self.phrase_len(i, p)?, p))) {
            j += n;
            m = Some(TimeMod::Approx);
            s = i;
            after = matches!(p.last(), Some(&("nach" | "after")));
        }
        let (mut h, mi, mut e, zone) = self.clock(j)?;
        if after && h == 24 {
            // "kurz nach Mitternacht": the first minutes of the day
            h = 0;
        }
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
    pub(super) fn sets(&self, i: usize) -> Option<Raw> {
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
            return raw(i, e, Sem::Set(super::super::calendar::duration(n, u)));
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
            return raw(i, i + 2, Sem::Set(super::super::calendar::duration(Some(1.0), u)));
        }
        if let Some((n, u, e)) = self.dur_core(i + 1) {
            return raw(i, e, Sem::Set(super::super::calendar::duration(n, u)));
        }
        None
    }

    /// "Morgen des 22. Juni 1941", "Abend desselben Tages", "frühen Morgen des 6. Juni"; a part of the day
    /// standing alone after an intro of the tables ("am Vormittag", "in the early evening") is on the day
    /// the report is about.
    pub(super) fn pod_of(&self, i: usize) -> Option<Raw> {
        if self.en() {
            // "this morning", "this evening"
            if has(self.r.this_adj, self.lw(i)) {
                let p = lookup(self.r.pods, self.lw(i + 1))?;
                return raw(i, i + 2, Sem::Pod { base: Box::new(Sem::Deictic(0)), pod: p });
            }
            // "last night"
            if has(self.r.past_adj, self.lw(i)) && self.lw(i + 1) == "night" {
                return raw(i, i + 2, Sem::Pod { base: Box::new(Sem::Deictic(-1)), pod: "NI" });
            }
        }
        let mut j = i;
        let m = lookup(self.r.pod_mods, self.lw(i)).filter(|_| self.word(i + 1));
        if m.is_some() {
            j += 1;
        }
        let prev = if i > 0 { self.lw(i - 1) } else { "" };
        if !self.en() {
            if let Some(r) = self.pod_relative(i, prev) {
                return Some(r);
            }
            if !self.t.get(j)?.cap {
                return None;
            }
        }
        let p = lookup(self.r.pods, self.lw(j))?;
        let mut k = j + 1;
        let intro = self.r.pod_intros.iter().any(|ph| i >= ph.len() && self.phrase(i - ph.len(), ph))
            || (self.en() && self.lw(j) == "overnight");
        if intro && !matches!(self.lw(k), "des" | "vom" | "desselben" | "dieses" | "of") {
            let base = if matches!(self.lw(k), "darauf" | "danach") {
                k += 1;
                Sem::Shift { n: Some(1.0), unit: Unit::Day }
            } else {
                Sem::Focus
            };
            return Some(Raw { s: i, e: k, sem: Sem::Pod { base: Box::new(base), pod: p }, m });
        }
        if self.en() {
            return None;
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

    /// German parts of the day and units relative to the day just told: "am nächsten Morgen", "am Tag
    /// darauf", "im Laufe des Jahres".
    fn pod_relative(&self, i: usize, prev: &str) -> Option<Raw> {
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
        None
    }
}
