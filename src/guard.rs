//! A linear pre-scan that keeps html5ever's tree builder linear.
//!
//! html5ever tokenizes in linear time, but its tree builder is not linear:
//! scope checks and "any other end tag" walk the stack of open elements, the
//! adoption agency algorithm and Noah's-ark clause scan the list of active
//! formatting elements, and reconstructing that list re-creates every
//! formatting element left open in a closed parent — once per paragraph.
//! A 99 KB page can build 25 million nodes that way.
//!
//! [`scan`] reads the bytes once with a tokenizer that follows the HTML
//! tokenizer's states for tags, attributes, comments and raw text, and feeds
//! a simplified tree builder: a stack of open elements (void elements,
//! implied end tags for `p`, `li`, `dd`/`dt`, `option`, table parts and
//! headings, scope boundaries, special elements, foreign content), the list
//! of active formatting elements with markers, Noah's ark, reconstruction and
//! a simplified adoption agency. Every walk it does is bounded by the limits
//! it checks, so the scan itself is linear; every input that passes costs the
//! tree builder at most `depth` (or `formatting`) steps per token.
//!
//! Where the model is unsure it over-counts (treats text as markup, keeps
//! elements open), so a hostile page cannot hide structure from it.
//!
//! [`scan_unread`] also collects, while its tokenizer is sure to read tags
//! as html5ever does, the byte ranges of what no extractor reads and the
//! tree builder never looks at (see [`Unread`]): attributes, the text of
//! styles, of scripts that are not JSON-LD and of comments, white space
//! that says nothing, and end tags html5ever would imply at the next tag. The parse
//! leaves them out of html5ever's input and gets the same tree, less what
//! the index would drop anyway.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::is_html_space;
use crate::{Error, Limit, Limits};

/// What one pre-scan saw: the maxima the limits are checked against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Usage {
    /// Deepest stack of open elements, counting `html` and `body`.
    pub depth: usize,
    /// Most entries in the list of active formatting elements at once.
    pub formatting: usize,
    /// Most attributes on one tag.
    pub attributes: usize,
    /// Elements and comments the tree builder creates, reconstructions
    /// included.
    pub elements: usize,
    /// Sum of the stack depth at every tag: what the tree builder's stack
    /// walks cost at most.
    pub work: usize,
}

/// Checks `html` against `limits` in one linear pass.
pub(crate) fn scan(html: &[u8], limits: &Limits) -> Result<Usage, Error> {
    run(html, limits, None).map(|(usage, _)| usage)
}

/// [`scan`], which also finds what html5ever can go without (see
/// [`Unread`]): byte ranges, in order and apart.
pub(crate) fn scan_unread(
    html: &[u8],
    limits: &Limits,
) -> Result<(Usage, Vec<Range<usize>>), Error> {
    let unread = Unread {
        spans: Vec::new(),
        sure: true,
        svg: Vec::new(),
        edge: false,
        spacer: None,
        closer: None,
        held: None,
        head: true,
    };
    run(html, limits, Some(unread))
        .map(|(usage, unread)| (usage, unread.map(|u| u.spans).unwrap_or_default()))
}

fn run(
    html: &[u8],
    limits: &Limits,
    unread: Option<Unread>,
) -> Result<(Usage, Option<Unread>), Error> {
    if html.len() > limits.input_bytes {
        return Err(exceeded(Limit::InputBytes, limits.input_bytes));
    }
    let mut tree = Tree::new(limits);
    let mut tokenizer = Tokenizer {
        src: html,
        pos: 0,
        unread,
    };
    tokenizer.run(&mut tree)?;
    let budget = work_budget(html.len(), limits);
    if tree.usage.work > budget {
        return Err(exceeded(Limit::Work, limits.work_per_byte));
    }
    Ok((tree.usage, tokenizer.unread))
}

/// What no extractor reads and html5ever's tree builder never looks at,
/// found by the scan's tokenizer: attributes (class names, ids, `data-`,
/// `src`, …), the text of `<style>` elements and of scripts that are not
/// JSON-LD, all but its last byte, and the text of comments (see
/// [`Tokenizer::note_comment`]).
///
/// Leaving them out of the text html5ever parses builds the same tree less
/// attributes the index drops anyway (see [`crate::dom::keeps_attribute`]),
/// with a one-byte text in each cut style or script, which the index
/// empties in both doors. html5ever tokenizes attribute bytes one
/// character at a time and script text a line at a time: together they
/// are a fifth to a half of its work on a news page.
///
/// White space that says nothing goes too: that of the head, and spacers
/// between two [`WORD_BOUND`] tags (`</p>\n<p>`), which the index leaves
/// out in both doors (see `dom::WORD_BOUNDS`). A spacer is taken only when
/// the tag before it opened or closed the current element, the tag after
/// it does too, and html5ever would insert it as it is: no formatting
/// element in the list after its last marker (one could be re-created
/// around it, or an adoption could move it into a clone), no table or
/// foreign content around, and nothing irregular seen (see
/// [`Tree::irregular`]).
///
/// On the same conditions, the end tag of the current element goes when
/// nothing but a spacer separates it from a tag before which html5ever
/// closes that element anyway (see [`closes_before`]): `</p>\n<p>`
/// reaches html5ever as `<p>`, `</time></footer>` as `</footer>`,
/// `</div>\n</section>` as `</section>`, with the same tree.
///
/// Ranges are taken only where the scan reads a tag exactly as html5ever
/// does (a script's text ends where html5ever's script data states end
/// it, [`script_end`]). At the first markup after which that may not hold
/// (`<math>`, `<frameset>`, an `<svg>` that is not plain) the scan stops
/// taking them; those before stay valid, since the tree up to there is
/// the same. A `<select>`'s content is read as the
/// body's (html5ever 0.40), but its tree is not modelled exactly: while a
/// select is open, attributes, raw text and comments are cut, white space
/// and end tags are not.
struct Unread {
    spans: Vec<Range<usize>>,
    /// Whether the scan still reads the input as html5ever does.
    sure: bool,
    /// The open elements of an inline `<svg>` (the `svg` first), while the
    /// scan is inside one (see [`SVG_PLAIN`]).
    svg: Vec<Name>,
    /// The last token was a tag white space after which would sit beside a
    /// [`WORD_BOUND`] element: its start tag, or its end tag closing it.
    edge: bool,
    /// White space after such a tag, taken if the next tag is one too.
    spacer: Option<Range<usize>>,
    /// The end tag just read, when it closed the current element, one that
    /// [`may_close_early`], where html5ever would insert as it is (the
    /// spacer's conditions): its range and the element's name.
    closer: Option<(Range<usize>, Name)>,
    /// That closer while only an empty gap or a spacer follows it: cut when
    /// the next tag is one before which html5ever closes the element
    /// itself (see [`closes_before`]). `</p>\n<p>` reaches html5ever as
    /// `<p>`; the tree is the same, and html5ever skips an end tag's
    /// tokenizing and tree-building (a seventh of its work on a page of
    /// paragraphs).
    held: Option<(Range<usize>, Name)>,
    /// Still in the head: nothing but white space, comments and the tags
    /// of [`HEAD_TAGS`] so far. White space there is ignored by html5ever
    /// or goes into `<head>`, whose white space the index leaves out.
    head: bool,
}

/// Tags that keep html5ever in the head: `</head>` and every other tag
/// end it for the scan.
const HEAD_TAGS: [&[u8]; 11] = [
    b"html",
    b"head",
    b"meta",
    b"link",
    b"title",
    b"base",
    b"basefont",
    b"bgsound",
    b"style",
    b"script",
    b"noscript",
];

/// SVG elements that keep an inline `<svg>` plain: none ends foreign
/// content, and none holds HTML but a `<title>` or `<desc>` holding text
/// alone, so inside an `<svg>` of these, properly nested, html5ever reads
/// every tag as the scan does, and after its `</svg>` the page is HTML
/// again. Icons are made of them, accessible ones with a `<title>`; any
/// other tag in an `<svg>` (`foreignObject`, `a`, a custom name, and above
/// all an HTML tag such as `<div>` that ends foreign content), and any tag
/// in its `<title>` or `<desc>`, ends the cutting for good.
///
/// (`<title>` and `<desc>` are integration points: a tag inside is HTML,
/// where a self-closing `<use/>` stays open and `</title>` is then
/// ignored. The guard's model follows that, so the tags there are a margin
/// kept, not a known hazard. Text is text either way, and a CDATA section
/// opens there as in the rest of the `<svg>`, see [`Tree::cdata_opens`].)
const SVG_PLAIN: [&[u8]; 41] = [
    b"svg",
    b"title",
    b"desc",
    b"g",
    b"path",
    b"use",
    b"circle",
    b"rect",
    b"line",
    b"polyline",
    b"polygon",
    b"ellipse",
    b"defs",
    b"symbol",
    b"lineargradient",
    b"radialgradient",
    b"stop",
    b"clippath",
    b"mask",
    b"pattern",
    b"text",
    b"tspan",
    b"filter",
    b"fegaussianblur",
    b"feoffset",
    b"fecolormatrix",
    b"feblend",
    b"fecomposite",
    b"feflood",
    b"femerge",
    b"femergenode",
    b"fedropshadow",
    b"animate",
    b"animatetransform",
    b"animatemotion",
    b"set",
    b"marker",
    b"textpath",
    b"image",
    b"metadata",
    // (Text in foreign content: a `<` in its CSS opens a tag, which must
    // be plain too.)
    b"style",
];

impl Unread {
    /// Adds `span` of `src`, joined to the last one when only white space
    /// parts them (`class=a id=b`): one range per run of unread
    /// attributes, however many a tag has.
    fn add(&mut self, src: &[u8], span: Range<usize>) {
        if let Some(last) = self.spans.last_mut()
            && src
                .get(last.end..span.start)
                .is_some_and(|gap| gap.iter().all(|&b| is_html_space(b)))
        {
            last.end = span.end;
        } else {
            self.spans.push(span);
        }
    }
}

/// Attributes html5ever's tree builder reads: the encoding of a `<meta>`,
/// `<input type>`, form association, declarative shadow roots, `encoding`
/// on `annotation-xml`, and the `<font>` attributes that end foreign
/// content.
const TREE_BUILDER_READS: [&[u8]; 10] = [
    b"charset",
    b"http-equiv",
    b"content",
    b"type",
    b"form",
    b"shadowrootmode",
    b"encoding",
    b"color",
    b"face",
    b"size",
];

/// Whether an end tag closing the current `name` element may be held as a
/// closer (see [`closes_before`]): `<p>`, `<li>`, `<dd>`, `<dt>`; inline
/// elements that are not formatting ones; and word-bound blocks but the
/// lists, which bound the scope `</li>` looks in. None of them bounds the
/// scope the end tags of word-bound elements look in, nor leaves a marker
/// or a pointer behind when popped.
fn may_close_early(name: Name) -> bool {
    !has(name, SPECIAL | FORMATTING) || (has(name, WORD_BOUND) && !has(name, LIST))
}

/// Whether html5ever, reading the word-bound tag named `next` (a start
/// tag when `start`) that opens or closes the current element, first
/// closes an open `closed` element that is current, as its end tag would
/// have: any such start or end tag closes a `<p>` (it is in button scope
/// and among the implied end tags); only `<li>` closes an `<li>`, `<dd>`
/// or `<dt>` a `<dd>` or `<dt>`. The end tag of the parent closes any of
/// them, and every other [`may_close_early`] element (`<time>`,
/// `<span>`, `<div>`, `<h2>`) unless it has the parent's name: it pops the
/// stack down to the first element of its name, and only a formatting
/// element would be left in the list of active ones.
fn closes_before(closed: Name, start: bool, next: Name) -> bool {
    match closed {
        P => true,
        LI => !start || next == LI,
        DD | DT => !start || matches!(next, DD | DT),
        // (Not before an end tag of its own name: that would pop down to
        // it, not to the parent.)
        _ => !start && next != closed,
    }
}

/// Whether html5ever can go without the attribute named `name`.
fn is_unread(name: &[u8]) -> bool {
    // Class names, ids and long `data-` names first, without a list: every
    // kept name is 3 to 14 bytes.
    if name.eq_ignore_ascii_case(b"class") || !(3..=14).contains(&name.len()) {
        return true;
    }
    !crate::dom::is_read_attribute_name(name)
        && !TREE_BUILDER_READS
            .iter()
            .any(|read| name.eq_ignore_ascii_case(read))
}

/// Stack-walk steps allowed for `len` bytes: `work_per_byte` per byte plus
/// a floor so that small pages never trip it.
fn work_budget(len: usize, limits: &Limits) -> usize {
    len.saturating_mul(limits.work_per_byte)
        .saturating_add(WORK_FLOOR)
}

/// Noah's ark clones and sorts attribute lists: one attribute compared costs
/// about as much as this many stack-walk steps (measured).
const NOAH_COST: usize = 16;

/// Walk steps every input may take, whatever its size.
const WORK_FLOOR: usize = 1 << 20;

fn exceeded(what: Limit, limit: usize) -> Error {
    Error::LimitExceeded { what, limit }
}

// ---------------------------------------------------------------------------
// Tag names and their properties.

const VOID: u16 = 1;
const FORMATTING: u16 = 1 << 1;
const SPECIAL: u16 = 1 << 2;
const SCOPE: u16 = 1 << 3;
const MARKER: u16 = 1 << 4;
const CLOSES_P: u16 = 1 << 5;
const RAWTEXT: u16 = 1 << 6;
const BREAKOUT: u16 = 1 << 7;
const INTEGRATION: u16 = 1 << 8;
const TABLE_MODE: u16 = 1 << 9;
const TABLE_PART: u16 = 1 << 10;
const HEADING: u16 = 1 << 11;
/// `ul`/`ol`: boundaries of the list-item scope `</li>` looks in.
const LIST: u16 = 1 << 12;
/// `form`: its end tag removes only the form from the stack.
const FORM: u16 = 1 << 13;
/// `annotation-xml`: an integration point only with an `encoding` the scan
/// does not read, so raw text is never assumed inside it.
const UNSURE: u16 = 1 << 14;
/// The names of [`crate::dom::WORD_BOUNDS`]: white space between two of
/// them is a spacer the index leaves out (see [`Unread`]).
const WORD_BOUND: u16 = 1 << 15;

/// Known names, interned first so their ids are the constants below.
const KNOWN: &[(&str, u16)] = &[
    ("p", SPECIAL | CLOSES_P | BREAKOUT | WORD_BOUND),
    ("li", SPECIAL | CLOSES_P | BREAKOUT | WORD_BOUND),
    ("dd", SPECIAL | CLOSES_P | BREAKOUT | WORD_BOUND),
    ("dt", SPECIAL | CLOSES_P | BREAKOUT | WORD_BOUND),
    ("option", 0),
    ("optgroup", 0),
    ("select", SPECIAL | SCOPE),
    ("table", SPECIAL | SCOPE | CLOSES_P | BREAKOUT | TABLE_MODE),
    ("tbody", SPECIAL | TABLE_MODE | TABLE_PART),
    ("thead", SPECIAL | TABLE_MODE | TABLE_PART),
    ("tfoot", SPECIAL | TABLE_MODE | TABLE_PART),
    ("tr", SPECIAL | TABLE_MODE | TABLE_PART),
    ("td", SPECIAL | SCOPE | MARKER | TABLE_PART),
    ("th", SPECIAL | SCOPE | MARKER | TABLE_PART),
    ("a", FORMATTING),
    ("nobr", FORMATTING | BREAKOUT),
    ("html", SPECIAL | SCOPE),
    ("head", SPECIAL | BREAKOUT),
    ("body", SPECIAL | BREAKOUT),
    ("svg", 0),
    ("math", 0),
    ("br", VOID | SPECIAL | BREAKOUT),
    ("plaintext", SPECIAL | CLOSES_P),
    ("button", SPECIAL),
    ("div", SPECIAL | CLOSES_P | BREAKOUT | WORD_BOUND),
    ("address", SPECIAL | CLOSES_P),
    ("template", SPECIAL | SCOPE | MARKER),
    ("frameset", SPECIAL | SCOPE),
    // Formatting elements.
    ("b", FORMATTING | BREAKOUT),
    ("big", FORMATTING | BREAKOUT),
    ("code", FORMATTING | BREAKOUT),
    ("em", FORMATTING | BREAKOUT),
    ("font", FORMATTING),
    ("i", FORMATTING | BREAKOUT),
    ("s", FORMATTING | BREAKOUT),
    ("small", FORMATTING | BREAKOUT),
    ("strike", FORMATTING | BREAKOUT),
    ("strong", FORMATTING | BREAKOUT),
    ("tt", FORMATTING | BREAKOUT),
    ("u", FORMATTING | BREAKOUT),
    // Void elements.
    ("area", VOID | SPECIAL),
    ("base", VOID | SPECIAL),
    ("basefont", VOID | SPECIAL),
    ("bgsound", VOID | SPECIAL),
    ("col", VOID | SPECIAL | TABLE_PART),
    ("embed", VOID | SPECIAL | BREAKOUT),
    ("frame", VOID | SPECIAL),
    ("hr", VOID | SPECIAL | CLOSES_P | BREAKOUT),
    ("img", VOID | SPECIAL | BREAKOUT),
    ("image", VOID),
    ("input", VOID | SPECIAL),
    ("keygen", VOID | SPECIAL),
    ("link", VOID | SPECIAL),
    ("meta", VOID | SPECIAL | BREAKOUT),
    ("param", VOID | SPECIAL),
    ("source", VOID | SPECIAL),
    ("track", VOID | SPECIAL),
    ("wbr", VOID | SPECIAL),
    // Blocks that close an open `p`.
    ("article", SPECIAL | CLOSES_P | WORD_BOUND),
    ("aside", SPECIAL | CLOSES_P | WORD_BOUND),
    ("blockquote", SPECIAL | CLOSES_P | BREAKOUT | WORD_BOUND),
    ("center", SPECIAL | CLOSES_P | BREAKOUT),
    ("details", SPECIAL | CLOSES_P | WORD_BOUND),
    ("dialog", CLOSES_P),
    ("dir", SPECIAL | CLOSES_P),
    ("dl", SPECIAL | CLOSES_P | BREAKOUT | WORD_BOUND),
    ("fieldset", SPECIAL | CLOSES_P | WORD_BOUND),
    ("figcaption", SPECIAL | CLOSES_P),
    ("figure", SPECIAL | CLOSES_P | WORD_BOUND),
    ("footer", SPECIAL | CLOSES_P | WORD_BOUND),
    ("header", SPECIAL | CLOSES_P | WORD_BOUND),
    ("hgroup", SPECIAL | CLOSES_P),
    ("main", SPECIAL | CLOSES_P | WORD_BOUND),
    ("menu", SPECIAL | CLOSES_P | BREAKOUT),
    ("nav", SPECIAL | CLOSES_P | WORD_BOUND),
    ("ol", SPECIAL | CLOSES_P | BREAKOUT | LIST | WORD_BOUND),
    ("search", SPECIAL | CLOSES_P),
    ("section", SPECIAL | CLOSES_P | WORD_BOUND),
    ("summary", SPECIAL | CLOSES_P | WORD_BOUND),
    ("ul", SPECIAL | CLOSES_P | BREAKOUT | LIST | WORD_BOUND),
    ("h1", SPECIAL | CLOSES_P | BREAKOUT | HEADING | WORD_BOUND),
    ("h2", SPECIAL | CLOSES_P | BREAKOUT | HEADING | WORD_BOUND),
    ("h3", SPECIAL | CLOSES_P | BREAKOUT | HEADING | WORD_BOUND),
    ("h4", SPECIAL | CLOSES_P | BREAKOUT | HEADING | WORD_BOUND),
    ("h5", SPECIAL | CLOSES_P | BREAKOUT | HEADING | WORD_BOUND),
    ("h6", SPECIAL | CLOSES_P | BREAKOUT | HEADING | WORD_BOUND),
    ("pre", SPECIAL | CLOSES_P | BREAKOUT),
    ("listing", SPECIAL | CLOSES_P | BREAKOUT),
    ("form", SPECIAL | CLOSES_P | FORM),
    ("xmp", SPECIAL | CLOSES_P | RAWTEXT),
    // Raw text.
    ("script", SPECIAL | RAWTEXT),
    ("style", SPECIAL | RAWTEXT),
    ("textarea", SPECIAL | RAWTEXT),
    ("title", SPECIAL | RAWTEXT | INTEGRATION),
    ("iframe", SPECIAL | RAWTEXT),
    ("noembed", SPECIAL | RAWTEXT),
    ("noframes", SPECIAL | RAWTEXT),
    ("noscript", SPECIAL | RAWTEXT),
    // Scope boundaries and markers.
    ("applet", SPECIAL | SCOPE | MARKER),
    ("marquee", SPECIAL | SCOPE | MARKER),
    ("object", SPECIAL | SCOPE | MARKER),
    ("caption", SPECIAL | SCOPE | MARKER | TABLE_PART),
    ("colgroup", SPECIAL | TABLE_PART),
    // Foreign content.
    ("foreignobject", SPECIAL | SCOPE | INTEGRATION),
    ("desc", SPECIAL | SCOPE | INTEGRATION),
    ("mi", SPECIAL | SCOPE | INTEGRATION),
    ("mo", SPECIAL | SCOPE | INTEGRATION),
    ("mn", SPECIAL | SCOPE | INTEGRATION),
    ("ms", SPECIAL | SCOPE | INTEGRATION),
    ("mtext", SPECIAL | SCOPE | INTEGRATION),
    ("annotation-xml", SPECIAL | SCOPE | INTEGRATION | UNSURE),
    ("ruby", BREAKOUT),
    ("span", BREAKOUT),
    ("sub", BREAKOUT),
    ("sup", BREAKOUT),
    ("var", BREAKOUT),
    // Common names without a rule of their own: known only so that they
    // skip the keyed hash map of the page's own names.
    ("time", 0),
    ("label", 0),
    ("picture", 0),
    ("abbr", 0),
    ("cite", 0),
    ("q", 0),
    ("mark", 0),
    ("ins", 0),
    ("del", 0),
    ("data", 0),
    ("canvas", 0),
    ("video", 0),
    ("audio", 0),
    ("legend", 0),
    ("output", 0),
    ("slot", 0),
    ("path", 0),
    ("g", 0),
    ("use", 0),
    ("symbol", 0),
    ("circle", 0),
    ("rect", 0),
    ("defs", 0),
    ("polygon", 0),
    ("line", 0),
];

type Name = u32;
const P: Name = 0;
const LI: Name = 1;
const DD: Name = 2;
const DT: Name = 3;
const OPTION: Name = 4;
const OPTGROUP: Name = 5;
const SELECT: Name = 6;
const TABLE: Name = 7;
const TBODY: Name = 8;
const THEAD: Name = 9;
const TFOOT: Name = 10;
const TR: Name = 11;
const TD: Name = 12;
const TH: Name = 13;
const A: Name = 14;
const NOBR: Name = 15;
const HTML: Name = 16;
const HEAD: Name = 17;
const BODY: Name = 18;
const SVG: Name = 19;
const MATH: Name = 20;
const BR: Name = 21;
const PLAINTEXT: Name = 22;
const BUTTON: Name = 23;
const DIV: Name = 24;
const ADDRESS: Name = 25;
const TEMPLATE: Name = 26;
const FRAMESET: Name = 27;

/// Interns lower-cased tag names to small ids; the flags of an id are its
/// [`KNOWN`] entry's (none for other names).
struct Names {
    /// The page's own short names (custom elements), numbered after the
    /// known ones. The std hasher (keyed) keeps a hostile page from
    /// flooding it.
    short: HashMap<Key, Name>,
    /// Names too long to pack, rare.
    long: HashMap<Box<[u8]>, Name>,
    buf: Vec<u8>,
}

/// A tag name of at most [`PACKED`] bytes, folded to lower case and packed
/// with its length into one integer: every tag is looked up, and a packed
/// name is compared and hashed in one step, without a copy.
type Key = u128;

/// Longest name [`pack`] takes: one byte of the key holds the length.
const PACKED: usize = 15;

/// `raw` folded to ASCII lower case (as the tokenizer folds tag names) and
/// packed; `None` when empty or longer than [`PACKED`]. The length sits
/// above the bytes, so names that differ only in leading or trailing NULs
/// stay apart.
fn pack(raw: &[u8]) -> Option<Key> {
    if raw.is_empty() || raw.len() > PACKED {
        return None;
    }
    let len = u8::try_from(raw.len()).ok()?;
    Some(raw.iter().fold(Key::from(len), |key, &b| {
        key << 8 | Key::from(b.to_ascii_lowercase())
    }))
}

/// Slots in [`KnownTable`]: a power of two, about twice [`KNOWN`]'s length
/// so that probe runs stay short.
const SLOTS: usize = 512;

/// [`KNOWN`] names by packed key, open addressing with linear probing.
/// Its keys are fixed, so the fast unkeyed hash cannot be flooded: the
/// longest probe run is the same for every input. Built once per process:
/// building it per scan cost as much as scanning a small page.
struct KnownTable {
    /// `(key, id)`; key 0 (no packed name) marks an empty slot.
    slots: Vec<(Key, Name)>,
}

impl KnownTable {
    fn get() -> &'static Self {
        static TABLE: OnceLock<KnownTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut table = Self {
                slots: vec![(0, 0); SLOTS],
            };
            for (id, (name, _)) in KNOWN.iter().enumerate() {
                let (Some(key), Ok(id)) = (pack(name.as_bytes()), Name::try_from(id)) else {
                    continue;
                };
                table.insert(key, id);
            }
            table
        })
    }

    /// The slot a key's probe run starts at (Fibonacci hashing).
    fn home(key: Key) -> usize {
        // Truncation is the point: both halves fold into one word.
        #[allow(clippy::cast_possible_truncation)]
        let word = (key as u64) ^ ((key >> 64) as u64);
        let hash = word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros());
        usize::try_from(hash).unwrap_or(0)
    }

    fn insert(&mut self, key: Key, id: Name) {
        let mut i = Self::home(key);
        for _ in 0..SLOTS {
            match self.slots.get_mut(i) {
                Some(slot) if slot.0 == 0 || slot.0 == key => {
                    if slot.0 == 0 {
                        *slot = (key, id);
                    }
                    return;
                }
                _ => i = (i + 1) % SLOTS,
            }
        }
    }

    fn find(&self, key: Key) -> Option<Name> {
        let mut i = Self::home(key);
        loop {
            match self.slots.get(i)? {
                &(k, id) if k == key => return Some(id),
                (0, _) => return None,
                _ => i = (i + 1) % SLOTS,
            }
        }
    }
}

impl Names {
    fn new() -> Self {
        Self {
            short: HashMap::new(),
            long: HashMap::new(),
            buf: Vec::new(),
        }
    }

    fn intern(&mut self, raw: &[u8]) -> Name {
        if let Some(key) = pack(raw)
            && let Some(id) = KnownTable::get().find(key)
        {
            return id;
        }
        self.intern_other(raw)
    }

    /// [`Names::intern`] for a name that is not [`KNOWN`]: a custom
    /// element's, rare on most pages. Kept out of line, so the known
    /// names' path is a short call.
    #[cold]
    #[inline(never)]
    fn intern_other(&mut self, raw: &[u8]) -> Name {
        if let Some(key) = pack(raw) {
            let next = self.next_id();
            return *self.short.entry(key).or_insert(next);
        }
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        buf.extend(raw.iter().map(u8::to_ascii_lowercase));
        let id = if let Some(&id) = self.long.get(buf.as_slice()) {
            id
        } else {
            let id = self.next_id();
            self.long.insert(buf.as_slice().into(), id);
            id
        };
        self.buf = buf;
        id
    }

    /// The id a name not seen before gets.
    fn next_id(&self) -> Name {
        let seen = KNOWN.len() + self.short.len() + self.long.len();
        Name::try_from(seen).unwrap_or(Name::MAX)
    }
}

/// Start value of [`mix`].
const MIX_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// Odd multiplier of [`mix`] (the golden ratio's bits).
const MIX_PRIME: u64 = 0x9e37_79b9_7f4a_7c15;

/// Stops a table-scope search (html5ever's table scope, and a frameset,
/// whose content ignores table tags).
fn table_stop(name: Name) -> bool {
    matches!(name, HTML | TABLE | TEMPLATE | FRAMESET)
}

/// Stops a scope search: `extra` or any scope boundary.
fn scope_stop(extra: Name) -> impl Fn(Name) -> bool {
    move |n| n == extra || has(n, SCOPE)
}

/// Whether a name id has `flag`.
fn has(name: Name, flag: u16) -> bool {
    flags(name) & flag != 0
}

/// The flags of a name id: its [`KNOWN`] entry's, none for other names.
fn flags(name: Name) -> u16 {
    usize::try_from(name)
        .ok()
        .and_then(|i| FLAGS.get(i))
        .copied()
        .unwrap_or(0)
}

/// [`KNOWN`]'s flags alone, packed: the model looks them up several times
/// per tag, and a table of two-byte entries stays in cache between tags
/// where [`KNOWN`]'s 24-byte entries did not.
// Evaluated at compile time: an index out of bounds fails the build.
#[allow(clippy::indexing_slicing)]
const FLAGS: [u16; KNOWN.len()] = {
    let mut flags = [0; KNOWN.len()];
    let mut i = 0;
    while i < KNOWN.len() {
        flags[i] = KNOWN[i].1;
        i += 1;
    }
    flags
};

// ---------------------------------------------------------------------------
// The simplified tree builder.

const NONE: usize = usize::MAX;

#[derive(Debug, Clone, Copy)]
struct Open {
    name: Name,
    foreign: bool,
}

/// An entry of the list of active formatting elements; `name == MARK` is a
/// marker.
#[derive(Debug, Clone, Copy)]
struct Fmt {
    name: Name,
    key: u64,
    /// Stack index of the element while it is open, else `NONE`.
    at: usize,
}

const MARK: Name = Name::MAX;

/// Implied `html` and `body` below every element of the body.
const BASE_DEPTH: usize = 2;

struct Tree<'l> {
    limits: &'l Limits,
    names: Names,
    stack: Vec<Open>,
    /// Open elements per name id, so end tags with nothing to close cost O(1).
    counts: Vec<u32>,
    list: Vec<Fmt>,
    /// Non-marker entries in `list`.
    formatting: usize,
    /// Attributes on all `<html>` and `<body>` tags.
    merged: usize,
    /// Formatting elements were closed other than by their own end tag
    /// while current, or an end tag was ignored: from there on the model
    /// may differ from html5ever on which formatting elements a text
    /// would re-create, and no spacer is cut.
    irregular: bool,
    usage: Usage,
}

/// What the tokenizer does after a start tag.
enum After {
    Markup,
    RawText(Name),
    PlainText,
}

impl<'l> Tree<'l> {
    fn new(limits: &'l Limits) -> Self {
        Self {
            limits,
            names: Names::new(),
            stack: Vec::with_capacity(crate::dom::USUAL_DEPTH),
            counts: Vec::new(),
            list: Vec::new(),
            formatting: 0,
            merged: 0,
            irregular: false,
            usage: Usage {
                depth: BASE_DEPTH,
                elements: 3,
                ..Usage::default()
            },
        }
    }

    fn count(&self, name: Name) -> u32 {
        self.counts
            .get(usize::try_from(name).unwrap_or(usize::MAX))
            .copied()
            .unwrap_or(0)
    }

    fn count_mut(&mut self, name: Name) -> Option<&mut u32> {
        let i = usize::try_from(name).ok()?;
        if self.counts.len() <= i {
            self.counts.resize(i + 1, 0);
        }
        self.counts.get_mut(i)
    }

    fn top(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    fn in_foreign(&self) -> bool {
        self.top()
            .is_some_and(|t| t.foreign && !has(t.name, INTEGRATION))
    }

    /// Whether `<![CDATA[` opens a CDATA section: html5ever's tokenizer asks
    /// whether the current node is other than an HTML element, so an
    /// integration point (an SVG `<title>`) counts, unlike in
    /// [`Tree::in_foreign`].
    fn cdata_opens(&self) -> bool {
        self.top().is_some_and(|t| t.foreign)
    }

    /// Whether the element just pushed sits in an `annotation-xml` that
    /// may not be an HTML integration point.
    fn unsure_context(&self) -> bool {
        let len = self.stack.len();
        len >= 2
            && self
                .stack
                .get(len - 2)
                .is_some_and(|o| o.foreign && has(o.name, UNSURE))
    }

    fn created(&mut self, n: usize) -> Result<(), Error> {
        self.usage.elements = self.usage.elements.saturating_add(n);
        if self.usage.elements > self.limits.elements {
            return Err(exceeded(Limit::Elements, self.limits.elements));
        }
        Ok(())
    }

    fn attributes(&mut self, n: usize) -> Result<(), Error> {
        self.usage.attributes = self.usage.attributes.max(n);
        if n > self.limits.attributes_per_tag {
            return Err(exceeded(
                Limit::AttributesPerTag,
                self.limits.attributes_per_tag,
            ));
        }
        Ok(())
    }

    fn push(&mut self, name: Name, foreign: bool) -> Result<(), Error> {
        let depth = self.stack.len() + 1 + BASE_DEPTH;
        self.usage.depth = self.usage.depth.max(depth);
        if depth > self.limits.depth {
            return Err(exceeded(Limit::Depth, self.limits.depth));
        }
        // The model scopes by name: an HTML element named like a foreign
        // integration point (`<mi>` outside MathML) bounds its scopes,
        // where html5ever's do not stop.
        if !foreign && has(name, INTEGRATION) && !has(name, RAWTEXT) {
            self.irregular = true;
        }
        self.stack.push(Open { name, foreign });
        if let Some(c) = self.count_mut(name) {
            *c += 1;
        }
        Ok(())
    }

    fn pop(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if let Some(c) = self.count_mut(open.name) {
            *c = c.saturating_sub(1);
        }
        if open.foreign {
            return;
        }
        let at = self.stack.len();
        if has(open.name, FORMATTING)
            && let Some(entry) = self.list.iter_mut().rev().find(|f| f.at == at)
        {
            entry.at = NONE;
            self.irregular = true;
        }
        if has(open.name, MARKER) {
            self.clear_to_marker();
        }
    }

    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            self.pop();
        }
    }

    /// Whether formatting elements are in the list after its last marker:
    /// open ones a text may be re-created into, or closed ones it would be
    /// ([`Tree::reconstruct`]). While one is open, the adoption agency may
    /// yet move the children of an element below it into a clone.
    fn formatting_active(&self) -> bool {
        self.list.last().is_some_and(|f| f.name != MARK)
    }

    /// A table tag while formatting elements are open after the last
    /// marker: html5ever may close them clearing back to a table context,
    /// which the model does not follow.
    fn note_table_tag(&mut self, name: Name) {
        if (name == TABLE || has(name, TABLE_PART)) && self.formatting_active() {
            self.irregular = true;
        }
    }

    /// Whether html5ever would insert white space here as it is, and close
    /// the current element as the model does: nothing irregular seen, no
    /// formatting element to re-create or adopt, and a current element that
    /// is HTML and not a table's (the conditions of spacers and closers,
    /// see [`Unread`]).
    fn inserts_as_is(&self) -> bool {
        !self.irregular
            && !self.formatting_active()
            // (The model of a select's content is coarse: it may keep a
            // select open that an `<input>` closed, and vice versa.)
            && self.count(SELECT) == 0
            && self
                .top()
                .is_some_and(|t| !t.foreign && !has(t.name, TABLE_MODE))
    }

    fn clear_to_marker(&mut self) {
        while let Some(entry) = self.list.pop() {
            if entry.name == MARK {
                break;
            }
            self.formatting = self.formatting.saturating_sub(1);
        }
    }

    /// Index of the topmost `name` (or any heading) reachable from the top
    /// before an element with one of the `stop` flags.
    fn find(&self, matches: impl Fn(Name) -> bool, stop: impl Fn(Name) -> bool) -> Option<usize> {
        for (i, open) in self.stack.iter().enumerate().rev() {
            // The HTML rules look for HTML elements: an SVG `<title>` is no
            // `</title>`'s to close. It bounds every search instead, as do
            // the other integration points (`foreignObject`, `desc`, `mi`,
            // …): they are in the default scope, where the HTML `<title>`
            // is not. (For the table scope that over-counts, which is safe.)
            if !open.foreign && matches(open.name) {
                return Some(i);
            }
            if stop(open.name) || (open.foreign && has(open.name, INTEGRATION)) {
                return None;
            }
        }
        None
    }

    fn close_p(&mut self) {
        if self.count(P) == 0 {
            return;
        }
        if let Some(i) = self.find(|n| n == P, scope_stop(BUTTON)) {
            self.pop_to(i);
        }
    }

    /// Re-creates the formatting elements that were closed with a parent
    /// but are still in the list, as the tree builder does before text and
    /// most start tags.
    fn reconstruct(&mut self) -> Result<(), Error> {
        let mut first = self.list.len();
        while let Some(entry) = first.checked_sub(1).and_then(|i| self.list.get(i)) {
            if entry.name == MARK || entry.at != NONE {
                break;
            }
            first -= 1;
        }
        for i in first..self.list.len() {
            let Some(name) = self.list.get(i).map(|f| f.name) else {
                break;
            };
            self.created(1)?;
            self.push(name, false)?;
            let at = self.stack.len() - 1;
            if let Some(entry) = self.list.get_mut(i) {
                entry.at = at;
            }
        }
        Ok(())
    }

    fn add_formatting(&mut self, name: Name, key: u64, attributes: usize) -> Result<(), Error> {
        // Noah's ark: at most three identical entries after the last marker.
        // html5ever clones and sorts both attribute lists for every entry
        // of the same name: that is walk work too.
        let mut same = 0;
        let mut earliest = None;
        for (i, f) in self.list.iter().enumerate().rev() {
            if f.name == MARK {
                break;
            }
            if f.name == name {
                self.usage.work = self
                    .usage
                    .work
                    .saturating_add(attributes.saturating_mul(NOAH_COST));
            }
            if f.name == name && f.key == key {
                same += 1;
                earliest = Some(i);
            }
        }
        if same >= 3
            && let Some(i) = earliest
        {
            self.list.remove(i);
            self.formatting = self.formatting.saturating_sub(1);
        }
        let at = self.stack.len().saturating_sub(1);
        self.list.push(Fmt { name, key, at });
        self.formatting += 1;
        self.usage.formatting = self.usage.formatting.max(self.formatting);
        if self.formatting > self.limits.formatting {
            return Err(exceeded(Limit::OpenFormatting, self.limits.formatting));
        }
        Ok(())
    }

    fn text(&mut self) -> Result<(), Error> {
        self.usage.work += self.stack.len();
        self.reconstruct()
    }

    fn comment(&mut self) -> Result<(), Error> {
        self.created(1)
    }

    fn start(&mut self, tag: &Tag, name: Name) -> Result<After, Error> {
        let (self_closing, key) = (tag.self_closing, tag.key);
        self.created(1)?;
        self.usage.work += self.stack.len();
        if self.in_foreign() {
            if has(name, BREAKOUT) {
                while self.in_foreign() {
                    self.pop();
                }
            } else {
                if !self_closing {
                    self.push(name, true)?;
                }
                return Ok(After::Markup);
            }
        }
        if matches!(name, HTML | BODY) {
            // Attributes of repeated `<html>`/`<body>` tags merge into one
            // element, each checked against those already there.
            self.merged = self.merged.saturating_add(tag.attributes);
            self.attributes(self.merged)?;
            return Ok(After::Markup);
        }
        if name == HEAD {
            return Ok(After::Markup);
        }
        if name == SVG || name == MATH {
            self.reconstruct()?;
            if !self_closing {
                self.push(name, true)?;
            }
            return Ok(After::Markup);
        }
        if has(name, TABLE_PART) && self.count(TABLE) == 0 && self.count(TEMPLATE) == 0 {
            // Outside any table (and template) html5ever ignores a table
            // part; held open here, a later `<td>` would close down to it.
            return Ok(After::Markup);
        }
        self.note_table_tag(name);
        self.implied_ends(name)?;
        let flags = flags(name);
        if flags & (CLOSES_P | TABLE_PART) == 0 {
            self.reconstruct()?;
        }
        if name == SELECT
            && self.count(SELECT) > 0
            && let Some(i) = self.find(|n| n == SELECT, scope_stop(HTML))
        {
            // `<select>` inside a select in scope closes it (and opens
            // none); out of scope (inside a cell), it opens a new one.
            self.pop_to(i);
            return Ok(After::Markup);
        }
        if flags & VOID != 0 {
            return Ok(After::Markup);
        }
        self.push(name, false)?;
        if flags & FORMATTING != 0 {
            self.add_formatting(name, key, tag.attributes)?;
        }
        if flags & MARKER != 0 {
            self.list.push(Fmt {
                name: MARK,
                key: 0,
                at: NONE,
            });
        }
        // (In a `<select>` too: html5ever 0.40 parses its content in body,
        // where a `<textarea>` reads raw text as anywhere else.)
        Ok(if name == PLAINTEXT {
            After::PlainText
        } else if flags & RAWTEXT != 0 && !self.unsure_context() {
            After::RawText(name)
        } else {
            After::Markup
        })
    }

    /// Inside a `<frameset>`, the raw text (or plain text) `text` a start
    /// tag opened: html5ever reads it as text if it ignored the frameset,
    /// but if it took the frameset it ignored that start tag instead and
    /// reads on as markup, where only `<frameset>` nests (and `<noframes>`
    /// holds raw text). Which one it did depends on what came before (its
    /// frameset-ok flag), which the model does not follow, so each such
    /// tag in `text` counts as an element opened: too many for one reading,
    /// never too few for the other.
    fn hidden_framesets(&mut self, text: &[u8]) -> Result<(), Error> {
        if self.count(FRAMESET) == 0 {
            return Ok(());
        }
        let mut rest = text;
        while let Some(at) = find_byte(rest, b'<') {
            rest = rest.get(at + 1..).unwrap_or_default();
            let name = rest.get(..name_len(rest)).unwrap_or_default();
            if name.eq_ignore_ascii_case(b"frameset") || name.eq_ignore_ascii_case(b"noframes") {
                self.created(1)?;
                self.push(FRAMESET, false)?;
            } else if name.eq_ignore_ascii_case(b"frame") {
                self.created(1)?;
            }
        }
        Ok(())
    }

    /// The end tags a start tag implies.
    fn implied_ends(&mut self, name: Name) -> Result<(), Error> {
        let flags = flags(name);
        if name == LI || name == DD || name == DT {
            let targets: &[Name] = if name == LI { &[LI] } else { &[DD, DT] };
            if targets.iter().any(|&t| self.count(t) > 0) {
                let found = self.find(
                    |n| targets.contains(&n),
                    |n| has(n, SPECIAL) && !matches!(n, P | DIV | ADDRESS),
                );
                if let Some(i) = found {
                    self.pop_to(i);
                }
            }
        }
        if flags & CLOSES_P != 0 {
            self.close_p();
        }
        let top = self.top().map(|t| t.name);
        if flags & HEADING != 0 && top.is_some_and(|t| has(t, HEADING)) {
            self.pop();
        }
        if (name == OPTION || name == OPTGROUP) && top == Some(OPTION) {
            self.pop();
        }
        if name == OPTGROUP && self.top().map(|t| t.name) == Some(OPTGROUP) {
            self.pop();
        }
        if name == A && self.list_find(A).is_some() {
            self.adoption(A)?;
        }
        if name == NOBR && self.count(NOBR) > 0 {
            self.adoption(NOBR)?;
        }
        if flags & TABLE_PART != 0 || name == TABLE {
            self.table_start(name)?;
        }
        Ok(())
    }

    fn table_start(&mut self, name: Name) -> Result<(), Error> {
        match name {
            TABLE => {
                if self.top().is_some_and(|t| has(t.name, TABLE_MODE))
                    && let Some(i) = self.find(|n| n == TABLE, |_| false)
                {
                    self.pop_to(i);
                }
            }
            TD | TH => {
                if (self.count(TD) > 0 || self.count(TH) > 0)
                    && let Some(i) = self.find(|n| n == TD || n == TH, table_stop)
                {
                    self.pop_to(i);
                }
                if self.top().map(|t| t.name) == Some(TABLE) {
                    self.created(1)?;
                    self.push(TBODY, false)?;
                }
                if self
                    .top()
                    .is_some_and(|t| matches!(t.name, TBODY | THEAD | TFOOT))
                {
                    self.created(1)?;
                    self.push(TR, false)?;
                }
            }
            TR => {
                if self.count(TR) > 0
                    && let Some(i) = self.find(|n| n == TR, table_stop)
                {
                    self.pop_to(i);
                }
                if self.top().map(|t| t.name) == Some(TABLE) {
                    self.created(1)?;
                    self.push(TBODY, false)?;
                }
            }
            TBODY | THEAD | TFOOT => {
                if let Some(i) = self.find(|n| matches!(n, TBODY | THEAD | TFOOT), table_stop) {
                    self.pop_to(i);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Index in the list of the last entry for `name` after the last marker.
    fn list_find(&self, name: Name) -> Option<usize> {
        for (i, f) in self.list.iter().enumerate().rev() {
            if f.name == MARK {
                return None;
            }
            if f.name == name {
                return Some(i);
            }
        }
        None
    }

    /// A simplified adoption agency: returns whether `name` was handled as
    /// a formatting element.
    fn adoption(&mut self, name: Name) -> Result<bool, Error> {
        let Some(li) = self.list_find(name) else {
            return Ok(false);
        };
        let at = self.list.get(li).map_or(NONE, |f| f.at);
        if at == NONE || at >= self.stack.len() {
            self.irregular = true;
            self.list.remove(li);
            self.formatting = self.formatting.saturating_sub(1);
            return Ok(true);
        }
        let block = (at + 1..self.stack.len())
            .find(|&i| self.stack.get(i).is_some_and(|o| has(o.name, SPECIAL)));
        // Only `<b>…</b>` closing the current node is regular.
        let irregular = self.irregular || block.is_some() || at + 1 != self.stack.len();
        match block {
            None => {
                // No furthest block: pop up to and including the element.
                self.pop_to(at);
                if let Some(i) = self.list_find(name)
                    && self.list.get(i).is_some_and(|f| f.at == NONE)
                {
                    self.list.remove(i);
                    self.formatting = self.formatting.saturating_sub(1);
                }
            }
            Some(block) => {
                // The element moves below the furthest block as a clone
                // (plus clones of up to three formatting elements between).
                let between = (at + 1..block)
                    .filter(|&i| self.stack.get(i).is_some_and(|o| has(o.name, FORMATTING)))
                    .count();
                self.created(1 + between.min(3))?;
                self.list.remove(li);
                self.formatting = self.formatting.saturating_sub(1);
                // Stack indices above `at` shift down by one.
                for f in &mut self.list {
                    if f.at != NONE && f.at > at && f.at <= block {
                        f.at -= 1;
                    }
                }
                let moved = self.stack.remove(at);
                self.stack.insert(block, moved);
                if let Some(f) = self.list.iter_mut().find(|f| f.at == block) {
                    // Another entry pointed at this slot: keep them apart.
                    f.at = NONE;
                }
                self.list.push(Fmt {
                    name,
                    key: 0,
                    at: block,
                });
                self.formatting += 1;
            }
        }
        self.irregular = irregular;
        Ok(true)
    }

    /// `</form>` removes the form element alone, wherever it is (the
    /// elements above it stay open).
    fn remove_form(&mut self, name: Name) {
        let Some(i) = self.find(|n| n == name, scope_stop(HTML)) else {
            return;
        };
        if i + 1 == self.stack.len() {
            self.pop();
            return;
        }
        self.stack.remove(i);
        if let Some(c) = self.count_mut(name) {
            *c = c.saturating_sub(1);
        }
        for f in &mut self.list {
            if f.at != NONE && f.at > i {
                f.at -= 1;
            }
        }
    }

    fn end(&mut self, name: Name) -> Result<(), Error> {
        self.usage.work += self.stack.len();
        // Foreign content: the nearest foreign element of that name closes;
        // at the first HTML element the HTML rules take over.
        for i in (0..self.stack.len()).rev() {
            match self.stack.get(i) {
                Some(open) if open.foreign && open.name == name => {
                    self.pop_to(i);
                    return Ok(());
                }
                Some(open) if open.foreign => {}
                _ => break,
            }
        }
        let flags = flags(name);
        if flags & FORM != 0 {
            self.remove_form(name);
            return Ok(());
        }
        match name {
            P => {
                if self.count(P) == 0 {
                    self.created(1)?;
                } else {
                    self.close_p();
                }
                return Ok(());
            }
            BR => {
                self.reconstruct()?;
                return self.created(1);
            }
            HTML | BODY | HEAD => return Ok(()),
            _ => {}
        }
        if flags & FORMATTING != 0 && self.adoption(name)? {
            return Ok(());
        }
        self.note_table_tag(name);
        if self.count(name) == 0 && flags & HEADING == 0 {
            self.irregular = true;
            return Ok(());
        }
        let found = if flags & HEADING != 0 {
            self.find(|n| has(n, HEADING), scope_stop(HTML))
        } else if name == LI {
            self.find(|n| n == name, |n| has(n, SCOPE | LIST))
        } else if flags & TABLE_MODE != 0 {
            // In an open cell or caption, html5ever closes that first and
            // then the table (row, body) in table scope.
            self.find(|n| n == name, table_stop)
        } else if flags & SPECIAL != 0 {
            self.find(|n| n == name, scope_stop(HTML))
        } else {
            self.find(|n| n == name, |n| has(n, SPECIAL))
        };
        match found {
            Some(i) => self.pop_to(i),
            None => self.irregular = true,
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// The tokenizer: tags, attributes, comments and raw text, as html5ever's
// tokenizer splits them.

struct Tokenizer<'a> {
    src: &'a [u8],
    pos: usize,
    /// Collected when the caller asked for them ([`scan_unread`]).
    unread: Option<Unread>,
}

struct Tag {
    /// A start tag (not an end tag).
    start: bool,
    name: (usize, usize),
    /// The bytes from the name's end to the `>`: the attributes.
    attrs: (usize, usize),
    attributes: usize,
    self_closing: bool,
    key: u64,
}

impl<'a> Tokenizer<'a> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos.saturating_add(ahead)).copied()
    }

    fn rest(&self) -> &'a [u8] {
        self.src.get(self.pos..).unwrap_or_default()
    }

    fn skip_past(&mut self, needle: &[u8]) -> bool {
        if let Some(i) = find(self.rest(), needle) {
            self.pos += i + needle.len();
            true
        } else {
            self.pos = self.src.len();
            false
        }
    }

    fn run(&mut self, tree: &mut Tree<'_>) -> Result<(), Error> {
        while self.pos < self.src.len() {
            let Some(lt) = find_byte(self.rest(), b'<') else {
                return tree.text();
            };
            self.note_spacer(tree, lt);
            if lt > 0 {
                tree.text()?;
            }
            self.pos += lt;
            match (self.peek(1), self.peek(2)) {
                (Some(b'!'), _) => self.markup_declaration(tree)?,
                (Some(b'/'), Some(b'>')) => self.pos += 3,
                (Some(b'/'), Some(c)) if c.is_ascii_alphabetic() => {
                    let at = self.pos;
                    self.pos += 2;
                    let Some(tag) = self.tag(tree, false)? else {
                        return Ok(());
                    };
                    let name = self.name(tree, &tag);
                    self.settle_end(name);
                    let current = tree.top().is_some_and(|t| t.name == name && !t.foreign);
                    let depth = tree.stack.len();
                    tree.end(name)?;
                    // The current element, closed: white space after it
                    // follows it as a sibling.
                    let closed = current && tree.stack.len() + 1 == depth;
                    let mark = self.unread.as_ref().map_or(0, |u| u.spans.len());
                    // (An end tag that made html5ever imply the one before
                    // it is no closer itself: a chain of cut end tags could
                    // leave the last one popping too little.)
                    let implied_one = self.settle_spacer(&tag, name, closed, || true, mark);
                    if closed && !implied_one {
                        self.note_closer(tree, at..self.pos, name);
                    }
                }
                (Some(b'?'), _) | (Some(b'/'), Some(_)) => {
                    // A bogus comment up to `>`.
                    self.skip_past(b">");
                    tree.comment()?;
                }
                (Some(c), _) if c.is_ascii_alphabetic() => {
                    self.pos += 1;
                    let mark = self.unread.as_ref().map_or(0, |u| u.spans.len());
                    let Some(mut tag) = self.tag(tree, true)? else {
                        return Ok(());
                    };
                    let name = self.name(tree, &tag);
                    self.settle_unread(mark, &tag, name);
                    if has(name, FORMATTING) {
                        // Only formatting elements are compared by their
                        // attributes (Noah's ark): hash those alone.
                        let attrs = self.src.get(tag.attrs.0..tag.attrs.1);
                        tag.key = mix(MIX_BASIS, attrs.unwrap_or_default());
                    }
                    let (depth, holder) = (tree.stack.len(), tree.top());
                    let after = tree.start(&tag, name)?;
                    // Opened as the current element: white space after it
                    // is its first child.
                    let opened = matches!(after, After::Markup)
                        && tree.top().is_some_and(|t| t.name == name && !t.foreign);
                    // White space before it is its previous sibling, or
                    // the last child of a word-bound element it closed.
                    let beside = || {
                        tree.stack.len() == depth + 1
                            || holder.is_some_and(|h| !h.foreign && has(h.name, WORD_BOUND))
                    };
                    self.settle_spacer(&tag, name, opened, beside, mark);
                    match after {
                        After::Markup => {}
                        After::PlainText => {
                            tree.hidden_framesets(self.rest())?;
                            return tree.text();
                        }
                        After::RawText(raw) => {
                            let from = self.pos;
                            let end = self.raw_text(tree, tag.name)?;
                            let text = self.src.get(from..end.unwrap_or(self.src.len()));
                            tree.hidden_framesets(text.unwrap_or_default())?;
                            if end.is_some() {
                                tree.end(raw)?;
                            }
                            self.settle_raw_text(&tag, from, end);
                        }
                    }
                }
                _ => {
                    // A lone `<` is text.
                    self.pos += 1;
                    if let Some(unread) = self.unread.as_mut() {
                        unread.head = false;
                    }
                    tree.text()?;
                }
            }
        }
        Ok(())
    }

    /// Before the `lt` bytes of text up to the next `<`: when the last token
    /// was an edge (see [`Unread::edge`]) and they are white space alone
    /// where html5ever would insert them as they are (no formatting
    /// element to re-create, no table or foreign content around), they
    /// are held as a spacer until the next tag says whether it is one.
    fn note_spacer(&mut self, tree: &Tree<'_>, lt: usize) {
        let Some(unread) = self.unread.as_mut() else {
            return;
        };
        let edge = std::mem::take(&mut unread.edge);
        let closer = unread.closer.take();
        unread.spacer = None;
        unread.held = None;
        if lt == 0 {
            unread.held = closer;
            return;
        }
        let span = self.pos..self.pos + lt;
        let white = self
            .src
            .get(span.clone())
            .is_some_and(|t| t.iter().all(|&b| is_html_space(b)));
        if unread.head {
            unread.head = white;
            if white && unread.sure {
                unread.spans.push(span);
            }
            return;
        }
        if !edge || !unread.sure || !unread.svg.is_empty() {
            return;
        }
        if white && tree.inserts_as_is() {
            unread.spacer = Some(span);
            unread.held = closer;
        }
    }

    /// After a tag named `name`: when it opened or closed the current
    /// element (`edge`) and that is a [`WORD_BOUND`] one, white space
    /// held before it is a spacer html5ever can go without, set before the
    /// tag's own unread attributes (from `mark` on); white space after it
    /// may be one. So is a held closer the tag makes html5ever imply;
    /// then the tag itself must reach html5ever, and `true` says so.
    ///
    /// `beside` (asked only when white space is held: it costs the scan a
    /// few percent when asked of every tag) says the white space before
    /// the tag has a word-bound neighbour on the right too: the element
    /// the tag opened, or the element holding it when the tag closed that
    /// first (`<li><p>a</p>\n<li>`). Held in a `<span>` the tag closed
    /// (`<li><span><p>a</p>\n<li>`), it is no spacer, and a closer before
    /// it must then stay too (cut alone, it would move the white space
    /// into the `<p>`).
    fn settle_spacer(
        &mut self,
        tag: &Tag,
        name: Name,
        edge: bool,
        beside: impl FnOnce() -> bool,
        mark: usize,
    ) -> bool {
        let Some(unread) = self.unread.as_mut() else {
            return false;
        };
        if unread.head {
            // (Any end tag ends the head for the scan: `</head>` moves
            // white space into `<html>`, and the tag that opens the body
            // soon follows.)
            let raw = self.src.get(tag.name.0..tag.name.1).unwrap_or_default();
            unread.head = tag.start && HEAD_TAGS.iter().any(|t| raw.eq_ignore_ascii_case(t));
        }
        let edge = edge && has(name, WORD_BOUND);
        let (spacer, held) = (unread.spacer.take(), unread.held.take());
        let mut implied = false;
        if edge && unread.sure && mark <= unread.spans.len() && (spacer.is_none() || beside()) {
            // In source order: the closer, the spacer, the tag's own
            // unread attributes (from `mark` on).
            if let Some(span) = spacer {
                unread.spans.insert(mark, span);
            }
            if let Some((span, closed)) = held
                && closes_before(closed, tag.start, name)
            {
                unread.spans.insert(mark, span);
                implied = true;
            }
        }
        unread.edge = edge;
        implied
    }

    /// After the end tag at `span` named `name` closed the current element
    /// (see [`Unread::closer`]): holds it when html5ever would close that
    /// element itself before a word-bound tag, and would insert what
    /// follows as it is.
    fn note_closer(&mut self, tree: &Tree<'_>, span: Range<usize>, name: Name) {
        let Some(unread) = self.unread.as_mut() else {
            return;
        };
        // (Not inside a `<template>` either: its contents have insertion
        // modes of their own.)
        let plain = tree.inserts_as_is() && tree.top().is_some_and(|t| t.name != TEMPLATE);
        if may_close_early(name) && plain && unread.sure && unread.svg.is_empty() && !unread.head {
            unread.closer = Some((span, name));
        }
    }

    /// Keeps the unread attributes the start tag `tag` named `name` added
    /// after `mark`, or drops them: a formatting element's attributes are
    /// compared by Noah's ark (all but `<a>`'s: a new `<a>` first closes
    /// the open one, so no two are ever compared). After `<math>`,
    /// `<frameset>` or an `<svg>` that is not plain (see [`SVG_PLAIN`]) the
    /// scan is no longer sure.
    fn settle_unread(&mut self, mark: usize, tag: &Tag, name: Name) {
        let Some(unread) = self.unread.as_mut() else {
            return;
        };
        let in_svg = !unread.svg.is_empty();
        let in_text = unread
            .svg
            .last()
            .is_some_and(|&open| has(open, INTEGRATION));
        let plain = || {
            let raw = self.src.get(tag.name.0..tag.name.1).unwrap_or_default();
            SVG_PLAIN.iter().any(|p| raw.eq_ignore_ascii_case(p))
        };
        if (in_svg && (in_text || !plain())) || matches!(name, MATH | FRAMESET) {
            unread.sure = false;
        }
        if unread.sure && (in_svg || name == SVG) && !tag.self_closing {
            unread.svg.push(name);
        }
        if !unread.sure || (has(name, FORMATTING) && name != A) {
            unread.spans.truncate(mark);
        }
    }

    /// Inside an `<svg>`, an end tag closes the innermost open element of
    /// its name, as html5ever's foreign content rules do; one that names
    /// no open element of the `<svg>` leaves the scan unsure.
    fn settle_end(&mut self, name: Name) {
        let Some(unread) = self.unread.as_mut().filter(|u| !u.svg.is_empty()) else {
            return;
        };
        match unread.svg.iter().rposition(|&open| open == name) {
            Some(at) => unread.svg.truncate(at),
            None => unread.sure = false,
        }
    }

    /// After the raw text of `tag` (from `from` to `end`, `None` when it
    /// runs to the end of input): the text of a `<style>`, or of a
    /// `<script>` that is not JSON-LD, is unread but for its last byte:
    /// the element keeps a text node, which the index empties anyway (see
    /// `dom::holds_unread_text`).
    fn settle_raw_text(&mut self, tag: &Tag, from: usize, end: Option<usize>) {
        let Some(unread) = self.unread.as_mut().filter(|u| u.sure) else {
            return;
        };
        let name = self.src.get(tag.name.0..tag.name.1).unwrap_or_default();
        let text = self
            .src
            .get(from..end.unwrap_or(self.src.len()))
            .unwrap_or_default();
        let script = name.eq_ignore_ascii_case(b"script");
        let attrs = self.src.get(tag.attrs.0..tag.attrs.1).unwrap_or_default();
        // A `type` naming JSON, or hiding its value behind a character
        // reference, may be JSON-LD: such a script is read.
        let read = script
            && (attrs.contains(&b'&') || crate::text::contains_ignore_ascii_case(attrs, "json"));
        let unread_text = (script && !read) || name.eq_ignore_ascii_case(b"style");
        if let Some(end) = end
            && unread_text
            && text.len() >= 2
            && text.last().is_some_and(u8::is_ascii)
        {
            unread.add(self.src, from..end - 1);
        }
    }

    fn name(&self, tree: &mut Tree<'_>, tag: &Tag) -> Name {
        let raw = self.src.get(tag.name.0..tag.name.1).unwrap_or_default();
        tree.names.intern(raw)
    }

    /// The text of a comment (`text`, between its opening `<!--` and its
    /// closing `--`): no extractor reads it, and html5ever tokenizes it a
    /// character at a time. What is left, `<!---->` (or `<!----!>`), is
    /// still one comment, so the tree keeps its node.
    fn note_comment(&mut self, text: Range<usize>) {
        if let Some(unread) = self.unread.as_mut().filter(|u| u.sure)
            && !text.is_empty()
        {
            unread.add(self.src, text);
        }
    }

    fn markup_declaration(&mut self, tree: &mut Tree<'_>) -> Result<(), Error> {
        if self.rest().starts_with(b"<!--") {
            // Where html5ever ends it: `<!-->`, `<!--->`, or the first
            // `-->` or `--!>` after the opening dashes. Cutting the
            // comment's text relies on this being exact.
            self.pos += 2;
            let rest = self.rest();
            // (The closing `--` and the comment's end.)
            let mut end = None;
            let mut from = 0;
            while let Some(i) = rest.get(from..).and_then(|r| find(r, b"--")) {
                let at = from + i + 2;
                match (rest.get(at), rest.get(at + 1)) {
                    (Some(b'>'), _) => end = Some((from + i, at + 1)),
                    // `--!>` ends a comment, but not as its opening dashes
                    // (`<!--!>`, `<!---!>` go on).
                    (Some(b'!'), Some(b'>')) if from + i >= 2 => end = Some((from + i, at + 2)),
                    _ => {
                        from = from + i + 1;
                        continue;
                    }
                }
                break;
            }
            if let Some((close, _)) = end {
                self.note_comment(self.pos + 2..self.pos + close);
            }
            self.pos = end.map_or(self.src.len(), |(_, e)| self.pos + e);
        } else if tree.cdata_opens() && self.rest().starts_with(b"<![CDATA[") {
            self.skip_past(b"]]>");
        } else {
            self.skip_past(b">");
        }
        tree.comment()
    }

    /// Reads a tag from its name to its `>`; `None` at end of input (the
    /// tokenizer drops an unfinished tag).
    ///
    /// One forward pass with a local cursor over the rest of the input:
    /// every tag goes through here, and re-slicing the input at each step
    /// cost more than the bytes themselves.
    ///
    /// With `collect` (a start tag), the attributes html5ever can go
    /// without are added to [`Unread`] while it is sure. Only one that
    /// follows white space is taken, so that leaving it out joins nothing
    /// (`<a/class=x>` would become a self-closing `<a/>`), and not one
    /// before an `=` (in `<a b class=x =y>` the `=y` is an attribute of its
    /// own; without `class=x` it would be `b`'s value).
    // Inlined into both callers: returning its `Result<Option<Tag>, _>`
    // from a call cost a tenth of the scan (callgrind, 100 KB page), and a
    // plain `#[inline]` left the call in place.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn tag(&mut self, tree: &mut Tree<'_>, collect: bool) -> Result<Option<Tag>, Error> {
        let start = self.pos;
        let rest = self.rest();
        let name_len = name_len(rest);
        let mut tag = Tag {
            start: collect,
            name: (start, start + name_len),
            attributes: 0,
            self_closing: false,
            attrs: (start + name_len, start + name_len),
            key: 0,
        };
        let mut i = name_len;
        loop {
            i = skip(rest, i, is_html_space);
            match rest.get(i) {
                None => return Ok(None),
                Some(b'>') => break,
                Some(b'/') => {
                    i += 1;
                    if rest.get(i) == Some(&b'>') {
                        tag.self_closing = true;
                        break;
                    }
                }
                Some(_) => {
                    tag.attributes += 1;
                    tree.attributes(tag.attributes)?;
                    let Some((name_end, end)) = attribute(rest, i) else {
                        return Ok(None);
                    };
                    if collect
                        && let Some(unread) = self.unread.as_mut().filter(|u| u.sure)
                        && i.checked_sub(1)
                            .and_then(|b| rest.get(b))
                            .is_some_and(|&b| is_html_space(b))
                        && rest.get(skip(rest, end, is_html_space)) != Some(&b'=')
                        && is_unread(rest.get(i..name_end).unwrap_or_default())
                    {
                        unread.add(self.src, start + i..start + end);
                    }
                    i = end;
                }
            }
        }
        tag.attrs.1 = start + i;
        self.pos = start + i + 1;
        Ok(Some(tag))
    }

    /// Skips raw text up to `</name` followed by space, `/` or `>` (the
    /// end tag is consumed). Returns where the text ends when the end tag
    /// was found. A script's text ends where [`script_end`] says: only
    /// once it has opened a comment (`<!--`) can that be past the first
    /// such end tag.
    fn raw_text(
        &mut self,
        tree: &mut Tree<'_>,
        name: (usize, usize),
    ) -> Result<Option<usize>, Error> {
        let name = self.src.get(name.0..name.1).unwrap_or_default();
        let script = name.eq_ignore_ascii_case(b"script");
        let from = self.pos;
        let (mut escaped, mut end) = (false, None);
        // Where the text since the last `</` looked at starts.
        let mut run = self.pos;
        while let Some(i) = find_byte(self.rest(), b'<') {
            let at = self.pos + i;
            let after = self.src.get(at + 1..).unwrap_or_default();
            if script && !escaped && after.starts_with(b"!--") {
                escaped = true;
                let text = self.src.get(from..).unwrap_or_default();
                end = script_end(text).map(|e| from + e);
            }
            if after.first() != Some(&b'/') {
                self.pos = at + 1;
                continue;
            }
            if at > run {
                tree.text()?;
            }
            self.pos = at + 2;
            run = self.pos;
            let rest = self.rest();
            let matched = rest.len() > name.len()
                && rest
                    .get(..name.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(name))
                && rest.get(name.len()).is_some_and(|&b| ends_name(b));
            if matched && (!escaped || end == Some(at)) {
                self.pos += name.len();
                // The end tag's own attributes (if any) up to `>`. Input
                // that ends inside them drops the tag: the element stays
                // open, and nothing after its text is read.
                if self.tag(tree, false)?.is_none() {
                    self.pos = self.src.len();
                    return Ok(None);
                }
                return Ok(Some(at));
            }
        }
        if run < self.src.len() {
            tree.text()?;
        }
        self.pos = self.src.len();
        Ok(None)
    }
}

/// Where a script's `text` (what follows `<script …>`) ends, as html5ever's
/// script data states find it: the offset of the `<` of the `</script`
/// (then space, `/` or `>`) that closes the element, `None` if none does.
/// A comment opened in the text (`<!--`, escaped) may hold a `<script`
/// (double escaped) whose `</script` only ends that nesting; `-->` closes
/// both. Outside a double escape the first such end tag ends the text.
fn script_end(text: &[u8]) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let (mut state, mut dashes, mut at) = (State::Data, 0, 0);
    loop {
        let rest = text.get(at..)?;
        let i = match state {
            State::Data => memchr::memchr(b'<', rest)?,
            _ => memchr::memchr3(b'<', b'-', b'>', rest)?,
        };
        if i > 0 {
            dashes = 0;
        }
        let here = at + i;
        let next = text.get(here + 1).copied();
        at = here + 1;
        // (Only the escaped states look for dashes and `>`.)
        match (state, text.get(here).copied()) {
            (_, Some(b'-')) => dashes += 1,
            (_, Some(b'>')) => {
                if dashes >= 2 {
                    state = State::Data;
                }
                dashes = 0;
            }
            (State::Data, _) => match next {
                Some(b'/') if script_name_at(text, here + 2).0 => return Some(here),
                Some(b'!') if text.get(here + 2..here + 4) == Some(b"--") => {
                    (state, dashes, at) = (State::Escaped, 2, here + 4);
                }
                _ => {}
            },
            (State::Escaped, _) => {
                dashes = 0;
                match next {
                    Some(b'/') => {
                        let (script, after) = script_name_at(text, here + 2);
                        if script {
                            return Some(here);
                        }
                        at = after;
                    }
                    Some(b) if b.is_ascii_alphabetic() => {
                        let (script, after) = script_name_at(text, here + 1);
                        if script {
                            // (The space, `/` or `>` after the name goes too.)
                            (state, at) = (State::DoubleEscaped, after + 1);
                        } else {
                            at = after;
                        }
                    }
                    _ => {}
                }
            }
            (State::DoubleEscaped, _) => {
                dashes = 0;
                if next == Some(b'/') {
                    let (script, after) = script_name_at(text, here + 2);
                    at = if script { after + 1 } else { after };
                    if script {
                        state = State::Escaped;
                    }
                }
            }
        }
    }
}

/// The tag name right after `<` or `</` at `at` in a script's `text`:
/// whether it is `script` closed by space, `/` or `>` (what ends or opens
/// a nesting), and where its letters end (where html5ever reconsumes).
fn script_name_at(text: &[u8], at: usize) -> (bool, usize) {
    let name = text.get(at..).unwrap_or_default();
    let len = name.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let closed = name.get(len).is_some_and(|&b| ends_name(b));
    let script = closed
        && name
            .get(..len)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"script"));
    (script, at + len)
}

/// Reads the attribute that starts at `at` in `rest`; returns where its
/// name ends and where it ends, `None` when the input ends inside its
/// value (the tokenizer then drops the tag). Where the next attribute, `/`
/// or `>` begins is left to the caller: an end of input there is the
/// caller's to see.
fn attribute(rest: &[u8], at: usize) -> Option<(usize, usize)> {
    // The first character may be `=`; the name runs to space, `/`, `>`, `=`.
    let name_end = skip(rest, at + 1, |b| {
        !(is_html_space(b) || matches!(b, b'/' | b'>' | b'='))
    });
    let i = skip(rest, name_end, is_html_space);
    if rest.get(i) != Some(&b'=') {
        // No value: the attribute ends with its name (the space after it
        // may separate the next one).
        return Some((name_end, name_end));
    }
    let i = skip(rest, i + 1, is_html_space);
    let end = match rest.get(i)? {
        &q @ (b'"' | b'\'') => {
            let value = rest.get(i + 1..)?;
            find_byte(value, q).map(|end| i + 1 + end + 1)?
        }
        _ => skip(rest, i, |b| !(is_html_space(b) || b == b'>')),
    };
    Some((name_end, end))
}

/// Length of the tag name `rest` starts with: it runs to white space, `/`
/// or `>`, as in html5ever's tag name state.
fn name_len(rest: &[u8]) -> usize {
    skip(rest, 0, |b| !ends_name(b))
}

/// Whether `b` ends a tag name: white space, `/` or `>`.
fn ends_name(b: u8) -> bool {
    is_html_space(b) || b == b'/' || b == b'>'
}

/// Index of the first byte at or after `from` in `hay` that `keep`
/// refuses; `hay.len()` when there is none.
fn skip(hay: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    hay.get(from..).map_or(hay.len(), |r| {
        from + r.iter().position(|&b| !keep(b)).unwrap_or(r.len())
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, tail) = needle.split_first()?;
    let mut from = 0;
    while let Some(i) = find_byte(hay.get(from..)?, first) {
        let at = from + i;
        if hay.get(at + 1..at + 1 + tail.len()) == Some(tail) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Position of the first `byte` in `hay`: text runs, attribute values and
/// raw text are skipped this way. (`memchr` beat a hand-written eight-byte
/// SWAR loop, 55 instructions a call to 84, on the short runs it meets.)
fn find_byte(hay: &[u8], byte: u8) -> Option<usize> {
    // The byte at hand is often the one sought (a tag right after a tag,
    // `</h3><p>`; an empty value, `alt=""`): no call then.
    match hay.first() {
        Some(&b) if b == byte => Some(0),
        _ => memchr::memchr(byte, hay),
    }
}

/// Mixes `bytes` into `hash` eight at a time: a Noah's-ark key is
/// computed for every formatting tag, and `<a href>` values are long.
/// Equal input gives equal keys, which is all Noah's ark needs.
fn mix(hash: u64, bytes: &[u8]) -> u64 {
    let step = |hash: u64, word: u64| (hash ^ word).wrapping_mul(MIX_PRIME).rotate_left(31);
    let mut chunks = bytes.chunks_exact(8);
    let mut hash = step(hash, bytes.len() as u64);
    for chunk in &mut chunks {
        hash = step(
            hash,
            <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes),
        );
    }
    let mut tail = [0; 8];
    let rest = chunks.remainder();
    if let Some(head) = tail.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    step(hash, u64::from_le_bytes(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ids_match_their_names() {
        let mut names = Names::new();
        for (id, name) in [
            (P, "p"),
            (LI, "li"),
            (DD, "dd"),
            (DT, "dt"),
            (OPTION, "option"),
            (OPTGROUP, "optgroup"),
            (SELECT, "select"),
            (TABLE, "table"),
            (TBODY, "tbody"),
            (THEAD, "thead"),
            (TFOOT, "tfoot"),
            (TR, "tr"),
            (TD, "td"),
            (TH, "th"),
            (A, "a"),
            (NOBR, "nobr"),
            (HTML, "html"),
            (HEAD, "head"),
            (BODY, "body"),
            (SVG, "svg"),
            (MATH, "math"),
            (BR, "br"),
            (PLAINTEXT, "plaintext"),
            (BUTTON, "button"),
            (DIV, "div"),
            (ADDRESS, "address"),
            (TEMPLATE, "template"),
            (FRAMESET, "frameset"),
        ] {
            assert_eq!(names.intern(name.as_bytes()), id, "{name}");
        }
        let mut keys: Vec<Key> = KNOWN
            .iter()
            .map(|(n, _)| pack(n.as_bytes()).unwrap())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), KNOWN.len(), "duplicate known names");
        assert_eq!(
            names.intern(b"my-widget"),
            Name::try_from(KNOWN.len()).unwrap()
        );
        assert_eq!(
            names.intern(b"MY-WIDGET"),
            Name::try_from(KNOWN.len()).unwrap()
        );
        assert_eq!(flags(Name::try_from(KNOWN.len()).unwrap()), 0);
    }

    #[test]
    fn kept_attribute_names_fit_the_unread_shortcut() {
        for name in TREE_BUILDER_READS {
            assert!((3..=14).contains(&name.len()), "{name:?}");
            assert!(!is_unread(name) && !is_unread(&name.to_ascii_uppercase()));
        }
        for name in ["href", "aria-current", "datetime", "alt"] {
            assert!(crate::dom::is_read_attribute_name(name.as_bytes()));
            assert!(!is_unread(name.as_bytes()));
        }
        for name in ["class", "CLASS", "id", "data-tracking-label", "src", "x"] {
            assert!(is_unread(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn word_bound_names_are_the_index_spacer_bounds() {
        let flagged: Vec<&str> = KNOWN
            .iter()
            .filter(|(_, flags)| flags & WORD_BOUND != 0)
            .map(|&(name, _)| name)
            .collect();
        let mut bounds = crate::dom::WORD_BOUNDS.to_vec();
        bounds.sort_unstable();
        let mut sorted = flagged.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, bounds);
    }
    /// The text html5ever gives a `<script>` opened by `html`.
    fn html5ever_script_text(html: &str) -> String {
        use html5ever::tendril::TendrilSink;
        use markup5ever_rcdom::{NodeData, RcDom};
        let dom =
            html5ever::parse_document(RcDom::default(), html5ever::ParseOpts::default()).one(html);
        let mut stack = vec![dom.document.clone()];
        while let Some(node) = stack.pop() {
            if let NodeData::Element { name, .. } = &node.data
                && &*name.local == "script"
            {
                let children = node.children.borrow();
                return match children.first().map(|c| &c.data) {
                    Some(NodeData::Text { contents }) => contents.borrow().to_string(),
                    _ => String::new(),
                };
            }
            // (Reversed: the first script in document order comes first.)
            stack.extend(node.children.borrow().iter().rev().cloned());
        }
        panic!("no script in {html}");
    }

    /// [`script_end`] on random texts of escape, nesting and end-tag
    /// pieces (a fixed xorshift seed): the text it ends is the text
    /// html5ever gives the script, and where it finds no end html5ever
    /// reads to the end of input.
    #[test]
    fn script_ends_where_html5ever_ends_it() {
        const PIECES: &[&str] = &[
            "<!--",
            "-->",
            "--!>",
            "<!-->",
            "<!-",
            "-",
            "--",
            ">",
            "<",
            "</",
            "/",
            "x",
            " ",
            "<script>",
            "<SCRIPT ",
            "<script/",
            "<scripts>",
            "</script>",
            "</SCRIPT\t",
            "</script/",
            "</scriptx>",
            "</script",
            "<script",
            "\n",
            "<!--<script>",
            "</script\r",
            "\0",
            "é",
        ];
        for text in crate::testing::mixes(0x2545_f491_4f6c_dd1d, PIECES, 1, 12).take(20_000) {
            let got = html5ever_script_text(&format!("<script>{text}"));
            let end = script_end(text.as_bytes()).unwrap_or(text.len());
            // (As html5ever's input stream gives it: line breaks as `\n`,
            // NUL as U+FFFD.)
            let want = text[..end].replace("\r\n", "\n").replace(['\r'], "\n");
            assert_eq!(got, want.replace('\0', "\u{fffd}"), "{text:?}");
        }
    }

    /// Prints the maxima real pages reach (`cargo test --release --lib
    /// real_page_maxima -- --ignored --nocapture`); the numbers behind the
    /// default limits.
    #[test]
    #[ignore = "measurement, reads ../shared"]
    #[allow(
        clippy::cast_precision_loss,
        clippy::case_sensitive_file_extension_comparisons
    )]
    fn real_page_maxima() {
        use std::io::Read;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let mut dirs = vec![root.join("real"), root.join("corpus")];
        let mut max = Usage::default();
        let mut bytes_max = 0;
        let mut pages = 0;
        let limits = Limits::new()
            .max_depth(usize::MAX)
            .max_elements(usize::MAX)
            .max_open_formatting(usize::MAX)
            .max_attributes_per_tag(usize::MAX);
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = path.display().to_string();
                let bytes = if path.is_dir() {
                    dirs.push(path);
                    continue;
                } else if name.ends_with(".html.gz") {
                    let mut bytes = Vec::new();
                    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
                        .read_to_end(&mut bytes)
                        .unwrap();
                    bytes
                } else if name.ends_with(".html") || name.ends_with(".htm") {
                    std::fs::read(&path).unwrap()
                } else {
                    continue;
                };
                let text = crate::decode::decode(&bytes);
                let usage = scan(text.as_bytes(), &limits).unwrap();
                pages += 1;
                let ratio = usage.work as f64 / text.len() as f64;
                if ratio > 0.3 {
                    println!("work/byte {ratio:.2} {name}");
                }
                let page = crate::dom::Page::parse(&text, 0, &[]);
                let real = (0..page.len())
                    .filter(|&id| page.name(id).is_some())
                    .count();
                let real_depth = (0..page.len())
                    .map(|id| page.ancestors(id).count().saturating_sub(1))
                    .max()
                    .unwrap_or(0);
                if real_depth > usage.depth + 1 {
                    println!("model depth {} vs real {real_depth}: {name}", usage.depth);
                }
                if real > usage.elements || real * 2 < usage.elements {
                    println!("model {} vs real {real} elements: {name}", usage.elements);
                }
                for (what, value, best) in [
                    ("depth", usage.depth, max.depth),
                    ("formatting", usage.formatting, max.formatting),
                    ("attributes", usage.attributes, max.attributes),
                    ("elements", usage.elements, max.elements),
                    ("bytes", text.len(), bytes_max),
                ] {
                    if value > best {
                        println!("{what} {value} {name}");
                    }
                }
                max.depth = max.depth.max(usage.depth);
                max.formatting = max.formatting.max(usage.formatting);
                max.attributes = max.attributes.max(usage.attributes);
                max.elements = max.elements.max(usage.elements);
                bytes_max = bytes_max.max(text.len());
            }
        }
        println!("{pages} pages: {max:?}, bytes {bytes_max}");
    }
}
