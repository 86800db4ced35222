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
mod sink;
mod spare;
#[cfg(test)]
mod testing;
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
/// let html = "<html><head><title>Dijk bij Cadzand klaar | Site</title></head><body>\
///     <h1>Dijk bij Cadzand klaar</h1>\
///     <p>CADZAND - De versterking van de zeedijk is twee maanden eerder klaar.</p></body></html>";
/// let article = newswire::parse_article(html)?;
/// assert_eq!(article.title, "Dijk bij Cadzand klaar");
/// assert_eq!(article.dateline.map(|d| d.city), Some("CADZAND".to_owned()));
/// assert_eq!(article.body[0].text, "De versterking van de zeedijk is twee maanden eerder klaar.");
///
/// assert_eq!(newswire::parse_article("<p>geen kop</p>"), Err(newswire::Error::NoHeadline));
/// # Ok::<(), newswire::Error>(())
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
/// let html = r#"<h1>Politiek</h1><ul>
///   <li><a href="https://example.nl/a"><h2>Kabinet valt over stikstof</h2></a><span>ANP</span><span>2 uur geleden</span></li>
///   <li><a href="https://example.nl/b"><h2>Kamer stemt in met begroting</h2></a><span>ANP</span><span>1 dag geleden</span></li>
/// </ul>"#;
/// let listing = newswire::parse_listing(html)?;
/// assert_eq!(listing.items.len(), 2);
/// assert_eq!(listing.items[0].title, "Kabinet valt over stikstof");
/// assert_eq!(listing.items[0].label.as_deref(), Some("ANP"));
/// assert_eq!(listing.items[1].age.map(|a| a.to_string()), Some("1 dag geleden".to_owned()));
///
/// assert_eq!(newswire::parse_listing("<p>geen lijst</p>"), Err(newswire::Error::NoListing));
/// # Ok::<(), newswire::Error>(())
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
