//! HTML main-text extraction against two public gold sets in `../shared/data` (see its README, sections
//! html-de and html-en): every page goes through [`lagebild_ingest::extract_html`], the set's own metric is
//! computed, the figures are printed and the bar asserted. Skips with a message when the data is absent.
//!
//! `LAGEBILD_GOLD_WORST=N` also prints the N worst pages of each set (ids only) for debugging;
//! `LAGEBILD_GOLD_FP=1` prints each html-de `without` snippet found, with the output line holding it. Both sets
//! are also reported in two halves split by a hash of the page id.

use flate2::read::GzDecoder;
use lagebild_ingest::{decode_html, extract_html};
use lagebild_testkit::bar_or_floor;
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

fn data_dir(set: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(set);
    if dir.join("dev.jsonl").is_file() {
        Some(dir)
    } else {
        println!("[skip] {set}: ../shared/data not found");
        None
    }
}

fn records(dir: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join("dev.jsonl")).expect("read dev.jsonl");
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

/// The page's text as lagebild extracts it (empty when it finds no main text).
fn extracted(dir: &Path, record: &Value) -> String {
    let file = dir.join(record["file"].as_str().expect("file"));
    let mut bytes = Vec::new();
    GzDecoder::new(std::fs::File::open(&file).expect("open page")).read_to_end(&mut bytes).expect("gunzip page");
    extract_html(&decode_html(&bytes)).map(|p| p.text).unwrap_or_default()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Which half of a dev split a page falls in (FNV-1a of its id), to check that a change helps on both halves
/// and is not fitted to a few pages.
fn half(id: &str) -> u64 {
    id.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3)) % 2
}

fn worst(set: &str, mut scored: Vec<(f64, String)>) {
    let n: usize = std::env::var("LAGEBILD_GOLD_WORST").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    for (score, id) in scored.into_iter().take(n) {
        println!("[worst] {set}: {score:.3} {id}");
    }
}

/// html-de (trafilatura's evaluation set): over all pages, a `with` snippet found in the output is a true
/// positive, a missing one a false negative, a `without` snippet found a false positive.
#[test]
fn html_de_main_text() {
    let Some(dir) = data_dir("html-de") else { return };
    let recs = records(&dir);
    let counts: Vec<(usize, usize, usize, String)> = recs
        .par_iter()
        .map(|r| {
            let text = extracted(&dir, r);
            let with = strings(&r["with"]);
            let tp = with.iter().filter(|s| text.contains(*s)).count();
            let fps: Vec<&str> = strings(&r["without"]).into_iter().filter(|s| text.contains(*s)).collect();
            if std::env::var_os("LAGEBILD_GOLD_FP").is_some() {
                for s in &fps {
                    let line = text.lines().find(|l| l.contains(*s)).unwrap_or_default();
                    println!("[fp] {}: {s} || {line}", r["id"].as_str().unwrap_or_default());
                }
            }
            let fp = fps.len();
            (tp, with.len() - tp, fp, r["id"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    let (tp, fn_, fp) = counts.iter().fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = f1(p, r);
    println!("[gold] html-de: P={p:.3} R={r:.3} F1={f:.3} ({} pages; TP={tp} FN={fn_} FP={fp})", recs.len());
    for part in 0..2 {
        let (tp, fn_, fp) =
            counts.iter().filter(|c| half(&c.3) == part).fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
        let (p, r) = (tp as f64 / (tp + fp).max(1) as f64, tp as f64 / (tp + fn_).max(1) as f64);
        println!("[gold] html-de part {part}: P={p:.3} R={r:.3} F1={:.3} (TP={tp} FN={fn_} FP={fp})", f1(p, r));
    }
    worst("html-de", counts.into_iter().map(|c| (-((c.1 + c.2) as f64), c.3)).collect());
    bar_or_floor("html-de F1", f, 0.92, 0.92);
}

fn token_counts(text: &str) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for t in text.split_whitespace() {
        *m.entry(t).or_insert(0) += 1;
    }
    m
}

/// Token-level precision and recall of one page (multisets of whitespace tokens). As in the benchmark's
/// own code: nothing expected and nothing extracted is perfect, no overlap at all scores zero.
fn page_pr(extracted: &str, body: &str) -> (f64, f64) {
    let (pred, gold) = (token_counts(extracted), token_counts(body));
    let (n_pred, n_gold): (usize, usize) = (pred.values().sum(), gold.values().sum());
    let tp: usize = pred.iter().map(|(t, n)| (*n).min(gold.get(t).copied().unwrap_or(0))).sum();
    let (fp, fn_) = (n_pred - tp, n_gold - tp);
    if fp == 0 && fn_ == 0 {
        (1.0, 1.0)
    } else if tp == 0 {
        (0.0, 0.0)
    } else {
        (tp as f64 / n_pred as f64, tp as f64 / n_gold as f64)
    }
}

/// html-en (Zyte's article-extraction-benchmark): token precision and recall per page, averaged over
/// pages; F1 from the averaged precision and recall.
#[test]
fn html_en_main_text() {
    let Some(dir) = data_dir("html-en") else { return };
    let recs = records(&dir);
    let scores: Vec<(f64, f64, String)> = recs
        .par_iter()
        .map(|r| {
            let (p, rc) = page_pr(&extracted(&dir, r), r["body"].as_str().unwrap_or_default());
            (p, rc, r["id"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    let n = scores.len().max(1) as f64;
    let p = scores.iter().map(|s| s.0).sum::<f64>() / n;
    let r = scores.iter().map(|s| s.1).sum::<f64>() / n;
    let f = f1(p, r);
    println!("[gold] html-en: P={p:.3} R={r:.3} F1={f:.3} ({} pages)", recs.len());
    for part in 0..2 {
        let in_part: Vec<_> = scores.iter().filter(|s| half(&s.2) == part).collect();
        let n = in_part.len().max(1) as f64;
        let p = in_part.iter().map(|s| s.0).sum::<f64>() / n;
        let r = in_part.iter().map(|s| s.1).sum::<f64>() / n;
        println!("[gold] html-en part {part}: P={p:.3} R={r:.3} F1={:.3} ({} pages)", f1(p, r), in_part.len());
    }
    worst("html-en", scores.into_iter().map(|s| (f1(s.0, s.1), s.2)).collect());
    assert!(f >= 0.95, "html-en F1 {f:.4} below the bar 0.95");
}

#[test]
fn page_pr_counts_multisets() {
    assert_eq!(page_pr("a b", "a b"), (1.0, 1.0));
    assert_eq!(page_pr("", ""), (1.0, 1.0));
    assert_eq!(page_pr("x", "a"), (0.0, 0.0));
    assert_eq!(page_pr("a a b", "a b b c"), (2.0 / 3.0, 2.0 / 4.0));
}
