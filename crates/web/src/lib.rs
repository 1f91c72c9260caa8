//! The server's web pages, rendered on the server as strings; assets are embedded, nothing loads from
//! elsewhere. Every user-given string goes through [`escape`].
//!
//! Evidence is clickable everywhere on the story page: an element with class `fact` carries `data-article`
//! (article id), `data-start`/`data-end` (the evidence span) and optionally `data-em-start`/`data-em-end` (the
//! part to stress inside it), all in Unicode code points like every span in the data. The article texts are
//! rendered once per page as paragraphs with their code point offset (`data-start`), so `app.js` can mark any
//! span without converting offsets.

mod index;
mod plot;
mod reader;
mod sources;
mod story;

pub use index::index_page;
pub use lagebild_report::escape;
pub use story::story_page;

/// Stylesheet served at `/assets/app.css`.
pub const APP_CSS: &str = include_str!("../assets/app.css");
/// Script served at `/assets/app.js`.
pub const APP_JS: &str = include_str!("../assets/app.js");

/// The document shell shared by all pages: one stylesheet, one script, a header with the search box.
fn page(title: &str, query: Option<&str>, body: &str) -> String {
    let q = query.map(|q| format!(" value=\"{}\"", escape(q))).unwrap_or_default();
    format!(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · lagebild</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body>\
         <header class=\"top\"><a class=\"brand\" href=\"/\">lagebild</a>\
         <form class=\"search\" action=\"/\" method=\"get\" role=\"search\">\
         <input name=\"q\" type=\"search\" placeholder=\"Search articles…\" aria-label=\"Search articles\"{q}>\
         <button type=\"submit\">Search</button></form></header>\
         <main>{body}</main><script src=\"/assets/app.js\"></script></body></html>",
        escape(title)
    )
}

/// A plain error page (404 and the like).
pub fn message_page(title: &str, message: &str) -> String {
    page(
        title,
        None,
        &format!(
            "<section class=\"message\"><h1>{}</h1><p>{}</p><p><a href=\"/\">All stories</a></p></section>",
            escape(title),
            escape(message)
        ),
    )
}
