use sha2::{Digest, Sha256};

/// A stable id from the article text: the same text always gets the same id, whatever file it came from.
pub fn content_id(text: &str) -> String {
    // The words joined by single spaces, fed to the hash without building the joined string.
    let mut hasher = Sha256::new();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ignores_whitespace_differences() {
        assert_eq!(super::content_id("a  b\n\nc"), super::content_id("a b c"));
        assert_ne!(super::content_id("a b"), super::content_id("a c"));
        assert_eq!(super::content_id("x").len(), 16);
        // The id of record: SHA-256 of "a b c", first 8 bytes in hex (ids must not change by accident).
        assert_eq!(super::content_id(" a\tb  c "), "0e9f64031fcb2bc7");
    }
}
