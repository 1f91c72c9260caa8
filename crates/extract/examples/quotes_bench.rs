//! Quotation extraction speed on invented ~2,000-character articles: `cargo run --release --example quotes_bench`.

use std::time::Instant;

use lagebild_core::Lang;

const DE: &str = "Die Stadtverwaltung von Nordhafen hat am Dienstag neue Pläne für den Hafen vorgestellt. \
„Wir werden die alte Mole bis zum Sommer vollständig erneuern“, sagte Bürgermeisterin Greta Olsen auf einer \
Pressekonferenz. Die Kosten lägen bei rund 40 Millionen Euro. Laut dem Hafenamt sollen die Arbeiten im März \
beginnen. Der Verband der Fischer kritisierte die Pläne scharf und forderte eine längere Übergangszeit.\n\
Wie die Regionalzeitung Küstenbote unter Berufung auf interne Unterlagen berichtet, sei der Zeitplan ehrgeizig. \
Dem Verkehrsministerium zufolge fehlen noch zwei Genehmigungen. Ein Sprecher erklärte, man rechne nicht mit \
Verzögerungen. Olsen betonte, dass die Bürger frühzeitig beteiligt würden. Sie habe zudem angekündigt, einen \
Beirat einzurichten. Nach Angaben von Umweltverbänden brüten in der Nähe seltene Vögel.\n\
Kritiker sehen das anders. Die Opposition im Stadtrat sprach von einer „Verschwendung von Steuergeld“. Ihr \
Fraktionschef Paul Brenner sagte: „Niemand hat uns gefragt, bevor dieses Projekt beschlossen wurde.“ Die \
Verwaltung wies die Vorwürfe zurück. Es habe mehrere öffentliche Sitzungen gegeben, hieß es aus dem Rathaus. \
Der Hafen ist seit Jahrzehnten ein wichtiger Arbeitgeber der Region; rund 3.000 Menschen arbeiten dort.\n\
Im kommenden Jahr soll zudem eine neue Fährverbindung eröffnet werden. Das Unternehmen Seelinie teilte mit, es \
plane zunächst drei Abfahrten pro Tag. Die Preise stünden noch nicht fest. Der Wirtschaftsminister des Landes \
begrüßte das Vorhaben und kündigte Fördermittel an. Es sei ein gutes Signal für die ganze Küste, sagte er.";

fn main() {
    let n = 20_000;
    let texts: Vec<String> = (0..64).map(|i| format!("{DE} Meldung {i}.")).collect();
    let mut quotes = 0usize;
    let t = Instant::now();
    for i in 0..n {
        quotes += lagebild_extract::quotes::extract(&texts[i % texts.len()], Lang::De, &[]).len();
    }
    let secs = t.elapsed().as_secs_f64();
    let chars = DE.chars().count();
    println!(
        "quotes: {:.0} articles/s ({n} articles of {chars} chars, {:.1} quotations each, {:.1} µs per article)",
        n as f64 / secs,
        quotes as f64 / n as f64,
        secs * 1e6 / n as f64
    );
}
