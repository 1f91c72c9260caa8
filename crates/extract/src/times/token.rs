//! A small tokenizer for the time grammar: whole words, digit runs and single punctuation marks, each with
//! code point offsets. Words are never split, so a rule can only match whole words ("Die" is not "Dienstag").

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub lower: String,
    pub kind: Kind,
    /// Code point offsets, end exclusive.
    pub c0: usize,
    pub c1: usize,
    /// Whitespace between the previous token and this one.
    pub gap: bool,
    /// A line break between the previous token and this one.
    pub nl: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Index of the sentence this token belongs to.
    pub sent: usize,
}

impl Tok<'_> {
    pub fn num(&self) -> Option<u32> {
        if self.kind == Kind::Num && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\u{AD}'
}

pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks: Vec<Tok<'_>> = Vec::with_capacity(text.len() / 5 + 1);
    let mut it = text.char_indices().peekable();
    let mut ci = 0usize;
    let mut gap = true;
    let mut nl = true;
    while let Some((b0, c)) = it.next() {
        let c0 = ci;
        ci += 1;
        if c.is_whitespace() {
            gap = true;
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                nl = true;
            }
            continue;
        }
        let kind = if is_word_char(c) {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Num
        } else {
            Kind::Punct
        };
        let mut b1 = b0 + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(b, d)) = it.peek() {
                let same = match kind {
                    Kind::Word => is_word_char(d),
                    _ => d.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                b1 = b + d.len_utf8();
                ci += 1;
                it.next();
            }
        }
        let s = &text[b0..b1];
        toks.push(Tok {
            text: s,
            lower: if kind == Kind::Word { s.to_lowercase() } else { s.to_string() },
            kind,
            c0,
            c1: ci,
            gap,
            nl,
            cap: c.is_uppercase(),
            sent: 0,
        });
        gap = false;
        nl = false;
    }
    // Sentences: a break after . ! ? followed by whitespace and no lower-case word / digit, or a line break.
    let mut sent = 0;
    for i in 0..toks.len() {
        if i > 0 {
            let prev = &toks[i - 1];
            let end_mark = prev.kind == Kind::Punct && matches!(prev.text, "." | "!" | "?");
            let t = &toks[i];
            if t.nl || (end_mark && t.gap && (t.cap || t.kind == Kind::Punct)) {
                // "22. Juni" is not a sentence end: a number before the dot keeps the sentence.
                let after_num = i >= 2 && toks[i - 2].kind == Kind::Num && !t.nl;
                if !after_num {
                    sent += 1;
                }
            }
        }
        toks[i].sent = sent;
    }
    toks
}
