use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// The languages lagebild has rules for; detection chooses among these only.
const SUPPORTED: [Language; 2] = [Language::German, Language::English];

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| LanguageDetectorBuilder::from_languages(&SUPPORTED).build())
}

/// ISO 639-1 code of the text's language, or `None` when there is too little text to tell.
pub fn detect(text: &str) -> Option<String> {
    // A prefix is plenty for two languages and keeps long articles cheap.
    let sample: String = text.chars().take(2000).collect();
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 12 {
        return None;
    }
    let lang = detector().detect_language_of(&sample)?;
    Some(lang.iso_code_639_1().to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tells_german_from_english() {
        assert_eq!(super::detect("Die Regierung hat am Freitag neue Zahlen veröffentlicht.").as_deref(), Some("de"));
        assert_eq!(super::detect("The government published new figures on Friday.").as_deref(), Some("en"));
        assert_eq!(super::detect("123 456"), None);
    }
}
