//! Prints the quotations found in text files: `cargo run --example quotes_dump -- FILE...` (German; `--en`).

use lagebild_core::Lang;

fn main() {
    let mut lang = Lang::De;
    for arg in std::env::args().skip(1) {
        if arg == "--en" {
            lang = Lang::En;
            continue;
        }
        let text = std::fs::read_to_string(&arg).expect("readable file");
        println!("== {arg}");
        for q in lagebild_extract::quotes::extract(&text, lang, &[]) {
            let sp = q.speaker.as_ref().map(|m| format!("{} => {:?}", m.text, m.entity)).unwrap_or_default();
            let via = q.via.as_ref().map(|m| format!(" via {}", m.text)).unwrap_or_default();
            let content: String = q.content.text.chars().take(90).collect();
            println!("{:?} [{sp}]{via} :: {content}", q.kind);
        }
    }
}
