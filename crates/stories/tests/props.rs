//! Property tests: no panic on arbitrary text; the same input in the same order gives the same stories,
//! one by one or in a batch.

use chrono::NaiveDate;
use lagebild_core::Lang;
use lagebild_stories::{cluster, Config, StoryClusterer, StoryInput};
use proptest::prelude::*;

fn arb_input() -> impl Strategy<Value = StoryInput> {
    let words = prop::sample::select(vec![
        "Hafen",
        "Schiff",
        "dpa",
        "(dpa)",
        "Berlin",
        "Regierung",
        "election",
        "vote",
        "the",
        "und",
        "2024",
        "13.",
        "Mai",
        "June",
        "7",
        "-",
        "Reuters",
        "ÄÖÜ",
        "straße",
        "\n",
        "  ",
        "’",
        "🙂",
        "(",
        ")",
        "Quelle:",
    ]);
    (
        prop::collection::vec(words, 0..60),
        any::<String>(),
        prop::option::of(prop::sample::select(vec![Lang::De, Lang::En])),
        prop::option::of(0i64..400),
        prop::collection::vec("[a-zA-Z ]{0,12}", 0..3),
    )
        .prop_map(|(words, noise, language, day, entities)| StoryInput {
            id: String::new(),
            title: noise.chars().take(20).collect(),
            text: format!("{} {}", words.join(" "), noise),
            language,
            published: day.map(|d| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(d)),
            entities,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn deterministic_and_no_panic(mut inputs in prop::collection::vec(arb_input(), 0..30)) {
        for (i, x) in inputs.iter_mut().enumerate() {
            x.id = format!("a{i}");
        }
        let config = Config { max_open_stories: 5, dup_window: 7, ..Config::default() };
        let batch = cluster(config.clone(), &inputs);
        let again = cluster(config.clone(), &inputs);
        prop_assert_eq!(&batch, &again);
        let mut one = StoryClusterer::new(config);
        let single: Vec<_> = inputs.iter().cloned().map(|x| one.add(x)).collect();
        prop_assert_eq!(&batch, &single);
    }
}
