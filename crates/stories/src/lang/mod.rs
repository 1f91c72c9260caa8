//! Per-language knowledge as data: stopwords and month names (`de.rs`, `en.rs`), the wire agencies (here,
//! they are the same in every language), and the stemmers.

pub mod de;
pub mod en;

use lagebild_core::Lang;
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

/// The knowledge of one language, built once.
pub struct LangTables {
    pub stopwords: FxHashSet<&'static str>,
    pub months: FxHashMap<&'static str, u8>,
    pub stemmer: Stemmer,
}

impl LangTables {
    fn new(lang: Lang) -> LangTables {
        let (stop, months, algo) = match lang {
            Lang::De => (de::STOPWORDS, de::MONTHS, Algorithm::German),
            Lang::En => (en::STOPWORDS, en::MONTHS, Algorithm::English),
        };
        LangTables {
            stopwords: stop.iter().copied().collect(),
            months: months.iter().copied().collect(),
            stemmer: Stemmer::create(algo),
        }
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
