//! From one article to what the clusterer compares: weighted features (stemmed content words, entity names,
//! dates, numbers), the language-independent features that link articles across languages (names folded
//! over transliterations, news concepts, dates, weekdays, numbers) and a MinHash signature of its word
//! 3-grams. Pure and per article, so it runs in parallel; everything that depends on other articles
//! (document frequencies) happens later, in order.

use crate::lang::{fold_name, Tables};
use crate::{Config, StoryInput};
use lagebild_core::Lang;
use rustc_hash::FxHashMap;

/// Number of MinHash functions in a signature.
pub const NUM_HASHES: usize = 128;

/// Longest token kept (characters); longer runs are noise (URLs, base64).
const MAX_TOKEN_CHARS: usize = 40;

/// What kind of feature a key stands for; part of the hashed key so that "E:reid" and "T:reid" differ.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Kind {
    Term = b'T',
    Entity = b'E',
    Name = b'N',
    Day = b'D',
    Year = b'Y',
    Number = b'#',
    // Language-independent features (kept apart from the ones above, which stay per language).
    XlName = b'P',
    XlConcept = b'C',
    XlWeekday = b'W',
    XlDay = b'd',
    XlYear = b'y',
    XlNumber = b'n',
}

/// One article made ready for the clusterer.
#[derive(Debug, Clone)]
pub struct Features {
    pub lang: Lang,
    /// Feature key → weighted term frequency (before IDF), sorted by key.
    pub terms: Vec<(u64, f32)>,
    /// Language-independent feature key → weighted term frequency (before IDF), sorted by key: what an
    /// article is compared on with articles in another language.
    pub xl: Vec<(u64, f32)>,
    /// MinHash signature of the word 3-grams; `None` for a text without words.
    pub signature: Option<Box<[u32]>>,
    pub wire_agency: Option<&'static str>,
    /// Distinct years (1900–2099) written in the title or text, ascending.
    pub years: Vec<u16>,
    /// The article's protagonist, when it has a clear one: the key of the name (given entity, or capitalised
    /// word in English) it repeats most, if named at least [`LEAD_MIN`] times (title mentions count
    /// [`Config::title_weight`] times). At most [`LEAD_NAMES`] keys, sorted.
    pub lead_names: Vec<u64>,
}

/// Most names kept in [`Features::lead_names`]: one, the protagonist (with two, a place or organisation
/// shared by both events of a kind usually rescues the pair; measured on ECB+).
pub const LEAD_NAMES: usize = 1;
/// Least mentions for a name to be the protagonist: fewer is a passing mention (ECB+: 5–8 all give B3 F1
/// 0.922–0.925 in file order, 3–4 none of the gain).
pub const LEAD_MIN: f32 = 6.0;

/// What a lowercase token stands for: its stem's feature key, its concept's key (news concept or weekday), and
/// its key as a name.
#[derive(Clone, Copy)]
struct Stemmed {
    term: Option<u64>,
    concept: Option<u64>,
    name: u64,
}

/// Per-thread memo of stems: lowercase token → feature keys. Never changes results, only speed.
#[derive(Default)]
pub struct StemCache {
    de: FxHashMap<String, Stemmed>,
    en: FxHashMap<String, Stemmed>,
}

const STEM_CACHE_LIMIT: usize = 400_000;

/// FNV-1a over bytes with a kind prefix, finished with a strong mix.
pub(crate) fn key(kind: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(kind).chain(s.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64 finaliser.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

struct Token {
    /// Byte range in the lowercase buffer.
    start: usize,
    end: usize,
    capitalised: bool,
    sentence_start: bool,
    has_letter: bool,
    /// Index of the line the token is on.
    line: u32,
}

/// Splits into runs of letters and digits, lowercased into one buffer.
fn tokenize(text: &str, lower: &mut String, tokens: &mut Vec<Token>) {
    lower.clear();
    tokens.clear();
    let mut sentence_start = true;
    let mut line = 0u32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            let start = lower.len();
            let capitalised = c.is_uppercase();
            let mut has_letter = c.is_alphabetic();
            let mut n = 1;
            lower.extend(c.to_lowercase());
            while let Some(&d) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                has_letter |= d.is_alphabetic();
                n += 1;
                if n <= MAX_TOKEN_CHARS {
                    lower.extend(d.to_lowercase());
                }
                chars.next();
            }
            if n > MAX_TOKEN_CHARS {
                lower.truncate(start);
            } else {
                tokens.push(Token { start, end: lower.len(), capitalised, sentence_start, has_letter, line });
            }
            sentence_start = false;
        } else if c == '\n' {
            line += 1;
            sentence_start = true;
        } else if matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '“' | '„' | '«' | '»' | '`' | '(' | '[' | '-' | '–' | '—'
        ) {
            // A new sentence, clause or quotation: a capital letter after it says nothing about names.
            sentence_start = true;
        }
    }
}

/// Adds `n` occurrences to feature `k`, whose kind weighs `weight` (applied after the sublinear damping).
fn bump(counts: &mut FxHashMap<u64, (f32, f32)>, k: u64, n: f32, weight: f32) {
    let e = counts.entry(k).or_insert((0.0, weight));
    e.0 += n;
}

fn stem_key(tables: &Tables, lang: Lang, cache: &mut StemCache, tok: &str) -> Stemmed {
    let map = match lang {
        Lang::De => &mut cache.de,
        Lang::En => &mut cache.en,
    };
    if let Some(k) = map.get(tok) {
        return *k;
    }
    let t = tables.get(lang);
    let name = key(Kind::XlName as u8, &fold_name(tok));
    let k = if tok.chars().count() < 2 || t.stopwords.contains(tok) {
        let weekday = t.weekdays.get(tok).map(|d| key(Kind::XlWeekday as u8, &d.to_string()));
        Stemmed { term: None, concept: weekday, name }
    } else {
        let stem = t.stemmer.stem(tok);
        if stem.chars().count() < 2 || t.stopwords.contains(stem.as_ref()) {
            Stemmed { term: None, concept: None, name }
        } else {
            Stemmed {
                term: Some(key(Kind::Term as u8, &stem)),
                concept: t.concept(&stem).map(|c| key(Kind::XlConcept as u8, c)),
                name,
            }
        }
    };
    if map.len() >= STEM_CACHE_LIMIT {
        map.clear();
    }
    map.insert(tok.to_string(), k);
    k
}

/// Reusable buffers for [`featurize`].
#[derive(Default)]
pub struct Scratch {
    pub cache: StemCache,
    lower: String,
    tokens: Vec<Token>,
    counts: FxHashMap<u64, (f32, f32)>,
    xl: FxHashMap<u64, (f32, f32)>,
    shingles: Vec<u64>,
    years: Vec<u16>,
    names: FxHashMap<u64, f32>,
}

/// Counts the features of one piece of text (title or body) into `scratch.counts` with multiplier `mult`.
fn count_text(text: &str, lang: Lang, mult: f32, config: &Config, tables: &Tables, scratch: &mut Scratch) {
    let Scratch { cache, lower, tokens, counts, xl, years, names, .. } = scratch;
    tokenize(text, lower, tokens);
    let t = tables.get(lang);
    // Lines written in title case (headlines) say nothing about names.
    let mut headline_lines: Vec<u32> = Vec::new();
    if lang == Lang::En && (config.name_weight > 0.0 || config.xl_name_weight > 0.0) {
        let mut i = 0;
        while i < tokens.len() {
            let line = tokens[i].line;
            let (mut words, mut caps) = (0usize, 0usize);
            while i < tokens.len() && tokens[i].line == line {
                if tokens[i].has_letter {
                    words += 1;
                    caps += tokens[i].capitalised as usize;
                }
                i += 1;
            }
            if words >= 3 && caps * 10 >= words * 6 {
                headline_lines.push(line);
            }
        }
    }
    for (i, tok) in tokens.iter().enumerate() {
        let s = &lower[tok.start..tok.end];
        if !tok.has_letter {
            let Ok(n) = s.parse::<u32>() else { continue };
            if (1900..=2099).contains(&n) && s.len() == 4 {
                years.push(n as u16);
                if config.date_weight > 0.0 {
                    bump(counts, key(Kind::Year as u8, s), mult, config.date_weight);
                    bump(xl, key(Kind::XlYear as u8, s), mult, config.date_weight);
                }
            } else if config.number_weight > 0.0 && s.len() <= 9 {
                bump(counts, key(Kind::Number as u8, s), mult, config.number_weight);
                bump(xl, key(Kind::XlNumber as u8, s), mult, config.number_weight);
            }
            continue;
        }
        // A month name next to a day number is a date.
        if let Some(&m) = t.months.get(s) {
            let day = |j: usize| -> Option<u32> {
                let d = tokens.get(j)?;
                let n: u32 = lower[d.start..d.end].parse().ok()?;
                (1..=31).contains(&n).then_some(n)
            };
            let d = day(i + 1).or_else(|| i.checked_sub(1).and_then(day));
            if let Some(d) = d {
                if config.date_weight > 0.0 {
                    let day = format!("{m}-{d}");
                    bump(counts, key(Kind::Day as u8, &day), mult, config.date_weight);
                    bump(xl, key(Kind::XlDay as u8, &day), mult, config.date_weight);
                }
            }
        }
        let stemmed = stem_key(tables, lang, cache, s);
        if let Some(c) = stemmed.concept {
            bump(xl, c, mult, 1.0);
        }
        if let Some(k) = stemmed.term {
            bump(counts, k, mult, 1.0);
            if tok.capitalised && !headline_lines.contains(&tok.line) {
                // A capitalised word inside a sentence, or one that starts a run of them, is (part of) a name.
                // German capitalises every noun, so there only the other language's names can match it.
                let next_cap =
                    tokens.get(i + 1).is_some_and(|n| n.capitalised && !n.sentence_start && n.line == tok.line);
                if !tok.sentence_start || next_cap {
                    if lang == Lang::En && config.name_weight > 0.0 {
                        let k = key(Kind::Name as u8, s);
                        bump(counts, k, mult, config.name_weight);
                        *names.entry(k).or_default() += mult;
                    }
                    if config.xl_name_weight > 0.0 {
                        bump(xl, stemmed.name, mult, config.xl_name_weight);
                    }
                }
            }
        }
    }
}

/// Computes the features of one article. Deterministic; independent of every other article.
pub fn featurize(input: &StoryInput, config: &Config, tables: &Tables, scratch: &mut Scratch) -> Features {
    let lang = input.language.unwrap_or_else(|| {
        tokenize(&input.text, &mut scratch.lower, &mut scratch.tokens);
        let lower = &scratch.lower;
        tables.guess(scratch.tokens.iter().map(|t| &lower[t.start..t.end]))
    });
    scratch.counts.clear();
    scratch.xl.clear();
    scratch.names.clear();
    scratch.years.clear();
    if !input.title.is_empty() {
        count_text(&input.title, lang, config.title_weight, config, tables, scratch);
    }
    // The body last, so that its tokens stay in the buffers for the signature.
    count_text(&input.text, lang, 1.0, config, tables, scratch);
    for e in &input.entities {
        let name = e.trim().to_lowercase();
        if !name.is_empty() {
            let k = key(Kind::Entity as u8, &name);
            bump(&mut scratch.counts, k, 1.0, config.entity_weight);
            *scratch.names.entry(k).or_default() += 1.0;
            for w in name.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3) {
                bump(&mut scratch.xl, key(Kind::XlName as u8, &fold_name(w)), 1.0, config.xl_name_weight);
            }
        }
    }
    let damped = |m: &FxHashMap<u64, (f32, f32)>| -> Vec<(u64, f32)> {
        let mut v: Vec<(u64, f32)> =
            m.iter().map(|(&k, &(c, w))| (k, w * if c > 1.0 { 1.0 + c.ln() } else { c })).collect();
        v.sort_unstable_by_key(|&(k, _)| k);
        v
    };
    let terms = damped(&scratch.counts);
    let xl = damped(&scratch.xl);
    let signature = signature(scratch);
    let mut years = std::mem::take(&mut scratch.years);
    years.sort_unstable();
    years.dedup();
    let mut lead: Vec<(u64, f32)> =
        scratch.names.iter().filter(|&(_, &n)| n >= LEAD_MIN).map(|(&k, &n)| (k, n)).collect();
    lead.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut lead_names: Vec<u64> = lead.iter().take(LEAD_NAMES).map(|&(k, _)| k).collect();
    lead_names.sort_unstable();
    Features { lang, terms, xl, signature, wire_agency: crate::wire::wire_agency(&input.text), years, lead_names }
}

/// Multipliers of the MinHash functions (odd), from a fixed seed.
fn hash_params() -> &'static [(u64, u64); NUM_HASHES] {
    use std::sync::OnceLock;
    static PARAMS: OnceLock<[(u64, u64); NUM_HASHES]> = OnceLock::new();
    PARAMS.get_or_init(|| {
        let mut p = [(0u64, 0u64); NUM_HASHES];
        let mut s = 0x5eed_1a6e_b11d_u64;
        for slot in p.iter_mut() {
            s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let a = mix(s) | 1;
            s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
            *slot = (a, mix(s));
        }
        p
    })
}

/// MinHash of the body's word 3-grams (all words, stopwords included; single words for texts under three).
fn signature(scratch: &mut Scratch) -> Option<Box<[u32]>> {
    let Scratch { lower, tokens, shingles, .. } = scratch;
    if tokens.is_empty() {
        return None;
    }
    let words: Vec<u64> = tokens.iter().map(|t| key(b'w', &lower[t.start..t.end])).collect();
    shingles.clear();
    if words.len() < 3 {
        shingles.extend(words.iter().copied());
    } else {
        shingles.extend(words.windows(3).map(|w| mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42))));
    }
    shingles.sort_unstable();
    shingles.dedup();
    let params = hash_params();
    let mut sig = vec![u32::MAX; NUM_HASHES].into_boxed_slice();
    for &h in shingles.iter() {
        for (m, &(a, b)) in sig.iter_mut().zip(params.iter()) {
            let v = (h.wrapping_mul(a).wrapping_add(b) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    Some(sig)
}
