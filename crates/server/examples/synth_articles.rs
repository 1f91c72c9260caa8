//! Synthetic German news articles as JSON Lines, for load tests of `lagebild serve` (scripts/bench-serve.sh).
//!
//! ```sh
//! cargo run --release -p lagebild-server --example synth_articles -- 12000 > articles.jsonl
//! ```
//!
//! Like `crates/stories/examples/stream_bench.rs`, it invents events that run for a few days and lets several
//! outlets report each, but in real German sentences with figures, dates and attributions, so extraction and
//! comparison do their usual work. Deterministic: the same count gives the same file.

use chrono::Datelike;
use std::io::{BufWriter, Write};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "Hamburg",
    "Köln",
    "Leipzig",
    "Bremen",
    "Kassel",
    "Ulm",
    "Trier",
    "Jena",
    "Passau",
    "Rostock",
    "Kiel",
    "Mainz",
    "Erfurt",
    "Gießen",
    "Lübeck",
    "Augsburg",
    "Bochum",
    "Potsdam",
    "Halle",
    "Regensburg",
    "Würzburg",
    "Görlitz",
];
const TOPICS: &[(&str, &str, &str)] = &[
    ("Brand", "Großbrand in einer Lagerhalle", "Einsatzkräfte der Feuerwehr"),
    ("Unfall", "Schwerer Unfall auf der Autobahn", "Verletzte"),
    ("Streik", "Warnstreik im Nahverkehr", "Beschäftigte"),
    ("Hochwasser", "Hochwasser an der Küste", "Helfer"),
    ("Demonstration", "Demonstration gegen Mietpreise", "Teilnehmer"),
    ("Razzia", "Razzia gegen Schleuser", "Polizisten"),
    ("Stromausfall", "Stromausfall legt Stadtteile lahm", "Haushalte"),
    ("Evakuierung", "Bombenfund: Evakuierung der Innenstadt", "Anwohner"),
];
const SOURCES: &[&str] = &[
    "die Polizei",
    "ein Sprecher der Stadt",
    "die Feuerwehr",
    "das Innenministerium",
    "die Gewerkschaft",
    "der Landrat",
    "ein Sprecher des Betreibers",
];
const OUTLETS: &[&str] =
    &["tagesschau", "Spiegel", "Zeit Online", "NDR", "WDR", "MDR", "BR24", "dpa", "taz", "FAZ", "SZ", "Welt"];
const FILLER: &[&str] = &[
    "Die Hintergründe sind noch unklar.",
    "Die Ermittlungen dauern an.",
    "Anwohner berichteten von chaotischen Szenen.",
    "Der Bürgermeister kündigte eine schnelle Aufklärung an.",
    "Bereits im vergangenen Jahr hatte es einen ähnlichen Vorfall gegeben.",
    "Die Opposition forderte Konsequenzen.",
    "Am Nachmittag normalisierte sich die Lage nach Behördenangaben.",
    "Die Straßen rund um den Ort blieben bis zum Abend gesperrt.",
    "Experten warnen seit Langem vor solchen Risiken.",
    "Eine Sprecherin wollte sich zu Einzelheiten nicht äußern.",
];
const WEEKDAYS: &[&str] = &["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

const SYLLABLES: &[&str] = &[
    "ber", "lin", "ha", "fen", "stadt", "rat", "ge", "setz", "wahl", "kreis", "bahn", "hof", "land", "tag", "mi",
    "nis", "ter", "ium", "re", "gie", "rung", "po", "li", "zei", "feu", "er", "wehr", "schu", "le", "kli", "nik",
    "markt", "preis", "steu", "werk", "bau", "zug", "flug", "gen", "dorf", "burg", "au", "tal", "see",
];

/// An invented capitalised noun ("Kreisbahnhof"), so that each event has its own vocabulary.
fn noun(rng: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..2 + rng.below(3) {
        w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// An invented town ("Burgtalhausen"): events in different towns are different stories.
fn town(rng: &mut Rng) -> String {
    let suffix = ["hausen", "heim", "dorf", "feld", "stedt", "ingen", "bach", "rode"];
    format!("{}{}", noun(rng), suffix[rng.below(suffix.len())])
}

struct Event {
    /// Nouns this event's articles talk about (a street, a company, a person's name, …).
    words: Vec<String>,
    place: String,
    topic: usize,
    day: u32,
    people: u32,
    damage: u32,
    source: &'static str,
}

fn article(rng: &mut Rng, n: usize, e: &Event) -> String {
    let (short, headline, counted) = TOPICS[e.topic];
    let outlet = rng.pick(OUTLETS);
    // Outlets report the figures a little differently.
    let people = e.people + (rng.below(3) as u32) * (e.people / 10);
    let date = chrono::NaiveDate::from_ymd_opt(2024, 11, 1).unwrap_or_default() + chrono::Days::new(e.day as u64);
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let mut s = vec![
        format!("In {} ist es am {weekday} zu einem {short} gekommen.", e.place),
        format!("Rund {people} {counted} waren beteiligt, sagte {}.", e.source),
        format!("Der Schaden wird auf {} Millionen Euro geschätzt, teilte {} mit.", e.damage, e.source),
        format!("„Wir haben die Lage unter Kontrolle“, sagte {}.", rng.pick(SOURCES)),
    ];
    for _ in 0..10 + rng.below(10) {
        let (a, b) = (&e.words[rng.below(e.words.len())], &e.words[rng.below(e.words.len())]);
        s.push(match rng.below(5) {
            0 => format!("Betroffen sind vor allem die {a} und der Bereich um die {b}."),
            1 => format!("Die {a} in {} bleibt nach Angaben der Behörden vorerst geschlossen.", e.place),
            2 => format!("{a} und {b} stehen nun im Mittelpunkt der Ermittlungen."),
            3 => format!("Auch aus der {a} kamen Hinweise, wie die {b} berichtet."),
            _ => rng.pick(FILLER).to_string(),
        });
    }
    s.push(format!("Zuletzt waren am {} insgesamt {} Menschen betroffen.", date.format("%d.%m.%Y"), people / 2 + 3));
    let text = s.join(" ");
    serde_json::json!({
        "id": format!("synth-{n}"),
        "title": format!("{headline} in {}: {} im Fokus", e.place, e.words[0]),
        "published": format!("{}T{:02}:{:02}:00+01:00", date.format("%Y-%m-%d"), 6 + rng.below(14), rng.below(60)),
        "outlet": outlet,
        "lang": "de",
        "text": text,
    })
    .to_string()
}

fn main() {
    let count: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(12_000);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut events: Vec<Event> = Vec::new();
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for n in 0..count {
        // ~400 articles a day, an event runs while it gets articles; about one new event per 6 articles.
        let day = (n / 400) as u32;
        events.retain(|e| day - e.day <= 3);
        if events.is_empty() || rng.below(6) == 0 {
            let words = (0..8).map(|_| noun(&mut rng)).collect();
            events.push(Event {
                words,
                place: if rng.below(4) == 0 { rng.pick(PLACES).to_string() } else { town(&mut rng) },
                topic: rng.below(TOPICS.len()),
                day,
                people: 10 + rng.below(500) as u32,
                damage: 1 + rng.below(40) as u32,
                source: rng.pick(SOURCES),
            });
        }
        let i = events.len() - 1 - rng.below(events.len().min(20));
        let line = article(&mut rng, n, &events[i]);
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
    out.flush().ok();
}
