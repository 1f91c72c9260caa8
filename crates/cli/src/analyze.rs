//! `lagebild analyze`: the whole pipeline — read, extract, group into stories, compare, render.

use crate::extract::Ner;
use crate::parse::read_all;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use lagebild_ingest::Options;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct AnalyzeArgs {
    /// Files or folders (read recursively); `-` reads stdin. Any input `parse` reads, including JSON Lines.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output: a readable situation picture (text, markdown), one HTML page, or JSON (docs/schema.md).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Reference date for articles whose publication day is unknown (relative dates resolve against it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// German name tagger: `fast` (the default) or `neural` (GermEval F1 0.77 instead of 0.62, about
    /// 1.5 articles per second per core; needs the model file from `scripts/fetch-e5`). See `extract --help`.
    #[arg(long, value_enum, default_value_t = Ner::Fast)]
    ner: Ner,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

pub fn run(args: AnalyzeArgs) -> Result<ExitCode> {
    let neural = args.ner.load()?;
    let (articles, errors) = read_all(&args.paths, &Options::default());
    for e in &errors {
        eprintln!("lagebild: {e}");
    }
    let doc = lagebild_pipeline::build_with(articles, args.date, neural.as_ref());
    let rendered = match args.format {
        Format::Text => lagebild_report::text(&doc),
        Format::Markdown => lagebild_report::markdown(&doc),
        Format::Html => lagebild_report::html(&doc),
        Format::Json => serde_json::to_string_pretty(&doc)? + "\n",
    };
    match &args.output {
        Some(path) => std::fs::write(path, rendered).with_context(|| format!("{}: cannot write", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(rendered.as_bytes()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
            }
        }
    }
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
