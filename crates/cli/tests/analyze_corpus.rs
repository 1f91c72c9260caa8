//! `lagebild analyze` on the example corpus (and the seeds when ../shared/seeds exists): stories equal to the
//! gold labels (B-cubed printed), the seeds as one story apart from every example story, and every span in
//! the JSON output equal to the text it claims.

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn analyze(paths: &[PathBuf]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .arg("analyze")
        .arg("--format")
        .arg("json")
        .args(paths)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn bcubed(pred: &HashMap<String, String>, gold: &HashMap<String, String>) -> (f64, f64) {
    let ids: Vec<&String> = pred.keys().collect();
    let (mut p, mut r) = (0.0, 0.0);
    for i in &ids {
        let sp: HashSet<&&String> = ids.iter().filter(|j| pred[**j] == pred[*i]).collect();
        let sg: HashSet<&&String> = ids.iter().filter(|j| gold[**j] == gold[*i]).collect();
        let both = sp.intersection(&sg).count() as f64;
        p += both / sp.len() as f64;
        r += both / sg.len() as f64;
    }
    (p / ids.len() as f64, r / ids.len() as f64)
}

#[test]
fn stories_spans_and_seeds() {
    let corpus = root().join("examples/corpus");
    let seeds = root().join("../shared/seeds");
    let with_seeds = seeds.is_dir();
    let mut paths = vec![corpus.clone()];
    if with_seeds {
        paths.push(seeds.clone());
    } else {
        println!("[skip] seeds part: ../shared/seeds not found");
    }
    let doc = analyze(&paths);
    assert_eq!(doc["schema_version"], 1);

    // Every span equals the text it claims.
    let mut texts: HashMap<String, String> = HashMap::new();
    let (mut spans, mut exact) = (0usize, 0usize);
    let mut check = |text: &str, v: &Value| {
        spans += 1;
        let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        if slice(text, s, e) == v["text"].as_str().unwrap() {
            exact += 1;
        }
    };
    for a in doc["articles"].as_array().unwrap() {
        let text = a["text"].as_str().unwrap();
        texts.insert(a["id"].as_str().unwrap().to_string(), text.to_string());
        for kind in ["entities", "figures", "times"] {
            for f in a[kind].as_array().unwrap() {
                check(text, f);
            }
        }
        for q in a["quotes"].as_array().unwrap() {
            for part in ["speaker", "cue", "content", "via"] {
                if !q[part].is_null() {
                    check(text, &q[part]);
                }
            }
        }
    }
    for s in doc["stories"].as_array().unwrap() {
        for part in ["timeline", "summary"] {
            for item in s[part].as_array().unwrap() {
                check(&texts[item["article"].as_str().unwrap()], item);
            }
        }
    }
    println!("[gold] analyze: {exact}/{spans} spans equal their text");
    assert_eq!(exact, spans);

    // Stories against the gold labels.
    let gold_json: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("examples/gold.json")).unwrap()).unwrap();
    let story_of: HashMap<&str, &str> = gold_json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["source"].as_str().unwrap(), a["story"].as_str().unwrap()))
        .collect();
    let prefix = format!("{}/", corpus.display());
    let mut pred = HashMap::new();
    let mut gold = HashMap::new();
    let mut source_of = HashMap::new();
    for a in doc["articles"].as_array().unwrap() {
        source_of.insert(a["id"].as_str().unwrap().to_string(), a["source"].as_str().unwrap().to_string());
    }
    for s in doc["stories"].as_array().unwrap() {
        for id in s["articles"].as_array().unwrap() {
            let id = id.as_str().unwrap().to_string();
            let src = &source_of[&id];
            let label = match src.strip_prefix(&prefix) {
                Some(rel) => story_of[rel].to_string(),
                None => "seeds".to_string(),
            };
            pred.insert(id.clone(), s["id"].as_str().unwrap().to_string());
            gold.insert(id, label);
        }
    }
    let (p, r) = bcubed(&pred, &gold);
    let f = 2.0 * p * r / (p + r);
    println!(
        "[gold] analyze stories (examples{}): B3 P={p:.3} R={r:.3} F1={f:.3}",
        if with_seeds { " + seeds" } else { "" }
    );
    assert!(p >= 0.99, "articles of different stories were merged");
    // The gold assignment exactly, German and English reports of one story together.
    assert!(p > 0.9999 && r > 0.9999, "stories differ from the gold assignment: B3 P {p:.3} R {r:.3}");
    if with_seeds {
        let seed_stories: HashSet<&String> =
            pred.iter().filter(|(id, _)| gold[*id] == "seeds").map(|(_, s)| s).collect();
        assert_eq!(seed_stories.len(), 1, "the five seeds form one story");
        let members = pred.values().filter(|s| seed_stories.contains(s)).count();
        assert_eq!(members, 5, "no example article joins the seeds' story");
        let story_id = *seed_stories.iter().next().unwrap();
        let story = doc["stories"].as_array().unwrap().iter().find(|s| s["id"].as_str() == Some(story_id)).unwrap();
        let soldiers = story["figure_groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["thing"] == "soldat")
            .expect("a soldier figure group");
        let values: Vec<f64> = soldiers["values"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        for v in [1500.0, 3000.0, 11000.0, 12000.0] {
            assert!(values.contains(&v), "soldier group lacks {v}: {values:?}");
        }
        assert!(soldiers["disagree"].as_bool().unwrap());
        let timeline = story["timeline"].as_array().unwrap().len();
        let summary = story["summary"].as_array().unwrap().len();
        println!("[gold] analyze seeds story: soldier values {values:?}, {timeline} timeline entries, {summary} summary sentences");
        assert!(timeline >= 5 && summary >= 3);
    }
}
