//! The example corpus (examples/corpus) against its gold labels (examples/gold.json): every body sentence
//! kept, boilerplate cut, metadata found. Prints the figures; fails below the bars.

use lagebild_core::Article;
use lagebild_ingest::{read_all, source, Options};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ratio(hit: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

#[test]
fn example_corpus_matches_gold() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let corpus = root.join("corpus");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(root.join("gold.json")).unwrap()).unwrap();
    let (articles, errors) = read_all(source::expand(std::slice::from_ref(&corpus)), &Options::default(), &|| {});
    assert!(errors.is_empty(), "{errors:?}");
    let prefix = format!("{}/", corpus.display());
    let by_source: HashMap<String, &Article> =
        articles.iter().map(|a| (a.source.strip_prefix(&prefix).unwrap_or(&a.source).to_string(), a)).collect();

    let gold_articles = gold["articles"].as_array().unwrap();
    assert_eq!(articles.len(), gold_articles.len(), "one article per gold entry");
    let (mut body_total, mut body_kept) = (0, 0);
    let (mut bp_total, mut bp_cut) = (0, 0);
    let mut field_hits: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut misses = Vec::new();
    for g in gold_articles {
        let src = g["source"].as_str().unwrap();
        let a = by_source.get(src).unwrap_or_else(|| panic!("no article for gold source {src}"));
        let text = norm(&a.text);
        for s in g["body_must_contain"].as_array().unwrap() {
            body_total += 1;
            if text.contains(&norm(s.as_str().unwrap())) {
                body_kept += 1;
            } else {
                misses.push(format!("{src}: body sentence lost: {}", s.as_str().unwrap()));
            }
        }
        let removed: Vec<String> = a.removed.iter().map(|r| norm(&r.text)).collect();
        for b in g["boilerplate"].as_array().unwrap() {
            let b = norm(b.as_str().unwrap());
            bp_total += 1;
            if !text.contains(&b) || removed.iter().any(|r| r.contains(&b)) {
                bp_cut += 1;
            } else {
                misses.push(format!("{src}: boilerplate kept: {b}"));
            }
        }
        for field in ["language", "outlet", "published", "title"] {
            let got = match field {
                "language" => a.language.clone(),
                "outlet" => a.outlet.clone(),
                "published" => a.published.clone(),
                _ => a.title.clone(),
            };
            let want = g[field].as_str().map(str::to_string);
            let e = field_hits.entry(field).or_default();
            e.1 += 1;
            if got == want {
                e.0 += 1;
            } else {
                misses.push(format!("{src}: {field} {got:?} != gold {want:?}"));
            }
        }
    }
    for m in &misses {
        println!("  miss {m}");
    }
    let body = ratio(body_kept, body_total);
    let bp = ratio(bp_cut, bp_total);
    println!("[gold] examples: body sentences kept {body_kept}/{body_total} = {body:.3}");
    println!("[gold] examples: boilerplate recall {bp_cut}/{bp_total} = {bp:.3}");
    let mut acc = HashMap::new();
    for (field, (hit, total)) in &field_hits {
        let r = ratio(*hit, *total);
        println!("[gold] examples: {field} accuracy {hit}/{total} = {r:.3}");
        acc.insert(*field, r);
    }
    assert_eq!(body, 1.0, "every body sentence stays");
    assert_eq!(acc["language"], 1.0);
    assert!(bp >= 0.95, "boilerplate recall {bp:.3} < 0.95");
    assert!(acc["published"] >= 0.85, "published accuracy");
    assert!(acc["outlet"] >= 0.80, "outlet accuracy");
    assert!(acc["title"] >= 0.80, "title accuracy");
}
