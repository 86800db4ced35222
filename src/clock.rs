//! Clock times shown instead of an age: `19:25`, `Gisteren 23:03`. (Grammar: to be written.)

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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

/// Why a text is not a clock time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseClockError(());

impl fmt::Display for ParseClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid clock time")
    }
}
impl std::error::Error for ParseClockError {}

impl FromStr for Clock {
    type Err = ParseClockError;
    fn from_str(_s: &str) -> Result<Self, Self::Err> {
        Err(ParseClockError(()))
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}
