//! Clock times shown instead of an age: `19:25`, `Gisteren 23:03`.
//!
//! # Grammar
//!
//! ```text
//! clock  = [day [sep] [at] | at] hour ":" minute [suffix]
//! sep    = "," | "|" | "·" | "•" | "-" | "–"
//! day    = "vandaag" | "gisteren" | "eergisteren" | "today" | "yesterday"
//!        | "heute" | "gestern" | "vorgestern"
//! at     = "om" | "at" | "um"
//! hour   = 1*2DIGIT           ; 0–23
//! minute = 2DIGIT             ; 00–59
//! suffix = "uur" | "u" | "h" | "uhr"
//! ```
//!
//! Words in any letter case, separated by any white space; the time itself
//! has no spaces and only `:` between hour and minute (`09.30` is not a
//! clock: a dot also separates thousands and decimals in Dutch text).
//!
//! | Input               | hour | minute | `days_ago` |
//! |---------------------|------|--------|------------|
//! | `19:25`             | 19   | 25     | 0          |
//! | `9:00`              | 9    | 0      | 0          |
//! | `19:25 uur`         | 19   | 25     | 0          |
//! | `Gisteren 23:03`    | 23   | 3      | 1          |
//! | `gisteren om 23:03` | 23   | 3      | 1          |
//! | `Vandaag om 20:07`  | 20   | 7      | 0          |
//! | `eergisteren 8:15`  | 8    | 15     | 2          |
//! | `Yesterday 23:03`   | 23   | 3      | 1          |
//! | `Gestern 23:03`     | 23   | 3      | 1          |
//!
//! Rejected: `24:00`, `12:60`, `1925`, `09.30`, prose.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, Time, UtcOffset};

use crate::age::{Digits, Tok, Tokens, digits, eq_word};

/// A wall-clock time an item shows instead of a relative age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Clock {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Days before the page's date: 0 for today, 1 for `Gisteren`.
    pub days_ago: u8,
}

/// What was wrong with a text that is not a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClockErrorKind {
    /// The input is empty or white space.
    Empty,
    /// No `H:MM` time where one must be.
    ExpectedTime,
    /// An hour above 23.
    InvalidHour,
    /// A minute that is not two digits from 00 to 59.
    InvalidMinute,
    /// Text after a complete clock time.
    TrailingInput,
}

/// Why a text is not a clock time: a [`ClockErrorKind`] and the byte
/// offset where the grammar failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseClockError {
    kind: ClockErrorKind,
    offset: usize,
}

impl ParseClockError {
    const fn new(kind: ClockErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What was wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::{Clock, ClockErrorKind};
    /// assert_eq!("24:00".parse::<Clock>().unwrap_err().kind(), ClockErrorKind::InvalidHour);
    /// ```
    pub fn kind(&self) -> ClockErrorKind {
        self.kind
    }

    /// The byte offset in the input where the grammar failed.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Clock;
    /// assert_eq!("12:60".parse::<Clock>().unwrap_err().offset(), 3);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ClockErrorKind::Empty => return f.write_str("invalid clock time: empty input"),
            ClockErrorKind::ExpectedTime => "expected a time like 19:25",
            ClockErrorKind::InvalidHour => "hour out of range",
            ClockErrorKind::InvalidMinute => "invalid minute",
            ClockErrorKind::TrailingInput => "unexpected text",
        };
        write!(f, "invalid clock time: {what} at byte {}", self.offset)
    }
}
impl std::error::Error for ParseClockError {}

/// Day words and how many days back they point.
const DAYS: &[(&str, u8)] = &[
    ("vandaag", 0),
    ("gisteren", 1),
    ("eergisteren", 2),
    ("today", 0),
    ("yesterday", 1),
    ("heute", 0),
    ("gestern", 1),
    ("vorgestern", 2),
];

/// Words between the day and the time.
const AT: &[&str] = &["om", "at", "um"];

/// Words after the time.
const SUFFIXES: &[&str] = &["uur", "u", "h", "uhr"];

fn err(kind: ClockErrorKind, at: usize) -> ParseClockError {
    ParseClockError::new(kind, at)
}

/// Reads `H:MM` from the token at hand, checking that its parts touch.
fn time(toks: &mut Tokens<'_>, first: Tok<'_>) -> Result<(u8, u8), ParseClockError> {
    let hour_end = first.at + first.text.len();
    let Digits::Value(hour) = digits(first.text) else {
        return Err(err(ClockErrorKind::ExpectedTime, first.at));
    };
    if first.text.len() > 2 {
        return Err(err(ClockErrorKind::ExpectedTime, first.at));
    }
    match toks.next() {
        Some(t) if t.text == ":" && t.at == hour_end => {}
        _ => return Err(err(ClockErrorKind::ExpectedTime, first.at)),
    }
    let Ok(hour) = u8::try_from(hour) else {
        return Err(err(ClockErrorKind::InvalidHour, first.at));
    };
    if hour > 23 {
        return Err(err(ClockErrorKind::InvalidHour, first.at));
    }
    let minute_at = hour_end + 1;
    let minute = match toks.next() {
        Some(t) if t.at == minute_at && t.text.len() == 2 => match digits(t.text) {
            Digits::Value(m) if m < 60 => u8::try_from(m).ok(),
            _ => None,
        },
        _ => None,
    };
    let Some(minute) = minute else {
        return Err(err(ClockErrorKind::InvalidMinute, minute_at));
    };
    Ok((hour, minute))
}

fn parse(s: &str) -> Result<Clock, ParseClockError> {
    let mut toks = Tokens::new(s);
    let Some(mut tok) = toks.next() else {
        return Err(err(ClockErrorKind::Empty, 0));
    };
    let mut days_ago = 0;
    if AT.iter().any(|w| eq_word(tok.text, w)) {
        // `om 19:25`
        tok = next_or_time(&mut toks, s)?;
    } else if let Some(&(_, n)) = DAYS.iter().find(|(w, _)| eq_word(tok.text, w)) {
        days_ago = n;
        tok = next_or_time(&mut toks, s)?;
        if matches!(tok.text, "," | "|" | "·" | "•" | "-" | "–") {
            // `Gisteren, 23:03`, `Gisteren | 23:03`, `Gisteren · 23:03`
            tok = next_or_time(&mut toks, s)?;
        }
        if AT.iter().any(|w| eq_word(tok.text, w)) {
            tok = next_or_time(&mut toks, s)?;
        }
    }
    let (hour, minute) = time(&mut toks, tok)?;
    let mut next = toks.next();
    if next.is_some_and(|t| SUFFIXES.iter().any(|w| eq_word(t.text, w))) {
        next = toks.next();
    }
    if let Some(t) = next {
        return Err(err(ClockErrorKind::TrailingInput, t.at));
    }
    Ok(Clock {
        hour,
        minute,
        days_ago,
    })
}

fn next_or_time<'a>(toks: &mut Tokens<'a>, s: &str) -> Result<Tok<'a>, ParseClockError> {
    toks.next().ok_or(err(
        ClockErrorKind::ExpectedTime,
        s.trim_end_matches(char::is_whitespace).len(),
    ))
}

impl Clock {
    /// A clock time, or `None` when `hour > 23` or `minute > 59`.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Clock;
    /// let c = Clock::new(23, 3, 1).unwrap();
    /// assert_eq!(c.to_string(), "gisteren 23:03");
    /// assert!(Clock::new(24, 0, 0).is_none());
    /// ```
    pub fn new(hour: u8, minute: u8, days_ago: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(Self {
            hour,
            minute,
            days_ago,
        })
    }

    /// The moment this clock time names on a page served on `page_date`
    /// in `offset`: `days_ago` days before that date, at `hour:minute`.
    ///
    /// Returns `None` only when the fields are out of range (they are
    /// public) or the date would fall before the earliest representable
    /// one.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Clock;
    /// use time::macros::{date, datetime, offset};
    /// let c: Clock = "Gisteren 23:03".parse().unwrap();
    /// assert_eq!(
    ///     c.resolve(date!(2025-11-03), offset!(+1)),
    ///     Some(datetime!(2025-11-02 23:03 +1)),
    /// );
    /// ```
    pub fn resolve(&self, page_date: Date, offset: UtcOffset) -> Option<OffsetDateTime> {
        let date = page_date.checked_sub(Duration::days(i64::from(self.days_ago)))?;
        let time = Time::from_hms(self.hour, self.minute, 0).ok()?;
        Some(date.with_time(time).assume_offset(offset))
    }
}

impl FromStr for Clock {
    type Err = ParseClockError;

    /// Parses one element's text as a clock time (see the module's
    /// grammar); surrounding white space is ignored.
    ///
    /// # Errors
    ///
    /// A [`ParseClockError`] saying what was wrong and at which byte: no
    /// `H:MM` time, an hour above 23, a bad minute, or text after the time.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Clock;
    /// let c: Clock = "gisteren om 23:03".parse().unwrap();
    /// assert_eq!((c.hour, c.minute, c.days_ago), (23, 3, 1));
    /// let err = "1925".parse::<Clock>().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid clock time: expected a time like 19:25 at byte 0");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl fmt::Display for Clock {
    /// Canonical: `19:25`, `gisteren 23:03`, `eergisteren 08:15`. A
    /// `days_ago` above 2 (only reachable by setting the field) prints as
    /// `N dagen geleden 08:15`, which does not parse back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.days_ago {
            0 => {}
            1 => f.write_str("gisteren ")?,
            2 => f.write_str("eergisteren ")?,
            n => write!(f, "{n} dagen geleden ")?,
        }
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rustfmt::skip]
    const OK: &[(&str, u8, u8, u8)] = &[
        ("19:25", 19, 25, 0),
        ("9:00", 9, 0, 0),
        ("09:30", 9, 30, 0),
        ("0:00", 0, 0, 0),
        ("23:59", 23, 59, 0),
        ("19:25 uur", 19, 25, 0),
        ("19:25u", 19, 25, 0),
        ("  19:25\n", 19, 25, 0),
        ("om 19:25", 19, 25, 0),
        ("Gisteren 23:03", 23, 3, 1),
        ("gisteren om 23:03", 23, 3, 1),
        ("Gisteren, 23:03", 23, 3, 1),
        ("Gisteren · 23:03", 23, 3, 1),
        ("gisteren | 23:03", 23, 3, 1),
        ("Vandaag om 20:07", 20, 7, 0),
        ("vandaag 8:05", 8, 5, 0),
        ("eergisteren 8:15", 8, 15, 2),
        ("Yesterday 23:03", 23, 3, 1),
        ("yesterday at 23:03", 23, 3, 1),
        ("Gestern 23:03", 23, 3, 1),
        ("gestern um 23:03 Uhr", 23, 3, 1),
        ("GISTEREN\u{a0}23:03", 23, 3, 1),
    ];

    #[rustfmt::skip]
    const ERR: &[(&str, &str)] = &[
        ("", "invalid clock time: empty input"),
        ("24:00", "invalid clock time: hour out of range at byte 0"),
        ("12:60", "invalid clock time: invalid minute at byte 3"),
        ("12:5", "invalid clock time: invalid minute at byte 3"),
        ("1925", "invalid clock time: expected a time like 19:25 at byte 0"),
        ("09.30", "invalid clock time: expected a time like 19:25 at byte 0"),
        ("19 : 25", "invalid clock time: expected a time like 19:25 at byte 0"),
        ("Het kabinet", "invalid clock time: expected a time like 19:25 at byte 0"),
        ("gisteren", "invalid clock time: expected a time like 19:25 at byte 8"),
        ("19:25 gisteren", "invalid clock time: unexpected text at byte 6"),
        ("99999999999:00", "invalid clock time: expected a time like 19:25 at byte 0"),
    ];

    #[test]
    fn accepts() {
        for &(input, hour, minute, days_ago) in OK {
            let c: Clock = input.parse().unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(
                (c.hour, c.minute, c.days_ago),
                (hour, minute, days_ago),
                "{input}"
            );
            assert_eq!(c.to_string().parse(), Ok(c), "{input}");
        }
    }

    #[test]
    fn errors() {
        for &(input, msg) in ERR {
            let e = input.parse::<Clock>().unwrap_err();
            assert_eq!(e.to_string(), msg, "{input:?}");
        }
    }

    #[test]
    fn resolve_out_of_range_is_none() {
        let mut c = Clock::new(1, 2, 0).unwrap();
        c.hour = 99;
        assert_eq!(c.resolve(Date::MIN, UtcOffset::UTC), None);
        let c = Clock::new(1, 2, 1).unwrap();
        assert_eq!(c.resolve(Date::MIN, UtcOffset::UTC), None);
    }
}
