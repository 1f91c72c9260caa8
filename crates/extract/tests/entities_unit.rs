//! Entities on invented German and English sentences, cross-article canonical names, and a property test.

use lagebild_core::{Entity, EntityKind, Lang};
use lagebild_extract::entities::{self, Canonicalizer};
use proptest::prelude::*;

fn find<'a>(es: &'a [Entity], text: &str) -> Option<&'a Entity> {
    es.iter().find(|e| e.text == text)
}

fn has(es: &[Entity], text: &str, kind: EntityKind) -> bool {
    find(es, text).is_some_and(|e| e.kind == kind)
}

#[test]
fn german_roles_and_agencies() {
    let t = "Die Außenministerin Annalena Kowalczyk traf am Montag in Riga den lettischen Regierungschef. \
             Wie die Nachrichtenagentur Kyodo meldete, widersprach Regierungssprecher Tomasz Wierzbicki. \
             Kowalczyk sagte, die Nato stehe zusammen.";
    let es = entities::extract(t, Lang::De);
    assert!(has(&es, "Annalena Kowalczyk", EntityKind::Per), "{es:#?}");
    assert!(has(&es, "Kyodo", EntityKind::Org), "{es:#?}");
    assert!(has(&es, "Tomasz Wierzbicki", EntityKind::Per), "{es:#?}");
    assert!(has(&es, "Nato", EntityKind::Org), "{es:#?}");
    let k = es.iter().find(|e| e.text == "Kowalczyk").expect("surname-only mention");
    assert_eq!(k.kind, EntityKind::Per);
    assert_eq!(k.canonical, "Annalena Kowalczyk");
    assert_eq!(find(&es, "Nato").unwrap().canonical, "NATO");
}

#[test]
fn german_acronym_definition_and_genitive() {
    let t = "Nach Angaben des Nationalen Nachrichtendienstes (NIS) sind Soldaten verlegt worden. \
             Präsident Oleksandr Hrytsenko widersprach. Hrytsenkos Sprecher sagte nichts.";
    let es = entities::extract(t, Lang::De);
    let long = find(&es, "Nationalen Nachrichtendienstes").expect("long form");
    let nis = find(&es, "NIS").expect("acronym");
    assert_eq!(long.kind, EntityKind::Org);
    assert_eq!(long.canonical, nis.canonical);
    let g = find(&es, "Hrytsenkos").expect("genitive");
    assert_eq!(g.kind, EntityKind::Per);
    assert_eq!(g.canonical, "Oleksandr Hrytsenko");
}

#[test]
fn english_capitalised_runs() {
    let t = "Foreign Minister Jonas Pettersen met Reuters reporters in Oslo on Tuesday. \
             Pettersen said the Nordic Defence Council would meet again.";
    let es = entities::extract(t, Lang::En);
    assert!(has(&es, "Jonas Pettersen", EntityKind::Per), "{es:#?}");
    assert!(has(&es, "Reuters", EntityKind::Org), "{es:#?}");
    assert!(has(&es, "Oslo", EntityKind::Loc), "{es:#?}");
    assert!(has(&es, "Nordic Defence Council", EntityKind::Org), "{es:#?}");
    assert_eq!(find(&es, "Pettersen").unwrap().canonical, "Jonas Pettersen");
}

#[test]
fn variants_merge_across_articles() {
    let a = entities::extract("Präsident Wolodymyr Selenskyj sprach mit Botschafter Georgi Sinowjew.", Lang::De);
    let b = entities::extract("President Volodymyr Zelenskyy met ambassador Georgy Zinoviev in Kyiv.", Lang::En);
    let c = entities::extract(
        "Am Abend telefonierte Selenskyj mit Kim Jong Un. Danach sprach Kim Jong-un in Pjöngjang.",
        Lang::De,
    );
    let mut all = vec![a, b, c];
    let mut canon = Canonicalizer::new();
    for x in &all {
        canon.add(x);
    }
    for x in all.iter_mut() {
        canon.apply(x);
    }
    let name = |t: &str| {
        all.iter()
            .flatten()
            .find(|e| e.text == t)
            .map(|e| e.canonical.clone())
            .unwrap_or_else(|| panic!("{t} not found: {all:#?}"))
    };
    assert_eq!(name("Wolodymyr Selenskyj"), name("Volodymyr Zelenskyy"));
    assert_eq!(name("Selenskyj"), name("Volodymyr Zelenskyy"));
    assert_eq!(name("Georgi Sinowjew"), name("Georgy Zinoviev"));
    assert_eq!(name("Kim Jong Un"), name("Kim Jong-un"));
}

#[test]
fn fold_keys() {
    use entities::fold;
    assert_eq!(fold("Budanow"), fold("Budanov"));
    assert_eq!(fold("Yoon Suk-yeol"), fold("Yoon Suk Yeol"));
    assert_eq!(fold("Zelensky"), fold("Selenskyj"));
    assert_eq!(fold("Nato"), fold("NATO"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn spans_match_text(s in "\\PC{0,200}", de in any::<bool>()) {
        let lang = if de { Lang::De } else { Lang::En };
        let chars: Vec<char> = s.chars().collect();
        for e in entities::extract(&s, lang) {
            prop_assert!(e.start < e.end && e.end <= chars.len());
            let sub: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(sub, e.text);
        }
    }

    #[test]
    fn spans_match_text_wordy(words in proptest::collection::vec("(Kim|Jong-un|Putins|Nato|der|Präsident|[A-ZÄÖÜ][a-zäöüß]{1,8}|\\(|\\)|NIS|\\.|,|\n|„|“)", 0..60)) {
        let s = words.join(" ");
        let chars: Vec<char> = s.chars().collect();
        for e in entities::extract(&s, Lang::De) {
            let sub: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(sub, e.text);
        }
    }
}
