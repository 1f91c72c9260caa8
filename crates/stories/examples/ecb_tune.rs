//! Parameter sweep on ECB+ for development: `cargo run --release -p lagebild-stories --example ecb_tune`.
//! Reads `<repo>/../shared/data/stories-en/dev.jsonl`; prints B-cubed F1 for file and shuffled order.

use lagebild_core::Lang;
use lagebild_stories::eval::bcubed;
use lagebild_stories::{cluster, Config, StoryInput};
use std::path::PathBuf;

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/stories-en/dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{} not found", path.display());
        return;
    };
    let mut inputs = Vec::new();
    let mut gold = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        inputs.push(StoryInput {
            id: v["id"].as_str().unwrap().to_string(),
            text: v["text"].as_str().unwrap().to_string(),
            language: Some(Lang::En),
            ..StoryInput::default()
        });
        gold.push(v["story"].as_str().unwrap().to_string());
    }
    let n = inputs.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut s: u64 = 0x2545_f491_4f6c_dd1d;
    for i in (1..n).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        order.swap(i, (s % (i as u64 + 1)) as usize);
    }
    let inputs_s: Vec<StoryInput> = order.iter().map(|&i| inputs[i].clone()).collect();
    let gold_s: Vec<&String> = order.iter().map(|&i| &gold[i]).collect();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let d = Config::default();
    let mut grid: Vec<Config> = vec![d.clone()];
    type Set = fn(&mut Config, f32);
    let knobs: [(&str, Set); 9] = [
        ("nc", |c, v| c.name_conflict = v),
        ("th", |c, v| c.threshold = v),
        ("nw", |c, v| c.name_weight = v),
        ("dw", |c, v| c.date_weight = v),
        ("numw", |c, v| c.number_weight = v),
        ("ct", |c, v| c.centroid_terms = v as usize),
        ("lk", |c, v| c.linkage = v),
        ("yc", |c, v| c.year_conflict = v),
        ("tw", |c, v| c.title_weight = v),
    ];
    for (name, set) in knobs {
        let Some(values) = args.iter().find_map(|a| a.strip_prefix(&format!("{name}="))) else { continue };
        let values: Vec<f32> = values.split(',').map(|x| x.parse().unwrap()).collect();
        grid = grid
            .into_iter()
            .flat_map(|c| {
                values.iter().map(move |&v| {
                    let mut c = c.clone();
                    set(&mut c, v);
                    c
                })
            })
            .collect();
    }
    for c in grid {
        let a = cluster(c.clone(), &inputs);
        let l: Vec<u64> = a.iter().map(|a| a.story.0).collect();
        let (p, r, f) = bcubed(&l, &gold);
        if let Ok(out) = std::env::var("DUMP") {
            let lines: Vec<String> = l.iter().zip(&gold).map(|(s, g)| format!("{s}\t{g}")).collect();
            std::fs::write(out, lines.join("\n")).unwrap();
        }
        let a = cluster(c.clone(), &inputs_s);
        let l: Vec<u64> = a.iter().map(|a| a.story.0).collect();
        let (ps, rs, fs) = bcubed(&l, &gold_s);
        println!(
            "F1={f:.3} shufF1={fs:.3} | nc={} th={} nw={} dw={} numw={} lk={} yc={} | file P={p:.3} R={r:.3} | shuffled P={ps:.3} R={rs:.3}",
            c.name_conflict, c.threshold, c.name_weight, c.date_weight, c.number_weight, c.linkage, c.year_conflict
        );
    }
}
