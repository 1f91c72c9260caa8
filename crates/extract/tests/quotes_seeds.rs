//! The attributions a reader sees in the seed articles (`../shared/seeds`; skipped when absent).

use std::path::PathBuf;

use lagebild_core::{Lang, Quote};
use lagebild_extract::quotes;

fn seeds() -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        println!("[skip] {} not found", dir.display());
        return None;
    };
    let mut out: Vec<(String, String)> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    out.sort();
    Some(out)
}

fn speaker_names(q: &Quote) -> String {
    let mut s = String::new();
    if let Some(m) = &q.speaker {
        s.push_str(&m.text);
        s.push('|');
        s.push_str(m.entity.as_deref().unwrap_or(""));
    }
    s.to_lowercase()
}

#[test]
fn seed_attributions_found() {
    let Some(seeds) = seeds() else { return };
    let all: Vec<Quote> = seeds.iter().flat_map(|(_, t)| quotes::extract(t, Lang::De, &[])).collect();
    for q in &all {
        println!(
            "{:?} [{}] via [{}] :: {}",
            q.kind,
            speaker_names(q),
            q.via.as_ref().map(|m| m.text.as_str()).unwrap_or(""),
            q.content.text.chars().take(60).collect::<String>()
        );
    }
    // each speaker a reader sees (any spelling of it in the speaker text or its resolved name)
    let wanted: &[&[&str]] = &[
        &["yonhap"],
        &["geheimdienst", "nis", "nachrichtendienst"],
        &["budanov", "budanow"],
        &["selenskyj"],
        &["peskow"],
        &["kyodo"],
        &["kcna"],
        &["kim yong-hyun"],
        &["kirby"],
        &["tikhonov"],
        &["rutte"],
        &["yoon"],
        &["putin"],
        &["außenministerium"],
        &["kreml"],
    ];
    let mut missing = Vec::new();
    for names in wanted {
        let hit = all.iter().any(|q| {
            names.iter().any(|n| {
                speaker_names(q).contains(n) || q.via.as_ref().is_some_and(|v| v.text.to_lowercase().contains(n))
            })
        });
        if !hit {
            missing.push(names[0]);
        }
    }
    println!("[seeds] speakers found {}/{}; missing {:?}", wanted.len() - missing.len(), wanted.len(), missing);
    // chains: Yonhap relays the intelligence service, Kyodo a Ukrainian military source
    let chain = |via: &str, speaker: &str| {
        all.iter().any(|q| {
            q.via.as_ref().is_some_and(|v| v.text.to_lowercase().contains(via))
                && q.speaker.as_ref().is_some_and(|s| s.text.to_lowercase().contains(speaker))
        })
    };
    let yonhap = chain("yonhap", "geheimdienst");
    let kyodo = chain("kyodo", "militär") || chain("kyodo", "quelle");
    println!("[seeds] chains Yonhap→Geheimdienst {yonhap}, Kyodo→Militär {kyodo}");
    assert!(missing.is_empty(), "speakers not found: {missing:?}");
    assert!(yonhap && kyodo, "chains not found");
}
