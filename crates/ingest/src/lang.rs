use crate::rules;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// The languages lagebild has rules for; detection chooses among these only.
const SUPPORTED: [Language; 2] = [Language::German, Language::English];

/// Characters of the text's beginning that detection looks at.
const SAMPLE_CHARS: usize = 500;

/// Characters of the text's beginning whose function words are counted.
const FUNCTION_WORD_SAMPLE_CHARS: usize = 2000;

/// Function words of one language a sample needs before [`by_function_words`] decides without lingua.
const MIN_FUNCTION_WORDS: usize = 12;

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| LanguageDetectorBuilder::from_languages(&SUPPORTED).build())
}

/// ISO 639-1 code of the text's language, or `None` when there is too little text to tell.
pub fn detect(text: &str) -> Option<String> {
    // A prefix is plenty to tell two languages apart and keeps detection from dominating extraction:
    // lingua's cost grows with the sample (2,000 characters cost ~0.7 ms, as much as all extractors).
    let sample = prefix(text, SAMPLE_CHARS);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 12 {
        return None;
    }
    // Function words are counted on a longer prefix (microseconds), so that a page opening with a
    // headline or a list still gets decided without lingua.
    if let Some(code) = by_function_words(prefix(text, FUNCTION_WORD_SAMPLE_CHARS)) {
        return Some(code.to_string());
    }
    let lang = detector().detect_language_of(sample)?;
    Some(lang.iso_code_639_1().to_string())
}

/// The text's first `chars` characters, cut back to a word boundary when one is in the second half.
fn prefix(text: &str, chars: usize) -> &str {
    let cut = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
    let cut = text[..cut].rfind(char::is_whitespace).filter(|&i| i > cut / 2).unwrap_or(cut);
    &text[..cut]
}

/// The language whose function words fill the sample while the others' are (nearly) absent — the common
/// case of a whole article, decided in microseconds; `None` leaves mixed or short samples to lingua.
fn by_function_words(sample: &str) -> Option<&'static str> {
    let mut hits = [0usize; rules::ALL.len()];
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| (2..=6).contains(&w.len())) {
        let word = word.to_lowercase();
        for (n, r) in hits.iter_mut().zip(rules::ALL) {
            *n += r.function_words.contains(&word.as_str()) as usize;
        }
    }
    let best = (0..hits.len()).max_by_key(|&i| hits[i])?;
    let others: usize = hits.iter().sum::<usize>() - hits[best];
    (hits[best] >= MIN_FUNCTION_WORDS && others * 8 <= hits[best]).then(|| rules::ALL[best].code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tells_german_from_english() {
        assert_eq!(super::detect("Die Regierung hat am Freitag neue Zahlen veröffentlicht.").as_deref(), Some("de"));
        assert_eq!(super::detect("The government published new figures on Friday.").as_deref(), Some("en"));
        assert_eq!(super::detect("123 456"), None);
    }

    #[test]
    fn function_words_decide_clear_cases_and_leave_mixed_ones() {
        let de = "Die Feuerwehr war mit mehr als hundert Kräften im Einsatz, wie ein Sprecher sagte. Der Brand sei \
                  in der Nacht ausgebrochen und habe sich schnell auf das Dach einer Halle ausgebreitet, die nicht \
                  mehr zu retten war. Auch die Polizei ist vor Ort.";
        let en = "The fire brigade said more than a hundred firefighters were at the scene. The blaze broke out in \
                  the night and spread to the roof of a warehouse that could not be saved, according to the police, \
                  who have been at the site since the early hours.";
        assert_eq!(super::by_function_words(de), Some("de"));
        assert_eq!(super::by_function_words(en), Some("en"));
        assert_eq!(super::by_function_words("Der Film „The Lord of the Rings“ und die Musik."), None);
        assert_eq!(super::detect(de).as_deref(), Some("de"));
        assert_eq!(super::detect(en).as_deref(), Some("en"));
    }
}
