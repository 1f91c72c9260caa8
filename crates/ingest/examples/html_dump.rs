//! Dumps what `extract_html` yields for every html-de and html-en dev page of `../shared/data` (one JSON
//! line per page, in file order), to diff the output of two extractor versions.
//!
//! cargo run --release -p lagebild-ingest --example html_dump > /tmp/a.jsonl

#[path = "common/dev_pages.rs"]
mod dev_pages;

use lagebild_ingest::{decode_html, extract_html};
use rayon::prelude::*;

fn main() {
    let pages = dev_pages::dev_pages();
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
