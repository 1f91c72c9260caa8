//! Property tests: no reader panics on arbitrary input, and the cleaner never loses a body sentence,
//! whatever noise surrounds it.

use lagebild_ingest::{parse_input, source, Format, Options};
use proptest::prelude::*;

const FORMATS: [Option<Format>; 5] =
    [None, Some(Format::Text), Some(Format::Html), Some(Format::Feed), Some(Format::Jsonl)];

/// Invented body sentences of the shapes news articles have: figures, quotes, dates, datelines, colons.
const BODY: &[&str] = &[
    "Die Feuerwehr war nach eigenen Angaben mit rund 120 Einsatzkräften vor Ort.",
    "Bremen (dpa) - Ein Großbrand hat in der Nacht zum Dienstag eine Lagerhalle zerstört.",
    "„Wir haben das Feuer unter Kontrolle“, sagte Einsatzleiter Jonas Albrecht am Morgen.",
    "Laut Polizei entstand ein Schaden von mehr als 3,2 Millionen Euro.",
    "Die Ministerin sagte: Wir werden die Ursache genau prüfen.",
    "Seit August 2023 hat das Unternehmen drei Standorte geschlossen.",
    "The mayor, Linda Okafor, said on Tuesday that about 140 firefighters had been deployed.",
    "Officials warned of further delays, according to a statement.",
    "Ist die Stadt auf solche Brände vorbereitet?",
    "Nach Angaben des Ministeriums wurden 1.500 Menschen in Sicherheit gebracht.",
    "Der Verband kritisierte die Entscheidung als übereilt und forderte eine Anhörung im Landtag.",
    "Anwohner berichteten von dichtem Rauch, der bis in die Innenstadt zog.",
];

/// Pieces of markup for the tag-soup property: openers of every insertion mode, text and stray end tags.
const SOUP: &[&str] = &[
    "<div>",
    "<p>",
    "<b>",
    "<i>",
    "<a href=x>",
    "<span>",
    "<table>",
    "<tr>",
    "<td>",
    "<th>",
    "<tbody>",
    "<caption>",
    "<ul>",
    "<li>",
    "<select>",
    "<option>",
    "<svg>",
    "<math>",
    "<foreignObject>",
    "<template>",
    "<form>",
    "<h2>",
    "<pre>",
    "<textarea>x</textarea>",
    "<script>s</script>",
    "<noscript>",
    "<frameset>",
    "</div>",
    "</p>",
    "</b>",
    "</a>",
    "</table>",
    "</td>",
    "</tr>",
    "</svg>",
    "</template>",
    "</body>",
    "</html>",
    "Wort ",
    "Satz mit Punkt. ",
    "<br>",
    "<img src=y>",
    "<!-- c -->",
];

/// Boilerplate lines of the kinds the cleaner knows.
const NOISE: &[&str] = &[
    "Merken",
    "Anzeige",
    "2205",
    "61 Kommentare",
    "Auch interessant",
    "Mehr zum Thema",
    "- Hafen: Neue Kräne für das Terminal",
    "- Sport: Derby endet unentschieden",
    "Folgst du schon dem Tagblatt auf Whatsapp?",
    "© Tagblatt 2025 – Alle Rechte vorbehalten",
    "Deine Meinung zählt",
    "Publiziert",
    "Advertisement",
    "Share",
];

/// Deeply nested pages (hostile or broken) are read without overflowing the stack of a 2 MiB thread, the
/// size a worker thread gets, and keep their words.
#[test]
fn deeply_nested_html_is_read_on_a_small_stack() {
    let n = 3_000;
    let cases = [
        format!("<html><body>{}Hafenbrand{}", "<div>".repeat(n), "</div>".repeat(n)),
        format!("<html><body><p>{}Hafenbrand", "<b>".repeat(n)),
        format!("<html><body>{}<p>Hafenbrand", "<b>x<p>y".repeat(n)),
        format!("<html><body>{}<p>Hafenbrand", "<table><tr><td>".repeat(n)),
        format!("<html><body><article>{}Hafenbrand", "<span>Wort ".repeat(n)),
    ];
    for (i, html) in cases.into_iter().enumerate() {
        let outcome = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let input = source::from_bytes(format!("deep{i}.html"), html.into_bytes()).unwrap();
                let options = Options { format: Some(Format::Html), ..Default::default() };
                parse_input(&input, &options).into_iter().map(|a| a.map(|a| a.text)).collect::<Vec<_>>()
            })
            .unwrap()
            .join()
            .expect("no panic");
        assert_eq!(outcome.len(), 1, "case {i}");
        let text = outcome[0].as_ref().unwrap_or_else(|e| panic!("case {i}: {e}"));
        assert!(text.contains("Hafenbrand") || text.contains("Wort"), "case {i}: words lost: {text:.200}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), f in 0usize..5) {
        if let Ok(input) = source::from_bytes("fuzz.bin".into(), bytes) {
            let options = Options { format: FORMATS[f], ..Default::default() };
            for article in parse_input(&input, &options).into_iter().flatten() {
                prop_assert!(!article.id.is_empty());
            }
        }
    }

    #[test]
    fn readers_never_panic_on_texty_input(text in "[<>a-zA-Z0-9äöü{}\":,\\[\\] .\n-]{0,400}", f in 0usize..5) {
        let input = source::from_bytes("fuzz".into(), text.into_bytes()).unwrap();
        let options = Options { format: FORMATS[f], ..Default::default() };
        let _ = parse_input(&input, &options);
    }

    /// Tag soup deeper than the parser keeps open (256 elements): table parts, formatting elements,
    /// foreign content and stray end tags mixed, so the depth cap meets every insertion mode.
    #[test]
    fn deep_tag_soup_never_panics(
        tags in proptest::collection::vec(proptest::sample::select(SOUP), 260..1200),
    ) {
        let html = format!("<html><body>{}", tags.concat());
        let input = source::from_bytes("soup.html".into(), html.into_bytes()).unwrap();
        let options = Options { format: Some(Format::Html), ..Default::default() };
        let _ = parse_input(&input, &options);
    }

    #[test]
    fn no_body_sentence_lost_in_shuffled_noise(
        body in proptest::sample::subsequence(BODY, 1..BODY.len()),
        noise in proptest::collection::vec(proptest::sample::select(NOISE), 0..12),
        seed in any::<u64>(),
        blank_lines in any::<bool>(),
    ) {
        let mut lines: Vec<&str> = body.iter().chain(noise.iter()).copied().collect();
        // Deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..lines.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            lines.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let sep = if blank_lines { "\n\n" } else { "\n" };
        let text = format!("Großbrand im Hafen: Lagerhalle zerstört{sep}{}", lines.join(sep));
        let input = source::from_bytes("shuffled.txt".into(), text.into_bytes()).unwrap();
        let article = parse_input(&input, &Options::default()).remove(0).unwrap();
        for sentence in &body {
            prop_assert!(article.text.contains(sentence), "lost {:?}\nin {:?}\nremoved {:?}", sentence, article.text, article.removed);
        }
    }
}
