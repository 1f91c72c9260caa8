//! Month and weekday names per language, lower case, each with its number: the one table that ingest (dates
//! in bylines), the time expressions, the figures (a number next to a month is a date) and the story features
//! read.

use lagebild_core::Lang;

/// The calendar words of one language.
pub struct Calendar {
    /// Full month names (with regional forms: "jänner", "feber").
    pub months: &'static [(&'static str, u32)],
    /// Abbreviated month names, without the full stop.
    pub month_abbr: &'static [(&'static str, u32)],
    /// Weekday names, Monday = 1.
    pub weekdays: &'static [(&'static str, u32)],
}

impl Calendar {
    /// The number of a month's full or abbreviated name (`lower` in lower case).
    pub fn month(&self, lower: &str) -> Option<u32> {
        self.months.iter().chain(self.month_abbr).find(|(name, _)| *name == lower).map(|&(_, n)| n)
    }

    /// The number of a weekday's name (`lower` in lower case; Monday = 1).
    pub fn weekday(&self, lower: &str) -> Option<u32> {
        self.weekdays.iter().find(|(name, _)| *name == lower).map(|&(_, n)| n)
    }
}

/// The calendar of `lang`.
pub fn of(lang: Lang) -> &'static Calendar {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

pub const DE: Calendar = Calendar {
    months: &[
        ("januar", 1),
        ("jänner", 1),
        ("februar", 2),
        ("feber", 2),
        ("märz", 3),
        ("april", 4),
        ("mai", 5),
        ("juni", 6),
        ("juli", 7),
        ("august", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("dezember", 12),
    ],
    month_abbr: &[
        ("jan", 1),
        ("feb", 2),
        ("mär", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("okt", 10),
        ("nov", 11),
        ("dez", 12),
    ],
    weekdays: &[
        ("montag", 1),
        ("dienstag", 2),
        ("mittwoch", 3),
        ("donnerstag", 4),
        ("freitag", 5),
        ("samstag", 6),
        ("sonnabend", 6),
        ("sonntag", 7),
    ],
};

pub const EN: Calendar = Calendar {
    months: &[
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
    ],
    month_abbr: &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
    weekdays: &[
        ("monday", 1),
        ("tuesday", 2),
        ("wednesday", 3),
        ("thursday", 4),
        ("friday", 5),
        ("saturday", 6),
        ("sunday", 7),
    ],
};
