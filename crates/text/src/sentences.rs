//! Sentence boundaries for German and English news text, as code point spans.
//!
//! A period ends a sentence when whitespace and an upper-case letter, a digit or an opening quote follow, unless
//! it closes an ordinal ("am 1. November"), an initial ("John F. Kennedy") or a known abbreviation.

use lagebild_core::Span;

/// Abbreviations (lower case, without the period) after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "st", "nr", "bzw", "ca", "vgl", "usw", "etc", "z.b", "u.a", "d.h", "o.ä", "inkl", "ggf", "evtl",
    "mio", "mrd", "jh", "jhd", "abs", "str", "tel", "mr", "mrs", "ms", "jr", "sr", "gen", "col", "lt", "sgt", "gov",
    "sen", "rep", "no", "vs", "approx", "dept", "u.s", "a.m", "p.m", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
];

/// The sentences of `text`, in order, trimmed of surrounding whitespace; paragraph breaks always end one.
pub fn sentences(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let paragraph_break = c == '\n' && chars.get(i + 1) == Some(&'\n');
        let mut end = None;
        if paragraph_break {
            end = Some(i);
        } else if matches!(c, '.' | '!' | '?' | '…') {
            // Closing quotes and brackets belong to the sentence.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j], '"' | '“' | '”' | '«' | '»' | '\'' | '’' | ')' | '.' | '!' | '?')
            {
                j += 1;
            }
            if is_boundary(&chars, i, j) {
                end = Some(j);
            }
        }
        if let Some(e) = end {
            push_trimmed(&chars, start, e, &mut out);
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

/// Whether the punctuation at `i` (with closers up to `j`) ends a sentence.
fn is_boundary(chars: &[char], i: usize, j: usize) -> bool {
    match chars.get(j) {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let next = chars[j..].iter().find(|c| !c.is_whitespace());
    let Some(&next) = next else { return true };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '„' | '“' | '«' | '»' | '‚' | '(' | '-' | '–'))
    {
        return false;
    }
    if chars[i] != '.' {
        return true;
    }
    // The word before the period.
    let mut k = i;
    while k > 0 && !chars[k - 1].is_whitespace() && !matches!(chars[k - 1], '(' | '"' | '„') {
        k -= 1;
    }
    let word: String = chars[k..i].iter().collect::<String>().to_lowercase();
    if word.is_empty() {
        return true;
    }
    let ordinal = word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 2 && next.is_uppercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    !(ordinal || initial || ABBREVIATIONS.contains(&word.as_str()))
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push(Span::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn splits_german_news() {
        let t = "Die Truppen sollen bis zum 1. November bereit sein. Das sagte Dr. Meier am Montag.\n\nNeuer Absatz „mit Zitat.“ Danach: Ende!";
        assert_eq!(
            split(t),
            [
                "Die Truppen sollen bis zum 1. November bereit sein.",
                "Das sagte Dr. Meier am Montag.",
                "Neuer Absatz „mit Zitat.“",
                "Danach: Ende!"
            ]
        );
    }

    #[test]
    fn splits_english_news() {
        let t = "John F. Kennedy spoke. \"We will act,\" he said. About 3.5 million people watched.";
        assert_eq!(
            split(t),
            ["John F. Kennedy spoke.", "\"We will act,\" he said.", "About 3.5 million people watched."]
        );
    }

    #[test]
    fn spans_are_code_points() {
        let t = "Über Öl. Ärger folgt.";
        let s = sentences(t);
        assert_eq!(s[1].slice(t), "Ärger folgt.");
        assert_eq!(s[1], Span::new(9, 21));
    }
}
