//! The pages rendered from real pipeline output (the example corpus, and the seeds when ../shared/seeds exists):
//! the CSS hooks the browser test relies on exist, every clickable fact points at a valid code point span of
//! its article whose text is what the page shows, the article texts round-trip, and user text is escaped.

use lagebild_core::{AnalyzedArticle, Article, Lagebild, SearchHit, Story, StorySummary};
use lagebild_web::{index_page, message_page, story_page};
use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn build(paths: &[PathBuf]) -> Lagebild {
    let (articles, errors) =
        lagebild_ingest::read_all(lagebild_ingest::source::expand(paths), &Default::default(), &|| {});
    assert!(errors.is_empty(), "{errors:?}");
    lagebild_pipeline::build(articles, None)
}

fn corpus() -> &'static Lagebild {
    static DOC: OnceLock<Lagebild> = OnceLock::new();
    DOC.get_or_init(|| build(&[root().join("examples/corpus")]))
}

fn members<'a>(doc: &'a Lagebild, story: &Story) -> Vec<&'a AnalyzedArticle> {
    story.articles.iter().map(|id| doc.articles.iter().find(|a| &a.article.id == id).expect("story article")).collect()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn attr(e: &ElementRef, name: &str) -> Option<usize> {
    e.value().attr(name).map(|v| v.parse().expect("numeric span attribute"))
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn text_of(e: ElementRef) -> String {
    e.text().collect()
}

/// Dots drawn per figure group of a rendered story page, in the story's order.
fn dots_per_group(page: &Html) -> Vec<(String, usize)> {
    page.select(&sel("figure.group"))
        .map(|g| {
            let thing = g.value().attr("data-thing").unwrap_or_default().to_string();
            (thing, g.select(&sel("svg.dotplot circle.dot")).count())
        })
        .collect()
}

#[test]
fn a_figure_group_gives_a_dot_plot_with_a_dot_per_member() {
    let doc = corpus();
    let mut plots = 0;
    for story in &doc.stories {
        let arts = members(doc, story);
        let page = Html::parse_document(&story_page(story, &arts));
        assert!(page.errors.is_empty(), "{}: {:?}", story.id, page.errors);
        let drawn = dots_per_group(&page);
        assert_eq!(drawn.len(), story.figure_groups.len(), "{}", story.id);
        for (g, (thing, dots)) in story.figure_groups.iter().zip(&drawn) {
            let with_value = g
                .members
                .iter()
                .filter(|m| arts.iter().any(|a| a.article.id == m.article && a.figures[m.figure].value.is_some()))
                .count();
            assert_eq!(thing, &g.thing);
            assert_eq!(*dots, with_value, "{}: {}", story.id, g.label);
            plots += 1;
        }
        for hook in [".summary", ".sources", ".timeline", ".entities"] {
            let expected = match hook {
                ".summary" => !story.summary.is_empty(),
                ".timeline" => !story.timeline.is_empty(),
                ".entities" => !story.entities.is_empty(),
                _ => true,
            };
            assert_eq!(page.select(&sel(hook)).next().is_some(), expected, "{} {hook}", story.id);
        }
        let ticks = page.select(&sel("svg.dotplot .tick-label")).count();
        assert!(story.figure_groups.is_empty() || ticks >= story.figure_groups.len() * 2, "{}: ticks", story.id);
        let disagree = story.figure_groups.iter().filter(|g| g.disagree).count();
        assert_eq!(page.select(&sel("figure.group .badge.disagree")).count(), disagree);
        assert_eq!(page.select(&sel("svg.dotplot.disagree")).count(), disagree);
    }
    assert!(plots >= 10, "the example corpus has figure groups");
}

/// Every `.fact` names an article of the story and a code point span inside its text; what the fact shows
/// (`.said`, or a dot's tooltip) is that span's text.
fn check_facts(story: &Story, arts: &[&AnalyzedArticle]) -> usize {
    let page = Html::parse_document(&story_page(story, arts));
    let mut n = 0;
    for fact in page.select(&sel(".fact")) {
        let id = fact.value().attr("data-article").expect("data-article");
        let art = arts.iter().find(|a| a.article.id == id).unwrap_or_else(|| panic!("{id} is not in {}", story.id));
        let text = &art.article.text;
        let len = text.chars().count();
        let (start, end) = (attr(&fact, "data-start").unwrap(), attr(&fact, "data-end").unwrap());
        assert!(start < end && end <= len, "{id}: {start}..{end} of {len}");
        let (em_start, em_end) = match (attr(&fact, "data-em-start"), attr(&fact, "data-em-end")) {
            (Some(a), Some(b)) => {
                assert!(start <= a && a < b && b <= end, "{id}: stress {a}..{b} outside {start}..{end}");
                (a, b)
            }
            _ => (start, end),
        };
        if let Some(said) = fact.select(&sel(".said")).next() {
            assert_eq!(text_of(said).trim(), slice(text, em_start, em_end).trim(), "{id} {start}..{end}");
        } else {
            let title = fact.select(&sel("title")).next().map(text_of).expect("a dot has a title");
            assert!(title.contains(slice(text, start, end).trim()), "{id}: {title}");
            assert!(title.contains(&slice(text, em_start, em_end)), "{id}: {title}");
        }
        n += 1;
    }
    for doc in page.select(&sel(".doc")) {
        let id = doc.value().attr("data-article").unwrap();
        let text = &arts.iter().find(|a| a.article.id == id).unwrap().article.text;
        let mut covered = 0;
        for p in doc.select(&sel("p")) {
            let start = attr(&p, "data-start").unwrap();
            let shown = text_of(p);
            let n = shown.chars().count();
            assert_eq!(shown, slice(text, start, start + n), "{id} paragraph at {start}");
            covered += n;
        }
        assert_eq!(
            covered,
            text.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| p.chars().count()).sum::<usize>()
        );
    }
    n
}

#[test]
fn every_fact_is_a_code_point_span_of_its_article() {
    let doc = corpus();
    let facts: usize = doc.stories.iter().map(|s| check_facts(s, &members(doc, s))).sum();
    assert!(facts > 200, "{facts} facts");
}

fn article(id: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        source: format!("test#{id}"),
        title: Some(title.into()),
        published: Some("2025-02-03".into()),
        outlet: Some("Test<Post>".into()),
        url: Some("javascript:alert(3)".into()),
        author: None,
        language: Some("de".into()),
        text: text.into(),
        removed: vec![],
    }
}

#[test]
fn script_in_a_title_and_a_body_is_escaped_and_astral_characters_keep_offsets() {
    let text = "🐧🐧 Im Tiergarten von Quellbrunn sind am Montag 14 Pinguine geschlüpft, teilte der Zoo mit. \
                <script>alert(2)</script> 😀 Nach Angaben des Direktors Emil Sandvik kamen rund 3.000 Besucher.\n\n\
                Der Zoo hatte 2024 insgesamt 120 Pinguine.";
    let doc = lagebild_pipeline::build(vec![article("x1", "<script>alert(1)</script> Pinguine", text)], None);
    let story = &doc.stories[0];
    let arts = members(&doc, story);
    let html = story_page(story, &arts);
    assert!(!html.contains("<script>alert"), "unescaped script");
    let page = Html::parse_document(&html);
    assert_eq!(page.select(&sel("script")).count(), 1, "only app.js");
    assert!(page.select(&sel("a[href^='javascript']")).next().is_none(), "a javascript: link");
    let h1 = text_of(page.select(&sel("h1")).next().unwrap());
    assert!(h1.contains("<script>alert(1)</script>"), "{h1}");
    assert!(page.select(&sel(".desk-head h3")).any(|h| text_of(h) == "Test<Post>"));
    let body: String = page.select(&sel(".doc p")).map(text_of).collect();
    assert!(body.contains("<script>alert(2)</script>"));
    let pinguine = page.select(&sel(".sources .fact.figure")).find(|f| text_of(*f).contains("14 Pinguine"));
    let f = pinguine.expect("a figure fact for 14 Pinguine");
    let (a, b) = (attr(&f, "data-em-start").unwrap(), attr(&f, "data-em-end").unwrap());
    assert_eq!(slice(text, a, b), "14 Pinguine");
    assert!(check_facts(story, &arts) > 0);

    let summary = StorySummary {
        id: "s\"1".into(),
        title: "<script>alert(4)</script>".into(),
        articles: 1,
        outlets: vec!["<b>x</b>".into()],
        first_published: None,
        last_published: None,
        updated: "2026-01-01T00:00:00Z".into(),
    };
    let hit = SearchHit {
        article: "x1".into(),
        story: Some("s\"1".into()),
        title: Some("<script>alert(5)</script>".into()),
        outlet: None,
        published: None,
        snippet: "<img src=x onerror=alert(6)>".into(),
        score: 1.0,
    };
    let index = index_page(&[summary], Some("\"><script>alert(7)</script>"), &[hit]);
    let page = Html::parse_document(&index);
    assert_eq!(page.select(&sel("script")).count(), 1, "{index}");
    assert!(page.select(&sel("img")).next().is_none());
    assert_eq!(page.select(&sel(".story-list .story-item")).count(), 1);
    assert_eq!(page.select(&sel(".hit-list .hit")).count(), 1);
    let q = page.select(&sel("input[name=q]")).next().unwrap();
    assert_eq!(q.value().attr("value"), Some("\"><script>alert(7)</script>"));
    assert!(page.select(&sel("a[href='/stories/s&quot;1'], a[href='/stories/s\"1']")).count() == 2);
    let message = message_page("<script>x</script>", "<script>y</script>");
    assert_eq!(Html::parse_document(&message).select(&sel("script")).count(), 1);
}

#[test]
fn the_seeds_story_has_a_soldier_dot_plot() {
    let seeds = root().join("../shared/seeds");
    if !seeds.is_dir() {
        println!("[skip] {} not found: no seeds story to render", seeds.display());
        return;
    }
    let doc = build(&[seeds]);
    assert_eq!(doc.stories.len(), 1, "the seeds form one story");
    let story = &doc.stories[0];
    let arts = members(&doc, story);
    let page = Html::parse_document(&story_page(story, &arts));
    let soldiers = dots_per_group(&page).into_iter().find(|(thing, _)| thing == "soldat");
    let (_, dots) = soldiers.expect("a soldier figure group");
    println!("seeds story {}: {dots} dots in the soldier plot", story.id);
    assert!(dots >= 3, "{dots} dots");
    assert!(check_facts(story, &arts) > 20);
}
