//! Timeline: the sentences that carry a resolved date, ordered by that date.

use lagebild_core::{AnalyzedArticle, TimeKind, TimelineEntry};
use lagebild_text::sentences::sentences;
use std::collections::BTreeSet;

pub fn build(articles: &[&AnalyzedArticle]) -> Vec<TimelineEntry> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for a in articles {
        let text = &a.article.text;
        let spans = sentences(text);
        for t in &a.times {
            if !matches!(t.kind, TimeKind::Date | TimeKind::Time) || sort_key(&t.value).is_none() {
                continue;
            }
            let Some(s) = spans.iter().find(|s| s.start <= t.start && t.end <= s.end) else { continue };
            if !seen.insert((a.article.id.clone(), s.start, t.value.clone())) {
                continue;
            }
            out.push(TimelineEntry {
                date: t.value.clone(),
                text: s.slice(text).to_string(),
                article: a.article.id.clone(),
                start: s.start,
                end: s.end,
            });
        }
    }
    out.sort_by(|a, b| {
        sort_key(&a.date).cmp(&sort_key(&b.date)).then_with(|| a.article.cmp(&b.article)).then(a.start.cmp(&b.start))
    });
    out
}

/// A sortable (year, day of year) for calendar values: `2024`, `2024-10`, `2024-10-18`, `2024-W42`,
/// `2024-10-18T13:07`; `None` for values that are not on the calendar (`PAST_REF`, `P2D`, `XXXX-10`).
pub fn sort_key(value: &str) -> Option<(i32, u32, String)> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    let day = if let Some(w) = rest.strip_prefix("-W") {
        let week: u32 = w.get(..2)?.parse().ok()?;
        week.saturating_sub(1) * 7 + 1
    } else if let Some(m) = rest.strip_prefix('-') {
        let month: u32 = m.get(..2)?.parse().ok()?;
        let day: u32 = m.get(3..5).and_then(|d| d.parse().ok()).unwrap_or(1);
        (month.saturating_sub(1)) * 31 + day
    } else if rest.is_empty() {
        0
    } else {
        return None;
    };
    Some((year, day, value.to_string()))
}
