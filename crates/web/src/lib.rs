//! The server's web pages, rendered on the server as strings; assets are embedded, nothing loads from
//! elsewhere. Every user-given string goes through [`escape`].

use lagebild_core::{AnalyzedArticle, SearchHit, Story, StorySummary};
pub use lagebild_report::escape;
use std::fmt::Write;

/// Stylesheet served at `/assets/app.css`.
pub const APP_CSS: &str = include_str!("../assets/app.css");
/// Script served at `/assets/app.js`.
pub const APP_JS: &str = include_str!("../assets/app.js");

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{} · lagebild</title>\
         <link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body>{body}<script src=\"/assets/app.js\"></script></body></html>",
        escape(title)
    )
}

/// `/`: the story list, newest first, with a search box; `hits` are shown when `query` is given.
pub fn index_page(stories: &[StorySummary], query: Option<&str>, hits: &[SearchHit]) -> String {
    let mut o = String::from("<h1>Lagebild</h1><form action=\"/\" method=\"get\"><input name=\"q\" type=\"search\"");
    if let Some(q) = query {
        let _ = write!(o, " value=\"{}\"", escape(q));
    }
    o.push_str("><button>Search</button></form>");
    if query.is_some() {
        o.push_str("<ul class=\"hits\">");
        for h in hits {
            let href = h.story.as_deref().map(|s| format!("/stories/{}", escape(s))).unwrap_or_default();
            let _ = write!(
                o,
                "<li><a href=\"{href}\">{}</a> <span class=\"meta\">{}</span><br>{}</li>",
                escape(h.title.as_deref().unwrap_or(&h.article)),
                escape(h.outlet.as_deref().unwrap_or("")),
                escape(&h.snippet)
            );
        }
        o.push_str("</ul>");
    }
    o.push_str("<ul class=\"stories\">");
    for s in stories {
        let _ = write!(
            o,
            "<li><a href=\"/stories/{}\">{}</a> <span class=\"meta\">{} articles · {} · updated {}</span></li>",
            escape(&s.id),
            escape(&s.title),
            s.articles,
            escape(&s.outlets.join(", ")),
            escape(&s.updated)
        );
    }
    o.push_str("</ul>");
    page("Stories", &o)
}

/// `/stories/{id}`: one story with the articles it cites (in the story's order).
pub fn story_page(story: &Story, articles: &[&AnalyzedArticle]) -> String {
    let mut o = String::new();
    let _ = write!(o, "<h1>{}</h1><p class=\"meta\">{} articles</p>", escape(&story.title), articles.len());
    o.push_str("<ul class=\"summary\">");
    for s in &story.summary {
        let _ = write!(o, "<li>{}</li>", escape(&s.text));
    }
    o.push_str("</ul>");
    page(&story.title, &o)
}

/// A plain error page (404 and the like).
pub fn message_page(title: &str, message: &str) -> String {
    page(title, &format!("<h1>{}</h1><p>{}</p><p><a href=\"/\">All stories</a></p>", escape(title), escape(message)))
}
