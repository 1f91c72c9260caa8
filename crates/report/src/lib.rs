//! Render: the situation picture as a person reads it. Every line that states a fact names the outlet and
//! the source it comes from; the JSON form (the `Lagebild` type itself) carries the spans.

mod html;
mod plain;

pub use html::{escape, html};
pub use plain::{markdown, text};

use lagebild_core::{AnalyzedArticle, FigureGroup, Lagebild};
use std::collections::BTreeMap;

/// A value as a German-style reader expects it: thousands grouped, no trailing ".0".
pub fn format_value(v: f64) -> String {
    if v.fract() != 0.0 {
        let s = format!("{v:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').replace('.', ",");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if v < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// One line per distinct value of a figure group: "1.500 (NIS; tagesschau, 20 Minuten)".
pub fn figure_line(group: &FigureGroup, doc: &Lagebild) -> Vec<String> {
    let mut by_value: BTreeMap<u64, (f64, Vec<String>, Vec<String>)> = BTreeMap::new();
    for m in &group.members {
        let Some(article) = find(doc, &m.article) else { continue };
        let Some(f) = article.figures.get(m.figure) else { continue };
        let Some(v) = f.value else { continue };
        let entry = by_value.entry(v.to_bits()).or_insert((v, Vec::new(), Vec::new()));
        if let Some(s) = &m.source {
            push_unique(&mut entry.1, s);
        }
        push_unique(&mut entry.2, m.outlet.as_deref().unwrap_or("?"));
    }
    let mut values: Vec<_> = by_value.into_values().collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    values
        .into_iter()
        .map(|(v, sources, outlets)| {
            let who = if sources.is_empty() { String::new() } else { format!("{}; ", sources.join(", ")) };
            format!("{} ({who}{})", format_value(v), outlets.join(", "))
        })
        .collect()
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

/// The article with this id.
pub fn find<'a>(doc: &'a Lagebild, id: &str) -> Option<&'a AnalyzedArticle> {
    doc.articles.iter().find(|a| a.article.id == id)
}

/// The outlet of an article for display.
pub fn outlet_of(doc: &Lagebild, id: &str) -> String {
    find(doc, id).and_then(|a| a.article.outlet.clone()).unwrap_or_else(|| "?".into())
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_values_for_readers() {
        assert_eq!(super::format_value(12000.0), "12.000");
        assert_eq!(super::format_value(1500.0), "1.500");
        assert_eq!(super::format_value(120.0), "120");
        assert_eq!(super::format_value(1.4), "1,4");
    }
}
