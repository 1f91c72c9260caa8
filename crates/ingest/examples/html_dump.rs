//! Dumps what `extract_html` yields for every html-de and html-en dev page of `../shared/data` (one JSON
//! line per page, in file order), to diff the output of two extractor versions.
//!
//! cargo run --release -p lagebild-ingest --example html_dump > /tmp/a.jsonl

use flate2::read::GzDecoder;
use lagebild_ingest::{decode_html, extract_html};
use rayon::prelude::*;
use std::io::Read;
use std::path::Path;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    for set in ["html-de", "html-en"] {
        let Ok(list) = std::fs::read_to_string(data.join(set).join("dev.jsonl")) else { continue };
        for line in list.lines() {
            let record: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let file = data.join(set).join(record["file"].as_str().expect("file"));
            let mut bytes = Vec::new();
            GzDecoder::new(std::fs::File::open(&file).expect("open page")).read_to_end(&mut bytes).expect("gunzip");
            pages.push((format!("{set}/{}", record["id"].as_str().unwrap_or("page")), bytes));
        }
    }
    let lines: Vec<String> = pages
        .par_iter()
        .map(|(id, bytes)| {
            let page = extract_html(&decode_html(bytes)).unwrap_or_default();
            // the language an article gets: the page's if German or English, else detected from the text
            let lang = page
                .language
                .clone()
                .filter(|l| l == "de" || l == "en")
                .or_else(|| lagebild_ingest::detect_language(&page.text));
            serde_json::json!({
                "article_language": lang,
                "id": id, "title": page.title, "published": page.published, "author": page.author,
                "site": page.site, "url": page.url, "language": page.language, "text": page.text,
            })
            .to_string()
        })
        .collect();
    for l in lines {
        println!("{l}");
    }
}
