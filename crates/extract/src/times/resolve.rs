//! Normalisation: a matched meaning (`Sem`) → TIMEX3 value, against the anchor (publication date) or, in
//! narratives, against the last date the text mentioned.

use super::calendar::{add_months, days_in, duration, season_start, wd_num, week, year_for, year_str, ymd};
use super::grammar::Sem;
use super::rules::Unit;
use chrono::{Datelike, Duration, NaiveDate};
use lagebild_core::TimeKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// Only a participle or "-ed" form nearby ("the year ended March 31", but also "a dividend payable Dec. 7 to
    /// holders of record"): moves a month-day only when the closest occurrence is months ahead.
    WeakPast,
    Unknown,
}

/// A calendar point at year, month or day granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pt {
    pub y: i32,
    pub m: Option<u32>,
    pub d: Option<u32>,
}

impl Pt {
    fn of(d: NaiveDate) -> Pt {
        Pt { y: d.year(), m: Some(d.month()), d: Some(d.day()) }
    }
    fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.y, self.m?, self.d?)
    }
    /// The next day (a night "zu Freitag" leads the report into Friday).
    pub fn following(self) -> Pt {
        self.date().and_then(|d| d.succ_opt()).map(Pt::of).unwrap_or(self)
    }
    /// Parse the calendar part of a value ("1941", "1941-06", "1941-06-22T04:15").
    pub fn parse(v: &str) -> Option<Pt> {
        let b = v.as_bytes();
        if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y = v[..4].parse().ok()?;
        let m = (b.len() >= 7 && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit())
            .then(|| v[5..7].parse().ok())
            .flatten();
        let d = (m.is_some() && b.len() >= 10 && b[7] == b'-' && b[8].is_ascii_digit() && b[9].is_ascii_digit())
            .then(|| v[8..10].parse().ok())
            .flatten();
        Some(Pt { y, m, d })
    }
}

pub struct Ctx {
    pub anchor: Option<NaiveDate>,
    /// Narrative text (history, far from the anchor): underspecified dates follow the text's last date.
    pub narrative: bool,
    /// The last calendar point the text mentioned (see `note` and `reference`).
    pub last: Option<Pt>,
    /// The last point at month granularity or finer.
    pub fine: Option<Pt>,
    /// A year-only mention after `fine`.
    pub year_only: Option<i32>,
    /// Explicit years mentioned since the last heading year, most recent last (heading first, twice).
    pub votes: Vec<i32>,
    /// The last quarter the text mentioned, as year * 4 + quarter index: earnings reports compare "the third
    /// quarter" with "a year earlier", which then means the same quarter of the year before.
    pub quarter: Option<i64>,
    /// Days the text named, in text order (news mode): an hour or a part of the day without its own date
    /// ("um 3 Uhr", "am Vormittag") falls on the day the report is about, not always on the publication day.
    pub days: Vec<(NaiveDate, Tense)>,
    /// The zone of the place a clock time "Ortszeit" / "local time" is told in (see `mod::local_zone`).
    pub local: Option<chrono_tz::Tz>,
}

impl Ctx {
    pub fn new(anchor: Option<NaiveDate>, narrative: bool) -> Ctx {
        Ctx {
            anchor,
            narrative,
            last: None,
            fine: None,
            year_only: None,
            votes: Vec::new(),
            quarter: None,
            days: Vec::new(),
            local: None,
        }
    }

    /// Remember a quarter value ("1989-Q3") as the period later comparisons refer to.
    pub fn note_quarter(&mut self, v: &str) {
        let b = v.as_bytes();
        if b.len() == 7 && &b[4..6] == b"-Q" && (b'1'..=b'4').contains(&b[6]) {
            if let Ok(y) = v[..4].parse::<i64>() {
                self.quarter = Some(y * 4 + (b[6] - b'1') as i64);
            }
        }
    }

    /// The quarter `years` years before the last mentioned one, if the text mentioned one.
    fn quarter_back(&self, years: f64) -> Option<String> {
        let q = self.quarter?;
        if years.fract() != 0.0 || years < 0.0 {
            return None;
        }
        let t = q - 4 * years as i64;
        Some(format!("{}-Q{}", year_str(t.div_euclid(4) as i32), t.rem_euclid(4) + 1))
    }

    /// Remember a resolved calendar value as the text's current reference.
    pub fn note(&mut self, p: Pt) {
        if p.m.is_some() {
            self.fine = Some(p);
            self.year_only = None;
        } else {
            self.year_only = Some(p.y);
        }
        self.last = self.reference();
    }

    /// An explicit year in the text; a year standing alone as a heading starts a new section.
    pub fn vote(&mut self, y: i32, heading: bool) {
        if heading {
            self.votes.clear();
            self.votes.push(y);
        }
        self.votes.push(y);
    }

    /// The narrative's current year: the most frequent of the last explicit years (ties: the latest), so
    /// that a single look-ahead ("bis April 1915") does not move a whole passage.
    fn ref_year(&self) -> Option<i32> {
        let n = self.votes.len();
        let win = &self.votes[n.saturating_sub(5)..];
        let mut best: Option<(usize, usize, i32)> = None;
        for (k, y) in win.iter().enumerate() {
            let c = win.iter().filter(|v| *v == y).count();
            if best.is_none_or(|(bc, bk, _)| c > bc || (c == bc && k > bk)) {
                best = Some((c, k, *y));
            }
        }
        best.map(|b| b.2)
    }

    /// The text's reference: the last month-or-finer date, or a later year-only mention close to it (a
    /// far-off year mentioned in passing, "wie schon 1870/71", does not move the narrative).
    fn reference(&self) -> Option<Pt> {
        match (self.fine, self.year_only) {
            (Some(f), Some(y)) if (y - f.y).abs() <= 3 => Some(Pt { y, m: None, d: None }),
            (Some(f), _) => Some(f),
            (None, Some(y)) => Some(Pt { y, m: None, d: None }),
            (None, None) => None,
        }
    }

    /// The UTC offset of [`Ctx::local`] at a local date and hour, as TIMEX3 writes it ("+09", "+05:30").
    fn local_offset(&self, day: &str, h: u32, mi: u32) -> Option<String> {
        use chrono::{Offset, TimeZone};
        let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        let at = date.and_hms_opt(h.min(23), mi.min(59), 0)?;
        let secs = self.local?.offset_from_local_datetime(&at).earliest()?.fix().local_minus_utc();
        let (sign, m) = (if secs < 0 { '-' } else { '+' }, secs.abs() / 60);
        Some(if m % 60 == 0 { format!("{sign}{:02}", m / 60) } else { format!("{sign}{:02}:{:02}", m / 60, m % 60) })
    }

    /// A day the text named, with the tense it was told in.
    pub fn note_day(&mut self, p: Pt, tense: Tense) {
        if let Some(d) = p.date() {
            self.days.push((d, tense));
        }
    }

    /// The day an undated hour or part of the day falls on in news: the last day the text named on the side
    /// of the publication day the clause's tense points to (a past event is not on "bis Mittwoch" ahead), else
    /// the publication day. Narratives use their running reference instead.
    fn day_for(&self, tense: Tense) -> Option<Pt> {
        if self.narrative {
            return self.last.or(self.anchor.map(Pt::of));
        }
        let Some(a) = self.anchor else { return self.last };
        Some(self.named_day(tense).unwrap_or(Pt::of(a)))
    }

    /// The last day the text named within a week of the publication day, on the side its tense points to.
    fn named_day(&self, tense: Tense) -> Option<Pt> {
        let a = self.anchor?;
        // a day told ahead ("bis Mittwoch") is not the day a past event happened on, and the other way round
        let fits = |(d, t): &&(NaiveDate, Tense)| match tense {
            Tense::Past | Tense::WeakPast => *d <= a && *t != Tense::Future,
            Tense::Future => *d >= a && !matches!(t, Tense::Past | Tense::WeakPast),
            Tense::Unknown => true,
        };
        let near = |(d, _): &&(NaiveDate, Tense)| (*d - a).num_days().abs() <= 7;
        self.days.iter().rev().filter(fits).find(near).map(|(d, _)| Pt::of(*d))
    }

    fn base(&self) -> Option<Pt> {
        if self.narrative {
            if let Some(y) = self.ref_year() {
                return Some(match self.last {
                    Some(p) if p.y == y => p,
                    _ => Pt { y, m: None, d: None },
                });
            }
            self.last.or(self.anchor.map(Pt::of))
        } else {
            self.anchor.map(Pt::of)
        }
    }

    /// The value and type of one expression.
    pub fn resolve(&self, sem: &Sem, tense: Tense) -> (String, TimeKind) {
        use TimeKind::*;
        match sem {
            Sem::Cal { y, m, d } => (self.cal(*y, *m, *d, tense), Date),
            Sem::Bc(n) => (format!("BC{n:04}"), Date),
            Sem::Decade(d) => (format!("{d:03}"), Date),
            Sem::Century(c) => (format!("{c:02}"), Date),
            Sem::Season { y, s } => {
                let y = y.or_else(|| self.year_of_month(season_start(s), tense));
                (y.map(|y| format!("{}-{s}", year_str(y))).unwrap_or_else(|| format!("XXXX-{s}")), Date)
            }
            Sem::Part { y, p } => {
                let start = match p.as_str() {
                    "Q1" | "H1" => 1,
                    "Q2" => 4,
                    "Q3" | "H2" => 7,
                    _ => 10,
                };
                let y = y.or_else(|| {
                    if self.narrative {
                        return self.base().map(|b| b.y);
                    }
                    self.anchor.map(|a| if a.month() <= 2 && start >= 7 { a.year() - 1 } else { a.year() })
                });
                (y.map(|y| format!("{}-{p}", year_str(y))).unwrap_or_else(|| format!("XXXX-{p}")), Date)
            }
            Sem::YearPart { y, off, q } => {
                // the quarter in focus, else the last full quarter before the anchor
                let focus =
                    self.quarter.or_else(|| self.anchor.map(|a| a.year() as i64 * 4 + a.month0() as i64 / 3 - 1));
                let year = y.map(year_str).or_else(|| focus.map(|f| year_str(f.div_euclid(4) as i32 + *off as i32)));
                let qn = q.map(|n| n.to_string()).or_else(|| focus.map(|f| (f.rem_euclid(4) + 1).to_string()));
                (format!("{}-Q{}", year.unwrap_or_else(|| "XXXX".into()), qn.unwrap_or_else(|| "X".into())), Date)
            }
            Sem::Weekday(wd) => (self.weekday(*wd, 0, tense), Date),
            Sem::RelWeekday { wd, off } => (self.weekday(*wd, *off, tense), Date),
            Sem::Deictic(n) => (self.deictic(*n), Date),
            Sem::Rel { unit, off } => (self.rel(self.base(), *unit, *off as f64), Date),
            Sem::RelMonth { m, off } => (self.rel_month(*m, *off), Date),
            Sem::RelSeason { s, off } => {
                let Some(a) = self.base() else { return (format!("XXXX-{s}"), Date) };
                let start = season_start(s);
                let am = a.m.unwrap_or(6);
                let y = match off {
                    -1 => {
                        if start < am {
                            a.y
                        } else {
                            a.y - 1
                        }
                    }
                    1 => {
                        if start > am {
                            a.y
                        } else {
                            a.y + 1
                        }
                    }
                    _ => a.y,
                };
                (format!("{}-{s}", year_str(y)), Date)
            }
            Sem::Ago { n, unit } => match n {
                None => ("PAST_REF".into(), Date),
                Some(v) if *unit == Unit::Year && self.quarter_back(*v).is_some() => {
                    (self.quarter_back(*v).unwrap_or_default(), Date)
                }
                Some(v) => {
                    let base =
                        if self.narrative { self.last.or(self.anchor.map(Pt::of)) } else { self.anchor.map(Pt::of) };
                    let v = self.rel(base, *unit, -v);
                    (if v.starts_with('X') { "PAST_REF".into() } else { v }, Date)
                }
            },
            Sem::Shift { n, unit } => {
                let dir = n.map(|v| v >= 0.0).unwrap_or(true);
                let fallback = if dir { "FUTURE_REF" } else { "PAST_REF" };
                match (n, self.last.or(if self.narrative { None } else { self.anchor.map(Pt::of) })) {
                    (Some(v), _) if *unit == Unit::Year && self.quarter_back(-v).is_some() => {
                        (self.quarter_back(-v).unwrap_or_default(), Date)
                    }
                    (Some(v), Some(b)) => {
                        let r = self.shift(b, *unit, *v);
                        (if r.starts_with('X') { fallback.into() } else { r }, Date)
                    }
                    _ => (fallback.into(), Date),
                }
            }
            Sem::Focus => {
                let r = self.rel(self.day_for(tense), Unit::Day, 0.0);
                (if r.contains('X') { "PRESENT_REF".into() } else { r }, Date)
            }
            Sem::Same(unit) => {
                let r = self.rel(self.last.or(self.anchor.map(Pt::of)), *unit, 0.0);
                (if r.contains('X') { "PRESENT_REF".into() } else { r }, Date)
            }
            Sem::Dur { n, unit } => (duration(*n, *unit), Duration),
            Sem::Ref(v) => (self.special(v, tense), if v.starts_with('P') { Duration } else { Date }),
            Sem::Set(v) => (v.clone(), Set),
            Sem::Clock { base, h, mi, zone } => {
                let day = match base {
                    Some(b) => {
                        let (v, _) = self.resolve(b, tense);
                        if Pt::parse(&v).and_then(|p| p.d).is_some() {
                            v[..10].to_string()
                        } else {
                            "XXXX-XX-XX".into()
                        }
                    }
                    None => match if self.narrative { self.base() } else { self.day_for(tense) } {
                        Some(Pt { y, m: Some(m), d: Some(d) }) => format!("{}-{m:02}-{d:02}", year_str(y)),
                        Some(Pt { y, .. }) => format!("{}-XX-XX", year_str(y)),
                        None => "XXXX-XX-XX".into(),
                    },
                };
                let zone = match *zone {
                    Some(crate::times::rules::LOCAL_ZONE) => self.local_offset(&day, *h, *mi).unwrap_or_default(),
                    z => z.unwrap_or("").to_string(),
                };
                (format!("{day}T{h:02}:{mi:02}{zone}"), Time)
            }
            Sem::NightBefore(day) => {
                let (v, _) = self.resolve(day, tense);
                match Pt::parse(&v).filter(|p| p.d.is_some()).and_then(|p| p.date()) {
                    Some(d) => (format!("{}TNI", ymd(d - chrono::Duration::days(1))), Time),
                    None => ("XXXX-XX-XXTNI".into(), Time),
                }
            }
            // "in der Nacht", "overnight" not told ahead, with no earlier day named: the night before the
            // publication day
            Sem::Pod { base, pod: "NI" }
                if matches!(**base, Sem::Focus)
                    && !self.narrative
                    && match (tense, self.named_day(tense).and_then(|p| p.date())) {
                        (Tense::Future, _) => false,
                        (Tense::Past, Some(d)) => Some(d) == self.anchor,
                        (_, d) => d.is_none(),
                    } =>
            {
                match self.anchor.and_then(|a| a.pred_opt()) {
                    Some(d) => (format!("{}TNI", ymd(d)), Time),
                    None => ("XXXX-XX-XXTNI".into(), Time),
                }
            }
            Sem::Pod { base, pod } => {
                let (v, _) = self.resolve(base, tense);
                if Pt::parse(&v).and_then(|p| p.d).is_some() {
                    (format!("{}T{pod}", &v[..10]), Time)
                } else {
                    (format!("XXXX-XX-XXT{pod}"), Time)
                }
            }
            Sem::Named { y, m, d } => {
                let thanks = *m == 0;
                let (m, d0) = if thanks { (11, 22) } else { (*m, *d) };
                let y = y.or_else(|| match (self.narrative, self.anchor) {
                    (false, Some(a)) => Some(year_for(a, m, Some(d0), tense)),
                    _ => self.base().map(|b| b.y),
                });
                let Some(y) = y else { return (format!("XXXX-{m:02}-{d0:02}"), Date) };
                let d = if thanks {
                    // Thanksgiving: fourth Thursday of November
                    let first =
                        NaiveDate::from_ymd_opt(y, 11, 1).map(|f| f.weekday().number_from_monday()).unwrap_or(1);
                    1 + (4 + 7 - first) % 7 + 21
                } else {
                    d0
                };
                (format!("{}-{m:02}-{d:02}", year_str(y)), Date)
            }
        }
    }

    /// Named relative references from the tables ("the quarter" in financial news = the last full quarter).
    fn special(&self, v: &str, tense: Tense) -> String {
        let a = self.anchor.map(Pt::of);
        match v {
            // "the latest quarter": the last one completed; "the quarter": the one the report is about
            "LATEST_Q" => self.rel(a, Unit::Quarter, -1.0),
            "FOCUS_Q" => self.quarter_back(0.0).unwrap_or_else(|| self.rel(a, Unit::Quarter, -1.0)),
            "YEAR_AGO_Q" => self.quarter_back(1.0).unwrap_or_else(|| self.rel(a, Unit::Quarter, -5.0)),
            "THIS_Y" => self.rel(a, Unit::Year, 0.0),
            // the closing day of the books: "by year-end" ahead, "since year-end" the last one
            "YEAR_END" => match self.anchor {
                Some(d) => format!("{}-12-31", year_str(year_for(d, 12, Some(31), tense))),
                None => "XXXX-12-31".into(),
            },
            "THIS_W" => self.rel(a, Unit::Week, 0.0),
            // "the weekend" on a weekday is the one just past, unless the clause speaks of the future
            "THIS_WE" => {
                let weekday = self.anchor.is_some_and(|d| d.weekday().number_from_monday() <= 5);
                let back = weekday && tense != Tense::Future;
                self.rel(a, Unit::Weekend, if back { -1.0 } else { 0.0 })
            }
            "TODAY" => self.rel(a, Unit::Day, 0.0),
            _ => v.to_string(),
        }
    }

    fn year_of_month(&self, m: u32, tense: Tense) -> Option<i32> {
        if self.narrative {
            return self.base().map(|b| b.y);
        }
        let a = self.anchor?;
        Some(year_for(a, m, None, if matches!(tense, Tense::Unknown | Tense::WeakPast) { Tense::Past } else { tense }))
    }

    fn cal(&self, y: Option<i32>, m: Option<u32>, d: Option<u32>, tense: Tense) -> String {
        let y = match y {
            Some(y) => Some(y),
            None => match m {
                None => None,
                Some(m) => {
                    if self.narrative {
                        self.base().map(|b| b.y)
                    } else {
                        self.anchor.map(|a| year_for(a, m, d, tense))
                    }
                }
            },
        };
        if let (None, None, Some(d)) = (y, m, d) {
            return match self.last.or(if self.narrative { None } else { self.anchor.map(Pt::of) }) {
                Some(Pt { y, m: Some(m), .. }) => format!("{}-{m:02}-{d:02}", year_str(y)),
                _ => format!("XXXX-XX-{d:02}"),
            };
        }
        let ys = y.map(year_str).unwrap_or_else(|| "XXXX".into());
        match (m, d) {
            (Some(m), Some(d)) => format!("{ys}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{ys}-{m:02}"),
            _ => ys,
        }
    }

    fn weekday(&self, wd: u32, off: i64, tense: Tense) -> String {
        let base = self.base().and_then(|b| b.date());
        let Some(a) = base else { return format!("XXXX-WXX-{wd}") };
        let aw = wd_num(a.weekday());
        let back = ((aw + 7 - wd) % 7) as i64;
        let fwd = ((wd + 7 - aw) % 7) as i64;
        let days = match off {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            _ => {
                let future = tense == Tense::Future || (self.narrative && tense != Tense::Past);
                if future {
                    fwd
                } else {
                    -back
                }
            }
        };
        ymd(a + Duration::days(days))
    }

    fn deictic(&self, n: i64) -> String {
        if self.narrative {
            if n == 0 {
                return "PRESENT_REF".into();
            }
            return match self.last.and_then(|p| p.date()) {
                Some(d) => ymd(d + Duration::days(n)),
                None => (if n < 0 { "PAST_REF" } else { "FUTURE_REF" }).into(),
            };
        }
        match self.anchor {
            Some(a) => ymd(a + Duration::days(n)),
            None => (if n < 0 {
                "PAST_REF"
            } else if n == 0 {
                "PRESENT_REF"
            } else {
                "FUTURE_REF"
            })
            .into(),
        }
    }

    fn rel_month(&self, m: u32, off: i64) -> String {
        let Some(a) = self.base() else { return format!("XXXX-{m:02}") };
        let am = a.m.unwrap_or(m);
        let y = match off {
            -1 => {
                if m < am {
                    a.y
                } else {
                    a.y - 1
                }
            }
            1 => {
                if m > am {
                    a.y
                } else {
                    a.y + 1
                }
            }
            0 => a.y,
            o => a.y + (o / 100) as i32,
        };
        format!("{}-{m:02}", year_str(y))
    }

    /// `base` moved by `n` units, at the base's granularity ("drei Monate später" after a day = a day).
    fn shift(&self, b: Pt, unit: Unit, n: f64) -> String {
        let whole = n.round() as i64;
        match (unit, b.date()) {
            (Unit::Day | Unit::Week, Some(d)) => {
                let days = if unit == Unit::Week { (n * 7.0).round() as i64 } else { whole };
                ymd(d + Duration::days(days))
            }
            (Unit::Month, Some(d)) => {
                let (y, m) = add_months(b.y, d.month(), whole);
                let dd = d.day().min(28);
                format!("{}-{m:02}-{:02}", year_str(y), if d.day() > 28 { d.day().min(days_in(y, m)) } else { dd })
            }
            (Unit::Year, Some(d)) if whole != 0 && unit == Unit::Year => year_str(d.year() + whole as i32),
            _ => self.rel(Some(b), unit, n),
        }
    }

    /// `base` shifted by `n` units, at that unit's granularity.
    fn rel(&self, base: Option<Pt>, unit: Unit, n: f64) -> String {
        let Some(b) = base else {
            return match unit {
                Unit::Year => "XXXX".into(),
                Unit::Month => "XXXX-XX".into(),
                Unit::Week | Unit::Weekend => "XXXX-WXX".into(),
                _ => "XXXX-XX-XX".into(),
            };
        };
        let whole = n.round() as i64;
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
                let days = match unit {
                    Unit::Day => whole,
                    Unit::Hour => (n / 24.0).round() as i64,
                    _ => 0,
                };
                match b.date() {
                    Some(d) => ymd(d + Duration::days(days)),
                    None => match b.m {
                        Some(m) => format!("{}-{m:02}-XX", year_str(b.y)),
                        None => format!("{}-XX-XX", year_str(b.y)),
                    },
                }
            }
            Unit::Week | Unit::Weekend => match b.date() {
                Some(d) => {
                    let w = week(d + Duration::days((n * 7.0).round() as i64));
                    if unit == Unit::Weekend {
                        format!("{w}-WE")
                    } else {
                        w
                    }
                }
                None => format!("{}-WXX", year_str(b.y)),
            },
            Unit::Month => match b.m {
                Some(m) => {
                    let (y, m) = add_months(b.y, m, whole);
                    format!("{}-{m:02}", year_str(y))
                }
                None => format!("{}-XX", year_str(b.y)),
            },
            Unit::Quarter => match b.m {
                Some(m) => {
                    let q = (m - 1) / 3;
                    let t = b.y as i64 * 4 + q as i64 + whole;
                    format!("{}-Q{}", year_str(t.div_euclid(4) as i32), t.rem_euclid(4) + 1)
                }
                None => format!("{}-QX", year_str(b.y)),
            },
            Unit::Year => year_str(b.y + whole as i32),
            Unit::Decade => format!("{:03}", (b.y as i64 + whole * 10).div_euclid(10)),
            Unit::Century => format!("{:02}", (b.y as i64 + whole * 100).div_euclid(100)),
        }
    }
}
