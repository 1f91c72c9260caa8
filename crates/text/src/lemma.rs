//! Noun lemmatisers: German (frequent news nouns with their compound heads, then the Wiktionary noun
//! lexicon, then suffix rules) and English (singular). Readable lemmas ("soldat", "passagier",
//! "firefighter"), not stems, so that outlets writing "Passagiere" and "Passagieren" count the same thing.

use flate2::read::GzDecoder;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::OnceLock;

/// German nouns frequent in news: lemma and plural. A word whose end is one of an entry's forms gets
/// that entry's lemma, so compounds get their head: "Elitesoldaten" → "soldat".
const DE_NOUNS: &[(&str, &str)] = &[
    ("soldat", "soldaten"),
    ("soldatin", "soldatinnen"),
    ("truppe", "truppen"),
    ("mensch", "menschen"),
    ("person", "personen"),
    ("kind", "kinder"),
    ("frau", "frauen"),
    ("mann", "männer"),
    ("granate", "granaten"),
    ("rakete", "raketen"),
    ("drohne", "drohnen"),
    ("bombe", "bomben"),
    ("mine", "minen"),
    ("patrone", "patronen"),
    ("geschoss", "geschosse"),
    ("panzer", "panzer"),
    ("container", "container"),
    ("flüchtling", "flüchtlinge"),
    ("offizier", "offiziere"),
    ("kämpfer", "kämpfer"),
    ("söldner", "söldner"),
    ("rekrut", "rekruten"),
    ("reservist", "reservisten"),
    ("zivilist", "zivilisten"),
    ("opfer", "opfer"),
    ("einwohner", "einwohner"),
    ("bürger", "bürger"),
    ("arbeiter", "arbeiter"),
    ("mitarbeiter", "mitarbeiter"),
    ("mitglied", "mitglieder"),
    ("teilnehmer", "teilnehmer"),
    ("polizist", "polizisten"),
    ("journalist", "journalisten"),
    ("demonstrant", "demonstranten"),
    ("student", "studenten"),
    ("präsident", "präsidenten"),
    ("patient", "patienten"),
    ("kandidat", "kandidaten"),
    ("diplomat", "diplomaten"),
    ("migrant", "migranten"),
    ("geisel", "geiseln"),
    ("arzt", "ärzte"),
    ("helfer", "helfer"),
    ("schüler", "schüler"),
    ("lehrer", "lehrer"),
    ("wähler", "wähler"),
    ("tote", "tote"),
    ("verletzte", "verletzte"),
    ("gefangene", "gefangene"),
    ("vermisste", "vermisste"),
    ("verwundete", "verwundete"),
    ("angestellte", "angestellte"),
    ("abgeordnete", "abgeordnete"),
    ("beschäftigte", "beschäftigte"),
    ("freiwillige", "freiwillige"),
    ("jugendliche", "jugendliche"),
    ("erwachsene", "erwachsene"),
    ("beamte", "beamte"),
    ("leute", "leute"),
    ("kraft", "kräfte"),
    ("brigade", "brigaden"),
    ("division", "divisionen"),
    ("einheit", "einheiten"),
    ("bataillon", "bataillone"),
    ("waffe", "waffen"),
    ("schiff", "schiffe"),
    ("boot", "boote"),
    ("flugzeug", "flugzeuge"),
    ("fahrzeug", "fahrzeuge"),
    ("hubschrauber", "hubschrauber"),
    ("haus", "häuser"),
    ("gebäude", "gebäude"),
    ("wohnung", "wohnungen"),
    ("familie", "familien"),
    ("haushalt", "haushalte"),
    ("land", "länder"),
    ("staat", "staaten"),
    ("stadt", "städte"),
    ("dorf", "dörfer"),
    ("ort", "orte"),
    ("tonne", "tonnen"),
    ("stelle", "stellen"),
    ("fall", "fälle"),
    ("jahr", "jahre"),
    ("monat", "monate"),
    ("woche", "wochen"),
    ("tag", "tage"),
    ("stunde", "stunden"),
    ("minute", "minuten"),
    ("sekunde", "sekunden"),
    ("kommentar", "kommentare"),
    ("stimme", "stimmen"),
    ("sitz", "sitze"),
    ("punkt", "punkte"),
    ("tier", "tiere"),
    ("auto", "autos"),
    ("zug", "züge"),
    ("flug", "flüge"),
    ("bus", "busse"),
    ("exporteur", "exporteure"),
    ("knöllchen", "knöllchen"),
];

/// Heads too general to stand for their compound: "Einsatzkräfte", "Standorte", "Sattelzüge" and
/// "Feuerwehrleute" keep their own lemma when the lexicon knows them ("Elitesoldaten" still → "soldat").
const DE_GENERIC_HEADS: &[&str] = &["kraft", "leute", "ort", "zug", "stunde", "minute", "stelle", "punkt", "fall"];

/// Every inflected form of the lexicon (lemma, plural, + "n"/"s", lemma + "es") → lemma.
fn de_forms() -> &'static HashMap<String, &'static str> {
    static FORMS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut m = HashMap::new();
        for &(lemma, plural) in DE_NOUNS {
            for (form, endings) in [(lemma, &["", "n", "s", "es"][..]), (plural, &["", "n", "s"][..])] {
                for e in endings {
                    m.entry(format!("{form}{e}")).or_insert(lemma);
                }
            }
        }
        m
    })
}

/// German noun lemmas with their plural, from Wiktionary (`data/build_nouns.py` rebuilds it).
const DE_LEXICON_GZ: &[u8] = include_bytes!("../data/nouns_de.tsv.gz");

/// The Wiktionary lexicon: every lemma and its plural, borrowed from the decompressed file kept for the life
/// of the process (no allocation per entry: ~10 MB instead of ~60 MB of hash-map strings). Other forms are
/// derived at lookup: dative plural "-n", genitive "-s"/"-es".
struct Lexicon {
    lemmas: HashSet<&'static str>,
    /// plural → lemma (the first lemma listed wins)
    plurals: HashMap<&'static str, &'static str>,
    /// A lemma that is also the plural of a masculine singular: adjectival nouns ("beschäftigte" →
    /// "beschäftigter", "verletzte" → "verletzter") and "-leute" ("feuerwehrleute" → "feuerwehrmann").
    singular: HashMap<String, &'static str>,
}

fn de_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut text = String::new();
        // The file is part of the binary; a failure here is a build defect, and lemmas then come from rules.
        let _ = GzDecoder::new(DE_LEXICON_GZ).read_to_string(&mut text);
        let text: &'static str = Box::leak(text.into_boxed_str());
        let mut lex = Lexicon { lemmas: HashSet::new(), plurals: HashMap::new(), singular: HashMap::new() };
        for line in text.lines() {
            let Some((lemma, plural)) = line.split_once('\t') else { continue };
            if lemma.strip_suffix('r') == Some(plural) && plural.ends_with('e') {
                lex.singular.insert(plural.to_string(), lemma);
            }
            if let (Some(stem), true) = (lemma.strip_suffix("mann"), plural.ends_with("männer")) {
                lex.singular.insert(format!("{stem}leute"), lemma);
            }
            lex.lemmas.insert(lemma);
            if !plural.is_empty() {
                lex.plurals.entry(plural).or_insert(lemma);
            }
        }
        lex
    })
}

/// Lemma of a word the Wiktionary lexicon knows whole: a lemma stays itself ("reifen"), a form gets its lemma.
fn de_lexicon_lemma(w: &str) -> Option<String> {
    let lex = de_lexicon();
    if lex.lemmas.contains(w) {
        return Some(w.to_string());
    }
    if let Some(lemma) = lex.plurals.get(w) {
        return Some(lemma.to_string());
    }
    // dative plural: "Ländern" (plural "länder")
    if let Some(lemma) = w.strip_suffix('n').filter(|p| !p.ends_with(['n', 's'])).and_then(|p| lex.plurals.get(p)) {
        return Some(lemma.to_string());
    }
    // genitive singular: "Hauses", "Wagens"
    ["es", "s"].iter().find_map(|e| w.strip_suffix(e).filter(|l| lex.lemmas.contains(l))).map(str::to_string)
}

/// Shortest part a compound's head may have, and longest modifier in front, for lexicon lookups of heads.
const DE_MIN_HEAD: usize = 5;
const DE_MIN_MODIFIER: usize = 3;

/// Plural endings that are stripped from words outside the lexicon: (ending, replacement).
const DE_SUFFIXES: &[(&str, &str)] = &[
    ("innen", "in"),
    ("ungen", "ung"),
    ("heiten", "heit"),
    ("keiten", "keit"),
    ("schaften", "schaft"),
    ("ionen", "ion"),
    ("täten", "tät"),
    ("nisse", "nis"),
    ("ern", "er"),
    ("eln", "el"),
    ("en", "e"),
];

/// Lemma of a German noun (any case, any number), lower case, compound head where the head is a known
/// noun: "Elitesoldaten" → "soldat", "Artilleriegranaten" → "granate", "Offiziere" → "offizier".
pub fn de_noun(word: &str) -> String {
    let lemma = de_noun_form(word);
    de_lexicon().singular.get(&lemma).map(|s| s.to_string()).unwrap_or(lemma)
}

fn de_noun_form(word: &str) -> String {
    let w = word.to_lowercase();
    // the last part of a hyphenated compound is its head
    let w = w.rsplit(['-', '‑']).next().unwrap_or(&w).to_string();
    // longest known form that ends the word, with a modifier of at least three letters in front
    let forms = de_forms();
    let mut best: Option<(usize, &str)> = None;
    for (pos, _) in w.char_indices() {
        if pos != 0 && w[..pos].chars().count() < 3 {
            continue;
        }
        if let Some(&lemma) = forms.get(&w[pos..]) {
            best = Some((w.len() - pos, lemma));
            break;
        }
    }
    if let Some((_, lemma)) = best {
        if !DE_GENERIC_HEADS.contains(&lemma) {
            return lemma.to_string();
        }
        // "Einsatzkräfte" is not counted as "Kräfte": keep the compound the lexicon knows
        return de_lexicon_lemma(&w).unwrap_or_else(|| lemma.to_string());
    }
    if let Some(lemma) = de_lexicon_lemma(&w) {
        return lemma;
    }
    // an unknown compound whose head the lexicon knows: "Terminalbetreibern" → "betreiber"
    for (pos, _) in w.char_indices().skip(DE_MIN_MODIFIER) {
        let head = &w[pos..];
        if head.chars().count() < DE_MIN_HEAD {
            break;
        }
        if let Some(lemma) = de_lexicon_lemma(head) {
            return lemma;
        }
    }
    if w.chars().count() > 4 {
        for &(end, rep) in DE_SUFFIXES {
            if let Some(stem) = w.strip_suffix(end) {
                if stem.chars().count() >= 3 {
                    return format!("{stem}{rep}");
                }
            }
        }
        // Offiziere → offizier, Kommentare → kommentar (plural -e after a consonant)
        if let Some(stem) = w.strip_suffix('e') {
            if stem.ends_with(|c: char| !"aeiouäöüy".contains(c)) && !stem.ends_with(['t', 'g']) {
                return stem.to_string();
            }
        }
        if let Some(stem) = w.strip_suffix('s') {
            if stem.ends_with(['a', 'o', 'i', 'y']) {
                return stem.to_string();
            }
        }
    }
    w
}

const EN_IRREGULAR: &[(&str, &str)] = &[
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("halves", "half"),
    ("wolves", "wolf"),
    ("thieves", "thief"),
    ("series", "series"),
    ("species", "species"),
    ("news", "news"),
    ("police", "police"),
    ("people", "person"),
    ("data", "data"),
];

/// Singular lower-case form of an English noun: "firefighters" → "firefighter", "casualties" → "casualty".
pub fn en_noun(word: &str) -> String {
    let w = word.to_lowercase();
    let last = w.rsplit(['-', '‑']).next().unwrap_or(&w);
    for &(pl, sg) in EN_IRREGULAR {
        if let Some(stem) = last.strip_suffix(pl) {
            if stem.is_empty() || pl.len() > 3 || stem.ends_with(['s', 'h', 'n', 'e', 'a']) {
                return w[..w.len() - pl.len()].to_string() + sg;
            }
        }
    }
    let stem = &w[..w.len()];
    if w.len() > 4 {
        if let Some(s) = stem.strip_suffix("ies") {
            return format!("{s}y");
        }
        for end in ["sses", "xes", "ches", "shes", "zzes"] {
            if let Some(s) = stem.strip_suffix(end) {
                return format!("{s}{}", &end[..end.len() - 2]);
            }
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german() {
        for (w, l) in [
            ("Elitesoldaten", "soldat"),
            ("Soldaten", "soldat"),
            ("Artilleriegranaten", "granate"),
            ("Container", "container"),
            ("Offiziere", "offizier"),
            ("Menschen", "mensch"),
            ("Truppen", "truppe"),
            ("Nordkoreaner", "nordkoreaner"),
            ("Länder", "land"),
            ("Ländern", "land"),
            ("UN-Soldaten", "soldat"),
            ("Verhandlungen", "verhandlung"),
            ("Kommentare", "kommentar"),
            ("Toten", "toter"),
            ("Mitarbeitern", "mitarbeiter"),
            ("Spezialkräfte", "spezialkräfte"),
            ("Einsatzkräften", "einsatzkraft"),
            ("Feuerwehrleute", "feuerwehrmann"),
            ("Beschäftigten", "beschäftigter"),
            ("Überstunden", "überstunde"),
            ("Jahren", "jahr"),
            ("Raketen", "rakete"),
            ("Passagiere", "passagier"),
            ("Passagieren", "passagier"),
            ("Fahrgäste", "fahrgast"),
            ("Arbeitsplätze", "arbeitsplatz"),
            ("Reifen", "reifen"),
            ("Nachbeben", "nachbeben"),
            ("Fläche", "fläche"),
            ("Objekte", "objekt"),
            ("Terminalbetreibern", "betreiber"),
        ] {
            assert_eq!(de_noun(w), l, "{w}");
        }
    }

    #[test]
    fn english() {
        for (w, l) in [
            ("soldiers", "soldier"),
            ("firefighters", "firefighter"),
            ("casualties", "casualty"),
            ("Troops", "troop"),
            ("women", "woman"),
            ("policemen", "policeman"),
            ("boxes", "box"),
            ("people", "person"),
            ("news", "news"),
            ("bus", "bus"),
        ] {
            assert_eq!(en_noun(w), l, "{w}");
        }
    }
}
