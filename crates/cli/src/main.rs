//! The `lagebild` command line: each subcommand runs the pipeline up to one stage.

mod analyze;
mod extract;
mod parse;
mod serve;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc: ~8 % less CPU time than the system allocator when parsing HTML pages (many small tree nodes
/// allocated and freed per page; see docs/benchmarks.md), for ~70 MB more peak memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its position in `mi_option_e`, mimalloc.h v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the OS after 10 s unused instead of the bundled 1 s: every HTML page builds
/// and drops several trees, and with 1 s the kernel zeroes the same memory again and again (~5 % of the
/// CPU time of `parse` on HTML, docs/benchmarks.md); an idle server still returns its memory.
fn tune_allocator() {
    // SAFETY: sets a plain integer option of the allocator; valid at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10_000) };
}

/// lagebild turns news articles (German and English; text, HTML, RSS/Atom, JSON Lines) into a situation
/// picture: who reports which figure from whom, where sources disagree, what happened when.
///
/// Exit codes: 0 all inputs read; 1 some inputs could not be read (each named on stderr, the rest was
/// processed); 2 bad command line.
#[derive(Parser)]
#[command(name = "lagebild", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles and print them cleaned, with title, date, outlet and language.
    Parse(parse::ParseArgs),
    /// Extract figures and time expressions (with character spans) from one text or a JSON Lines stream.
    Extract(extract::ExtractArgs),
    /// Run the whole pipeline: stories, who reports what from whom, figures that disagree, timeline, summary.
    Analyze(analyze::AnalyzeArgs),
    /// Store articles in a database folder and analyse them into stories (what `serve` shows).
    Ingest(serve::IngestArgs),
    /// Serve the JSON API and the web pages over a database folder; articles can be added while it runs.
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Ingest(args) => serve::ingest(args),
        Command::Serve(args) => serve::serve(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lagebild: {e:#}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_line_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }

    /// The option index names the purge delay: its bundled default (1 s in mimalloc v3) reads back, and
    /// the value `tune_allocator` sets does too.
    #[test]
    fn purge_delay_option_is_the_one_tuned() {
        // SAFETY: reads and sets a plain integer option of the allocator.
        unsafe {
            if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
                assert_eq!(libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY), 1000);
            }
            super::tune_allocator();
            assert_eq!(libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY), 10_000);
        }
    }
}
