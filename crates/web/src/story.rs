//! The story page: summary, figure groups with dot plots, sources side by side, timeline and entities, and the
//! reader panel in which every fact opens its article with the evidence marked.

use crate::index::{plural, short_date};
use crate::plot::dot_plot;
use crate::reader::{fact_attrs, render_docs, Ctx};
use crate::sources::sources;
use crate::{escape, page};
use lagebild_core::{AnalyzedArticle, EntityKind, Lagebild, Span, Story, SCHEMA_VERSION};
use lagebild_report::figure_line;
use std::fmt::Write;

/// Entities listed before the rest is folded away.
const ENTITIES_SHOWN: usize = 20;

/// `/stories/{id}`: one story with the articles it cites (in the story's order).
pub fn story_page(story: &Story, articles: &[&AnalyzedArticle]) -> String {
    let ctx = Ctx::new(articles);
    let mut o = String::from("<nav class=\"crumbs\"><a href=\"/\">← All stories</a></nav>");
    header(&mut o, story, &ctx);
    o.push_str("<div class=\"story-layout\"><div class=\"story-main\">");
    summary(&mut o, story, &ctx);
    figures(&mut o, story, articles, &ctx);
    o.push_str(
        "<section id=\"sources\"><h2>Sources side by side</h2><p class=\"hint\">What each outlet reports and whom \
         it cites. Click an item to read it in its article.</p>",
    );
    sources(&mut o, story, &ctx);
    o.push_str("</section>");
    timeline(&mut o, story, &ctx);
    entities(&mut o, story);
    o.push_str(
        "</div><aside class=\"reader\" id=\"reader\" aria-live=\"polite\"><p class=\"reader-empty\">Click a \
         summary sentence, a dot, a figure or a claim to read it in its article, with the evidence marked.</p>",
    );
    render_docs(&mut o, &ctx);
    o.push_str("</aside></div>");
    page(&story.title, None, &o)
}

fn header(o: &mut String, story: &Story, ctx: &Ctx) {
    let mut dates: Vec<&str> =
        ctx.docs.iter().filter_map(|d| d.art.article.published.as_deref()).map(short_date).collect();
    dates.sort_unstable();
    let span = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a != b => format!(" · {} – {}", escape(a), escape(b)),
        (Some(a), _) => format!(" · {}", escape(a)),
        _ => String::new(),
    };
    let _ = write!(
        o,
        "<header class=\"story-head\"><h1>{}</h1><div class=\"meta\">{} · {}{span}</div><div class=\"outlets\">",
        escape(&story.title),
        plural(story.articles.len(), "article", "articles"),
        plural(story.outlets.len(), "outlet", "outlets")
    );
    for c in &story.outlets {
        let _ = write!(o, "<span class=\"chip\">{} <b>{}</b></span>", escape(&c.outlet), c.articles);
    }
    o.push_str("</div></header>");
}

fn summary(o: &mut String, story: &Story, ctx: &Ctx) {
    if story.summary.is_empty() {
        return;
    }
    o.push_str("<section class=\"summary\"><h2>Summary</h2><ol>");
    for s in &story.summary {
        let _ = write!(
            o,
            "<li class=\"fact\"{}><span class=\"said\">{}</span> {}</li>",
            fact_attrs(&s.article, Span::new(s.start, s.end), None),
            escape(&s.text),
            ctx.cite(&s.article)
        );
    }
    o.push_str("</ol></section>");
}

fn figures(o: &mut String, story: &Story, articles: &[&AnalyzedArticle], ctx: &Ctx) {
    if story.figure_groups.is_empty() {
        return;
    }
    // `figure_line` reads figures through a Lagebild; the story's articles are few, so a copy is cheap.
    let doc = Lagebild {
        schema_version: SCHEMA_VERSION,
        articles: articles.iter().map(|a| (*a).clone()).collect(),
        stories: Vec::new(),
    };
    o.push_str(
        "<section class=\"figures\"><h2>Figures</h2><p class=\"hint\"><span class=\"key filled\"></span> attributed to \
         a source <span class=\"key hollow\"></span> not attributed · log scale · hover a dot for its sentence, click \
         to read it</p><div class=\"groups\">",
    );
    for g in &story.figure_groups {
        let flag = if g.disagree {
            "<span class=\"badge disagree\">sources disagree</span>"
        } else {
            "<span class=\"badge agree\">consistent</span>"
        };
        let _ = write!(
            o,
            "<figure class=\"group\" data-thing=\"{}\"><figcaption><h3>{}</h3>{flag}<span class=\"meta\">{}</span></figcaption>",
            escape(&g.thing),
            escape(&g.label),
            plural(g.members.len(), "report", "reports")
        );
        dot_plot(o, g, ctx);
        o.push_str("<ul class=\"values\">");
        for line in figure_line(g, &doc) {
            let _ = write!(o, "<li>{}</li>", escape(&line));
        }
        o.push_str("</ul></figure>");
    }
    o.push_str("</div></section>");
}

fn timeline(o: &mut String, story: &Story, ctx: &Ctx) {
    if story.timeline.is_empty() {
        return;
    }
    o.push_str("<section class=\"timeline\"><h2>Timeline</h2><ol>");
    for t in &story.timeline {
        let _ = write!(
            o,
            "<li><time>{}</time><div class=\"fact\"{}><span class=\"said\">{}</span> {}</div></li>",
            escape(&t.date),
            fact_attrs(&t.article, Span::new(t.start, t.end), None),
            escape(&t.text),
            ctx.cite(&t.article)
        );
    }
    o.push_str("</ol></section>");
}

fn entities(o: &mut String, story: &Story) {
    if story.entities.is_empty() {
        return;
    }
    let _ = write!(
        o,
        "<section class=\"entities\"><h2>Entities <span class=\"count\">{}</span></h2>",
        story.entities.len()
    );
    let (shown, rest) = story.entities.split_at(story.entities.len().min(ENTITIES_SHOWN));
    entity_table(o, shown);
    if !rest.is_empty() {
        let _ = write!(o, "<details><summary>{} more</summary>", rest.len());
        entity_table(o, rest);
        o.push_str("</details>");
    }
    o.push_str("</section>");
}

fn entity_table(o: &mut String, list: &[lagebild_core::StoryEntity]) {
    o.push_str(
        "<table><thead><tr><th>Name</th><th>Kind</th><th>Variants</th><th class=\"num\">Mentions</th>\
         <th class=\"num\">Articles</th></tr></thead><tbody>",
    );
    for e in list {
        let (kind, class) = match e.kind {
            EntityKind::Per => ("person", "per"),
            EntityKind::Org => ("organisation", "org"),
            EntityKind::Loc => ("place", "loc"),
            EntityKind::Misc => ("other", "misc"),
        };
        let variants: Vec<String> = e.variants.iter().map(|v| escape(v)).collect();
        let _ = write!(
            o,
            "<tr><td class=\"name\">{}</td><td><span class=\"kind {class}\">{kind}</span></td><td class=\"variants\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&e.canonical),
            variants.join(" · "),
            e.mentions,
            e.articles
        );
    }
    o.push_str("</tbody></table>");
}
