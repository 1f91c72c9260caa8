//! The time expressions a reader sees in the German seed articles (`<repo>/../shared/seeds`), resolved
//! against the publication dates the issue gives: 000 and 004 on 2024-10-22, 001 and 003 on 2024-10-21,
//! 002 on 2024-10-25. Skips with a message when the seeds are absent.

use std::path::PathBuf;

use chrono::NaiveDate;
use lagebild_core::{Lang, TimeExpr, TimeMod};
use lagebild_extract::times::extract;

const ANCHORS: &[(&str, &str)] = &[
    ("000", "2024-10-22"),
    ("001", "2024-10-21"),
    ("002", "2024-10-25"),
    ("003", "2024-10-21"),
    ("004", "2024-10-22"),
];

/// (seed, expression text, value, mod)
const EXPECTED: &[(&str, &str, &str, Option<TimeMod>)] = &[
    ("000", "Dienstag", "2024-10-22", None),
    ("000", "vergangene Woche", "2024-W42", None),
    ("000", "Februar 2022", "2022-02", None),
    ("000", "August 2023", "2023-08", None),
    ("000", "Juni", "2024-06", None),
    ("001", "2022", "2022", None),
    ("001", "Anfang August", "2024-08", Some(TimeMod::Start)),
    ("001", "1. November", "2024-11-01", None),
    ("002", "Sommer", "2024-SU", None),
    ("002", "Vergangene Woche", "2024-W42", None),
    ("002", "vergangenen Sommer", "2024-SU", None),
    ("002", "Februar 2022", "2022-02", None),
    ("002", "August", "2024-08", None),
    ("002", "Donnerstag", "2024-10-24", None),
    ("002", "Mitte Oktober", "2024-10", Some(TimeMod::Mid)),
    ("003", "2024-10", "2024-10", None),
    ("003", "21.10.2024 13:07 Uhr", "2024-10-21T13:07", None),
    ("003", "Freitag", "2024-10-18", None),
    ("003", "Juni", "2024-06", None),
    ("004", "den vergangenen Wochen", "PAST_REF", None),
];

fn seeds() -> Option<Vec<(String, String, NaiveDate)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        println!("[skip] seeds: {} not found", dir.display());
        return None;
    };
    let mut out = Vec::new();
    for e in rd.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(&(id, date)) = ANCHORS.iter().find(|(id, _)| name.starts_with(id)) else { continue };
        let text = std::fs::read_to_string(e.path()).expect("readable seed");
        out.push((id.to_string(), text, NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap()));
    }
    if out.len() != ANCHORS.len() {
        println!("[skip] seeds: expected {} seeds in {}", ANCHORS.len(), dir.display());
        return None;
    }
    out.sort();
    Some(out)
}

#[test]
fn seed_times_resolve_against_their_publication_dates() {
    let Some(seeds) = seeds() else { return };
    let mut all: Vec<(String, TimeExpr)> = Vec::new();
    for (id, text, anchor) in &seeds {
        for t in extract(text, Lang::De, Some(*anchor)) {
            let got: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(got, t.text, "span text in seed {id}");
            all.push((id.clone(), t));
        }
    }
    let mut ok = 0;
    for &(id, text, value, m) in EXPECTED {
        let hit = all.iter().find(|(i, t)| i == id && t.text == text);
        match hit {
            Some((_, t)) if t.value == value && t.mod_ == m => ok += 1,
            Some((_, t)) => println!("  seed {id}: {text:?} = {} {:?}, expected {value} {m:?}", t.value, t.mod_),
            None => println!("  seed {id}: {text:?} not found"),
        }
    }
    println!("[gold] seeds times: {ok}/{} expressions with the right value and mod", EXPECTED.len());
    assert_eq!(ok, EXPECTED.len(), "every expected seed time expression resolved right");
    // amounts and durations are not dates: "die ersten 2000 (Soldaten)", "nach zweieinhalb Jahren Krieg"
    for (id, t) in &all {
        assert!(!(t.text == "2000" || t.value == "2000"), "seed {id}: '2000' read as a year");
        assert!(!t.value.starts_with("2027"), "seed {id}: {:?} = {} lies years ahead", t.text, t.value);
    }
}
