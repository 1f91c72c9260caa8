//! Throughput of the figures extractor on ~2,000-character German news-like articles built from
//! invented sentences, on one core: `cargo run --release --example figures_bench`.

use std::time::Instant;

use lagebild_core::Lang;

const SENTENCES: &[&str] = &[
    "Nach Angaben des Ministeriums wurden rund 4.500 Soldaten an die Grenze verlegt.",
    "Die Regierung stellte zusätzlich 2,5 Milliarden Euro für den Wiederaufbau bereit.",
    "Am 3. März 2023 trafen sich die Außenminister in Brüssel zu Gesprächen.",
    "Mehr als 1,2 Millionen Menschen mussten ihre Häuser verlassen, hieß es.",
    "Die Inflation lag im Februar bei 6,8 Prozent und damit höher als erwartet.",
    "Hunderte Freiwillige halfen beim Verteilen von Lebensmitteln und Decken.",
    "Nach zweieinhalb Jahren Verhandlungen unterzeichneten beide Seiten den Vertrag.",
    "Zwischen 30 und 40 Drohnen seien in der Nacht abgeschossen worden, teilte die Armee mit.",
    "Ein Drittel der Bevölkerung hat laut Umfrage keinen Zugang zu sauberem Wasser.",
    "Der Konvoi mit etwa zehn Lastwagen erreichte die Stadt gegen 14 Uhr.",
    "Seit 2021 sind die Ausgaben für Verteidigung um das Dreifache gestiegen.",
    "Die Polizei nahm einen 34-Jährigen fest, der verdächtigt wird.",
    "Über 13'000 Tonnen Getreide wurden im Hafen verladen.",
    "Das Parlament stimmte mit 412 zu 198 Stimmen für das Gesetz.",
    "Die Ministerin sprach von einer ernsten Lage, die sich rasch verschlechtere.",
    "Tausende Menschen demonstrierten am Wochenende in der Hauptstadt.",
];

fn article(seed: usize) -> String {
    let mut s = String::new();
    let mut k = seed;
    while s.chars().count() < 2000 {
        s.push_str(SENTENCES[k % SENTENCES.len()]);
        s.push(' ');
        k = k * 7 + 3;
    }
    s
}

/// Nanoseconds this thread has run on a CPU (Linux), so that a busy machine does not skew the figure.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let articles: Vec<String> = (0..200).map(article).collect();
    let chars: usize = articles.iter().map(|a| a.chars().count()).sum();
    // warm-up
    let mut n = 0usize;
    for a in &articles {
        n += lagebild_extract::figures::extract(a, Lang::De).len();
    }
    let rounds = 50;
    let cpu0 = thread_cpu_ns();
    let t = Instant::now();
    for _ in 0..rounds {
        for a in &articles {
            n += std::hint::black_box(lagebild_extract::figures::extract(std::hint::black_box(a), Lang::De)).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = thread_cpu_ns().zip(cpu0).map(|(b, a)| (b - a) as f64 / 1e9);
    let done = rounds * articles.len();
    if let Some(c) = cpu {
        println!(
            "figures: {:.0} articles/s of on-CPU time ({:.1} µs/article; wall-clock below)",
            done as f64 / c,
            c * 1e6 / done as f64
        );
    }
    println!(
        "figures: {:.0} articles/s ({} articles of ~{} chars, {:.1} µs/article, {} figures)",
        done as f64 / secs,
        done,
        chars / articles.len(),
        secs * 1e6 / done as f64,
        n
    );
}
