//! The shape of a line: what it looks like, regardless of what it says.

use crate::rules::Rules;

/// A line reduced for comparison with cue tables: lower case, trailing punctuation and colons dropped.
pub fn cue_key(line: &str) -> String {
    line.trim().trim_end_matches([':', '.', '!', '…', ' ']).to_lowercase()
}

pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Rough count of sentences: terminal punctuation followed by a space or the end.
pub fn sentence_count(s: &str) -> usize {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut n = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?') && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) {
            n += 1;
        }
    }
    n.max(1)
}

/// Ends like a sentence and has enough words to be one.
pub fn is_sentence_like(s: &str) -> bool {
    let t = s.trim_end();
    let last = t.chars().last();
    word_count(t) >= 4 && matches!(last, Some('.' | '!' | '?' | '"' | '“' | '»' | '«' | '”' | ')' | ':' | '…'))
}

/// `cue` occurs in `hay` at a word start (cues are lower case; `hay` already lower-cased).
pub fn contains_word(hay: &str, cue: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(cue) {
        let at = from + pos;
        if hay[..at].chars().last().is_none_or(|c| !c.is_alphanumeric()) {
            return true;
        }
        from = at + cue.len();
    }
    false
}

/// A counter line: digits only ("2205", "1.204"), or a number with a counter noun ("61 Kommentare").
pub fn is_counter(line: &str, rules: &[&Rules]) -> bool {
    let t = line.trim();
    if !t.is_empty()
        && t.chars().count() <= 9
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | 'k' | 'K' | ' '))
        && t.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    let lower = t.to_lowercase();
    // "Comments (14)"
    if let Some((noun, count)) = lower.strip_suffix(')').and_then(|l| l.split_once(" (")) {
        if !count.is_empty()
            && count.chars().all(|c| c.is_ascii_digit())
            && rules.iter().any(|r| r.counter_nouns.contains(&noun))
        {
            return true;
        }
    }
    let Some((num, rest)) = lower.split_once(' ') else {
        return false;
    };
    num.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && !num.is_empty()
        && rules.iter().any(|r| r.counter_nouns.contains(&rest.trim()))
}

/// Starts with a personal name shape: two capitalised words that are not an article or pronoun.
pub fn starts_with_name(line: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Es", "The", "A", "An", "He", "She", "It", "This", "In", "Im",
        "Am", "Auf", "Nach", "Laut",
    ];
    let mut words = line.split_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    let cap = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().skip(1).all(|c| c.is_alphabetic() || c == '-')
    };
    cap(a) && cap(b) && !NOT_NAMES.contains(&a)
}

/// The line repeats the headline, possibly glued to a kicker ("Ukraine-KriegSüdkorea erwägt …").
pub fn is_title_repeat(line: &str, title: &str) -> bool {
    let (l, t) = (normalize(line), normalize(title));
    if t.chars().count() < 12 {
        return false;
    }
    if l == t {
        return true;
    }
    match l.strip_suffix(t.as_str()) {
        Some(kicker) => kicker.chars().count() <= 60 && !kicker.contains(". "),
        None => false,
    }
}

/// The text of a bullet item ("- x", "• x", "* x", "– x"), or `None` if the line is no bullet.
pub fn bullet_body(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ["- ", "• ", "* ", "– ", "· ", "▶ ", "► "].iter().find_map(|b| t.strip_prefix(b)).map(str::trim)
}

/// Looks like a link to another article: a headline ("Thema: Schlagzeile") rather than a sentence.
pub fn is_link_like(item: &str) -> bool {
    let t = item.trim();
    let words = word_count(t);
    if words == 0 || words > 20 {
        return false;
    }
    let kicker = t.split_once(": ").is_some_and(|(k, _)| word_count(k) <= 4);
    kicker || !t.ends_with('.')
}

/// Splits a trailing photo credit off a paragraph: "… Spezialeinheiten. Foto: Name/Agentur".
pub fn split_credit(para: &str) -> (&str, Option<&str>) {
    const MARKERS: &[&str] = &[" Foto: ", " Fotos: ", " Bild: ", " Photo: ", " Image: ", " Credit: "];
    for m in MARKERS {
        if let Some(pos) = para.rfind(m) {
            let credit = para[pos + 1..].trim();
            let body = para[..pos].trim_end();
            if word_count(credit) <= 8 && !credit.trim_end_matches('.').contains(". ") && !body.is_empty() {
                return (body, Some(credit));
            }
        }
    }
    (para, None)
}
