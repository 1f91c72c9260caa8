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
        push_unique(&mut entry.2, &label(article));
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

/// Who published an article, for display: its outlet, else the start of its title (a reader can still tell
/// the sources apart), else its id.
pub fn outlet_of(doc: &Lagebild, id: &str) -> String {
    find(doc, id).map_or_else(|| id.to_string(), label)
}

/// Characters of a title shown where the outlet is unknown.
const TITLE_LABEL_CHARS: usize = 32;

fn label(a: &AnalyzedArticle) -> String {
    if let Some(outlet) = &a.article.outlet {
        return outlet.clone();
    }
    match a.article.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) if t.chars().count() > TITLE_LABEL_CHARS => {
            let cut: String = t.chars().take(TITLE_LABEL_CHARS).collect();
            // end on a whole word
            let cut = cut.rfind(char::is_whitespace).map_or(cut.as_str(), |i| &cut[..i]);
            format!("„{}…“", cut.trim_end_matches([',', ' ', ':', ';']))
        }
        Some(t) => format!("„{t}“"),
        None => a.article.id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: Option<&str>, outlet: Option<&str>) -> AnalyzedArticle {
        AnalyzedArticle {
            article: lagebild_core::Article {
                id: id.into(),
                source: format!("{id}.txt"),
                title: title.map(Into::into),
                published: None,
                outlet: outlet.map(Into::into),
                url: None,
                author: None,
                language: Some("de".into()),
                text: String::new(),
                removed: Vec::new(),
            },
            entities: Vec::new(),
            figures: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            duplicate_of: None,
            wire_agency: None,
        }
    }

    #[test]
    fn sources_without_outlet_are_named_by_their_title() {
        assert_eq!(label(&article("a", Some("Kurz"), Some("dpa"))), "dpa");
        assert_eq!(label(&article("b", Some("Brand im Hafen"), None)), "„Brand im Hafen“");
        let long = label(&article("c", Some("Südkorea erwägt, ebenfalls Soldaten in die Ukraine zu schicken"), None));
        assert_eq!(long, "„Südkorea erwägt, ebenfalls…“");
        assert_eq!(label(&article("d", Some("  "), None)), "d");
    }

    #[test]
    fn formats_values_for_readers() {
        assert_eq!(super::format_value(12000.0), "12.000");
        assert_eq!(super::format_value(1500.0), "1.500");
        assert_eq!(super::format_value(120.0), "120");
        assert_eq!(super::format_value(1.4), "1,4");
    }
}
