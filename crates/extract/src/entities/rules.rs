//! Rules over tokens that add to (or replace) the tagger's spans: known names, role cues, first names,
//! acronym definitions, a capitalised-run tagger for text without a model, and one-sense-per-article.

use super::lexicon::{self as lx, Lexicon};
use super::model::TokInfo;
use super::token::Tok;
use super::{canon, de, en, known};
use lagebild_core::EntityKind::{self, *};

pub type Span = (usize, usize, EntityKind);

const NOUNISH: u32 = lx::NOUN | lx::NOUN_STEM | lx::NOUN_COMPOUND;

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.bstart..t.bend]
}

/// Could be part of a person's name.
fn name_like(inf: &TokInfo, t: &Tok) -> bool {
    let f = inf.flags;
    t.word
        && f & lx::CAP != 0
        && f & (lx::FUNC | lx::NOT_NAME | lx::ROLE | lx::DIGIT) == 0
        && f & (lx::PLACE | lx::PLACE_GEN | lx::KNOWN_LOC | lx::KNOWN_ORG | lx::PART_PLACE) == 0
        && (f & NOUNISH == 0 || f & (lx::FIRST | lx::SURNAME) != 0 && f & lx::NOUN == 0)
}

/// Puts `new` in, dropping the spans it overlaps.
fn put(spans: &mut Vec<Span>, new: Span) {
    spans.retain(|&(s, e, _)| e <= new.0 || s >= new.1);
    spans.push(new);
}

fn overlaps(spans: &[Span], s: usize, e: usize) -> bool {
    spans.iter().any(|&(a, b, _)| a < e && s < b)
}

/// Known agencies, bodies and places (one or more tokens, case endings allowed on multi-word names).
pub fn known_names(text: &str, toks: &[Tok], inf: &[TokInfo], lex: &Lexicon, spans: &mut Vec<Span>) {
    for i in 0..toks.len() {
        if !toks[i].word || inf[i].flags & lx::CAP == 0 && inf[i].flags & lx::LOWER == 0 {
            continue;
        }
        // multi-word: up to 5 tokens
        let mut hit = None;
        let gate = lex.known_prefixes.contains(&lx::prefix4(word(text, &toks[i])));
        for n in (2..=5).rev().filter(|_| gate) {
            if i + n > toks.len() || !toks[i + n - 1].word {
                continue;
            }
            if (i..i + n).any(|j| inf[j].flags & lx::CAP == 0 && !matches!(word(text, &toks[j]), "de" | "of")) {
                continue;
            }
            let s = &text[toks[i].bstart..toks[i + n - 1].bend];
            if let Some((_, kind)) = canon::known_alias(s) {
                hit = Some((i, i + n, kind));
                break;
            }
        }
        if hit.is_none() {
            if let Some(&k) = lex.known_words.get(word(text, &toks[i])) {
                hit = Some((i, i + 1, known::KNOWN[k].1));
            }
        }
        if let Some((s, e, kind)) = hit {
            let inside = spans.iter().any(|&(a, b, _)| a <= s && e <= b && (b - a) > (e - s));
            if !inside {
                put(spans, (s, e, kind));
            }
        }
    }
}

/// "Präsident Wolodymyr Selenskyj", "Kreml-Sprecher Dmitri Peskow", "John Kirby, Sprecher …"; with
/// `first_names`, also a known first name and the name-like words after it.
pub fn people(text: &str, toks: &[Tok], inf: &[TokInfo], first_names: bool, spans: &mut Vec<Span>) {
    let n = toks.len();
    let run = |from: usize| {
        let mut j = from;
        while j < n && j < from + 4 && name_like(&inf[j], &toks[j]) {
            j += 1;
        }
        j
    };
    for i in 0..n {
        if inf[i].flags & lx::ROLE != 0 {
            let e = run(i + 1);
            if e > i + 1 {
                put(spans, (i + 1, e, Per));
            }
        }
        // first name + name
        let f = inf[i].flags;
        if first_names
            && f & lx::FIRST != 0
            && f & lx::CAP != 0
            && f & (lx::FUNC | lx::NOT_NAME) == 0
            && !overlaps_kind(spans, i, Per)
        {
            let e = run(i + 1);
            if e > i + 1
                && (f & lx::NOUN == 0 || inf[i + 1].flags & lx::SURNAME != 0 || inf[i + 1].flags & NOUNISH == 0)
            {
                let start_ok = !inf[i].sent_start || f & NOUNISH == 0;
                if start_ok && (i == 0 || !matches!(word(text, &toks[i - 1]), "-")) {
                    put(spans, (i, e, Per));
                }
            }
        }
    }
    // name, (der|die)? role …
    for i in 0..n {
        if word(text, &toks[i]) != "," || i == 0 {
            continue;
        }
        let mut k = i + 1;
        if k < n && matches!(inf[k].lower.as_str(), "der" | "die" | "the" | "a") {
            k += 1;
        }
        if k < n && inf[k].flags & lx::ROLE != 0 {
            let mut s = i;
            while s > 0 && s + 4 > i && name_like(&inf[s - 1], &toks[s - 1]) {
                s -= 1;
            }
            if s < i && i - s >= 2 {
                put(spans, (s, i, Per));
            }
        }
    }
}

fn overlaps_kind(spans: &[Span], i: usize, kind: EntityKind) -> bool {
    spans.iter().any(|&(a, b, k)| a <= i && i < b && k == kind && b - a > 1)
}

/// "Nationaler Nachrichtendienst (NIS)": the acronym and the long form before it, both organisations.
/// Returns (long form span, acronym span) pairs.
pub fn acronyms(text: &str, toks: &[Tok], inf: &[TokInfo], spans: &mut Vec<Span>) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    for i in 1..toks.len().saturating_sub(2) {
        if word(text, &toks[i]) != "(" || word(text, &toks[i + 2]) != ")" {
            continue;
        }
        let a = i + 1;
        let acr = word(text, &toks[a]);
        let len = acr.chars().count();
        if inf[a].flags & lx::ALLCAPS == 0 || !(2..=6).contains(&len) || inf[a].flags & lx::DIGIT != 0 {
            continue;
        }
        let mut s = i;
        while s > 0
            && i - s < 6
            && toks[s - 1].word
            && inf[s - 1].flags & lx::CAP != 0
            && inf[s - 1].flags & lx::FUNC == 0
        {
            s -= 1;
        }
        if s == i {
            continue;
        }
        let long = &text[toks[s].bstart..toks[i - 1].bend];
        let initials: String = long.split([' ', '-']).filter_map(|w| w.chars().next()).collect();
        let known = canon::known_alias(long).is_some_and(|(c, _)| canon::known_alias(acr).is_some_and(|(d, _)| c == d));
        // initials may skip small words: the acronym's letters in order
        let mut it = initials.chars();
        let matches =
            acr.chars().all(|c| it.any(|x| x == c)) && initials.starts_with(acr.chars().next().unwrap_or(' '));
        if !(known || matches) {
            continue;
        }
        let kind = canon::known_alias(acr).map_or(Org, |(_, k)| k);
        put(spans, (s, i, kind));
        put(spans, (a, a + 1, kind));
        out.push(((s, i, kind), (a, a + 1, kind)));
    }
    out
}

/// Capitalised runs: the tagger for English, and for German when no weights are shipped.
pub fn caps(text: &str, toks: &[Tok], inf: &[TokInfo], lex: &Lexicon, german: bool, spans: &mut Vec<Span>) {
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let f = inf[i].flags;
        let good = |j: usize| {
            let f = inf[j].flags;
            toks[j].word
                && f & lx::CAP != 0
                && f & (lx::FUNC | lx::NOT_NAME) == 0
                && (!german || f & NOUNISH == 0 || f & lx::FIRST != 0)
        };
        if !good(i) || overlaps(spans, i, i + 1) {
            i += 1;
            continue;
        }
        let _ = f;
        let s = i;
        let mut e = i + 1;
        loop {
            if e < n && good(e) && !overlaps(spans, e, e + 1) {
                e += 1;
            } else if e + 1 < n
                && en::NAME_PARTICLES.contains(&inf[e].lower.as_str())
                && toks[e].word
                && inf[e].flags & lx::LOWER != 0
                && good(e + 1)
            {
                e += 2;
            } else {
                break;
            }
        }
        i = e;
        // "Foreign Minister Jonas Pettersen": the name is what follows the role word
        let s = match (s..e).rev().find(|&j| inf[j].flags & lx::ROLE != 0) {
            Some(r) if r + 1 < e => r + 1,
            Some(_) => continue,
            None => s,
        };
        let single = e == s + 1;
        let fs = inf[s].flags;
        let first_word = word(text, &toks[s]);
        // a lone capitalised word at a sentence start says nothing
        if single && inf[s].sent_start && fs & (lx::PLACE | lx::PLACE_GEN | lx::FIRST | lx::ALLCAPS) == 0 {
            continue;
        }
        let last = word(text, &toks[e - 1]);
        let role_before = s > 0 && inf[s - 1].flags & lx::ROLE != 0;
        let kind = if let Some((_, k)) = canon::known_alias(&text[toks[s].bstart..toks[e - 1].bend]) {
            k
        } else if en::ORG_LAST.contains(&last) || (single && fs & lx::ALLCAPS != 0) {
            Org
        } else if role_before || (!single && fs & lx::FIRST != 0) {
            Per
        } else if single && fs & (lx::PLACE | lx::PLACE_GEN) != 0
            || lex.is_place(&text[toks[s].bstart..toks[e - 1].bend])
        {
            Loc
        } else if !single && e - s <= 3 && first_word.chars().all(|c| c.is_alphabetic() || c == '-') {
            Per
        } else {
            Misc
        };
        spans.push((s, e, kind));
    }
}

/// One sense per article: later bare mentions of a person's surname (or family name), genitives, and
/// repeats of organisation and place names get the same kind.
pub fn propagate(text: &str, toks: &[Tok], inf: &[TokInfo], spans: &mut Vec<Span>) {
    let mut people: Vec<&str> = Vec::new();
    let mut names: Vec<(&str, EntityKind)> = Vec::new();
    for &(s, e, k) in spans.iter() {
        if k == Per && e - s >= 2 {
            people.push(word(text, &toks[e - 1]));
            people.push(word(text, &toks[s]));
        } else if e - s == 1 && inf[s].flags & (NOUNISH | lx::FUNC) == 0 && inf[s].flags & lx::CAP != 0 {
            names.push((word(text, &toks[s]), k));
        }
    }
    let is_person = |w: &str| people.iter().any(|p| *p == w || w.strip_suffix('s') == Some(p));
    // a person's name the tagger took for something else: "Tikhonov" (LOC), "Putins Angriffskrieg" (LOC)
    for sp in spans.iter_mut() {
        let (s, e, k) = *sp;
        if k != Per && is_person(word(text, &toks[s])) && (s + 1..e).all(|j| inf[j].flags & NOUNISH != 0) {
            *sp = (s, s + 1, Per);
        }
    }
    if people.is_empty() && names.is_empty() {
        return;
    }
    for i in 0..toks.len() {
        if !toks[i].word
            || inf[i].flags & lx::CAP == 0
            || inf[i].flags & (lx::FUNC | lx::NOT_NAME) != 0
            || overlaps(spans, i, i + 1)
        {
            continue;
        }
        let w = word(text, &toks[i]);
        if is_person(w) {
            spans.push((i, i + 1, Per));
        } else if let Some((_, k)) = names.iter().find(|(n, _)| *n == w || w.strip_suffix('s') == Some(n)) {
            spans.push((i, i + 1, *k));
        }
    }
}

/// The tagger's spans within one sentence and one name: punctuation at the edges goes; a sentence end inside
/// ("Tomasz Wierzbicki. Kowalczyk", but not "George W. Bush" or "Bernhard IV."), a line break, or a lower-case
/// word other than a name particle in a person or place ("Abend telefonierte Selenskyj") splits it; pieces that
/// are one common noun or function word go.
pub fn tagger_bounds(text: &str, toks: &[Tok], inf: &[TokInfo], spans: &mut Vec<Span>) {
    let mut out = Vec::with_capacity(spans.len());
    for &(s, e, k) in spans.iter() {
        let mut a = s;
        for j in s..=e {
            let cut = j == e
                || (j > a && text[toks[j - 1].bend..toks[j].bstart].contains('\n'))
                || (matches!(word(text, &toks[j]), "." | "!" | "?")
                    && j > s
                    && (!toks[j - 1].word || !super::model::initial_like(word(text, &toks[j - 1]))))
                || (matches!(k, Per | Loc)
                    && toks[j].word
                    && inf[j].flags & lx::LOWER != 0
                    && !de::NAME_PARTICLES.contains(&inf[j].lower.as_str()));
            if !cut {
                continue;
            }
            let (mut x, mut y) = (a, j);
            while x < y && !toks[x].word {
                x += 1;
            }
            while y > x && !toks[y - 1].word {
                y -= 1;
            }
            let f = inf.get(x).map_or(0, |t| t.flags);
            let common = f & (lx::FUNC | lx::NOT_NAME) != 0
                || f & NOUNISH != 0 && f & (lx::FIRST | lx::SURNAME | lx::PLACE | lx::KNOWN_LOC | lx::KNOWN_ORG) == 0;
            if y > x && !(y == x + 1 && common && (x, y) != (s, e)) {
                out.push((x, y, k));
            }
            a = j + 1;
        }
    }
    *spans = out;
}

/// Cuts spans at punctuation and line breaks, trims lower-case words at their ends and drops single words
/// that the lexicon says are common nouns or function words, or compounds like "Ukraine-Krieg".
pub fn cleanup(text: &str, toks: &[Tok], inf: &[TokInfo], spans: &mut Vec<Span>) {
    let mut out = Vec::with_capacity(spans.len());
    for &(s, e, k) in spans.iter() {
        let mut a = s;
        for j in s..=e {
            let cut = j == e
                || (k != Misc && !toks[j].word && word(text, &toks[j]) != "&")
                || (j > a && text[toks[j - 1].bend..toks[j].bstart].contains('\n'));
            if !cut {
                continue;
            }
            let (mut x, mut y) = (a, j);
            while x < y && (!toks[x].word || inf[x].flags & lx::FUNC != 0 && inf[x].flags & lx::CAP != 0 && y - x > 1) {
                x += 1;
            }
            while y > x && (!toks[y - 1].word || k != Misc && inf[y - 1].flags & lx::LOWER != 0) {
                y -= 1;
            }
            if y > x {
                let f = inf[x].flags;
                let keep_single = f
                    & (lx::PLACE
                        | lx::PLACE_GEN
                        | lx::KNOWN_ORG
                        | lx::KNOWN_LOC
                        | lx::FIRST
                        | lx::SURNAME
                        | lx::ALLCAPS)
                    != 0;
                let drop = y == x + 1
                    && (f & lx::FUNC != 0
                        || f & lx::NOT_NAME != 0
                        || (k != Misc && f & lx::NOUN != 0 && !keep_single)
                        || (f & (lx::PART_PLACE | lx::PART_ORG) != 0 && f & lx::LAST_NOUN != 0));
                if !drop {
                    out.push((x, y, k));
                }
            }
            a = j + 1;
        }
    }
    *spans = out;
}
