//! Which wire agency an article names as its origin: the dateline ("Hamburg (dpa) -", "PARIS (AFP) -"), a
//! byline ("By …, Associated Press") or a credit line at the end ("Quelle: dpa", "jat/dpa").

use crate::lang::{agency, CREDIT_PREFIXES};

/// How far into the text a dateline or byline is looked for (characters).
const HEAD_CHARS: usize = 300;
/// How far from the end credit lines are looked for (characters).
const TAIL_CHARS: usize = 300;

/// Agency names written out in full (lowercase), with the name reported.
const FULL_NAMES: &[(&str, &str)] = &[
    ("deutsche presse-agentur", "dpa"),
    ("associated press", "AP"),
    ("agence france-presse", "AFP"),
    ("agence france presse", "AFP"),
    ("katholische nachrichten-agentur", "KNA"),
    ("evangelischer pressedienst", "epd"),
    ("schweizerische depeschenagentur", "SDA"),
    ("austria presse agentur", "APA"),
];

/// The agency the text names as its origin, if any.
pub fn wire_agency(text: &str) -> Option<&'static str> {
    let head = prefix_chars(text, HEAD_CHARS);
    if let Some(a) = parenthesised(head) {
        return Some(a);
    }
    let head_lower = head.to_lowercase();
    if let Some(a) = full_name(&head_lower) {
        return Some(a);
    }
    let tail = suffix_chars(text, TAIL_CHARS);
    // Credit lines, last line first.
    for line in tail.lines().rev().map(str::trim).filter(|l| !l.is_empty()).take(4) {
        let lower = line.to_lowercase();
        if let Some(a) = credit_line(&lower) {
            return Some(a);
        }
    }
    None
}

fn prefix_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

fn suffix_chars(text: &str, n: usize) -> &str {
    let count = text.chars().count();
    if count <= n {
        return text;
    }
    match text.char_indices().nth(count - n) {
        Some((i, _)) => &text[i..],
        None => text,
    }
}

/// Pieces of an agency code group such as "dpa/lno", "AFP, dpa", "Keystone-SDA".
fn pieces(group: &str) -> impl Iterator<Item = &str> {
    group
        .split(|c: char| c == '/' || c == ',' || c == ';' || c == '|' || c == '+' || c.is_whitespace())
        .filter(|p| !p.is_empty())
}

/// The first agency in a group of codes, when the group is nothing but codes (at most 40 characters).
fn code_group(group: &str) -> Option<&'static str> {
    if group.is_empty() || group.chars().count() > 40 {
        return None;
    }
    let lower = group.to_lowercase();
    let mut found = None;
    for p in pieces(&lower) {
        let q = p.trim_matches(|c: char| !c.is_alphanumeric());
        if matches!(q, "photo" | "foto" | "fotos" | "bild" | "video" | "grafik")
            || q.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        if found.is_none() {
            found = agency(q).or_else(|| q.split('-').find_map(agency));
        }
    }
    found
}

/// "(dpa)", "(AFP/dpa)", "(dpa/lno)" in the head.
fn parenthesised(head: &str) -> Option<&'static str> {
    let mut rest = head;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        if let Some(a) = code_group(&after[..close]) {
            return Some(a);
        }
        rest = &after[close + 1..];
    }
    None
}

fn full_name(lower: &str) -> Option<&'static str> {
    FULL_NAMES.iter().filter_map(|(k, v)| lower.find(k).map(|i| (i, *v))).min_by_key(|(i, _)| *i).map(|(_, v)| v)
}

/// "Quelle: dpa", "Mit Material von AFP und dpa", "jat/dpa", "(dpa)", "© dpa-infocom".
fn credit_line(lower: &str) -> Option<&'static str> {
    for prefix in CREDIT_PREFIXES {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim();
            let first = rest
                .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == ';' || c == '.')
                .filter(|p| !p.is_empty() && *p != "und" && *p != "and")
                .find_map(|p| agency(p).or_else(|| p.split('-').next().and_then(agency)));
            if let Some(a) = first {
                return Some(a);
            }
            if let Some(a) = full_name(rest) {
                return Some(a);
            }
        }
    }
    let bare = lower.trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c.is_whitespace());
    if bare.contains('/') || agency(bare).is_some() {
        return code_group(bare);
    }
    full_name(lower).filter(|_| lower.chars().count() <= 60)
}

#[cfg(test)]
mod tests {
    use super::wire_agency;

    #[test]
    fn datelines() {
        assert_eq!(wire_agency("Hamburg (dpa) - Der Hafen meldet Rekorde."), Some("dpa"));
        assert_eq!(wire_agency("Berlin (dpa/lno) - Im Norden regnet es."), Some("dpa"));
        assert_eq!(wire_agency("PARIS (AFP) - France said on Monday"), Some("AFP"));
        assert_eq!(wire_agency("LONDON (Reuters) - Britain's economy"), Some("Reuters"));
        assert_eq!(wire_agency("Zürich (Keystone-SDA) - Die Börse"), Some("SDA"));
        assert_eq!(wire_agency("Frankfurt (dpa-AFX) - Der Dax stieg"), Some("dpa-AFX"));
        assert_eq!(wire_agency("WASHINGTON (AP) — The Senate voted"), Some("AP"));
    }

    #[test]
    fn credit_lines() {
        assert_eq!(wire_agency("Der Text.\n\nQuelle: dpa"), Some("dpa"));
        assert_eq!(wire_agency("Der Text.\n\nMit Material von AFP und dpa"), Some("AFP"));
        assert_eq!(wire_agency("Der Text.\njat/dpa"), Some("dpa"));
        assert_eq!(wire_agency("By Jane Roe, Associated Press\nThe text."), Some("AP"));
    }

    #[test]
    fn none() {
        assert_eq!(wire_agency("Die Stadt (rund 5000 Einwohner) feiert."), None);
        assert_eq!(wire_agency("Ein Bild (Foto: dpa) zeigt den Hafen."), None);
        assert_eq!(wire_agency(""), None);
        assert_eq!(wire_agency("Der Apfel (AP 12) fällt."), None);
    }
}
