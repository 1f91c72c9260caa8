//! Unit tests on invented German and English news sentences.

use super::*;
use lagebild_core::{Approx::*, FigureKind::*};

fn de(text: &str) -> Vec<Figure> {
    extract(text, Lang::De)
}

fn en(text: &str) -> Vec<Figure> {
    extract(text, Lang::En)
}

/// The only figure of `figs`.
fn one(figs: Vec<Figure>) -> Figure {
    assert_eq!(figs.len(), 1, "{figs:#?}");
    figs.into_iter().next().unwrap()
}

fn check(
    f: &Figure,
    text: &str,
    value: Option<f64>,
    approx: Approx,
    kind: FigureKind,
    unit: Option<&str>,
    thing: Option<&str>,
) {
    assert_eq!(f.text, text, "{f:#?}");
    match (f.value, value) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9 * b.abs().max(1.0), "{f:#?}"),
        (a, b) => assert_eq!(a, b, "{f:#?}"),
    }
    assert_eq!(f.approx, approx, "{f:#?}");
    assert_eq!(f.kind, kind, "{f:#?}");
    assert_eq!(f.unit.as_deref(), unit, "{f:#?}");
    assert_eq!(f.thing.as_deref(), thing, "{f:#?}");
}

#[test]
fn german_digit_surfaces() {
    check(
        &one(de("Die Armee verlegte 1.500 Panzergrenadiere an die Grenze.")),
        "1.500 Panzergrenadiere",
        Some(1500.0),
        Exact,
        Count,
        None,
        Some("panzergrenadier"),
    );
    check(
        &one(de("Die Armee verlegte 1500 Elitesoldaten.")),
        "1500 Elitesoldaten",
        Some(1500.0),
        Exact,
        Count,
        None,
        Some("soldat"),
    );
    check(
        &one(de("Im Hafen stehen 13'000 Container bereit.")),
        "13'000 Container",
        Some(13000.0),
        Exact,
        Count,
        None,
        Some("container"),
    );
    check(
        &one(de("Die Inflation lag bei 2,5 Prozent.")),
        "2,5 Prozent",
        Some(2.5),
        Exact,
        Percent,
        Some("%"),
        Some("inflation"),
    );
    check(&one(de("Das Paket umfasst 3 Mrd. Euro.")), "3 Mrd. Euro", Some(3e9), Exact, Money, Some("EUR"), None);
    check(
        &one(de("Geplant sind 1,4 Millionen neue Wohnungen.")),
        "1,4 Millionen neue Wohnungen",
        Some(1.4e6),
        Exact,
        Count,
        None,
        Some("wohnung"),
    );
    check(
        &one(de("Der Fonds hat 1.250,50 Euro eingenommen.")),
        "1.250,50 Euro",
        Some(1250.5),
        Exact,
        Money,
        Some("EUR"),
        None,
    );
}

#[test]
fn german_hedges() {
    let cases: &[(&str, &str, f64, Approx)] = &[
        ("Es kamen rund 300 Demonstranten.", "rund 300 Demonstranten", 300.0, About),
        ("Es kamen etwa 300 Demonstranten.", "etwa 300 Demonstranten", 300.0, About),
        ("Es kamen ca. 300 Demonstranten.", "ca. 300 Demonstranten", 300.0, About),
        ("Es kamen knapp 300 Demonstranten.", "knapp 300 Demonstranten", 300.0, LessThan),
        ("Es kamen gut 300 Demonstranten.", "gut 300 Demonstranten", 300.0, MoreThan),
        ("Es kamen mehr als 300 Demonstranten.", "mehr als 300 Demonstranten", 300.0, MoreThan),
        ("Es kamen über 300 Demonstranten.", "über 300 Demonstranten", 300.0, MoreThan),
        ("Es kamen mindestens 300 Demonstranten.", "mindestens 300 Demonstranten", 300.0, AtLeast),
        ("Es kommen bis zu 300 Demonstranten.", "bis zu 300 Demonstranten", 300.0, AtMost),
        ("Es kamen weniger als 300 Demonstranten.", "weniger als 300 Demonstranten", 300.0, LessThan),
    ];
    for &(s, text, v, a) in cases {
        check(&one(de(s)), text, Some(v), a, Count, None, Some("demonstrant"));
    }
    check(
        &one(de("Die Hilfe beläuft sich auf über 20 Milliarden Euro.")),
        "über 20 Milliarden Euro",
        Some(2e10),
        MoreThan,
        Money,
        Some("EUR"),
        Some("hilfe"),
    );
}

#[test]
fn german_number_words() {
    check(
        &one(de("Vor Ort sind rund zehn Offiziere.")),
        "rund zehn Offiziere",
        Some(10.0),
        About,
        Count,
        None,
        Some("offizier"),
    );
    check(
        &one(de("Nach zweieinhalb Jahren Krieg ist das Land erschöpft.")),
        "zweieinhalb Jahren",
        Some(2.5),
        Exact,
        Measure,
        Some("year"),
        Some("jahr"),
    );
    check(
        &one(de("Dort warten dreizehntausend Menschen.")),
        "dreizehntausend Menschen",
        Some(13000.0),
        Exact,
        Count,
        None,
        Some("mensch"),
    );
    check(
        &one(de("Das kostet zwei Millionen Euro.")),
        "zwei Millionen Euro",
        Some(2e6),
        Exact,
        Money,
        Some("EUR"),
        None,
    );
    check(
        &one(de("Er kaufte ein Dutzend Drohnen.")),
        "ein Dutzend Drohnen",
        Some(12.0),
        About,
        Count,
        None,
        Some("drohne"),
    );
    // articles and capitalised number nouns are no figures
    assert!(de("Eine Gruppe traf einen Soldaten. Die Elf gewann.").is_empty());
}

#[test]
fn german_vague_fraction_factor_range_age() {
    let f = one(de("Hunderte nordkoreanische Soldaten sind im Land."));
    check(&f, "Hunderte nordkoreanische Soldaten", None, About, Count, None, Some("soldat"));
    assert!(f.vague);
    let f = one(de("Weitere Tausende sollen folgen."));
    assert!(f.vague && f.value.is_none());
    check(
        &one(de("Ein Drittel der Haushalte hat keinen Strom.")),
        "Ein Drittel der Haushalte",
        Some(1.0 / 3.0),
        Exact,
        Fraction,
        None,
        Some("haushalt"),
    );
    check(
        &one(de("Fast die Hälfte der Wähler blieb zu Hause.")),
        "Fast die Hälfte der Wähler",
        Some(0.5),
        LessThan,
        Fraction,
        None,
        Some("wähler"),
    );
    check(&one(de("Der Preis stieg zwölffach.")), "zwölffach", Some(12.0), Exact, Factor, None, None);
    check(&one(de("Der Preis stieg um das 3-fache.")), "3-fache", Some(3.0), Exact, Factor, None, None);
    let f = one(de("Es wurden zwischen 10 und 20 Raketen abgefeuert."));
    check(&f, "zwischen 10 und 20 Raketen", Some(15.0), Exact, Count, None, Some("rakete"));
    assert_eq!((f.low, f.high), (Some(10.0), Some(20.0)));
    let f = one(de("Es wurden 10 bis 20 Raketen abgefeuert."));
    assert_eq!((f.low, f.high, f.thing.as_deref()), (Some(10.0), Some(20.0), Some("rakete")));
    check(&one(de("Der 24-Jährige wurde festgenommen.")), "24-Jährige", Some(24.0), Exact, Age, None, None);
    check(&one(de("Die Frau ist 81 Jahre alt.")), "81 Jahre alt", Some(81.0), Exact, Age, None, None);
}

#[test]
fn german_elliptic_count() {
    let figs = de("Von 12.000 Soldaten sind die ersten 2000 bereits unterwegs.");
    assert_eq!(figs.len(), 2, "{figs:#?}");
    assert_eq!(figs[1].value, Some(2000.0));
    assert_eq!(figs[1].thing.as_deref(), Some("soldat"));
}

#[test]
fn german_non_figures() {
    for s in [
        "Seit August 2023 wird verhandelt.",
        "Im Februar 2022 begann der Krieg.",
        "Das Treffen fand 2022 in Genf statt.",
        "Bis zum 1. November soll alles bereit sein.",
        "Das Spiel endete 0:1.",
        "Stand: 21.10.2024 13:07 Uhr.",
        "Der Zug fährt um 12 Uhr.",
        "Eine 24-Stunden-Sendung lief im Fernsehen.",
        "Er fährt in der Formel 1.",
        "Die Airbus A320 landete sicher.",
        "Nach Artikel 5 des Vertrags gilt der Bündnisfall.",
        "Anrufe bitte an +49 30 1234567.",
        "Die Covid-19 Pandemie ist vorbei.",
    ] {
        assert!(de(s).is_empty(), "{s}: {:#?}", de(s));
    }
}

#[test]
fn english_constructions() {
    check(
        &one(en("Officials said 1,500 soldiers crossed the border.")),
        "1,500 soldiers",
        Some(1500.0),
        Exact,
        Count,
        None,
        Some("soldier"),
    );
    check(&one(en("The company raised $2.3bn last year.")), "$2.3bn", Some(2.3e9), Exact, Money, Some("USD"), None);
    check(
        &one(en("Turnout was nearly 40% in the capital.")),
        "nearly 40%",
        Some(40.0),
        LessThan,
        Percent,
        Some("%"),
        None,
    );
    // "a dozen" is a round number: about twelve
    check(&one(en("They bought a dozen drones.")), "a dozen drones", Some(12.0), About, Count, None, Some("drone"));
    check(&one(en("The fund holds €10M in cash.")), "€10M", Some(1e7), Exact, Money, Some("EUR"), None);
    check(
        &one(en("Around twenty-five firefighters were injured.")),
        "Around twenty-five firefighters",
        Some(25.0),
        About,
        Count,
        None,
        Some("firefighter"),
    );
    check(
        &one(en("More than 12,000 North Korean troops arrived.")),
        "More than 12,000 North Korean troops",
        Some(12000.0),
        MoreThan,
        Count,
        None,
        Some("troop"),
    );
    check(
        &one(en("The aid is worth 1.4 million euros.")),
        "1.4 million euros",
        Some(1.4e6),
        Exact,
        Money,
        Some("EUR"),
        None,
    );
    check(
        &one(en("It received a hundred and two complaints.")),
        "a hundred and two complaints",
        Some(102.0),
        Exact,
        Count,
        None,
        Some("complaint"),
    );
    check(
        &one(en("Two thirds of the voters stayed home.")),
        "Two thirds of the voters",
        Some(2.0 / 3.0),
        Exact,
        Fraction,
        None,
        Some("voter"),
    );
    check(&one(en("Prices rose threefold.")), "threefold", Some(3.0), Exact, Factor, None, None);
    check(&one(en("The convoy is 8 km long.")), "8 km", Some(8.0), Exact, Measure, Some("km"), None);
    let f = one(en("Tens of thousands of people marched."));
    assert!(f.vague && f.value.is_none() && f.thing.as_deref() == Some("person"), "{f:#?}");
    let f = one(en("Between 40 and 50 people were hurt."));
    assert_eq!((f.low, f.high, f.value), (Some(40.0), Some(50.0), Some(45.0)));
    check(&one(en("The suspect, aged 34, was arrested.")), "34", Some(34.0), Exact, Age, None, None);
    check(&one(en("A 34-year-old man was arrested.")), "34-year-old", Some(34.0), Exact, Age, None, None);
}

#[test]
fn english_non_figures() {
    for s in [
        "The war began in February 2022.",
        "It happened in 2019, officials said.",
        "The meeting starts at 2 pm.",
        "They won 2:1 on Sunday.",
        "It was the 21st attempt.",
        "The 1960s were different.",
        "The F-16 jets flew over.",
        "No one came. That one is broken.",
    ] {
        assert!(en(s).is_empty(), "{s}: {:#?}", en(s));
    }
}

#[test]
fn offsets_are_code_points() {
    let text = "Über 13'000 Container – rund 12.000 Soldaten.";
    for f in de(text) {
        let got: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(got, f.text);
        assert!(f.start <= f.number_start && f.number_end <= f.end);
    }
}

#[test]
fn articles_as_one_and_scales_before_numbers() {
    check(
        &one(de("Es drohen Wellen von bis zu einem Meter.")),
        "bis zu einem Meter",
        Some(1.0),
        AtMost,
        Measure,
        Some("m"),
        None,
    );
    check(
        &one(en("Waves of up to one metre are expected.")),
        "up to one metre",
        Some(1.0),
        AtMost,
        Measure,
        Some("m"),
        None,
    );
    check(
        &one(de("Ein Beben der Stärke 6,4 erschütterte die Insel.")),
        "Stärke 6,4",
        Some(6.4),
        Exact,
        Measure,
        Some("magnitude"),
        None,
    );
    check(
        &one(en("A magnitude 6.4 earthquake struck.")),
        "magnitude 6.4",
        Some(6.4),
        Exact,
        Measure,
        Some("magnitude"),
        None,
    );
    check(
        &one(en("The 8,000-square-metre hall burned.")),
        "8,000-square-metre",
        Some(8000.0),
        Exact,
        Measure,
        Some("m²"),
        None,
    );
    check(
        &one(de("Bei minus 15 Grad froren die Leitungen ein.")),
        "minus 15 Grad",
        Some(-15.0),
        Exact,
        Measure,
        Some("°"),
        None,
    );
    check(&one(en("They revised it to 6.2.")), "6.2", Some(6.2), Exact, Count, None, None);
    let f = one(de("Der Hang bewegt sich um mehrere Zentimeter pro Tag."));
    assert_eq!((f.text.as_str(), f.vague, f.unit.as_deref()), ("mehrere Zentimeter pro Tag", true, Some("cm/d")));
    assert!(de("Mehrere Menschen warteten mehrere Stunden.").is_empty());
    // an article before a span of time is no figure
    assert!(en("A year ago, an hour later, the road reopened.").is_empty());
    assert!(de("Eine Woche später öffnete die Straße wieder.").is_empty());
}

#[test]
fn counted_things_name_their_kind() {
    let thing = |f: Figure| f.thing.unwrap_or_default();
    assert_eq!(thing(one(de("Im Einsatz waren knapp 100 Helferinnen und Helfern."))), "helfer");
    assert_eq!(
        one(de("Im Einsatz waren knapp 100 Helferinnen und Helfern.")).text,
        "knapp 100 Helferinnen und Helfern"
    );
    assert_eq!(thing(one(de("Der Vertrag mit zwei Hamburger Reedereien steht."))), "reederei");
    assert_eq!(thing(one(de("Rund 62 Beschäftigte bangen um ihre Stellen."))), "beschäftigter");
    assert_eq!(thing(one(de("Zwei Feuerwehrleute wurden verletzt."))), "feuerwehrmann");
    assert_eq!(thing(one(en("More than 150 emergency workers were deployed."))), "emergency worker");
    assert_eq!(thing(one(en("At least nine local fishing boats joined."))), "fishing boat");
    assert_eq!(thing(one(en("About 40 armed police officers stood by."))), "police officer");
    // what an amount is of
    assert_eq!(
        thing(one(de("Nach Angaben der Polizei beläuft sich der Schaden auf etwa 3 Millionen Euro."))),
        "schaden"
    );
    assert_eq!(thing(one(de("Das Land zahlt eine Förderung von bis zu 600 Millionen Euro."))), "förderung");
    assert_eq!(thing(one(en("The quake struck at a depth of about 30 kilometres."))), "depth");
}

#[test]
fn partitive_counts_the_whole_noun() {
    let f = de("Bisher konnten 38 der insgesamt 120 Beschäftigten zurückkehren.");
    check(&f[0], "38 der insgesamt 120 Beschäftigten", Some(38.0), Exact, Count, None, Some("beschäftigter"));
    let f = de("Neun der zwölf Objekte sind wieder aufgetaucht.");
    check(&f[0], "Neun der zwölf Objekte", Some(9.0), Exact, Count, None, Some("objekt"));
    let f = en("So far 30 of the 120 workers have returned.");
    check(&f[0], "30 of the 120 workers", Some(30.0), Exact, Count, None, Some("worker"));
}
