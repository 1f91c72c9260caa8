//! Calendar arithmetic and TIMEX3 value formatting shared by the resolver: durations, ISO weeks, month
//! shifts, and the year a month-day without a year falls in.

use super::resolve::Tense;
use super::rules::Unit;
use chrono::{Datelike, NaiveDate, Weekday};

pub(super) fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// TIMEX3 duration value.
pub fn duration(n: Option<f64>, u: Unit) -> String {
    let Some(v) = n else {
        return match u {
            Unit::Second => "PTXS",
            Unit::Minute => "PTXM",
            Unit::Hour => "PTXH",
            Unit::Day => "PXD",
            Unit::Week => "PXW",
            Unit::Weekend => "PXWE",
            Unit::Month => "PXM",
            Unit::Quarter => "PXQ",
            Unit::Year => "PXY",
            Unit::Decade => "PXDE",
            Unit::Century => "PXE",
        }
        .to_string();
    };
    match u {
        Unit::Second => format!("PT{}S", fmt_num(v)),
        Unit::Minute if v.fract() != 0.0 && (v * 60.0).fract() == 0.0 => {
            let (m, sec) = (v.trunc() as i64, ((v - v.trunc()) * 60.0).round() as i64);
            if m == 0 {
                format!("PT{sec}S")
            } else {
                format!("PT{m}M{sec}S")
            }
        }
        Unit::Minute => format!("PT{}M", fmt_num(v)),
        Unit::Hour if v.fract() != 0.0 && (v * 60.0).fract() == 0.0 => {
            let h = v.trunc() as i64;
            let m = ((v - v.trunc()) * 60.0).round() as i64;
            if h == 0 {
                format!("PT{m}M")
            } else {
                format!("PT{h}H{m}M")
            }
        }
        Unit::Hour => format!("PT{}H", fmt_num(v)),
        Unit::Day => format!("P{}D", fmt_num(v)),
        Unit::Week => format!("P{}W", fmt_num(v)),
        Unit::Weekend => format!("P{}D", fmt_num(v * 2.0)),
        Unit::Month => format!("P{}M", fmt_num(v)),
        Unit::Quarter => format!("P{}M", fmt_num(v * 3.0)),
        // "2 1/2 years" = P2Y6M: TIMEX values take whole numbers of the next smaller unit
        Unit::Year if v.fract() != 0.0 && (v * 12.0).fract() == 0.0 => {
            let (y, m) = (v.trunc() as i64, ((v - v.trunc()) * 12.0).round() as i64);
            if y == 0 {
                format!("P{m}M")
            } else {
                format!("P{y}Y{m}M")
            }
        }
        Unit::Year => format!("P{}Y", fmt_num(v)),
        Unit::Decade => format!("P{}Y", fmt_num(v * 10.0)),
        Unit::Century => format!("P{}Y", fmt_num(v * 100.0)),
    }
}

pub(super) fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

pub(super) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn year_str(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

pub(super) fn add_months(y: i32, m: u32, off: i64) -> (i32, u32) {
    let t = y as i64 * 12 + (m as i64 - 1) + off;
    (t.div_euclid(12) as i32, (t.rem_euclid(12) + 1) as u32)
}

pub(super) fn days_in(y: i32, m: u32) -> u32 {
    let (ny, nm) = add_months(y, m, 1);
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt()).map(|d| d.day()).unwrap_or(28)
}

pub(super) fn wd_num(w: Weekday) -> u32 {
    w.number_from_monday()
}

pub(super) fn season_start(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The year for a month/day without year, seen from `a` in the given tense.
pub(super) fn year_for(a: NaiveDate, m: u32, d: Option<u32>, tense: Tense) -> i32 {
    // the closest occurrence; a clear tense overrides it when the closest is over a month on the other side
    let c = year_for_strict(a, m, d, Tense::Unknown);
    let diff = (c as i64 - a.year() as i64) * 372 + (m as i64 * 31 + d.unwrap_or(15) as i64)
        - (a.month() as i64 * 31 + a.day() as i64);
    match tense {
        Tense::Past if diff > 31 => year_for_strict(a, m, d, Tense::Past),
        Tense::Future if diff < -31 => year_for_strict(a, m, d, Tense::Future),
        Tense::WeakPast if diff > 92 => year_for_strict(a, m, d, Tense::Past),
        _ => c,
    }
}

pub(super) fn year_for_strict(a: NaiveDate, m: u32, d: Option<u32>, tense: Tense) -> i32 {
    let y = a.year();
    let key = |mm: u32, dd: u32| mm * 100 + dd;
    let target = key(m, d.unwrap_or(0));
    let now = key(a.month(), if d.is_some() { a.day() } else { 0 });
    match tense {
        Tense::Past => {
            if target <= now {
                y
            } else {
                y - 1
            }
        }
        Tense::Future => {
            if target >= now {
                y
            } else {
                y + 1
            }
        }
        Tense::Unknown | Tense::WeakPast => {
            // the closest occurrence; ties go to the past
            let pos = |yy: i32| -> i64 { yy as i64 * 400 + m as i64 * 31 + d.unwrap_or(15) as i64 };
            let here = y as i64 * 400 + a.month() as i64 * 31 + a.day() as i64;
            let cands = [y - 1, y, y + 1];
            let mut best = y;
            let mut bd = i64::MAX;
            for c in cands {
                let mut dist = pos(c) - here;
                // the calendar distance in "days" where a year is 400: scale to days-in-year roughly
                if c != y {
                    dist = (c as i64 - y as i64) * 372 + (m as i64 * 31 + d.unwrap_or(15) as i64)
                        - (a.month() as i64 * 31 + a.day() as i64);
                }
                let cost = dist.abs() * 2 + if dist > 0 { 1 } else { 0 };
                if cost < bd {
                    bd = cost;
                    best = c;
                }
            }
            best
        }
    }
}
