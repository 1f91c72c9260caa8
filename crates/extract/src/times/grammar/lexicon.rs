//! Which words can open an expression: the cheap gate before the patterns run.

use super::super::rules::Rules;

/// Words that can open an expression, from every table of the language.
pub fn trigger_words(r: &'static Rules) -> std::collections::HashSet<&'static str> {
    let mut h = std::collections::HashSet::new();
    let firsts = |h: &mut std::collections::HashSet<&'static str>, p: &'static [&'static str]| {
        if let Some(w) = p.first() {
            h.insert(w.split('-').next().unwrap_or(w));
        }
    };
    for (w, _) in r.months.iter().chain(r.month_abbr).chain(r.weekdays).chain(r.weekday_sets).chain(r.ordinals) {
        h.insert(*w);
    }
    for (w, _, _) in r.seasons {
        h.insert(*w);
    }
    for (w, _) in r.units.iter().chain(r.unit_adj) {
        h.insert(*w);
    }
    for (w, _) in r.deictic.iter() {
        h.insert(*w);
    }
    for (p, _) in r.refs {
        firsts(&mut h, p);
    }
    for (p, _) in r.quant_mods {
        firsts(&mut h, p);
    }
    for (p, _, _) in r.named_days {
        firsts(&mut h, p);
    }
    for (w, _) in r.mods.iter() {
        h.insert(*w);
    }
    for (w, _) in r.bare_plurals {
        h.insert(*w);
    }
    for w in r.clock_half {
        h.insert(*w);
    }
    for (w, _) in r.pod_mods {
        h.insert(*w);
    }
    for (w, _) in r.pods.iter().chain(r.set_adv).chain(r.night_before) {
        h.insert(*w);
    }
    for p in r.small_hours.iter().chain(r.clock_hedges) {
        firsts(&mut h, p);
    }
    for (w, _) in r.clock_names.iter() {
        h.insert(*w);
    }
    for (w, _) in r.fallback_numbers.iter() {
        h.insert(*w);
    }
    for list in [
        r.past_adj,
        r.next_adj,
        r.season_next_adj,
        r.anaphoric_det,
        r.this_adj,
        r.same_adj,
        r.following_adj,
        r.previous_adj,
        r.ago_pre,
        r.after_pre,
        r.set_pre,
        r.vague_num,
        r.articles,
        r.year_nouns,
        r.year_pre,
        r.half_words,
        r.quarter_words,
    ] {
        h.extend(list.iter().copied());
    }
    for w in [
        "gegen",
        "bis",
        "around",
        "about",
        "etwa",
        "laufe",
        "verlauf",
        "verlaufe",
        "vorjahr",
        "vorjahres",
        "vorjahrs",
        "vormonat",
        "vormonats",
        "vorwoche",
        "vortag",
        "vortages",
        "jahresende",
        "jahresendes",
        "jahresbeginn",
        "jahresanfang",
        "jahresbeginns",
        "jahresanfangs",
        "jahresmitte",
        "monatsende",
        "monatsanfang",
        "monatsbeginn",
        "a",
        "an",
        "couple",
        "frühen",
        "späten",
        "früh",
        "spät",
        "fiscal",
        "the",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "halben",
        "halbe",
    ] {
        h.insert(w);
    }
    h
}

/// Could this word be a number word or a compound the grammar analyses ("zweimonatige", "Dienstagabend")?
pub fn maybe_compound(w: &str, r: &Rules) -> bool {
    r.weekdays.iter().any(|(d, _)| w.starts_with(d))
        || w.contains("lang")
        || r.unit_adj.iter().any(|(a, _)| w.contains(a))
        || r.fallback_numbers.iter().any(|(n, _)| {
            let k = n.char_indices().nth(3).map(|(b, _)| b).unwrap_or(n.len());
            w.starts_with(&n[..k])
        })
}
