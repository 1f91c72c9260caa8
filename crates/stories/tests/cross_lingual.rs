//! German and English reports of one (invented) event form one story; a report of another event of the same
//! kind in the same days stays apart.

use chrono::NaiveDate;
use lagebild_core::Lang;
use lagebild_stories::{cluster, Config, StoryInput};

fn input(id: &str, lang: Lang, day: u32, title: &str, text: &str, entities: &[&str]) -> StoryInput {
    StoryInput {
        id: id.to_string(),
        title: title.to_string(),
        text: text.to_string(),
        language: Some(lang),
        published: NaiveDate::from_ymd_opt(2025, 3, day),
        entities: entities.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn german_and_english_reports_of_one_event_join() {
    let inputs = vec![
        input(
            "de1",
            Lang::De,
            4,
            "Großbrand in Quellbach: Sägewerk zerstört",
            "In der Nacht zum Dienstag, 4. März, ist in Quellbach ein Sägewerk niedergebrannt. Die Feuerwehr war \
             mit 120 Einsatzkräften vor Ort. Bürgermeisterin Olena Kowaltschuk sagte, verletzt worden sei niemand. \
             Die Polizei ermittelt zur Brandursache, der Schaden liegt bei 3 Millionen Euro.",
            &["Quellbach", "Olena Kowaltschuk"],
        ),
        input(
            "de2",
            Lang::De,
            4,
            "Quellbach: Ermittler suchen Brandursache",
            "Nach dem Brand im Sägewerk von Quellbach hat die Polizei am Dienstag Spuren gesichert. Die Feuerwehr \
             hatte die Flammen mit 120 Kräften gelöscht. Olena Kowaltschuk sprach von einem schweren Schlag.",
            &["Quellbach", "Olena Kowaltschuk"],
        ),
        input(
            "en1",
            Lang::En,
            5,
            "Fire destroys sawmill in German town",
            "A fire destroyed a sawmill in the small German town of Quellbach overnight into Tuesday, firefighters \
             said. Mayor Olena Kovalchuk said no one was injured. Police are investigating the cause of the blaze.",
            &["Quellbach", "Olena Kovalchuk"],
        ),
        input(
            "en2",
            Lang::En,
            5,
            "Warehouse fire in Port Aldwin",
            "Firefighters in Port Aldwin battled a warehouse fire on Wednesday, March 5. Fire chief Graham Oduya said \
             two workers were treated for smoke inhalation. The harbour road was closed for hours.",
            &["Port Aldwin", "Graham Oduya"],
        ),
    ];
    let config = Config::default();
    let stories: Vec<u64> = cluster(config, &inputs).iter().map(|a| a.story.0).collect();
    assert_eq!(stories[0], stories[1], "the two German reports");
    assert_eq!(stories[0], stories[2], "the English report joins the German ones");
    assert_ne!(stories[0], stories[3], "another fire is another story");
}
