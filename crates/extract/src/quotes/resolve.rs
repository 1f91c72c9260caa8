//! Speaker resolution within one article: pronouns, surnames and role nouns point to the name mentioned
//! before; given entities, a mention takes the overlapping entity's canonical name.

use lagebild_core::{Entity, EntityKind, Mention};

use super::engine::Doc;
use super::rules::F;
use super::token::Kind;

/// A full name seen in the article.
struct Name {
    c0: usize,
    c1: usize,
    /// Lower-cased tokens of the name, for surname matching.
    parts: Vec<String>,
    /// What a resolved mention gets as `entity`.
    canonical: String,
}

pub struct Resolver<'e> {
    entities: &'e [Entity],
    names: Vec<Name>,
    /// Role noun occurrences next to a name: (code point, role word lower-cased, index into `names`).
    roles: Vec<(usize, String, usize)>,
}

fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let short = la.min(lb);
    // inflection or transliteration: "Budanows"/"Budanov", "Peskow"/"Peskov"
    short >= 4 && common + 1 >= short && la.abs_diff(lb) <= 2
}

impl<'e> Resolver<'e> {
    pub fn new(d: &Doc<'_>, entities: &'e [Entity]) -> Self {
        let mut names = Vec::new();
        let ents: Vec<&Entity> =
            entities.iter().filter(|e| matches!(e.kind, EntityKind::Per | EntityKind::Org)).collect();
        if !ents.is_empty() {
            for e in ents {
                let parts = e.text.split_whitespace().map(str::to_lowercase).collect();
                names.push(Name { c0: e.start, c1: e.end, parts, canonical: e.canonical.clone() });
            }
        } else {
            // runs of capitalised words, without leading determiners and role nouns
            let t = &d.toks;
            let mut i = 0;
            while i < t.len() {
                if !(t[i].kind == Kind::Word && t[i].cap) {
                    i += 1;
                    continue;
                }
                let s = i;
                while i < t.len() && t[i].kind == Kind::Word && (t[i].cap || (i > s && is_particle(&t[i].lower))) {
                    i += 1;
                }
                let mut a = s;
                for (k, tok) in t.iter().enumerate().take(i).skip(s) {
                    if tok.has(F::DETERMINERS | F::FRONTED | F::ROLES | F::PRONOUNS) {
                        a = k + 1;
                    }
                }
                if i >= a + 2 && i - a <= 4 {
                    let parts = (a..i).map(|k| t[k].lower.clone()).collect();
                    let canonical = d.text[t[a].b0..t[i - 1].b1].to_string();
                    names.push(Name { c0: t[a].c0, c1: t[i - 1].c1, parts, canonical });
                }
            }
        }
        names.sort_by_key(|n| n.c0);
        // role nouns next to names: "Kim Yong-hyun, der Verteidigungsminister Südkoreas"
        let mut roles = Vec::new();
        for (k, tok) in d.toks.iter().enumerate() {
            if tok.kind != Kind::Word || !tok.has(F::ROLES) {
                continue;
            }
            let window = 40;
            let best = names
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    let dist = if n.c1 <= tok.c0 { tok.c0 - n.c1 } else { n.c0.saturating_sub(tok.c1) };
                    dist <= window && !(n.c0 <= tok.c0 && tok.c1 <= n.c1)
                })
                .filter(|(_, n)| d.toks[k].para == para_of(d, n.c0))
                .min_by_key(|(_, n)| if n.c1 <= tok.c0 { tok.c0 - n.c1 } else { n.c0 - tok.c1 })
                .map(|(i, _)| i);
            if let Some(b) = best {
                roles.push((tok.c0, tok.lower.clone(), b));
            }
        }
        Resolver { entities, names, roles }
    }

    /// The mention for the speaker range `r`; `last` is the previous speaker (for pronouns).
    pub fn mention(&self, d: &Doc<'_>, r: (usize, usize), last: Option<&Mention>) -> Mention {
        let p = d.piece(r);
        let mut m = Mention { start: p.start, end: p.end, text: p.text, entity: None };
        m.entity = self.resolve(d, r, &m, last);
        m
    }

    fn resolve(&self, d: &Doc<'_>, r: (usize, usize), m: &Mention, last: Option<&Mention>) -> Option<String> {
        // an overlapping entity
        if let Some(e) = self
            .entities
            .iter()
            .filter(|e| e.start < m.end && m.start < e.end && matches!(e.kind, EntityKind::Per | EntityKind::Org))
            .max_by_key(|e| e.end - e.start)
        {
            return Some(e.canonical.clone());
        }
        let words: Vec<usize> = (r.0..r.1).filter(|&k| d.toks[k].kind == Kind::Word).collect();
        // a pronoun or "demnach": the previous speaker
        if words.len() == 1 && d.toks[words[0]].has(F::PRONOUNS | F::CONTINUATION) {
            if let Some(l) = last {
                return Some(l.entity.clone().unwrap_or_else(|| l.text.clone()));
            }
            return self.names.iter().rev().find(|n| n.c1 <= m.start).map(|n| n.canonical.clone());
        }
        // a full name inside the mention
        if let Some(n) = self.names.iter().find(|n| n.c0 >= m.start && n.c1 <= m.end) {
            return Some(n.canonical.clone());
        }
        // a surname (or first part of a Korean name): the last full name sharing it
        let caps: Vec<&str> = words
            .iter()
            .filter(|&&k| d.toks[k].cap && !d.toks[k].has(F::ROLES) && !d.toks[k].has(F::DETERMINERS))
            .map(|&k| d.toks[k].lower.as_str())
            .collect();
        if let Some(n) =
            self.names.iter().rev().filter(|n| n.c1 <= m.start).find(|n| {
                caps.iter().any(|c| n.parts.iter().any(|p| similar(p, c.trim_end_matches("s")) || similar(p, c)))
            })
        {
            return Some(n.canonical.clone());
        }
        // a role noun: the name it stood next to before
        for &k in &words {
            let w = &d.toks[k].lower;
            if !d.toks[k].has(F::ROLES) {
                continue;
            }
            if let Some((_, _, n)) = self.roles.iter().rev().find(|(c, rw, _)| *c < m.start && rw == w) {
                return Some(self.names[*n].canonical.clone());
            }
        }
        None
    }
}

fn is_particle(w: &str) -> bool {
    matches!(w, "von" | "van" | "de" | "al" | "bin")
}

fn para_of(d: &Doc<'_>, c0: usize) -> usize {
    let i = d.toks.partition_point(|t| t.c0 < c0);
    d.toks.get(i).map_or(0, |t| t.para)
}
