//! Wire datelines: `ASTANA (ANP/DPA/AFP) - `.
//!
//! # Grammar
//!
//! ```text
//! dateline  = place [", " region] [", " date] [" "] ["(" agencies ")"] separator
//! place     = caps-place | mixed-place            ; mixed-place only with agencies
//! agencies  = code *( "/" code )
//! separator = " - " | " -- " | " – " | " — "      ; or "- " glued to a capitals place
//! ```
//!
//! A *caps place* is one to six words of letters without a lower-case one,
//! plus `.`, `'`, `’`, `-` and `/` (any script: `OŚWIĘCIM`, `GENÈVE`). A
//! *mixed place* is the dpa style (`Berlin`, `Frankfurt/Main`): each part
//! capitalised, lower-case only for connectors (`am`, `an der`, `de`), never an
//! acronym (`De VVD` is prose). An agency code is capitals (`ANP`), a
//! capitalised name (`Reuters`) or a short lower-case code (`dpa`, `lno`).
//! A *region* is up to three capitalised words (`Calif.`, `N.Y.`); a *date* is
//! a month name and a day (`Jan 5`, `March 7`, `5 januari`).
//!
//! | Input                                         | city            | region   | date      | agencies              |
//! |-----------------------------------------------|-----------------|----------|-----------|-----------------------|
//! | `ASTANA (ANP/DPA/AFP) - Kazachstan …`          | `ASTANA`        |          |           | `ANP`, `DPA`, `AFP`   |
//! | `GOES - De gemeente …`                        | `GOES`          |          |           |                       |
//! | `WEST-BRABANT- De …`                          | `WEST-BRABANT`  |          |           |                       |
//! | `'S-HERTOGENBOSCH (ANP) - …`                  | `'S-HERTOGENBOSCH` |       |           | `ANP`                 |
//! | `ST. PAUL (ANP/RTR) - …`                      | `ST. PAUL`      |          |           | `ANP`, `RTR`          |
//! | `HAYWARD, Calif. (AP) — A man …`              | `HAYWARD`       | `Calif.` |           | `AP`                  |
//! | `LONDON, Jan 5 (Reuters) - Shares …`          | `LONDON`        |          | `Jan 5`   | `Reuters`             |
//! | `LOS ANGELES (AP) -- Police …`                | `LOS ANGELES`   |          |           | `AP`                  |
//! | `Hamburg (dpa/lno) – Die Polizei …`           | `Hamburg`       |          |           | `dpa`, `lno`          |
//!
//! Not datelines: `De VVD (ANP) - …` (an acronym in a mixed-case place),
//! `Foto: ANP - …` (a colon), `Het kabinet - …` (mixed case without agency),
//! `DEN HAAG (ANP)` (no separator, for [`Dateline::split`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// One agency code of a dateline, kept as written (`ANP`, `RTR`, `dpa`).
///
/// Serialises as that string. [`Agency::kind`] names the agency behind the
/// code, so `RTR` and `Reuters` compare equal by kind but not as values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Agency(String);

/// The news agency behind an [`Agency`] code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AgencyKind {
    /// Algemeen Nederlands Persbureau (`ANP`).
    Anp,
    /// Agence France-Presse (`AFP`).
    Afp,
    /// Associated Press (`AP`).
    Ap,
    /// Deutsche Presse-Agentur (`DPA`, `dpa`).
    Dpa,
    /// A regional service of dpa (`lno`, `lby`, `lsw`, …).
    DpaRegional,
    /// Reuters (`RTR`, `Reuters`).
    Reuters,
    /// Belga (`BELGA`, `Belga`).
    Belga,
    /// Bloomberg (`BLOOMBERG`, `Bloomberg`).
    Bloomberg,
    /// ANP's financial service (`AFN`).
    Afn,
    /// Agencia EFE (`EFE`).
    Efe,
    /// Agenzia Nazionale Stampa Associata (`ANSA`).
    Ansa,
    /// Sport-Informations-Dienst (`SID`).
    Sid,
    /// A well-formed code this crate does not know by name.
    Other,
}

/// What was wrong with a text that is not a dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DatelineErrorKind {
    /// The input is empty or white space.
    Empty,
    /// No place name where one must start.
    ExpectedPlace,
    /// A word that cannot be part of a place name (prose, an acronym in a
    /// mixed-case place, a bare agency name).
    InvalidPlace,
    /// A mixed-case place (`Berlin`) without the agency that makes it a
    /// dateline.
    MissingAgency,
    /// Text after the comma is neither a region nor a date.
    InvalidRegion,
    /// A malformed agency code or list.
    InvalidAgency,
    /// No separator (` - `) after the dateline.
    ExpectedSeparator,
    /// Text after a complete dateline.
    TrailingInput,
}

/// Why a text is not a dateline: a [`DatelineErrorKind`] and the byte
/// offset where the grammar failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseDatelineError {
    kind: DatelineErrorKind,
    offset: usize,
}

impl ParseDatelineError {
    const fn new(kind: DatelineErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What was wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::{Dateline, DatelineErrorKind};
    /// let err = "De VVD (ANP)".parse::<Dateline>().unwrap_err();
    /// assert_eq!(err.kind(), DatelineErrorKind::InvalidPlace);
    /// ```
    pub fn kind(&self) -> DatelineErrorKind {
        self.kind
    }

    /// The byte offset in the input where the grammar failed.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Dateline;
    /// let err = "GOES (ANP".parse::<Dateline>().unwrap_err();
    /// assert_eq!(err.offset(), 9);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseDatelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            DatelineErrorKind::Empty => return f.write_str("invalid dateline: empty input"),
            DatelineErrorKind::ExpectedPlace => "expected a place",
            DatelineErrorKind::InvalidPlace => "not a place name",
            DatelineErrorKind::MissingAgency => "expected an agency after a mixed-case place",
            DatelineErrorKind::InvalidRegion => "expected a region or a date",
            DatelineErrorKind::InvalidAgency => "invalid agency code",
            DatelineErrorKind::ExpectedSeparator => "expected a separator",
            DatelineErrorKind::TrailingInput => "unexpected text",
        };
        write!(f, "invalid dateline: {what} at byte {}", self.offset)
    }
}
impl std::error::Error for ParseDatelineError {}

/// Most words a place may have (`INTOCHT SINTERKLAASRIJSWIJK/HEERHUGOWAARD`
/// has two, `ST. ANTON AM ARLBERG` four); more is a capitals headline.
const MAX_PLACE_WORDS: usize = 6;
/// Most bytes a place may have.
const MAX_PLACE_BYTES: usize = 80;
/// Most codes between the parentheses.
const MAX_AGENCIES: usize = 8;

/// Lower-case words allowed inside a mixed-case place (`Frankfurt am Main`,
/// `Rio de Janeiro`, `Stratford-upon-Avon`, `Aix-en-Provence`).
const CONNECTORS: &[&str] = &[
    "am", "an", "der", "bei", "im", "in", "ob", "upon", "on", "de", "del", "la", "le", "sur", "en",
    "aan", "den", "op", "ter", "van", "von", "zu", "sul", "do", "da", "di", "les", "des",
];

/// Capitalised words that open prose, never a place (`Het kabinet (ANP)`).
const PROSE_OPENERS: &[&str] = &[
    "Het", "Een", "Deze", "Dit", "Dat", "The", "This", "Die", "Das", "Foto", "Bron", "Door",
];

/// English, Dutch and German month names and abbreviations, lower case.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "januari",
    "januar",
    "feb",
    "february",
    "februari",
    "februar",
    "mar",
    "march",
    "mrt",
    "maart",
    "märz",
    "apr",
    "april",
    "may",
    "mei",
    "mai",
    "jun",
    "june",
    "juni",
    "jul",
    "july",
    "juli",
    "aug",
    "august",
    "augustus",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "okt",
    "oktober",
    "nov",
    "november",
    "dec",
    "december",
    "dez",
    "dezember",
];

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\t' | '\u{202f}')
}

/// Byte ranges of a dateline inside its text; nothing owned until success.
struct Head {
    city: (usize, usize),
    region: Option<(usize, usize)>,
    date: Option<(usize, usize)>,
    agencies: Option<(usize, usize)>,
    /// Where the dateline proper ends (before any separator).
    end: usize,
    /// Where the text after the separator starts, if a separator follows.
    rest: Option<usize>,
}

fn slice(s: &str, (a, b): (usize, usize)) -> &str {
    s.get(a..b).unwrap_or("")
}

/// A cursor over a `&str` that never indexes out of bounds.
struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(is_space) {
            self.bump();
        }
        self.pos > start
    }
    /// The length of a separator dash run (`-`, `--`, `–`, `—`) at the
    /// cursor when white space or the end follows it.
    fn dash_len(&self) -> Option<usize> {
        let r = self.rest();
        let n = if r.starts_with("--") {
            2
        } else if r.starts_with('-') {
            1
        } else if r.starts_with('–') || r.starts_with('—') {
            3
        } else {
            return None;
        };
        match r.get(n..)?.chars().next() {
            None => Some(n),
            Some(c) if is_space(c) => Some(n),
            Some(_) => None,
        }
    }
}

/// Characters a place may hold besides letters.
fn is_place_punct(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '/')
}

/// Scans a place from the cursor: returns its end and whether it is glued
/// to a `- ` separator (`WEST-BRABANT- `). Leaves the cursor at the end of
/// the place, or just past the glued dash.
fn scan_place(cur: &mut Cur<'_>) -> Result<(usize, bool), ParseDatelineError> {
    let start = cur.pos;
    let mut words = 0;
    loop {
        let wstart = cur.pos;
        while let Some(c) = cur.peek() {
            if is_space(c) || c == '(' || c == ',' {
                break;
            }
            if c == '-' && cur.pos > wstart && cur.dash_len() == Some(1) {
                // `WEST-BRABANT- De`: a dash glued to the word, space after.
                let end = cur.pos;
                cur.bump();
                return check_place_len(start, end, words + 1).map(|()| (end, true));
            }
            if !(c.is_alphabetic() || is_place_punct(c)) {
                return Err(ParseDatelineError::new(
                    DatelineErrorKind::InvalidPlace,
                    cur.pos,
                ));
            }
            cur.bump();
        }
        if cur.pos == wstart {
            return Err(ParseDatelineError::new(
                DatelineErrorKind::ExpectedPlace,
                wstart,
            ));
        }
        words += 1;
        let end = cur.pos;
        if !cur.skip_spaces() || cur.peek().is_none_or(|c| c == '(' || c == ',') {
            cur.pos = end;
            return check_place_len(start, end, words).map(|()| (end, false));
        }
        if cur.dash_len().is_some() {
            cur.pos = end;
            return check_place_len(start, end, words).map(|()| (end, false));
        }
        if words >= MAX_PLACE_WORDS {
            return Err(ParseDatelineError::new(
                DatelineErrorKind::InvalidPlace,
                cur.pos,
            ));
        }
    }
}

fn check_place_len(start: usize, end: usize, words: usize) -> Result<(), ParseDatelineError> {
    if end - start > MAX_PLACE_BYTES || words > MAX_PLACE_WORDS {
        Err(ParseDatelineError::new(
            DatelineErrorKind::InvalidPlace,
            start,
        ))
    } else {
        Ok(())
    }
}

/// How a place is cased, which decides whether it needs an agency.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PlaceCase {
    /// No lower-case letter: ANP, AP and Reuters style.
    Caps,
    /// Capitalised words: dpa style.
    Mixed,
}

/// Checks the words of a scanned place; returns its case or the offset of
/// the offending word.
fn classify_place(place: &str, base: usize) -> Result<PlaceCase, ParseDatelineError> {
    let invalid = |at: usize| ParseDatelineError::new(DatelineErrorKind::InvalidPlace, base + at);
    let mut letters = 0usize;
    let mut lower = false;
    for c in place.chars() {
        if c.is_alphabetic() {
            letters += 1;
            lower |= c.is_lowercase();
        }
    }
    // A place starts with a letter or an apostrophe (`'S-HERTOGENBOSCH`)
    // and ends with a letter or a dot (`ST.`, `Calif.`).
    let first_ok = place
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '\'' || c == '’');
    let last_ok = place
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == '.');
    if letters < 2 || !first_ok || !last_ok {
        return Err(invalid(0));
    }
    if !lower {
        // `ANP - Archiefbeeld` is a photo credit, not a place.
        if AgencyKind::of(place) != AgencyKind::Other {
            return Err(invalid(0));
        }
        return Ok(PlaceCase::Caps);
    }
    let mut at = 0;
    for (i, word) in place.split(is_space).enumerate() {
        if i == 0 && PROSE_OPENERS.contains(&word) {
            return Err(invalid(at));
        }
        let mut seg_at = at;
        for (j, seg) in word.split(['-', '/']).enumerate() {
            let ok = if CONNECTORS.contains(&seg) {
                i > 0 || j > 0
            } else {
                is_title_segment(seg)
            };
            if !ok {
                return Err(invalid(seg_at));
            }
            seg_at += seg.len() + 1;
        }
        at += word.len() + 1;
    }
    Ok(PlaceCase::Mixed)
}

/// A capitalised part of a mixed-case place: upper-case first letter, then
/// no upper-case letter except after an apostrophe (`L'Aquila`) or as the
/// second of `Mc` (`McAllen`); a final dot is allowed (`Frankfurt/M.`).
fn is_title_segment(seg: &str) -> bool {
    let mut chars = seg.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut prev = ' ';
    let mut lowers = 0;
    for c in chars {
        if c.is_uppercase() && !(prev == '\'' || prev == '’' || seg.starts_with("Mc")) {
            return false;
        }
        if !(c.is_alphabetic() || c == '.' || c == '\'' || c == '’') {
            return false;
        }
        lowers += usize::from(c.is_lowercase());
        prev = c;
    }
    // A lone capital (`A`) is allowed; `NAVO` failed above.
    lowers > 0 || seg.chars().count() == 1
}

/// Scans `, region` and `, date` after the city.
fn scan_qualifiers(cur: &mut Cur<'_>, head: &mut Head) -> Result<(), ParseDatelineError> {
    for _ in 0..2 {
        let save = cur.pos;
        if cur.peek() != Some(',') {
            return Ok(());
        }
        cur.bump();
        cur.skip_spaces();
        let start = cur.pos;
        let mut end = start;
        // The part runs up to `,`, `(` or a separator.
        while let Some(c) = cur.peek() {
            if c == ','
                || c == '('
                || (is_space(c) && {
                    let p = cur.pos;
                    cur.skip_spaces();
                    let stop = cur.dash_len().is_some() || cur.peek().is_none_or(|c| c == '(');
                    cur.pos = p;
                    stop
                })
            {
                break;
            }
            cur.bump();
            if !is_space(c) {
                end = cur.pos;
            }
        }
        cur.pos = end;
        let part = slice(cur.s, (start, end));
        if head.date.is_none() && is_date(part) {
            head.date = Some((start, end));
        } else if head.region.is_none() && head.date.is_none() && is_region(part) {
            head.region = Some((start, end));
        } else {
            cur.pos = save;
            return Err(ParseDatelineError::new(
                DatelineErrorKind::InvalidRegion,
                start,
            ));
        }
    }
    Ok(())
}

/// `Jan 5`, `Jan. 5`, `March 7`, `5 januari`.
fn is_date(part: &str) -> bool {
    let mut words = part.split(is_space).filter(|w| !w.is_empty());
    let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let is_month = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        w.len() <= 9 && MONTHS.iter().any(|m| eq_fold(w, m))
    };
    let is_day = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        !w.is_empty()
            && w.len() <= 2
            && w.bytes().all(|b| b.is_ascii_digit())
            && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    (is_month(a) && is_day(b)) || (is_day(a) && is_month(b))
}

/// `Calif.`, `N.Y.`, `New Mexico`: up to three capitalised words.
fn is_region(part: &str) -> bool {
    let mut n = 0;
    for w in part.split(is_space) {
        n += 1;
        let ok = n <= 3
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''));
        if !ok {
            return false;
        }
    }
    n > 0
}

/// Case-insensitive equality of `word` with a lower-case `target`, without
/// allocating.
fn eq_fold(word: &str, target: &str) -> bool {
    let mut t = target.chars();
    for c in word.chars() {
        for l in c.to_lowercase() {
            if t.next() != Some(l) {
                return false;
            }
        }
    }
    t.next().is_none()
}

/// Whether `code` is a well-formed agency code: `-`-joined parts, each
/// capitals (`ANP`), capitalised (`Reuters`), or short lower case (`dpa`,
/// `lno`).
fn is_agency_code(code: &str) -> bool {
    if code.is_empty() || code.len() > 16 {
        return false;
    }
    code.split('-').all(|part| {
        let n = part.len();
        let bytes = part.as_bytes();
        if !bytes.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        let upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
        if upper == n {
            (2..=10).contains(&n)
        } else if upper == 0 {
            (2..=3).contains(&n) || part == "dpa"
        } else {
            upper == 1 && bytes.first().is_some_and(u8::is_ascii_uppercase) && (3..=12).contains(&n)
        }
    })
}

/// Scans `(ANP/DPA)` at the cursor; returns the range inside the
/// parentheses.
fn scan_agencies(cur: &mut Cur<'_>) -> Result<(usize, usize), ParseDatelineError> {
    let open = cur.pos;
    cur.bump();
    let start = cur.pos;
    let Some(len) = cur.rest().find(')') else {
        return Err(ParseDatelineError::new(
            DatelineErrorKind::InvalidAgency,
            cur.s.len(),
        ));
    };
    let end = start + len;
    let inner = slice(cur.s, (start, end));
    let mut at = start;
    let mut n = 0;
    for code in inner.split('/') {
        n += 1;
        if n > MAX_AGENCIES || !is_agency_code(code.trim_matches(is_space)) {
            return Err(ParseDatelineError::new(
                DatelineErrorKind::InvalidAgency,
                at.max(open),
            ));
        }
        at += code.len() + 1;
    }
    cur.pos = end + 1;
    Ok((start, end))
}

/// The dateline grammar over `s`, from its start.
fn scan(s: &str) -> Result<Head, ParseDatelineError> {
    let mut cur = Cur { s, pos: 0 };
    cur.skip_spaces();
    if cur.peek().is_none() {
        return Err(ParseDatelineError::new(DatelineErrorKind::Empty, 0));
    }
    let city_start = cur.pos;
    let (city_end, glued) = scan_place(&mut cur)?;
    let case = classify_place(slice(s, (city_start, city_end)), city_start)?;
    let mut head = Head {
        city: (city_start, city_end),
        region: None,
        date: None,
        agencies: None,
        end: city_end,
        rest: None,
    };
    if glued {
        return finish_glued(&mut cur, head, case);
    }
    scan_qualifiers(&mut cur, &mut head)?;
    head.end = cur.pos;
    let before = cur.pos;
    cur.skip_spaces();
    if cur.peek() == Some('(') {
        head.agencies = Some(scan_agencies(&mut cur)?);
        head.end = cur.pos;
        if case == PlaceCase::Caps && cur.dash_len() == Some(1) {
            // `DEN HAAG (ANP)- `: glued after the parenthesis.
            cur.bump();
            return finish_glued(&mut cur, head, case);
        }
    } else {
        cur.pos = before;
    }
    if case == PlaceCase::Mixed && head.agencies.is_none() {
        return Err(ParseDatelineError::new(
            DatelineErrorKind::MissingAgency,
            head.end,
        ));
    }
    if cur.skip_spaces()
        && let Some(n) = cur.dash_len()
    {
        cur.pos += n;
        cur.skip_spaces();
        head.rest = Some(cur.pos);
    }
    Ok(head)
}

fn finish_glued(
    cur: &mut Cur<'_>,
    mut head: Head,
    case: PlaceCase,
) -> Result<Head, ParseDatelineError> {
    // Only the capitals style glues its dash (`WEST-BRABANT- `); a mixed
    // case name before `(ANP)-` is an abbreviation being spelled out.
    if case == PlaceCase::Mixed {
        return Err(ParseDatelineError::new(
            DatelineErrorKind::ExpectedSeparator,
            head.end,
        ));
    }
    cur.skip_spaces();
    head.rest = Some(cur.pos);
    Ok(head)
}

impl Head {
    fn build(&self, s: &str) -> Dateline {
        let own = |r: (usize, usize)| slice(s, r).to_owned();
        let agencies = self.agencies.map_or_else(Vec::new, |r| {
            slice(s, r)
                .split('/')
                .map(|c| Agency(c.trim_matches(is_space).to_owned()))
                .collect()
        });
        Dateline {
            city: own(self.city),
            region: self.region.map(own),
            date: self.date.map(own),
            agencies,
        }
    }
}

impl Dateline {
    /// A dateline of a place and its agencies, without region or date.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Dateline;
    /// let d = Dateline::new("GOES", Vec::new());
    /// assert_eq!(d.to_string(), "GOES");
    /// ```
    pub fn new(city: impl Into<String>, agencies: Vec<Agency>) -> Self {
        Self {
            city: city.into(),
            region: None,
            date: None,
            agencies,
        }
    }

    /// Takes a dateline off the start of `text` and returns it with the text
    /// after its separator (white space after the separator skipped).
    ///
    /// Returns `None` when `text` does not open with a dateline followed by
    /// a separator. Allocates only when it succeeds.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Dateline;
    /// let (d, rest) = Dateline::split("ASTANA (ANP/DPA/AFP) - Kazachstan heeft").unwrap();
    /// assert_eq!(d.city, "ASTANA");
    /// assert_eq!(d.agencies.iter().map(|a| a.as_str()).collect::<Vec<_>>(), ["ANP", "DPA", "AFP"]);
    /// assert_eq!(rest, "Kazachstan heeft");
    ///
    /// assert!(Dateline::split("De VVD (ANP) - Het voorstel").is_none());
    /// assert!(Dateline::split("DEN HAAG (ANP)").is_none());
    /// ```
    pub fn split(text: &str) -> Option<(Dateline, &str)> {
        let head = scan(text).ok()?;
        let rest = text.get(head.rest?..)?;
        Some((head.build(text), rest))
    }
}

impl FromStr for Dateline {
    type Err = ParseDatelineError;

    /// Parses a whole dateline (`HAYWARD, Calif. (AP)`), with or without a
    /// trailing separator, surrounded by optional white space.
    ///
    /// # Errors
    ///
    /// A [`ParseDatelineError`] whose kind says what was wrong and where.
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::Dateline;
    /// let d: Dateline = "LONDON, Jan 5 (Reuters)".parse().unwrap();
    /// assert_eq!(d.date.as_deref(), Some("Jan 5"));
    /// let err = "Het kabinet".parse::<Dateline>().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid dateline: not a place name at byte 0");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let head = scan(s)?;
        let tail_at = head.rest.unwrap_or(head.end);
        let tail = s.get(tail_at..).unwrap_or("");
        let trimmed = tail.trim_start_matches(is_space);
        if !trimmed.is_empty() {
            return Err(ParseDatelineError::new(
                DatelineErrorKind::TrailingInput,
                s.len() - trimmed.len(),
            ));
        }
        Ok(head.build(s))
    }
}

impl fmt::Display for Dateline {
    /// The canonical form: `CITY[, region][, date][ (A/B)]`, no separator.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.city)?;
        if let Some(region) = &self.region {
            write!(f, ", {region}")?;
        }
        if let Some(date) = &self.date {
            write!(f, ", {date}")?;
        }
        if let Some((first, more)) = self.agencies.split_first() {
            write!(f, " ({first}")?;
            for a in more {
                write!(f, "/{a}")?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl Agency {
    /// The code as written (`ANP`, `RTR`, `dpa`).
    ///
    /// # Examples
    ///
    /// ```
    /// let a: newswire::Agency = "RTR".parse().unwrap();
    /// assert_eq!(a.as_str(), "RTR");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The agency behind the code: `RTR` and `Reuters` are both
    /// [`AgencyKind::Reuters`], `lno` is [`AgencyKind::DpaRegional`].
    ///
    /// # Examples
    ///
    /// ```
    /// use newswire::{Agency, AgencyKind};
    /// let a: Agency = "RTR".parse().unwrap();
    /// assert_eq!(a.kind(), AgencyKind::Reuters);
    /// let b: Agency = "lno".parse().unwrap();
    /// assert_eq!(b.kind(), AgencyKind::DpaRegional);
    /// ```
    pub fn kind(&self) -> AgencyKind {
        AgencyKind::of(&self.0)
    }
}

impl AgencyKind {
    /// The agency behind a code, ignoring ASCII case.
    fn of(code: &str) -> Self {
        const KNOWN: &[(&str, AgencyKind)] = &[
            ("ANP", AgencyKind::Anp),
            ("AFP", AgencyKind::Afp),
            ("AP", AgencyKind::Ap),
            ("DPA", AgencyKind::Dpa),
            ("RTR", AgencyKind::Reuters),
            ("REUTERS", AgencyKind::Reuters),
            ("BELGA", AgencyKind::Belga),
            ("BLOOMBERG", AgencyKind::Bloomberg),
            ("AFN", AgencyKind::Afn),
            ("EFE", AgencyKind::Efe),
            ("ANSA", AgencyKind::Ansa),
            ("SID", AgencyKind::Sid),
        ];
        if let Some((_, kind)) = KNOWN.iter().find(|(k, _)| k.eq_ignore_ascii_case(code)) {
            return *kind;
        }
        // dpa's Landesdienste: lno (Nord), lby (Bayern), lsw (Südwest), …
        let b = code.as_bytes();
        if b.len() == 3 && b.first() == Some(&b'l') && b.iter().all(u8::is_ascii_lowercase) {
            return AgencyKind::DpaRegional;
        }
        AgencyKind::Other
    }
}

impl FromStr for Agency {
    type Err = ParseDatelineError;

    /// Parses one agency code.
    ///
    /// # Errors
    ///
    /// [`DatelineErrorKind::InvalidAgency`] when `s` is not a code of
    /// capitals, a capitalised name or a short lower-case code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("Reuters".parse::<newswire::Agency>().is_ok());
    /// assert!("Foto ANP".parse::<newswire::Agency>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_agency_code(s) {
            Ok(Agency(s.to_owned()))
        } else {
            Err(ParseDatelineError::new(DatelineErrorKind::InvalidAgency, 0))
        }
    }
}

impl fmt::Display for Agency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Agency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Agency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        if is_agency_code(&s) {
            Ok(Agency(s))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "invalid agency code: {s:?}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// input, city, region, date, agencies (slash-joined), rest.
    const OK: &[(&str, &str, &str, &str, &str, &str)] = &[
        (
            "ASTANA (ANP/DPA/AFP) - Kazachstan",
            "ASTANA",
            "",
            "",
            "ANP/DPA/AFP",
            "Kazachstan",
        ),
        ("GOES - De gemeente", "GOES", "", "", "", "De gemeente"),
        (
            "WEST-BRABANT- De politie",
            "WEST-BRABANT",
            "",
            "",
            "",
            "De politie",
        ),
        (
            "'S-HERTOGENBOSCH (ANP) - Het",
            "'S-HERTOGENBOSCH",
            "",
            "",
            "ANP",
            "Het",
        ),
        (
            "ST. PAUL (ANP/RTR) - Drie",
            "ST. PAUL",
            "",
            "",
            "ANP/RTR",
            "Drie",
        ),
        (
            "ST. ANTON AM ARLBERG (ANP) - X",
            "ST. ANTON AM ARLBERG",
            "",
            "",
            "ANP",
            "X",
        ),
        (
            "OŚWIĘCIM (ANP) - Duizenden",
            "OŚWIĘCIM",
            "",
            "",
            "ANP",
            "Duizenden",
        ),
        ("GENÈVE (ANP) - De", "GENÈVE", "", "", "ANP", "De"),
        (
            "RITTHEM/VLISSINGEN - De",
            "RITTHEM/VLISSINGEN",
            "",
            "",
            "",
            "De",
        ),
        (
            "MIDDELKERKE (ANP/Belga) - De",
            "MIDDELKERKE",
            "",
            "",
            "ANP/Belga",
            "De",
        ),
        (
            "WASHINGTON (AP) — The Senate",
            "WASHINGTON",
            "",
            "",
            "AP",
            "The Senate",
        ),
        (
            "HAYWARD, Calif. (AP) — A man",
            "HAYWARD",
            "Calif.",
            "",
            "AP",
            "A man",
        ),
        (
            "LOS ANGELES (AP) -- Police",
            "LOS ANGELES",
            "",
            "",
            "AP",
            "Police",
        ),
        (
            "LONDON, Jan 5 (Reuters) - Shares",
            "LONDON",
            "",
            "Jan 5",
            "Reuters",
            "Shares",
        ),
        (
            "BEIRUT/THE HAGUE, March 7 (Reuters) - A",
            "BEIRUT/THE HAGUE",
            "",
            "March 7",
            "Reuters",
            "A",
        ),
        ("Berlin (dpa) - Die", "Berlin", "", "", "dpa", "Die"),
        (
            "Frankfurt/Main (dpa) - Der Dax",
            "Frankfurt/Main",
            "",
            "",
            "dpa",
            "Der Dax",
        ),
        (
            "Frankfurt am Main (dpa) - Der",
            "Frankfurt am Main",
            "",
            "",
            "dpa",
            "Der",
        ),
        (
            "Hamburg (dpa/lno) – Die Polizei",
            "Hamburg",
            "",
            "",
            "dpa/lno",
            "Die Polizei",
        ),
        (
            "München (dpa/lby) - Die",
            "München",
            "",
            "",
            "dpa/lby",
            "Die",
        ),
        ("CAIRO — Egypt's", "CAIRO", "", "", "", "Egypt's"),
        ("DEN HAAG (ANP)- De", "DEN HAAG", "", "", "ANP", "De"),
        (
            "LONDEN (ANP/RTR/BLOOMBERG) - De",
            "LONDEN",
            "",
            "",
            "ANP/RTR/BLOOMBERG",
            "De",
        ),
        ("GAZA-STAD (ANP) - Het", "GAZA-STAD", "", "", "ANP", "Het"),
        ("GOES -", "GOES", "", "", "", ""),
    ];

    const NOT: &[&str] = &[
        "Administración Nacional de Puertos (ANP)- La",
        "De VVD (ANP) - Het voorstel",
        "Het kabinet - dat zei de premier",
        "Foto: ANP - Archiefbeeld",
        "NAVO-top begint vandaag in Den Haag",
        "DEN HAAG (ANP)",
        "ANP - Archiefbeeld",
        "Door Jan Jansen - Het",
        "Het CDA (ANP) - x",
        "",
        "   ",
        "- tekst",
        "GOES-De",
        "(ANP) - De",
        "DEN HAAG (ANP",
        "DEN HAAG (foto: ANP) - x",
        "EEN TWEE DRIE VIER VIJF ZES ZEVEN - x",
        "1925 - x",
    ];

    #[test]
    fn accepts() {
        for &(input, city, region, date, agencies, rest) in OK {
            let (d, r) = Dateline::split(input).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(d.city, city, "{input}");
            assert_eq!(d.region.as_deref().unwrap_or(""), region, "{input}");
            assert_eq!(d.date.as_deref().unwrap_or(""), date, "{input}");
            let codes: Vec<&str> = d.agencies.iter().map(Agency::as_str).collect();
            assert_eq!(codes.join("/"), agencies, "{input}");
            assert_eq!(r, rest, "{input}");
            assert_eq!(d.to_string().parse::<Dateline>(), Ok(d.clone()), "{input}");
            let again = format!("{d} - rest");
            assert_eq!(Dateline::split(&again), Some((d, "rest")), "{input}");
        }
    }

    #[test]
    fn rejects() {
        for input in NOT {
            assert_eq!(Dateline::split(input), None, "{input}");
        }
    }

    #[test]
    fn errors() {
        let cases: &[(&str, &str)] = &[
            ("", "invalid dateline: empty input"),
            (
                "De VVD (ANP)",
                "invalid dateline: not a place name at byte 3",
            ),
            (
                "Berlin",
                "invalid dateline: expected an agency after a mixed-case place at byte 6",
            ),
            (
                "GOES (ANP",
                "invalid dateline: invalid agency code at byte 9",
            ),
            (
                "GOES (ANP) x",
                "invalid dateline: unexpected text at byte 11",
            ),
            (
                "LONDON, 12345 (AP)",
                "invalid dateline: expected a region or a date at byte 8",
            ),
        ];
        for &(input, msg) in cases {
            let err = input.parse::<Dateline>().unwrap_err();
            assert_eq!(err.to_string(), msg, "{input}");
        }
    }

    #[test]
    fn agency_kinds() {
        let cases: &[(&str, AgencyKind)] = &[
            ("ANP", AgencyKind::Anp),
            ("RTR", AgencyKind::Reuters),
            ("Reuters", AgencyKind::Reuters),
            ("dpa", AgencyKind::Dpa),
            ("DPA", AgencyKind::Dpa),
            ("lno", AgencyKind::DpaRegional),
            ("Belga", AgencyKind::Belga),
            ("BLOOMBERG", AgencyKind::Bloomberg),
            ("XINHUA", AgencyKind::Other),
        ];
        for &(code, kind) in cases {
            assert_eq!(code.parse::<Agency>().unwrap().kind(), kind, "{code}");
        }
    }
}
