//! Synthetic stream generator and throughput bench for story clustering.
//!
//! ```sh
//! cargo run --release -p lagebild-stories --example stream_bench -- --articles 1000000
//! ```
//!
//! Generates German-like articles (invented words) about events that run for a few days, some of them wire
//! copies with small edits ("Ort (dpa) - …"), in date order, ~3,000 a day; clusters them in batches of
//! 10,000 and prints articles/s (clustering only, and with generation), peak RSS (VmHWM), stories opened,
//! copies found, and B-cubed against the generator's events.

use chrono::NaiveDate;
use lagebild_core::Lang;
use lagebild_stories::eval::bcubed;
use lagebild_stories::{Config, StoryClusterer, StoryInput};
use std::time::Instant;

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
    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
    }
    /// Roughly Zipf-distributed index below `n`.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const SYLLABLES: &[&str] = &[
    "ber", "lin", "ha", "fen", "stadt", "rat", "ge", "setz", "wahl", "kreis", "bahn", "hof", "land", "tag", "mi",
    "nis", "ter", "ium", "re", "gie", "rung", "po", "li", "zei", "feu", "er", "wehr", "schu", "le", "kli", "nik",
    "markt", "preis", "steu", "werk", "bau", "zug", "flug", "ha", "gen", "dorf", "burg", "au", "tal", "see",
];
const STOP: &[&str] = &[
    "der", "die", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "für", "ist", "im", "dem",
    "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird",
    "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben",
];
const AGENCIES: &[&str] = &["dpa", "AFP", "Reuters", "epd", "KNA"];

fn word(seed: usize) -> String {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed as u64).wrapping_mul(0x2545_f491_4f6c_dd1d) | 1);
    let n = 2 + r.below(3);
    let mut w = String::new();
    for _ in 0..n {
        w.push_str(SYLLABLES[r.below(SYLLABLES.len())]);
    }
    w
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

struct Event {
    id: u64,
    words: Vec<String>,
    names: Vec<String>,
    place: String,
    last_day: i64,
    /// Texts printed so far (for wire copies).
    wire: Option<(String, &'static str)>,
}

struct Generator {
    rng: Rng,
    generic: Vec<String>,
    events: Vec<Event>,
    next_event: u64,
    n: u64,
    per_day: u64,
}

impl Generator {
    fn new() -> Generator {
        let rng = Rng(0x1234_5678_9abc_def1);
        let generic = (0..20_000).map(word).collect();
        Generator { rng, generic, events: Vec::new(), next_event: 0, n: 0, per_day: 3_000 }
    }

    fn new_event(&mut self, day: i64) -> usize {
        let rng = &mut self.rng;
        let words = (0..12).map(|_| word(1_000_000 + rng.below(5_000_000))).collect();
        let names = (0..3).map(|_| capitalise(&word(9_000_000 + rng.below(2_000_000)))).collect();
        let place = capitalise(&word(20_000_000 + rng.below(50_000)));
        self.events.push(Event { id: self.next_event, words, names, place, last_day: day, wire: None });
        self.next_event += 1;
        self.events.len() - 1
    }

    fn body(&mut self, e: usize) -> String {
        let rng = &mut self.rng;
        let ev = &self.events[e];
        let sentences = 8 + rng.below(10);
        let mut out = String::new();
        for _ in 0..sentences {
            let len = 8 + rng.below(12);
            for j in 0..len {
                let r = rng.below(100);
                let w = if r < 35 {
                    STOP[rng.zipf(STOP.len())].to_string()
                } else if r < 55 {
                    ev.words[rng.zipf(ev.words.len())].clone()
                } else if r < 62 {
                    ev.names[rng.below(ev.names.len())].clone()
                } else {
                    let g = &self.generic[rng.zipf(self.generic.len())];
                    if rng.chance(0.3) {
                        capitalise(g)
                    } else {
                        g.clone()
                    }
                };
                if j == 0 {
                    out.push_str(&capitalise(&w));
                } else {
                    out.push(' ');
                    out.push_str(&w);
                }
            }
            out.push_str(". ");
        }
        out
    }

    /// One article and its event.
    fn article(&mut self) -> (StoryInput, u64) {
        let day = (self.n / self.per_day) as i64;
        self.n += 1;
        // Events older than 4 days end.
        if self.n.is_multiple_of(500) {
            self.events.retain(|e| day - e.last_day <= 4);
        }
        let e = if self.events.is_empty() || self.rng.chance(0.12) {
            self.new_event(day)
        } else {
            // Recent events are more likely.
            let k = self.events.len();
            k - 1 - self.rng.zipf(k)
        };
        self.events[e].last_day = day;
        let text = match self.events[e].wire.clone() {
            Some((w, agency)) if self.rng.chance(0.3) => {
                // A wire copy: a few words dropped or swapped.
                let mut words: Vec<&str> = w.split(' ').collect();
                for _ in 0..3 {
                    let i = self.rng.below(words.len());
                    words.remove(i);
                }
                let _ = agency;
                words.join(" ")
            }
            _ => {
                let body = self.body(e);
                if self.rng.chance(0.25) {
                    let agency = AGENCIES[self.rng.below(AGENCIES.len())];
                    let t = format!("{} ({agency}) - {body}", self.events[e].place);
                    self.events[e].wire = Some((t.clone(), agency));
                    t
                } else {
                    body
                }
            }
        };
        let ev = &self.events[e];
        let title = format!("{} {} {}", ev.names[0], ev.words[0], ev.words[1]);
        let published = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(day);
        let input = StoryInput {
            id: format!("a{}", self.n),
            title,
            text,
            language: Some(Lang::De),
            published: Some(published),
            entities: Vec::new(),
        };
        (input, ev.id)
    }
}

fn vm_hwm_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User + system CPU seconds of this process so far (from /proc/self/stat, at 100 ticks per second).
fn cpu_secs() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = s.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let t = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (t(11) + t(12)) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let total: u64 = args
        .iter()
        .position(|a| a == "--articles")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.replace('_', "").parse().expect("--articles N"))
        .unwrap_or(1_000_000);
    let batch = 10_000u64;
    let mut generator = Generator::new();
    let mut clusterer = StoryClusterer::new(Config::default());
    let (mut labels, mut gold) = (Vec::with_capacity(total as usize), Vec::with_capacity(total as usize));
    let (mut dups, mut agencies) = (0u64, 0u64);
    let start = Instant::now();
    let mut cluster_secs = 0.0;
    let mut done = 0u64;
    while done < total {
        let n = batch.min(total - done);
        let (inputs, events): (Vec<StoryInput>, Vec<u64>) = (0..n).map(|_| generator.article()).unzip();
        let t = Instant::now();
        let out = clusterer.add_batch(&inputs);
        cluster_secs += t.elapsed().as_secs_f64();
        for a in &out {
            labels.push(a.story.0);
            dups += a.duplicate_of.is_some() as u64;
            agencies += a.wire_agency.is_some() as u64;
        }
        gold.extend(events);
        done += n;
        if done.is_multiple_of(100_000) {
            eprintln!(
                "{done} articles, {:.0}/s clustering, open stories {}, VmHWM {} MiB",
                done as f64 / cluster_secs,
                clusterer.open_stories(),
                vm_hwm_kib().unwrap_or(0) / 1024
            );
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_secs();
    let (p, r, f) = bcubed(&labels, &gold);
    println!(
        "[bench] stories: {total} articles, {:.0} articles/s clustering ({:.0}/s with generation, {} threads), \
         {cpu:.0} CPU s in all ({:.0} articles per CPU s), peak RSS (VmHWM) {} MiB, {} stories opened, {} events, {dups} copies, {agencies} with agency, \
         B3 vs generator P={p:.3} R={r:.3} F1={f:.3}",
        total as f64 / cluster_secs,
        total as f64 / wall,
        rayon::current_num_threads(),
        total as f64 / cpu,
        vm_hwm_kib().unwrap_or(0) / 1024,
        clusterer.stories_opened(),
        generator.next_event,
    );
}
