#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod age;
mod article;
mod calendar;
mod clock;
mod dateline;
mod decode;
mod dom;
mod error;
mod guard;
mod listing;
mod meta;
mod options;
mod text;

pub use age::{AgeErrorKind, AgeUnit, ParseAgeError, RelativeAge};
pub use article::{Article, Block, BlockKind};
pub use clock::{Clock, ClockErrorKind, ParseClockError};
pub use dateline::{Agency, AgencyKind, Dateline, DatelineErrorKind, ParseDatelineError};
pub use error::{Error, Limit};
pub use listing::{Anchor, Listing, ListingItem};
pub use options::{Limits, Options};

/// The DOM crate in this crate's signatures ([`Article::from_dom`]).
pub use markup5ever_rcdom;

/// Parses an article page with the default [`Options`].
///
/// # Errors
///
/// [`Error::NoHeadline`] or [`Error::NoBody`] when the page is not an
/// article; [`Error::LimitExceeded`] when the input crosses a default limit.
///
/// # Examples
///
/// ```
/// let html = "<html><head><title>Kop | Site</title></head><body>\
///     <h1>Kop</h1><p>GOES - De tekst.</p></body></html>";
/// let article = newswire::parse_article(html);
/// # let _ = article;
/// ```
pub fn parse_article(html: &str) -> Result<Article, Error> {
    Options::default().parse_article(html)
}

/// Parses a listing page with the default [`Options`].
///
/// # Errors
///
/// [`Error::NoListing`] when the page holds no list of stories;
/// [`Error::LimitExceeded`] when the input crosses a default limit.
///
/// # Examples
///
/// ```
/// let listing = newswire::parse_listing("<p>geen lijst</p>");
/// assert!(listing.is_err());
/// ```
pub fn parse_listing(html: &str) -> Result<Listing, Error> {
    Options::default().parse_listing(html)
}

impl Article {
    /// Extracts an article from a DOM the caller already holds.
    ///
    /// # Errors
    ///
    /// As [`parse_article`], limits aside.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::markup5ever_rcdom::RcDom;
    /// use html5ever::tendril::TendrilSink;
    /// let dom = html5ever::parse_document(RcDom::default(), Default::default()).one("<p>x</p>");
    /// assert!(newswire::Article::from_dom(&dom).is_err());
    /// ```
    pub fn from_dom(dom: &markup5ever_rcdom::RcDom) -> Result<Self, Error> {
        Options::default().article_from_dom(dom)
    }
}

impl Listing {
    /// Extracts a listing from a DOM the caller already holds.
    ///
    /// # Errors
    ///
    /// As [`parse_listing`], limits aside.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::markup5ever_rcdom::RcDom;
    /// use html5ever::tendril::TendrilSink;
    /// let dom = html5ever::parse_document(RcDom::default(), Default::default()).one("<p>x</p>");
    /// assert!(newswire::Listing::from_dom(&dom).is_err());
    /// ```
    pub fn from_dom(dom: &markup5ever_rcdom::RcDom) -> Result<Self, Error> {
        Options::default().listing_from_dom(dom)
    }
}
