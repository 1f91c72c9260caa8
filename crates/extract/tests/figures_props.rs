//! Property: arbitrary text never panics the figures extractor, and every figure's span is consistent.

use lagebild_core::Lang;
use lagebild_extract::figures::extract;
use proptest::prelude::*;

fn check(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let n = text.chars().count();
    for f in extract(text, lang) {
        prop_assert!(f.start <= f.end && f.end <= n);
        let got: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        prop_assert_eq!(&got, &f.text);
        prop_assert!(f.start <= f.number_start && f.number_start <= f.number_end && f.number_end <= f.end, "{:?}", f);
        prop_assert!(f.value.is_some() != f.vague, "{:?}", f);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check(&s, Lang::De)?;
        check(&s, Lang::En)?;
    }

    #[test]
    fn number_like_strings(s in r"([0-9]{1,5}|[.,'’/:\-–+^×x% ½²]|rund|über|bis|zu|mehr|als|zwischen|und|to|between|and|Millionen|Mrd|Euro|Soldaten|Hälfte|die|ein|Drittel|zwei|hundred|a|dozen|km|fach|Jahre|alt|Uhr|pm|\$|€| ){0,24}") {
        check(&s, Lang::De)?;
        check(&s, Lang::En)?;
    }
}
