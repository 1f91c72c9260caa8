//! Quotations against gold data (`../shared/data/quotes-de`, `quotes-en`; skipped when absent).
//!
//! A gold quotation is found when a predicted content overlaps one of its content spans; precision is over
//! predicted quotations (a prediction is right when it overlaps some gold content). The speaker figure is the
//! share of found quotations with a gold speaker whose predicted speaker overlaps one.
//! `QUOTES_SPLIT=train` evaluates the train split instead; `QUOTES_DUMP=path` writes misses and false alarms;
//! `QUOTES_PRED=path` writes every prediction as JSON Lines (per document) for offline analysis.
//!
//! Against overfitting, documents are also scored in two parts by a hash of their id: part A (2/3, where rules
//! are tuned) and part B (1/3, held out while tuning). Both are printed; the bars apply to the whole file.

use std::io::Write;
use std::path::PathBuf;

use lagebild_core::Lang;
use lagebild_extract::quotes;
use lagebild_testkit::bar_or_floor;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

type Spans = Vec<(usize, usize)>;

fn spans(v: &serde_json::Value) -> Spans {
    v.as_array()
        .map(|a| a.iter().filter_map(|p| Some((p[0].as_u64()? as usize, p[1].as_u64()? as usize))).collect())
        .unwrap_or_default()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[derive(Default)]
struct Score {
    pred: usize,
    pred_ok: usize,
    gold: usize,
    found: usize,
    with_speaker: usize,
    speaker_ok: usize,
}

/// Part of a document by the FNV-1a hash of its id: `true` for the held-out third (part B).
fn held_out(id: &str) -> bool {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in id.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h % 3 == 2
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.pred += o.pred;
        self.pred_ok += o.pred_ok;
        self.gold += o.gold;
        self.found += o.found;
        self.with_speaker += o.with_speaker;
        self.speaker_ok += o.speaker_ok;
    }
}

/// The score of the whole file and of parts A and B.
fn evaluate(name: &str, lang: Lang) -> Option<[Score; 3]> {
    let split = std::env::var("QUOTES_SPLIT").unwrap_or_else(|_| "dev".into());
    let path = data_dir().join(name).join(format!("{split}.jsonl"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("[skip] {} not found", path.display());
        return None;
    };
    let mut dump = std::env::var("QUOTES_DUMP").ok().map(|p| std::fs::File::create(format!("{p}.{name}")).unwrap());
    let mut pred_out = std::env::var("QUOTES_PRED").ok().map(|p| std::fs::File::create(format!("{p}.{name}")).unwrap());
    let mut parts = [Score::default(), Score::default(), Score::default()];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let body = rec["text"].as_str().unwrap();
        let id = rec["id"].as_str().unwrap_or("");
        let mut s = Score::default();
        let gold: Vec<(Spans, Spans)> = rec["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| (spans(&q["content"]), spans(&q["speaker"])))
            .filter(|(c, _)| !c.is_empty())
            .collect();
        let pred = quotes::extract(body, lang, &[]);
        if let Some(f) = pred_out.as_mut() {
            let row = serde_json::json!({ "id": id, "quotes": pred });
            writeln!(f, "{row}").unwrap();
        }
        let chars: Vec<char> = body.chars().collect();
        let show = |a: usize, b: usize| chars[a.min(chars.len())..b.min(chars.len())].iter().collect::<String>();
        s.pred += pred.len();
        for p in &pred {
            let pc = (p.content.start, p.content.end);
            let ok = gold.iter().any(|(c, _)| c.iter().any(|&g| overlaps(g, pc)));
            if ok {
                s.pred_ok += 1;
            } else if let Some(f) = dump.as_mut() {
                writeln!(f, "FP {:?} [{}] <- {:?}", p.kind, p.content.text, p.speaker.as_ref().map(|m| &m.text))
                    .unwrap();
            }
        }
        for (c, sp) in &gold {
            s.gold += 1;
            let hit = pred.iter().find(|p| c.iter().any(|&g| overlaps(g, (p.content.start, p.content.end))));
            match hit {
                Some(p) => {
                    s.found += 1;
                    if !sp.is_empty() {
                        s.with_speaker += 1;
                        let ok = pred
                            .iter()
                            .filter(|p| c.iter().any(|&g| overlaps(g, (p.content.start, p.content.end))))
                            .any(|p| {
                                p.speaker.as_ref().is_some_and(|m| sp.iter().any(|&g| overlaps(g, (m.start, m.end))))
                            });
                        if ok {
                            s.speaker_ok += 1;
                            if let Some(f) = dump.as_mut() {
                                writeln!(f, "SOK {:?}", p.kind).unwrap();
                            }
                        } else if let Some(f) = dump.as_mut() {
                            writeln!(
                                f,
                                "SPK {:?} gold [{}] got {:?} in [{}]",
                                p.kind,
                                show(sp[0].0, sp[0].1),
                                p.speaker.as_ref().map(|m| &m.text),
                                show(c[0].0, c[0].1)
                            )
                            .unwrap();
                        }
                    }
                }
                None => {
                    if let Some(f) = dump.as_mut() {
                        let sp = sp.first().map(|&(a, b)| show(a, b)).unwrap_or_default();
                        writeln!(f, "FN [{}] <- [{}]", show(c[0].0, c[0].1), sp).unwrap();
                    }
                }
            }
        }
        parts[0].add(&s);
        parts[if held_out(id) { 2 } else { 1 }].add(&s);
    }
    Some(parts)
}

/// Prints the whole file and both parts; returns F1 and speaker accuracy of the whole file.
fn report(name: &str, parts: &[Score; 3]) -> (f64, f64) {
    let all = figures(name, &parts[0]);
    figures(&format!("{name} part A (tuning)"), &parts[1]);
    figures(&format!("{name} part B (held out)"), &parts[2]);
    all
}

fn figures(name: &str, s: &Score) -> (f64, f64) {
    let p = s.pred_ok as f64 / s.pred.max(1) as f64;
    let r = s.found as f64 / s.gold.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let spk = s.speaker_ok as f64 / s.with_speaker.max(1) as f64;
    println!(
        "[gold] {name}: P={p:.3} R={r:.3} F1={f1:.3} speaker={spk:.3} (pred {} gold {} found {} speaker {}/{})",
        s.pred, s.gold, s.found, s.speaker_ok, s.with_speaker
    );
    (f1, spk)
}

/// The bars hold for the dev split; other splits (`QUOTES_SPLIT`) are only printed.
fn on_dev() -> bool {
    let dev = std::env::var("QUOTES_SPLIT").map_or(true, |s| s == "dev");
    if !dev {
        println!("[gold] not the dev split: figures printed, bars not checked");
    }
    dev
}

#[test]
fn quotes_de_gold() {
    let Some(s) = evaluate("quotes-de", Lang::De) else { return };
    let (f1, spk) = report("quotes-de", &s);
    if on_dev() {
        assert!(f1 >= 0.75, "quotes-de F1 {f1:.3} below 0.75");
        bar_or_floor("quotes-de speaker", spk, 0.80, 0.81);
    }
}

#[test]
fn quotes_en_gold() {
    let Some(s) = evaluate("quotes-en", Lang::En) else { return };
    let (f1, _) = report("quotes-en", &s);
    if on_dev() {
        assert!(f1 >= 0.65, "quotes-en F1 {f1:.3} below 0.65");
    }
}
