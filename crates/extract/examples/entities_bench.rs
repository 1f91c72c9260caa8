//! Articles per second for entity extraction (alone, and with quotations) on invented ~2,000-character
//! German and English articles, by wall clock and by this thread's on-CPU time.
//!
//!     cargo run --release -p lagebild-extract --example entities_bench
//!
//! The neural German tagger is measured too when its model file is there (`scripts/fetch-e5`).

use lagebild_core::Lang;
use std::time::Instant;

const DE: &str =
    "Die Außenministerin Annalena Kowalczyk hat am Montag in Riga den lettischen Regierungschef getroffen. \
Wie die Nachrichtenagentur Kyodo unter Berufung auf Regierungskreise meldete, widersprach Regierungssprecher Tomasz \
Wierzbicki den Berichten über eine Verlegung von Truppen an die Grenze. Kowalczyk sagte, die Nato stehe geschlossen \
zusammen und werde ihre Präsenz im Baltikum ausbauen. Nach Angaben des Nationalen Nachrichtendienstes (NIS) wurden \
in den vergangenen Wochen rund 3.000 Soldaten in die Region verlegt. Der Sprecher des Verteidigungsministeriums in \
Vilnius erklärte, man beobachte die Lage genau. Präsident Oleksandr Hrytsenko kündigte an, er werde am Donnerstag \
nach Brüssel reisen, um mit Generalsekretär Mark Rutte über weitere Hilfen zu sprechen. Hrytsenkos Büro teilte mit, \
es gehe um Flugabwehr und Munition. Die Europäische Union hatte zuletzt ein weiteres Paket beschlossen. Experten \
der Universität Tartu warnten dagegen vor einer Eskalation: Der Konflikt könne sich rasch ausweiten, sagte die \
Politologin Maarja Tamm im Gespräch mit der Deutschen Presse-Agentur. Auch in Warschau und Berlin wurde die \
Entwicklung aufmerksam verfolgt. Bundeskanzler Friedrich Albers telefonierte nach Angaben eines Sprechers mit dem \
polnischen Ministerpräsidenten. Beide hätten sich für eine enge Abstimmung ausgesprochen. Am Wochenende sollen \
die Außenminister der G7 in Rom zusammenkommen. Dort wird auch der japanische Chefdiplomat Hiroshi Tanabe erwartet, \
der zuvor Seoul und Peking besucht. Die Regierung in Moskau wies die Vorwürfe zurück; Kreml-Sprecher Dmitri \
Orlow sprach von einer gezielten Kampagne des Westens.";

const EN: &str =
    "Foreign Minister Jonas Pettersen met Reuters reporters in Oslo on Tuesday and said the Nordic Defence \
Council would meet again next week. According to the National Intelligence Service, about 3,000 soldiers have been \
moved to the border region in recent weeks. President Oleksandr Hrytsenko said he would travel to Brussels on \
Thursday to discuss further aid with NATO Secretary General Mark Rutte. A spokesperson for the European Union said \
a new package had been agreed. Experts at the University of Tartu warned of an escalation, and analyst Maarja Tamm \
told the Associated Press that the conflict could spread quickly. Officials in Warsaw and Berlin followed the \
developments closely. Chancellor Friedrich Albers spoke with the Polish prime minister, a spokesman said. Both \
agreed to coordinate closely. The foreign ministers of the G7 are due to meet in Rome at the weekend, where Japan's \
top diplomat Hiroshi Tanabe is also expected after visits to Seoul and Beijing. The government in Moscow rejected \
the accusations; Kremlin spokesman Dmitri Orlov called them a targeted campaign by the West. Pettersen said Norway \
would keep supporting its allies and that the Nordic Defence Council had agreed on a joint statement.";

/// Nanoseconds this thread has run on a CPU (Linux), so that a busy machine does not skew the figure.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Articles per second (wall clock, and of on-CPU time) of `f` over `n` runs.
fn time(n: usize, mut f: impl FnMut() -> usize) -> (f64, Option<f64>, usize) {
    let cpu0 = thread_cpu_ns();
    let t = Instant::now();
    let mut count = 0;
    for _ in 0..n {
        count += f();
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = thread_cpu_ns().zip(cpu0).map(|(b, a)| n as f64 / ((b - a) as f64 / 1e9));
    (n as f64 / secs, cpu, count / n)
}

fn run(name: &str, text: &str, lang: Lang) {
    let _ = lagebild_extract::entities::extract(text, lang); // load tables and weights
    let _ = lagebild_extract::quotes::extract(text, lang, &[]);
    let n = 3000;
    let (wall, cpu, per) = time(n, || lagebild_extract::entities::extract(std::hint::black_box(text), lang).len());
    println!(
        "[bench] entities {name}: {wall:.0} articles/s wall clock, {:.0} of on-CPU time ({} chars, {per} entities per article)",
        cpu.unwrap_or(f64::NAN),
        text.chars().count(),
    );
    let (wall, cpu, _) = time(n, || {
        lagebild_extract::entities::extract(std::hint::black_box(text), lang).len()
            + lagebild_extract::quotes::extract(std::hint::black_box(text), lang, &[]).len()
    });
    println!(
        "[bench] entities + quotes {name}: {wall:.0} articles/s wall clock, {:.0} of on-CPU time",
        cpu.unwrap_or(f64::NAN)
    );
}

/// The neural German tagger (`--ner neural`), if its model file is there: articles and tokens per second.
fn run_neural(text: &str) {
    let tagger = match lagebild_extract::entities::NeuralTagger::load() {
        Ok(t) => t,
        Err(e) => {
            println!("[skip] neural tagger: {e}");
            return;
        }
    };
    let tokens = lagebild_extract::entities::token::tokenize(text).len();
    let n = 10;
    let (wall, cpu, per) = time(n, || tagger.extract(std::hint::black_box(text), Lang::De).map_or(0, |e| e.len()));
    let cpu = cpu.unwrap_or(f64::NAN);
    println!(
        "[bench] entities de, neural tagger: {wall:.2} articles/s wall clock, {cpu:.2} of on-CPU time ({tokens} tokens: {:.2} ms per token; {per} entities per article)",
        1000.0 / (cpu * tokens as f64)
    );
}

fn main() {
    run("de", DE, Lang::De);
    run("en", EN, Lang::En);
    run_neural(DE);
}
