//! Ingest: turn whatever a user has (files, folders, stdin, gzip; plain text, HTML, feeds, JSON Lines) into
//! clean, dated, attributed [`Article`]s.
//!
//! The stage is split the way data flows through it: [`source`] finds and reads inputs, `decode` turns bytes
//! into text, `format` sniffs what the text is, one reader per format builds raw articles, `meta` finds
//! dates and outlets, `clean` strips boilerplate, `lang` names the language.

mod clean;
mod decode;
mod error;
mod feed;
mod format;
mod html;
mod id;
mod jsonl;
mod lang;
mod meta;
mod rules;
pub mod source;
mod text;

pub use clean::remove_outlet_repeats;
pub use error::IngestError;
pub use format::Format;
pub use html::{decode_html, extract_html, HtmlPage};
pub use lang::detect as detect_language;
pub use source::Input;

use lagebild_core::Article;
use rayon::prelude::*;
use std::path::PathBuf;

/// How inputs are read; the defaults sniff everything.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force one format instead of sniffing it from the name and content.
    pub format: Option<Format>,
    /// Charset for inputs that are not UTF-8 and declare none (an `encoding_rs` label such as `latin1`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Parses one input into its articles (several for feeds and JSON Lines).
///
/// Errors are per article or record, so that one bad line never loses the rest of a file.
pub fn parse_input(input: &Input, options: &Options) -> Vec<Result<Article, IngestError>> {
    let decoded = match decode::decode(input, options) {
        Ok(d) => d,
        Err(e) => return vec![Err(e)],
    };
    let format = match options.format {
        Some(f) => f,
        None => match format::sniff(&input.name, &decoded) {
            Ok(f) => f,
            Err(e) => return vec![Err(e)],
        },
    };
    let mut out = match format {
        Format::Text => vec![Ok(text::read(&input.name, &decoded))],
        Format::Html => vec![html::read(&input.name, &decoded)],
        Format::Feed => feed::read(&input.name, &decoded),
        Format::Jsonl => jsonl::read(&input.name, &decoded),
    };
    for article in out.iter_mut().flatten() {
        finish(article);
    }
    out
}

/// Steps every reader shares: language, stable id.
fn finish(article: &mut Article) {
    if article.language.is_none() {
        article.language = lang::detect(&article.text);
    }
    if article.id.is_empty() {
        article.id = id::content_id(&article.text);
    }
}

/// Reads files (from [`source::expand`]) in parallel, keeping input order, then runs the batch cleaning
/// step; `tick` is called once per file (for a progress bar). Bad inputs come back as errors, the rest is
/// still read.
pub fn read_all(
    files: Vec<Result<PathBuf, IngestError>>,
    options: &Options,
    tick: &(dyn Fn() + Sync),
) -> (Vec<Article>, Vec<IngestError>) {
    let results: Vec<Vec<Result<Article, IngestError>>> = files
        .into_par_iter()
        .map(|file| {
            let out = match file.and_then(|p| source::read(&p)) {
                Ok(input) => parse_input(&input, options),
                Err(e) => vec![Err(e)],
            };
            tick();
            out
        })
        .collect();
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e),
        }
    }
    remove_outlet_repeats(&mut articles);
    (articles, errors)
}
