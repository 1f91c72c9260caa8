//! `lagebild extract`: the extractors on one text, or streaming over JSON Lines records.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use lagebild_core::{Entity, Figure, Lang, Quote, TimeExpr, SCHEMA_VERSION};
use lagebild_extract::{attribute_figures, entities, figures, quotes, times};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExtractArgs {
    /// A text file, or `-` (the default) for stdin. With `--jsonl`, a JSON Lines file of records
    /// `{"id", "text", "lang"?, "date"?}`.
    #[arg(default_value = "-", value_name = "FILE")]
    input: PathBuf,
    /// What to extract, comma-separated. Figures get their `source` (the speaker of the quotation or
    /// attribution around them) only when `quotes` is asked for too.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [What::Figures, What::Times])]
    what: Vec<What>,
    /// Language of the text; `auto` detects it (German or English).
    #[arg(long, value_enum, default_value_t = LangChoice::Auto)]
    lang: LangChoice,
    /// Reference date (publication date) that relative time expressions are resolved against.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// Read JSON Lines records and print one result line per record, streaming.
    #[arg(long)]
    jsonl: bool,
    /// German name tagger for `entities` and `quotes`: `fast` (the default), or `neural` (adds e5 word
    /// states: GermEval F1 0.77 instead of 0.62, but about 2.5 ms per token; needs the model file that
    /// `scripts/fetch-e5` puts into ~/.cache/lagebild, or LAGEBILD_E5_MODEL).
    #[arg(long, value_enum, default_value_t = Ner::Fast)]
    ner: Ner,
}

/// Which German name tagger runs (`extract` and `analyze`).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Ner {
    Fast,
    Neural,
}

impl Ner {
    /// The neural tagger, loaded, if asked for.
    pub fn load(self) -> Result<Option<entities::NeuralTagger>> {
        match self {
            Ner::Fast => Ok(None),
            Ner::Neural => Ok(Some(entities::NeuralTagger::load().context("--ner neural")?)),
        }
    }
}

/// The kinds of facts `extract` can return.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum What {
    Figures,
    Times,
    Entities,
    Quotes,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangChoice {
    Auto,
    De,
    En,
}

impl LangChoice {
    fn lang(self) -> Option<Lang> {
        match self {
            LangChoice::Auto => None,
            LangChoice::De => Some(Lang::De),
            LangChoice::En => Some(Lang::En),
        }
    }
}

/// One result: the facts of one text.
#[derive(Serialize)]
struct Extracted {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    language: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    figures: Option<Vec<Figure>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    times: Option<Vec<TimeExpr>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<Entity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<Vec<Quote>>,
}

/// A JSON Lines input record.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    #[serde(alias = "language")]
    lang: Option<String>,
    date: Option<String>,
}

fn extract(
    text: &str,
    lang: Option<Lang>,
    date: Option<NaiveDate>,
    what: &[What],
    neural: Option<&entities::NeuralTagger>,
) -> Result<Extracted, String> {
    let lang = lang.or_else(|| lagebild_ingest::detect_language(text).and_then(|c| Lang::from_code(&c)));
    let run = |w: What| what.contains(&w);
    let mut out = Extracted {
        schema_version: SCHEMA_VERSION,
        id: None,
        language: lang.map(Lang::code),
        figures: run(What::Figures).then(Vec::new),
        times: run(What::Times).then(Vec::new),
        entities: run(What::Entities).then(Vec::new),
        quotes: run(What::Quotes).then(Vec::new),
    };
    let Some(lang) = lang else { return Ok(out) };
    // Quotations resolve their speakers to entities, so entities are found whenever either is asked for.
    let found = match (run(What::Entities) || run(What::Quotes), neural) {
        (false, _) => None,
        (true, None) => Some(entities::extract(text, lang)),
        (true, Some(t)) => Some(t.extract(text, lang).map_err(|e| e.to_string())?),
    };
    let found_quotes = run(What::Quotes).then(|| quotes::extract(text, lang, found.as_deref().unwrap_or_default()));
    if let Some(figs) = out.figures.as_mut() {
        *figs = figures::extract(text, lang);
        if let Some(q) = &found_quotes {
            attribute_figures(figs, q);
        }
    }
    if let Some(t) = out.times.as_mut() {
        *t = times::extract(text, lang, date);
    }
    if out.entities.is_some() {
        out.entities = found;
    }
    out.quotes = found_quotes;
    Ok(out)
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let name = args.input.display().to_string();
    let reader: Box<dyn Read> = if name == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(&args.input).with_context(|| format!("{name}: cannot open"))?)
    };
    let neural = args.ner.load()?;
    if args.jsonl {
        return run_jsonl(&name, reader, &args, neural.as_ref());
    }
    let mut text = String::new();
    std::io::BufReader::new(reader)
        .read_to_string(&mut text)
        .with_context(|| format!("{name}: cannot read as UTF-8 text"))?;
    let extracted = extract(&text, args.lang.lang(), args.date, &args.what, neural.as_ref())
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, &extracted)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

/// Records are read in batches and extracted in parallel; output keeps input order and memory stays flat.
fn run_jsonl(
    name: &str,
    reader: Box<dyn Read>,
    args: &ExtractArgs,
    neural: Option<&entities::NeuralTagger>,
) -> Result<ExitCode> {
    const BATCH: usize = 4096;
    let mut lines = std::io::BufReader::new(reader).lines().enumerate();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for (i, line) in lines.by_ref() {
            let line = line.with_context(|| format!("{name}:{}: cannot read line as UTF-8", i + 1))?;
            if !line.trim().is_empty() {
                batch.push((i + 1, line));
            }
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<String, String>> =
            batch.par_iter().map(|(n, line)| process_record(name, *n, line, args, neural)).collect();
        for r in results {
            match r {
                Ok(json) => writeln!(out, "{json}")?,
                Err(message) => {
                    failed = true;
                    eprintln!("lagebild: {message}");
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn process_record(
    name: &str,
    n: usize,
    line: &str,
    args: &ExtractArgs,
    neural: Option<&entities::NeuralTagger>,
) -> Result<String, String> {
    let record: Record = serde_json::from_str(line).map_err(|e| format!("{name}:{n}: invalid record: {e}"))?;
    let id = match record.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(num)) => num.to_string(),
        _ => return Err(format!("{name}:{n}: record needs an \"id\" (string or number)")),
    };
    let lang = match record.lang.as_deref() {
        Some(code) => Some(Lang::from_code(code).ok_or_else(|| format!("{name}:{n}: unsupported \"lang\" {code:?}"))?),
        None => args.lang.lang(),
    };
    let date = match record.date.as_deref() {
        Some(d) => Some(
            d.get(..10)
                .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
                .ok_or_else(|| format!("{name}:{n}: \"date\" is not YYYY-MM-DD: {d:?}"))?,
        ),
        None => args.date,
    };
    let mut extracted =
        extract(&record.text, lang, date, &args.what, neural).map_err(|e| format!("{name}:{n}: {e}"))?;
    extracted.id = Some(id);
    serde_json::to_string(&extracted).map_err(|e| format!("{name}:{n}: {e}"))
}
