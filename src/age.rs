//! Relative ages: `4 minuten geleden`. (Grammar: to be written.)

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How long ago a story appeared, as the page words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RelativeAge {
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: AgeUnit,
}

/// The unit of a [`RelativeAge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum AgeUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Why a text is not a relative age.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseAgeError(());

impl fmt::Display for ParseAgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid relative age")
    }
}
impl std::error::Error for ParseAgeError {}

impl FromStr for RelativeAge {
    type Err = ParseAgeError;
    fn from_str(_s: &str) -> Result<Self, Self::Err> {
        Err(ParseAgeError(()))
    }
}

impl fmt::Display for RelativeAge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:?} geleden", self.amount, self.unit)
    }
}
