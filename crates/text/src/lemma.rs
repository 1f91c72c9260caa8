//! Small noun lemmatisers: German (lexicon of frequent news nouns with their plurals + suffix rules +
//! compound head) and English (singular). Readable lemmas ("soldat", "granate", "firefighter"), not stems.

use std::collections::HashMap;
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
        return lemma.to_string();
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
    ("people", "people"),
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
            ("Toten", "tote"),
            ("Mitarbeitern", "mitarbeiter"),
            ("Spezialkräfte", "kraft"),
            ("Jahren", "jahr"),
            ("Raketen", "rakete"),
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
            ("people", "people"),
            ("news", "news"),
            ("bus", "bus"),
        ] {
            assert_eq!(en_noun(w), l, "{w}");
        }
    }
}
