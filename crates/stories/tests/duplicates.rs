//! Near-duplicates and wire copies on invented German text.

use lagebild_core::Lang;
use lagebild_stories::{Config, StoryClusterer, StoryInput};

fn input(id: &str, text: &str) -> StoryInput {
    StoryInput { id: id.into(), text: text.into(), language: Some(Lang::De), ..StoryInput::default() }
}

const WIRE: &str = "Hamburg (dpa) - Im Hamburger Hafen ist am Dienstagmorgen ein Containerschiff mit einem Schlepper \
zusammengestoßen. Nach Angaben der Wasserschutzpolizei wurden zwei Besatzungsmitglieder des Schleppers leicht \
verletzt. Das Containerschiff mit dem Namen Nordlicht war auf dem Weg zum Burchardkai, als der Schlepper aus noch \
ungeklärter Ursache vom Kurs abkam. Die Elbe war für den Schiffsverkehr rund zwei Stunden gesperrt. Ein Sprecher \
der Hafenbehörde sagte, größere Schäden an der Kaimauer seien nicht entstanden. Die Ermittlungen zur Unfallursache \
dauern an; auch ein Gutachter soll die beiden Schiffe untersuchen.";

#[test]
fn wire_story_in_three_outlets() {
    let mut c = StoryClusterer::new(Config::default());
    let a = c.add(input("outlet-a/1", WIRE));
    // Second outlet: new first words in the lead, one sentence shortened.
    let b_text = WIRE.replace("am Dienstagmorgen", "am frühen Dienstagmorgen").replace(
        "Die Ermittlungen zur Unfallursache dauern an; auch ein Gutachter soll die beiden Schiffe untersuchen.",
        "Die Ermittlungen dauern an.",
    );
    let b = c.add(input("outlet-b/7", &b_text));
    // Third outlet: a headline line on top and a changed number.
    let c_text = format!("Schiffsunfall im Hafen\n{}", WIRE.replace("rund zwei Stunden", "knapp drei Stunden"));
    let d = c.add(input("outlet-c/3", &c_text));
    // A different story.
    let other = c.add(input(
        "outlet-a/2",
        "Berlin (AFP) - Der Bundestag hat am Donnerstag über den Haushalt für das kommende Jahr beraten. \
         Die Opposition kritisierte die geplanten Kürzungen bei der Bahn und forderte mehr Geld für Schulen.",
    ));

    assert_eq!(a.duplicate_of, None);
    assert_eq!(b.duplicate_of.as_deref(), Some("outlet-a/1"));
    assert_eq!(d.duplicate_of.as_deref(), Some("outlet-a/1"));
    assert_eq!(other.duplicate_of, None);
    for x in [&a, &b, &d] {
        assert_eq!(x.wire_agency.as_deref(), Some("dpa"));
        assert_eq!(x.story, a.story);
    }
    assert_eq!(other.wire_agency.as_deref(), Some("AFP"));
    assert_ne!(other.story, a.story);
}

#[test]
fn same_topic_different_text_is_no_copy() {
    let mut c = StoryClusterer::new(Config::default());
    c.add(input("x/1", WIRE));
    let own = c.add(input(
        "y/1",
        "Schon wieder ein Unfall im Hafen: Ein Schlepper und ein großes Containerschiff sind auf der Elbe \
         aneinandergeraten. Unser Reporter war vor Ort und sprach mit Hafenarbeitern, die den Zusammenstoß \
         beobachtet hatten. Sie berichten von einem lauten Knall und von Rettungsbooten, die schnell zur Stelle waren.",
    ));
    assert_eq!(own.duplicate_of, None);
    assert_eq!(own.wire_agency, None);
}
