//! Page dates: the day a listing page says it was served.
//!
//! # Grammar
//!
//! The whole (normalised) text must be one date; a weekday may open it.
//!
//! | form | example |
//! |---|---|
//! | weekday, day, month name, year | `maandag 3 november 2025` (`ZeelandNet` header) |
//! | day, abbreviated month, year | `3 nov. 2025`, `3 Nov 2025` |
//! | month name, day, year (English) | `November 3, 2025` |
//! | numeric day-month-year | `03-11-2025`, `3/11/2025`, `03.11.2025` |
//! | ISO 8601 (also a `<time datetime>` prefix) | `2025-11-03`, `2025-11-03T18:02:00+01:00` |
//!
//! Dutch and English month and weekday names, full or abbreviated, any case.
//! Pure functions, no DOM.

use time::{Date, Month};

/// Parses a text that is nothing but a date (see the module docs).
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    // Every form has a day or year in ASCII digits: texts without one (most
    // labels and headings asked) are rejected before tokenising.
    if text.len() > 48 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(date) = parse_iso(text) {
        return Some(date);
    }
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let tokens = match tokens.split_first() {
        Some((first, rest)) if is_weekday(first) => rest,
        _ => &tokens[..],
    };
    match tokens {
        [one] => parse_numeric(one),
        [a, b, c] => parse_named(a, b, c).or_else(|| parse_named(b, a, c)),
        _ => None,
    }
}

/// `YYYY-MM-DD`, optionally followed by `T…` or a space and a time, as in
/// `<time datetime>`.
pub(crate) fn parse_iso(text: &str) -> Option<Date> {
    let text = text.trim();
    let head = text.get(..10)?;
    let rest = text.get(10..)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let mut parts = head.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `03-11-2025`, `3/11/2025`, `03.11.2025`.
fn parse_numeric(token: &str) -> Option<Date> {
    let sep = token.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = token.split(sep);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Day, month name, year (`3 nov. 2025`).
fn parse_named(day: &str, month: &str, year: &str) -> Option<Date> {
    let day: u8 = day.trim_end_matches('.').parse().ok()?;
    let month = month_number(month)?;
    if year.len() != 4 {
        return None;
    }
    ymd(year.parse().ok()?, month, day)
}

fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Dutch and English month names, full or abbreviated (`nov.`, `sept`, `mrt`).
fn month_number(word: &str) -> Option<u8> {
    const MONTHS: [(&[&str], u8); 12] = [
        (&["januari", "january", "jan"], 1),
        (&["februari", "february", "feb", "febr"], 2),
        (&["maart", "march", "mrt", "mar", "maa"], 3),
        (&["april", "apr"], 4),
        (&["mei", "may"], 5),
        (&["juni", "june", "jun"], 6),
        (&["juli", "july", "jul"], 7),
        (&["augustus", "august", "aug"], 8),
        (&["september", "sep", "sept"], 9),
        (&["oktober", "october", "okt", "oct"], 10),
        (&["november", "nov"], 11),
        (&["december", "dec"], 12),
    ];
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(names, _)| names.contains(&word.as_str()))
        .map(|&(_, n)| n)
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 28] = [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "ma",
        "di",
        "wo",
        "do",
        "vr",
        "za",
        "zo",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ];
    let word = word.trim_end_matches('.').to_lowercase();
    DAYS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn accepted_forms() {
        for (text, want) in [
            ("maandag 3 november 2025", date!(2025 - 11 - 03)),
            ("Maandag 3 November 2025", date!(2025 - 11 - 03)),
            ("3 nov. 2025", date!(2025 - 11 - 03)),
            ("ma 3 nov 2025", date!(2025 - 11 - 03)),
            ("Monday, November 3, 2025", date!(2025 - 11 - 03)),
            ("03-11-2025", date!(2025 - 11 - 03)),
            ("3/11/2025", date!(2025 - 11 - 03)),
            ("2025-11-03", date!(2025 - 11 - 03)),
            ("2025-11-03T18:02:00+01:00", date!(2025 - 11 - 03)),
            ("donderdag 18 september 2025", date!(2025 - 09 - 18)),
        ] {
            assert_eq!(parse_date(text), Some(want), "{text}");
        }
    }

    #[test]
    fn rejected_forms() {
        for text in [
            "",
            "Politiek",
            "3 november",
            "31 februari 2025",
            "85 jaar geleden",
            "18:02",
            "maandag 3 november 2025 en meer tekst",
            "2025-13-01",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
