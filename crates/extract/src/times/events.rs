//! Times named after an event: "in der Tatnacht" is the night of the crime. The text dates the event by
//! counting from the report's present ("Zwei Tage nach dem Einbruch gibt es eine Spur": the break-in was
//! two days before the publication day); words of [`Rules::event_times`] then name a part of that day.

use super::grammar::{Raw, Sem};
use super::rules::{Rules, Unit};
use super::token::{Kind, Tok};
use chrono::{Datelike, Duration, NaiveDate};

/// The day an event happened on: a span of whole days or weeks followed by [`Rules::event_after`]
/// ("Zwei Tage nach dem Einbruch", "two days after the break-in"), counted back from `anchor`.
fn event_day(toks: &[Tok<'_>], raws: &[Raw], r: &Rules, anchor: NaiveDate) -> Option<NaiveDate> {
    raws.iter().find_map(|raw| {
        let Sem::Dur { n: Some(n), unit } = raw.sem else { return None };
        let days = match unit {
            Unit::Day => n,
            Unit::Week => n * 7.0,
            _ => return None,
        };
        let after = r
            .event_after
            .iter()
            .any(|p| p.iter().enumerate().all(|(k, w)| toks.get(raw.e + k).is_some_and(|t| t.lower == *w)));
        (after && days.fract() == 0.0).then(|| anchor - Duration::days(days as i64))
    })
}

/// Raws for the words of [`Rules::event_times`], when the text dates its event; in token order.
pub fn event_raws(toks: &[Tok<'_>], raws: &[Raw], r: &Rules, anchor: Option<NaiveDate>) -> Vec<Raw> {
    if r.event_times.is_empty() {
        return Vec::new();
    }
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind == Kind::Word && r.event_times.iter().any(|(w, _)| *w == toks[i].lower))
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let Some(day) = anchor.and_then(|a| event_day(toks, raws, r, a)) else {
        return Vec::new();
    };
    let cal = Sem::Cal { y: Some(day.year()), m: Some(day.month()), d: Some(day.day()) };
    words
        .into_iter()
        .filter(|i| !raws.iter().any(|raw| raw.s <= *i && *i < raw.e))
        .map(|i| {
            let pod = r.event_times.iter().find(|(w, _)| *w == toks[i].lower).map_or("", |(_, p)| *p);
            // the night of the crime is the night that leads into its day
            let sem = match pod {
                "" => cal.clone(),
                "NI" => Sem::NightBefore(Box::new(cal.clone())),
                p => Sem::Pod { base: Box::new(cal.clone()), pod: p },
            };
            Raw { s: i, e: i + 1, sem, m: None }
        })
        .collect()
}
