use serde::{Deserialize, Serialize};

/// A piece of evidence: code point offsets into the text a fact was found in, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The covered text, so that evidence can always be shown next to the fact.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        let mut it = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
        let start = it.nth(self.start).unwrap_or(text.len());
        let end = if self.end == self.start { start } else { it.nth(self.end - self.start - 1).unwrap_or(text.len()) };
        &text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_points() {
        let t = "Äpfel über Öl";
        assert_eq!(Span::new(0, 5).slice(t), "Äpfel");
        assert_eq!(Span::new(6, 10).slice(t), "über");
        assert_eq!(Span::new(11, 13).slice(t), "Öl");
        assert_eq!(Span::new(13, 13).slice(t), "");
    }
}
