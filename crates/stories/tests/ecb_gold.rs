//! Story clustering on ECB+ (topics 1–35, two events of the same kind per topic), read from
//! `<repo>/../shared/data/stories-en/dev.jsonl`; prints `[skip] …` when that folder is absent.
//!
//! Articles are fed in file order and in a fixed shuffled order, with no dates (the corpus has none) and
//! without the `url` field. The baseline is TF-IDF + average-link agglomerative clustering with its threshold
//! tuned on the same data.

use lagebild_core::Lang;
use lagebild_stories::eval::{bcubed, tuned_baseline};
use lagebild_stories::{cluster, Config, StoryInput};
use lagebild_testkit::bar_or_floor;
use std::path::PathBuf;

fn load() -> Option<(Vec<StoryInput>, Vec<String>)> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let path = data.join("stories-en/dev.jsonl");
    if !data.is_dir() || !path.is_file() {
        println!("[skip] stories-en: {} not found", path.display());
        return None;
    }
    let text = std::fs::read_to_string(&path).expect("read dev.jsonl");
    let mut inputs = Vec::new();
    let mut gold = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        inputs.push(StoryInput {
            id: v["id"].as_str().expect("id").to_string(),
            text: v["text"].as_str().expect("text").to_string(),
            language: Some(Lang::En),
            ..StoryInput::default()
        });
        gold.push(v["story"].as_str().expect("story").to_string());
    }
    Some((inputs, gold))
}

/// A fixed permutation (xorshift), so that the two events of a topic arrive interleaved with all others.
fn shuffled(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut s: u64 = 0x2545_f491_4f6c_dd1d;
    for i in (1..n).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        order.swap(i, (s % (i as u64 + 1)) as usize);
    }
    order
}

#[test]
fn ecb_plus_story_clustering() {
    let Some((inputs, gold)) = load() else { return };
    let n = inputs.len();

    let assigned = cluster(Config::default(), &inputs);
    let labels: Vec<u64> = assigned.iter().map(|a| a.story.0).collect();
    let (p, r, f) = bcubed(&labels, &gold);
    let stories = labels.iter().collect::<std::collections::BTreeSet<_>>().len();
    println!("[gold] stories-en: B3 P={p:.3} R={r:.3} F1={f:.3} ({n} docs, file order, {stories} stories)");

    let order = shuffled(n);
    let inputs_s: Vec<StoryInput> = order.iter().map(|&i| inputs[i].clone()).collect();
    let gold_s: Vec<&String> = order.iter().map(|&i| &gold[i]).collect();
    let assigned_s = cluster(Config::default(), &inputs_s);
    let labels_s: Vec<u64> = assigned_s.iter().map(|a| a.story.0).collect();
    let (ps, rs, fs) = bcubed(&labels_s, &gold_s);
    println!("[gold] stories-en: B3 P={ps:.3} R={rs:.3} F1={fs:.3} ({n} docs, shuffled order)");

    let (t, bp, br, bf) = tuned_baseline(&inputs, &gold);
    println!("[gold] stories-en baseline TF-IDF + average link (threshold {t:.3} tuned on these topics): B3 P={bp:.3} R={br:.3} F1={bf:.3} ({n} docs)");

    bar_or_floor("stories-en B3 F1 (file order)", f, 0.92, 0.90);
    assert!(f > bf, "no better than the baseline ({f:.3} vs {bf:.3})");
}
