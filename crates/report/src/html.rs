//! One self-contained HTML page (no scripts, no external assets); every user-given string is escaped.

use crate::{figure_line, outlet_of};
use lagebild_core::Lagebild;
use std::fmt::Write;

const STYLE: &str =
    "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}table{border-collapse:collapse;width:100%}\
td,th{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;vertical-align:top}.meta{color:#666}\
.warn{color:#b00;font-weight:600}.src{color:#555;font-size:.9em}";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The situation picture as one HTML page.
pub fn html(doc: &Lagebild) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Lagebild</title><style>{STYLE}</style></head><body>\
         <h1>Lagebild</h1><p class=\"meta\">{} articles · {} stories</p>",
        doc.articles.len(),
        doc.stories.len()
    );
    for story in &doc.stories {
        let outlets: Vec<String> =
            story.outlets.iter().map(|c| format!("{} ({})", escape(&c.outlet), c.articles)).collect();
        let _ = write!(
            o,
            "<section id=\"{}\"><h2>{}</h2><p class=\"meta\">{} articles · {}</p>",
            escape(&story.id),
            escape(&story.title),
            story.articles.len(),
            outlets.join(", ")
        );
        if !story.summary.is_empty() {
            o.push_str("<h3>Summary</h3><ul>");
            for s in &story.summary {
                let _ = write!(
                    o,
                    "<li>{} <span class=\"src\">[{}]</span></li>",
                    escape(&s.text),
                    escape(&outlet_of(doc, &s.article))
                );
            }
            o.push_str("</ul>");
        }
        if !story.figure_groups.is_empty() {
            o.push_str("<h3>Figures</h3><table><tr><th>What</th><th>Values (source; outlets)</th></tr>");
            for g in &story.figure_groups {
                let warn = if g.disagree { " <span class=\"warn\">sources disagree</span>" } else { "" };
                let values: Vec<String> = figure_line(g, doc).iter().map(|l| escape(l)).collect();
                let _ = write!(o, "<tr><td>{}{warn}</td><td>{}</td></tr>", escape(&g.label), values.join("<br>"));
            }
            o.push_str("</table>");
        }
        if !story.claims.is_empty() {
            o.push_str("<h3>Sources and whom they cite</h3><table><tr><th>Source</th><th>Via</th><th>Outlets</th><th>Statements</th></tr>");
            for c in &story.claims {
                let only = if c.only_one_outlet { " <span class=\"src\">(only one outlet)</span>" } else { "" };
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}{only}</td><td>{}</td></tr>",
                    escape(&c.source),
                    escape(c.via.as_deref().unwrap_or("")),
                    escape(&c.outlets.join(", ")),
                    c.quotes.len()
                );
            }
            o.push_str("</table>");
        }
        if !story.timeline.is_empty() {
            o.push_str("<h3>Timeline</h3><table>");
            for t in &story.timeline {
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{} <span class=\"src\">[{}]</span></td></tr>",
                    escape(&t.date),
                    escape(&t.text),
                    escape(&outlet_of(doc, &t.article))
                );
            }
            o.push_str("</table>");
        }
        if !story.entities.is_empty() {
            let names: Vec<String> = story.entities.iter().take(20).map(|e| escape(&e.variants.join(" / "))).collect();
            let _ = write!(o, "<p class=\"meta\">Entities: {}</p>", names.join(", "));
        }
        o.push_str("</section>");
    }
    o.push_str("</body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_core::*;

    #[test]
    fn escapes_titles_and_text() {
        let doc = Lagebild {
            schema_version: SCHEMA_VERSION,
            articles: vec![],
            stories: vec![Story {
                id: "s<1>".into(),
                title: "<script>alert(1)</script>".into(),
                articles: vec![],
                entities: vec![],
                figure_groups: vec![],
                claims: vec![],
                timeline: vec![],
                summary: vec![SummarySentence { article: "a".into(), start: 0, end: 5, text: "x <b>\"y\"</b>".into() }],
                outlets: vec![],
            }],
        };
        let page = html(&doc);
        assert!(!page.contains("<script>alert"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("x &lt;b&gt;&quot;y&quot;&lt;/b&gt;"));
    }
}
