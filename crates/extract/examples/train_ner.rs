//! Trains the German entity tagger on GermEval 2014 dev (`../shared/data/ner-de/dev.jsonl`) and writes
//! `data/entities/ner_de.bin`.
//!
//!     cargo run --release -p lagebild-extract --example train_ner [-- EPOCHS] [--cv] [--held-out] [--e5]
//!
//! `--e5` trains the neural tagger (with e5 word states of every token, `entities::dense`; needs the model
//! file from `scripts/fetch-e5`) and writes `data/entities/ner_de_e5.bin`. `--held-out` writes nothing: it
//! trains on the two thirds and prints the held-out score.
//!
//! Deterministic: same data, same weights. The shipped weights learn from every dev sentence. What the
//! tagger scores is measured by `tests/entities_gold.rs`, which trains the same way on the two thirds that
//! `model::is_held_out` does not hold out and scores the held-out third. `--cv` writes nothing: it prints
//! 3-fold cross-validation within those two thirds (for choosing features and epochs without looking at the
//! held-out third), then the held-out score. `LAGEBILD_NER_EVAL=1` prints the held-out errors to stderr.

#[path = "../tests/common/germeval.rs"]
mod germeval;

use germeval::{encode, eval, load, train, Rec};
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../../../shared/data/ner-de/dev.jsonl");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cv = args.iter().any(|a| a == "--cv");
    let epochs: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10);
    let text = std::fs::read_to_string(&data).unwrap_or_else(|e| panic!("{}: {e}", data.display()));
    let mut recs = load(&text);
    let e5 = args.iter().any(|a| a == "--e5");
    if e5 {
        let path = lagebild_embed::model_path();
        let enc = lagebild_embed::Encoder::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let t = std::time::Instant::now();
        encode(&mut recs, &enc);
        eprintln!("e5 states in {:.1} s", t.elapsed().as_secs_f64());
    }
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
    }
    let test: Vec<&Rec> = recs.iter().filter(|r| r.held_out).collect();
    let show = std::env::var("LAGEBILD_NER_EVAL").is_ok();
    if cv {
        // the learning curve on the held-out third: half of the training part, then all of it
        let half: Vec<&Rec> = train_part.iter().step_by(2).copied().collect();
        for part in [&half, &train_part] {
            let m = train(part, epochs, true);
            let (p, r, f) = eval(&test, &m, true, show);
            eprintln!("held-out, trained on {} sentences: P/R/F1 {p:.3} {r:.3} {f:.3}", part.len());
        }
        return;
    }
    if args.iter().any(|a| a == "--held-out") {
        let m = train(&train_part, epochs, false);
        let (p, r, f) = eval(&test, &m, false, false);
        let full = eval(&test, &m, true, show);
        eprintln!(
            "held-out: tagger P/R/F1 {p:.3} {r:.3} {f:.3}; full pipeline P/R/F1 {:.3} {:.3} {:.3}",
            full.0, full.1, full.2
        );
        return;
    }
    let all: Vec<&Rec> = recs.iter().collect();
    eprintln!("training on all {} sentences, {epochs} epochs", all.len());
    let m = train(&all, epochs, false);
    let bytes = m.to_bytes();
    let out = root.join(if e5 { "data/entities/ner_de_e5.bin" } else { "data/entities/ner_de.bin" });
    std::fs::write(&out, &bytes).expect("write weights");
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
}
