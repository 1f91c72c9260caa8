//! `lagebild parse`: the ingest stage on its own.

use anyhow::Result;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use lagebild_core::Article;
use lagebild_ingest::{self as ingest, Format, IngestError, Options};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ParseArgs {
    /// Files or folders (read recursively); `-` reads stdin. Gzip (`.gz`) is unpacked.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output: one JSON object per article per line, or a readable view.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    format: OutputFormat,
    /// Read every input as this format instead of guessing from name and content.
    #[arg(long, value_name = "text|html|feed|jsonl")]
    input_format: Option<Format>,
    /// Charset of inputs that are not UTF-8 and declare none (e.g. `latin1`, `windows-1252`).
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Json,
    Text,
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| format!("unknown encoding '{label}'"))
}

/// Reads every input with a progress bar on a terminal (hidden when stderr is not one).
pub fn read_all(paths: &[PathBuf], options: &Options) -> (Vec<Article>, Vec<IngestError>) {
    let files = ingest::source::expand(paths);
    let progress = ProgressBar::new(files.len() as u64);
    progress.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} inputs {per_sec}").expect("valid template"));
    let out = ingest::read_all(files, options, &|| progress.inc(1));
    progress.finish_and_clear();
    out
}

/// One output line: the article with the schema version it follows, so scripts can check what they read.
#[derive(serde::Serialize)]
struct Versioned<'a> {
    schema_version: u32,
    #[serde(flatten)]
    article: &'a Article,
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    let options = Options { format: args.input_format, encoding: args.encoding };
    let (articles, errors) = read_all(&args.paths, &options);
    for e in &errors {
        eprintln!("lagebild: {e}");
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = articles.iter().try_for_each(|a| match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut out, &Versioned { schema_version: lagebild_core::SCHEMA_VERSION, article: a })?;
            writeln!(out).map_err(Into::into)
        }
        OutputFormat::Text => write_text(&mut out, a),
    });
    match written.and_then(|_| out.flush().map_err(Into::into)) {
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        || e.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == Some(std::io::ErrorKind::BrokenPipe)
}

fn write_text(out: &mut impl Write, a: &Article) -> Result<()> {
    let dash = "-";
    writeln!(out, "=== {}", a.title.as_deref().unwrap_or("(no title)"))?;
    writeln!(
        out,
        "source: {} | id: {} | published: {} | outlet: {} | language: {}",
        a.source,
        a.id,
        a.published.as_deref().unwrap_or(dash),
        a.outlet.as_deref().unwrap_or(dash),
        a.language.as_deref().unwrap_or(dash)
    )?;
    writeln!(out)?;
    writeln!(out, "{}", a.text)?;
    if !a.removed.is_empty() {
        writeln!(out)?;
        writeln!(out, "--- removed ({}):", a.removed.len())?;
        for r in &a.removed {
            let reason = serde_json::to_value(r.reason)?;
            let short: String = r.text.chars().take(100).collect();
            let ellipsis = if r.text.chars().count() > 100 { "…" } else { "" };
            writeln!(out, "  [{}] {short}{ellipsis}", reason.as_str().unwrap_or("?"))?;
        }
    }
    writeln!(out)?;
    Ok(())
}
