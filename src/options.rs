//! How a page is parsed: the caller's base URL and the input limits.

use markup5ever_rcdom::RcDom;
use url::Url;

use crate::dom::Page;
use crate::meta::PageMeta;
use crate::{Article, Error, Listing, article, listing};
use crate::{decode, guard};

/// Input limits checked before tree building.
///
/// html5ever tokenizes in linear time but its tree builder does not build in
/// linear time on hostile input (deep nesting, formatting elements left open
/// in closed parents, misnested end tags, tags with huge attribute lists).
/// Before building a tree, [`Options`] runs a linear pre-scan that models
/// the tree builder's stack of open elements and list of active formatting
/// elements, and refuses input that crosses a limit with
/// [`Error::LimitExceeded`] — no degraded parse: a page over a limit is not
/// a news page. Within the limits every tree-builder step is bounded, so
/// parsing stays linear in the input size.
///
/// The defaults sit far above what real news pages reach, and low enough
/// that any input within them parses in well under a second per megabyte
/// and under 256 MB of memory. Maxima measured over the 479 real pages of
/// the project's test material (news pages from fundus, trafilatura,
/// readability, the `ScrapingHub` benchmark, and the corpus; largest 1.6 MB):
///
/// | limit | default | real maximum | why this default |
/// |---|---|---|---|
/// | input bytes | 16 MiB | 1.6 MB | 10×; keeps attribute-heavy input under 256 MB |
/// | depth | 256 | 51 | 5×; each tag may walk the whole stack |
/// | open formatting | 64 | 3 | 20×; text re-creates each one per paragraph |
/// | attributes per tag | 256 | 64 | 4×; duplicate checks are quadratic per tag |
/// | elements (and comments) | 400,000 | 3,140 | ~100×; 400k elements peak at 220 MB RSS |
/// | walk work per byte | 8 | 0.76 | 10×; bounds scope checks below the depth limit |
///
/// ```
/// use newswire::{Error, Limit, Limits, Options};
/// let options = Options::new().with_limits(Limits::default().max_depth(64));
/// let deep = "<div>".repeat(100);
/// assert_eq!(
///     options.parse_article(&deep).unwrap_err(),
///     Error::LimitExceeded { what: Limit::Depth, limit: 64 }
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    pub(crate) input_bytes: usize,
    pub(crate) depth: usize,
    pub(crate) formatting: usize,
    pub(crate) attributes_per_tag: usize,
    pub(crate) elements: usize,
    pub(crate) work_per_byte: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            input_bytes: 16 << 20,
            depth: 256,
            formatting: 64,
            attributes_per_tag: 256,
            elements: 400_000,
            work_per_byte: 8,
        }
    }
}

impl Limits {
    /// The default limits (see the type's docs).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(newswire::Limits::new(), newswire::Limits::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Largest input in bytes (after decoding, as UTF-8).
    ///
    /// # Examples
    ///
    /// ```
    /// let limits = newswire::Limits::new().max_input_bytes(1 << 20);
    /// assert!(limits.check("<p>x</p>").is_ok());
    /// ```
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.input_bytes = bytes;
        self
    }

    /// Deepest nesting of open elements, counting the implied `html` and
    /// `body`.
    ///
    /// # Examples
    ///
    /// ```
    /// let limits = newswire::Limits::new().max_depth(10);
    /// assert!(limits.check(&"<div>".repeat(20)).is_err());
    /// ```
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.depth = depth;
        self
    }

    /// Most entries in the tree builder's list of active formatting
    /// elements (`a`, `b`, `font`, `i`, … not yet closed by their own end
    /// tag, including those left open inside a closed parent).
    ///
    /// # Examples
    ///
    /// ```
    /// let limits = newswire::Limits::new().max_open_formatting(8);
    /// assert!(limits.check("<div><b><i><u><b><i><u><b><i><u></div>").is_err());
    /// ```
    #[must_use]
    pub fn max_open_formatting(mut self, entries: usize) -> Self {
        self.formatting = entries;
        self
    }

    /// Most attributes on one tag.
    ///
    /// # Examples
    ///
    /// ```
    /// let limits = newswire::Limits::new().max_attributes_per_tag(2);
    /// assert!(limits.check("<p a b c>").is_err());
    /// ```
    #[must_use]
    pub fn max_attributes_per_tag(mut self, attributes: usize) -> Self {
        self.attributes_per_tag = attributes;
        self
    }

    /// Most elements and comments the tree builder would create, counting
    /// the formatting elements it re-creates in every new paragraph.
    ///
    /// # Examples
    ///
    /// ```
    /// let limits = newswire::Limits::new().max_elements(100);
    /// assert!(limits.check(&"<p>x</p>".repeat(200)).is_err());
    /// ```
    #[must_use]
    pub fn max_elements(mut self, elements: usize) -> Self {
        self.elements = elements;
        self
    }

    /// Most stack-walk steps per input byte: the sum, over every tag and
    /// text run, of the nesting depth it is read at, divided by the input
    /// size (plus an allowance of a million steps). The tree builder walks
    /// its stack of open elements for scope checks and end tags, so this
    /// bounds its time per byte even below the depth limit.
    ///
    /// # Examples
    ///
    /// ```
    /// let limits = newswire::Limits::new().max_work_per_byte(1);
    /// let html = format!("{}{}", "<em>".repeat(200), "</x>".repeat(300_000));
    /// assert!(limits.check(&html).is_err());
    /// ```
    #[must_use]
    pub fn max_work_per_byte(mut self, steps: usize) -> Self {
        self.work_per_byte = steps;
        self
    }

    /// Runs the pre-scan alone, for callers that parse with html5ever
    /// themselves and then use [`Article::from_dom`](crate::Article::from_dom).
    /// Linear in the input size.
    ///
    /// # Errors
    ///
    /// [`Error::LimitExceeded`] naming the first limit crossed.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::{Error, Limit, Limits};
    /// let tag = format!("<p {}>", "a ".repeat(1000));
    /// assert!(matches!(
    ///     Limits::default().check(&tag),
    ///     Err(Error::LimitExceeded { what: Limit::AttributesPerTag, .. })
    /// ));
    /// ```
    pub fn check(&self, html: &str) -> Result<(), Error> {
        guard::scan(html.as_bytes(), self).map(|_| ())
    }
}

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
    ///
    /// # Examples
    ///
    /// ```
    /// let options = newswire::Options::new();
    /// assert!(options.parse_listing("<p>geen lijst</p>").is_err());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Resolves relative links against `base` when the page names no
    /// `<base href>` of its own (it is the address the page was fetched from).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidBase`] when `base` is not an absolute URL.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = newswire::Options::new().with_base("https://www.zeelandnet.nl/nieuws/")?;
    /// let listing = options.parse_listing(
    ///     "<ul><li><a href='goes-1'>Eerste bericht uit Goes</a></li>\
    ///      <li><a href='goes-2'>Tweede bericht uit Goes</a></li></ul>",
    /// )?;
    /// assert_eq!(listing.items[0].url.as_deref(), Some("https://www.zeelandnet.nl/nieuws/goes-1"));
    /// assert!(newswire::Options::new().with_base("/relatief").is_err());
    /// # Ok::<(), newswire::Error>(())
    /// ```
    pub fn with_base(mut self, base: &str) -> Result<Self, Error> {
        self.base = Some(Url::parse(base)?);
        Ok(self)
    }

    /// Replaces the input limits.
    #[must_use]
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::{Error, Limit, Limits, Options};
    /// let strict = Options::new().with_limits(Limits::default().max_elements(10));
    /// let page = "<p>x</p>".repeat(20);
    /// assert!(matches!(
    ///     strict.parse_article(&page),
    ///     Err(Error::LimitExceeded { what: Limit::Elements, .. })
    /// ));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// let html = "<title>Kop | Site</title><h1>Kop</h1>\
    ///     <p>GOES - De gemeenteraad neemt volgende week een besluit over het plan.</p>";
    /// let article = newswire::Options::new().parse_article(html)?;
    /// assert_eq!(article.title, "Kop");
    /// # Ok::<(), newswire::Error>(())
    /// ```
    pub fn parse_article(&self, html: &str) -> Result<Article, Error> {
        self.article_from_page(&self.build_page(html)?)
    }

    /// Parses a listing page.
    ///
    /// # Errors
    ///
    /// [`Error::NoListing`] when the page holds no list of stories;
    /// [`Error::LimitExceeded`] when the input crosses a limit.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = "<ul><li><a href='https://a.nl/1'>Eerste bericht hier</a> <span>1 uur geleden</span></li>\
    ///     <li><a href='https://a.nl/2'>Tweede bericht hier</a> <span>2 uur geleden</span></li></ul>";
    /// let listing = newswire::Options::new().parse_listing(html)?;
    /// assert_eq!(listing.items.len(), 2);
    /// # Ok::<(), newswire::Error>(())
    /// ```
    pub fn parse_listing(&self, html: &str) -> Result<Listing, Error> {
        self.listing_from_page(&self.build_page(html)?)
    }

    /// Parses an article page given as bytes in any charset (see
    /// [`Options::decode`]).
    ///
    /// # Errors
    ///
    /// As [`Options::parse_article`].
    ///
    /// # Examples
    ///
    /// ```
    /// // windows-1252 bytes: 0xEB is "ë".
    /// let bytes = b"<meta charset=windows-1252><title>Belgi\xeb | Site</title><h1>Belgi\xeb</h1>\
    ///     <p>BRUSSEL (ANP) - In Belgi\xeb is een akkoord bereikt over de nieuwe regering.</p>";
    /// let article = newswire::Options::new().parse_article_bytes(bytes)?;
    /// assert_eq!(article.title, "Belgi\u{eb}");
    /// # Ok::<(), newswire::Error>(())
    /// ```
    pub fn parse_article_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        self.check_size(bytes)?;
        self.parse_article(&Self::decode(bytes))
    }

    /// Parses a listing page given as bytes in any charset (see
    /// [`Options::decode`]).
    ///
    /// # Errors
    ///
    /// As [`Options::parse_listing`].
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = b"<ul><li><a href='https://a.nl/1'>Caf\xe9 in Goes dicht</a></li>\
    ///     <li><a href='https://a.nl/2'>Nieuwe brug in Sluis</a></li></ul>";
    /// let listing = newswire::Options::new().parse_listing_bytes(bytes)?;
    /// assert_eq!(listing.items[0].title, "Caf\u{e9} in Goes dicht");
    /// # Ok::<(), newswire::Error>(())
    /// ```
    pub fn parse_listing_bytes(&self, bytes: &[u8]) -> Result<Listing, Error> {
        self.check_size(bytes)?;
        self.parse_listing(&Self::decode(bytes))
    }

    /// Decodes page bytes to text in the page's charset: a byte-order
    /// mark; else a `<meta charset>` or `<meta http-equiv="content-type">`
    /// in the first 1024 bytes; else UTF-8 when the bytes are valid UTF-8;
    /// else windows-1252 (the HTML standard's default for Dutch). Invalid
    /// sequences become U+FFFD.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Options;
    /// assert_eq!(Options::decode(b"<p>caf\xe9"), "<p>caf\u{e9}");
    /// assert_eq!(Options::decode(b"<p>caf\xc3\xa9"), "<p>caf\u{e9}");
    /// assert_eq!(Options::decode(b"<meta charset=\"iso-8859-15\"><p>\xa4"), "<meta charset=\"iso-8859-15\"><p>\u{20ac}");
    /// ```
    pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
        decode::decode(bytes)
    }

    /// Extracts an article from a DOM the caller already parsed: the same
    /// result [`Options::parse_article`] gives for the same input (which
    /// builds its tree without an `RcDom`), limits aside.
    ///
    /// # Errors
    ///
    /// As [`Options::parse_article`], limits aside.
    ///
    /// # Examples
    ///
    /// ```
    /// use html5ever::tendril::TendrilSink;
    /// use newswire::markup5ever_rcdom::RcDom;
    /// let dom = html5ever::parse_document(RcDom::default(), Default::default())
    ///     .one("<h1>Kop</h1><p>GOES - De gemeenteraad neemt volgende week een besluit.</p>");
    /// let article = newswire::Options::new().article_from_dom(&dom)?;
    /// assert_eq!(article.dateline.map(|d| d.city), Some("GOES".to_owned()));
    /// # Ok::<(), newswire::Error>(())
    /// ```
    pub fn article_from_dom(&self, dom: &RcDom) -> Result<Article, Error> {
        self.article_from_page(&Page::new(dom))
    }

    /// Extracts a listing from a DOM the caller already parsed: the same
    /// result [`Options::parse_listing`] gives for the same input, limits
    /// aside.
    ///
    /// # Errors
    ///
    /// As [`Options::parse_listing`], limits aside.
    ///
    /// # Examples
    ///
    /// ```
    /// use html5ever::tendril::TendrilSink;
    /// use newswire::markup5ever_rcdom::RcDom;
    /// let dom = html5ever::parse_document(RcDom::default(), Default::default()).one("<p>geen lijst</p>");
    /// assert_eq!(newswire::Options::new().listing_from_dom(&dom), Err(newswire::Error::NoListing));
    /// ```
    pub fn listing_from_dom(&self, dom: &RcDom) -> Result<Listing, Error> {
        self.listing_from_page(&Page::new(dom))
    }

    fn article_from_page(&self, page: &Page) -> Result<Article, Error> {
        let meta = PageMeta::new(page, self.base.as_ref());
        article::extract(page, &meta)
    }

    fn listing_from_page(&self, page: &Page) -> Result<Listing, Error> {
        let meta = PageMeta::new(page, self.base.as_ref());
        listing::extract(page, &meta)
    }

    /// The pre-scan, then html5ever.
    fn build_page(&self, html: &str) -> Result<Page, Error> {
        let (usage, unread) = guard::scan_unread(html.as_bytes(), &self.limits)?;
        Ok(Page::parse(html, usage.elements, &unread))
    }

    /// Refuses oversized bytes before decoding them.
    fn check_size(&self, bytes: &[u8]) -> Result<(), Error> {
        if bytes.len() > self.limits.input_bytes {
            return Err(Error::LimitExceeded {
                what: crate::Limit::InputBytes,
                limit: self.limits.input_bytes,
            });
        }
        Ok(())
    }
}
