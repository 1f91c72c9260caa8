//! The five real German seed articles (read from ../shared/seeds, never copied into the repo): every
//! boilerplate line is cut with the right reason, every other line survives as a body paragraph.

use lagebild_core::{Article, RemovalReason};
use lagebild_ingest::{parse_input, source, Options};
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    dir.is_dir().then_some(dir)
}

fn load(prefix: &str) -> Option<(String, Article)> {
    let dir = seeds_dir()?;
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))?;
    let input = source::read(&path).expect("seed readable");
    let raw = String::from_utf8(input.bytes.clone()).unwrap();
    let mut articles: Vec<Article> = parse_input(&input, &Options::default()).into_iter().map(|r| r.unwrap()).collect();
    assert_eq!(articles.len(), 1);
    Some((raw, articles.remove(0)))
}

macro_rules! seed_or_skip {
    ($prefix:expr) => {
        match load($prefix) {
            Some(x) => x,
            None => {
                println!("[skip] seeds: ../shared/seeds not found");
                return;
            }
        }
    };
}

fn reasons(a: &Article, reason: RemovalReason) -> Vec<&str> {
    a.removed.iter().filter(|r| r.reason == reason).map(|r| r.text.as_str()).collect()
}

/// Nothing lost: every raw line is a body paragraph, or (part of) a removed piece.
fn assert_accounted(raw: &str, a: &Article) {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = norm(&a.text);
    let removed: Vec<String> = a.removed.iter().map(|r| norm(&r.text)).collect();
    for line in raw.lines().map(norm).filter(|l| !l.is_empty()) {
        let line = line.as_str();
        let in_text = text.contains(line);
        let in_removed = removed.iter().any(|r| line.contains(r.as_str()) || r.contains(line));
        assert!(in_text || in_removed, "{}: line lost: {line:.60}", a.source);
    }
}

/// Body lines: everything that is not removed must be in the text, and removed pieces only of expected kinds.
fn assert_only_expected_removed(a: &Article, allowed: &[RemovalReason]) {
    for r in &a.removed {
        assert!(allowed.contains(&r.reason), "{}: unexpected removal {:?}: {:.60}", a.source, r.reason, r.text);
    }
}

#[test]
fn seed_000_teasers_counters_bio_and_title() {
    let (raw, a) = seed_or_skip!("000_");
    let first_line = raw.lines().next().unwrap().trim();
    assert_eq!(a.title.as_deref(), Some(first_line));
    assert_eq!(a.language.as_deref(), Some("de"));
    assert_eq!(a.outlet.as_deref(), Some("20 Minuten"));
    assert_eq!(reasons(&a, RemovalReason::Metadata), ["Publiziert"]);
    assert_eq!(reasons(&a, RemovalReason::Title).len(), 2, "headline and kicker+headline");
    let teasers = reasons(&a, RemovalReason::Teaser);
    assert_eq!(teasers.len(), 2);
    assert!(teasers[0].starts_with("Folgst du schon"));
    assert_eq!(reasons(&a, RemovalReason::AuthorBio).len(), 1);
    let engagement = reasons(&a, RemovalReason::Engagement);
    assert_eq!(engagement.len(), 6, "opinion prompt, three counters, Merken, comment count: {engagement:?}");
    assert!(engagement.contains(&"Merken"));
    assert_only_expected_removed(
        &a,
        &[
            RemovalReason::Metadata,
            RemovalReason::Title,
            RemovalReason::Teaser,
            RemovalReason::AuthorBio,
            RemovalReason::Engagement,
        ],
    );
    assert_accounted(&raw, &a);
    println!("[gold] seed 000: {} removed, {} body paragraphs", a.removed.len(), a.text.split("\n\n").count());
}

#[test]
fn seed_001_keeps_every_line() {
    let (raw, a) = seed_or_skip!("001_");
    assert!(a.removed.is_empty(), "nothing to cut: {:?}", a.removed);
    assert_eq!(a.text.split("\n\n").count(), raw.lines().filter(|l| !l.trim().is_empty()).count());
    assert_eq!(a.language.as_deref(), Some("de"));
}

#[test]
fn seed_002_related_headings_and_link_lists() {
    let (raw, a) = seed_or_skip!("002_");
    assert_eq!(reasons(&a, RemovalReason::RelatedHeading), ["Auch interessant"; 3]);
    let links = reasons(&a, RemovalReason::LinkList);
    let bullets = raw.lines().filter(|l| l.starts_with("- ")).count();
    assert_eq!(links.len(), bullets, "every related-link bullet");
    assert_only_expected_removed(&a, &[RemovalReason::RelatedHeading, RemovalReason::LinkList]);
    assert_accounted(&raw, &a);
    assert_eq!(a.language.as_deref(), Some("de"));
}

#[test]
fn seed_003_header_date_and_outlet() {
    let (raw, a) = seed_or_skip!("003_");
    assert_eq!(a.published.as_deref(), Some("2024-10-21T13:07:00+02:00"));
    // Nothing in the text names the outlet (its header shape alone is no proof), so it stays unknown.
    assert_eq!(a.outlet, None);
    assert!(a.title.as_deref().is_some_and(|t| !t.contains("Stand:") && !t.starts_with("date")));
    assert_only_expected_removed(&a, &[RemovalReason::Metadata, RemovalReason::Title]);
    assert_accounted(&raw, &a);
    assert_eq!(a.language.as_deref(), Some("de"));
}

#[test]
fn seed_004_duplicated_caption_once_and_ad() {
    let (raw, a) = seed_or_skip!("004_");
    // The caption: the paragraph whose first 80 characters start two paragraphs of the raw file.
    let paras: Vec<&str> = raw.split("\n\n").map(str::trim).filter(|p| p.chars().count() > 80).collect();
    let caption_head: String = paras
        .iter()
        .map(|p| p.chars().take(80).collect::<String>())
        .find(|head| paras.iter().filter(|p| p.starts_with(head.as_str())).count() == 2)
        .expect("the seed prints its caption twice");
    assert_eq!(a.text.matches(caption_head.as_str()).count(), 1, "caption appears once");
    assert_eq!(reasons(&a, RemovalReason::Duplicate).len(), 1);
    assert_eq!(reasons(&a, RemovalReason::Advertisement), ["Anzeige"]);
    assert_eq!(a.outlet.as_deref(), Some("dpa"));
    assert_eq!(a.published.as_deref(), Some("2024-10"));
    assert_accounted(&raw, &a);
    assert_eq!(a.language.as_deref(), Some("de"));
}
