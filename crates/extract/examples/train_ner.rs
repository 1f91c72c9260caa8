//! Trains the German entity tagger on the training part of GermEval 2014 dev (see `model::is_held_out`)
//! and writes `data/entities/ner_de.bin`.
//!
//!     cargo run --release -p lagebild-extract --example train_ner [-- EPOCHS] [--cv]
//!
//! Reads `<repo>/../shared/data/ner-de/dev.jsonl`. Deterministic: same data, same weights. `--cv` writes
//! nothing: it prints the tagger's F1 by 3-fold cross-validation within the training part (for choosing
//! features and epochs without looking at the held-out third). `LAGEBILD_NER_EVAL=1` prints the held-out
//! errors to stderr.

use lagebild_core::{EntityKind, Lang};
use lagebild_extract::entities::{self, lexicon, model, token};
use std::collections::HashSet;
use std::path::PathBuf;

type Key = (usize, usize, EntityKind);

struct Rec {
    text: String,
    inf: Vec<model::TokInfo>,
    toks: Vec<token::Tok>,
    tags: Vec<usize>,
    gold: HashSet<Key>,
    /// `…deriv`/`…part` spans: predictions overlapping them count neither way
    ignore: Vec<(usize, usize)>,
    held_out: bool,
}

fn kind(k: &str) -> Option<EntityKind> {
    Some(match k {
        "PER" => EntityKind::Per,
        "ORG" => EntityKind::Org,
        "LOC" => EntityKind::Loc,
        "OTH" => EntityKind::Misc,
        _ => return None,
    })
}

fn load(data: &str) -> Vec<Rec> {
    let lex = lexicon::get();
    let mut out = Vec::new();
    for line in data.lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = r["text"].as_str().unwrap_or("").to_string();
        let toks = token::tokenize(&text);
        let (mut spans, mut gold, mut ignore) = (Vec::new(), HashSet::new(), Vec::new());
        for e in r["entities"].as_array().into_iter().flatten() {
            let (s, en) = (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            let Some(k) = kind(e["kind"].as_str().unwrap_or("")) else {
                ignore.push((s, en));
                continue;
            };
            gold.insert((s, en, k));
            let inside: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].start >= s && toks[i].end <= en).collect();
            if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
                spans.push((a, b + 1, k));
            }
        }
        let inf = model::infos(&text, &toks, true, lex);
        let tags = model::tags_of(toks.len(), &spans);
        let held_out = model::is_held_out(r["id"].as_str().unwrap_or(""));
        out.push(Rec { text, inf, toks, tags, gold, ignore, held_out });
    }
    out
}

fn train(recs: &[&Rec], epochs: usize, quiet: bool) -> model::Model {
    let mut tr = model::Trainer::new();
    let mut order: Vec<usize> = (0..recs.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for ep in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut wrong, mut total) = (0, 0);
        for &k in &order {
            wrong += tr.learn(&recs[k].inf, &recs[k].tags);
            total += recs[k].tags.len();
        }
        if !quiet {
            eprintln!("epoch {ep}: {wrong}/{total} wrong");
        }
    }
    tr.finish()
}

/// P/R/F1 of one tagger on `recs` (model only, or the full pipeline with rules).
fn eval(recs: &[&Rec], m: &model::Model, full: bool, show: bool) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    for r in recs {
        let got: HashSet<Key> = if full {
            entities::extract_with(&r.text, Lang::De, Some(m)).into_iter().map(|e| (e.start, e.end, e.kind)).collect()
        } else {
            let t = &r.toks;
            model::spans(&m.tag(&r.inf)).into_iter().map(|(s, e, k)| (t[s].start, t[e - 1].end, k)).collect()
        };
        let got: HashSet<Key> =
            got.into_iter().filter(|&(s, e, _)| !r.ignore.iter().any(|&(a, b)| a < e && s < b)).collect();
        let chars: Vec<char> = r.text.chars().collect();
        let sub = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        for g in &r.gold {
            if got.contains(g) {
                tp += 1;
            } else {
                fnn += 1;
                if show {
                    eprintln!("FN {:?} {}", g.2, sub(g.0, g.1));
                }
            }
        }
        for p in got.difference(&r.gold) {
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

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../../../shared/data/ner-de/dev.jsonl");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cv = args.iter().any(|a| a == "--cv");
    let epochs: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10);
    let text = std::fs::read_to_string(&data).unwrap_or_else(|e| panic!("{}: {e}", data.display()));
    let recs = load(&text);
    let train_part: Vec<&Rec> = recs.iter().filter(|r| !r.held_out).collect();
    if cv {
        let mut sum = [0f64; 4];
        for fold in 0..3 {
            let tr: Vec<&Rec> = train_part.iter().enumerate().filter(|(i, _)| i % 3 != fold).map(|x| *x.1).collect();
            let te: Vec<&Rec> = train_part.iter().enumerate().filter(|(i, _)| i % 3 == fold).map(|x| *x.1).collect();
            let m = train(&tr, epochs, true);
            let (p, r, f) = eval(&te, &m, false, false);
            let full = eval(&te, &m, true, false);
            eprintln!("fold {fold}: P/R/F1 {p:.3} {r:.3} {f:.3}, full pipeline F1 {:.3}", full.2);
            for (s, v) in sum.iter_mut().zip([p, r, f, full.2]) {
                *s += v / 3.0;
            }
        }
        eprintln!(
            "cv {epochs} epochs: P/R/F1 {:.3} {:.3} {:.3}, full pipeline F1 {:.3}",
            sum[0], sum[1], sum[2], sum[3]
        );
        return;
    }
    eprintln!("training on {} sentences, {epochs} epochs", train_part.len());
    let m = train(&train_part, epochs, false);
    let test: Vec<&Rec> = recs.iter().filter(|r| r.held_out).collect();
    let show = std::env::var("LAGEBILD_NER_EVAL").is_ok();
    eprintln!("held-out model only P/R/F1 {:?}", eval(&test, &m, false, show));
    eprintln!("held-out full pipeline P/R/F1 {:?}", eval(&test, &m, true, show));
    let bytes = m.to_bytes();
    let out = root.join("data/entities/ner_de.bin");
    std::fs::write(&out, &bytes).expect("write weights");
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
}
