//! An averaged-perceptron tagger over token features (BIO tags, four kinds, Viterbi decoding). Trained by
//! `examples/train_ner.rs`; the weights ship as `data/entities/ner_de.bin`.

use super::de;
use super::dense::{Dense, DenseTrainer};
use super::lexicon::{self, Lexicon};
use super::token::Tok;
use lagebild_core::EntityKind;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub const NT: usize = 9;
const KINDS: [EntityKind; 4] = [EntityKind::Per, EntityKind::Org, EntityKind::Loc, EntityKind::Misc];

pub fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Per => 0,
        EntityKind::Org => 1,
        EntityKind::Loc => 2,
        EntityKind::Misc => 3,
    }
}

/// Keys are already hashes: pass them through.
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

const FNV: u64 = 0xcbf2_9ce4_8422_2325;
#[inline]
fn mix(mut h: u64, b: u8) -> u64 {
    h ^= b as u64;
    h.wrapping_mul(0x100_0000_01b3)
}
#[inline]
fn hs(tpl: u8, s: &str) -> u64 {
    let mut h = mix(FNV, tpl);
    for &b in s.as_bytes() {
        h = mix(h, b);
    }
    h
}
/// What the tagger knows about one token. The string features are hashed once here, so that building the
/// feature keys of a token (and of its neighbours' windows) costs no hashing of strings.
pub struct TokInfo {
    pub lower: String,
    pub flags: u32,
    pub sent_start: bool,
    /// inside a quotation opened earlier in the text (titles of works are often quoted)
    pub quoted: bool,
    /// distributional classes (64, 256, 1024; `lexicon::NO_CLUSTER` if unseen)
    pub cl: [u16; 3],
    /// tags this token cannot have (bit per tag): no name runs on through a sentence end, and no person or
    /// place name through a lower-case word other than a name particle ("Am Abend telefonierte Selenskyj")
    block: u16,
    /// hashes of: lower, shape, suffixes 1–4, prefixes 1–4, hyphen head, hyphen tail (0 = none)
    h: [u64; 12],
}

const H_LOWER: usize = 0;
const H_SHAPE: usize = 1;
const H_SUF: usize = 2;
const H_PRE: usize = 6;
const H_HEAD: usize = 10;
const H_TAIL: usize = 11;

/// The word's shape ("Kim" → "Xx", "G7" → "Xd") into `s`.
fn shape(w: &str, s: &mut String) {
    s.clear();
    let mut last = ' ';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            s.push(k);
            last = k;
        }
    }
}

#[inline]
fn raw(s: &str) -> u64 {
    hs(0, s)
}

fn hashes(lower: &str, shape: &str) -> [u64; 12] {
    let mut h = [0u64; 12];
    h[H_LOWER] = raw(lower);
    h[H_SHAPE] = raw(shape);
    let n = lower.chars().count();
    let mut ends = lower.char_indices().map(|(b, _)| b).chain(std::iter::once(lower.len()));
    let bounds: Vec<usize> = ends.by_ref().collect();
    for k in 1..=4 {
        if n > k {
            h[H_SUF + k - 1] = raw(&lower[bounds[n - k]..]);
            h[H_PRE + k - 1] = raw(&lower[..bounds[k]]);
        }
    }
    if lower.contains('-') {
        h[H_HEAD] = raw(lower.split('-').next().unwrap_or(""));
        h[H_TAIL] = raw(lower.rsplit('-').next().unwrap_or(""));
    }
    h
}

/// An initial, a short abbreviation or a Roman numeral: a full stop after it does not end the sentence
/// ("George W. Bush", "Bernhard IV.").
pub fn initial_like(w: &str) -> bool {
    w.chars().count() == 1
        || w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        || de::NAME_ABBREVIATIONS.contains(&w)
}

/// Opening and closing quotation marks as the tokenizer leaves them (one character each).
fn quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "„" | "“" | "”" | "«" | "»" | "‚" | "‘")
}

/// Token infos for `toks` of `text`.
pub fn infos(text: &str, toks: &[Tok], german: bool, lex: &Lexicon) -> Vec<TokInfo> {
    let (mut buf, mut sbuf) = (String::new(), String::new());
    let mut out = Vec::with_capacity(toks.len());
    let mut quoted = false;
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.bstart..t.bend];
        let lower = w.to_lowercase();
        let flags = if t.word { lex.flags(w, &lower, german, &mut buf) } else { 0 };
        let sent_start = i == 0 || {
            let p = &toks[i - 1];
            let pw = &text[p.bstart..p.bend];
            matches!(pw, "." | "!" | "?" | ":" | "•" | "-" | "–" | "|" | "*" | "#")
                || text[p.bend..t.bstart].contains('\n')
        };
        if sent_start && i > 0 && text[toks[i - 1].bend..t.bstart].contains('\n') {
            quoted = false;
        }
        let mark = !t.word && quote_mark(w);
        if mark {
            quoted = !quoted;
        }
        shape(w, &mut sbuf);
        let h = hashes(&lower, &sbuf);
        let cl = if t.word { lex.clusters(w, &lower) } else { [lexicon::NO_CLUSTER; 3] };
        let mut block = 0u16;
        if t.word && flags & lexicon::LOWER != 0 && !(german && de::NAME_PARTICLES.contains(&lower.as_str())) {
            block |= 1 << (5 + kind_index(EntityKind::Per)) | 1 << (5 + kind_index(EntityKind::Loc));
        }
        let full_stop = i > 0 && {
            let p = &toks[i - 1];
            let pw = &text[p.bstart..p.bend];
            matches!(pw, "." | "!" | "?")
                && !(i > 1
                    && toks[i - 2].word
                    && toks[i - 2].bend == p.bstart
                    && initial_like(&text[toks[i - 2].bstart..toks[i - 2].bend]))
        };
        if full_stop || (i > 0 && text[toks[i - 1].bend..t.bstart].contains('\n')) {
            block |= 0b1111 << 5;
        }
        out.push(TokInfo { lower, flags, sent_start, quoted: quoted && !mark, cl, block, h });
    }
    out
}

/// Feature key of template `tpl` over the value hash `v`.
#[inline]
fn key(tpl: u64, v: u64) -> u64 {
    let mut x = v ^ tpl.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

#[inline]
fn key2(tpl: u64, a: u64, b: u64) -> u64 {
    key(tpl, a.rotate_left(29) ^ b.wrapping_mul(0xc2b2_ae3d_27d4_eb4f))
}

const BOS: u64 = 0x5eed;
const EOS: u64 = 0xe05;

/// Tag-independent features of token `i`.
pub fn static_features(inf: &[TokInfo], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let t = &inf[i];
    let get = |j: isize| -> Option<&TokInfo> { usize::try_from(j).ok().and_then(|j| inf.get(j)) };
    let ii = i as isize;
    let lw = |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |x| x.h[H_LOWER]);
    let sh = |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |x| x.h[H_SHAPE]);
    out.push(key(1, 0));
    out.push(key(2, t.h[H_LOWER]));
    for k in 0..4 {
        if t.h[H_SUF + k] != 0 {
            out.push(key(3 + k as u64, t.h[H_SUF + k]));
            out.push(key(7 + k as u64, t.h[H_PRE + k]));
        }
    }
    out.push(key(11, t.h[H_SHAPE]));
    out.push(key(12, lw(ii - 1)));
    out.push(key(13, lw(ii + 1)));
    out.push(key(14, lw(ii - 2)));
    out.push(key(15, lw(ii + 2)));
    out.push(key(16, sh(ii - 1)));
    out.push(key(17, sh(ii + 1)));
    out.push(key2(18, sh(ii - 1) ^ sh(ii + 1).rotate_left(7), t.h[H_SHAPE]));
    out.push(key2(19, lw(ii - 1), t.h[H_LOWER]));
    out.push(key2(20, t.h[H_LOWER], lw(ii + 1)));
    for (tpl, j) in [(21u64, ii), (22, ii - 1), (23, ii + 1), (24, ii - 2), (25, ii + 2)] {
        let f = get(j).map_or(0, |x| x.flags);
        let mut rest = f;
        while rest != 0 {
            let b = rest.trailing_zeros() as u64;
            rest &= rest - 1;
            out.push(key(tpl, b));
            if j == ii && t.sent_start {
                out.push(key(26, b));
            }
        }
    }
    let lexical = lexicon::NOUN | lexicon::NOUN_STEM | lexicon::NOUN_COMPOUND | lexicon::FUNC;
    let cand = |x: &TokInfo| x.flags & lexicon::CAP != 0 && x.flags & lexical == 0;
    let c0 = cand(t);
    out.push(key(27, (t.sent_start as u64) | ((t.flags & lexicon::CAP != 0) as u64) << 1 | (c0 as u64) << 2));
    let pc = get(ii - 1).is_some_and(cand);
    let nc = get(ii + 1).is_some_and(cand);
    out.push(key(28, (c0 as u64) | (pc as u64) << 1 | (nc as u64) << 2));
    out.push(key(29, (t.quoted as u64) | ((t.flags & lexicon::CAP != 0) as u64) << 1));
    let cl = |j: isize, g: usize| get(j).map_or(u64::from(u16::MAX) + 1, |x| u64::from(x.cl[g]));
    for g in 0..3 {
        out.push(key(32 + g as u64, cl(ii, g)));
    }
    out.push(key(35, cl(ii - 1, 1)));
    out.push(key(36, cl(ii + 1, 1)));
    out.push(key(37, cl(ii - 2, 0)));
    out.push(key(38, cl(ii + 2, 0)));
    out.push(key(39, cl(ii, 2) << 1 | u64::from(t.flags & lexicon::CAP != 0)));
    if t.h[H_HEAD] != 0 {
        out.push(key(30, t.h[H_HEAD]));
        out.push(key(31, t.h[H_TAIL]));
    }
}

/// Keys of the features that join token `i` with the previous tag `p`; the first (the tag bigram alone) is
/// the same for every token, so decoding looks it up once.
#[inline]
fn dynamic_features(inf: &[TokInfo], i: usize, p: usize, out: &mut [u64; 3]) {
    let t = &inf[i];
    out[0] = transition(p);
    out[1] = key2(41, t.h[H_SHAPE], p as u64);
    out[2] = key(42, ((t.flags as u64) & 0x3f) << 8 | p as u64);
}

#[inline]
fn transition(p: usize) -> u64 {
    key(40, p as u64)
}

fn allowed(prev: usize, t: usize) -> bool {
    t < 5 || (prev >= 1 && (prev - 1) % 4 == (t - 1) % 4)
}

/// The best tag sequence (first-order Viterbi under the BIO constraints); `w` gives a feature's weights,
/// `extra` a dense term per token.
fn viterbi<'a, W: Fn(u64) -> Option<&'a [f32; NT]>>(inf: &[TokInfo], w: W, extra: Option<&[[f32; NT]]>) -> Vec<usize> {
    let n = inf.len();
    let mut back = vec![[0u8; NT]; n];
    let mut prev = [f32::NEG_INFINITY; NT];
    prev[0] = 0.0;
    let mut feats = Vec::with_capacity(64);
    let mut dk = [0u64; 3];
    let mut trans = [[0f32; NT]; NT];
    for (p, tr) in trans.iter_mut().enumerate() {
        if let Some(v) = w(transition(p)) {
            *tr = *v;
        }
    }
    for (i, bk) in back.iter_mut().enumerate() {
        static_features(inf, i, &mut feats);
        let mut s = extra.and_then(|e| e.get(i).copied()).unwrap_or([0f32; NT]);
        for f in &feats {
            if let Some(v) = w(*f) {
                for k in 0..NT {
                    s[k] += v[k];
                }
            }
        }
        let mut cur = [f32::NEG_INFINITY; NT];
        for (p, &pv) in prev.iter().enumerate() {
            if pv == f32::NEG_INFINITY {
                continue;
            }
            dynamic_features(inf, i, p, &mut dk);
            let mut d = trans[p];
            for f in &dk[1..] {
                if let Some(v) = w(*f) {
                    for k in 0..NT {
                        d[k] += v[k];
                    }
                }
            }
            for t in 0..NT {
                if !allowed(p, t) || inf[i].block & (1 << t) != 0 {
                    continue;
                }
                let v = pv + s[t] + d[t];
                if v > cur[t] {
                    cur[t] = v;
                    bk[t] = p as u8;
                }
            }
        }
        prev = cur;
    }
    let mut tags = vec![0usize; n];
    let mut best = 0;
    for t in 1..NT {
        if prev[t] > prev[best] {
            best = t;
        }
    }
    for i in (0..n).rev() {
        tags[i] = best;
        best = back[i][best] as usize;
    }
    tags
}

pub struct Model {
    w: IdMap<[f32; NT]>,
    /// weights of the e5 word states, for a model trained with them
    dense: Option<Dense>,
}

impl Model {
    /// BIO tags for one token sequence; `states` are its e5 word states ([`super::dense::states`]), used if
    /// the model was trained with them.
    pub fn tag(&self, inf: &[TokInfo], states: Option<&[f32]>) -> Vec<usize> {
        let extra = match (&self.dense, states) {
            (Some(d), Some(s)) => Some(d.scores(s)),
            _ => None,
        };
        viterbi(inf, |f| self.w.get(&f), extra.as_deref())
    }

    /// Whether the model wants e5 word states.
    pub fn is_neural(&self) -> bool {
        self.dense.is_some()
    }

    /// The weights as bytes: "LBNER2", count, scale, then (key, 9 × i16) per feature; then the dense
    /// weights if any ([`Dense::write`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.w.values().flat_map(|w| w.iter()).fold(0f32, |m, v| m.max(v.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut keys: Vec<&u64> = self.w.keys().collect();
        keys.sort();
        let mut out = b"LBNER2".to_vec();
        let mut kept = Vec::new();
        for k in keys {
            let q: Vec<i16> = self.w[k].iter().map(|v| (v / scale).round() as i16).collect();
            if q.iter().any(|&v| v != 0) {
                kept.push((*k, q));
            }
        }
        out.extend((kept.len() as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        for (k, q) in kept {
            out.extend(k.to_le_bytes());
            for v in q {
                out.extend(v.to_le_bytes());
            }
        }
        if let Some(d) = &self.dense {
            d.write(&mut out);
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 14 || &b[..6] != b"LBNER2" {
            return None;
        }
        let n = u32::from_le_bytes(b[6..10].try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(b[10..14].try_into().ok()?);
        let rec = 8 + 2 * NT;
        let sparse_end = 14 + n * rec;
        if b.len() < sparse_end {
            return None;
        }
        let dense = match &b[sparse_end..] {
            [] => None,
            rest => Some(Dense::read(rest)?),
        };
        let mut w = IdMap::with_capacity_and_hasher(n, Default::default());
        for r in b[14..sparse_end].chunks_exact(rec) {
            let k = u64::from_le_bytes(r[..8].try_into().ok()?);
            let mut v = [0f32; NT];
            for (t, x) in v.iter_mut().enumerate() {
                *x = i16::from_le_bytes([r[8 + 2 * t], r[9 + 2 * t]]) as f32 * scale;
            }
            w.insert(k, v);
        }
        Some(Model { w, dense })
    }
}

/// Tags → token spans `(first, last exclusive, kind)`.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let k = (t - 1) % 4;
        let s = i;
        i += 1;
        while i < tags.len() && tags[i] == 5 + k {
            i += 1;
        }
        out.push((s, i, KINDS[k]));
    }
    out
}

/// Spans → gold tags.
pub fn tags_of(n: usize, spans: &[(usize, usize, EntityKind)]) -> Vec<usize> {
    let mut tags = vec![0; n];
    for &(s, e, k) in spans {
        let ki = kind_index(k);
        for (j, t) in tags.iter_mut().enumerate().take(e).skip(s) {
            *t = if j == s { 1 + ki } else { 5 + ki };
        }
    }
    tags
}

#[derive(Default, Clone, Copy)]
struct Param {
    w: [f32; NT],
    tot: [f64; NT],
    ts: [u32; NT],
}

/// Structured averaged-perceptron training (Collins 2002): decode with the current weights, reward the gold
/// sequence's features and penalise the predicted one's where they differ; weights are averaged lazily.
pub struct Trainer {
    p: IdMap<Param>,
    step: u32,
    dense: Option<DenseTrainer>,
}

impl Default for Trainer {
    fn default() -> Self {
        Self::new()
    }
}

impl Trainer {
    pub fn new() -> Self {
        Trainer { p: IdMap::default(), step: 0, dense: None }
    }

    /// A trainer that also learns weights for e5 word states standardised by `mean` and `inv_std`
    /// ([`super::dense::standardiser`]).
    pub fn with_dense(mean: Vec<f32>, inv_std: Vec<f32>) -> Self {
        Trainer { p: IdMap::default(), step: 0, dense: Some(DenseTrainer::new(mean, inv_std)) }
    }

    fn bump(&mut self, f: u64, t: usize, d: f32) {
        let step = self.step;
        let p = self.p.entry(f).or_default();
        p.tot[t] += (step - p.ts[t]) as f64 * p.w[t] as f64;
        p.ts[t] = step;
        p.w[t] += d;
    }

    /// One pass over one sequence (with its e5 word states for a dense trainer); returns the number of wrong
    /// tags.
    pub fn learn(&mut self, inf: &[TokInfo], gold: &[usize], states: Option<&[f32]>) -> usize {
        self.step += 1;
        let states = states.filter(|_| self.dense.is_some());
        let extra = match (&self.dense, states) {
            (Some(d), Some(s)) => Some(d.scores(s)),
            _ => None,
        };
        let pred = viterbi(inf, |f| self.p.get(&f).map(|p| &p.w), extra.as_deref());
        let mut wrong = 0;
        let mut feats = Vec::with_capacity(64);
        let mut dk = [0u64; 3];
        for i in 0..inf.len() {
            let (g, q) = (gold[i], pred[i]);
            let (gp, qp) = if i > 0 { (gold[i - 1], pred[i - 1]) } else { (0, 0) };
            if g != q {
                wrong += 1;
                static_features(inf, i, &mut feats);
                for &f in &feats {
                    self.bump(f, g, 1.0);
                    self.bump(f, q, -1.0);
                }
                if let (Some(d), Some(s)) = (self.dense.as_mut(), states) {
                    d.update(s, i, g, q, self.step);
                }
            }
            if (g, gp) != (q, qp) {
                dynamic_features(inf, i, gp, &mut dk);
                for f in dk {
                    self.bump(f, g, 1.0);
                }
                dynamic_features(inf, i, qp, &mut dk);
                for f in dk {
                    self.bump(f, q, -1.0);
                }
            }
        }
        wrong
    }

    /// The averaged weights.
    pub fn finish(self) -> Model {
        let step = self.step.max(1);
        let mut w = IdMap::default();
        for (k, p) in self.p {
            let mut v = [0f32; NT];
            for (t, x) in v.iter_mut().enumerate() {
                let tot = p.tot[t] + (step - p.ts[t]) as f64 * p.w[t] as f64;
                *x = (tot / step as f64) as f32;
            }
            w.insert(k, v);
        }
        Model { w, dense: self.dense.map(|d| d.finish(step)) }
    }
}

/// The deterministic GermEval split used for training and evaluation: FNV-1a of the record id, one third
/// (hash % 3 == 0) held out for testing, the rest for training.
pub fn is_held_out(id: &str) -> bool {
    hs(0, id).is_multiple_of(3)
}
