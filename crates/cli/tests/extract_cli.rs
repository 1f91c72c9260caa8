//! The `extract` contract scripts rely on: `--what entities,quotes` adds speakers, cues and source chains,
//! and figures inside an attribution carry its speaker as their `source`.

use std::io::Write;
use std::process::{Command, Stdio};

fn extract(args: &[&str], stdin: &str) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .arg("extract")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "extract failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The text between two code point offsets, as every consumer of the JSON must compute it.
fn slice(text: &str, start: &serde_json::Value, end: &serde_json::Value) -> String {
    let (s, e) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
    text.chars().skip(s).take(e - s).collect()
}

const TEXT: &str = "Die Nachrichtenagentur Yonhap berichtete unter Berufung auf den Geheimdienst NIS, \
rund 1.500 Soldaten seien bereits in die Grenzregion verlegt worden. \
„Wir beobachten die Lage sehr genau“, sagte Außenministerin Maria Köhler am Freitag.";

#[test]
fn entities_and_quotes_with_spans_and_source_chain() {
    let out = extract(&["--what", "figures,entities,quotes", "--lang", "de", "--date", "2025-03-10"], TEXT);
    assert_eq!(out["language"], "de");
    assert!(out.get("times").is_none(), "times were not asked for: {out}");

    let entities = out["entities"].as_array().unwrap();
    for e in entities {
        assert_eq!(slice(TEXT, &e["start"], &e["end"]), e["text"].as_str().unwrap(), "entity span {e}");
    }
    let names: Vec<&str> = entities.iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert!(names.contains(&"Yonhap"), "entities: {names:?}");
    assert!(names.iter().any(|n| n.contains("Maria Köhler")), "entities: {names:?}");

    let quotes = out["quotes"].as_array().unwrap();
    for q in quotes {
        for part in ["speaker", "cue", "content", "via"] {
            if q[part].is_object() {
                assert_eq!(slice(TEXT, &q[part]["start"], &q[part]["end"]), q[part]["text"].as_str().unwrap());
            }
        }
    }
    let relayed = quotes
        .iter()
        .find(|q| q["content"]["text"].as_str().is_some_and(|c| c.contains("1.500 Soldaten")))
        .unwrap_or_else(|| panic!("no quote holds the soldier figure: {quotes:?}"));
    assert!(relayed["speaker"]["text"].as_str().unwrap().contains("NIS"), "speaker: {relayed}");
    assert!(relayed["via"]["text"].as_str().unwrap().contains("Yonhap"), "via: {relayed}");
    let direct = quotes.iter().find(|q| q["kind"] == "direct").expect("the direct quotation");
    assert!(direct["speaker"]["text"].as_str().unwrap().contains("Köhler"), "speaker: {direct}");

    let figure = out["figures"].as_array().unwrap().iter().find(|f| f["value"] == 1500.0).expect("1.500 Soldaten");
    assert!(figure["source"].as_str().unwrap().contains("NIS"), "figure source: {figure}");
}

#[test]
fn figures_alone_have_no_source() {
    let out = extract(&["--lang", "de", "--date", "2025-03-10"], TEXT);
    assert!(out.get("quotes").is_none() && out.get("entities").is_none(), "{out}");
    let figure = out["figures"].as_array().unwrap().iter().find(|f| f["value"] == 1500.0).expect("1.500 Soldaten");
    assert!(figure["source"].is_null(), "{figure}");
    assert!(!out["times"].as_array().unwrap().is_empty(), "am Freitag: {out}");
}
