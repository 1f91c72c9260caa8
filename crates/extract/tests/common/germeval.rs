//! GermEval 2014 (ner-de) for the German tagger: loading the JSON Lines, training the averaged perceptron
//! (deterministic) and scoring it. Shared by `tests/entities_gold.rs` and `examples/train_ner.rs`.
#![allow(dead_code)] // each includer (a test, an example) uses part of it

use lagebild_core::{EntityKind, Lang};
use lagebild_extract::entities::{self, dense, lexicon, model, token};
use rayon::prelude::*;
use std::collections::HashSet;

pub type Key = (usize, usize, EntityKind);

pub struct Rec {
    pub text: String,
    pub inf: Vec<model::TokInfo>,
    pub toks: Vec<token::Tok>,
    pub tags: Vec<usize>,
    pub gold: HashSet<Key>,
    /// `…deriv`/`…part` spans: predictions overlapping them count neither way
    pub ignore: Vec<(usize, usize)>,
    pub held_out: bool,
    /// e5 word states of `toks` ([`encode`]), for the neural tagger
    pub states: Option<Vec<f32>>,
}

pub fn kind(k: &str) -> Option<EntityKind> {
    Some(match k {
        "PER" => EntityKind::Per,
        "ORG" => EntityKind::Org,
        "LOC" => EntityKind::Loc,
        "OTH" => EntityKind::Misc,
        _ => return None,
    })
}

pub fn load(data: &str) -> Vec<Rec> {
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
        out.push(Rec { text, inf, toks, tags, gold, ignore, held_out, states: None });
    }
    out
}

/// Attaches e5 word states to every record (in parallel; the e5 engine is the slow part).
pub fn encode(recs: &mut [Rec], enc: &lagebild_embed::Encoder) {
    recs.par_iter_mut().for_each(|r| {
        let words: Vec<&str> = r.toks.iter().map(|t| &r.text[t.bstart..t.bend]).collect();
        let starts: Vec<bool> = r.inf.iter().map(|i| i.sent_start).collect();
        r.states = Some(dense::states(enc, &words, &starts).expect("e5 forward"));
    });
}

/// Trains the tagger; with e5 word states on every record, the neural one.
pub fn train(recs: &[&Rec], epochs: usize, quiet: bool) -> model::Model {
    let neural = !recs.is_empty() && recs.iter().all(|r| r.states.is_some());
    let mut tr = if neural {
        let (mean, inv_std) = dense::standardiser(recs.iter().filter_map(|r| r.states.as_deref()));
        model::Trainer::with_dense(mean, inv_std)
    } else {
        model::Trainer::new()
    };
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
            wrong += tr.learn(&recs[k].inf, &recs[k].tags, recs[k].states.as_deref());
            total += recs[k].tags.len();
        }
        if !quiet {
            eprintln!("epoch {ep}: {wrong}/{total} wrong");
        }
    }
    tr.finish()
}

/// P/R/F1 of one tagger on `recs` (model only, or the full pipeline with rules).
pub fn eval(recs: &[&Rec], m: &model::Model, full: bool, show: bool) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    for r in recs {
        let got: HashSet<Key> = if full {
            entities::extract_with(&r.text, Lang::De, Some(m), r.states.as_deref())
                .into_iter()
                .map(|e| (e.start, e.end, e.kind))
                .collect()
        } else {
            let t = &r.toks;
            model::spans(&m.tag(&r.inf, r.states.as_deref()))
                .into_iter()
                .map(|(s, e, k)| (t[s].start, t[e - 1].end, k))
                .collect()
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
