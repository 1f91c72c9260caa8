//! Text analysis shared by the stages: the number grammar (digits and number words, German and
//! English), sentences, lemmas, and the calendar words of each language.

pub mod calendar;
pub mod lemma;
pub mod numbers;
pub mod sentences;
