// Port of go-trafilatura/internal/selector/utils.go

use crate::dom::{Document, NodeId};

/// Returns all ancestor elements of `id` that match `ancestor_tag`.
///
/// Port of `getNodeAncestors`.
pub(crate) fn get_node_ancestors(doc: &Document, id: NodeId, ancestor_tag: &str) -> Vec<NodeId> {
    let mut ancestors = Vec::new();
    let mut cur = id;
    while let Some(parent) = doc.parent(cur) {
        if doc.tag_name(parent) == ancestor_tag {
            ancestors.push(parent);
        }
        cur = parent;
    }
    ancestors
}

/// One Aho-Corasick automaton over a rule's substring needles, so a class or id is scanned once instead of
/// once per needle (lagebild).
pub(crate) fn automaton(needles: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::new(needles).expect("valid needles")
}

/// Port of Go's `contains(s, substr)`.
#[inline]
pub(crate) fn contains(s: &str, substr: &str) -> bool {
    s.contains(substr)
}

/// Port of Go's `startsWith(s, prefix)`.
#[inline]
pub(crate) fn starts_with(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
}

/// Port of Go's `lower(s)`.
#[inline]
#[allow(dead_code)]
pub(crate) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `contains(&lower(s), needle)` without the lowercase copy (lagebild), for an ASCII lowercase `needle`
/// without `k` whose last letter is not `i`: then only ASCII letters of `s` can lowercase into it (the
/// Kelvin sign lowercases to `k`, `İ` to `i` plus a combining dot), so ASCII case folding is exact.
#[inline]
pub(crate) fn contains_ci(s: &str, needle: &str) -> bool {
    debug_assert!(!needle.contains('k') && !needle.ends_with('i') && needle.is_ascii());
    let (h, n) = (s.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}
