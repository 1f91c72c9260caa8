use super::*;
use lagebild_core::*;

fn article(id: &str, outlet: &str, text: &str) -> AnalyzedArticle {
    AnalyzedArticle {
        article: Article {
            id: id.into(),
            source: format!("{id}.txt"),
            title: Some(format!("Titel {id}")),
            published: Some("2025-03-14".into()),
            outlet: Some(outlet.into()),
            url: None,
            author: None,
            language: Some("de".into()),
            text: text.into(),
            removed: vec![],
        },
        entities: vec![],
        figures: vec![],
        times: vec![],
        quotes: vec![],
        duplicate_of: None,
        wire_agency: None,
    }
}

fn figure(text: &str, phrase: &str, value: f64, thing: &str, source: Option<&str>) -> Figure {
    let start = text[..text.find(phrase).unwrap()].chars().count();
    let end = start + phrase.chars().count();
    Figure {
        start,
        end,
        text: phrase.into(),
        number_start: start,
        number_end: end,
        value: Some(value),
        vague: false,
        low: None,
        high: None,
        approx: Approx::Exact,
        unit: None,
        kind: FigureKind::Count,
        thing: Some(thing.into()),
        thing_text: Some("Einsatzkräfte".into()),
        source: source.map(str::to_string),
    }
}

const A: &str = "In Hamburg hat ein Großbrand eine Lagerhalle zerstört. Die Feuerwehr war mit 120 Einsatzkräften vor Ort. Am Freitag begannen die Löscharbeiten am frühen Morgen.";
const B: &str = "Ein Großbrand in Hamburg hat eine Lagerhalle vollständig zerstört. Laut Innenbehörde waren 150 Einsatzkräfte im Einsatz. Verletzt wurde nach ersten Angaben niemand.";

fn story() -> Story {
    let mut a = article("a", "Elbe-Anzeiger", A);
    a.figures.push(figure(A, "120 Einsatzkräften", 120.0, "einsatzkraft", Some("Feuerwehr")));
    let day = A.chars().collect::<String>();
    let start = day[..day.find("Freitag").unwrap()].chars().count();
    a.times.push(TimeExpr {
        start,
        end: start + 7,
        text: "Freitag".into(),
        kind: TimeKind::Date,
        value: "2025-03-14".into(),
        mod_: None,
    });
    let q_start = B[..B.find("Laut").unwrap()].chars().count();
    let mut b = article("b", "Tagesecho", B);
    b.figures.push(figure(B, "150 Einsatzkräfte", 150.0, "einsatzkraft", Some("Innenbehörde")));
    b.quotes.push(Quote {
        start: q_start,
        end: q_start + 10,
        kind: QuoteKind::AccordingTo,
        speaker: Some(Mention { start: q_start + 5, end: q_start + 17, text: "Innenbehörde".into(), entity: None }),
        cue: None,
        content: Piece { start: q_start, end: q_start + 10, text: String::new() },
        via: None,
    });
    let c = AnalyzedArticle { duplicate_of: Some("a".into()), ..article("c", "Saale-Kurier", A) };
    compare("s1", &[&a, &b, &c])
}

#[test]
fn figure_groups_show_disagreement_with_outlets_and_sources() {
    let s = story();
    assert_eq!(s.figure_groups.len(), 1);
    let g = &s.figure_groups[0];
    assert_eq!(g.thing, "einsatzkraft");
    assert_eq!(g.values, [120.0, 150.0]);
    assert!(g.disagree);
    assert_eq!(g.members[1].outlet.as_deref(), Some("Tagesecho"));
    assert_eq!(g.members[1].source.as_deref(), Some("Innenbehörde"));
}

#[test]
fn claims_timeline_summary_and_coverage() {
    let s = story();
    assert_eq!(s.claims.len(), 1);
    assert!(s.claims[0].only_one_outlet);
    assert_eq!(s.timeline.len(), 1);
    assert_eq!(s.timeline[0].text, "Am Freitag begannen die Löscharbeiten am frühen Morgen.");
    assert!(s.summary.len() >= 3);
    for line in &s.summary {
        let text = if line.article == "a" { A } else { B };
        assert_eq!(Span::new(line.start, line.end).slice(text), line.text);
    }
    assert!(s.summary.iter().all(|l| l.article != "c"), "duplicates are not summarised");
    assert_eq!(s.outlets.len(), 3);
    assert_eq!(s.articles, ["a", "b", "c"]);
}

#[test]
fn timeline_keys_order_calendar_values() {
    use crate::timeline::sort_key;
    assert!(sort_key("2024-10-18") > sort_key("2024-W41"));
    assert!(sort_key("2024-10") < sort_key("2024-10-18"));
    assert_eq!(sort_key("PAST_REF"), None);
    assert_eq!(sort_key("P2D"), None);
}
