//! Quotation rules on invented sentences: every kind, chains, resolution, and exact spans.

use lagebild_core::{Entity, EntityKind, Lang, Quote, QuoteKind};
use lagebild_extract::quotes;
use proptest::prelude::*;

fn slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

fn check_spans(text: &str, qs: &[Quote]) {
    for q in qs {
        assert_eq!(slice(text, q.content.start, q.content.end), q.content.text);
        if let Some(m) = &q.speaker {
            assert_eq!(slice(text, m.start, m.end), m.text);
        }
        if let Some(m) = &q.via {
            assert_eq!(slice(text, m.start, m.end), m.text);
        }
        if let Some(c) = &q.cue {
            assert_eq!(slice(text, c.start, c.end), c.text);
        }
        assert!(q.start <= q.content.start && q.content.end <= q.end);
    }
}

fn run(text: &str, lang: Lang) -> Vec<Quote> {
    let qs = quotes::extract(text, lang, &[]);
    check_spans(text, &qs);
    qs
}

fn find<'a>(qs: &'a [Quote], content: &str) -> &'a Quote {
    qs.iter()
        .find(|q| q.content.text.contains(content))
        .unwrap_or_else(|| panic!("no quote with {content:?} in {qs:#?}"))
}

fn speaker(q: &Quote) -> &str {
    q.speaker.as_ref().map(|m| m.text.as_str()).unwrap_or("")
}

#[test]
fn direct_with_frame_after() {
    let t = "„Wir werden die Brücke bis Ende Mai reparieren“, sagte die Bürgermeisterin Anna Tal.";
    let qs = run(t, Lang::De);
    let q = find(&qs, "Brücke");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(speaker(q).contains("Anna Tal"));
}

#[test]
fn direct_with_colon() {
    let t = "Der Verbandschef Otto Berg erklärte: «Die Preise für Futter steigen seit Monaten.»";
    let q = run(t, Lang::De);
    let q = find(&q, "Futter");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(speaker(q).contains("Otto Berg"));
}

#[test]
fn indirect_dass_and_konjunktiv() {
    let t = "Die Feuerwehr teilte am Abend mit, dass das Lager vollständig abgebrannt sei. \
             Der Landrat sagte, es gebe keine Verletzten.";
    let qs = run(t, Lang::De);
    let a = find(&qs, "Lager");
    assert_eq!(a.kind, QuoteKind::Indirect);
    assert!(speaker(a).contains("Feuerwehr"));
    let b = find(&qs, "keine Verletzten");
    assert!(speaker(b).contains("Landrat"));
}

#[test]
fn according_to_markers() {
    let t = "Laut dem Wetterdienst wird es am Wochenende stürmisch. \
             Den Behörden zufolge wurden drei Straßen gesperrt. \
             Nach Angaben von Zeugen brannte das Dach lichterloh.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "stürmisch")).contains("Wetterdienst"));
    assert!(speaker(find(&qs, "Straßen")).contains("Behörden"));
    let z = find(&qs, "Dach");
    assert_eq!(z.kind, QuoteKind::AccordingTo);
    assert!(speaker(z).contains("Zeugen"));
}

#[test]
fn reported_demand() {
    let t = "Die Gewerkschaft Metallbund forderte den sofortigen Stopp der Entlassungen.";
    let qs = run(t, Lang::De);
    let q = find(&qs, "Stopp");
    assert_eq!(q.kind, QuoteKind::Reported);
    assert!(speaker(q).contains("Gewerkschaft"));
}

#[test]
fn free_indirect_carries_speaker_and_pronoun_resolves() {
    let t = "Die Ministerin Clara Hohenfeld sagte, der Haushalt sei solide. Die Schulden würden sinken. \
             Sie habe zudem betont, dass keine Steuern steigen würden.";
    let qs = run(t, Lang::De);
    let f = find(&qs, "Schulden");
    assert_eq!(f.kind, QuoteKind::FreeIndirect);
    assert!(speaker(f).contains("Clara Hohenfeld"));
    let p = find(&qs, "Steuern");
    assert_eq!(speaker(p), "Sie");
    assert_eq!(p.speaker.as_ref().unwrap().entity.as_deref(), Some("Clara Hohenfeld"));
}

#[test]
fn surname_and_role_resolve() {
    let t = "Der Trainer Jonas Weidemann kam am Montag. Weidemann sagte, das Team sei bereit. \
             Der Polizeisprecher Lukas Ahrend war vor Ort. Der Polizeisprecher erklärte, die Lage sei ruhig.";
    let qs = run(t, Lang::De);
    let q = find(&qs, "Team");
    assert_eq!(q.speaker.as_ref().unwrap().entity.as_deref(), Some("Jonas Weidemann"));
    let r = find(&qs, "Lage");
    assert_eq!(r.speaker.as_ref().unwrap().entity.as_deref(), Some("Lukas Ahrend"));
}

#[test]
fn chains_german() {
    let t = "Die Agentur Nordpress berichtete unter Berufung auf das Verkehrsministerium, die Brücke bleibe gesperrt. \
             Wie die Zeitung Morgenblatt meldet, habe der Konzern Gewinne erzielt.";
    let qs = run(t, Lang::De);
    let q = find(&qs, "Brücke");
    assert!(speaker(q).contains("Verkehrsministerium"));
    assert!(q.via.as_ref().unwrap().text.contains("Nordpress"));
    let w = find(&qs, "Gewinne");
    assert!(speaker(w).contains("Morgenblatt"));
    let t2 = "Nach Angaben der Küstenwache sind zwei Boote gesunken, wie der Sender Radio Nord berichtete.";
    let qs = run(t2, Lang::De);
    let q = find(&qs, "Boote");
    assert!(speaker(q).contains("Küstenwache"), "{qs:#?}");
    assert!(q.via.as_ref().is_some_and(|v| v.text.contains("Radio Nord")), "{qs:#?}");
}

#[test]
fn english_kinds_and_chain() {
    let t = "“We will rebuild the harbor by June,” Mayor Ellen Price said on Monday. \
             The council said that the budget was approved. \
             According to the coast guard, two boats sank. \
             The agency, citing local officials, reported that the road was closed. \
             The union called for an immediate strike.";
    let qs = run(t, Lang::En);
    let d = find(&qs, "harbor");
    assert_eq!(d.kind, QuoteKind::Direct);
    assert!(speaker(d).contains("Ellen Price"));
    assert!(speaker(find(&qs, "budget")).contains("council"));
    let a = find(&qs, "boats");
    assert_eq!(a.kind, QuoteKind::AccordingTo);
    assert!(speaker(a).contains("coast guard"));
    let c = find(&qs, "road");
    assert!(speaker(c).contains("officials"), "{qs:#?}");
    assert!(c.via.as_ref().is_some_and(|v| v.text.contains("agency")), "{qs:#?}");
    assert!(speaker(find(&qs, "strike")).contains("union"));
}

#[test]
fn english_pronoun() {
    let t = "Senator Mark Dunmore spoke in Ohio. He said the plan would fail.";
    let qs = run(t, Lang::En);
    let q = find(&qs, "plan");
    assert_eq!(speaker(q), "He");
    assert_eq!(q.speaker.as_ref().unwrap().entity.as_deref(), Some("Mark Dunmore"));
}

#[test]
fn entities_give_canonical_names() {
    let t = "Budanows Sprecher war nicht da. Budanow sagte, die Truppen seien bereit.";
    let start = t.chars().position(|c| c == '.').unwrap() + 2;
    let ents = vec![Entity {
        start,
        end: start + 7,
        text: "Budanow".into(),
        kind: EntityKind::Per,
        canonical: "Kyrylo Budanov".into(),
    }];
    let qs = quotes::extract(t, Lang::De, &ents);
    check_spans(t, &qs);
    let q = find(&qs, "Truppen");
    assert_eq!(q.speaker.as_ref().unwrap().entity.as_deref(), Some("Kyrylo Budanov"));
}

#[test]
fn speaker_at_finds_source_of_a_figure() {
    let t = "Die Polizei teilte mit, dass 40 Menschen verletzt worden seien.";
    let qs = run(t, Lang::De);
    let s = t.chars().count() - 30;
    let m = quotes::speaker_at(&qs, s, s + 2).expect("a speaker");
    assert!(m.text.contains("Polizei"));
    assert!(quotes::speaker_at(&qs, 0, 3).is_none());
}

#[test]
fn titles_in_quotes_are_not_quotations() {
    let t = "Der Film „Das Boot“ läuft heute im Kino.";
    assert!(run(t, Lang::De).is_empty());
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
        for lang in [Lang::De, Lang::En] {
            let qs = quotes::extract(&s, lang, &[]);
            check_spans(&s, &qs);
        }
    }

    #[test]
    fn quote_like_text_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("„"), Just("“"), Just("\""), Just("«"), Just("»"), Just(", sagte er"), Just(" laut "), Just(" zufolge "),
        Just("Der Minister"), Just(" sei "), Just(". "), Just("\n"), Just(":"), Just(" unter Berufung auf "), Just("Wie "),
        Just(" berichtet"), Just("according to "), Just(" said"), Just("ä"), Just("Kim Jong"), Just(" dass "), Just(","),
    ], 0..40)) {
        let s: String = parts.concat();
        for lang in [Lang::De, Lang::En] {
            let qs = quotes::extract(&s, lang, &[]);
            check_spans(&s, &qs);
        }
    }
}

#[test]
fn one_form_of_several_verbs() {
    // "gab … bekannt" and "gab … an" share the finite form
    let t = "Als Grund gab die Reederei an, der Hafen sei wegen Nebels gesperrt gewesen.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Hafen")).contains("Reederei"));
    let t = "Dazu ließ der Verband verlauten, man werde die Beiträge nicht erhöhen.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Beiträge")).contains("Verband"));
}

#[test]
fn quotation_inside_a_sentence_without_frame_takes_its_subject() {
    let t = "Die Kinderärztin Lea Brandt, Sprecherin des Verbands, nannte den Entwurf „einen Rückschritt für alle Familien“.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Rückschritt")).contains("Lea Brandt"));
    let t = "Unterdessen verteidigte der Landrat Ole Wiese die Pläne mit „dringendem Bedarf an neuen Schulen“.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Bedarf")).contains("Ole Wiese"));
}

#[test]
fn reported_speech_after_an_introducing_sentence() {
    // the sentence before has no reporting verb, but its subject speaks on in the Konjunktiv
    let t = "Der Bürgermeister Jan Holm sagte, die Brücke werde saniert. \
             Die Kämmerin Ute Pahl verteidigte anschließend die hohen Kosten. \
             Die Stadt habe keine andere Wahl gehabt.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "keine andere Wahl")).contains("Ute Pahl"));
}

#[test]
fn demnach_stands_for_the_source() {
    let t =
        "Das Ministerium veröffentlichte am Montag seinen Bericht. Demnach sind die Preise um vier Prozent gestiegen. \
             Die Mieten seien stärker gestiegen als die Löhne.";
    let qs = run(t, Lang::De);
    let q = find(&qs, "vier Prozent");
    assert_eq!(speaker(q), "Demnach");
    assert!(q.speaker.as_ref().unwrap().entity.as_deref().unwrap_or("").contains("Ministerium"));
    assert!(speaker(find(&qs, "Mieten")).contains("Ministerium"));
}

#[test]
fn konjunktiv_clause_after_an_unlisted_verb() {
    let t = "Die Fischer des Dorfes werfen der Behörde vor, sie habe die Fangquoten ohne Anhörung gesenkt.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Fangquoten")).contains("Fischer"));
}

#[test]
fn subject_after_the_verb_when_the_clause_opens_otherwise() {
    for (t, who) in [
        ("Des Weiteren betonte die Rektorin, dass die Mensa im Herbst öffne.", "Rektorin"),
        ("Stellvertretend für den Verein erklärte der Kassenwart, die Beiträge blieben stabil.", "Kassenwart"),
        ("Dem Lokalradio sagte der Förster, der Wald sei zu trocken.", "Förster"),
        ("Dagegen beteuerte die Feuerwehr, sie sei rechtzeitig vor Ort gewesen.", "Feuerwehr"),
    ] {
        let qs = run(t, Lang::De);
        assert!(qs.iter().any(|q| speaker(q).contains(who)), "{t}: {qs:#?}");
    }
}

#[test]
fn passive_agent_and_elided_subject() {
    let t = "Der Trainer wird von der Lokalzeitung mit den Worten zitiert, die Mannschaft sei müde.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Mannschaft")).contains("Lokalzeitung"));
    let t = "Die Dekanin erklärte, das Institut bleibe offen, und verglich die Lage mit „einem Sturm im Wasserglas“.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Sturm")).contains("Dekanin"));
}

#[test]
fn apposition_subject_hearsay_source_and_so_with_verb() {
    let t = "Jana Ruh, Leiterin des Tierheims, kritisierte die Stadt scharf: „Wir bekommen seit Jahren kein Geld.“";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "kein Geld")).contains("Jana Ruh"));
    let t = "In einer Mitteilung des Zoos heißt es, das Nashorn sei wohlauf.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Nashorn")).contains("Mitteilung des Zoos"));
    let t = "„Das Dach ist ein Sieb“, so beschreibt es der Hausmeister der Schule.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Sieb")).contains("Hausmeister"));
    let t = "Ähnlich äußerte sich der Ortsvorsteher Paul Brix: „Wir warten auf den Bagger.“";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Bagger")).contains("Paul Brix"));
}

#[test]
fn pronoun_subject_after_the_verb_and_colon_without_verb() {
    let t = "Die neue Satzung nannte er „einen Rückfall in alte Zeiten“.";
    let qs = run(t, Lang::De);
    assert_eq!(speaker(find(&qs, "Rückfall")), "er");
    let t = "Der Kapitän nach dem Abpfiff: „Wir haben heute verdient verloren.“";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "verdient")).contains("Kapitän"));
}

#[test]
fn an_inanimate_subject_does_not_take_over_a_source_in_view() {
    let t = "Die Forscherin Mia Kern sagte, der Gletscher schmelze schneller als erwartet. \
             Der Eisverlust beschleunigte sich zuletzt deutlich. \
             Bis 2050 könne die Hälfte des Eises verschwunden sein.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Hälfte")).contains("Mia Kern"));
}

#[test]
fn quoted_names_and_clock_times_inside_frames() {
    let t = "Wie die Wochenzeitung „Der Bote“ berichtete, sei der Hafen verkauft worden.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Hafen")).contains("Wochenzeitung"));
    let t = "Um 10:05 Uhr meldete die Feuerwehr, der Brand sei gelöscht.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Brand")).contains("Feuerwehr"));
}

#[test]
fn appositions_in_frames_and_passive_agents_carry_on() {
    let t = "Die Schulleiterin der Realschule, Eva Rinne, kritisierte die Pläne des Landkreises. \
             Die Mittel seien „völlig unzureichend“.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Mittel")).contains("Schulleiterin"));
    let t = "Das Dach war undicht, wie Tom Brenner, Sprecher der Feuerwehr, mitteilte. Die Ursache sei noch unklar.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Ursache")).contains("Tom Brenner"));
    let t = "Die Forderungen der Bürgerinitiative wurden vom Landrat als überzogen bezeichnet. \
             Die Straße werde ohnehin saniert.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Straße")).contains("Landrat"));
}

#[test]
fn subjects_with_participle_phrases() {
    let t = "So sagte der für die Deiche zuständige Ingenieur, dass die Pumpen rechtzeitig liefen.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Pumpen")).contains("Ingenieur"));
    let t = "Ute Wall, Leiterin des Amts, hatte gegenüber der Zeitung „Der Bote“ mitgeteilt, dass die Halle schließe.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Halle")).contains("Ute Wall"));
}

#[test]
fn report_nouns_and_hearsay_by_hearing() {
    let t = "Nach einem Bericht des Lokalsenders ist die Fähre wieder in Betrieb.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Fähre")).contains("Lokalsenders"));
    let t = "Aus dem Rathaus ist zu hören, der Haushalt werde erst im Mai beschlossen.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Haushalt")).contains("Rathaus"));
}

#[test]
fn reporting_verb_in_a_subordinate_clause() {
    let t = "Der Bürgermeister wich der Frage aus, indem er sagte, die Planung sei noch nicht abgeschlossen.";
    let qs = run(t, Lang::De);
    assert!(qs.iter().any(|q| q.content.text.contains("Planung") && speaker(q) == "er"), "{qs:#?}");
}

#[test]
fn unlisted_konjunktiv_continues_the_source() {
    // "erfolge" is not in the Konjunktiv list; its shape (stem + "-e") still marks reported speech
    let t = "Die Ministerin Eva Kranz sagte, die Studie sei fertig. \
             Die Vorstellung erfolge, sobald der Bericht gedruckt sei.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Vorstellung")).contains("Eva Kranz"));
}

#[test]
fn hearsay_sources_around_heisst_es_and_wonach() {
    let t = "In dem Gutachten, das am Montag veröffentlicht wurde, heißt es, die Brücke sei marode.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "marode")).contains("Gutachten"));
    let t = "Der Zug sei ausgefallen, hieß es bei der Bahngesellschaft.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Zug")).contains("Bahngesellschaft"));
    let t = "Ein Bericht der Lokalzeitung „Der Bote“, wonach das Kino schließe, wurde dementiert.";
    let qs = run(t, Lang::De);
    assert!(speaker(find(&qs, "Kino")).contains("Bericht"));
}

/// Figures attributed with a plain object, and two sources side by side in one sentence.
#[test]
fn figure_claims_side_by_side() {
    let text = "Nach Angaben der Polizei waren rund 300 Menschen auf der Straße, die Veranstalter sprachen von \
                mehr als 1.000 Teilnehmern.";
    let qs = run(text, Lang::De);
    assert_eq!(speaker(find(&qs, "rund 300 Menschen")), "der Polizei");
    let q = find(&qs, "1.000 Teilnehmern");
    assert_eq!((speaker(q), q.kind), ("die Veranstalter", QuoteKind::Reported));
    assert!(q.via.is_none(), "{q:#?}");
    let qs = run("Die Versicherung beziffert den Schaden auf knapp zwei Millionen Euro.", Lang::De);
    assert_eq!(speaker(find(&qs, "zwei Millionen Euro")), "Die Versicherung");
    let qs = run("Nach Angaben der Industrie- und Handelskammer fahren täglich 50.000 Autos darüber.", Lang::De);
    assert_eq!(speaker(find(&qs, "50.000 Autos")), "der Industrie- und Handelskammer");
}
