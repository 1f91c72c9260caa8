//! Throughput of the time expression extractor on ~2,000-character German news-like text, one core.
//! `cargo run -p lagebild-extract --release --example times_bench`

use chrono::NaiveDate;
use lagebild_core::Lang;
use std::time::Instant;

const SENTENCES: &[&str] = &[
    "Die Stadtverwaltung hatte am Freitag mitgeteilt, dass die Brücke bis zum 1. November gesperrt bleibt.",
    "Vergangene Woche waren rund 2.000 Menschen auf die Straße gegangen, um gegen die Pläne zu protestieren.",
    "Mitte Oktober soll der Gemeinderat erneut über das Projekt beraten, das seit August 2023 umstritten ist.",
    "Nach Angaben der Polizei wurden bei dem Unfall am Dienstagabend zwei Personen leicht verletzt.",
    "Der Bürgermeister sagte, die Sanierung werde voraussichtlich zweieinhalb Jahre dauern und 14 Millionen Euro kosten.",
    "Bereits im Juni hatte das Landesamt vor zwei Wochen einen Bericht angekündigt, der nun vorliegt.",
    "Die Gewerkschaft kündigte für kommenden Monat weitere Warnstreiks an; betroffen seien 35 Betriebe.",
    "In den vergangenen Jahren ist die Zahl der Einsätze um 12 Prozent gestiegen, heißt es im Bericht.",
    "Das Gebäude aus den 1970er-Jahren gilt als Beispiel für die Architektur des 20. Jahrhunderts.",
    "Gemeldet am 21.10.2024 um 13:07 Uhr; die Redaktion aktualisiert den Beitrag jeden Montag.",
    "Die Formel 1 gastiert im Sommer auf dem Ring, sagte ein Sprecher der Betreibergesellschaft.",
    "Anfang August wurden die ersten Container geliefert, Ende des Jahres soll der Betrieb starten.",
];

fn main() {
    let anchor = NaiveDate::from_ymd_opt(2024, 10, 21);
    // Articles of about 2,000 characters, each a different rotation of the sentences.
    let articles: Vec<String> = (0..SENTENCES.len())
        .map(|k| {
            let mut a = String::new();
            let mut i = k;
            while a.chars().count() < 2000 {
                a.push_str(SENTENCES[i % SENTENCES.len()]);
                a.push(' ');
                i += 5;
            }
            a
        })
        .collect();
    let avg = articles.iter().map(|a| a.chars().count()).sum::<usize>() / articles.len();
    let mut n = 0usize;
    let mut found = 0usize;
    let t0 = Instant::now();
    while t0.elapsed().as_secs_f64() < 3.0 {
        for a in &articles {
            found += lagebild_extract::times::extract(a, Lang::De, anchor).len();
            n += 1;
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "times: {n} articles (avg {avg} chars) in {secs:.2}s = {:.0} articles/s on one core ({:.1} expressions/article)",
        n as f64 / secs,
        found as f64 / n as f64
    );
}
