//! Trains the German entity tagger on the training part of GermEval 2014 dev (see `model::is_held_out`)
//! and writes `data/entities/ner_de.bin`.
//!
//!     cargo run --release -p lagebild-extract --example train_ner [-- EPOCHS]
//!
//! Reads `<repo>/../shared/data/ner-de/dev.jsonl`. Deterministic: same data, same weights.

use lagebild_core::{EntityKind, Lang};
use lagebild_extract::entities::{self, lexicon, model, token};
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../../../shared/data/ner-de/dev.jsonl");
    let epochs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(6);
    let text = std::fs::read_to_string(&data).unwrap_or_else(|e| panic!("{}: {e}", data.display()));
    let lex = lexicon::get();
    let mut train = Vec::new();
    for line in text.lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("json");
        let id = r["id"].as_str().unwrap_or("");
        if model::is_held_out(id) {
            continue;
        }
        let t = r["text"].as_str().unwrap_or("").to_string();
        let toks = token::tokenize(&t);
        let mut spans = Vec::new();
        for e in r["entities"].as_array().into_iter().flatten() {
            let kind = match e["kind"].as_str().unwrap_or("") {
                "PER" => EntityKind::Per,
                "ORG" => EntityKind::Org,
                "LOC" => EntityKind::Loc,
                "OTH" => EntityKind::Misc,
                _ => continue,
            };
            let (s, en) = (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            let inside: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].start >= s && toks[i].end <= en).collect();
            if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
                spans.push((a, b + 1, kind));
            }
        }
        let inf = model::infos(&t, &toks, true, lex);
        let gold = model::tags_of(toks.len(), &spans);
        train.push((inf, gold));
    }
    eprintln!("training on {} sentences, {epochs} epochs", train.len());
    let mut tr = model::Trainer::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for ep in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        let mut total = 0;
        for &k in &order {
            let (inf, gold) = &train[k];
            wrong += tr.learn(inf, gold);
            total += gold.len();
        }
        eprintln!("epoch {ep}: {wrong}/{total} wrong");
    }
    let m = tr.finish();
    eprintln!("held-out model only P/R/F1 {:?}", eval(&text, &m, false));
    eprintln!("held-out full pipeline P/R/F1 {:?}", eval(&text, &m, true));
    let bytes = m.to_bytes();
    let out = root.join("data/entities/ner_de.bin");
    std::fs::write(&out, &bytes).expect("write weights");
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    let _ = entities::extract("", Lang::De);
}

/// Held-out figures of one tagger (model only, and the full pipeline) for quick iteration:
/// `LAGEBILD_NER_EVAL=1` prints errors to stderr.
#[allow(dead_code)]
pub fn eval(data: &str, m: &model::Model, full: bool) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    let show = std::env::var("LAGEBILD_NER_EVAL").is_ok();
    for line in data.lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("json");
        if !model::is_held_out(r["id"].as_str().unwrap_or("")) {
            continue;
        }
        let text = r["text"].as_str().unwrap_or("");
        let mut gold = std::collections::HashSet::new();
        let mut ignore = Vec::new();
        for e in r["entities"].as_array().into_iter().flatten() {
            let (s, en) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            let kind = match e["kind"].as_str().unwrap_or("") {
                "PER" => EntityKind::Per,
                "ORG" => EntityKind::Org,
                "LOC" => EntityKind::Loc,
                "OTH" => EntityKind::Misc,
                _ => {
                    ignore.push((s, en));
                    continue;
                }
            };
            gold.insert((s, en, kind));
        }
        let got: std::collections::HashSet<(usize, usize, EntityKind)> = if full {
            entities::extract_with(text, Lang::De, Some(m)).into_iter().map(|e| (e.start, e.end, e.kind)).collect()
        } else {
            let toks = token::tokenize(text);
            let inf = model::infos(text, &toks, true, lexicon::get());
            model::spans(&m.tag(&inf)).into_iter().map(|(s, e, k)| (toks[s].start, toks[e - 1].end, k)).collect()
        };
        let got: std::collections::HashSet<_> =
            got.into_iter().filter(|&(s, e, _)| !ignore.iter().any(|&(a, b)| a < e && s < b)).collect();
        let chars: Vec<char> = text.chars().collect();
        let sub = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        for g in &gold {
            if got.contains(g) {
                tp += 1;
            } else {
                fnn += 1;
                if show {
                    eprintln!("FN {:?} {}", g.2, sub(g.0, g.1));
                }
            }
        }
        for p in got.difference(&gold) {
            fp += 1;
            if show {
                eprintln!("FP {:?} {}", p.2, sub(p.0, p.1));
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fnn).max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}
