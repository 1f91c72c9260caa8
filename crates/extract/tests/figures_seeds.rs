//! The figures a reader would name in the German seed articles (`<repo>/../shared/seeds`), checked by
//! value + hedge + counted thing, and the numbers that must not become figures (dates, years, ordinals,
//! the "24-Stunden" compound).

use std::path::PathBuf;

use lagebild_core::{Approx, Figure, Lang};
use lagebild_extract::figures::extract;

fn all_seed_figures() -> Option<Vec<Figure>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        println!("[skip] seeds: {} not found", dir.display());
        return None;
    };
    let mut paths: Vec<_> =
        rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    if paths.is_empty() {
        println!("[skip] seeds: no .txt in {}", dir.display());
        return None;
    }
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("readable seed");
        for f in extract(&text, Lang::De) {
            let got: String = text.chars().skip(f.start).take(f.end - f.start).collect();
            assert_eq!(got, f.text, "span text");
            out.push(f);
        }
    }
    Some(out)
}

/// (value or None for vague, approx, thing, minimum number of occurrences over all seeds)
const EXPECTED: &[(Option<f64>, Approx, Option<&str>, usize)] = &[
    (Some(1500.0), Approx::Exact, Some("soldat"), 4),
    (Some(2600.0), Approx::Exact, Some("soldat"), 1),
    (Some(11000.0), Approx::About, Some("truppe"), 1),
    (Some(12000.0), Approx::Exact, Some("soldat"), 2),
    (Some(2000.0), Approx::Exact, Some("soldat"), 1),
    (Some(12000.0), Approx::About, Some("soldat"), 2),
    (Some(3000.0), Approx::Exact, Some("soldat"), 1),
    (Some(15000.0), Approx::Exact, Some("nordkoreaner"), 1),
    (Some(13000.0), Approx::MoreThan, Some("container"), 2),
    (Some(20e9), Approx::MoreThan, Some("waffengeschäft"), 1),
    (Some(10.0), Approx::About, Some("offizier"), 1),
    (Some(1.4e6), Approx::Exact, Some("mensch"), 1),
    (None, Approx::About, Some("soldat"), 3),
    (None, Approx::About, None, 1),
];

#[test]
fn seed_figures() {
    let Some(figs) = all_seed_figures() else { return };
    for &(value, approx, thing, min) in EXPECTED {
        let n = figs
            .iter()
            .filter(|f| {
                f.value == value && f.vague == value.is_none() && f.approx == approx && f.thing.as_deref() == thing
            })
            .count();
        assert!(n >= min, "expected {min}× value={value:?} approx={approx:?} thing={thing:?}, found {n}");
    }
    let money = figs.iter().find(|f| f.value == Some(20e9)).expect("20 Milliarden Euro");
    assert_eq!(money.unit.as_deref(), Some("EUR"));
    assert_eq!(money.kind, lagebild_core::FigureKind::Money);
    // "Hunderte nordkoreanische Soldaten" and "Tausende" are vague amounts
    assert!(figs.iter().any(|f| f.vague && f.text.starts_with("Hunderte ")));
    assert!(figs.iter().filter(|f| f.vague && f.text.starts_with("Tausende")).count() >= 2);
}

#[test]
fn seed_non_figures() {
    let Some(figs) = all_seed_figures() else { return };
    for bad in [2021.0, 2022.0, 2023.0, 2024.0, 24.0, 1.0, 21.0, 13.0] {
        assert!(
            !figs.iter().any(|f| f.value == Some(bad)),
            "{bad} must not be a figure: {:?}",
            figs.iter().find(|f| f.value == Some(bad))
        );
    }
    assert!(!figs.iter().any(|f| f.text.contains("Stunden")), "no 24-Stunden-Sendung");
}
