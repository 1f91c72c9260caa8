//! The seed articles (`../shared/seeds/*.txt`): the people and organisations a reader sees are found, and
//! their variants share one canonical name across the articles.

use lagebild_core::{Entity, EntityKind, Lang};
use lagebild_extract::entities;
use std::path::PathBuf;

fn load() -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).ok()?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let out: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), std::fs::read_to_string(p).ok()?)))
        .collect();
    (!out.is_empty()).then_some(out)
}

/// (surface variants, kind): each must be found as an entity of that kind in some article, and all found
/// variants must share one canonical name after cross-article canonicalisation.
const EXPECTED: &[(&[&str], EntityKind)] = &[
    (&["Budanov", "Budanow", "Kyrylo Budanov"], EntityKind::Per),
    (&["Selenskyj", "Wolodymyr Selenskyj"], EntityKind::Per),
    (&["Peskow", "Dmitri Peskow"], EntityKind::Per),
    (&["Kim Jong-un", "Kim Jong Un"], EntityKind::Per),
    (&["Yoon Suk-yeol", "Yoon Suk Yeol"], EntityKind::Per),
    (&["Kim Yong-hyun"], EntityKind::Per),
    (&["John Kirby"], EntityKind::Per),
    (&["Vladimir Tikhonov", "Tikhonov"], EntityKind::Per),
    (&["Mark Rutte", "Rutte"], EntityKind::Per),
    (&["Putin", "Wladimir Putin", "Putins"], EntityKind::Per),
    (&["Sinowjew", "Georgi Sinowjew"], EntityKind::Per),
    (&["Kim Hong Kyun"], EntityKind::Per),
    (&["Yonhap"], EntityKind::Org),
    (&["Kyodo"], EntityKind::Org),
    (&["KCNA"], EntityKind::Org),
    (&["NIS", "Nationalen Nachrichtendienstes"], EntityKind::Org),
    (&["NATO", "Nato"], EntityKind::Org),
];

#[test]
fn seeds_people_and_organisations() {
    let Some(arts) = load() else {
        println!("[skip] seeds: ../shared/seeds not found");
        return;
    };
    let mut all: Vec<Vec<Entity>> = arts.iter().map(|(_, t)| entities::extract(t, Lang::De)).collect();
    entities::canonicalize(&mut all);
    let mut missing = Vec::new();
    let mut split = Vec::new();
    let mut found = 0;
    for (variants, kind) in EXPECTED {
        let hits: Vec<&Entity> = all
            .iter()
            .flatten()
            .filter(|e| e.kind == *kind && variants.iter().any(|v| contains_word(&e.text, v)))
            .collect();
        // every variant that occurs in the text must be found
        let in_text: Vec<&&str> = variants.iter().filter(|v| arts.iter().any(|(_, t)| contains_word(t, v))).collect();
        let lost: Vec<&&str> =
            in_text.iter().copied().filter(|v| !hits.iter().any(|e| contains_word(&e.text, v))).collect();
        if hits.is_empty() || !lost.is_empty() {
            missing.push(format!("{variants:?} ({kind:?}): not found {lost:?}"));
            continue;
        }
        found += 1;
        let mut canon: Vec<&str> = hits.iter().map(|e| e.canonical.as_str()).collect();
        canon.sort();
        canon.dedup();
        if canon.len() > 1 {
            split.push(format!("{variants:?} → {canon:?}"));
        }
        println!("[seeds] {:<40} → {}", variants.join(" / "), canon.join(" | "));
    }
    println!("[seeds] found {found}/{} expected names; {} split across canonical names", EXPECTED.len(), split.len());
    assert!(missing.is_empty(), "missing: {missing:#?}");
    assert!(split.is_empty(), "variants not merged: {split:#?}");
}

fn contains_word(text: &str, w: &str) -> bool {
    text.match_indices(w).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '-');
        before && after
    })
}
