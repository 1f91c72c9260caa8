//! Tokens with byte and code point offsets, quotation mark pairing and sentence splitting.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
    /// An opening quotation mark paired with a closing one.
    Open,
    /// A closing quotation mark paired with an opening one.
    Close,
    /// A line break (paragraph or line boundary).
    Break,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub lower: String,
    pub kind: Kind,
    pub b0: usize,
    pub b1: usize,
    pub c0: usize,
    pub c1: usize,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Inside (or the marks of) the quotation pair with this index.
    pub quote: Option<usize>,
    /// Index of the paragraph (line) this token belongs to.
    pub para: usize,
    /// Word list flags (`rules::F`).
    pub flags: u32,
}

impl Tok<'_> {
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Num)
    }
    pub fn punct(&self, chars: &str) -> bool {
        self.kind == Kind::Punct && chars.contains(self.text)
    }
}

/// A pair of quotation marks: token indices of the opening and closing mark.
#[derive(Debug, Clone, Copy)]
pub struct QuotePair {
    pub open: usize,
    pub close: usize,
}

fn joins_word(c: char, next: Option<char>) -> bool {
    matches!(c, '-' | '\'' | '’' | '‑') && next.is_some_and(|n| n.is_alphanumeric())
}

/// Splits `text` into tokens; whitespace other than line breaks is dropped.
pub fn tokenize<'a>(text: &'a str) -> Vec<Tok<'a>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut toks = Vec::with_capacity(n / 5 + 4);
    let mut para = 0;
    let mut i = 0;
    let push = |toks: &mut Vec<Tok<'a>>, s: usize, e: usize, kind: Kind, para: usize| {
        let (b0, b1) = (byte_at(s), byte_at(e));
        let t = &text[b0..b1];
        let lower =
            if t.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) { t.to_lowercase() } else { t.to_string() };
        let cap = t.chars().next().is_some_and(char::is_uppercase);
        toks.push(Tok { text: t, lower, kind, b0, b1, c0: s, c1: e, cap, quote: None, para, flags: 0 });
    };
    while i < n {
        let c = chars[i].1;
        if c == '\n' {
            let s = i;
            while i < n && chars[i].1.is_whitespace() {
                i += 1;
            }
            // the break token covers only the first newline
            push(&mut toks, s, s + 1, Kind::Break, para);
            para += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let s = i;
            let num = c.is_numeric();
            i += 1;
            while i < n {
                let c = chars[i].1;
                let next = chars.get(i + 1).map(|x| x.1);
                let numeric_sep = num
                    && matches!(c, '.' | ',')
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && chars[i - 1].1.is_ascii_digit();
                if c.is_alphanumeric() || joins_word(c, next) || numeric_sep {
                    i += 1;
                } else {
                    break;
                }
            }
            push(&mut toks, s, i, if num { Kind::Num } else { Kind::Word }, para);
            continue;
        }
        push(&mut toks, i, i + 1, Kind::Punct, para);
        i += 1;
    }
    toks
}

fn closers(open: &str) -> &'static [&'static str] {
    match open {
        "„" => &["“", "”", "\""],
        "“" => &["”", "“", "\""],
        "«" => &["»"],
        "»" => &["«"],
        "‹" => &["›"],
        "›" => &["‹"],
        "‚" => &["‘", "’"],
        "\"" => &["\""],
        _ => &[],
    }
}

/// Pairs quotation marks within each paragraph (one level; inner marks of other kinds stay punctuation).
pub fn pair_quotes(toks: &mut [Tok<'_>]) -> Vec<QuotePair> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..toks.len() {
        if toks[i].kind == Kind::Break {
            open = None;
            continue;
        }
        if toks[i].kind != Kind::Punct {
            continue;
        }
        match open {
            None => {
                if !closers(toks[i].text).is_empty() {
                    open = Some(i);
                }
            }
            Some(o) => {
                if closers(toks[o].text).contains(&toks[i].text) {
                    if i > o + 1 {
                        let q = pairs.len();
                        pairs.push(QuotePair { open: o, close: i });
                        toks[o].kind = Kind::Open;
                        toks[i].kind = Kind::Close;
                        for t in &mut toks[o..=i] {
                            t.quote = Some(q);
                        }
                    }
                    open = None;
                }
            }
        }
    }
    pairs
}

/// Sentences as token index ranges (end exclusive); never split inside a quotation, always at line breaks.
pub fn sentences(toks: &[Tok<'_>], abbrevs: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = toks.len();
    let starts_sentence = |j: usize| {
        j >= n
            || toks[j].kind == Kind::Break
            || toks[j].kind == Kind::Open
            || (toks[j].is_word() && (toks[j].cap || toks[j].kind == Kind::Num))
            || toks[j].punct("-–•(")
    };
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        if t.kind == Kind::Break {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
            i += 1;
            continue;
        }
        let end_here = match t.kind {
            Kind::Punct if t.quote.is_none() && matches!(t.text, "." | "!" | "?" | "…") => {
                let prev_abbrev = i > 0
                    && toks[i - 1].c1 == t.c0
                    && (abbrevs.contains(&toks[i - 1].lower.as_str())
                        || (toks[i - 1].kind == Kind::Word
                            && toks[i - 1].text.chars().count() == 1
                            && toks[i - 1].cap)
                        || (toks[i - 1].kind == Kind::Num && toks[i - 1].text.len() <= 2 && t.text == "."));
                !prev_abbrev && starts_sentence(i + 1)
            }
            Kind::Close => i > 0 && toks[i - 1].punct(".!?…") && starts_sentence(i + 1),
            _ => false,
        };
        if end_here {
            out.push((start, i + 1));
            start = i + 1;
        }
        i += 1;
    }
    if start < n {
        out.push((start, n));
    }
    out
}
