//! Time expressions on invented news sentences, anchored on Monday 2024-10-21.

use chrono::NaiveDate;
use lagebild_core::{Lang, TimeExpr, TimeKind, TimeMod};
use lagebild_extract::times::extract;
use proptest::prelude::*;

fn anchor() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 10, 21)
}

fn find(text: &str, lang: Lang, span: &str) -> TimeExpr {
    let all = extract(text, lang, anchor());
    all.iter()
        .find(|t| t.text == span)
        .cloned()
        .unwrap_or_else(|| panic!("no expression {span:?} in {text:?}: {all:?}"))
}

fn val(text: &str, lang: Lang, span: &str) -> String {
    find(text, lang, span).value
}

#[test]
fn german_news() {
    let de = Lang::De;
    assert_eq!(
        val("Die Ministerin hatte am Freitag mitgeteilt, dass die Gespräche weitergehen.", de, "Freitag"),
        "2024-10-18"
    );
    assert_eq!(val("Der Ausschuss wird am Freitag erneut tagen.", de, "Freitag"), "2024-10-25");
    assert_eq!(val("Die Halle bleibt bis Freitag gesperrt.", de, "Freitag"), "2024-10-25");
    assert_eq!(val("Die Bewohner dürfen ab Samstag zurück in ihre Häuser.", de, "Samstag"), "2024-10-26");
    assert_eq!(val("Fahrgäste müssen sich am Donnerstag auf Ausfälle einstellen.", de, "Donnerstag"), "2024-10-24");
    assert_eq!(val("Vergangene Woche wurden die Pläne vorgestellt.", de, "Vergangene Woche"), "2024-W42");
    let t = find("Mitte Oktober begann die Räumung der Siedlung.", de, "Mitte Oktober");
    assert_eq!((t.value.as_str(), t.mod_), ("2024-10", Some(TimeMod::Mid)));
    let t = find("Die Frist läuft bis zum 1. November.", de, "1. November");
    assert_eq!(t.value, "2024-11-01");
    assert_eq!(val("Seit August 2023 sind die Preise gestiegen.", de, "August 2023"), "2023-08");
    assert_eq!(val("Im Juni hatte der Stadtrat den Plan abgelehnt.", de, "Juni"), "2024-06");
    assert_eq!(val("Vor zwei Wochen war die Brücke gesperrt worden.", de, "Vor zwei Wochen"), "2024-W41");
    assert_eq!(val("Die Polizei meldete gestern einen Einbruch.", de, "gestern"), "2024-10-20");
    assert_eq!(val("Heute beginnt die Messe.", de, "Heute"), "2024-10-21");
    assert_eq!(val("Die Anlage soll kommenden Monat öffnen.", de, "kommenden Monat"), "2024-11");
    let t = find("Anfang August wurde der Vertrag unterzeichnet.", de, "Anfang August");
    assert_eq!((t.value.as_str(), t.mod_), ("2024-08", Some(TimeMod::Start)));
    let t = find("Gemeldet am 21.10.2024 13:07 Uhr von der Redaktion.", de, "21.10.2024 13:07 Uhr");
    assert_eq!((t.value.as_str(), t.kind), ("2024-10-21T13:07", TimeKind::Time));
    assert_eq!(val("In den vergangenen Jahren wuchs die Stadt.", de, "den vergangenen Jahren"), "PAST_REF");
    assert_eq!(val("Im Sommer waren viele Straßen gesperrt.", de, "Sommer"), "2024-SU");
    assert_eq!(val("Das Gebäude stammt aus den 1990er-Jahren.", de, "1990er-Jahren"), "199");
    assert_eq!(val("Ein Bau des 20. Jahrhunderts wird abgerissen.", de, "20. Jahrhunderts"), "19");
    let t = find("Die Sanierung dauerte zweieinhalb Jahre.", de, "zweieinhalb Jahre");
    // whole months, as both gold sets write it (TIMEX2 and TIMEX3)
    assert_eq!((t.value.as_str(), t.kind), ("P2Y6M", TimeKind::Duration));
    let t = find("Der Markt findet jeden Montag statt.", de, "jeden Montag");
    assert_eq!((t.value.as_str(), t.kind), ("XXXX-WXX-1", TimeKind::Set));
    assert_eq!(val("Das Gesetz wurde 1998 verabschiedet.", de, "1998"), "1998");
}

#[test]
fn nights_before_a_day() {
    let de = "In der Nacht zu Montag ist ein Lager abgebrannt. Das Feuer brach gegen 23.15 Uhr aus, \
              am Morgen war es gelöscht. Gegen 4 Uhr rückten die letzten Wagen ab.";
    assert_eq!(val(de, Lang::De, "Nacht zu Montag"), "2024-10-20TNI");
    assert_eq!(val(de, Lang::De, "gegen 23.15 Uhr"), "2024-10-20T23:15");
    assert_eq!(val(de, Lang::De, "Morgen"), "2024-10-21TMO");
    assert_eq!(val(de, Lang::De, "Gegen 4 Uhr"), "2024-10-21T04:00");
    assert_eq!(
        val("In der Nacht zum vergangenen Freitag blieb es ruhig.", Lang::De, "Nacht zum vergangenen Freitag"),
        "2024-10-17TNI"
    );
    let en = "A warehouse burned down overnight into Monday. Crews were still there in the early hours of Monday.";
    assert_eq!(val(en, Lang::En, "overnight into Monday"), "2024-10-20TNI");
    assert_eq!(val(en, Lang::En, "the early hours of Monday"), "2024-10-21TNI");
}

#[test]
fn german_not_times() {
    let de = Lang::De;
    let out =
        extract("Die Formel 1 gastiert mit 1500 Fahrzeugen. Die Dienststelle hat 2.000 Mitarbeiter.", de, anchor());
    assert!(out.is_empty(), "{out:?}");
    let out = extract("Die Dienstagsrunde und die Montagsdemo.", de, anchor());
    assert!(out.iter().all(|t| t.text != "Die"), "{out:?}");
}

#[test]
fn english_news() {
    let en = Lang::En;
    assert_eq!(val("The minister said on Friday that talks would continue.", en, "Friday"), "2024-10-18");
    assert_eq!(val("Prices fell last week.", en, "last week"), "2024-W42");
    assert_eq!(val("The plant will open next month.", en, "next month"), "2024-11");
    let t = find("Production stopped in mid-October.", en, "mid-October");
    assert_eq!((t.value.as_str(), t.mod_), ("2024-10", Some(TimeMod::Mid)));
    assert_eq!(val("The company was founded two years ago.", en, "two years ago"), "2022");
    let t = find("Output rose over the past three years.", en, "the past three years");
    assert_eq!((t.value.as_str(), t.kind), ("P3Y", TimeKind::Duration));
    assert_eq!(val("Police arrived Friday morning.", en, "Friday morning"), "2024-10-18TMO");
    assert_eq!(val("The law was passed in 1998.", en, "1998"), "1998");
    assert_eq!(val("Music of the 1990s is back.", en, "the 1990s"), "199");
    assert!(extract("Formula 1 drivers and 300 people.", en, anchor()).is_empty());
}

#[test]
fn english_reports() {
    let en = Lang::En;
    // earnings: "a year earlier" and "the year-ago quarter" compare with the quarter in focus
    let text = "Net income in the second quarter fell to $5 million from $7 million a year earlier. \
                Sales in the year-ago quarter were lower. Revenue in the 2022 third quarter was flat.";
    assert_eq!(val(text, en, "the second quarter"), "2024-Q2");
    assert_eq!(val(text, en, "a year earlier"), "2023-Q2");
    assert_eq!(val(text, en, "the year-ago quarter"), "2023-Q2");
    assert_eq!(val(text, en, "the 2022 third quarter"), "2022-Q3");
    let t = find("Revenue for the year ended March 31 rose.", en, "the year");
    assert_eq!((t.value.as_str(), t.kind), ("P1Y", TimeKind::Duration));
    // deadlines point ahead, a lone "-ed" form keeps a month-day months ahead in the past
    assert_eq!(val("The offer runs until Friday.", en, "Friday"), "2024-10-25");
    assert_eq!(val("Sales rose in the year ended Jan. 31.", en, "Jan. 31"), "2024-01-31");
    assert_eq!(val("Shares rallied over the weekend.", en, "the weekend"), "2024-W42-WE");
    assert_eq!(val("It opens in January nineteen ninety-seven.", en, "January nineteen ninety-seven"), "1997-01");
    let t = find("Three days later, the talks resumed.", en, "Three days");
    assert_eq!((t.value.as_str(), t.kind), ("P3D", TimeKind::Duration));
    assert_eq!(val("The company was sold by year-end.", en, "year-end"), "2024-12-31");
    // a dateline makes a report, however many past years it recalls
    let text = "BRUSSELS, Belgium (AP) _ The alliance, founded in 1949, grew in 1952, 1955, 1982 and 1999. \
                Its members met in 1966 and 1975 and will meet today.";
    assert_eq!(val(text, en, "today"), "2024-10-21");
}

#[test]
fn offsets_are_code_points() {
    let text = "Größere Schäden gab es am Freitag – „schlimm“, sagte er.";
    for t in extract(text, Lang::De, anchor()) {
        let s: String = text.chars().skip(t.start).take(t.end - t.start).collect();
        assert_eq!(s, t.text);
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_match(s in "\\PC{0,200}", de in any::<bool>()) {
        let lang = if de { Lang::De } else { Lang::En };
        for t in extract(&s, lang, anchor()) {
            let span: String = s.chars().skip(t.start).take(t.end - t.start).collect();
            prop_assert_eq!(span, t.text);
        }
    }

    #[test]
    fn never_panics_on_date_like_text(s in "([0-9]{1,4}[ .:/-]?|Mai |Juni |am |vor |Jahre |Uhr |v\\. Chr\\. |[A-Za-zäöü]{1,8} ){0,20}") {
        for t in extract(&s, Lang::De, None) {
            let span: String = s.chars().skip(t.start).take(t.end - t.start).collect();
            prop_assert_eq!(span, t.text);
        }
    }
}

#[test]
fn approximate_clock_times_keep_their_hedge() {
    let t = find("Das Feuer brach kurz nach 5 Uhr aus.", Lang::De, "kurz nach 5 Uhr");
    assert_eq!((t.value.as_str(), t.mod_), ("2024-10-21T05:00", Some(TimeMod::Approx)));
    let t = find("The alarm sounded shortly before 6 p.m. on Monday.", Lang::En, "shortly before 6 p.m.");
    assert_eq!(t.mod_, Some(TimeMod::Approx));
}

#[test]
fn undated_hours_and_day_parts_fall_on_the_reported_day() {
    let de = Lang::De;
    // the day the report names, not the publication day
    let text =
        "Das Feuer brach am Samstag aus. Am frühen Morgen rückten die ersten Wagen an, gegen 6 Uhr war es gelöscht.";
    let t = find(text, de, "frühen Morgen");
    assert_eq!((t.value.as_str(), t.mod_), ("2024-10-19TMO", Some(TimeMod::Start)));
    assert_eq!(val(text, de, "gegen 6 Uhr"), "2024-10-19T06:00");
    // told ahead: a day ahead, not the one before
    let text = "Der Streik beginnt am Mittwoch. Die Züge stehen bis Donnerstag um 3 Uhr still.";
    assert_eq!(val(text, de, "3 Uhr"), "2024-10-24T03:00");
    // a night told in the past with no day named is last night
    assert_eq!(val("In der Nacht brannte eine Scheune ab.", de, "Nacht"), "2024-10-20TNI");
    // "zu tun haben" is an infinitive, not a perfect: the night ahead
    assert_eq!(val("Wir werden bis in die Nacht hinein zu tun haben.", de, "Nacht"), "2024-10-21TNI");
    assert_eq!(val("Der Zug fuhr um halb drei Uhr ab.", de, "halb drei Uhr"), "2024-10-21T02:30");
    let en = Lang::En;
    assert_eq!(val("The storm hit the coast last night.", en, "last night"), "2024-10-20TNI");
    assert_eq!(val("He said he would leave at 4 in the morning.", en, "4 in the morning"), "2024-10-21T04:00");
    assert_eq!(val("Investigators are due to arrive on Friday.", en, "Friday"), "2024-10-25");
    let t = find("The ferry ran aground late Sunday afternoon.", en, "late Sunday afternoon");
    assert_eq!((t.value.as_str(), t.mod_), ("2024-10-20TAF", Some(TimeMod::End)));
}

#[test]
fn iso_dates_years_after_months_and_durations_of_something() {
    let de = Lang::De;
    assert_eq!(val("Aktualisiert 2024-10-19 um 8 Uhr.", de, "2024-10-19"), "2024-10-19");
    assert_eq!(val(" date 2024-10 Neue Lage an der Grenze", de, "2024-10"), "2024-10");
    // a year right after its month, even before a capitalised noun
    assert_eq!(val("Im Februar 2022 Russland die Ukraine angegriffen.", de, "Februar 2022"), "2022-02");
    // "nach zweieinhalb Jahren Krieg": how long, not a date after the last one
    let t = find("Kurswechsel nach zweieinhalb Jahren Krieg", de, "zweieinhalb Jahren");
    assert_eq!((t.value.as_str(), t.kind), ("P2Y6M", TimeKind::Duration));
    // the main clause's future does not reach into a relative clause
    let text = "Die Truppen werden in Kursk stationiert, wo die Ukraine seit dem Einmarsch Anfang August Gebiete hält.";
    assert_eq!(val(text, de, "Anfang August"), "2024-08");
    assert!(extract("Die ersten 2000 Soldaten sind unterwegs.", de, anchor()).is_empty());
}

/// Anchored on Monday 2024-10-21 like the rest: local time, events dated from the present, anaphoric months.
#[test]
fn local_time_events_and_anaphora() {
    let (de, en) = (Lang::De, Lang::En);
    // a report from Japan: "Ortszeit" is Tokyo's offset; one from Greece in summer time +03
    let text = "Tokio - Vor der Küste Japans bebte am Samstag um 10.48 Uhr Ortszeit die Erde.";
    assert_eq!(val(text, de, "10.48 Uhr Ortszeit"), "2024-10-19T10:48+09");
    let text = "ATHENS — The ferry left Piraeus at 7 am local time on Saturday, Greek officials said.";
    assert_eq!(val(text, en, "7 am local time"), "2024-10-19T07:00+03");
    // no place the table knows: the wall-clock time without an offset
    assert_eq!(val("Das Beben kam um 4 Uhr Ortszeit.", de, "4 Uhr Ortszeit"), "2024-10-21T04:00");
    // the crime two days ago: its night leads into Saturday
    let text = "Zwei Tage nach dem Überfall gibt es eine Spur. In der Tatnacht gegen 3 Uhr hielt dort ein Auto.";
    assert_eq!(val(text, de, "Tatnacht"), "2024-10-18TNI");
    assert_eq!(val(text, de, "gegen 3 Uhr"), "2024-10-19T03:00");
    let text = "Engineers aim to finish by mid-November. The season begins in the middle of that month.";
    let t = find(text, en, "the middle of that month");
    assert_eq!((t.value.as_str(), t.mod_), ("2024-11", Some(TimeMod::Mid)));
    assert_eq!(val("The city prepares for another winter of shortages.", en, "another winter"), "2024-WI");
    // a night ahead in a quotation does not move the day of the events told next
    let text = "„Wir werden bis in die Nacht zu tun haben“, sagte er. Die Schicht sollte um 6 Uhr beginnen.";
    assert_eq!(val(text, de, "6 Uhr"), "2024-10-21T06:00");
}
