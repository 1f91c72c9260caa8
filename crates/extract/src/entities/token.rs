//! Tokens with code point and byte offsets.

/// One token: a word (letters and digits, joined through inner hyphens, apostrophes and digit groups) or
/// one other non-space character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// code point offsets, end exclusive
    pub start: usize,
    pub end: usize,
    /// byte offsets, end exclusive
    pub bstart: usize,
    pub bend: usize,
    pub word: bool,
}

fn joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐' | '‑')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut toks = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let s = i;
            i += 1;
            while i < n {
                let c = chars[i].1;
                if c.is_alphanumeric() {
                    i += 1;
                } else if i + 1 < n && chars[i + 1].1.is_alphanumeric() {
                    let prev = chars[i - 1].1;
                    let next = chars[i + 1].1;
                    let digits = prev.is_ascii_digit() && next.is_ascii_digit() && matches!(c, '.' | ',' | '\'' | '’');
                    if joiner(c) || digits {
                        i += 2;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            toks.push(Tok { start: s, end: i, bstart: byte_at(s), bend: byte_at(i), word: true });
        } else {
            toks.push(Tok { start: i, end: i + 1, bstart: byte_at(i), bend: byte_at(i + 1), word: false });
            i += 1;
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_punctuation() {
        let t = "Kim Jong-un sagte: „Nein“, 2.600 Mann.";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.bstart..k.bend]).collect();
        assert_eq!(words, ["Kim", "Jong-un", "sagte", ":", "„", "Nein", "“", ",", "2.600", "Mann", "."]);
    }
}
