//! The crate's error type for page extraction.
//!
//! Grammar errors ([`ParseDatelineError`](crate::ParseDatelineError),
//! [`ParseAgeError`](crate::ParseAgeError)) live beside their grammars; this
//! module holds the page-level [`Error`] that `parse_article` and
//! `parse_listing` return.

use std::fmt;

/// Why a page could not be turned into the value asked for.
///
/// Extraction fails only when no usable value exists: an optional field that
/// cannot be found is `None` on the output, not an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The page has no headline, so it is not an article.
    #[error("not an article: no headline found")]
    NoHeadline,
    /// The page has a headline but no body text, so it is not an article.
    #[error("not an article: no body text found")]
    NoBody,
    /// The page holds no list of stories.
    #[error("not a listing: no list of stories found")]
    NoListing,
    /// The input crossed one of the configured [`Limits`](crate::Limits)
    /// before tree building.
    #[error("input exceeds the {what} limit of {limit}")]
    LimitExceeded {
        /// Which limit was crossed.
        what: Limit,
        /// The configured value of that limit.
        limit: usize,
    },
    /// A base URL given by the caller is not an absolute URL.
    #[error("invalid base url: {0}")]
    InvalidBase(#[from] url::ParseError),
}

/// The input limits that guard tree building, named in
/// [`Error::LimitExceeded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// Input size in bytes.
    InputBytes,
    /// Depth of nested open elements.
    Depth,
    /// Formatting elements (`b`, `i`, `font`, …) open at once.
    OpenFormatting,
    /// Attributes on one tag.
    AttributesPerTag,
    /// Elements in the whole document.
    Elements,
    /// Steps the tree builder's walks of its stack of open elements take,
    /// per input byte (the sum, over every tag and text run, of the depth
    /// it is read at; a budget of `limit` steps per byte, plus a million).
    Work,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InputBytes => "input size",
            Self::Depth => "nesting depth",
            Self::OpenFormatting => "open formatting elements",
            Self::AttributesPerTag => "attributes per tag",
            Self::Elements => "element count",
            Self::Work => "tree-building work per byte",
        })
    }
}
