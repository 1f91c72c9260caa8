//! Metadata found in text: publication dates in header lines, outlets from signatures.

use crate::rules::{self, Rules};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};

/// A date found in a header, with the precision the text gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderDate {
    /// `2024-10`
    Month(i32, u32),
    Day(NaiveDate),
    /// Local time as printed; without a zone, German-style times are read as Central European time.
    DateTime(NaiveDateTime),
    /// A time with a printed zone ("4:05 pm KST"), offset in minutes.
    Zoned(NaiveDateTime, i32),
}

impl HeaderDate {
    fn precision(&self) -> u8 {
        match self {
            HeaderDate::Month(..) => 0,
            HeaderDate::Day(_) => 1,
            HeaderDate::DateTime(_) | HeaderDate::Zoned(..) => 2,
        }
    }

    /// ISO 8601; local date-times get the Europe/Berlin offset in force on that day.
    pub fn to_iso(&self) -> String {
        match self {
            HeaderDate::Month(y, m) => format!("{y:04}-{m:02}"),
            HeaderDate::Day(d) => d.format("%Y-%m-%d").to_string(),
            HeaderDate::DateTime(dt) => match chrono_tz::Europe::Berlin.from_local_datetime(dt).earliest() {
                Some(local) => local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                None => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
            },
            HeaderDate::Zoned(dt, minutes) => match chrono::FixedOffset::east_opt(minutes * 60) {
                Some(offset) => match offset.from_local_datetime(dt).single() {
                    Some(t) => t.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                    None => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
                },
                None => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
            },
        }
    }

    /// Keeps the more precise of two dates.
    pub fn better(a: Option<HeaderDate>, b: Option<HeaderDate>) -> Option<HeaderDate> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.precision() > a.precision() { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// Finds a date in a header fragment: `21.10.2024 13:07 Uhr`, `21.10.2024`, `12. März 2025`,
/// `March 12, 2025`, `2024-10-21`, `2024-10`.
pub fn parse_date(s: &str) -> Option<HeaderDate> {
    let tokens: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '·').filter(|t| !t.is_empty()).collect();
    for (i, tok) in tokens.iter().enumerate() {
        let tok = tok.trim_end_matches(['.', ':', ';']);
        let (date, used) = match dotted_date(tok).or_else(|| iso_date(tok)) {
            Some(d) => (d, 1),
            None => match day_month_name_year(&tokens[i..]).or_else(|| month_name_day_year(&tokens[i..])) {
                Some(d) => (HeaderDate::Day(d), 3),
                None => continue,
            },
        };
        let HeaderDate::Day(day) = date else { return Some(date) };
        return Some(match time_after(&tokens[i + used..]) {
            Some((t, Some(zone))) => HeaderDate::Zoned(day.and_time(t), zone),
            Some((t, None)) => HeaderDate::DateTime(day.and_time(t)),
            None => date,
        });
    }
    None
}

/// A clock time right after a date, skipping "at", "um", dashes: "13:07 Uhr", "4:05 pm KST", "6:48 p.m. ADT".
fn time_after(tokens: &[&str]) -> Option<(NaiveTime, Option<i32>)> {
    let mut it = tokens
        .iter()
        .map(|t| t.trim_end_matches(['.', ',']).to_lowercase())
        .skip_while(|t| matches!(t.as_str(), "at" | "um" | "–" | "-" | "—"));
    let clock_tok = it.next()?;
    let mut time = clock(&clock_tok)?;
    let mut next = it.next();
    match next.as_deref() {
        Some("pm" | "p.m") if time.hour() < 12 => {
            time += chrono::Duration::hours(12);
            next = it.next();
        }
        Some("am" | "a.m") => next = it.next(),
        _ => {}
    }
    let zone = next.and_then(|z| rules::ZONES.iter().find(|(name, _)| *name == z).map(|&(_, m)| m));
    Some((time, zone))
}

fn dotted_date(tok: &str) -> Option<HeaderDate> {
    let parts: Vec<&str> = tok.split('.').collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let d = parts[0].parse().ok()?;
    let m = parts[1].parse().ok()?;
    let y = parts[2].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d).map(HeaderDate::Day)
}

fn iso_date(tok: &str) -> Option<HeaderDate> {
    let date_part = tok.split('T').next()?;
    let parts: Vec<&str> = date_part.split('-').collect();
    if parts[0].len() != 4 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    let m: u32 = parts.get(1)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1800..=2200).contains(&y) {
        return None;
    }
    match parts.get(2) {
        Some(d) if parts.len() == 3 => NaiveDate::from_ymd_opt(y, m, d.parse().ok()?).map(HeaderDate::Day),
        None => Some(HeaderDate::Month(y, m)),
        _ => None,
    }
}

fn clock(tok: &str) -> Option<NaiveTime> {
    let (h, m) = tok.split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.trim_end_matches(['.', ',']).parse().ok()?, 0)
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    rules::ALL.iter().find_map(|r| r.calendar.month(&w))
}

fn year(tok: &str) -> Option<i32> {
    let t = tok.trim_end_matches(['.', ',']);
    (t.len() == 4).then(|| t.parse().ok()).flatten()
}

/// `12. März 2025`, `20 May 2025`
fn day_month_name_year(t: &[&str]) -> Option<NaiveDate> {
    let first = t.first()?;
    let day: u32 = first.strip_suffix('.').unwrap_or(first).parse().ok()?;
    NaiveDate::from_ymd_opt(year(t.get(2)?)?, month_number(t.get(1)?)?, day)
}

/// `March 12, 2025`
fn month_name_day_year(t: &[&str]) -> Option<NaiveDate> {
    let month = month_number(t.first()?)?;
    let day: u32 = t.get(1)?.trim_end_matches(|c: char| !c.is_ascii_digit()).parse().ok()?;
    NaiveDate::from_ymd_opt(year(t.get(2)?)?, month, day)
}

/// Normalises a metadata date (RFC 3339, RFC 2822, ISO date, or a header-style date) to ISO 8601.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    if let Ok(dt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
        return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
    }
    parse_date(s).map(|d| d.to_iso())
}

/// An outlet named by a teaser, bio or footer line ("Folgst du schon 20 Minuten auf Whatsapp?").
pub fn outlet_in_line(line: &str, rules: &Rules) -> Option<String> {
    let lower = line.to_lowercase();
    for (before, after) in rules.outlet_frames {
        // "^": the name opens the line ("Continental Dispatch is an independent news service …")
        let pos = if *before == "^" { lower.contains(after).then_some(0) } else { lower.find(before) };
        let Some(pos) = pos else {
            continue;
        };
        // A bio frame (" ist seit 20") names the outlet after "bei".
        let (from, to_marker) = if before.starts_with(" ist seit") {
            let found = [" bei ", " beim "].iter().find_map(|w| lower[pos..].find(w).map(|i| (i, w.len())));
            let Some((bei, len)) = found else {
                continue;
            };
            // " und berichtet …" may follow the outlet name.
            (pos + bei + len, if lower[pos + bei..].contains(" und ") { " und" } else { "." })
        } else if *before == "^" {
            (0, *after)
        } else {
            (pos + before.len(), *after)
        };
        let rest = &line[from..];
        let end = rest.to_lowercase().find(to_marker).unwrap_or(rest.len());
        let mut name = rest[..end].trim().trim_end_matches(['.', ',', '!', '?']);
        for article in ["der ", "die ", "das ", "dem ", "den ", "the "] {
            if name.len() > article.len() && name[..article.len()].eq_ignore_ascii_case(article) {
                name = &name[article.len()..];
            }
        }
        if (2..=40).contains(&name.chars().count()) && name.split_whitespace().count() <= 4 {
            return Some(name.to_string());
        }
    }
    None
}

/// The outlet a masthead or footer line names in its first field: "Saale-Kurier – Nachrichten aus Halle",
/// "The Harbour Times · Serving Port Carrick", "© 2025 Pacific Ledger. All rights reserved."
pub fn outlet_in_masthead(line: &str) -> Option<String> {
    let mut rest = line.trim().trim_start_matches('©').trim_start();
    if let Some(after) = rest.strip_prefix("Copyright ") {
        rest = after;
    }
    if let Some((year, after)) = rest.split_once(' ') {
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            rest = after;
        }
    }
    let end = rules::FIELD_SEPARATORS.iter().filter_map(|sep| rest.find(sep)).min()?;
    let name = rest[..end].trim().trim_end_matches('.');
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    ((1..=4).contains(&words.len()) && capitalised).then(|| name.to_string())
}

/// A wire agency named in a dateline at the start of a paragraph: "Kiew (dpa).", "BERLIN (AFP) -".
pub fn agency_in_dateline(text: &str) -> Option<&'static str> {
    text.split("\n\n").find_map(|p| agency_in_paragraph_head(&p.chars().take(60).collect::<String>()))
}

fn agency_in_paragraph_head(head: &str) -> Option<&'static str> {
    let mut rest = head;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        let inside = after[..close].trim().to_lowercase();
        let first = inside.split(['/', ',', ' ']).next().unwrap_or("");
        if let Some(&(_, name)) = rules::AGENCIES.iter().find(|(key, _)| *key == first) {
            let before = rest[..open].trim_end();
            // A dateline: place name right before, and the sentence goes on after it.
            if before.chars().last().is_some_and(|c| c.is_alphabetic()) && !inside.starts_with("zu ") {
                return Some(name);
            }
        }
        rest = &after[close..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header_dates() {
        assert_eq!(parse_date("Stand: 21.10.2024 13:07 Uhr").unwrap().to_iso(), "2024-10-21T13:07:00+02:00");
        assert_eq!(parse_date("Stand: 02.12.2024 08:00 Uhr").unwrap().to_iso(), "2024-12-02T08:00:00+01:00");
        assert_eq!(parse_date("date 2024-10").unwrap().to_iso(), "2024-10");
        assert_eq!(parse_date("Veröffentlicht am 12. März 2025").unwrap().to_iso(), "2025-03-12");
        assert_eq!(parse_date("Published March 12, 2025").unwrap().to_iso(), "2025-03-12");
        assert_eq!(parse_date("Publiziert"), None);
        assert_eq!(parse_date("Publiziert 11. Juni 2025, 09:12").unwrap().to_iso(), "2025-06-11T09:12:00+02:00");
        assert_eq!(parse_date("Published: 20 May 2025, 4:05 pm KST").unwrap().to_iso(), "2025-05-20T16:05:00+09:00");
        assert_eq!(
            parse_date("Posted Sunday, July 13, 2025 at 6:48 p.m. ADT").unwrap().to_iso(),
            "2025-07-13T18:48:00-03:00"
        );
        assert_eq!(
            parse_date("14.03.2025, 18:20 Uhr | Lesezeit: 3 Min.").unwrap().to_iso(),
            "2025-03-14T18:20:00+01:00"
        );
    }

    #[test]
    fn normalizes_metadata_dates() {
        assert_eq!(normalize_date("Tue, 11 Mar 2025 09:30:00 +0100").unwrap(), "2025-03-11T09:30:00+01:00");
        assert_eq!(normalize_date("2025-03-11").unwrap(), "2025-03-11");
    }

    #[test]
    fn finds_outlets_in_teasers_and_bios() {
        let de = rules::ALL[0];
        assert_eq!(outlet_in_line("Folgst du schon Tagblatt Nord auf Whatsapp?", de).as_deref(), Some("Tagblatt Nord"));
        assert_eq!(
            outlet_in_line("Erika Muster (emu) ist seit 2019 bei Rheinblick. Sie schreibt über Politik.", de)
                .as_deref(),
            Some("Rheinblick")
        );
        assert_eq!(outlet_in_line("Die Regierung sagte nichts.", de), None);
        let en = rules::ALL[1];
        let footer = "Bay Courier is an independent news service for the coast. Contact the desk.";
        assert_eq!(outlet_in_line(footer, en).as_deref(), Some("Bay Courier"));
    }

    #[test]
    fn finds_outlets_in_mastheads() {
        assert_eq!(outlet_in_masthead("Nordblatt – Nachrichten aus dem Norden").as_deref(), Some("Nordblatt"));
        assert_eq!(outlet_in_masthead("© 2025 Bay Courier. All rights reserved.").as_deref(), Some("Bay Courier"));
        assert_eq!(outlet_in_masthead("Reporting by staff; editing by desk"), None);
    }

    #[test]
    fn finds_agencies_in_datelines_only() {
        assert_eq!(agency_in_dateline("Kiew (dpa). Der Präsident sagte"), Some("dpa"));
        assert_eq!(agency_in_dateline("PARIS (AFP) - The minister"), Some("AFP"));
        assert_eq!(agency_in_dateline("Ein Bild. (zu dpa: «Titel»)"), None);
    }
}
