//! Entities named in news in any language: agencies, media, international bodies, and their aliases. Each
//! row is (canonical name, kind, surface variants). Variants are matched case-sensitively as written, and
//! also through the fold key of `canon` (so "Nato" finds "NATO"), after German case endings are stripped.

use lagebild_core::EntityKind::{self, *};

pub static KNOWN: &[(&str, EntityKind, &[&str])] = &[
    // news agencies and broadcasters
    ("Yonhap", Org, &["Yonhap", "Yonhapnews", "Yonhap News Agency", "Yonhap News"]),
    ("Kyodo", Org, &["Kyodo", "Kyodo News"]),
    ("KCNA", Org, &["KCNA", "KCNA Watch", "Korean Central News Agency", "Koreanische Zentrale Nachrichtenagentur"]),
    ("dpa", Org, &["dpa", "DPA", "Deutsche Presse-Agentur"]),
    ("AFP", Org, &["AFP", "Agence France-Presse", "Agence France Presse"]),
    ("Reuters", Org, &["Reuters"]),
    ("AP", Org, &["AP", "Associated Press"]),
    ("APA", Org, &["APA", "Austria Presse Agentur"]),
    ("KNA", Org, &["KNA", "Katholische Nachrichten-Agentur"]),
    ("epd", Org, &["epd", "Evangelischer Pressedienst"]),
    ("SDA", Org, &["Keystone-SDA", "SDA"]),
    ("Bloomberg", Org, &["Bloomberg"]),
    ("Interfax", Org, &["Interfax"]),
    ("TASS", Org, &["TASS", "Tass"]),
    ("RIA Nowosti", Org, &["RIA Nowosti", "RIA Novosti", "Ria Nowosti"]),
    ("Xinhua", Org, &["Xinhua"]),
    ("Ukrinform", Org, &["Ukrinform"]),
    ("KBS", Org, &["KBS"]),
    ("BBC", Org, &["BBC"]),
    ("CNN", Org, &["CNN"]),
    ("ARD", Org, &["ARD"]),
    ("ZDF", Org, &["ZDF"]),
    ("New York Times", Org, &["New York Times"]),
    ("Washington Post", Org, &["Washington Post"]),
    ("Wall Street Journal", Org, &["Wall Street Journal"]),
    // intelligence services, militaries
    ("NIS", Org, &["NIS", "Nationaler Nachrichtendienst", "National Intelligence Service"]),
    ("HUR", Org, &["HUR", "GUR"]),
    ("SBU", Org, &["SBU"]),
    ("FSB", Org, &["FSB"]),
    ("CIA", Org, &["CIA"]),
    ("BND", Org, &["BND", "Bundesnachrichtendienst"]),
    ("Pentagon", Org, &["Pentagon"]),
    ("Bundeswehr", Org, &["Bundeswehr"]),
    // international bodies
    ("NATO", Org, &["NATO", "Nato", "North Atlantic Treaty Organization", "Nordatlantikpakt"]),
    ("UN", Org, &["UN", "UNO", "Vereinte Nationen", "Vereinten Nationen", "United Nations"]),
    (
        "UN-Sicherheitsrat",
        Org,
        &["UN-Sicherheitsrat", "UN-Sicherheitsrats", "UN Security Council", "Weltsicherheitsrat"],
    ),
    ("EU", Org, &["EU", "Europäische Union", "European Union"]),
    ("G7", Org, &["G7", "G-7"]),
    ("G20", Org, &["G20", "G-20"]),
    ("IAEA", Org, &["IAEA", "IAEO", "Internationale Atomenergiebehörde", "International Atomic Energy Agency"]),
    ("OSZE", Org, &["OSZE", "OSCE"]),
    (
        "Stockholm International Peace Research Institute",
        Org,
        &["SIPRI", "Stockholm International Peace Research Institute"],
    ),
    ("Kreml", Org, &["Kreml", "Kremlin"]),
    // countries with short forms
    ("USA", Loc, &["USA", "US", "U.S.", "Vereinigte Staaten", "Vereinigten Staaten", "United States"]),
    ("Nordkorea", Loc, &["Nordkorea", "North Korea", "DPRK"]),
    ("Südkorea", Loc, &["Südkorea", "South Korea"]),
    ("Russland", Loc, &["Russland", "Russia"]),
    ("Ukraine", Loc, &["Ukraine"]),
    ("Kiew", Loc, &["Kiew", "Kyiv", "Kiev"]),
    ("Pjöngjang", Loc, &["Pjöngjang", "Pyongyang"]),
    ("Moskau", Loc, &["Moskau", "Moscow"]),
    ("Seoul", Loc, &["Seoul"]),
    ("Wladiwostok", Loc, &["Wladiwostok", "Vladivostok"]),
];
