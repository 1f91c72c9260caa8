//! Plain-text articles: a header (title, date line, "Stand:"), then paragraphs with boilerplate.

use crate::clean::{self, shape};
use crate::meta::{self, HeaderDate};
use lagebild_core::{Article, RemovalReason, Removed};

/// Reads one plain-text article; never fails, since any text is an article (emptiness is caught earlier).
pub fn read(name: &str, raw: &str) -> Article {
    let paragraphs = paragraphs(raw);
    let header = parse_header(&paragraphs);
    let mut cleaned = clean::clean(header.body, header.title.as_deref());

    let mut removed = header.removed;
    let mut date = header.date;
    for r in &cleaned.removed {
        if r.reason == RemovalReason::Metadata {
            date = HeaderDate::better(date, meta::parse_date(&r.text));
        }
    }
    removed.append(&mut cleaned.removed);
    let text = cleaned.kept.join("\n\n");
    let outlet = cleaned.outlet.or_else(|| meta::agency_in_dateline(&text).map(str::to_string));
    let title = header.title.or_else(|| first_sentence(&text));
    Article {
        id: String::new(),
        source: name.to_string(),
        title,
        published: date.map(|d| d.to_iso()),
        outlet,
        url: None,
        author: None,
        language: None,
        text,
        removed,
    }
}

/// Saved articles put one paragraph per line, with or without blank lines between them; text wrapped at a
/// fixed width (every line of a block but the last about equally long) is joined back into paragraphs.
fn paragraphs(raw: &str) -> Vec<String> {
    let lines: Vec<String> = raw.lines().map(|l| l.trim().replace('\u{a0}', " ")).collect();
    let blocks: Vec<&[String]> = lines.split(|l| l.is_empty()).filter(|b| !b.is_empty()).collect();
    let wrapped = is_hard_wrapped(&blocks);
    let mut out = Vec::new();
    for block in blocks {
        if !wrapped {
            out.extend(block.iter().cloned());
            continue;
        }
        let mut current = String::new();
        for line in block {
            if shape::bullet_body(line).is_some() && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
        out.push(current);
    }
    out
}

/// Most multi-line blocks have all lines but the last between 50 and 90 characters: a fixed-width wrap.
fn is_hard_wrapped(blocks: &[&[String]]) -> bool {
    let multi: Vec<&&[String]> = blocks.iter().filter(|b| b.len() >= 2).collect();
    if multi.len() < 2 {
        return false;
    }
    let wrapped =
        multi.iter().filter(|b| b[..b.len() - 1].iter().all(|l| (50..=90).contains(&l.chars().count()))).count();
    wrapped * 10 >= multi.len() * 8
}

struct Header {
    title: Option<String>,
    date: Option<HeaderDate>,
    removed: Vec<Removed>,
    /// The paragraphs left for the cleaner.
    body: Vec<String>,
}

/// The first line may hold a date line (`date 2024-10`), a kicker and title, and `Stand: … Uhr`, glued
/// together; it is a title when it is shaped like a headline, else a lead that stays in the body.
fn parse_header(paragraphs: &[String]) -> Header {
    let mut h = Header { title: None, date: None, removed: Vec::new(), body: Vec::new() };
    let Some(first) = paragraphs.first() else {
        return h;
    };
    let mut rest = first.as_str();

    if let Some(after) = rest.strip_prefix("date ") {
        let token = after.split_whitespace().next().unwrap_or("");
        if let Some(d) = meta::parse_date(token) {
            h.date = Some(d);
            h.removed.push(Removed { text: format!("date {token}"), reason: RemovalReason::Metadata });
            rest = after[token.len()..].trim_start();
        }
    }
    if let Some(pos) = rest.find("Stand:") {
        let stand = &rest[pos..];
        if let Some(d) = meta::parse_date(stand) {
            h.date = HeaderDate::better(h.date.take(), Some(d));
            h.removed.push(Removed { text: stand.trim().to_string(), reason: RemovalReason::Metadata });
            rest = rest[..pos].trim_end();
        }
    }
    let rest_paragraphs = paragraphs[1..].iter().cloned();
    if paragraphs.len() > 1 && is_headline(rest) {
        if !rest.is_empty() {
            h.title = Some(rest.to_string());
            h.removed.push(Removed { text: rest.to_string(), reason: RemovalReason::Title });
        }
        h.body = rest_paragraphs.collect();
    } else {
        h.body = std::iter::once(rest.to_string()).filter(|r| !r.is_empty()).chain(rest_paragraphs).collect();
    }
    h
}

/// A headline: short, no sentence-final period, not a bullet.
fn is_headline(s: &str) -> bool {
    let words = shape::word_count(s);
    words <= 25
        && s.chars().count() <= 200
        && !s.ends_with('.')
        && shape::bullet_body(s).is_none()
        && shape::sentence_count(s) <= 2
}

/// The first sentence that is not a bare dateline ("Seoul."), as a fallback title.
fn first_sentence(text: &str) -> Option<String> {
    let first_para = text.split("\n\n").next()?;
    let mut start = 0;
    let chars: Vec<(usize, char)> = first_para.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let at_end = chars.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && at_end {
            let sentence = first_para[start..i + c.len_utf8()].trim();
            if shape::word_count(sentence) >= 3 {
                return Some(truncate(sentence));
            }
            start = i + c.len_utf8();
        }
    }
    let rest = first_para[start..].trim();
    (!rest.is_empty()).then(|| truncate(rest))
}

fn truncate(s: &str) -> String {
    if s.chars().count() <= 200 {
        return s.to_string();
    }
    let cut: String = s.chars().take(199).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hard_wrapped_paragraphs() {
        let raw = "Hafen: Brand zerstört Lagerhalle\n\n\
Ein Großbrand hat in der Nacht zum Dienstag eine Lagerhalle im\n\
Hamburger Hafen zerstört. Die Feuerwehr war mit rund 120 Kräften\n\
vor Ort, wie ein Sprecher sagte.\n\n\
Verletzt wurde nach ersten Erkenntnissen niemand. Die Polizei hat\n\
Ermittlungen zur Brandursache aufgenommen.\n";
        let a = read("x.txt", raw);
        assert_eq!(a.title.as_deref(), Some("Hafen: Brand zerstört Lagerhalle"));
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].starts_with("Ein Großbrand") && paras[0].ends_with("wie ein Sprecher sagte."));
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let a = read("x.txt", "Titel der Meldung\nErster Absatz mit einem Satz.\nZweiter Absatz mit einem Satz.\n");
        assert_eq!(a.text, "Erster Absatz mit einem Satz.\n\nZweiter Absatz mit einem Satz.");
    }
}
