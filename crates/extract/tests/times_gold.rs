//! Time expressions against the gold sets in `<repo>/../shared/data` (skipped when absent):
//! WikiWarsDE (German, TIMEX2) and TempEval-3 (English, TIMEX3). Overlap P/R/F1 and value accuracy
//! (share of overlap-matched gold expressions whose value equals the predicted value).
//! `TIMES_DEBUG=1` prints misses, false alarms and value mismatches.

use chrono::NaiveDate;
use lagebild_core::Lang;
use lagebild_extract::times::extract;
use lagebild_testkit::bar_or_floor;
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

struct Score {
    p: f64,
    r: f64,
    f1: f64,
    vacc: f64,
    gold: usize,
}

fn eval(file: &str, lang: Lang) -> Option<Score> {
    let path = data_dir().join(file);
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("[skip] {} not found", path.display());
        return None;
    };
    let debug = std::env::var("TIMES_DEBUG").is_ok();
    let (mut n_pred, mut pred_ok, mut n_gold, mut gold_ok, mut val_ok) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = doc["text"].as_str().unwrap_or("");
        let dct = doc["dct"].as_str().unwrap_or("");
        let anchor = dct.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let chars: Vec<char> = text.chars().collect();
        let span = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let preds = extract(text, lang, anchor);
        let gold: Vec<(usize, usize, Option<String>)> = doc["times"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|g| {
                        (
                            g["start"].as_u64().unwrap() as usize,
                            g["end"].as_u64().unwrap() as usize,
                            g["value"].as_str().map(str::to_string),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let overlap = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        n_pred += preds.len();
        n_gold += gold.len();
        for p in &preds {
            if gold.iter().any(|g| overlap((p.start, p.end), (g.0, g.1))) {
                pred_ok += 1;
            } else if debug {
                println!("FP\t{}\t{:?}\t{}", doc["id"], p.text, p.value);
            }
        }
        for g in &gold {
            let best = preds
                .iter()
                .filter(|p| overlap((p.start, p.end), (g.0, g.1)))
                .max_by_key(|p| p.end.min(g.1) as i64 - p.start.max(g.0) as i64);
            match best {
                Some(p) => {
                    gold_ok += 1;
                    if g.2.as_deref() == Some(p.value.as_str()) {
                        val_ok += 1;
                    } else if debug {
                        let ctx = span(g.0.saturating_sub(60), (g.1 + 40).min(chars.len())).replace('\n', " ");
                        println!(
                            "VAL\t{}\t{:?}\tgold={:?}\tpred={:?} {}\tdct={dct}\t{ctx}",
                            doc["id"],
                            span(g.0, g.1),
                            g.2,
                            p.text,
                            p.value
                        );
                    }
                }
                None if debug => {
                    let ctx = span(g.0.saturating_sub(30), (g.1 + 30).min(chars.len())).replace('\n', " ");
                    println!("FN\t{}\t{:?}\t{:?}\t{}", doc["id"], span(g.0, g.1), g.2, ctx);
                }
                None => {}
            }
        }
    }
    let p = pred_ok as f64 / n_pred.max(1) as f64;
    let r = gold_ok as f64 / n_gold.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let vacc = val_ok as f64 / gold_ok.max(1) as f64;
    Some(Score { p, r, f1, vacc, gold: n_gold })
}

fn check(name: &str, file: &str, lang: Lang, f1_bar: f64, (val_bar, val_floor): (f64, f64)) {
    let Some(s) = eval(file, lang) else { return };
    println!("[gold] {name}: P={:.3} R={:.3} F1={:.3} value-acc={:.3} ({} gold)", s.p, s.r, s.f1, s.vacc, s.gold);
    assert!(s.f1 >= f1_bar, "{name}: overlap F1 {:.3} below {f1_bar}", s.f1);
    bar_or_floor(&format!("{name} value accuracy"), s.vacc, val_bar, val_floor);
}

#[test]
fn times_de_wikiwars() {
    check("times-de", "times-de/dev.jsonl", Lang::De, 0.93, (0.88, 0.88));
}

#[test]
fn times_en_tempeval() {
    check("times-en", "times-en/train.jsonl", Lang::En, 0.90, (0.85, 0.85));
}
