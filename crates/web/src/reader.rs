//! What the story page knows about its articles: their sentences, the desk (outlet column) each belongs to,
//! the evidence attributes of clickable facts, and the article texts the reader panel shows.

use crate::escape;
use crate::index::short_date;
use lagebild_core::{AnalyzedArticle, Span};
use lagebild_text::sentences::sentences;
use std::collections::HashMap;
use std::fmt::Write;

/// The articles of one story page, grouped into desks.
pub(crate) struct Ctx<'a> {
    pub docs: Vec<Doc<'a>>,
    pub desks: Vec<Desk>,
    by_id: HashMap<&'a str, usize>,
}

/// One article with its sentence spans (to show a figure with the sentence that states it).
pub(crate) struct Doc<'a> {
    pub art: &'a AnalyzedArticle,
    pub desk: usize,
    sentences: Vec<Span>,
}

/// A column of the sources view and a row label of the dot plots: one outlet, or one article whose outlet is
/// unknown (articles of unknown outlets are not lumped together: they may come from anywhere).
pub(crate) struct Desk {
    pub label: String,
    /// Label for plot rows: the outlet, or a shortened title.
    pub short: String,
    /// Indexes into `Ctx::docs`, in story order.
    pub docs: Vec<usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(articles: &[&'a AnalyzedArticle]) -> Self {
        let mut desks: Vec<Desk> = Vec::new();
        let mut outlets: Vec<(&str, usize)> = Vec::new();
        let mut docs = Vec::with_capacity(articles.len());
        for (i, a) in articles.iter().enumerate() {
            let desk = match a.article.outlet.as_deref() {
                Some(o) => match outlets.iter().find(|(x, _)| *x == o) {
                    Some(&(_, d)) => d,
                    None => {
                        outlets.push((o, desks.len()));
                        desks.push(Desk { label: o.to_string(), short: o.to_string(), docs: Vec::new() });
                        desks.len() - 1
                    }
                },
                None => {
                    let title = a.article.title.as_deref().unwrap_or(&a.article.id);
                    desks.push(Desk { label: "Unknown outlet".into(), short: shorten(title, 22), docs: Vec::new() });
                    desks.len() - 1
                }
            };
            desks[desk].docs.push(i);
            docs.push(Doc { art: a, desk, sentences: sentences(&a.article.text) });
        }
        let by_id = articles.iter().enumerate().map(|(i, a)| (a.article.id.as_str(), i)).collect();
        Ctx { docs, desks, by_id }
    }

    pub fn doc(&self, id: &str) -> Option<&Doc<'a>> {
        self.by_id.get(id).map(|&i| &self.docs[i])
    }

    /// The outlet an article's sentence is cited with; the article title shows on hover.
    pub fn cite(&self, id: &str) -> String {
        match self.doc(id) {
            Some(d) => format!(
                "<cite title=\"{}\">{}</cite>",
                escape(d.art.article.title.as_deref().unwrap_or("")),
                escape(&self.desks[d.desk].label)
            ),
            None => "<cite>?</cite>".into(),
        }
    }
}

impl Doc<'_> {
    pub fn id(&self) -> &str {
        &self.art.article.id
    }

    /// The sentence that holds `start..end`, or that span itself when it crosses sentences.
    pub fn sentence(&self, start: usize, end: usize) -> Span {
        self.sentences.iter().copied().find(|s| s.start <= start && end <= s.end).unwrap_or(Span::new(start, end))
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.art.article.text)
    }
}

/// Attributes of a clickable fact: the article, the evidence span and the part of it to stress.
pub(crate) fn fact_attrs(article: &str, evidence: Span, stress: Option<Span>) -> String {
    let mut o = format!(
        " data-article=\"{}\" data-start=\"{}\" data-end=\"{}\" tabindex=\"0\" role=\"button\"",
        escape(article),
        evidence.start,
        evidence.end
    );
    if let Some(s) = stress {
        let _ = write!(o, " data-em-start=\"{}\" data-em-end=\"{}\"", s.start, s.end);
    }
    o
}

/// Every article's text, hidden until a fact opens it: one `<p>` per paragraph with its code point offset, the
/// text exactly as in the data (a carriage return is written as a reference so the parser keeps it).
pub(crate) fn render_docs(o: &mut String, ctx: &Ctx) {
    for d in &ctx.docs {
        let a = &d.art.article;
        let mut meta = vec![escape(&ctx.desks[d.desk].label)];
        if let Some(p) = &a.published {
            meta.push(escape(short_date(p)));
        }
        if let Some(author) = &a.author {
            meta.push(escape(author));
        }
        if let Some(url) = a.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
            meta.push(format!("<a href=\"{}\" rel=\"noopener noreferrer\">original</a>", escape(url)));
        }
        if let Some(agency) = &d.art.wire_agency {
            meta.push(format!("wire: {}", escape(agency)));
        }
        let _ = write!(
            o,
            "<article class=\"doc\" data-article=\"{}\" hidden><h3>{}</h3><div class=\"meta\">{}</div><div class=\"doc-text\">",
            escape(&a.id),
            escape(a.title.as_deref().unwrap_or("(untitled)")),
            meta.join(" · ")
        );
        let mut offset = 0;
        for para in a.text.split("\n\n") {
            let len = para.chars().count();
            if !para.trim().is_empty() {
                let _ = write!(o, "<p data-start=\"{offset}\">{}</p>", escape(para).replace('\r', "&#13;"));
            }
            offset += len + 2;
        }
        o.push_str("</div></article>");
    }
}

/// At most `max` characters, with an ellipsis when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
