//! The encoder on real input: shapes, determinism, zeros past the window, refusal of a wrong file, and no
//! crash on arbitrary words. Needs the model file (`scripts/fetch-e5`); skips with a message without it.

use lagebild_embed::{model_path, Encoder, Error, DIM};
use proptest::prelude::*;
use std::sync::OnceLock;

fn encoder() -> Option<&'static Encoder> {
    static E: OnceLock<Option<Encoder>> = OnceLock::new();
    E.get_or_init(|| match Encoder::load(&model_path()) {
        Ok(e) => Some(e),
        Err(e) => {
            println!("[skip] e5 encoder: {e}");
            None
        }
    })
    .as_ref()
}

#[test]
fn states_have_the_documented_shape_and_are_deterministic() {
    let Some(enc) = encoder() else { return };
    let words = ["Kyrylo", "Budanow", "sagte", "am", "Freitag", ",", "es", "seien", "12.000", "Soldaten", "."];
    let a = enc.word_states(&words, 8).expect("forward");
    assert_eq!(a.len(), words.len() * 2 * DIM);
    assert!(a.iter().all(|v| v.is_finite()));
    // every word, punctuation included, gets a non-zero state
    for w in a.chunks_exact(2 * DIM) {
        assert!(w.iter().any(|&v| v != 0.0));
    }
    assert_eq!(a, enc.word_states(&words, 8).expect("forward"));
    // more layers give other states; no words give none
    assert_ne!(a, enc.word_states(&words, 12).expect("forward"));
    assert!(enc.word_states(&[], 8).expect("forward").is_empty());
}

#[test]
fn words_past_the_window_get_zeros() {
    let Some(enc) = encoder() else { return };
    let words: Vec<&str> = std::iter::repeat_n("Wort", 700).collect();
    let s = enc.word_states(&words, 2).expect("forward");
    assert!(s[..2 * DIM].iter().any(|&v| v != 0.0));
    assert!(s[699 * 2 * DIM..].iter().all(|&v| v == 0.0));
}

#[test]
fn a_file_that_is_not_the_model_is_refused_before_parsing() {
    let dir = std::env::temp_dir().join(format!("lagebild-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("e5-small-q4.bin");
    std::fs::write(&bad, b"E5S1 truncated garbage").expect("write");
    assert!(matches!(Encoder::load(&bad), Err(Error::Invalid(_))));
    assert!(matches!(Encoder::load(&dir.join("absent.bin")), Err(Error::Missing(_))));
    std::fs::remove_dir_all(&dir).ok();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn arbitrary_words_do_not_crash(words in proptest::collection::vec("\\PC{0,40}", 0..40)) {
        if let Some(enc) = encoder() {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let s = enc.word_states(&refs, 3).expect("forward");
            prop_assert_eq!(s.len(), refs.len() * 2 * DIM);
            prop_assert!(s.iter().all(|v| v.is_finite()));
        }
    }
}
