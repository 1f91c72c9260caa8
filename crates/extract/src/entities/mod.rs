//! Named entities with canonical names that merge spelling variants and inflections.

use lagebild_core::{Entity, Lang};

/// Every entity mention in `text`, in text order.
pub fn extract(text: &str, lang: Lang) -> Vec<Entity> {
    let _ = (text, lang);
    Vec::new()
}
