//! Sources side by side: one column per desk listing what each of its articles reports — figures with the
//! source they are attributed to, and claims with speaker and relay — every item opening its evidence.

use crate::escape;
use crate::index::{plural, short_date};
use crate::reader::{fact_attrs, Ctx, Doc};
use lagebild_core::{Claim, Span, Story};
use lagebild_report::format_value;
use std::collections::HashMap;
use std::fmt::Write;

/// Which group and claim each figure and quote of the story belongs to, by (article, index).
struct Index<'s> {
    groups: HashMap<(&'s str, usize), &'s str>,
    claims: HashMap<(&'s str, usize), &'s Claim>,
}

pub(crate) fn sources(o: &mut String, story: &Story, ctx: &Ctx) {
    let mut index = Index { groups: HashMap::new(), claims: HashMap::new() };
    for g in &story.figure_groups {
        for m in &g.members {
            index.groups.insert((m.article.as_str(), m.figure), g.label.as_str());
        }
    }
    for c in &story.claims {
        for q in &c.quotes {
            index.claims.insert((q.article.as_str(), q.quote), c);
        }
    }
    let _ = write!(o, "<div class=\"sources\" style=\"--desks:{}\">", ctx.desks.len());
    for desk in &ctx.desks {
        let _ = write!(
            o,
            "<section class=\"desk\"><header class=\"desk-head\"><h3>{}</h3><span class=\"meta\">{}</span></header>",
            escape(&desk.label),
            plural(desk.docs.len(), "article", "articles")
        );
        for &d in &desk.docs {
            article(o, &ctx.docs[d], ctx, &index);
        }
        o.push_str("</section>");
    }
    o.push_str("</div>");
}

fn article(o: &mut String, doc: &Doc, ctx: &Ctx, index: &Index) {
    let a = &doc.art.article;
    let mut meta = Vec::new();
    if let Some(p) = &a.published {
        meta.push(escape(short_date(p)));
    }
    if let Some(w) = &doc.art.wire_agency {
        meta.push(format!("wire: {}", escape(w)));
    }
    if let Some(orig) = doc.art.duplicate_of.as_deref().and_then(|id| ctx.doc(id)) {
        meta.push(format!("copy of {}", escape(&ctx.desks[orig.desk].label)));
    }
    let title = escape(a.title.as_deref().unwrap_or("(untitled)"));
    let _ = write!(
        o,
        "<div class=\"desk-article\"><button type=\"button\" class=\"open-article\" data-article=\"{}\" \
         title=\"{title}\">{title}</button><div class=\"meta\">{}</div>",
        escape(&a.id),
        meta.join(" · ")
    );
    let id = doc.id();
    let mut figures = String::new();
    // Figures that other outlets also report (members of a figure group) first: they are what to compare.
    let mut order: Vec<usize> = (0..doc.art.figures.len()).collect();
    order.sort_by_key(|i| !index.groups.contains_key(&(id, *i)));
    for i in order {
        let f = &doc.art.figures[i];
        let span = Span::new(f.start, f.end);
        let mut note = String::new();
        if let (Some(label), Some(v)) = (index.groups.get(&(id, i)), f.value) {
            let _ = write!(note, "<span class=\"norm\">{} {}</span>", format_value(v), escape(label));
        }
        let by = match &f.source {
            Some(s) => format!("<span class=\"by\">per {}</span>", escape(s)),
            None => "<span class=\"by none\">not attributed</span>".into(),
        };
        let _ = write!(
            figures,
            "<li class=\"fact figure\"{}><span class=\"said\">{}</span>{note}{by}</li>",
            fact_attrs(id, doc.sentence(f.start, f.end), Some(span)),
            escape(doc.slice(span))
        );
    }
    let mut claims = String::new();
    for (i, q) in doc.art.quotes.iter().enumerate() {
        let claim = index.claims.get(&(id, i));
        let speaker = claim
            .map(|c| c.source.as_str())
            .or(q.speaker.as_ref().map(|s| s.entity.as_deref().unwrap_or(&s.text)))
            .unwrap_or("unnamed");
        let via = q.via.as_ref().map(|v| v.text.as_str()).or(claim.and_then(|c| c.via.as_deref()));
        let mut who = format!("<span class=\"speaker\">{}</span>", escape(speaker));
        if let Some(v) = via {
            let _ = write!(who, " <span class=\"via\">via {}</span>", escape(v));
        }
        if claim.is_some_and(|c| c.only_one_outlet) {
            who.push_str(" <span class=\"badge solo\" title=\"no other outlet reports this source\">only here</span>");
        }
        let content = Span::new(q.content.start, q.content.end);
        let evidence = Span::new(q.start.min(content.start), q.end.max(content.end));
        let _ = write!(
            claims,
            "<li class=\"fact claim {}\"{}><div class=\"who\">{who}</div><span class=\"said\">{}</span></li>",
            kind_class(q.kind),
            fact_attrs(id, evidence, Some(content)),
            escape(doc.slice(content))
        );
    }
    if !figures.is_empty() {
        let _ = write!(o, "<h4>Figures</h4><ul class=\"facts\">{figures}</ul>");
    }
    if !claims.is_empty() {
        let _ = write!(o, "<h4>Claims</h4><ul class=\"facts\">{claims}</ul>");
    }
    if figures.is_empty() && claims.is_empty() {
        o.push_str("<p class=\"empty\">No figures or attributed claims.</p>");
    }
    o.push_str("</div>");
}

fn kind_class(kind: lagebild_core::QuoteKind) -> &'static str {
    use lagebild_core::QuoteKind::*;
    match kind {
        Direct => "direct",
        Indirect => "indirect",
        AccordingTo => "according-to",
        Reported => "reported",
        FreeIndirect => "free-indirect",
    }
}
