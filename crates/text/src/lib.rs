//! Text analysis shared by every extractor: the number grammar (digits and number words, German and
//! English), and later sentences, tokens and lemmas.

pub mod lemma;
pub mod numbers;
pub mod sentences;
