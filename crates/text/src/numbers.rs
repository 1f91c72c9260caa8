//! The number grammar shared by figures and time expressions: one place that knows "1.500", "13'000",
//! "1,4 Millionen", "zweieinhalb", "a dozen".

use lagebild_core::Lang;

/// The value of a single number word ("zwei", "zweieinhalb", "dreizehntausend", "twelve", "dozen"),
/// or `None` if the word is no number word.
///
/// Case-insensitive. German compounds are parsed, not listed ("dreihundertfünfundzwanzigtausend"),
/// as are "…einhalb" ("zweieinhalb" = 2.5) and the forms of "ein" ("einem" = 1). English takes
/// hyphenated tens ("twenty-five"). Scale words alone are numbers ("Million", "hundred", "Dutzend");
/// vague plurals ("Hunderte", "Tausende", "dozens") and ordinals are not.
pub fn word_value(word: &str, lang: Lang) -> Option<f64> {
    if word.is_empty() || word.len() > 80 {
        return None;
    }
    // number words are short and never start with a digit; skip the allocation for most words
    if word.len() > 60 || !word.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    // cheap reject on the first two letters before allocating
    let mut head = word.chars().flat_map(char::to_lowercase);
    let two: [char; 2] = [head.next().unwrap_or(' '), head.next().unwrap_or(' ')];
    let starts: &[[char; 2]] = match lang {
        Lang::De => DE_STARTS,
        Lang::En => EN_STARTS,
    };
    if !starts.contains(&two) {
        return None;
    }
    let lower = word.to_lowercase();
    match lang {
        Lang::De if lower.contains('ß') => de_word(&lower.replace('ß', "ss")),
        Lang::De => de_word(&lower),
        Lang::En => en_word(&lower),
    }
}

// ---------------------------------------------------------------------------------------------------
// German number words

/// First two letters of every German number word (a quick filter).
const DE_STARTS: &[[char; 2]] = &[
    ['e', 'i'],
    ['z', 'w'],
    ['d', 'r'],
    ['v', 'i'],
    ['f', 'ü'],
    ['s', 'e'],
    ['s', 'i'],
    ['a', 'c'],
    ['n', 'e'],
    ['z', 'e'],
    ['e', 'l'],
    ['h', 'u'],
    ['t', 'a'],
    ['n', 'u'],
    ['m', 'i'],
    ['b', 'i'],
    ['d', 'u'],
    ['a', 'n'],
    ['h', 'a'],
];

/// First two letters of every English number word.
const EN_STARTS: &[[char; 2]] = &[
    ['z', 'e'],
    ['o', 'n'],
    ['t', 'w'],
    ['t', 'h'],
    ['f', 'o'],
    ['f', 'i'],
    ['s', 'i'],
    ['s', 'e'],
    ['e', 'i'],
    ['n', 'i'],
    ['t', 'e'],
    ['e', 'l'],
    ['d', 'o'],
    ['h', 'u'],
    ['m', 'i'],
    ['b', 'i'],
    ['t', 'r'],
    ['h', 'a'],
];

const DE_UNITS: &[(&str, u32)] = &[
    ("ein", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
];

const DE_BELOW_20: &[(&str, u32)] = &[
    ("null", 0),
    ("eins", 1),
    ("ein", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
];

const DE_TENS: &[(&str, u32)] = &[
    ("zwanzig", 20),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

/// Whole German words with a value of their own (lower case, "ß" as "ss").
const DE_WHOLE: &[(&str, f64)] = &[
    ("eine", 1.0),
    ("einen", 1.0),
    ("einem", 1.0),
    ("einer", 1.0),
    ("eines", 1.0),
    ("anderthalb", 1.5),
    ("halb", 0.5),
    ("dutzend", 12.0),
    ("million", 1e6),
    ("millionen", 1e6),
    ("milliarde", 1e9),
    ("milliarden", 1e9),
    ("billion", 1e12),
    ("billionen", 1e12),
];

fn lookup<T: Copy>(table: &[(&str, T)], s: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == s).map(|&(_, v)| v)
}

fn de_word(s: &str) -> Option<f64> {
    if let Some(v) = lookup(DE_WHOLE, s) {
        return Some(v);
    }
    if let Some(head) = s.strip_suffix("einhalb") {
        // "eineinhalb", "zweieinhalb", "dreiundzwanzigeinhalb"
        return de_below_million(head).map(|v| v as f64 + 0.5);
    }
    de_below_million(s).map(|v| v as f64)
}

fn de_below_million(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if let Some(pos) = s.find("tausend") {
        let (left, right) = (&s[..pos], &s[pos + "tausend".len()..]);
        let l = if left.is_empty() { 1 } else { de_below_1000(left)? };
        let r = if right.is_empty() { 0 } else { de_below_1000(right.strip_prefix("und").unwrap_or(right))? };
        return Some(l * 1000 + r);
    }
    de_below_1000(s)
}

fn de_below_1000(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if let Some(pos) = s.find("hundert") {
        let (left, right) = (&s[..pos], &s[pos + "hundert".len()..]);
        let l = if left.is_empty() { 1 } else { lookup(DE_UNITS, left)? };
        let r = if right.is_empty() { 0 } else { de_below_100(right.strip_prefix("und").unwrap_or(right))? };
        return Some(l * 100 + r);
    }
    de_below_100(s)
}

fn de_below_100(s: &str) -> Option<u32> {
    if let Some(v) = lookup(DE_BELOW_20, s).or_else(|| lookup(DE_TENS, s)) {
        return Some(v);
    }
    // "einundzwanzig", "fünfundvierzig"
    let pos = s.find("und")?;
    let unit = lookup(DE_UNITS, &s[..pos])?;
    let tens = lookup(DE_TENS, &s[pos + 3..])?;
    Some(tens + unit)
}

// ---------------------------------------------------------------------------------------------------
// English number words

const EN_BELOW_20: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const EN_TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// English words with a value of their own; scale words are also in [`scale_word`].
const EN_WHOLE: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("half", 0.5),
];

fn en_word(s: &str) -> Option<f64> {
    if let Some(v) = lookup(EN_WHOLE, s) {
        return Some(v);
    }
    en_below_100(s).map(f64::from)
}

fn en_below_100(s: &str) -> Option<u32> {
    if let Some(v) = lookup(EN_BELOW_20, s).or_else(|| lookup(EN_TENS, s)) {
        return Some(v);
    }
    let (tens, unit) = s.split_once(['-', '‑', '–'])?;
    let t = lookup(EN_TENS, tens)?;
    let u = lookup(EN_BELOW_20, unit).filter(|&u| (1..10).contains(&u))?;
    Some(t + u)
}

// ---------------------------------------------------------------------------------------------------
// Tokens: words, digit surfaces (already valued), dates, clock times, punctuation

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokKind {
    /// A run of letters.
    Word,
    /// A digit surface with its value ("1.500", "13'000", "1,4", "-15", "4e14", "2½").
    Num,
    /// A numeric date ("21.10.2024", "21.10.", "2024-10-21", "21/10/2024").
    Date,
    /// A clock time or score ("13:07", "0:1").
    Clock,
    /// Any other single character that is not white space.
    Punct,
}

/// One token; offsets are code points (indices into [`Tokens::chars`]), end exclusive.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// White space between this token and the previous one.
    pub space_before: bool,
    /// A line break between this token and the previous one.
    pub newline_before: bool,
    /// For `Num`: the value.
    pub value: f64,
    /// For `Num`: digits only, no separator, sign, decimals or exponent ("2022", not "2.022").
    pub plain: bool,
    /// Lower-case text (words: "ß" kept).
    pub lower: String,
    /// Original text.
    pub text: String,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_num(&self) -> bool {
        self.kind == TokKind::Num
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
    /// First letter upper case.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// Glued to the previous token (no white space between).
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

/// A text as code points plus its tokens.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub chars: Vec<char>,
    pub toks: Vec<Token>,
}

impl Tokens {
    /// Text of the code point range `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

const VULGAR: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

fn vulgar(c: char) -> Option<f64> {
    lookup_char(VULGAR, c)
}

fn lookup_char(table: &[(char, f64)], c: char) -> Option<f64> {
    table.iter().find(|(k, _)| *k == c).map(|&(_, v)| v)
}

const SUPERSCRIPT: &[(char, f64)] = &[
    ('⁰', 0.0),
    ('¹', 1.0),
    ('²', 2.0),
    ('³', 3.0),
    ('⁴', 4.0),
    ('⁵', 5.0),
    ('⁶', 6.0),
    ('⁷', 7.0),
    ('⁸', 8.0),
    ('⁹', 9.0),
];

fn is_currency_symbol(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₽' | '₴' | '₩' | '₹' | '(')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−')
}

fn digit_run(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_digit() {
        j += 1;
    }
    j - i
}

fn run_value(chars: &[char], i: usize, n: usize) -> f64 {
    chars[i..i + n].iter().fold(0.0, |acc, c| acc * 10.0 + f64::from(c.to_digit(10).unwrap_or(0)))
}

/// A scanned digit surface: kind (`Num`, `Date`, `Clock`), end, value, plain.
struct Surface {
    kind: TokKind,
    end: usize,
    value: f64,
    plain: bool,
}

/// Whether a thousands group may follow at `p` (separator at `p`, digits after it).
fn group_after(chars: &[char], p: usize, sep: char) -> bool {
    chars.get(p) == Some(&sep) && digit_run(chars, p + 1) == 3 && !chars.get(p + 4).is_some_and(|c| c.is_ascii_digit())
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The digit surface at `i` (a digit). German groups thousands with "." (and "'", a narrow space),
/// decimals with ","; English the other way round. Both: "13'000", "10 000", "4e14", "2.48×10−5", "2½".
fn scan_surface(chars: &[char], i: usize, lang: Lang) -> Surface {
    let n0 = digit_run(chars, i);
    let after0 = i + n0;
    let at = |k: usize| chars.get(k).copied();
    // dates: dd.mm.(yyyy), dd/mm/yyyy, yyyy-mm-dd
    if n0 <= 2 && at(after0) == Some('.') {
        let n1 = digit_run(chars, after0 + 1);
        let n2 = digit_run(chars, after0 + 2 + n1);
        // "6.2." ending an English sentence is a decimal; only German writes a day without its year ("am 6.2.")
        let yearless_english = lang == Lang::En && n2 != 2 && n2 != 4;
        if (1..=2).contains(&n1) && at(after0 + 1 + n1) == Some('.') && !yearless_english {
            let end = if n2 == 2 || n2 == 4 { after0 + 2 + n1 + n2 } else { after0 + 2 + n1 };
            return Surface { kind: TokKind::Date, end, value: 0.0, plain: false };
        }
    }
    if n0 <= 2 && at(after0) == Some('/') {
        let n1 = digit_run(chars, after0 + 1);
        if (1..=2).contains(&n1) && at(after0 + 1 + n1) == Some('/') {
            let n2 = digit_run(chars, after0 + 2 + n1);
            if n2 == 2 || n2 == 4 {
                return Surface { kind: TokKind::Date, end: after0 + 2 + n1 + n2, value: 0.0, plain: false };
            }
        }
    }
    if n0 == 4
        && at(after0) == Some('-')
        && digit_run(chars, after0 + 1) == 2
        && at(after0 + 3) == Some('-')
        && digit_run(chars, after0 + 4) == 2
    {
        return Surface { kind: TokKind::Date, end: after0 + 6, value: 0.0, plain: false };
    }
    // clock times and scores: 13:07, 0:1, 13:07:22
    if n0 <= 2 && at(after0) == Some(':') {
        let n1 = digit_run(chars, after0 + 1);
        if (1..=2).contains(&n1) {
            let mut end = after0 + 1 + n1;
            if at(end) == Some(':') && digit_run(chars, end + 1) == 2 {
                end += 3;
            }
            return Surface { kind: TokKind::Clock, end, value: 0.0, plain: false };
        }
    }
    let (group_seps, decimal): (&[char], char) = match lang {
        Lang::De => (&['.', '\'', '’', '\u{a0}', '\u{202f}', '\u{2009}', ' '], ','),
        Lang::En => (&[',', '\'', '’', '\u{a0}', '\u{202f}', '\u{2009}', ' '], '.'),
    };
    let mut value = run_value(chars, i, n0);
    let mut end = after0;
    let mut plain = true;
    // thousands groups: the first group has 1-3 digits, every further one exactly 3, one separator kind
    // "i7 860": no space grouping after a letter
    let left_alnum = i > 0 && chars[i - 1].is_alphanumeric();
    if n0 <= 3 {
        if let Some(&sep) =
            group_seps.iter().find(|&&s| group_after(chars, end, s) && !(left_alnum && is_group_space(s)))
        {
            let spaced = is_group_space(sep);
            while group_after(chars, end, sep) {
                value = value * 1000.0 + run_value(chars, end + 1, 3);
                end += 4;
                plain = false;
            }
            // "10 000" must not swallow "1 000 000"'s neighbours: a space group is only trusted when no
            // letter is glued to the end.
            if spaced && at(end).is_some_and(char::is_alphanumeric) {
                // fall back to the first group only
                value = run_value(chars, i, n0);
                end = after0;
                plain = true;
            }
        }
    }
    // decimals
    let lenient_dot = lang == Lang::De && plain && at(end) == Some('.') && {
        let n = digit_run(chars, end + 1);
        n > 0 && n != 3
    };
    if (at(end) == Some(decimal) || lenient_dot) && digit_run(chars, end + 1) > 0 {
        let n = digit_run(chars, end + 1);
        let frac = run_value(chars, end + 1, n) / 10f64.powi(n as i32);
        value += frac;
        end += 1 + n;
        plain = false;
    }
    // exponent: 4e14, 9.83e-3
    if matches!(at(end), Some('e' | 'E')) {
        let mut k = end + 1;
        let neg = at(k).is_some_and(is_minus);
        if neg || at(k) == Some('+') {
            k += 1;
        }
        let n = digit_run(chars, k);
        if n > 0 && n <= 3 && !at(k + n).is_some_and(char::is_alphabetic) {
            let e = run_value(chars, k, n) as i32;
            value *= 10f64.powi(if neg { -e } else { e });
            end = k + n;
            plain = false;
        }
    }
    // 2.48×10−5, 3x10^8, 6·10²³
    if matches!(at(end), Some('×' | 'x' | '·')) && at(end + 1) == Some('1') && at(end + 2) == Some('0') {
        let mut k = end + 3;
        if at(k) == Some('^') {
            k += 1;
        }
        let neg = at(k).is_some_and(is_minus);
        if neg || at(k) == Some('+') {
            k += 1;
        }
        let n = digit_run(chars, k);
        let (e, len) = if n > 0 {
            (run_value(chars, k, n), n)
        } else {
            let mut e = 0.0;
            let mut len = 0;
            while let Some(d) = at(k + len).and_then(|c| lookup_char(SUPERSCRIPT, c)) {
                e = e * 10.0 + d;
                len += 1;
            }
            (e, len)
        };
        if len > 0 && len <= 3 {
            value *= 10f64.powi(if neg { -(e as i32) } else { e as i32 });
            end = k + len;
            plain = false;
        }
    }
    // 2½
    if let Some(v) = at(end).and_then(vulgar) {
        value += v;
        end += 1;
        plain = false;
    }
    Surface { kind: TokKind::Num, end, value, plain }
}

/// Splits `text` into tokens. Digit surfaces become `Num` tokens with their value (German and English
/// separators per `lang`), a minus sign joins the number when it follows white space, "(" or a currency
/// sign; numeric dates and clock times become single `Date`/`Clock` tokens.
pub fn tokenize(text: &str, lang: Lang) -> Tokens {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    let mut space = false;
    let mut newline = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            space = true;
            newline |= c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}';
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        let mut value = 0.0;
        let mut plain = false;
        let sign_ok = i == 0 || chars[i - 1].is_whitespace() || is_currency_symbol(chars[i - 1]);
        if c.is_ascii_digit() || (is_minus(c) && sign_ok && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let neg = is_minus(c);
            let s = scan_surface(&chars, if neg { i + 1 } else { i }, lang);
            kind = s.kind;
            value = if neg { -s.value } else { s.value };
            plain = s.plain && !neg;
            i = s.end;
        } else if let Some(v) = vulgar(c) {
            kind = TokKind::Num;
            value = v;
            i += 1;
        } else if c.is_alphabetic() {
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            kind = TokKind::Word;
        } else {
            kind = TokKind::Punct;
            i += 1;
        }
        let text: String = chars[start..i].iter().collect();
        let lower = if kind == TokKind::Word { text.to_lowercase() } else { text.clone() };
        toks.push(Token {
            start,
            end: i,
            kind,
            space_before: space,
            newline_before: newline,
            value,
            plain,
            lower,
            text,
        });
        space = false;
        newline = false;
    }
    Tokens { chars, toks }
}

// ---------------------------------------------------------------------------------------------------
// Number phrases: a digit surface or number words, with scale words and fractions

/// Scale words after a number ("1,4 Millionen", "3 Mrd.", "1.5 million", "two dozen").
const DE_SCALES: &[(&str, f64)] = &[
    ("tausend", 1e3),
    ("tsd", 1e3),
    ("million", 1e6),
    ("millionen", 1e6),
    ("mio", 1e6),
    ("milliarde", 1e9),
    ("milliarden", 1e9),
    ("mrd", 1e9),
    ("billion", 1e12),
    ("billionen", 1e12),
    ("bio", 1e12),
    ("dutzend", 12.0),
];

const EN_SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
    ("dozen", 12.0),
];

/// Scale suffixes glued to digits ("$2.3bn", "0.5k", "€10M"); the second flag: only with a currency.
const GLUED_SCALES: &[(&str, f64, bool)] = &[
    ("k", 1e3, false),
    ("K", 1e3, false),
    ("bn", 1e9, false),
    ("Bn", 1e9, false),
    ("mn", 1e6, false),
    ("tn", 1e12, false),
    ("trn", 1e12, false),
    ("Mio", 1e6, false),
    ("Mrd", 1e9, false),
    ("m", 1e6, true),
    ("M", 1e6, true),
    ("b", 1e9, true),
    ("B", 1e9, true),
    ("T", 1e12, true),
];

/// Fraction denominators after a number word ("zwei Drittel", "two thirds", "one-half").
const DE_FRACTIONS: &[(&str, f64)] = &[
    ("halb", 2.0),
    ("drittel", 3.0),
    ("viertel", 4.0),
    ("fünftel", 5.0),
    ("sechstel", 6.0),
    ("siebtel", 7.0),
    ("achtel", 8.0),
    ("zehntel", 10.0),
    ("hundertstel", 100.0),
];

const EN_FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("hundredth", 100.0),
    ("hundredths", 100.0),
];

/// The value of a scale word ("Millionen", "Mrd", "billion", "bn"), or `None`.
pub fn scale_word(word: &str, lang: Lang) -> Option<f64> {
    let lower = word.to_lowercase();
    match lang {
        Lang::De => lookup(DE_SCALES, &lower),
        Lang::En => lookup(EN_SCALES, &lower),
    }
}

/// The denominator of a fraction word ("Drittel" → 3, "thirds" → 3), or `None`.
pub fn fraction_word(word: &str, lang: Lang) -> Option<f64> {
    let lower = word.to_lowercase();
    match lang {
        Lang::De => lookup(DE_FRACTIONS, &lower),
        Lang::En => lookup(EN_FRACTIONS, &lower),
    }
}

/// How a number phrase is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Digits, maybe with a scale ("12.000", "1,4 Millionen", "$2.3bn" without the "$").
    Digits,
    /// Number words ("zehn", "a hundred and two", "zwei Millionen").
    Words,
    /// A fraction ("ein Drittel", "two thirds", "1/4", "2 1/2").
    Fraction,
}

/// A number phrase over tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumPhrase {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    pub form: Form,
}

/// Forms of German "ein" and English "a": articles unless a scale, fraction or "Dutzend" follows.
fn is_article(lower: &str, lang: Lang) -> bool {
    match lang {
        Lang::De => matches!(lower, "ein" | "eine" | "einen" | "einem" | "einer" | "eines"),
        Lang::En => matches!(lower, "a" | "an"),
    }
}

/// The number phrase starting at token `i`, if any. `money`: a currency sign precedes, so glued "m",
/// "b", "T" are scales. Returns `Err(last)` for digit surfaces that are no number at all
/// ("1/0", "24/7", "030/1234"): callers skip tokens up to `last`.
pub fn phrase_at(t: &Tokens, i: usize, lang: Lang, money: bool) -> Result<Option<NumPhrase>, usize> {
    let Some(tok) = t.toks.get(i) else { return Ok(None) };
    match tok.kind {
        TokKind::Num => digits_phrase(t, i, lang, money),
        TokKind::Word => Ok(match lang {
            Lang::De => de_words_phrase(t, i),
            Lang::En => en_words_phrase(t, i),
        }),
        _ => Ok(None),
    }
}

fn slash_fraction(t: &Tokens, i: usize) -> Option<Result<f64, usize>> {
    let toks = &t.toks;
    let (a, s, b) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    if !(s.is_punct('/') && s.glued() && b.is_num() && b.glued()) {
        return None;
    }
    let mut last = i + 2;
    // "1/2/3": no fraction at all
    while toks.get(last + 1).is_some_and(|x| x.glued() && (x.is_num() || x.is_punct('/'))) {
        last += 1;
    }
    if last == i + 2 && a.plain && b.plain && b.value > 0.0 && a.value < b.value && b.value <= 1000.0 {
        Some(Ok(a.value / b.value))
    } else {
        Some(Err(last))
    }
}

fn digits_phrase(t: &Tokens, i: usize, lang: Lang, money: bool) -> Result<Option<NumPhrase>, usize> {
    let toks = &t.toks;
    match slash_fraction(t, i) {
        Some(Ok(v)) => return Ok(Some(NumPhrase { first: i, last: i + 2, value: v, form: Form::Fraction })),
        Some(Err(last)) => return Err(last),
        None => {}
    }
    let mut value = toks[i].value;
    let mut last = i;
    // mixed fraction "2 1/2"
    if toks[i].plain {
        if let Some(Ok(f)) =
            toks.get(i + 1).filter(|x| x.space_before && x.is_num()).and_then(|_| slash_fraction(t, i + 1))
        {
            return Ok(Some(NumPhrase { first: i, last: i + 3, value: value + f, form: Form::Fraction }));
        }
    }
    if let Some(next) = toks.get(i + 1) {
        if next.is_word() && next.glued() {
            if let Some(&(_, s, needs_money)) = GLUED_SCALES.iter().find(|(w, _, _)| *w == next.text) {
                if money || !needs_money {
                    value = scaled(value, s);
                    last = i + 1;
                }
            }
        } else if next.is_word() {
            if let Some(s) = scale_word(&next.lower, lang) {
                value = scaled(value, s);
                last = i + 1;
                // a second scale: "1,5 Millionen Dutzend" is silly, but "two dozen" has one
            }
        }
    }
    // "3 Mrd." / "2 Mio." keep the abbreviation's dot
    if last > i
        && matches!(toks[last].lower.as_str(), "mrd" | "mio" | "tsd" | "bio")
        && toks.get(last + 1).is_some_and(|x| x.is_punct('.') && x.glued())
    {
        last += 1;
    }
    Ok(Some(NumPhrase { first: i, last, value, form: Form::Digits }))
}

/// `value × scale` without binary fractions showing: "4,1 Milliarden" is 4,100,000,000, not 4,099,999,999.999.
fn scaled(value: f64, scale: f64) -> f64 {
    let x = value * scale;
    let whole = x.round();
    if scale >= 1.0 && (x - whole).abs() <= 1e-6 * x.abs().max(1.0) {
        whole
    } else {
        x
    }
}

fn de_words_phrase(t: &Tokens, i: usize) -> Option<NumPhrase> {
    let toks = &t.toks;
    let w = &toks[i].lower;
    let mut value = word_value(w, Lang::De)?;
    let article = is_article(w, Lang::De);
    // bare plural scales ("Millionen") are vague amounts, bare "halb" an adjective
    if lookup(DE_SCALES, w).is_some() && !matches!(w.as_str(), "tausend" | "dutzend") || w == "halb" {
        return None;
    }
    let mut last = i;
    let mut form = Form::Words;
    if let Some(next) = toks.get(i + 1).filter(|x| x.is_word()) {
        if let Some(s) = lookup(DE_SCALES, &next.lower) {
            if next.lower != "tausend" || !w.contains("tausend") {
                value = scaled(value, s);
                last = i + 1;
            }
        } else if let Some(d) = lookup(DE_FRACTIONS, &next.lower).filter(|_| next.lower != "halb") {
            value /= d;
            last = i + 1;
            form = Form::Fraction;
        }
    }
    if article && last == i {
        return None;
    }
    Some(NumPhrase { first: i, last, value, form })
}

#[derive(Clone, Copy, PartialEq)]
enum EnLast {
    None,
    Small,
    Hundred,
    Scale(f64),
}

fn en_small(t: &Tokens, j: usize) -> Option<(f64, usize)> {
    let toks = &t.toks;
    let w = toks.get(j).filter(|x| x.is_word())?;
    let v = en_below_100(&w.lower)?;
    // "twenty-one" split by the tokenizer
    if (20..100).contains(&v) && v % 10 == 0 {
        if let (Some(h), Some(u)) = (toks.get(j + 1), toks.get(j + 2)) {
            if h.is_punct('-') && h.glued() && u.glued() && u.is_word() {
                if let Some(uv) = lookup(EN_BELOW_20, &u.lower).filter(|&uv| (1..10).contains(&uv)) {
                    return Some((f64::from(v + uv), j + 2));
                }
            }
        }
    }
    Some((f64::from(v), j))
}

fn en_words_phrase(t: &Tokens, i: usize) -> Option<NumPhrase> {
    let toks = &t.toks;
    let lw = |j: usize| toks.get(j).filter(|x| x.is_word()).map(|x| x.lower.as_str());
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last_kind = EnLast::None;
    let mut j = i;
    let mut last = None;
    if lw(i).is_some_and(|w| is_article(w, Lang::En)) {
        match lw(i + 1) {
            Some("hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen") => {
                current = 1.0;
                j = i + 1;
            }
            Some(f) if lookup(EN_FRACTIONS, f).is_some() && !f.ends_with('s') => {
                let d = lookup(EN_FRACTIONS, f)?;
                return Some(NumPhrase { first: i, last: i + 1, value: 1.0 / d, form: Form::Fraction });
            }
            _ => return None,
        }
    }
    while let Some(w) = lw(j) {
        if let Some((v, end)) = en_small(t, j) {
            if matches!(last_kind, EnLast::Small) {
                break;
            }
            current += v;
            last_kind = EnLast::Small;
            last = Some(end);
            j = end + 1;
            continue;
        }
        match w {
            "hundred" => {
                if matches!(last_kind, EnLast::Hundred) {
                    break;
                }
                current = if current == 0.0 { 100.0 } else { current * 100.0 };
                last_kind = EnLast::Hundred;
            }
            "dozen" => {
                // a bare "dozen" ("a baker's dozen") is no amount; "a dozen", "two dozen" are
                if j == i {
                    return None;
                }
                current = if current == 0.0 { 12.0 } else { current * 12.0 };
                last = Some(j);
                break;
            }
            "thousand" | "million" | "billion" | "trillion" => {
                let s = lookup(EN_WHOLE, w)?;
                if let EnLast::Scale(prev) = last_kind {
                    if s >= prev {
                        break;
                    }
                }
                total += if current == 0.0 { 1.0 } else { current } * s;
                current = 0.0;
                last_kind = EnLast::Scale(s);
            }
            _ => break,
        }
        last = Some(j);
        j += 1;
        // "a hundred and two", "three million, two hundred & forty"
        if matches!(last_kind, EnLast::Hundred | EnLast::Scale(_)) {
            let conj = toks.get(j).is_some_and(|x| x.lower == "and" || x.is_punct('&') || x.is_punct(','));
            if conj && en_small(t, j + 1).is_some()
                || (toks.get(j).is_some_and(|x| x.is_punct(','))
                    && lw(j + 1).is_some_and(|w| en_below_100(w).is_some()))
            {
                j += 1;
            }
        }
    }
    let last = last?;
    let mut value = total + current;
    let mut end = last;
    // "two and a half"
    if lw(end + 1) == Some("and") && lw(end + 2).is_some_and(|w| is_article(w, Lang::En)) && lw(end + 3) == Some("half")
    {
        value += 0.5;
        end += 3;
    } else if matches!(last_kind, EnLast::Small) && value > 0.0 {
        // "two thirds", "one sixth", "one-half"
        let k = if toks.get(end + 1).is_some_and(|x| x.is_punct('-') && x.glued()) { end + 2 } else { end + 1 };
        if let Some(d) = lw(k).and_then(|f| lookup(EN_FRACTIONS, f)) {
            return Some(NumPhrase { first: i, last: k, value: value / d, form: Form::Fraction });
        }
    }
    // a lone "half" is no number
    if value == 0.5 && end == i {
        return None;
    }
    Some(NumPhrase { first: i, last: end, value, form: Form::Words })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_words() {
        let de = |w| word_value(w, Lang::De);
        assert_eq!(de("zwei"), Some(2.0));
        assert_eq!(de("Zehn"), Some(10.0));
        assert_eq!(de("zweieinhalb"), Some(2.5));
        assert_eq!(de("eineinhalb"), Some(1.5));
        assert_eq!(de("anderthalb"), Some(1.5));
        assert_eq!(de("dreizehntausend"), Some(13000.0));
        assert_eq!(de("einundzwanzig"), Some(21.0));
        assert_eq!(de("dreissig"), Some(30.0));
        assert_eq!(de("dreißig"), Some(30.0));
        assert_eq!(de("zweihundertfünfzig"), Some(250.0));
        assert_eq!(de("hunderttausend"), Some(100000.0));
        assert_eq!(de("dreihundertfünfundzwanzigtausendeins"), Some(325001.0));
        assert_eq!(de("Dutzend"), Some(12.0));
        assert_eq!(de("Millionen"), Some(1e6));
        assert_eq!(de("einem"), Some(1.0));
        assert_eq!(de("Hunderte"), None);
        assert_eq!(de("Tausende"), None);
        assert_eq!(de("Soldaten"), None);
        assert_eq!(de("und"), None);
        assert_eq!(de(""), None);
        assert_eq!(de("tausendund"), None);
        assert_eq!(de("dritte"), None);
    }

    #[test]
    fn english_words() {
        let en = |w| word_value(w, Lang::En);
        assert_eq!(en("twelve"), Some(12.0));
        assert_eq!(en("Twenty-five"), Some(25.0));
        assert_eq!(en("dozen"), Some(12.0));
        assert_eq!(en("thousand"), Some(1000.0));
        assert_eq!(en("dozens"), None);
        assert_eq!(en("twenty-"), None);
        assert_eq!(en("a"), None);
        assert_eq!(en("soldiers"), None);
    }

    #[test]
    fn scaled_values_are_whole_where_they_should_be() {
        assert_eq!(scaled(4.1, 1e9), 4_100_000_000.0);
        assert_eq!(scaled(1.4, 1e6), 1_400_000.0);
        assert_eq!(scaled(2.3, 1e9), 2_300_000_000.0);
        assert_eq!(scaled(0.5, 0.5), 0.25);
    }
}
