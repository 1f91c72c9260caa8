//! Distributional word classes for the German tagger: `data/entities/clusters_de.txt`.
//!
//!     python3 crates/extract/data/entities/cluster_corpus.py ../shared/data > /tmp/lagebild-de-corpus.txt
//!     cargo run --release -p lagebild-extract --example cluster_words -- /tmp/lagebild-de-corpus.txt
//!
//! Exchange clustering (Kneser & Ney 1993; the predictive variant of Uszkoreit & Brants 2008): every word
//! seen at least `MIN_COUNT` times gets the class that maximises the likelihood of its neighbours (left and
//! right, as separate contexts) given its class, Σ N(c,x) log N(c,x) − Σ N(c) log N(c). Words that share a
//! class occur in the same places ("in X", "X sagte"), which carries over to names the labelled data never
//! had. Three granularities (64, 256, 1024 classes) are written as one line per word:
//! `word \t class64 \t class256 \t class1024`. Deterministic.

use lagebild_extract::entities::token;
use std::collections::HashMap;

const MIN_COUNT: u32 = 3;
const PASSES: usize = 8;

fn f(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Class of every vocabulary word (ids in frequency order) given their contexts `ctx[v] = [(x, n)]`.
fn exchange(ctx: &[Vec<(u32, u32)>], nctx: usize, k: usize) -> Vec<u32> {
    let v_n = ctx.len();
    let tot: Vec<f64> = ctx.iter().map(|c| c.iter().map(|&(_, n)| n as f64).sum()).collect();
    let mut class: Vec<u32> = (0..v_n).map(|v| (v % k) as u32).collect();
    // per context x: class → count (sparse, small vectors)
    let mut cx: Vec<Vec<(u32, f64)>> = vec![Vec::new(); nctx];
    let mut nc = vec![0f64; k];
    let add = |cx: &mut Vec<Vec<(u32, f64)>>, nc: &mut Vec<f64>, v: usize, c: u32, sign: f64| {
        for &(x, n) in &ctx[v] {
            let row = &mut cx[x as usize];
            if let Some(e) = row.iter_mut().find(|e| e.0 == c) {
                e.1 += sign * n as f64;
            } else {
                row.push((c, sign * n as f64));
            }
            row.retain(|e| e.1 > 0.5);
        }
        nc[c as usize] += sign * tot[v];
    };
    for (v, &c) in class.iter().enumerate() {
        add(&mut cx, &mut nc, v, c, 1.0);
    }
    let mut gain = vec![0f64; k];
    for pass in 0..PASSES {
        let mut moved = 0;
        for v in 0..v_n {
            let old = class[v];
            add(&mut cx, &mut nc, v, old, -1.0);
            // gain of putting v into each class b: Σ_x f(N(b,x)+n) − f(N(b,x)) − [f(N(b)+N(v)) − f(N(b))]
            let base: f64 = ctx[v].iter().map(|&(_, n)| f(n as f64)).sum();
            for (b, g) in gain.iter_mut().enumerate() {
                *g = base - (f(nc[b] + tot[v]) - f(nc[b]));
            }
            for &(x, n) in &ctx[v] {
                let n = n as f64;
                for &(b, m) in &cx[x as usize] {
                    gain[b as usize] += f(m + n) - f(m) - f(n);
                }
            }
            let mut best = old as usize;
            for b in 0..k {
                if gain[b] > gain[best] + 1e-9 {
                    best = b;
                }
            }
            if best != old as usize {
                moved += 1;
            }
            class[v] = best as u32;
            add(&mut cx, &mut nc, v, best as u32, 1.0);
        }
        eprintln!("k={k} pass {pass}: {moved} moved");
        if moved == 0 {
            break;
        }
    }
    class
}

fn main() {
    let path = std::env::args().nth(1).expect("corpus path");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut count: HashMap<&str, u32> = HashMap::new();
    let mut lines: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        let toks: Vec<&str> = token::tokenize(line).iter().map(|t| &line[t.bstart..t.bend]).collect();
        for w in &toks {
            *count.entry(w).or_default() += 1;
        }
        lines.push(toks);
    }
    let mut vocab: Vec<(&str, u32)> = count.iter().filter(|e| *e.1 >= MIN_COUNT).map(|(w, n)| (*w, *n)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)).collect();
    // contexts: left word ids, right word ids (offset by |V| + 2); 2 extra ids per side for rare and boundary
    let nv = vocab.len() as u32;
    let cid = |w: Option<&&str>, right: bool| -> u32 {
        let base = if right { nv + 2 } else { 0 };
        base + match w {
            None => nv,
            Some(w) => id.get(*w).copied().unwrap_or(nv + 1),
        }
    };
    let mut ctx: Vec<HashMap<u32, u32>> = vec![HashMap::new(); vocab.len()];
    for toks in &lines {
        for (i, w) in toks.iter().enumerate() {
            if let Some(&v) = id.get(w) {
                let l = cid(if i > 0 { toks.get(i - 1) } else { None }, false);
                let r = cid(toks.get(i + 1), true);
                *ctx[v as usize].entry(l).or_default() += 1;
                *ctx[v as usize].entry(r).or_default() += 1;
            }
        }
    }
    let ctx: Vec<Vec<(u32, u32)>> = ctx
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, u32)> = m.into_iter().collect();
            v.sort();
            v
        })
        .collect();
    let nctx = 2 * (nv as usize + 2);
    eprintln!("{} words, {} tokens", vocab.len(), lines.iter().map(Vec::len).sum::<usize>());
    let cls: Vec<Vec<u32>> = [64, 256, 1024].iter().map(|&k| exchange(&ctx, nctx, k)).collect();
    let out = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/entities/clusters_de.txt");
    let mut s = String::new();
    for (v, (w, _)) in vocab.iter().enumerate() {
        s.push_str(&format!("{w}\t{}\t{}\t{}\n", cls[0][v], cls[1][v], cls[2][v]));
    }
    std::fs::write(&out, s).expect("write clusters");
    eprintln!("wrote {}", out.display());
}
