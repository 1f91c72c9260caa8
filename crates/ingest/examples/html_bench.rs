//! Parse throughput of HTML pages: the html-de and html-en dev pages of `../shared/data`, repeated to N
//! pages (default 10,000), each through `lagebild_ingest::parse_input` on a rayon pool of 2 threads.
//! Prints pages/s and the peak resident memory (VmHWM).
//!
//! cargo run --release -p lagebild-ingest --example html_bench -- 10000

#[path = "common/dev_pages.rs"]
mod dev_pages;

use lagebild_ingest::{parse_input, Input, Options};
use rayon::prelude::*;
use std::time::Instant;

/// The allocator of the `lagebild` binary (crates/cli/src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // The purge delay of the `lagebild` binary (`tune_allocator` in crates/cli/src/main.rs).
    // SAFETY: sets a plain integer option of the allocator (15: `mi_option_purge_delay`).
    unsafe { libmimalloc_sys::mi_option_set(15, 10_000) };
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let threads: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(2);
    let pages: Vec<Input> =
        dev_pages::dev_pages().into_iter().map(|(id, bytes)| Input { name: format!("{id}.html"), bytes }).collect();
    if pages.is_empty() {
        println!("[skip] html_bench: ../shared/data not found");
        return;
    }
    let mb: usize = pages.iter().map(|p| p.bytes.len()).sum::<usize>() * n / pages.len() / 1_000_000;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let options = Options::default();
    let start = Instant::now();
    let articles: usize = pool.install(|| {
        (0..n).into_par_iter().map(|i| parse_input(&pages[i % pages.len()], &options).iter().flatten().count()).sum()
    });
    let secs = start.elapsed().as_secs_f64();
    println!(
        "[bench] html: {n} pages (~{mb} MB, {} distinct) on {threads} threads in {secs:.1} s: {:.0} pages/s, {articles} articles; peak RSS {}",
        pages.len(),
        n as f64 / secs,
        peak_rss()
    );
}

/// VmHWM from /proc/self/status (Linux), e.g. "212 MB".
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.to_string()))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()))
        .map(|kb| format!("{} MB", kb / 1024))
        .unwrap_or_else(|| "unknown".into())
}
