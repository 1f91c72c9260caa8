//! Plain text and Markdown: the Lagebild a person reads in a terminal or a note.

use crate::{figure_line, outlet_of};
use lagebild_core::Lagebild;
use std::fmt::Write;

/// The situation picture as plain text.
pub fn text(doc: &Lagebild) -> String {
    render(doc, false)
}

/// The situation picture as Markdown.
pub fn markdown(doc: &Lagebild) -> String {
    render(doc, true)
}

fn render(doc: &Lagebild, md: bool) -> String {
    let mut out = String::new();
    let h1 = |s: &str| if md { format!("# {s}\n\n") } else { format!("{s}\n{}\n\n", "=".repeat(s.chars().count())) };
    let h2 = |s: &str| if md { format!("## {s}\n\n") } else { format!("{s}\n{}\n", "-".repeat(s.chars().count())) };
    let h3 = |s: &str| if md { format!("### {s}\n\n") } else { format!("{s}:\n") };
    let bullet = if md { "- " } else { "  • " };
    out.push_str(&h1(&format!("Lagebild: {} articles, {} stories", doc.articles.len(), doc.stories.len())));
    for story in &doc.stories {
        out.push_str(&h2(&story.title));
        let outlets: Vec<String> = story.outlets.iter().map(|o| format!("{} ({})", o.outlet, o.articles)).collect();
        let _ = writeln!(out, "{} articles · {}\n", story.articles.len(), outlets.join(", "));
        if !story.summary.is_empty() {
            out.push_str(&h3("Summary"));
            for s in &story.summary {
                let _ = writeln!(out, "{bullet}{} [{}]", s.text, outlet_of(doc, &s.article));
            }
            out.push('\n');
        }
        if !story.figure_groups.is_empty() {
            out.push_str(&h3("Figures"));
            for g in &story.figure_groups {
                let flag = if g.disagree { " ⚠ sources disagree" } else { "" };
                let _ = writeln!(out, "{bullet}{}: {}{flag}", g.label, figure_line(g, doc).join(" · "));
            }
            out.push('\n');
        }
        if !story.claims.is_empty() {
            out.push_str(&h3("Sources and whom they cite"));
            for c in &story.claims {
                let via = c.via.as_deref().map(|v| format!(" via {v}")).unwrap_or_default();
                let only = if c.only_one_outlet { " (only this outlet)" } else { "" };
                let _ = writeln!(
                    out,
                    "{bullet}{}{via}: {} statement(s) in {}{only}",
                    c.source,
                    c.quotes.len(),
                    c.outlets.join(", ")
                );
            }
            out.push('\n');
        }
        if !story.timeline.is_empty() {
            out.push_str(&h3("Timeline"));
            for t in &story.timeline {
                let _ = writeln!(out, "{bullet}{}: {} [{}]", t.date, t.text, outlet_of(doc, &t.article));
            }
            out.push('\n');
        }
        if !story.entities.is_empty() {
            let names: Vec<String> = story
                .entities
                .iter()
                .take(12)
                .map(|e| {
                    if e.variants.len() > 1 {
                        format!("{} ({})", e.canonical, e.variants.join("/"))
                    } else {
                        e.canonical.clone()
                    }
                })
                .collect();
            let _ = writeln!(out, "{}{}\n", if md { "**Entities:** " } else { "Entities: " }, names.join(", "));
        }
    }
    out
}
