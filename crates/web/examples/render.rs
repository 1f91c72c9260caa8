//! Writes the web pages of a corpus to a folder, laid out like the server's URLs, so the pages can be looked at
//! (and driven by a browser) without the server: `cargo run --release -p lagebild-web --example render -- OUT
//! PATH...`, then `python3 -m http.server -d OUT`.

use lagebild_core::{AnalyzedArticle, StorySummary};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let out = args.next().expect("usage: render OUT PATH...");
    let paths: Vec<PathBuf> = args.collect();
    let files = lagebild_ingest::source::expand(&paths);
    let (articles, errors) = lagebild_ingest::read_all(files, &Default::default(), &|| {});
    for e in errors {
        eprintln!("{e}");
    }
    let doc = lagebild_pipeline::build(articles, None);
    std::fs::create_dir_all(out.join("assets"))?;
    std::fs::write(out.join("assets/app.css"), lagebild_web::APP_CSS)?;
    std::fs::write(out.join("assets/app.js"), lagebild_web::APP_JS)?;
    let mut summaries = Vec::new();
    for story in &doc.stories {
        let members: Vec<&AnalyzedArticle> =
            story.articles.iter().filter_map(|id| doc.articles.iter().find(|a| &a.article.id == id)).collect();
        let mut dates: Vec<&str> = members.iter().filter_map(|a| a.article.published.as_deref()).collect();
        dates.sort_unstable();
        summaries.push(StorySummary {
            id: story.id.clone(),
            title: story.title.clone(),
            articles: story.articles.len(),
            outlets: story.outlets.iter().map(|o| o.outlet.clone()).collect(),
            first_published: dates.first().map(|s| s.to_string()),
            last_published: dates.last().map(|s| s.to_string()),
            updated: "2026-01-01T00:00:00Z".into(),
        });
        let dir = out.join("stories").join(&story.id);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("index.html"), lagebild_web::story_page(story, &members))?;
    }
    std::fs::write(out.join("index.html"), lagebild_web::index_page(&summaries, None, &[]))?;
    println!("{} story pages in {}", doc.stories.len(), out.display());
    Ok(())
}
