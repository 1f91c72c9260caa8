//! Gazetteers (from `data/entities/`, see `build_gazetteers.py` there) and the per-token flags drawn from
//! them and from the language tables.

use super::{de, en, known};
use std::collections::{HashMap, HashSet};

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the lexicon's keys are short words, where SipHash costs more than the lookup.
#[derive(Default)]
pub struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}
pub type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

pub const NOUN: u32 = 1;
pub const NOUN_STEM: u32 = 1 << 1;
pub const NOUN_COMPOUND: u32 = 1 << 2;
pub const FIRST: u32 = 1 << 3;
pub const SURNAME: u32 = 1 << 4;
pub const PLACE: u32 = 1 << 5;
pub const PLACE_GEN: u32 = 1 << 6;
pub const KNOWN_ORG: u32 = 1 << 7;
pub const KNOWN_LOC: u32 = 1 << 8;
pub const ORG_SUFFIX: u32 = 1 << 9;
pub const ROLE: u32 = 1 << 10;
pub const FUNC: u32 = 1 << 11;
pub const CAP: u32 = 1 << 12;
pub const ALLCAPS: u32 = 1 << 13;
pub const DIGIT: u32 = 1 << 14;
pub const HYPHEN: u32 = 1 << 15;
pub const PART_PLACE: u32 = 1 << 16;
pub const PART_ORG: u32 = 1 << 17;
pub const NOT_NAME: u32 = 1 << 18;
pub const FIRST_GEN: u32 = 1 << 19;
pub const LOWER: u32 = 1 << 20;
pub const LAST_NOUN: u32 = 1 << 21;
pub const NFLAGS: u32 = 22;

pub struct Lexicon {
    nouns: FastSet<&'static str>,
    first: FastSet<&'static str>,
    surnames: FastSet<&'static str>,
    places: FastSet<&'static str>,
    /// known single-word surfaces → kind index in `known::KNOWN`
    pub known_words: FastMap<&'static str, usize>,
    /// first four lower-case letters of the first word of multi-word known names
    pub known_prefixes: FastSet<String>,
    func_de: FastSet<&'static str>,
    func_en: FastSet<&'static str>,
    roles_de: FastSet<&'static str>,
    roles_en: FastSet<&'static str>,
    not_names: FastSet<&'static str>,
    /// distributional word classes at three granularities (`clusters_de.txt`, see `examples/cluster_words.rs`)
    clusters: FastMap<&'static str, [u16; 3]>,
}

/// The first four lower-case characters of `w`.
pub fn prefix4(w: &str) -> String {
    w.chars().flat_map(char::to_lowercase).take(4).collect()
}

/// `word \t c64 \t c256 \t c1024` lines.
fn clusters(s: &'static str) -> FastMap<&'static str, [u16; 3]> {
    let mut out = FastMap::default();
    for l in s.lines() {
        let mut it = l.split('\t');
        let Some(w) = it.next() else { continue };
        let mut c = [NO_CLUSTER; 3];
        for x in c.iter_mut() {
            *x = it.next().and_then(|v| v.parse().ok()).unwrap_or(NO_CLUSTER);
        }
        out.insert(w, c);
    }
    out
}

/// The class of a word the clustering never saw.
pub const NO_CLUSTER: u16 = u16::MAX;

fn lines(s: &'static str) -> FastSet<&'static str> {
    s.lines().filter(|l| !l.is_empty()).collect()
}

pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut known_words = FastMap::default();
        let mut known_prefixes = FastSet::default();
        for (i, (_, _, variants)) in known::KNOWN.iter().enumerate() {
            for v in variants.iter() {
                if !v.contains(' ') {
                    known_words.entry(*v).or_insert(i);
                } else {
                    known_prefixes.insert(prefix4(v));
                }
            }
        }
        Lexicon {
            nouns: lines(include_str!("../../data/entities/nouns_de.txt")),
            first: lines(include_str!("../../data/entities/first_names.txt")),
            surnames: lines(include_str!("../../data/entities/surnames.txt")),
            places: lines(include_str!("../../data/entities/places.txt")),
            known_words,
            known_prefixes,
            func_de: de::FUNCTION_WORDS.iter().copied().collect(),
            func_en: en::FUNCTION_WORDS.iter().copied().collect(),
            roles_de: de::ROLE_CUES.iter().copied().collect(),
            roles_en: en::ROLE_CUES.iter().copied().collect(),
            not_names: de::NOT_NAMES.iter().copied().collect(),
            clusters: clusters(include_str!("../../data/entities/clusters_de.txt")),
        }
    })
}

fn capitalize(lower: &str, buf: &mut String) {
    buf.clear();
    let mut cs = lower.chars();
    if let Some(c) = cs.next() {
        buf.extend(c.to_uppercase());
        buf.push_str(cs.as_str());
    }
}

impl Lexicon {
    /// Word classes of `w` (as written, else its lower-case form: sentence-initial words).
    pub fn clusters(&self, w: &str, lower: &str) -> [u16; 3] {
        self.clusters.get(w).or_else(|| self.clusters.get(lower)).copied().unwrap_or([NO_CLUSTER; 3])
    }
    pub fn is_noun(&self, w: &str) -> bool {
        self.nouns.contains(w)
    }
    pub fn is_place(&self, w: &str) -> bool {
        self.places.contains(w)
    }
    pub fn is_first(&self, w: &str) -> bool {
        self.first.contains(w)
    }
    pub fn is_func(&self, lower: &str, german: bool) -> bool {
        if german {
            self.func_de.contains(lower)
        } else {
            self.func_en.contains(lower)
        }
    }

    /// A role noun: in the table, or a compound ending in a role suffix.
    pub fn is_role(&self, lower: &str, german: bool) -> bool {
        if german {
            self.roles_de.contains(lower)
                || de::ROLE_SUFFIXES.iter().any(|s| lower.ends_with(s) && lower.len() > s.len() + 2)
                || lower.rsplit('-').next().is_some_and(|p| p != lower && self.roles_de.contains(p))
        } else {
            self.roles_en.contains(lower)
        }
    }

    /// German noun check through case endings: "Soldaten" → "Soldat".
    fn noun_stem(&self, w: &str) -> bool {
        for e in ["s", "es", "n", "en", "e", "er", "ern", "ns"] {
            if let Some(stem) = w.strip_suffix(e) {
                if stem.chars().count() >= 3 && self.nouns.contains(stem) {
                    return true;
                }
            }
        }
        false
    }

    /// Flags of one word; `lower` is its lower-cased form, `buf` scratch space.
    pub fn flags(&self, w: &str, lower: &str, german: bool, buf: &mut String) -> u32 {
        let mut f = 0;
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            f |= CAP;
        }
        if first.is_lowercase() {
            f |= LOWER;
        }
        if w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(|c| c.is_uppercase()) {
            f |= ALLCAPS;
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            f |= DIGIT;
        }
        if self.nouns.contains(w) {
            f |= NOUN;
        } else if f & CAP != 0 && self.noun_stem(w) {
            f |= NOUN_STEM;
        }
        if self.first.contains(w) {
            f |= FIRST;
        }
        if self.surnames.contains(w) {
            f |= SURNAME;
        }
        if self.places.contains(w) {
            f |= PLACE;
        }
        if let Some(&i) = self.known_words.get(w) {
            // a known person's name (surname alone or first name) is a name, not a place or body
            f |= match known::KNOWN[i].1 {
                lagebild_core::EntityKind::Loc => KNOWN_LOC,
                lagebild_core::EntityKind::Per => SURNAME,
                _ => KNOWN_ORG,
            };
        }
        if let Some(stem) = w.strip_suffix('s') {
            if self.places.contains(stem) {
                f |= PLACE_GEN;
            }
            if self.first.contains(stem) || self.surnames.contains(stem) {
                f |= FIRST_GEN;
            }
        }
        if self.is_func(lower, german) {
            f |= FUNC;
        }
        if self.is_role(lower, german) {
            f |= ROLE;
        }
        if self.not_names.contains(w) {
            f |= NOT_NAME;
        }
        if german && de::ORG_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
            f |= ORG_SUFFIX;
        }
        if w.contains('-') {
            f |= HYPHEN;
            let head = w.split('-').next().unwrap_or("");
            if self.places.contains(head)
                || self.known_words.get(head).is_some_and(|&i| known::KNOWN[i].1 == lagebild_core::EntityKind::Loc)
            {
                f |= PART_PLACE;
            }
            if self.known_words.get(head).is_some_and(|&i| known::KNOWN[i].1 == lagebild_core::EntityKind::Org) {
                f |= PART_ORG;
            }
            if let Some(last) = w.rsplit('-').next() {
                capitalize(&last.to_lowercase(), buf);
                if self.nouns.contains(buf.as_str()) || self.noun_stem(buf) {
                    f |= LAST_NOUN;
                }
            }
        }
        if german && f & (NOUN | NOUN_STEM) == 0 && f & CAP != 0 && lower.len() >= 7 && !w.contains('-') {
            // compound: a known noun as tail ("Dringlichkeitssitzung" → "Sitzung")
            let cs: Vec<(usize, char)> = lower.char_indices().collect();
            for k in 2..cs.len().saturating_sub(3) {
                let tail = &lower[cs[k].0..];
                capitalize(tail, buf);
                if self.nouns.contains(buf.as_str()) || (tail.len() > 4 && self.noun_stem(buf)) {
                    f |= NOUN_COMPOUND;
                    break;
                }
            }
        }
        f
    }
}
