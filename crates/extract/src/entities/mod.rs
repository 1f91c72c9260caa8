//! Named entities with canonical names that merge spelling variants and inflections.
//!
//! Pipeline per text: [`token`] → per-token flags from gazetteers and tables ([`lexicon`], [`de`], [`en`],
//! [`known`]) → for German, an averaged-perceptron tagger ([`model`], weights in
//! `data/entities/ner_de.bin`, trained by `examples/train_ner.rs`; or [`NeuralTagger`], the same tagger with
//! e5 word states, [`dense`]); for English (or without weights), a capitalised-run tagger → rules
//! ([`rules`]: known names, role cues, first names, acronym definitions, one sense per article) → canonical
//! names within the article ([`canon`]). Across articles, [`Canonicalizer`] merges transliteration variants,
//! genitives and surname-only mentions.

pub mod canon;
pub mod de;
pub mod dense;
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
static NEURAL_WEIGHTS: &[u8] = include_bytes!("../../data/entities/ner_de_e5.bin");

/// The shipped German tagger, if its weights are present.
pub fn model() -> Option<&'static model::Model> {
    static M: OnceLock<Option<model::Model>> = OnceLock::new();
    M.get_or_init(|| model::Model::from_bytes(WEIGHTS)).as_ref()
}

/// The neural German tagger: weights trained with e5 word states (`data/entities/ner_de_e5.bin`) and the
/// encoder that makes them. GermEval F1 0.77 instead of 0.62, at about 2.7 ms per token on one core instead
/// of microseconds; English text is tagged as by [`extract`].
pub struct NeuralTagger {
    model: model::Model,
    encoder: lagebild_embed::Encoder,
}

impl NeuralTagger {
    /// Loads the encoder's model file from [`lagebild_embed::model_path`].
    pub fn load() -> Result<NeuralTagger, lagebild_embed::Error> {
        let path = lagebild_embed::model_path();
        let encoder = lagebild_embed::Encoder::load(&path)?;
        let model = model::Model::from_bytes(NEURAL_WEIGHTS).ok_or(lagebild_embed::Error::Invalid(path))?;
        Ok(NeuralTagger { model, encoder })
    }

    /// Every entity mention in `text`, as [`extract`] finds them but with the neural tagger for German.
    pub fn extract(&self, text: &str, lang: Lang) -> Result<Vec<Entity>, lagebild_embed::Error> {
        if lang != Lang::De {
            return Ok(extract(text, lang));
        }
        let states = word_states(text, &self.encoder)?;
        Ok(extract_with(text, lang, Some(&self.model), Some(&states)))
    }
}

const PLACE_LIKE: u32 = lexicon::PLACE | lexicon::PLACE_GEN | lexicon::KNOWN_LOC | lexicon::KNOWN_ORG;

/// Every entity mention in `text`, in text order, with `canonical` resolved within the text.
pub fn extract(text: &str, lang: Lang) -> Vec<Entity> {
    extract_with(text, lang, model(), None)
}

/// The e5 word states of `text`'s tokens, for a neural tagger ([`model::Model::is_neural`]) in
/// [`extract_with`].
pub fn word_states(text: &str, enc: &lagebild_embed::Encoder) -> Result<Vec<f32>, lagebild_embed::Error> {
    let toks = token::tokenize(text);
    let inf = model::infos(text, &toks, true, lexicon::get());
    let words: Vec<&str> = toks.iter().map(|t| &text[t.bstart..t.bend]).collect();
    let starts: Vec<bool> = inf.iter().map(|i| i.sent_start).collect();
    dense::states(enc, &words, &starts)
}

/// [`extract`] with a given tagger (`None`: rules only) and, for a neural one, the text's
/// [`word_states`].
pub fn extract_with(text: &str, lang: Lang, tagger: Option<&model::Model>, states: Option<&[f32]>) -> Vec<Entity> {
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
        (true, Some(m)) => Some(model::spans(&m.tag(&inf, states))),
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
