use sha2::{Digest, Sha256};

/// A stable id from the article text: the same text always gets the same id, whatever file it came from.
pub fn content_id(text: &str) -> String {
    let normalized: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let digest = Sha256::digest(normalized.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ignores_whitespace_differences() {
        assert_eq!(super::content_id("a  b\n\nc"), super::content_id("a b c"));
        assert_ne!(super::content_id("a b"), super::content_id("a c"));
        assert_eq!(super::content_id("x").len(), 16);
    }
}
