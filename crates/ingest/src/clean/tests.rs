use super::*;

fn paras(s: &str) -> Vec<String> {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn reason_of(c: &Cleaned, text_start: &str) -> Option<RemovalReason> {
    c.removed.iter().find(|r| r.text.starts_with(text_start)).map(|r| r.reason)
}

const ARTICLE: &str = "\
Feuer in Lagerhalle: Hunderte Einsatzkräfte im Einsatz
Aktualisiert
Lokales: Feuer in Lagerhalle: Hunderte Einsatzkräfte im Einsatz
Ein Großbrand hat am Dienstag eine Lagerhalle im Hafen zerstört. Die Feuerwehr war mit rund 120 Kräften vor Ort.
Anzeige
Das Feuer brach nach Angaben der Polizei gegen 3 Uhr aus.
Die Halle brennt nieder, im Hintergrund der Kran. Foto: Erika Muster/dpa
Die Halle brennt nieder, im Hintergrund der Kran.
Mehr zum Thema
- Hafen: Neue Kräne für das Terminal
- Verkehr: Brücke bleibt bis Juni gesperrt
Was geschah danach?
Verletzt wurde niemand, sagte ein Sprecher.
Verpasse keine Nachrichten mehr: Abonniere jetzt unseren Newsletter!
Lena Beispiel (lbe) ist seit 2019 bei der Hafenpost. Sie berichtet über Hafen und Verkehr.
© Hafenpost 2025 – Alle Rechte vorbehalten
1.204
87 Kommentare
Merken";

#[test]
fn cuts_every_kind_of_boilerplate_and_keeps_the_body() {
    let mut p = paras(ARTICLE);
    let title = p.remove(0);
    let c = clean(p, Some(&title));
    assert_eq!(reason_of(&c, "Aktualisiert"), Some(RemovalReason::Metadata));
    assert_eq!(reason_of(&c, "Lokales: Feuer"), Some(RemovalReason::Title));
    assert_eq!(reason_of(&c, "Anzeige"), Some(RemovalReason::Advertisement));
    assert_eq!(reason_of(&c, "Foto: Erika"), Some(RemovalReason::Caption));
    assert_eq!(reason_of(&c, "Die Halle brennt"), Some(RemovalReason::Duplicate));
    assert_eq!(reason_of(&c, "Mehr zum Thema"), Some(RemovalReason::RelatedHeading));
    assert_eq!(reason_of(&c, "- Hafen:"), Some(RemovalReason::LinkList));
    assert_eq!(reason_of(&c, "- Verkehr:"), Some(RemovalReason::LinkList));
    assert_eq!(reason_of(&c, "Verpasse keine"), Some(RemovalReason::Teaser));
    assert_eq!(reason_of(&c, "Lena Beispiel"), Some(RemovalReason::AuthorBio));
    assert_eq!(reason_of(&c, "© Hafenpost"), Some(RemovalReason::Footer));
    assert_eq!(reason_of(&c, "1.204"), Some(RemovalReason::Engagement));
    assert_eq!(reason_of(&c, "87 Kommentare"), Some(RemovalReason::Engagement));
    assert_eq!(reason_of(&c, "Merken"), Some(RemovalReason::Engagement));
    assert_eq!(c.outlet.as_deref(), Some("Hafenpost"));
    assert_eq!(
        c.kept,
        [
            "Ein Großbrand hat am Dienstag eine Lagerhalle im Hafen zerstört. Die Feuerwehr war mit rund 120 Kräften vor Ort.",
            "Das Feuer brach nach Angaben der Polizei gegen 3 Uhr aus.",
            "Die Halle brennt nieder, im Hintergrund der Kran.",
            "Was geschah danach?",
            "Verletzt wurde niemand, sagte ein Sprecher.",
        ]
    );
}

#[test]
fn keeps_body_sentences_that_mention_channels_or_bios_early() {
    let p = paras(
        "Der Präsident kündigte auf seinem Telegram-Kanal neue Gespräche an.\n\
         Anna Schmidt ist seit 2019 Ministerin und gilt als vorsichtig.\n\
         Die App der Bahn fiel am Morgen aus, teilte das Unternehmen mit.\n\
         Weitere Details nannte sie nicht.",
    );
    let c = clean(p.clone(), None);
    assert!(c.removed.is_empty(), "{:?}", c.removed);
    assert_eq!(c.kept, p);
}

#[test]
fn summary_bullets_are_content_not_links() {
    let p = paras(
        "- Die Regierung erwägt Waffenlieferungen an das Nachbarland.\n\
         - Zusätzlich könnten Beobachter entsandt werden.\n\
         - Die Opposition kritisiert den Kurs scharf.",
    );
    let c = clean(p.clone(), None);
    assert!(c.removed.is_empty());
}

#[test]
fn english_boilerplate() {
    let p = paras(
        "The council approved the budget on Tuesday, officials said.\n\
         Advertisement\n\
         Sign up for our morning newsletter and get the news in your inbox.\n\
         Related\n\
         - Budget: What the new plan means for schools\n\
         - Transport: Bridge works delayed again\n\
         Share\n\
         42 comments",
    );
    let c = clean(p, None);
    assert_eq!(c.kept, ["The council approved the budget on Tuesday, officials said."]);
    assert_eq!(c.removed.len(), 7);
}

#[test]
fn repeats_across_one_outlets_articles_are_cut() {
    let mk = |text: &str| Article {
        id: String::new(),
        source: String::new(),
        title: None,
        published: None,
        outlet: Some("Hafenpost".into()),
        url: None,
        author: None,
        language: None,
        text: text.into(),
        removed: vec![],
    };
    let mut articles = vec![
        mk("Erster Satz über den Hafen, der lang genug ist.\n\nHafenpost – Ihre Zeitung im Norden"),
        mk("Ein anderer Bericht über den Verkehr heute.\n\nHafenpost – Ihre Zeitung im Norden"),
    ];
    remove_outlet_repeats(&mut articles);
    assert_eq!(articles[0].text, "Erster Satz über den Hafen, der lang genug ist.");
    assert_eq!(articles[1].removed[0].reason, RemovalReason::Repeated);
}

#[test]
fn a_repeated_house_footer_with_a_contact_names_the_outlet_and_wire_background_stays() {
    let mk = |source: &str, text: &str| Article {
        id: String::new(),
        source: source.into(),
        title: None,
        published: None,
        outlet: None,
        url: None,
        author: None,
        language: None,
        text: text.into(),
        removed: vec![],
    };
    let footer =
        "Bay Courier is an independent news service for the coast. Contact the desk at desk@baycourier.example.";
    let background = "The port handles about a third of the region's freight and employs several thousand people.";
    let mut articles = vec![
        mk("bay/a.txt", &format!("A crane collapsed at the port on Monday.\n\n{background}\n\n{footer}")),
        mk("bay/b.txt", &format!("Dock workers went on strike on Friday.\n\n{background}\n\n{footer}")),
    ];
    remove_outlet_repeats(&mut articles);
    for a in &articles {
        assert!(a.text.contains(background), "{}", a.text);
        assert!(!a.text.contains("desk@"), "{}", a.text);
        assert_eq!(a.outlet.as_deref(), Some("Bay Courier"));
    }
}
