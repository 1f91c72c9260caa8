//! Figures: numbers that count or measure something, with hedge, unit and counted thing.

use lagebild_core::{Figure, Lang};

/// Every figure in `text`, in text order.
pub fn extract(text: &str, lang: Lang) -> Vec<Figure> {
    let _ = (text, lang);
    Vec::new()
}
