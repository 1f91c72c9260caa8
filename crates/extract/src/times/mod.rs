//! Time expressions, normalised against a reference date (the article's publication date).
//!
//! Pipeline: `token` splits the text into whole words, digit runs and punctuation; `grammar` matches
//! patterns over tokens using one language's tables (`de`, `en`); `resolve` turns each match into a TIMEX3
//! value. Relative expressions ("am Freitag", "im Juni") use the anchor and the tense of the clause; in
//! narrative texts (most explicit years far from the anchor, e.g. history articles) underspecified dates
//! follow the last date the text mentioned, as HeidelTime's narrative mode does.

mod calendar;
mod de;
mod en;
mod events;
mod grammar;
mod resolve;
mod rules;
mod token;

use chrono::{Datelike, NaiveDate};
use grammar::{Raw, Sem, G};
use lagebild_core::{Lang, TimeExpr};
use resolve::{Ctx, Pt, Tense};
use rules::{Rules, Unit};
use token::{Kind, Tok};

fn triggers(lang: Lang) -> &'static std::collections::HashSet<&'static str> {
    static DE: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    static EN: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    match lang {
        Lang::De => DE.get_or_init(|| grammar::trigger_words(&de::RULES)),
        Lang::En => EN.get_or_init(|| grammar::trigger_words(&en::RULES)),
    }
}

fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::De => &de::RULES,
        Lang::En => &en::RULES,
    }
}

/// Every time expression in `text`, in text order; relative ones resolved against `anchor`.
pub fn extract(text: &str, lang: Lang, anchor: Option<NaiveDate>) -> Vec<TimeExpr> {
    let toks = token::tokenize(text);
    let r = rules(lang);
    let triggers = triggers(lang);
    let gate = toks
        .iter()
        .map(|t| match t.kind {
            Kind::Num => true,
            Kind::Punct => matches!(t.text, "'" | "’"),
            Kind::Word => triggers.contains(t.lower.as_str()) || grammar::maybe_compound(&t.lower, r),
        })
        .collect();
    let g = G { t: &toks, r, lang, gate };
    let mut raws: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match g.at(i) {
            Some(r) if r.e > i => {
                i = r.e;
                raws.push(r);
            }
            _ => i += 1,
        }
    }
    let events = events::event_raws(&toks, &raws, g.r, anchor);
    if !events.is_empty() {
        raws.extend(events);
        raws.sort_by_key(|r| r.s);
    }
    if raws.is_empty() {
        return Vec::new();
    }
    // "at around 2.30am on Wednesday", "overnight on Tuesday": a clock or part of the day right before a date is on
    // that date
    for k in 1..raws.len() {
        let (a, b) = raws.split_at_mut(k);
        let (cur, next) = (&mut a[k - 1], &b[0]);
        let linked = next.s - cur.e <= 1
            && (cur.e..next.s).all(|t| matches!(toks[t].lower.as_str(), "on" | "am"))
            && matches!(next.sem, Sem::Cal { d: Some(_), .. } | Sem::Weekday(_) | Sem::RelWeekday { .. });
        match &mut cur.sem {
            Sem::Clock { base: base @ None, .. } if linked => *base = Some(Box::new(next.sem.clone())),
            Sem::Pod { base, .. } if linked && matches!(**base, Sem::Focus) => **base = next.sem.clone(),
            _ => {}
        }
    }
    // "am 1. September 1939 um 4:45 Uhr": a clock right after a date is on that date
    let mut night: Option<Sem> = None;
    for k in 1..raws.len() {
        let (a, b) = raws.split_at_mut(k);
        let (prev, cur) = (&a[k - 1], &mut b[0]);
        if let Sem::Clock { base: base @ None, .. } = &mut cur.sem {
            let between = cur.s - prev.e;
            let linked = between <= 2
                && (prev.e..cur.s).all(|t| matches!(toks[t].lower.as_str(), "um" | "at" | "gegen" | "," | "around"));
            let dated = matches!(
                prev.sem,
                Sem::Cal { d: Some(_), .. } | Sem::Weekday(_) | Sem::Deictic(_) | Sem::RelWeekday { .. }
            );
            if linked && dated {
                *base = Some(Box::new(Sem::Same(rules::Unit::Day)));
            }
        }
        // After "in der Nacht zu Freitag" (and the clock times and day parts that follow it) a late hour is on Thursday evening, an early one or "am Morgen" on
        // Friday (the reference is the night's first day).
        night = match &prev.sem {
            Sem::NightBefore(_) => Some(prev.sem.clone()),
            Sem::Clock { .. } | Sem::Pod { .. } | Sem::Dur { .. } => night,
            _ => None,
        };
        if let Some(Sem::NightBefore(day)) = &night {
            let eve = || Box::new(Sem::NightBefore(day.clone()));
            match &mut cur.sem {
                Sem::Clock { base: base @ None, h, .. } => *base = Some(if *h >= 12 { eve() } else { day.clone() }),
                Sem::Pod { base, pod: "MO" | "MI" | "AF" } if matches!(**base, Sem::Focus) => {
                    *base = day.clone();
                }
                _ => {}
            }
        }
    }
    let cues = tense_cues(&toks, g.r, lang);
    let mut ctx = Ctx::new(anchor, !dateline(&toks) && is_narrative(&raws, anchor));
    // byte offsets of the tokens' starts/ends for slicing
    let mut out = Vec::with_capacity(raws.len());
    if raws.iter().any(|r| matches!(r.sem, Sem::Clock { zone: Some(rules::LOCAL_ZONE), .. })) {
        ctx.local = report_zone(&toks, g.r);
    }
    for r in &raws {
        let tense = tense_at(&toks, &cues, r, g.r);
        let (value, kind) = ctx.resolve(&r.sem, tense);
        // "a year earlier" compares with the quarter in focus; it does not move the focus
        // "a year earlier" compares with the quarter in focus; it does not move the focus. A longer period
        // ("the nine months", "the year") replaces the quarter as the thing compared.
        match r.sem {
            Sem::Ago { .. } | Sem::Shift { .. } | Sem::Ref("YEAR_AGO_Q") => {}
            Sem::YearPart { y, off, .. } if y.is_some() || off != 0 => {}
            Sem::Dur { n, unit: Unit::Month | Unit::Year } if n.is_none_or(|v| v > 3.0) => ctx.quarter = None,
            _ => ctx.note_quarter(&value),
        }
        if let Some(y) = explicit_year(&r.sem) {
            let heading =
                toks[r.s].nl && toks.get(r.e).is_none_or(|t| t.nl) && matches!(r.sem, Sem::Cal { m: None, .. });
            ctx.vote(y, heading);
        }
        // after "in der Nacht" the report's day is the morning after; a night ahead ("wir werden bis in die
        // Nacht zu tun haben") says nothing about the day of the events told next
        if tense != Tense::Future && matches!(&r.sem, Sem::Pod { base, pod: "NI" } if matches!(**base, Sem::Focus)) {
            if let Some(p) = Pt::parse(&value) {
                ctx.note_day(p.following(), tense);
            }
        }
        // a day the text named, not one inferred for an undated hour ("am Vormittag", "um 6 Uhr")
        let inferred = matches!(&r.sem, Sem::Clock { base: None, .. })
            || matches!(&r.sem, Sem::Pod { base, .. } if matches!(**base, Sem::Focus));
        if let Some(p) = Pt::parse(&value).filter(|_| !inferred) {
            let comparison = matches!(r.sem, Sem::Shift { .. } | Sem::YearPart { .. }) && value.contains("-Q");
            if !comparison
                && !matches!(r.sem, Sem::Dur { .. } | Sem::Set(_) | Sem::Ago { .. } | Sem::Decade(_) | Sem::Century(_))
            {
                let p = if matches!(r.sem, Sem::NightBefore(_)) { p.following() } else { p };
                ctx.note(p);
                ctx.note_day(p, tense);
            }
        }
        let (s, e) = (&toks[r.s], &toks[r.e - 1]);
        let b0 = byte_start(text, s);
        let b1 = byte_end(text, e);
        out.push(TimeExpr { start: s.c0, end: e.c1, text: text[b0..b1].to_string(), kind, value, mod_: r.m });
    }
    out
}

/// The zone a report's "local time" is in: the zone of the places of [`Rules::place_zones`] the text names
/// most often (the earliest on a tie). A name joined to the next word by a hyphen is part of another name
/// ("Agence France-Presse").
fn report_zone(toks: &[Tok<'_>], r: &Rules) -> Option<chrono_tz::Tz> {
    let places: Vec<(Vec<&str>, &str)> =
        r.place_zones.iter().map(|(name, zone)| (name.split(' ').collect(), *zone)).collect();
    let mut votes: Vec<(chrono_tz::Tz, usize)> = Vec::new();
    for i in 0..toks.len() {
        if toks[i].kind != Kind::Word {
            continue;
        }
        // every word of the name, the last one as the start of a word ("japan" in "japanischen")
        let hit = places.iter().find(|(words, _)| {
            words.iter().enumerate().all(|(k, w)| {
                toks.get(i + k)
                    .is_some_and(|t| if k + 1 == words.len() { t.lower.starts_with(w) } else { t.lower == *w })
            })
        });
        let Some((words, zone)) = hit else { continue };
        let end = i + words.len();
        if toks.get(end).is_some_and(|t| t.text == "-" && !t.gap) {
            continue;
        }
        if let Ok(tz) = zone.parse::<chrono_tz::Tz>() {
            match votes.iter_mut().find(|(z, _)| *z == tz) {
                Some((_, n)) => *n += 1,
                None => votes.push((tz, 1)),
            }
        }
    }
    // max_by_key keeps the last maximum; reversing keeps the earliest
    votes.into_iter().rev().max_by_key(|&(_, n)| n).map(|(tz, _)| tz)
}

fn explicit_year(sem: &Sem) -> Option<i32> {
    match sem {
        Sem::Cal { y: Some(y), .. } | Sem::Season { y: Some(y), .. } | Sem::Part { y: Some(y), .. } => Some(*y),
        Sem::Clock { base: Some(b), .. } | Sem::Pod { base: b, .. } => explicit_year(b),
        _ => None,
    }
}

fn byte_start(text: &str, t: &Tok<'_>) -> usize {
    t.text.as_ptr() as usize - text.as_ptr() as usize
}

fn byte_end(text: &str, t: &Tok<'_>) -> usize {
    byte_start(text, t) + t.text.len()
}

/// A text is a narrative when most of its explicit years lie years away from the anchor. News that recalls
/// history ("NATO was founded in 1949 …") still dates its own events by weekday ("said Friday"): two or more
/// weekdays mark a report about the days around its publication, not a narrative.
fn is_narrative(raws: &[Raw], anchor: Option<NaiveDate>) -> bool {
    let Some(a) = anchor else { return true };
    let weekdays = raws.iter().filter(|r| on_weekday(&r.sem)).count();
    if weekdays >= 2 {
        return false;
    }
    let mut far = 0;
    let mut all = 0;
    for r in raws {
        let y = match &r.sem {
            Sem::Cal { y: Some(y), .. } | Sem::Season { y: Some(y), .. } => *y,
            Sem::Clock { base: Some(b), .. } => match **b {
                Sem::Cal { y: Some(y), .. } => y,
                _ => continue,
            },
            _ => continue,
        };
        all += 1;
        if (y - a.year()).abs() >= 3 {
            far += 1;
        }
    }
    far >= 6 && far * 4 >= all * 3
}

/// A news dateline opens the text: an upper-case place name and a comma or dash ("INDEPENDENCE, Mo. (AP) _",
/// "MIAMI _"). Such a report is dated by its publication, however many past years it recalls.
fn dateline(toks: &[Tok<'_>]) -> bool {
    let caps =
        |t: &Tok<'_>| t.kind == Kind::Word && t.text.chars().count() >= 3 && t.text.chars().all(|c| c.is_uppercase());
    let n = toks.iter().take(4).take_while(|t| caps(t)).count();
    n > 0 && toks.get(n).is_some_and(|t| matches!(t.text, "," | "_" | "-" | "—" | "–" | "("))
}

fn on_weekday(sem: &Sem) -> bool {
    match sem {
        Sem::Weekday(_) | Sem::RelWeekday { .. } => true,
        Sem::Pod { base, .. } => on_weekday(base),
        Sem::Clock { base: Some(b), .. } => on_weekday(b),
        _ => false,
    }
}

/// Per token: -1 past cue, +1 future cue, 0 none.
fn tense_cues(toks: &[Tok<'_>], r: &Rules, lang: Lang) -> Vec<i8> {
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            if t.kind != Kind::Word {
                // English "'ll"
                return 0;
            }
            let w = t.lower.as_str();
            if rules::has(r.future_cues, w) {
                return 1;
            }
            if w == "ll" && i > 0 && toks[i - 1].text == "'" {
                return 1;
            }
            // "zu tun haben": an infinitive, no tense
            if toks[i.saturating_sub(2)..i].iter().any(|t| t.lower == "zu") {
                return 0;
            }
            if rules::has(r.past_cues, w) {
                // "said it was sending a team on Monday": a progressive told in the past is a plan
                let progressive = lang == Lang::En
                    && matches!(w, "was" | "were")
                    && toks.get(i + 1).is_some_and(|n| n.lower.len() > 5 && n.lower.ends_with("ing"));
                return if progressive { 1 } else { -1 };
            }
            if rules::has(r.report_cues, w) {
                return -2;
            }
            match lang {
                Lang::De => {
                    if !t.cap && w.len() >= 6 && w.ends_with('t') {
                        for pre in ["", "mit", "an", "auf", "aus", "bekannt", "fest", "zu", "vor", "ab", "ein", "bei"] {
                            if let Some(rest) = w.strip_prefix(pre) {
                                if rest.starts_with("ge") && rest.len() >= 5 {
                                    return -2;
                                }
                            }
                        }
                    }
                    0
                }
                Lang::En => {
                    if !t.cap
                        && w.len() >= 5
                        && w.ends_with("ed")
                        && !matches!(
                            w,
                            "need" | "speed" | "indeed" | "hundred" | "breed" | "proceed" | "succeed" | "exceed"
                        )
                    {
                        -2
                    } else {
                        0
                    }
                }
            }
        })
        .collect()
}

/// The tense of the clause around an expression: the nearest cue in the same sentence.
fn tense_at(toks: &[Tok<'_>], cues: &[i8], r: &Raw, rules: &Rules) -> Tense {
    let before = |p: &[&str]| {
        r.s >= p.len()
            && p.iter().zip(&toks[r.s - p.len()..r.s]).all(|(w, t)| t.lower == *w && t.sent == toks[r.s].sent)
    };
    if rules.past_pre.iter().any(|p| before(p)) {
        return Tense::Past;
    }
    if rules.future_pre.iter().any(|p| before(p)) {
        // the sentence around the expression (tokens are in sentence order)
        let sent = toks[r.s].sent;
        let from = toks[..r.s].iter().rposition(|t| t.sent != sent).map_or(0, |k| k + 1);
        let perfect =
            toks[from..].iter().take_while(|t| t.sent == sent).any(|t| rules::has(rules.pluperfect, &t.lower));
        return if perfect { Tense::Past } else { Tense::Future };
    }
    let sent = toks[r.s].sent;
    let mut best: Option<(usize, i8)> = None;
    let mut j = r.s;
    while j > 0 && toks[j - 1].sent == sent && r.s - j < 25 {
        j -= 1;
        if toks[j].text == "," && toks.get(j + 1).is_some_and(|t| rules::has(rules.clause_openers, &t.lower)) {
            break;
        }
        if cues[j] != 0 {
            best = Some((r.s - j, cues[j]));
            break;
        }
    }
    let mut k = r.e;
    while k < toks.len() && toks[k].sent == sent && k - r.e < 25 {
        if cues[k] != 0 {
            let d = k + 1 - r.e;
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, cues[k]));
            }
            break;
        }
        k += 1;
    }
    // "had been due to expire Friday": a future seen from a past point is past
    let pluperfect =
        || toks[..r.s].iter().rev().take_while(|t| t.sent == sent).any(|t| rules::has(rules.pluperfect, &t.lower));
    match best {
        Some((_, c)) if c > 0 && pluperfect() => Tense::Past,
        Some((_, c)) if c > 0 => Tense::Future,
        Some((_, -1)) => Tense::Past,
        // a participle/-ed form alone is a weak cue: past for weekdays (the default anyway)
        Some((_, c)) if c < 0 => Tense::WeakPast,
        _ => Tense::Unknown,
    }
}
