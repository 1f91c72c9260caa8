//! A greedy averaged-perceptron tagger over token features (BIO tags, four kinds). Trained by
//! `examples/train_ner.rs`; the weights ship as `data/entities/ner_de.bin`.

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
#[inline]
fn hn(tpl: u8, n: u64) -> u64 {
    let mut h = mix(FNV, tpl);
    for b in n.to_le_bytes() {
        h = mix(h, b);
    }
    h
}
#[inline]
fn hs2(tpl: u8, a: &str, b: &str) -> u64 {
    let mut h = hs(tpl, a);
    h = mix(h, 0xff);
    for &c in b.as_bytes() {
        h = mix(h, c);
    }
    h
}

/// What the tagger knows about one token.
pub struct TokInfo {
    pub lower: String,
    pub shape: String,
    pub flags: u32,
    pub sent_start: bool,
}

fn shape(w: &str) -> String {
    let mut s = String::new();
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
    s
}

/// Token infos for `toks` of `text`.
pub fn infos(text: &str, toks: &[Tok], german: bool, lex: &Lexicon) -> Vec<TokInfo> {
    let mut buf = String::new();
    let mut out = Vec::with_capacity(toks.len());
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
        out.push(TokInfo { shape: shape(w), lower, flags, sent_start });
    }
    out
}

/// Tag-independent features of token `i`.
pub fn static_features(inf: &[TokInfo], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let t = &inf[i];
    let l = t.lower.as_str();
    out.push(hs(1, ""));
    out.push(hs(2, l));
    let cs: Vec<(usize, char)> = l.char_indices().collect();
    let n = cs.len();
    for (tpl, k) in [(4u8, 2usize), (5, 3), (6, 4)] {
        if n > k {
            out.push(hs(tpl, &l[cs[n - k].0..]));
        }
    }
    if n > 3 {
        out.push(hs(7, &l[..cs[3].0]));
    }
    out.push(hs(8, &t.shape));
    let get = |j: isize| -> Option<&TokInfo> {
        if j < 0 {
            None
        } else {
            inf.get(j as usize)
        }
    };
    let ii = i as isize;
    let word = |j: isize| get(j).map_or("<s>", |x| x.lower.as_str());
    out.push(hs(9, word(ii - 1)));
    out.push(hs(10, word(ii + 1)));
    out.push(hs(11, word(ii - 2)));
    out.push(hs(12, word(ii + 1 + 1)));
    out.push(hs(13, get(ii - 1).map_or("<s>", |x| x.shape.as_str())));
    out.push(hs(14, get(ii + 1).map_or("<s>", |x| x.shape.as_str())));
    for b in 0..lexicon::NFLAGS {
        let bit = 1u32 << b;
        if t.flags & bit != 0 {
            out.push(hn(15, b as u64));
            if t.sent_start {
                out.push(hn(25, b as u64));
            }
        }
        if get(ii - 1).is_some_and(|x| x.flags & bit != 0) {
            out.push(hn(16, b as u64));
        }
        if get(ii + 1).is_some_and(|x| x.flags & bit != 0) {
            out.push(hn(17, b as u64));
        }
        if get(ii - 2).is_some_and(|x| x.flags & bit != 0) {
            out.push(hn(18, b as u64));
        }
    }
    let lexical = lexicon::NOUN | lexicon::NOUN_STEM | lexicon::NOUN_COMPOUND | lexicon::FUNC;
    let cand = t.flags & lexicon::CAP != 0 && t.flags & lexical == 0;
    out.push(hn(19, (t.sent_start as u64) | ((t.flags & lexicon::CAP != 0) as u64) << 1 | (cand as u64) << 2));
    let pc = get(ii - 1).is_some_and(|x| x.flags & lexicon::CAP != 0 && x.flags & lexical == 0);
    let nc = get(ii + 1).is_some_and(|x| x.flags & lexicon::CAP != 0 && x.flags & lexical == 0);
    out.push(hn(24, (cand as u64) | (pc as u64) << 1 | (nc as u64) << 2));
    out.push(hs2(20, word(ii - 1), l));
    out.push(hs2(21, l, word(ii + 1)));
    if l.contains('-') {
        out.push(hs(22, l.split('-').next().unwrap_or("")));
        out.push(hs(23, l.rsplit('-').next().unwrap_or("")));
    }
}

fn dynamic_features(inf: &[TokInfo], i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    out.push(hn(30, p1 as u64));
    out.push(hn(31, (p2 * NT + p1) as u64));
    out.push(hs2(32, &inf[i].shape, &p1.to_string()));
    out.push(hn(33, ((inf[i].flags as u64) & 0x3f) << 8 | p1 as u64));
}

fn allowed(prev: usize, t: usize) -> bool {
    t < 5 || (prev >= 1 && (prev - 1) % 4 == (t - 1) % 4)
}

pub struct Model {
    w: IdMap<[f32; NT]>,
}

impl Model {
    fn score(&self, feats: &[u64]) -> [f32; NT] {
        let mut s = [0f32; NT];
        for f in feats {
            if let Some(w) = self.w.get(f) {
                for k in 0..NT {
                    s[k] += w[k];
                }
            }
        }
        s
    }

    /// Greedy BIO tags for one token sequence.
    pub fn tag(&self, inf: &[TokInfo]) -> Vec<usize> {
        let mut tags = Vec::with_capacity(inf.len());
        let mut feats = Vec::with_capacity(96);
        for i in 0..inf.len() {
            let p1 = if i > 0 { tags[i - 1] } else { 0 };
            let p2 = if i > 1 { tags[i - 2] } else { 0 };
            static_features(inf, i, &mut feats);
            dynamic_features(inf, i, p1, p2, &mut feats);
            let s = self.score(&feats);
            let mut best = 0;
            for t in 1..NT {
                if allowed(p1, t) && s[t] > s[best] {
                    best = t;
                }
            }
            tags.push(best);
        }
        tags
    }

    /// The weights as bytes: "LBNER1", count, scale, then (key, 9 × i16) per feature.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.w.values().flat_map(|w| w.iter()).fold(0f32, |m, v| m.max(v.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut keys: Vec<&u64> = self.w.keys().collect();
        keys.sort();
        let mut out = b"LBNER1".to_vec();
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
        out
    }

    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 14 || &b[..6] != b"LBNER1" {
            return None;
        }
        let n = u32::from_le_bytes(b[6..10].try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(b[10..14].try_into().ok()?);
        let rec = 8 + 2 * NT;
        if b.len() != 14 + n * rec {
            return None;
        }
        let mut w = IdMap::with_capacity_and_hasher(n, Default::default());
        for r in b[14..].chunks_exact(rec) {
            let k = u64::from_le_bytes(r[..8].try_into().ok()?);
            let mut v = [0f32; NT];
            for (t, x) in v.iter_mut().enumerate() {
                *x = i16::from_le_bytes([r[8 + 2 * t], r[9 + 2 * t]]) as f32 * scale;
            }
            w.insert(k, v);
        }
        Some(Model { w })
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

/// Averaged-perceptron training.
pub struct Trainer {
    p: IdMap<Param>,
    step: u32,
}

impl Default for Trainer {
    fn default() -> Self {
        Self::new()
    }
}

impl Trainer {
    pub fn new() -> Self {
        Trainer { p: IdMap::default(), step: 0 }
    }

    fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        let step = self.step;
        for f in feats {
            let p = self.p.entry(*f).or_default();
            for (t, d) in [(gold, 1f32), (pred, -1f32)] {
                p.tot[t] += (step - p.ts[t]) as f64 * p.w[t] as f64;
                p.ts[t] = step;
                p.w[t] += d;
            }
        }
    }

    /// One pass over one sequence; returns the number of wrong tags.
    pub fn learn(&mut self, inf: &[TokInfo], gold: &[usize]) -> usize {
        let mut tags: Vec<usize> = Vec::with_capacity(inf.len());
        let mut feats = Vec::with_capacity(96);
        let mut wrong = 0;
        for i in 0..inf.len() {
            self.step += 1;
            let p1 = if i > 0 { tags[i - 1] } else { 0 };
            let p2 = if i > 1 { tags[i - 2] } else { 0 };
            static_features(inf, i, &mut feats);
            dynamic_features(inf, i, p1, p2, &mut feats);
            let mut s = [0f32; NT];
            for f in &feats {
                if let Some(p) = self.p.get(f) {
                    for (x, w) in s.iter_mut().zip(p.w) {
                        *x += w;
                    }
                }
            }
            let mut best = 0;
            for t in 1..NT {
                if allowed(p1, t) && s[t] > s[best] {
                    best = t;
                }
            }
            if best != gold[i] {
                wrong += 1;
                self.update(&feats, gold[i], best);
            }
            tags.push(best);
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
        Model { w }
    }
}

/// The deterministic GermEval split used for training and evaluation: FNV-1a of the record id, one third
/// (hash % 3 == 0) held out for testing, the rest for training.
pub fn is_held_out(id: &str) -> bool {
    hs(0, id).is_multiple_of(3)
}
