// Port of go-trafilatura/utils-common.go

pub mod language;
pub(crate) mod lru;
pub(crate) mod regex_patterns;
pub(crate) mod text;
pub(crate) mod url;

use unicode_normalization::UnicodeNormalization;

use crate::dom::{Document, NodeId};

/// Collapses internal whitespace and trims leading/trailing spaces.
/// Equivalent to Go's `strings.Join(strings.Fields(s), " ")`.
///
/// Also strips U+00AD (SOFT HYPHEN) characters, matching Go's html.Parse behavior
/// which removes them from text nodes during parsing.
///
/// Applies Unicode NFC normalization, matching Go's html.Parse which normalizes
/// NFD-encoded text (e.g. `u + U+0308` → `ü`) to NFC.
///
/// Port of `trim`.
pub fn trim(s: &str) -> String {
    // lagebild: same result as soft-hyphen filter → whitespace collapse → NFC, without the
    // intermediate strings; ASCII text is split on bytes, and NFC runs only when the text is not
    // already NFC.
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // The ASCII characters with Unicode White_Space: TAB, LF, VT, FF, CR, SPACE.
        for word in s
            .split(|c: char| matches!(c, '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' '))
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        return out;
    }
    let soft_hyphens = s.contains('\u{00AD}');
    for word in s.split_whitespace() {
        if soft_hyphens && word.contains('\u{00AD}') {
            // Strip soft hyphens (U+00AD) — Go's HTML parser removes them during tokenization.
            let start = out.len();
            if !out.is_empty() {
                out.push(' ');
            }
            let before = out.len();
            out.extend(word.chars().filter(|&c| c != '\u{00AD}'));
            if out.len() == before {
                out.truncate(start);
            }
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    // NFC normalization — Go's html.Parse normalizes NFD decomposed chars to NFC.
    if is_nfc_fast(&out) {
        out
    } else {
        out.nfc().collect()
    }
}

/// Counts the characters [`trim`] would return, as text is pushed piece by piece, without building it
/// (lagebild): whitespace runs count as one separator, soft hyphens not at all. Gives up ([`Stop::NotFast`])
/// on a character NFC might change, and ([`Stop::AtCap`]) once `cap` characters are certain.
struct TrimmedCount {
    committed: usize,
    words: usize,
    word: usize,
    cap: usize,
}

/// Why a [`TrimmedCount`] stopped early.
enum Stop {
    AtCap,
    NotFast,
}

impl TrimmedCount {
    fn new(cap: usize) -> Self {
        TrimmedCount {
            committed: 0,
            words: 0,
            word: 0,
            cap,
        }
    }

    fn end_word(&mut self) {
        if self.word > 0 {
            self.committed += self.word + usize::from(self.words > 0);
            self.words += 1;
            self.word = 0;
        }
    }

    fn push(&mut self, s: &str) -> Result<(), Stop> {
        for c in s.chars() {
            if c.is_whitespace() {
                self.end_word();
            } else if c == '\u{00AD}' {
            } else if nfc_fast_char(c) || nfc_stable(c) {
                self.word += 1;
                if self.committed + usize::from(self.words > 0) + self.word >= self.cap {
                    return Err(Stop::AtCap);
                }
            } else {
                return Err(Stop::NotFast);
            }
        }
        Ok(())
    }

    /// The count once every piece is pushed.
    fn finish(mut self) -> usize {
        self.end_word();
        self.committed
    }
}

/// `trim(&doc.text_content(id)).chars().count()` when it is below `cap`, else None (lagebild): the text is
/// counted as it is walked, without building it, and the walk stops once `cap` characters are certain.
/// Exact: text with a character NFC might change is counted the slow way.
pub(crate) fn trimmed_char_count_below(doc: &Document, id: NodeId, cap: usize) -> Option<usize> {
    let mut counter = TrimmedCount::new(cap);
    let mut stop = None;
    doc.for_each_text(id, &mut |t| match counter.push(t) {
        Ok(()) => true,
        Err(s) => {
            stop = Some(s);
            false
        }
    });
    match stop {
        None => Some(counter.finish()).filter(|&n| n < cap),
        Some(Stop::AtCap) => None,
        Some(Stop::NotFast) => {
            Some(trim(&doc.text_content(id)).chars().count()).filter(|&n| n < cap)
        }
    }
}

/// `trim(&doc.text_content(id)).chars().count()` without building either string (lagebild).
pub(crate) fn trimmed_char_count(doc: &Document, id: NodeId) -> usize {
    trimmed_char_count_below(doc, id, usize::MAX).unwrap_or(usize::MAX)
}

/// `trim(&doc.iter_text(id, separator))` built in one pass over the text pieces (lagebild): whitespace
/// runs become one space, soft hyphens are dropped, words may run across pieces; NFC as in [`trim`].
pub(crate) fn trimmed_iter_text(doc: &Document, id: NodeId, separator: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    doc.for_each_text_piece(id, separator, None, &mut |piece| {
        let soft_hyphens = piece.contains('\u{00AD}');
        for (i, segment) in piece.split(char::is_whitespace).enumerate() {
            space |= i > 0;
            let word = if soft_hyphens {
                std::borrow::Cow::Owned(segment.replace('\u{00AD}', ""))
            } else {
                std::borrow::Cow::Borrowed(segment)
            };
            if word.is_empty() {
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(&word);
        }
    });
    if is_nfc_fast(&out) {
        out
    } else {
        out.nfc().collect()
    }
}

/// `trim(&doc.iter_text(id, separator)).chars().count()` without building either string (lagebild);
/// text with a character NFC might change is counted the slow way.
pub(crate) fn trimmed_iter_text_char_count(doc: &Document, id: NodeId, separator: &str) -> usize {
    let mut counter = TrimmedCount::new(usize::MAX);
    let mut fast = true;
    doc.for_each_text_piece(id, separator, None, &mut |piece| {
        if fast && counter.push(piece).is_err() {
            fast = false;
        }
    });
    if fast {
        counter.finish()
    } else {
        trim(&doc.iter_text(id, separator)).chars().count()
    }
}

/// Whether a text made of such characters is NFC whatever surrounds them (lagebild): combining class 0
/// and NFC quick check Yes, so the quick check of any string of them says Yes (Cyrillic, Greek, CJK…).
fn nfc_stable(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) == 0
        && unicode_normalization::is_nfc_quick(std::iter::once(c))
            == unicode_normalization::IsNormalized::Yes
}

/// The characters NFC leaves alone that a range test finds (lagebild): below U+0300 (no combining marks, no
/// decompositions NFC applies), general punctuation U+2002–U+206F and currency symbols U+20A0–U+20C0
/// (quotes, dashes, €: NFC_QC=Yes, combining class 0).
fn nfc_fast_char(c: char) -> bool {
    c < '\u{0300}' || matches!(c, '\u{2002}'..='\u{206F}' | '\u{20A0}'..='\u{20C0}')
}

/// Whether `s` is certainly in NFC (lagebild): every character passes [`nfc_fast_char`], otherwise the
/// quick check decides.
fn is_nfc_fast(s: &str) -> bool {
    // lagebild: every character below U+0300 (the first combining mark) is NFC; in UTF-8 those are
    // exactly the texts whose bytes are all below 0xCC (lead bytes from 0xCC on start U+0300 and up).
    s.bytes().all(|b| b < 0xCC)
        || s.chars().all(nfc_fast_char)
        || unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// Counts words (whitespace-delimited tokens) in a string.
///
/// Port of `strWordCount`.
pub(crate) fn str_word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Returns the first non-empty string from the arguments.
///
/// Port of `strOr`.
pub(crate) fn str_or<'a>(args: &[&'a str]) -> &'a str {
    args.iter().find(|&&s| !s.is_empty()).copied().unwrap_or("")
}

/// Checks if an element has a valid image `src` or `data-src` attribute.
///
/// Port of `isImageElement`.
pub(crate) fn is_image_element(doc: &Document, id: NodeId) -> bool {
    for attr_name in ["src", "data-src", "data-srcset"] {
        if let Some(val) = doc.get_attribute(id, attr_name) {
            if is_image_file(&val) {
                return true;
            }
        }
    }
    // Also check any attribute starting with "data-src".
    for attr in doc.attribute_names(id) {
        if attr.starts_with("data-src") {
            if let Some(val) = doc.get_attribute(id, &attr) {
                if is_image_file(&val) {
                    return true;
                }
            }
        }
    }
    false
}

/// Checks whether a file path/URL appears to point to an image file.
///
/// Port of `isImageFile`.
pub(crate) fn is_image_file(src: &str) -> bool {
    if src.is_empty() {
        return false;
    }

    // Extract just the path portion before any query string.
    let path_part = src.split('?').next().unwrap_or(src);

    let ext = path_part
        .split('/')
        .next_back()
        .unwrap_or_default()
        .split('.')
        .next_back()
        .unwrap_or_default();

    let ext_lower = ext.to_lowercase();
    matches!(
        ext_lower.as_str(),
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "bmp" | "avif" | "tiff" | "tif" | "ico"
    )
}

/// Deduplicate a list of strings split from comma/semicolon-separated inputs.
/// Strips quotes and trims whitespace from each entry.
///
/// Port of `uniquifyLists`.
pub(crate) fn uniquify_lists(inputs: &[&str]) -> Vec<String> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut result = Vec::new();

    for &input in inputs {
        // Choose separator: whichever is more common.
        let sep = if input.chars().filter(|&c| c == ';').count()
            > input.chars().filter(|&c| c == ',').count()
        {
            ';'
        } else {
            ','
        };

        for entry in input.split(sep) {
            let entry = trim(entry).replace(['"', '\''], "");
            if !entry.is_empty() && seen.insert(entry.clone()) {
                result.push(entry);
            }
        }
    }

    result
}

/// Removes characters that are neither printable nor whitespace.
///
/// Port of Go's `removeControlCharacters` (keeps `unicode.IsPrint || IsSpace`).
/// Rust has no `is_printable`; this approximation keeps all whitespace
/// (matching Go's `IsSpace`) and drops control characters (`Cc`). Format
/// characters (`Cf`, e.g. zero-width space) are kept where Go removes them —
/// a cosmetic divergence noted in DEVIATIONS.md.
pub(crate) fn remove_control_characters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_whitespace() || !c.is_control())
        .collect()
}

/// Decodes common HTML entities in a string.
///
/// Handles named entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, etc.)
/// and numeric references (`&#NNN;`, `&#xHHH;`).
pub(crate) fn unescape_html(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }

    let mut result = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();

    while let Some((_, ch)) = chars.next() {
        if ch != '&' {
            result.push(ch);
            continue;
        }

        // Collect entity name up to ';' or a non-entity character.
        // Use peek() so that the terminating character is NOT consumed when
        // the guard fires — the outer loop will process it on the next iteration.
        let mut entity = String::new();
        let mut found_semi = false;

        while let Some(&(_, ec)) = chars.peek() {
            if ec == ';' {
                chars.next();
                found_semi = true;
                break;
            }
            if entity.len() > 12 || (!ec.is_alphanumeric() && ec != '#') {
                // Leave ec unconsumed so the outer loop handles it normally.
                break;
            }
            chars.next();
            entity.push(ec);
        }

        let decoded: Option<&str> = match entity.as_str() {
            "amp" => Some("&"),
            "lt" => Some("<"),
            "gt" => Some(">"),
            "quot" => Some("\""),
            "apos" => Some("'"),
            "nbsp" => Some("\u{00A0}"),
            "ndash" => Some("\u{2013}"),
            "mdash" => Some("\u{2014}"),
            "hellip" => Some("\u{2026}"),
            "laquo" => Some("\u{00AB}"),
            "raquo" => Some("\u{00BB}"),
            "copy" => Some("\u{00A9}"),
            "reg" => Some("\u{00AE}"),
            "trade" => Some("\u{2122}"),
            _ => None,
        };

        if let Some(d) = decoded {
            result.push_str(d);
            continue;
        }

        // Numeric character references — valid both with and without semicolon
        // (HTML5 spec §13.2.5.72 allows omitting ';' for numeric refs).
        if let Some(stripped) = entity.strip_prefix('#') {
            let cp = if let Some(hex) = stripped
                .strip_prefix('x')
                .or_else(|| stripped.strip_prefix('X'))
            {
                u32::from_str_radix(hex, 16).ok()
            } else {
                stripped.parse::<u32>().ok()
            };
            if let Some(c) = cp.and_then(char::from_u32) {
                result.push(c);
                continue;
            }
        }

        if !found_semi {
            // Named entity without semicolon and not a known legacy entity — emit literally.
            result.push('&');
            result.push_str(&entity);
            continue;
        }

        // Unknown entity with semicolon — emit literally.
        result.push('&');
        result.push_str(&entity);
        result.push(';');
    }

    result
}

/// Removes characters in common emoji Unicode ranges.
///
/// Approximates `gomoji.RemoveEmojis` from go-trafilatura.
/// Covers: Misc Symbols/Dingbats (U+2600–U+27BF), Supplemental Arrows &
/// Dingbats (U+2900–U+2BFF), supplementary emoji planes (U+1F000–U+1FFFF),
/// variation selectors (U+FE00–U+FE0F), and the Tags block (U+E0000–U+E007F).
pub(crate) fn remove_emojis(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            let cp = c as u32;
            !matches!(
                cp,
                0x2600..=0x27BF    // Misc Symbols, Dingbats
                | 0x2900..=0x2BFF  // Supplemental Arrows, Misc Symbols & Arrows
                | 0x1F000..=0x1FFFF // Supplementary multilingual plane (emoji)
                | 0xFE00..=0xFE0F  // Variation selectors
                | 0xE0000..=0xE007F // Tags block
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// lagebild: `trim` against the three steps it replaces, on texts built from every
    /// whitespace character, soft hyphens, combining marks, umlauts and other scripts.
    #[test]
    fn one_pass_trim_matches_the_three_steps() {
        use unicode_normalization::UnicodeNormalization;
        fn reference(s: &str) -> String {
            let words: Vec<String> = s
                .split_whitespace()
                .map(|w| w.chars().filter(|&c| c != '\u{00AD}').collect::<String>())
                .filter(|w| !w.is_empty())
                .collect();
            words.join(" ").nfc().collect()
        }
        let palette: Vec<char> = "\t\n\u{0B}\u{0C}\r \u{85}\u{A0}\u{1680}\u{2000}\u{2005}\u{200A}\u{200B}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{AD}\u{301}\u{308}aäßZ9.\u{1E9E}\u{2070}\u{3001}漢\u{E000}\u{1F600}\u{0958}"
            .chars()
            .collect();
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for len in 0..40 {
            for _ in 0..200 {
                let text: String = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        palette[(state % palette.len() as u64) as usize]
                    })
                    .collect();
                assert_eq!(super::trim(&text), reference(&text), "{text:?}");
            }
        }
    }
    /// lagebild: the counts and tests that avoid building strings against building and trimming them,
    /// on random texts spread over nested elements (whitespace, soft hyphens, combining marks, Hangul
    /// jamo that NFC composes, Cyrillic and CJK that it keeps).
    #[test]
    fn counts_match_building_and_trimming() {
        use crate::dom::Document;
        let palette: Vec<char> =
            "\t\n \u{A0}\u{2003}\u{AD}\u{301}\u{308}aäßZ9.дЖ漢\u{1100}\u{1161}\u{AC00}ê\u{1F600}"
                .chars()
                .collect();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut text = |len: u64| -> String {
            (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    palette[(state % palette.len() as u64) as usize]
                })
                .collect()
        };
        for round in 0..400u64 {
            let (a, b, c, d) = (
                text(round % 7),
                text(round % 11),
                text(round % 5),
                text(round % 13),
            );
            let html = format!("<html><body><div id=x><p>{a}<b>{b}</b>{c}</p><span>{d}</span><br>{a}</div></body></html>");
            let doc = Document::parse(&html);
            let id = doc.query_selector(doc.root(), "#x").expect("div");
            let content = doc.text_content(id);
            assert_eq!(
                super::trimmed_char_count(&doc, id),
                super::trim(&content).chars().count(),
                "{html:?}"
            );
            assert_eq!(
                super::trimmed_iter_text_char_count(&doc, id, " "),
                super::trim(&doc.iter_text(id, " ")).chars().count(),
                "{html:?}"
            );
            assert_eq!(
                doc.iter_text_char_count(id, " "),
                doc.iter_text(id, " ").chars().count(),
                "{html:?}"
            );
            assert_eq!(doc.text_char_count(id), content.chars().count(), "{html:?}");
            for sep in [" ", ""] {
                let built = super::trim(&doc.iter_text(id, sep));
                assert_eq!(super::trimmed_iter_text(&doc, id, sep), built, "{html:?}");
            }
            assert_eq!(
                super::text::text_chars_test(&content),
                !super::trim(&content).is_empty(),
                "{html:?}"
            );
            assert_eq!(
                super::text::subtree_has_text_chars(&doc, id),
                !super::trim(&content).is_empty(),
                "{html:?}"
            );
        }
    }

    /// lagebild: the one-pass `trim` equals upstream's three-step version.
    #[test]
    fn test_trim_matches_upstream() {
        fn upstream(s: &str) -> String {
            let no_soft_hyphen: String = s.chars().filter(|&c| c != '\u{00AD}').collect();
            let joined = no_soft_hyphen
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            joined.nfc().collect()
        }
        let cases = [
            "",
            " ",
            "  a  b\t\nc ",
            "a\u{0B}b\u{0C}c\rd",
            "x\u{1C}y",
            "Stra\u{00DF}e  \u{201E}Zitat\u{201C} \u{2013} 5 \u{20AC}",
            "u\u{0308}ber",
            "\u{00AD} a \u{00AD}\u{00AD} b\u{00AD}c",
            "a\u{00A0}b\u{2003}c\u{3000}d",
            "\u{2000}x\u{2001}",
            "\u{212B}ngstr\u{00F6}m",
            "e\u{0301}t\u{00E9} \u{1100}\u{1161}",
            "\u{0085}a\u{2028}b",
            "Ω \u{2126}",
        ];
        for c in cases {
            assert_eq!(trim(c), upstream(c), "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn test_trim() {
        assert_eq!(trim("  hello   world  "), "hello world");
        assert_eq!(trim("single"), "single");
        assert_eq!(trim(""), "");
        assert_eq!(trim("  "), "");
        assert_eq!(trim("a  b\tc"), "a b c");
    }

    #[test]
    fn test_str_word_count() {
        assert_eq!(str_word_count("hello world"), 2);
        assert_eq!(str_word_count("  one  two  three  "), 3);
        assert_eq!(str_word_count(""), 0);
        assert_eq!(str_word_count("single"), 1);
    }

    #[test]
    fn test_str_or() {
        assert_eq!(str_or(&["", "second", "third"]), "second");
        assert_eq!(str_or(&["first", "second"]), "first");
        assert_eq!(str_or(&["", ""]), "");
        assert_eq!(str_or(&[]), "");
    }

    #[test]
    fn test_is_image_file() {
        assert!(is_image_file("photo.jpg"));
        assert!(is_image_file("/photo.jpg"));
        assert!(is_image_file("image.PNG"));
        assert!(is_image_file(
            "https://cdn.example.com/img/photo.webp?size=large"
        ));
        assert!(is_image_file("//cdn.example.com/img/photo.webp?size=large"));
        assert!(!is_image_file("document.pdf"));
        assert!(!is_image_file("script.js"));
        assert!(!is_image_file(""));
        assert!(!is_image_file("noextension"));
    }

    #[test]
    fn test_uniquify_lists() {
        let result = uniquify_lists(&["one, two, three", "two, four"]);
        assert!(result.contains(&"one".to_string()));
        assert!(result.contains(&"two".to_string()));
        assert!(result.contains(&"three".to_string()));
        assert!(result.contains(&"four".to_string()));
        // "two" should appear only once.
        assert_eq!(result.iter().filter(|&s| s == "two").count(), 1);
    }

    #[test]
    fn test_uniquify_lists_semicolon() {
        let result = uniquify_lists(&["alpha; beta; gamma"]);
        assert_eq!(result.len(), 3);
    }

    #[test]
    fn test_uniquify_lists_strips_quotes() {
        let result = uniquify_lists(&[r#""rust", "python""#]);
        assert!(result.contains(&"rust".to_string()));
        assert!(result.contains(&"python".to_string()));
    }

    #[test]
    fn test_unescape_html_common_entities() {
        assert_eq!(unescape_html("&amp;"), "&");
        assert_eq!(unescape_html("&lt;tag&gt;"), "<tag>");
        assert_eq!(unescape_html("&quot;hello&quot;"), "\"hello\"");
        assert_eq!(unescape_html("A &amp; B"), "A & B");
        assert_eq!(unescape_html("no entities"), "no entities");
    }

    #[test]
    fn test_unescape_html_numeric_refs() {
        assert_eq!(unescape_html("&#65;"), "A");
        assert_eq!(unescape_html("&#x41;"), "A");
        assert_eq!(unescape_html("&#x1F600;"), "\u{1F600}");
    }

    #[test]
    fn test_unescape_html_long_entity_no_corruption() {
        // Entity names longer than 12 chars should be emitted literally without
        // swallowing the terminating character.
        let input = "&verylongentityname; rest";
        let result = unescape_html(input);
        // The long unknown entity is emitted literally; " rest" must follow intact.
        assert!(result.ends_with(" rest"), "got: {result}");
        assert!(result.contains('&'), "got: {result}");
    }

    #[test]
    fn test_unescape_html_non_entity_ampersand() {
        // Ampersand not followed by a semicolon should be emitted literally.
        assert_eq!(unescape_html("a & b"), "a & b");
    }

    #[test]
    fn test_remove_emojis_basic() {
        // U+1F600 (😀) — supplementary plane, should be removed.
        assert_eq!(remove_emojis("hello \u{1F600} world"), "hello  world");
        // U+2764 (❤) — in Misc Symbols range, removed.
        assert_eq!(remove_emojis("love \u{2764}"), "love ");
        // ASCII should not be affected.
        assert_eq!(remove_emojis("plain text"), "plain text");
    }

    #[test]
    fn test_remove_emojis_extended_ranges() {
        // U+2B50 (⭐) — in 0x2900–0x2BFF range, should now be removed.
        assert_eq!(remove_emojis("rating \u{2B50}"), "rating ");
        // U+2B06 (⬆) — also in that range.
        assert_eq!(remove_emojis("up \u{2B06}"), "up ");
    }
}
