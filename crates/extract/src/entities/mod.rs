//! Named entities with canonical names that merge spelling variants and inflections.
//!
//! Pipeline per text: [`token`] → per-token flags from gazetteers and tables ([`lexicon`], [`de`], [`en`],
//! [`known`]) → for German, an averaged-perceptron tagger ([`model`], weights in
//! `data/entities/ner_de.bin`, trained by `examples/train_ner.rs`); for English (or without weights), a
//! capitalised-run tagger → rules ([`rules`]: known names, role cues, first names, acronym definitions,
//! one sense per article) → canonical names within the article ([`canon`]). Across articles,
//! [`Canonicalizer`] merges transliteration variants, genitives and surname-only mentions.

pub mod canon;
pub mod de;
pub mod en;
pub mod known;
pub mod lexicon;
pub mod model;
pub mod rules;
pub mod token;

pub use canon::{canonicalize, fold, Canonicalizer};

use lagebild_core::{Entity, Lang};
use std::sync::OnceLock;

static WEIGHTS: &[u8] = include_bytes!("../../data/entities/ner_de.bin");

/// The shipped German tagger, if its weights are present.
pub fn model() -> Option<&'static model::Model> {
    static M: OnceLock<Option<model::Model>> = OnceLock::new();
    M.get_or_init(|| model::Model::from_bytes(WEIGHTS)).as_ref()
}

const PLACE_LIKE: u32 = lexicon::PLACE | lexicon::PLACE_GEN | lexicon::KNOWN_LOC | lexicon::KNOWN_ORG;

/// Every entity mention in `text`, in text order, with `canonical` resolved within the text.
pub fn extract(text: &str, lang: Lang) -> Vec<Entity> {
    extract_with(text, lang, model())
}

/// [`extract`] with a given tagger (`None`: rules only); used by training and evaluation.
pub fn extract_with(text: &str, lang: Lang, tagger: Option<&model::Model>) -> Vec<Entity> {
    let german = lang == Lang::De;
    let lex = lexicon::get();
    let toks = token::tokenize(text);
    if toks.is_empty() {
        return Vec::new();
    }
    let inf = model::infos(text, &toks, german, lex);
    // The rules' spans (and, without a tagger, the capitalised runs) go through `cleanup`; the tagger's spans
    // do not: it learnt its boundaries ("George W. Bush", "Yahoo !") from the labelled data, and cutting them
    // at punctuation cost 0.02 F1. Rule spans only fill in where the tagger found nothing.
    let tagged = match (german, tagger) {
        (true, Some(m)) => Some(model::spans(&m.tag(&inf))),
        _ => None,
    };
    let mut spans = Vec::new();
    rules::known_names(text, &toks, &inf, lex, &mut spans);
    let known = spans.clone();
    rules::acronyms(text, &toks, &inf, &mut spans);
    rules::people(text, &toks, &inf, true, &mut spans);
    if tagged.is_none() {
        rules::caps(text, &toks, &inf, lex, german, &mut spans);
    }
    rules::cleanup(text, &toks, &inf, &mut spans);
    if let Some(mut tagged) = tagged {
        rules::tagger_bounds(text, &toks, &inf, &mut tagged);
        // the kind of a known agency, body, place or person wins over the tagger's guess ("Kyodo"), and a
        // known name covering the tagger's span is the whole name ("Wolodymyr" of "Wolodymyr Selenskyj")
        for sp in tagged.iter_mut() {
            if let Some(k) = known.iter().find(|k| k.0 <= sp.0 && sp.1 <= k.1) {
                *sp = *k;
            }
        }
        tagged.dedup();
        // a role cue marks where a person's name starts, and a known place or body after it where the name
        // ends: "Präsident Selenskyj Südkorea um Hilfe" is "Selenskyj" (other stops of the rule, nouns that
        // are also surnames, cost F1 on GermEval)
        let mut cued = Vec::new();
        rules::people(text, &toks, &inf, false, &mut cued);
        for c in cued {
            if let Some(sp) = tagged.iter_mut().find(|sp| sp.0 == c.0 && sp.1 > c.1 && inf[c.1].flags & PLACE_LIKE != 0)
            {
                *sp = c;
            }
        }
        spans.retain(|&(s, e, _)| !tagged.iter().any(|&(a, b, _)| a < e && s < b));
        spans.extend(tagged);
    }
    rules::propagate(text, &toks, &inf, &mut spans);
    spans.sort();
    spans.dedup_by(|b, a| b.0 < a.1);
    let mut out: Vec<Entity> = spans
        .into_iter()
        .filter(|&(s, e, _)| toks[s].word && toks[e - 1].word)
        .map(|(s, e, kind)| Entity {
            start: toks[s].start,
            end: toks[e - 1].end,
            text: text[toks[s].bstart..toks[e - 1].bend].to_string(),
            kind,
            canonical: String::new(),
        })
        .collect();
    canon::resolve_article(&mut out);
    out
}
