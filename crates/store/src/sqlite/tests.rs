use super::*;
use lagebild_core::Story;

fn article(id: &str) -> Article {
    Article {
        id: id.to_string(),
        source: format!("test#{id}"),
        title: Some(format!("Title {id}")),
        published: Some("2024-10-21".into()),
        outlet: Some("dpa".into()),
        url: None,
        author: None,
        language: Some("de".into()),
        text: format!("Text of {id}."),
        removed: Vec::new(),
    }
}

fn analyzed(a: Article) -> AnalyzedArticle {
    AnalyzedArticle {
        article: a,
        entities: Vec::new(),
        figures: Vec::new(),
        times: Vec::new(),
        quotes: Vec::new(),
        duplicate_of: None,
        wire_agency: None,
    }
}

fn story_row(id: &str, articles: &[&str], last_seq: u64, updated: &str) -> StoryRow {
    let story = Story {
        id: id.into(),
        title: format!("Story {id}"),
        articles: articles.iter().map(|s| s.to_string()).collect(),
        entities: Vec::new(),
        figure_groups: Vec::new(),
        claims: Vec::new(),
        timeline: Vec::new(),
        summary: Vec::new(),
        outlets: Vec::new(),
    };
    let summary = StorySummary {
        id: id.into(),
        title: story.title.clone(),
        articles: articles.len(),
        outlets: vec!["dpa".into()],
        first_published: None,
        last_published: None,
        updated: updated.into(),
    };
    StoryRow { summary, story, last_seq }
}

#[test]
fn put_is_idempotent_and_pending_follows_arrival_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    let puts = store.put_articles(&[article("b"), article("a"), article("b")]).unwrap();
    assert_eq!(puts, vec![Put::Stored(1), Put::Stored(2), Put::Exists(1)]);
    assert_eq!(store.put_articles(&[article("a")]).unwrap(), vec![Put::Exists(2)]);
    let pending = store.pending(10).unwrap();
    assert_eq!(pending.iter().map(|(s, a)| (*s, a.id.as_str())).collect::<Vec<_>>(), vec![(1, "b"), (2, "a")]);
    assert_eq!(store.counts().unwrap(), Counts { articles: 2, pending: 2, stories: 0, analyzed_seq: 0 });
    assert!(matches!(store.article("a").unwrap(), Some(Stored::Pending { seq: 2, .. })));
    assert_eq!(store.article("zzz").unwrap(), None);
}

#[test]
fn analysis_moves_articles_out_of_pending_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = SqliteStore::open(dir.path()).unwrap();
        store.put_articles(&[article("x"), article("y"), article("z")]).unwrap();
        let rows = vec![
            AnalyzedRow { seq: 1, article: analyzed(article("x")), story: "s0".into() },
            AnalyzedRow { seq: 2, article: analyzed(article("y")), story: "s0".into() },
        ];
        let stories = vec![story_row("s0", &["x", "y"], 2, "2026-01-01T00:00:00.000Z")];
        store.save_analysis(&rows, &stories).unwrap();
    }
    let store = SqliteStore::open(dir.path()).unwrap();
    assert_eq!(store.counts().unwrap(), Counts { articles: 3, pending: 1, stories: 1, analyzed_seq: 2 });
    assert_eq!(store.pending(10).unwrap().iter().map(|(s, _)| *s).collect::<Vec<_>>(), vec![3]);
    match store.article("y").unwrap() {
        Some(Stored::Analyzed { seq: 2, story, article }) => {
            assert_eq!(story, "s0");
            assert_eq!(article.article.id, "y");
        }
        other => panic!("unexpected {other:?}"),
    }
    let json = store.story_json("s0").unwrap().unwrap();
    let story: Story = serde_json::from_str(&json).unwrap();
    assert_eq!(story.articles, vec!["x", "y"]);
    let members: Vec<String> = store.story_articles("s0").unwrap().into_iter().map(|a| a.article.id).collect();
    assert_eq!(members, vec!["x", "y"]);
    let replay: Vec<u64> = store.analyzed_after(1, 10).unwrap().iter().map(|r| r.seq).collect();
    assert_eq!(replay, vec![2]);
}

#[test]
fn story_list_is_newest_first_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    let stories = vec![
        story_row("s0", &["a"], 5, "2026-01-01T00:00:00.000Z"),
        story_row("s1", &["b"], 9, "2026-01-03T00:00:00.000Z"),
        story_row("s2", &["c"], 7, "2026-01-02T00:00:00.000Z"),
    ];
    store.save_analysis(&[], &stories).unwrap();
    let ids = |q: StoryQuery| store.stories(&q).unwrap().into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(StoryQuery { limit: 10, ..Default::default() }), vec!["s1", "s2", "s0"]);
    assert_eq!(ids(StoryQuery { limit: 2, ..Default::default() }), vec!["s1", "s2"]);
    let since = Some("2026-01-02T00:00:00.000Z".to_string());
    assert_eq!(ids(StoryQuery { since: since.clone(), limit: 10, ..Default::default() }), vec!["s1", "s2"]);
    let only = Some(vec!["s0".to_string(), "s2".to_string(), "nope".to_string()]);
    assert_eq!(ids(StoryQuery { ids: only.clone(), limit: 10, ..Default::default() }), vec!["s2", "s0"]);
    assert_eq!(ids(StoryQuery { ids: only, since, limit: 10 }), vec!["s2"]);
}

#[test]
fn a_second_open_of_the_same_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let _first = SqliteStore::open(dir.path()).unwrap();
    match SqliteStore::open(dir.path()) {
        Err(StoreError::Locked(msg)) => assert!(msg.contains("in use"), "{msg}"),
        Err(e) => panic!("wrong error {e}"),
        Ok(_) => panic!("second open succeeded"),
    }
}
