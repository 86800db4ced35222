//! How a page is parsed: the caller's base URL and the input limits.

use markup5ever_rcdom::RcDom;
use url::Url;

use crate::dom::{self, Page};
use crate::meta::PageMeta;
use crate::{Article, Error, Listing, article, listing};

/// Input limits checked before tree building. (Guard: to be written.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Limits {}

/// Parsing options: a base URL for relative links and the input [`Limits`].
///
/// ```
/// let options = newswire::Options::new().with_base("https://www.zeelandnet.nl/nieuws/")?;
/// let html = r#"<h1>Kop</h1><p>GOES - Tekst van het artikel.</p>"#;
/// let article = options.parse_article(html);
/// # Ok::<(), newswire::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    base: Option<Url>,
    limits: Limits,
}

impl Options {
    /// Options with no base URL and the default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Resolves relative links against `base` when the page names no
    /// `<base href>` of its own (it is the address the page was fetched from).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidBase`] when `base` is not an absolute URL.
    pub fn with_base(mut self, base: &str) -> Result<Self, Error> {
        self.base = Some(Url::parse(base)?);
        Ok(self)
    }

    /// Replaces the input limits.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Parses an article page.
    ///
    /// # Errors
    ///
    /// [`Error::NoHeadline`] or [`Error::NoBody`] when the page is not an
    /// article; [`Error::LimitExceeded`] when the input crosses a limit.
    pub fn parse_article(&self, html: &str) -> Result<Article, Error> {
        self.article_from_dom(&self.build_dom(html)?)
    }

    /// Parses a listing page.
    ///
    /// # Errors
    ///
    /// [`Error::NoListing`] when the page holds no list of stories;
    /// [`Error::LimitExceeded`] when the input crosses a limit.
    pub fn parse_listing(&self, html: &str) -> Result<Listing, Error> {
        self.listing_from_dom(&self.build_dom(html)?)
    }

    /// Parses an article page given as bytes in any charset (see
    /// [`Options::decode`]).
    ///
    /// # Errors
    ///
    /// As [`Options::parse_article`].
    pub fn parse_article_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        self.parse_article(&Self::decode(bytes))
    }

    /// Parses a listing page given as bytes in any charset (see
    /// [`Options::decode`]).
    ///
    /// # Errors
    ///
    /// As [`Options::parse_listing`].
    pub fn parse_listing_bytes(&self, bytes: &[u8]) -> Result<Listing, Error> {
        self.parse_listing(&Self::decode(bytes))
    }

    /// Decodes page bytes to text. (Charset detection: to be written; for
    /// now invalid UTF-8 becomes U+FFFD.)
    pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(bytes)
    }

    /// Extracts an article from a DOM the caller already parsed.
    ///
    /// # Errors
    ///
    /// As [`Options::parse_article`], limits aside.
    pub fn article_from_dom(&self, dom: &RcDom) -> Result<Article, Error> {
        let page = Page::new(dom);
        let meta = PageMeta::new(&page, self.base.as_ref());
        article::extract(&page, &meta)
    }

    /// Extracts a listing from a DOM the caller already parsed.
    ///
    /// # Errors
    ///
    /// As [`Options::parse_listing`], limits aside.
    pub fn listing_from_dom(&self, dom: &RcDom) -> Result<Listing, Error> {
        let page = Page::new(dom);
        let meta = PageMeta::new(&page, self.base.as_ref());
        listing::extract(&page, &meta)
    }

    fn build_dom(&self, html: &str) -> Result<RcDom, Error> {
        let _ = &self.limits;
        Ok(dom::parse(html))
    }
}
