//! The tagger's optional neural features: contextual word states from multilingual-e5-small
//! (`lagebild-embed`, the first [`LAYERS`] layers) of a token and its neighbours, standardised, as one linear
//! term per tag. They lift German NER by what capital letters cannot tell (a company's name from a plain
//! noun, a place from a surname), at about 3 ms per word, so they are an option and not the default path.

use super::model::NT;
use lagebild_embed::{Encoder, DIM};

/// Layers of e5 run per word: the states after layer 8 of 12 tag names better than the last layer's.
pub const LAYERS: usize = 8;
/// Raw floats per token from the encoder: first piece, mean of pieces.
pub const RAW: usize = 2 * DIM;
/// Feature width: the token's first piece and mean, the previous and the next token's first piece.
pub const WIDTH: usize = 4 * DIM;
/// Weight of the standardised states against the sparse features' 0/1 values (chosen by 3-fold
/// cross-validation within the training part: 0.05 → F1 0.718, 0.1 → 0.738, 0.15 → 0.738, 0.3 → 0.732).
const SCALE: f32 = 0.1;
/// Tokens per encoder call: sentences are grouped up to this many, a longer one is cut.
const WINDOW: usize = 160;

/// Encoder states (n × [`RAW`]) for `words`, run in windows of whole sentences (`starts[i]`: token i starts
/// a sentence) so that no window passes the model's limit.
pub fn states(enc: &Encoder, words: &[&str], starts: &[bool]) -> Result<Vec<f32>, lagebild_embed::Error> {
    let mut out = Vec::with_capacity(words.len() * RAW);
    let mut a = 0;
    while a < words.len() {
        let mut b = (a + WINDOW).min(words.len());
        if b < words.len() {
            if let Some(cut) = (a + 1..b).rev().find(|&i| starts[i]) {
                b = cut;
            }
        }
        out.extend(enc.word_states(&words[a..b], LAYERS)?);
        a = b;
    }
    Ok(out)
}

/// Dense weights and the standardisation they were trained under.
pub struct Dense {
    pub mean: Vec<f32>,
    pub inv_std: Vec<f32>,
    pub w: Vec<[f32; NT]>,
}

/// Per-dimension mean and 1/std over the states of many tokens.
pub fn standardiser<'a>(all: impl Iterator<Item = &'a [f32]>) -> (Vec<f32>, Vec<f32>) {
    let (mut sum, mut sq, mut n) = (vec![0f64; RAW], vec![0f64; RAW], 0usize);
    for s in all {
        for tok in s.chunks_exact(RAW) {
            for (d, &v) in tok.iter().enumerate() {
                sum[d] += v as f64;
                sq[d] += (v as f64) * (v as f64);
            }
            n += 1;
        }
    }
    let n = n.max(1) as f64;
    let mean: Vec<f32> = sum.iter().map(|s| (s / n) as f32).collect();
    let inv_std = sq
        .iter()
        .zip(&sum)
        .map(|(q, s)| {
            let var = (q / n - (s / n) * (s / n)).max(1e-6);
            (1.0 / var.sqrt()) as f32
        })
        .collect();
    (mean, inv_std)
}

/// The feature vector of token `i` of `n` into `out` ([`WIDTH`]).
pub fn features(states: &[f32], n: usize, i: usize, mean: &[f32], inv_std: &[f32], out: &mut [f32]) {
    let tok = |j: usize| &states[j * RAW..(j + 1) * RAW];
    let mut put = |block: usize, src: Option<&[f32]>, from: usize| {
        let o = &mut out[block * DIM..(block + 1) * DIM];
        match src {
            Some(s) => {
                for (d, x) in o.iter_mut().enumerate() {
                    *x = (s[from + d] - mean[from + d]) * inv_std[from + d] * SCALE;
                }
            }
            None => o.fill(0.0),
        }
    };
    put(0, Some(tok(i)), 0);
    put(1, Some(tok(i)), DIM);
    put(2, i.checked_sub(1).map(tok), 0);
    put(3, (i + 1 < n).then(|| tok(i + 1)), 0);
}

/// Σ features × weights per token and tag.
fn linear(states: &[f32], mean: &[f32], inv_std: &[f32], w: &[[f32; NT]]) -> Vec<[f32; NT]> {
    let n = states.len() / RAW;
    let mut x = vec![0f32; WIDTH];
    (0..n)
        .map(|i| {
            features(states, n, i, mean, inv_std, &mut x);
            let mut s = [0f32; NT];
            for (v, w) in x.iter().zip(w) {
                for t in 0..NT {
                    s[t] += v * w[t];
                }
            }
            s
        })
        .collect()
}

impl Dense {
    /// The dense term per token and tag.
    pub fn scores(&self, states: &[f32]) -> Vec<[f32; NT]> {
        linear(states, &self.mean, &self.inv_std, &self.w)
    }

    /// Appends the weights: width, mean, 1/std, weights, all little-endian f32 after the width.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend((WIDTH as u32).to_le_bytes());
        for v in self.mean.iter().chain(&self.inv_std).chain(self.w.iter().flatten()) {
            out.extend(v.to_le_bytes());
        }
    }

    /// Reads what [`Dense::write`] wrote; `None` if the bytes are not exactly that.
    pub fn read(b: &[u8]) -> Option<Dense> {
        let width = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
        if width != WIDTH || b.len() != 4 + 4 * (2 * RAW + WIDTH * NT) {
            return None;
        }
        let f: Vec<f32> = b[4..].chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        let w = f[2 * RAW..].chunks_exact(NT).map(|c| c.try_into().unwrap_or([0.0; NT])).collect();
        Some(Dense { mean: f[..RAW].to_vec(), inv_std: f[RAW..2 * RAW].to_vec(), w })
    }
}

/// Averaged-perceptron state of the dense weights (lazy averaging, as for the sparse ones).
pub struct DenseTrainer {
    mean: Vec<f32>,
    inv_std: Vec<f32>,
    w: Vec<[f32; NT]>,
    tot: Vec<[f64; NT]>,
    ts: Vec<[u32; NT]>,
    x: Vec<f32>,
}

impl DenseTrainer {
    pub fn new(mean: Vec<f32>, inv_std: Vec<f32>) -> Self {
        DenseTrainer {
            mean,
            inv_std,
            w: vec![[0.0; NT]; WIDTH],
            tot: vec![[0.0; NT]; WIDTH],
            ts: vec![[0; NT]; WIDTH],
            x: vec![0.0; WIDTH],
        }
    }

    /// The dense term under the current weights.
    pub fn scores(&self, states: &[f32]) -> Vec<[f32; NT]> {
        linear(states, &self.mean, &self.inv_std, &self.w)
    }

    /// Rewards tag `g` and penalises tag `q` on token `i`'s features.
    pub fn update(&mut self, states: &[f32], i: usize, g: usize, q: usize, step: u32) {
        let n = states.len() / RAW;
        features(states, n, i, &self.mean, &self.inv_std, &mut self.x);
        for d in 0..WIDTH {
            let v = self.x[d];
            if v == 0.0 {
                continue;
            }
            for (t, sign) in [(g, 1.0f32), (q, -1.0)] {
                self.tot[d][t] += (step - self.ts[d][t]) as f64 * self.w[d][t] as f64;
                self.ts[d][t] = step;
                self.w[d][t] += sign * v;
            }
        }
    }

    /// The averaged weights at `step`.
    pub fn finish(self, step: u32) -> Dense {
        let w = (0..WIDTH)
            .map(|d| {
                let mut v = [0f32; NT];
                for (t, x) in v.iter_mut().enumerate() {
                    let tot = self.tot[d][t] + (step - self.ts[d][t]) as f64 * self.w[d][t] as f64;
                    *x = (tot / step as f64) as f32;
                }
                v
            })
            .collect();
        Dense { mean: self.mean, inv_std: self.inv_std, w }
    }
}
