//! The html-de and html-en dev pages of `../shared/data` (empty when absent), shared by the HTML examples.

use flate2::read::GzDecoder;
use std::io::Read;
use std::path::Path;

/// `(set/id, gunzipped bytes)` of every dev page, in file order.
pub fn dev_pages() -> Vec<(String, Vec<u8>)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let mut pages = Vec::new();
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
    pages
}
