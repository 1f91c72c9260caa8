//! The story list and search results.

use crate::{escape, page};
use lagebild_core::{SearchHit, StorySummary};
use std::fmt::Write;

/// `/`: the story list, newest first, with a search box; `hits` are shown when `query` is given.
pub fn index_page(stories: &[StorySummary], query: Option<&str>, hits: &[SearchHit]) -> String {
    let mut o = String::new();
    if let Some(q) = query {
        let _ = write!(
            o,
            "<section class=\"hits\"><h2>{} for “{}”</h2>",
            plural(hits.len(), "match", "matches"),
            escape(q)
        );
        if hits.is_empty() {
            o.push_str("<p class=\"empty\">No article matches. Try fewer or other words.</p>");
        } else {
            o.push_str("<ol class=\"hit-list\">");
            let terms: Vec<String> = q
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| t.chars().count() >= 3)
                .map(str::to_lowercase)
                .collect();
            for h in hits {
                hit(&mut o, h, stories, &terms);
            }
            o.push_str("</ol>");
        }
        o.push_str("</section>");
    }
    let _ = write!(o, "<section class=\"stories\"><h1>Stories <span class=\"count\">{}</span></h1>", stories.len());
    if stories.is_empty() {
        o.push_str("<p class=\"empty\">No stories yet: add articles with <code>lagebild ingest</code>.</p>");
    }
    o.push_str("<ol class=\"story-list\">");
    for s in stories {
        let span = match (s.first_published.as_deref(), s.last_published.as_deref()) {
            (Some(a), Some(b)) if short_date(a) != short_date(b) => {
                format!("{} – {}", escape(short_date(a)), escape(short_date(b)))
            }
            (Some(a), _) | (None, Some(a)) => escape(short_date(a)),
            (None, None) => "undated".into(),
        };
        let _ = write!(
            o,
            "<li class=\"story-item\"><a class=\"story-title\" href=\"/stories/{}\">{}</a>\
             <div class=\"meta\"><span>{}</span><span>{span}</span><span>updated {}</span></div>\
             <div class=\"outlets\">{}</div></li>",
            escape(&s.id),
            escape(&s.title),
            plural(s.articles, "article", "articles"),
            escape(&short_time(&s.updated)),
            s.outlets.iter().map(|x| format!("<span class=\"chip\">{}</span>", escape(x))).collect::<String>()
        );
    }
    o.push_str("</ol></section>");
    let title = match query {
        Some(q) => format!("Search: {q}"),
        None => "Stories".into(),
    };
    page(&title, query, &o)
}

fn hit(o: &mut String, h: &SearchHit, stories: &[StorySummary], terms: &[String]) {
    let title = escape(h.title.as_deref().unwrap_or(&h.article));
    let link = match &h.story {
        Some(s) => format!("<a class=\"story-title\" href=\"/stories/{}\">{title}</a>", escape(s)),
        None => format!("<span class=\"story-title\">{title}</span>"),
    };
    let mut meta = String::new();
    for part in [h.outlet.as_deref(), h.published.as_deref().map(short_date)].into_iter().flatten() {
        let _ = write!(meta, "<span>{}</span>", escape(part));
    }
    if let Some(story) = h.story.as_deref().and_then(|id| stories.iter().find(|s| s.id == id)) {
        let _ = write!(meta, "<span>story: {}</span>", escape(&story.title));
    }
    let _ = write!(
        o,
        "<li class=\"hit\">{link}<div class=\"meta\">{meta}</div><p class=\"snippet\">{}</p></li>",
        emphasize(&h.snippet, terms)
    );
}

/// The snippet, escaped, with words that begin with a query term in `<mark>` (a prefix, as the index stems).
fn emphasize(snippet: &str, terms: &[String]) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if terms.iter().any(|t| lower.starts_with(t.as_str())) {
            let _ = write!(out, "<mark>{}</mark>", escape(word));
        } else {
            out.push_str(&escape(word));
        }
        word.clear();
    };
    for c in snippet.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    flush(&mut word, &mut out);
    out
}

/// "1 article", "3 articles".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The day of an ISO 8601 date or date-time ("2024-10-21T13:07:00+02:00" → "2024-10-21").
pub(crate) fn short_date(s: &str) -> &str {
    s.get(..10).filter(|d| d.as_bytes().get(4) == Some(&b'-')).unwrap_or(s)
}

/// An RFC 3339 time to the minute ("2026-11-22T22:31:05Z" → "2026-11-22 22:31 UTC").
fn short_time(s: &str) -> String {
    match (s.get(..10), s.get(11..16)) {
        (Some(d), Some(t)) if s.ends_with('Z') => format!("{d} {t} UTC"),
        (Some(d), Some(t)) => format!("{d} {t}"),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_query_words_in_escaped_snippets() {
        let terms = vec!["feuerwehr".to_string()];
        assert_eq!(
            emphasize("Die Feuerwehrleute <b>& die feuerwehr", &terms),
            "Die <mark>Feuerwehrleute</mark> &lt;b&gt;&amp; die <mark>feuerwehr</mark>"
        );
    }

    #[test]
    fn shortens_dates_and_times() {
        assert_eq!(short_date("2024-10-21T13:07:00+02:00"), "2024-10-21");
        assert_eq!(short_date("2024-10"), "2024-10");
        assert_eq!(short_time("2026-11-22T22:31:05Z"), "2026-11-22 22:31 UTC");
        assert_eq!(short_time("gestern"), "gestern");
    }
}
