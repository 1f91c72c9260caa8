//! Canonical names: a fold key that merges transliteration variants, in-article resolution (surname-only
//! mentions, genitives, aliases) and the cross-article [`Canonicalizer`].

use super::{de, known};
use lagebild_core::{Entity, EntityKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The fold key of a name: lower case, no diacritics, hyphens as spaces, and German/English/Ukrainian
/// transliteration variants made equal ("Selenskyj", "Zelenskyy", "Zelensky" → "selenski"; "Sinowjew",
/// "Zinoviev" → "sinovyev"; "Kim Jong-un", "Kim Jong Un" → "kim yong un").
pub fn fold(s: &str) -> String {
    let mut l = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'á' | 'à' | 'â' | 'ã' | 'å' => l.push('a'),
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => l.push('o'),
            'ü' | 'ú' | 'ù' | 'û' => l.push('u'),
            'é' | 'è' | 'ê' | 'ë' => l.push('e'),
            'í' | 'ì' | 'î' | 'ï' => l.push('i'),
            'ß' => l.push_str("ss"),
            'ç' | 'č' => l.push('c'),
            'š' => l.push_str("sh"),
            'ž' => l.push('s'),
            'ñ' => l.push('n'),
            '-' | '‐' | '‑' | '\'' | '’' | '.' | '_' => l.push(' '),
            c if c.is_whitespace() => l.push(' '),
            c => l.push(c),
        }
    }
    let mut out = String::with_capacity(l.len());
    let mut w = String::new();
    for word in l.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        w.clear();
        w.push_str(word);
        for (from, to) in [("tsch", "ch"), ("sch", "sh"), ("kh", "ch"), ("ck", "k"), ("ph", "f")] {
            replace_in(&mut w, from, to);
        }
        for (from, to) in [("w", "v"), ("j", "y"), ("z", "s"), ("iev", "yev")] {
            replace_in(&mut w, from, to);
        }
        for (end, to) in [("yy", "i"), ("iy", "i"), ("ii", "i")] {
            if w.ends_with(end) {
                w.truncate(w.len() - end.len());
                w.push_str(to);
            }
        }
        if w.len() > 1 && w.ends_with('y') {
            w.pop();
            w.push('i');
        }
        out.push_str(&w);
    }
    out
}

/// `w.replace(from, to)`, allocating only when `from` occurs (most words have none of the patterns).
fn replace_in(w: &mut String, from: &str, to: &str) {
    let (b, f) = (w.as_bytes(), from.as_bytes());
    if b.len() >= f.len() && b.windows(f.len()).any(|x| x.iter().zip(f).all(|(a, c)| a == c)) {
        *w = w.replace(from, to);
    }
}

/// `fold` after German case endings are stripped from every word ("Nationalen Nachrichtendienstes" →
/// "national nachrichtendienst").
pub fn fold_stripped(s: &str) -> String {
    let f = fold(s);
    f.split(' ').map(strip_ending).collect::<Vec<_>>().join(" ")
}

fn strip_ending(w: &str) -> &str {
    if w.chars().count() > 4 {
        for e in de::CASE_ENDINGS {
            if let Some(stem) = w.strip_suffix(e) {
                return stem;
            }
        }
    }
    w
}

/// Known aliases: stripped fold key → (canonical, kind).
pub fn aliases() -> &'static HashMap<String, (&'static str, EntityKind)> {
    static A: OnceLock<HashMap<String, (&'static str, EntityKind)>> = OnceLock::new();
    A.get_or_init(|| {
        let mut m = HashMap::new();
        for (canon, kind, vars) in known::KNOWN {
            for v in vars.iter().chain(std::iter::once(canon)) {
                m.entry(fold_stripped(v)).or_insert((*canon, *kind));
                m.entry(fold(v)).or_insert((*canon, *kind));
            }
        }
        m
    })
}

/// The known canonical name for a surface, if any.
pub fn known_alias(surface: &str) -> Option<(&'static str, EntityKind)> {
    let a = aliases();
    a.get(&fold(surface)).or_else(|| a.get(&fold_stripped(surface))).copied()
}

fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops a genitive ending when the rest is known: "Putins" → "Putin" when "Putin" is named in the article.
fn strip_genitive(base: &str, names: &[String], lex: &super::lexicon::Lexicon) -> Option<String> {
    let s = base.strip_suffix("’s").or_else(|| base.strip_suffix("'s")).or_else(|| base.strip_suffix('s'))?;
    if s.ends_with('s') || s.chars().count() < 2 {
        return None;
    }
    let last = s.rsplit(' ').next().unwrap_or(s);
    let known = names.iter().any(|n| n == s || n.rsplit(' ').next() == Some(last) || n.split(' ').next() == Some(last))
        || lex.is_place(s)
        || lex.is_first(s)
        || known_alias(s).is_some();
    known.then(|| s.to_string())
}

/// Sets `canonical` of every entity of one article.
pub fn resolve_article(ents: &mut [Entity]) {
    let lex = super::lexicon::get();
    let surfaces: Vec<String> = ents.iter().map(|e| tidy(&e.text)).collect();
    let mut bases: Vec<String> = Vec::with_capacity(ents.len());
    for (i, e) in ents.iter().enumerate() {
        let mut base = surfaces[i].clone();
        if known_alias(&base).is_none() {
            if let Some(s) = strip_genitive(&base, &surfaces, lex) {
                base = s;
            }
        }
        if let Some((c, _)) = known_alias(&base) {
            base = c.to_string();
        }
        let _ = e;
        bases.push(base);
    }
    // surname-only (or Korean family-name-only) mentions → the full name nearest before, else after
    let full: Vec<usize> =
        (0..ents.len()).filter(|&i| ents[i].kind == EntityKind::Per && bases[i].contains(' ')).collect();
    let folds: Vec<String> = (0..ents.len())
        .map(|i| if ents[i].kind == EntityKind::Per { fold(&bases[i]) } else { String::new() })
        .collect();
    for i in 0..ents.len() {
        let mut canon = bases[i].clone();
        if ents[i].kind == EntityKind::Per && !bases[i].contains(' ') {
            let k = &folds[i];
            let hit = |j: &usize| {
                let f = &folds[*j];
                f.rsplit(' ').next() == Some(k.as_str()) || f.split(' ').next() == Some(k.as_str())
            };
            let before = full.iter().rev().find(|&&j| j < i && hit(&j));
            let after = full.iter().find(|&&j| j > i && hit(&j));
            if let Some(&j) = before.or(after) {
                canon = bases[j].clone();
            }
        }
        ents[i].canonical = canon;
    }
}

/// Merges canonical names across many articles: transliteration variants, genitives, surname-only names
/// and first-name variants of one surname get one name, the most frequent full form.
#[derive(Default)]
pub struct Canonicalizer {
    /// canonical as given by `extract` → (count, kind counts)
    seen: HashMap<String, (usize, [usize; 4])>,
    map: Option<HashMap<String, String>>,
}

impl Canonicalizer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the entities of one article (as returned by [`super::extract`]).
    pub fn add(&mut self, entities: &[Entity]) {
        for e in entities {
            let c = if e.canonical.is_empty() { tidy(&e.text) } else { e.canonical.clone() };
            let s = self.seen.entry(c).or_insert((0, [0; 4]));
            s.0 += 1;
            s.1[super::model::kind_index(e.kind)] += 1;
        }
        self.map = None;
    }

    fn build(&mut self) -> &HashMap<String, String> {
        if self.map.is_none() {
            let names: Vec<&String> = {
                let mut v: Vec<&String> = self.seen.keys().collect();
                v.sort();
                v
            };
            let keys: Vec<String> = names.iter().map(|n| fold(n)).collect();
            let mut parent: Vec<usize> = (0..names.len()).collect();
            fn find(p: &mut [usize], mut x: usize) -> usize {
                while p[x] != x {
                    p[x] = p[p[x]];
                    x = p[x];
                }
                x
            }
            let union = |p: &mut Vec<usize>, a: usize, b: usize| {
                let (ra, rb) = (find(p, a), find(p, b));
                if ra != rb {
                    p[ra.max(rb)] = ra.min(rb);
                }
            };
            let is_per = |i: usize| {
                let k = &self.seen[names[i]].1;
                k[0] > 0 && k[0] * 2 >= k.iter().sum::<usize>()
            };
            let mut by_key: HashMap<&str, usize> = HashMap::new();
            for (i, k) in keys.iter().enumerate() {
                if let Some(&j) = by_key.get(k.as_str()) {
                    union(&mut parent, i, j);
                } else {
                    by_key.insert(k, i);
                }
            }
            for (i, k) in keys.iter().enumerate() {
                if let Some(&j) = k.strip_suffix('s').and_then(|s| by_key.get(s)) {
                    union(&mut parent, i, j);
                }
            }
            // full person names by surname; merge first-name variants with the same initial
            let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, k) in keys.iter().enumerate() {
                if is_per(i) && k.contains(' ') {
                    by_last.entry(k.rsplit(' ').next().unwrap_or("")).or_default().push(i);
                }
            }
            for group in by_last.values() {
                for a in 0..group.len() {
                    for b in a + 1..group.len() {
                        let (ka, kb) = (&keys[group[a]], &keys[group[b]]);
                        if ka.chars().next() == kb.chars().next() {
                            union(&mut parent, group[a], group[b]);
                        }
                    }
                }
            }
            // a lone surname → the one full name with that surname
            for (i, k) in keys.iter().enumerate() {
                if k.contains(' ') || !is_per(i) {
                    continue;
                }
                let k = k.strip_suffix('s').filter(|s| by_last.contains_key(s)).unwrap_or(k);
                if let Some(group) = by_last.get(k) {
                    let roots: std::collections::BTreeSet<usize> =
                        group.iter().map(|&g| find(&mut parent, g)).collect();
                    if roots.len() == 1 {
                        union(&mut parent, i, group[0]);
                    }
                }
            }
            // display name per cluster: most words, then most mentions, then alphabetical
            let mut best: HashMap<usize, usize> = HashMap::new();
            for i in 0..names.len() {
                let r = find(&mut parent, i);
                let better = match best.get(&r) {
                    None => true,
                    Some(&b) => {
                        let wi = keys[i].split(' ').count();
                        let wb = keys[b].split(' ').count();
                        (wi, self.seen[names[i]].0, std::cmp::Reverse(names[i]))
                            > (wb, self.seen[names[b]].0, std::cmp::Reverse(names[b]))
                    }
                };
                if better {
                    best.insert(r, i);
                }
            }
            let mut map = HashMap::new();
            for i in 0..names.len() {
                let r = find(&mut parent, i);
                map.insert(names[i].clone(), names[best[&r]].clone());
            }
            self.map = Some(map);
        }
        self.map.as_ref().expect("built")
    }

    /// The cross-article canonical name of one entity.
    pub fn canonical(&mut self, e: &Entity) -> String {
        let c = if e.canonical.is_empty() { tidy(&e.text) } else { e.canonical.clone() };
        self.build().get(&c).cloned().unwrap_or(c)
    }

    /// Rewrites `canonical` of `entities` (which were added before) to the cross-article name.
    pub fn apply(&mut self, entities: &mut [Entity]) {
        for e in entities.iter_mut() {
            e.canonical = self.canonical(e);
        }
    }
}

/// Canonical names across a batch of articles, in place.
pub fn canonicalize(articles: &mut [Vec<Entity>]) {
    let mut c = Canonicalizer::new();
    for a in articles.iter() {
        c.add(a);
    }
    for a in articles.iter_mut() {
        c.apply(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_variants() {
        assert_eq!(fold("Selenskyj"), fold("Zelenskyy"));
        assert_eq!(fold("Selenskyj"), fold("Zelensky"));
        assert_eq!(fold("Sinowjew"), fold("Zinoviev"));
        assert_eq!(fold("Budanow"), fold("Budanov"));
        assert_eq!(fold("Kim Jong-un"), fold("Kim Jong Un"));
        assert_eq!(fold("Yoon Suk-yeol"), fold("Yoon Suk Yeol"));
        assert_eq!(fold("Tichonow"), fold("Tikhonov"));
        assert_ne!(fold("Kim Jong-un"), fold("Kim Yong-hyun"));
        assert_eq!(fold_stripped("Nationalen Nachrichtendienstes"), fold_stripped("Nationaler Nachrichtendienst"));
    }
}
