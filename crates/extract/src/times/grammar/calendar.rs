//! Calendar expressions: dates, months, years, decades, centuries, seasons, quarters and half years.

use super::super::rules::{has, lookup, Unit};
use super::super::token::Kind;
use super::{raw, Raw, Sem, G};
use lagebild_core::TimeMod;

const DAY_RANGE_LINKS: &[&str] = &["bis", "und", "-", "–", "/", "auf", "den", "zum", "zu", "an", ",", "oder", "und"];

impl<'a, 'b> G<'a, 'b> {
    /// Years with optional BC, "Jahr 1864", "fiscal 1989", decades, centuries, months, day-month dates,
    /// numeric dates, seasons, quarters.
    pub(super) fn date_core(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn compound_rel(&self, i: usize) -> Option<Raw> {
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
            "wochenende" | "wochenendes" if !self.is(i + 1, "über") => (Sem::Ref("THIS_WE"), None),
            _ => return None,
        };
        Some(Raw { s: i, e: i + 1, sem: sem.0, m: sem.1 })
    }

    pub(super) fn named_day(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn day_month(&self, i: usize) -> Option<Raw> {
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
    /// ISO 8601 in any language: "2024-10-21", "2024-10".
    fn iso_date(&self, i: usize) -> Option<Raw> {
        let y = self.num(i).filter(|y| self.ndigits(i) == 4 && (1000..=2099).contains(y))? as i32;
        let dash = |k: usize| self.is(k, "-") && self.glued(k) && self.glued(k + 1) && self.ndigits(k + 1) == 2;
        if !dash(i + 1) || (i > 0 && self.glued(i) && !matches!(self.t[i - 1].kind, Kind::Punct)) {
            return None;
        }
        let m = self.num(i + 2).filter(|m| (1..=12).contains(m))?;
        let day = dash(i + 3).then(|| self.num(i + 4)).flatten().filter(|d| (1..=31).contains(d));
        // "2024-10-21-…" or a longer digit run is an identifier
        let e = if day.is_some() { i + 5 } else { i + 3 };
        if self.is(e, "-") && self.glued(e) {
            return None;
        }
        // "2024-10" is a month; "the 2010-12 drought" may be a range of years (12 after 10), a month only
        // where nothing follows on its line
        let range_like = m as i32 > y % 100;
        if day.is_none() && range_like && self.t.get(e).is_some_and(|t| !t.nl && t.kind != Kind::Punct) {
            return None;
        }
        let r = Raw { s: i, e, sem: Sem::Cal { y: Some(y), m: Some(m), d: day }, m: None };
        Some(if day.is_some() { self.with_clock_after(r) } else { r })
    }

    pub(super) fn numeric_date(&self, i: usize) -> Option<Raw> {
        if let Some(r) = self.iso_date(i) {
            return Some(r);
        }
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
    pub(super) fn bare_day(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn two_digit_year(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn with_clock_after(&self, r: Raw) -> Raw {
        let mut j = r.e;
        if self.is(j, ",") {
            j += 1;
        }
        if let Some((h, mi, e, zone)) = self.clock(j) {
            return Raw { s: r.s, e, sem: Sem::Clock { base: Some(Box::new(r.sem)), h, mi, zone }, m: None };
        }
        r
    }

    pub(super) fn month_expr(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn year_expr(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn decade(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn century(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn season_expr(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn ordinal_part(&self, i: usize) -> Option<Raw> {
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
    pub(super) fn qualified_part(&self, i: usize) -> Option<Raw> {
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
}
