//! One dot plot per figure group, as inline SVG: a row per desk, a dot per member on a log axis, the sentence
//! in each dot's tooltip.

use crate::escape;
use crate::reader::{fact_attrs, Ctx};
use lagebild_core::{FigureGroup, Span};
use lagebild_report::format_value;
use std::fmt::Write;

const WIDTH: f64 = 680.0;
const LABEL: f64 = 160.0;
const RIGHT: f64 = 28.0;
const TOP: f64 = 10.0;
const ROW: f64 = 30.0;
const AXIS: f64 = 32.0;

/// A member ready to draw.
struct Dot {
    row: usize,
    value: f64,
    range: Option<(f64, f64)>,
    attributed: bool,
    attrs: String,
    title: String,
}

/// The dot plot of one figure group (nothing when no member has a value).
pub(crate) fn dot_plot(o: &mut String, group: &FigureGroup, ctx: &Ctx) {
    let mut rows: Vec<usize> = Vec::new();
    let mut dots = Vec::new();
    for m in &group.members {
        let Some(doc) = ctx.doc(&m.article) else { continue };
        let Some(f) = doc.art.figures.get(m.figure) else { continue };
        let Some(value) = f.value else { continue };
        let row = rows.iter().position(|&d| d == doc.desk).unwrap_or_else(|| {
            rows.push(doc.desk);
            rows.len() - 1
        });
        let sentence = doc.sentence(f.start, f.end);
        let source = m.source.as_deref().unwrap_or("not attributed");
        let title =
            format!("{} — {}\nsource: {source}\n“{}”", f.text, ctx.desks[doc.desk].label, doc.slice(sentence).trim());
        dots.push(Dot {
            row,
            value,
            range: f.low.zip(f.high).filter(|(l, h)| l < h),
            attributed: m.source.is_some(),
            attrs: fact_attrs(doc.id(), sentence, Some(Span::new(f.start, f.end))),
            title,
        });
    }
    if dots.is_empty() {
        return;
    }
    let axis =
        Axis::new(dots.iter().flat_map(|d| [Some(d.value), d.range.map(|r| r.0), d.range.map(|r| r.1)]).flatten());
    let height = TOP + ROW * rows.len() as f64 + AXIS;
    let bottom = TOP + ROW * rows.len() as f64;
    let _ = write!(
        o,
        "<svg class=\"dotplot{}\" data-thing=\"{}\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" \
         role=\"img\" aria-label=\"{} by outlet, log scale\">",
        if group.disagree { " disagree" } else { "" },
        escape(&group.thing),
        escape(&group.label)
    );
    for (i, &desk) in rows.iter().enumerate() {
        let y = TOP + ROW * (i as f64 + 0.5);
        let _ = write!(
            o,
            "<line class=\"row-line\" x1=\"{LABEL}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>\
             <text class=\"row-label\" x=\"{}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}<title>{}</title></text>",
            WIDTH - RIGHT,
            LABEL - 10.0,
            escape(&ctx.desks[desk].short),
            escape(&ctx.desks[desk].label)
        );
    }
    for t in axis.ticks() {
        let x = axis.x(t);
        let _ = write!(
            o,
            "<line class=\"tick\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{TOP}\" y2=\"{}\"/>\
             <text class=\"tick-label\" x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            bottom + 4.0,
            bottom + 18.0,
            format_value(t)
        );
    }
    let _ = write!(o, "<line class=\"axis\" x1=\"{LABEL}\" x2=\"{}\" y1=\"{bottom}\" y2=\"{bottom}\"/>", WIDTH - RIGHT);
    let mut placed: Vec<(usize, f64)> = Vec::new();
    for d in &dots {
        let x = axis.x(d.value);
        let near = placed.iter().filter(|(r, px)| *r == d.row && (px - x).abs() < 7.0).count();
        placed.push((d.row, x));
        let y = TOP + ROW * (d.row as f64 + 0.5) + [0.0, -7.0, 7.0, -3.5, 3.5][near % 5];
        if let Some((lo, hi)) = d.range {
            let _ = write!(
                o,
                "<line class=\"range\" x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y}\" y2=\"{y}\"/>",
                axis.x(lo),
                axis.x(hi)
            );
        }
        let _ = write!(
            o,
            "<circle class=\"dot fact{}\" cx=\"{x:.1}\" cy=\"{y}\" r=\"6\"{}><title>{}</title></circle>",
            if d.attributed { " attributed" } else { "" },
            d.attrs,
            escape(&d.title)
        );
    }
    o.push_str("</svg>");
}

/// A log scale over the values, bounded by "nice" numbers (1, 2, 5 × 10ⁿ).
struct Axis {
    lo: f64,
    hi: f64,
    decades_only: bool,
}

impl Axis {
    fn new(values: impl Iterator<Item = f64>) -> Self {
        let (mut min, mut max) = (f64::INFINITY, 0.0f64);
        for v in values.filter(|v| *v > 0.0 && v.is_finite()) {
            min = min.min(v);
            max = max.max(v);
        }
        if max == 0.0 {
            return Axis { lo: 1.0, hi: 10.0, decades_only: false };
        }
        let decades_only = max / min > 1000.0;
        let (mut lo, mut hi) = (nice(min, false, decades_only), nice(max, true, decades_only));
        if lo == hi {
            lo = nice(lo * 0.99, false, decades_only);
            hi = nice(hi * 1.01, true, decades_only);
        }
        Axis { lo, hi, decades_only }
    }

    /// The x position of a value (values ≤ 0 sit at the left end).
    fn x(&self, v: f64) -> f64 {
        let t = if v > 0.0 { (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10()) } else { 0.0 };
        LABEL + 12.0 + t.clamp(0.0, 1.0) * (WIDTH - LABEL - RIGHT - 24.0)
    }

    /// Ticks at 1, 2, 5 × 10ⁿ (decades only on wide ranges, finer steps on narrow ones).
    fn ticks(&self) -> Vec<f64> {
        let ticks = self.ticks_at(if self.decades_only { &[1.0] } else { &[1.0, 2.0, 5.0] });
        if ticks.len() >= 3 {
            return ticks;
        }
        self.ticks_at(&[1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0])
    }

    fn ticks_at(&self, steps: &[f64]) -> Vec<f64> {
        let mut out = Vec::new();
        for k in self.lo.log10().floor() as i32..=self.hi.log10().ceil() as i32 {
            for m in steps {
                let t = m * 10f64.powi(k);
                if t >= self.lo * (1.0 - 1e-9) && t <= self.hi * (1.0 + 1e-9) {
                    out.push(t);
                }
            }
        }
        out
    }
}

/// The nearest 1, 2, 5 × 10ⁿ (or 10ⁿ) below or above `v`.
fn nice(v: f64, up: bool, decades_only: bool) -> f64 {
    let p = 10f64.powi(v.log10().floor() as i32);
    let steps: &[f64] = if decades_only { &[1.0, 10.0] } else { &[1.0, 2.0, 5.0, 10.0] };
    let eps = 1e-9;
    if up {
        steps.iter().map(|m| m * p).find(|t| *t >= v * (1.0 - eps)).unwrap_or(10.0 * p)
    } else {
        steps.iter().rev().map(|m| m * p).find(|t| *t <= v * (1.0 + eps)).unwrap_or(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_bounds_are_nice_and_cover_the_values() {
        let a = Axis::new([1500.0, 12000.0].into_iter());
        assert_eq!((a.lo, a.hi), (1000.0, 20000.0));
        assert_eq!(a.ticks(), vec![1000.0, 2000.0, 5000.0, 10000.0, 20000.0]);
        let one = Axis::new([100.0].into_iter());
        assert!(one.lo < 100.0 && one.hi > 100.0);
        let wide = Axis::new([3.0, 250000.0].into_iter());
        assert_eq!((wide.lo, wide.hi), (1.0, 1_000_000.0));
        assert_eq!(wide.ticks().len(), 7);
        assert!(a.x(1500.0) < a.x(12000.0));
        assert_eq!(a.x(0.0), a.x(a.lo));
        assert_eq!(Axis::new([120.0, 150.0].into_iter()).ticks(), vec![100.0, 120.0, 150.0, 200.0]);
    }
}
