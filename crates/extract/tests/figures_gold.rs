//! Value F1 of the figures extractor on the quantities-en gold set (`<repo>/../shared/data`).
//!
//! Matching rule: a predicted figure matches a gold quantity when their spans overlap (code point
//! offsets, end exclusive) and their values are equal (relative tolerance 1e-6). For a predicted range
//! the value is its midpoint, which is how the gold set writes ranges (value ± uncertainty). Each gold
//! quantity and each prediction is matched at most once (greedy, in text order).
//! Precision = matched predictions / all predicted figures (vague ones, which have no value, count as
//! unmatched predictions); recall = matched gold quantities / all gold quantities.
//! The set is not news and follows its source's conventions where they differ from the figure contract
//! (years such as "in 1979", model names such as "Voyager 2", "a dozen" = 1 dozen); those cost recall.

use std::path::PathBuf;

use lagebild_core::Lang;
use lagebild_extract::figures::extract;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-12)
}

#[test]
fn quantities_en_value_f1() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/quantities-en/dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("[skip] quantities-en: {} not found", path.display());
        return;
    };
    let verbose = std::env::var("FIGURES_GOLD_VERBOSE").is_ok();
    let (mut pred_n, mut gold_n, mut tp_p, mut tp_g) = (0usize, 0usize, 0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).expect("jsonl record");
        let text = rec["text"].as_str().expect("text");
        let gold: Vec<(usize, usize, f64)> = rec["quantities"]
            .as_array()
            .expect("quantities")
            .iter()
            .map(|q| {
                (
                    q["start"].as_u64().unwrap() as usize,
                    q["end"].as_u64().unwrap() as usize,
                    q["value"].as_f64().unwrap(),
                )
            })
            .collect();
        let pred = extract(text, Lang::En);
        let mut gold_used = vec![false; gold.len()];
        for f in &pred {
            let hit = gold.iter().enumerate().find(|(g, &(s, e, v))| {
                !gold_used[*g] && f.start < e && s < f.end && f.value.is_some_and(|fv| close(fv, v))
            });
            if let Some((g, _)) = hit {
                gold_used[g] = true;
                tp_p += 1;
            } else if verbose {
                println!("  FP {:?} = {:?}  in {text:?}", f.text, f.value);
            }
        }
        if verbose {
            for (g, &(s, e, v)) in gold.iter().enumerate() {
                if !gold_used[g] {
                    let surface: String = text.chars().skip(s).take(e - s).collect();
                    println!("  FN {surface:?} = {v}  in {text:?}");
                }
            }
        }
        tp_g += gold_used.iter().filter(|&&u| u).count();
        pred_n += pred.len();
        gold_n += gold.len();
    }
    let p = tp_p as f64 / pred_n.max(1) as f64;
    let r = tp_g as f64 / gold_n.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!("[gold] quantities-en: P={p:.3} R={r:.3} F1={f1:.3} (predicted {pred_n}, gold {gold_n})");
    assert!(f1 >= 0.90, "quantities-en value F1 {f1:.3} below 0.90");
}
