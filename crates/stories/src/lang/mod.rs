//! Per-language knowledge as data: stopwords, month and weekday names, news concepts (`de.rs`, `en.rs`), the
//! wire agencies and the transliteration folds of names (here, they are the same in every language), and the
//! stemmers.

pub mod de;
pub mod en;

use lagebild_core::Lang;
use lagebild_text::calendar;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

/// Wire agencies as they appear in datelines and credit lines (lowercase), with the name reported.
/// Longer spellings come first so that "dpa-afx" wins over "dpa".
pub const AGENCIES: &[(&str, &str)] = &[
    ("dpa-afx", "dpa-AFX"),
    ("dpa", "dpa"),
    ("afp", "AFP"),
    ("reuters", "Reuters"),
    ("ap", "AP"),
    ("kna", "KNA"),
    ("epd", "epd"),
    ("keystone-sda", "SDA"),
    ("sda", "SDA"),
    ("apa", "APA"),
    ("dts", "dts"),
    ("ddp", "ddp"),
    ("dapd", "dapd"),
    ("sid", "SID"),
    ("ansa", "ANSA"),
    ("efe", "EFE"),
    ("xinhua", "Xinhua"),
    ("yonhap", "Yonhap"),
    ("kyodo", "Kyodo"),
    ("tass", "TASS"),
    ("interfax", "Interfax"),
    ("upi", "UPI"),
    ("ukrinform", "Ukrinform"),
    ("anp", "ANP"),
    ("belga", "Belga"),
    ("pap", "PAP"),
    ("ctk", "ČTK"),
    ("čtk", "ČTK"),
];

/// Phrases that introduce a credit line at the end of an article ("Quelle: dpa", "Mit Material von AFP").
pub const CREDIT_PREFIXES: &[&str] = &[
    "quelle:",
    "quellen:",
    "mit material von",
    "mit material der",
    "mit material aus",
    "material von",
    "source:",
    "sources:",
    "with material from",
    "additional reporting by",
    "©",
    "(c)",
    "copyright",
    "foto:",
    "bild:",
];

/// Spelling steps that make a name written in German, English or a transliteration of it (Ukrainian,
/// Russian, Korean) the same key, applied in order to the lowercase name without diacritics: "Winnyzja" and
/// "Vinnytsia" → "vinysya", "Krawtschenko" and "Kravchenko" → "kravchenko", "Selenskyj" and "Zelensky" →
/// "selensky". Keys are only compared, never shown, so they may merge a few unrelated names; IDF and the other
/// features of an article keep that harmless.
pub const NAME_FOLDS: &[(&str, &str)] = &[
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("ts", "s"),
    ("tz", "s"),
    ("z", "s"),
    ("w", "v"),
    ("j", "y"),
    ("ck", "k"),
    ("ph", "f"),
    ("ia", "ya"),
    ("iy", "y"),
];

/// Diacritics folded before [`NAME_FOLDS`] (German umlauts as their base letter, as English spells them).
const DIACRITICS: &[(char, &str)] = &[
    ('ä', "a"),
    ('á', "a"),
    ('à', "a"),
    ('â', "a"),
    ('ö', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('ø', "o"),
    ('ü', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('é', "e"),
    ('è', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('í', "i"),
    ('ï', "i"),
    ('ß', "ss"),
    ('ç', "c"),
    ('č', "ch"),
    ('š', "sh"),
    ('ž', "sh"),
    ('ñ', "n"),
];

/// The cross-language key of one lowercase name word: diacritics and [`NAME_FOLDS`], then doubled letters
/// made single.
pub fn fold_name(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match DIACRITICS.iter().find(|(d, _)| *d == c) {
            Some((_, to)) => s.push_str(to),
            None => s.push(c),
        }
    }
    for (from, to) in NAME_FOLDS {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The knowledge of one language, built once.
pub struct LangTables {
    pub stopwords: FxHashSet<&'static str>,
    pub months: FxHashMap<&'static str, u8>,
    pub weekdays: FxHashMap<&'static str, u8>,
    /// Stem of a concept word → its concept (`de::CONCEPTS`, `en::CONCEPTS`).
    concepts: FxHashMap<String, &'static str>,
    /// Whether a compound counts for the concept of its head (German writes compounds as one word).
    compound_heads: bool,
    pub stemmer: Stemmer,
}

/// Shortest compound head and modifier (characters) for a compound to count for the head's concept.
const MIN_HEAD_CHARS: usize = 4;
const MIN_MODIFIER_CHARS: usize = 3;

impl LangTables {
    fn new(lang: Lang) -> LangTables {
        let (stop, cal, concepts, compound_heads, algo) = match lang {
            Lang::De => (de::STOPWORDS, &calendar::DE, de::CONCEPTS, true, Algorithm::German),
            Lang::En => (en::STOPWORDS, &calendar::EN, en::CONCEPTS, false, Algorithm::English),
        };
        let numbered = |list: &'static [(&'static str, u32)]| list.iter().map(|&(w, n)| (w, n as u8));
        let stemmer = Stemmer::create(algo);
        LangTables {
            stopwords: stop.iter().copied().collect(),
            months: numbered(cal.months).chain(numbered(cal.month_abbr)).collect(),
            weekdays: numbered(cal.weekdays).collect(),
            concepts: concepts.iter().map(|&(w, c)| (stemmer.stem(w).into_owned(), c)).collect(),
            compound_heads,
            stemmer,
        }
    }

    /// The concept of a stem: the stem itself, or (where compounds are written as one word) its longest head
    /// that is a concept word.
    pub fn concept(&self, stem: &str) -> Option<&'static str> {
        if let Some(c) = self.concepts.get(stem) {
            return Some(c);
        }
        if !self.compound_heads {
            return None;
        }
        let n = stem.chars().count();
        stem.char_indices()
            .map(|(i, _)| i)
            .enumerate()
            .filter(|&(k, _)| k >= MIN_MODIFIER_CHARS && n - k >= MIN_HEAD_CHARS)
            .find_map(|(_, i)| self.concepts.get(&stem[i..]).copied())
    }
}

/// Tables for every language lagebild has rules for.
pub struct Tables {
    de: LangTables,
    en: LangTables,
}

impl Tables {
    pub fn new() -> Tables {
        Tables { de: LangTables::new(Lang::De), en: LangTables::new(Lang::En) }
    }

    pub fn get(&self, lang: Lang) -> &LangTables {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    /// Guesses German or English from stopword counts over lowercase tokens (ties go to German).
    pub fn guess<'a>(&self, tokens: impl Iterator<Item = &'a str>) -> Lang {
        let (mut de, mut en) = (0usize, 0usize);
        for t in tokens.take(400) {
            de += self.de.stopwords.contains(t) as usize;
            en += self.en.stopwords.contains(t) as usize;
        }
        if en > de {
            Lang::En
        } else {
            Lang::De
        }
    }
}

impl Default for Tables {
    fn default() -> Self {
        Tables::new()
    }
}

/// The agency named by one lowercase token, when it is one.
pub fn agency(token: &str) -> Option<&'static str> {
    AGENCIES.iter().find(|(k, _)| *k == token).map(|(_, v)| *v)
}
