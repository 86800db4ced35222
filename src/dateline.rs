//! Wire datelines: `ASTANA (ANP/DPA/AFP) - `. (Grammar: to be written.)

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A dateline split off the start of a story.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The place, as written.
    pub city: String,
    /// A region after the city (`Calif.`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// A date after the city (`Jan 5`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The agencies in source order, each as written.
    pub agencies: Vec<Agency>,
}

/// One agency code of a dateline, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Agency(String);

/// Why a text is not a dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDatelineError(());

impl fmt::Display for ParseDatelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid dateline")
    }
}
impl std::error::Error for ParseDatelineError {}

impl Dateline {
    /// Takes a dateline off the start of `text`.
    pub fn split(text: &str) -> Option<(Dateline, &str)> {
        let _ = text;
        None
    }
}

impl FromStr for Dateline {
    type Err = ParseDatelineError;
    fn from_str(_s: &str) -> Result<Self, Self::Err> {
        Err(ParseDatelineError(()))
    }
}

impl fmt::Display for Dateline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.city)
    }
}
