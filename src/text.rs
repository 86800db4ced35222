//! White-space normalisation, shared by every field the crate outputs.
//!
//! html5ever has already decoded entities, so what is left is white space:
//! runs of spaces, tabs, newlines and no-break spaces (`&nbsp;` is U+00A0,
//! and nu.nl writes `7&nbsp;minuten geleden`) fold to one ASCII space, and
//! the ends are trimmed. Pure functions, no DOM.

use std::borrow::Cow;

/// Whether `b` is one of HTML's five white-space bytes (tab, line feed,
/// form feed, carriage return, space): what separates tag names and
/// attributes, and what a text node of white space alone is made of.
pub(crate) fn is_html_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// U+00AD, `&shy;`: invisible unless the word breaks there, so dropped.
const SOFT_HYPHEN: char = '\u{ad}';

/// Whether `c` separates words on a rendered page.
///
/// Unicode `White_Space` covers U+00A0, U+2007 and U+202F (no-break spaces);
/// zero-width space U+200B is not `White_Space` but renders as a break too.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// Folds every run of white space to one ASCII space and trims both ends.
///
/// Borrows when the text is already normal, so the common case allocates
/// nothing.
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    if is_normal(text) {
        return Cow::Borrowed(text);
    }
    let mut out = Folder::with_capacity(text.len());
    out.push(text);
    Cow::Owned(out.finish())
}

/// True when `text` has no leading/trailing space and no space other than
/// single ASCII spaces.
fn is_normal(text: &str) -> bool {
    !text.starts_with(' ') && !text.ends_with(' ') && is_single_spaced(text)
}

/// Bytes of white space in `text` (every character [`is_space`] says is).
///
/// Counted a byte class at a time, so the loops vectorise: ASCII white
/// space by byte; multi-byte spaces only exist where a lead byte of one
/// occurs, and only those characters are decoded.
pub(crate) fn space_bytes(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut ascii, mut all) = (0, 0u8);
    // Counted in byte-sized lanes, 255 bytes at a time, with plain
    // arithmetic and no early exit, so the loop vectorises (neither
    // `filter().count()` nor a `matches!` on several bytes does).
    for block in bytes.chunks(255) {
        let (mut spaces, mut bits) = (0u8, 0u8);
        for &b in block {
            spaces = spaces.wrapping_add(u8::from(b == b' ') + u8::from(b.wrapping_sub(b'\t') < 5));
            bits |= b;
        }
        ascii += usize::from(spaces);
        all |= bits;
    }
    if all < 0x80 || !has_wide_lead(bytes) {
        return ascii;
    }
    ascii
        + wide_marks(text)
            .filter(|&c| c != SOFT_HYPHEN)
            .map(char::len_utf8)
            .sum::<usize>()
}

/// Whether `text` is all ASCII: one OR-fold over the bytes, which
/// vectorises, where `str::is_ascii` costs about three instructions a byte
/// on paragraph-sized text.
pub(crate) fn is_ascii(text: &str) -> bool {
    text.bytes().fold(0u8, |all, b| all | b) < 0x80
}

/// Whether any byte is an [`is_wide_lead`] byte (vectorised, like
/// [`space_bytes`]).
fn has_wide_lead(bytes: &[u8]) -> bool {
    // A byte-wide OR, not a `bool` fold: only that form vectorises.
    bytes
        .iter()
        .fold(0u8, |found, &b| found | u8::from(is_wide_lead(b)))
        != 0
}

/// Lead byte of a multi-byte character that may be white space or a soft
/// hyphen: U+0085, U+00A0 and U+00AD start with 0xC2; U+1680 with 0xE1;
/// U+2000–U+205F with 0xE2; U+3000 with 0xE3.
fn is_wide_lead(byte: u8) -> bool {
    // A comparison and a range test joined without short-circuit, rather
    // than a `matches!`, so that [`has_wide_lead`]'s loop vectorises.
    (byte == 0xC2) | (byte.wrapping_sub(0xE1) < 3)
}

/// The multi-byte white space and soft hyphens of `text`, decoded only at
/// their possible lead bytes.
fn wide_marks(text: &str) -> impl Iterator<Item = char> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| is_wide_lead(b))
        .filter_map(|(at, _)| char_at(text, at))
        .map(|(c, _)| c)
        .filter(|&c| is_space(c) || c == SOFT_HYPHEN)
}

/// Whether `text` is words joined by single ASCII spaces, maybe with a
/// space at either end: no other white space, no soft hyphen, no two
/// spaces in a row. One vectorised pass (controls, non-ASCII), a substring
/// search, and a decode only at multi-byte lead bytes.
fn is_single_spaced(text: &str) -> bool {
    let (all, controls) = text.bytes().fold((0u8, 0u8), |(all, controls), b| {
        (all | b, controls | u8::from(b < b' '))
    });
    // (A control that is no white space, such as U+0001, is kept as text.)
    let ascii_spaces = controls != 0 && text.bytes().any(|b| b.wrapping_sub(b'\t') < 5);
    !ascii_spaces
        && !text.contains("  ")
        && (all < 0x80 || !has_wide_lead(text.as_bytes()) || wide_marks(text).next().is_none())
}

/// Bytes [`next_break`] tests at once: a vector register's worth.
const LANE: usize = 16;

/// Offset of the next byte at or after `from` where white space may break
/// the run of words that started at `run`: an [`is_candidate`] byte other
/// than a single space inside the run (one after its start, before a
/// non-candidate). Past the run's start, lanes of plain words and single
/// spaces are passed over at one vectorised test each; only the lanes
/// around a break are read byte by byte.
fn next_break(bytes: &[u8], from: usize, run: usize) -> Option<usize> {
    let mut at = from;
    loop {
        // (A space at the run's start is a break: that byte is read alone.)
        let scalar = if at > run {
            while bytes.get(at..=at + LANE).is_some_and(is_plain_lane) {
                at += LANE;
            }
            LANE
        } else {
            1
        };
        for _ in 0..scalar {
            let &b = bytes.get(at)?;
            let inner_space =
                b == b' ' && at > run && bytes.get(at + 1).is_some_and(|&n| !is_candidate(n));
            if is_candidate(b) && !inner_space {
                return Some(at);
            }
            at += 1;
        }
    }
}

/// Whether the first [`LANE`] bytes of `lane` (which holds one more, the
/// next byte) are words and single spaces inside a run: no candidate but
/// spaces followed by a non-candidate. Byte lanes, no early exit, so that
/// the loop vectorises.
fn is_plain_lane(lane: &[u8]) -> bool {
    let (Some(bytes), Some(next)) = (lane.get(..LANE), lane.get(1..=LANE)) else {
        return false;
    };
    let mut breaks = 0u8;
    for (&b, &n) in bytes.iter().zip(next) {
        let inner_space = u8::from(b == b' ') & u8::from(!is_candidate(n));
        breaks |= u8::from(is_candidate(b)) & (inner_space ^ 1);
    }
    breaks == 0
}

/// A byte that may start white space or a soft hyphen: an ASCII control
/// or space, or an [`is_wide_lead`] byte. Every other byte is copied
/// without decoding.
fn is_candidate(byte: u8) -> bool {
    // (`|`, not `||`: [`is_plain_lane`]'s loop vectorises.)
    (byte <= b' ') | is_wide_lead(byte)
}

/// The character starting at byte `at`, and its width.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether `text` has at most `max` characters, counting them only when
/// its length leaves it open: a text of at most `max` bytes has at most
/// `max` characters, and one of more than four bytes a character for each
/// has more.
pub(crate) fn has_at_most_chars(text: &str, max: usize) -> bool {
    text.len() <= max || (text.len() <= max.saturating_mul(4) && text.chars().count() <= max)
}

/// Whether `haystack` contains `needle` (lower-case ASCII) in any ASCII
/// letter case, without allocating a lower-cased copy. Text or raw bytes
/// (the guard's scan reads tags before decoding anything).
pub(crate) fn contains_ignore_ascii_case(haystack: impl AsRef<[u8]>, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_ref(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return false;
    };
    // The first byte rejects almost every window before a whole compare.
    hay.windows(needle.len()).any(|w| {
        w.first().map(u8::to_ascii_lowercase) == Some(first) && w.eq_ignore_ascii_case(needle)
    })
}

/// Builds normalised text from pieces (text nodes, block boundaries) in one
/// pass, without an intermediate string per piece.
#[derive(Debug, Default)]
pub(crate) struct Folder {
    out: String,
    pending_space: bool,
}

impl Folder {
    /// A folder whose buffer starts with room for `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            pending_space: false,
        }
    }

    /// Appends `piece`, folding its white space into the text so far.
    ///
    /// Text already single-spaced inside (most text nodes) is copied at
    /// once; other text is copied run by run, words joined by single
    /// spaces as one run, and only where white space may break a run (see
    /// [`next_break`]) is a character decoded.
    pub(crate) fn push(&mut self, piece: &str) {
        let inner = piece.strip_prefix(' ').unwrap_or(piece);
        let inner = inner.strip_suffix(' ').unwrap_or(inner);
        if !inner.starts_with(' ') && !inner.ends_with(' ') && is_single_spaced(inner) {
            // Most text nodes: already normal inside, copied at once.
            self.pending_space |= inner.len() < piece.len() && piece.starts_with(' ');
            self.push_run(inner);
            self.pending_space |= inner.len() < piece.len() && piece.ends_with(' ');
            return;
        }
        let bytes = piece.as_bytes();
        let (mut run, mut at) = (0, 0);
        while let Some(found) = next_break(bytes, at, run) {
            let Some((c, width)) = char_at(piece, found) else {
                break;
            };
            at = found + width;
            if is_space(c) || c == SOFT_HYPHEN {
                self.push_run(piece.get(run..found).unwrap_or(""));
                run = at;
                // A soft hyphen (`&shy;`) only marks where a word may break.
                self.pending_space |= c != SOFT_HYPHEN;
            }
        }
        self.push_run(piece.get(run..).unwrap_or(""));
    }

    /// Appends a run without white space, after one space if one is due.
    fn push_run(&mut self, run: &str) {
        if run.is_empty() {
            return;
        }
        if self.pending_space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.out.push_str(run);
    }

    /// Marks a word boundary (a block element or `<br>` between pieces).
    pub(crate) fn boundary(&mut self) {
        self.pending_space = true;
    }

    /// Whether nothing but white space has been pushed.
    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The text so far.
    pub(crate) fn as_str(&self) -> &str {
        &self.out
    }

    /// Takes the text out, leaving the folder empty.
    pub(crate) fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// The normalised text, trimmed.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_trims() {
        assert_eq!(normalize("  a \t\n b\u{a0}\u{a0}c  "), "a b c");
        assert_eq!(normalize("7\u{a0}minuten geleden"), "7 minuten geleden");
        assert_eq!(normalize("\u{200b}x"), "x");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n "), "");
        assert_eq!(normalize("ontwik\u{ad}keling"), "ontwikkeling");
        assert_eq!(normalize("a b\u{ad}"), "a b");
    }

    #[test]
    fn folder_matches_char_by_char_folding() {
        for s in [
            "a\u{a0}b",
            "ë  ƫ\u{3000}x",
            " \u{2028}é\u{202f}\u{200b}ü ",
            "plain text",
            " plain",
            "plain ",
            "two  spaces",
            "a\tb",
            "  ",
            "x",
            "日本 語",
            "Indonesië is een vulkaan",
            "ë\u{a0}x",
            "ë \u{200b}",
        ] {
            let naive: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
            let mut f = Folder::default();
            f.push(s);
            assert_eq!(f.finish(), naive.join(" "), "{s:?}");
        }
    }

    #[test]
    fn folder_and_normalize_match_a_naive_fold_on_every_mix() {
        // Every string of up to four pieces drawn from plain text, each kind
        // of white space, soft hyphens and multi-byte letters that share
        // their lead bytes with white space (U+00E9 é is 0xC3; U+2019 is 0xE2).
        let pieces = [
            "a", "é", "\u{2019}", " ", "  ", "\t", "\u{a0}", "\u{ad}", "\u{200b}", "\u{3000}",
            "\u{1680}", "\u{85}", "\u{1}", "日",
        ];
        let mut all = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = all
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            all.extend(longer);
        }
        for s in &all {
            let cleaned = s.replace(SOFT_HYPHEN, "");
            let naive: Vec<&str> = cleaned.split(is_space).filter(|w| !w.is_empty()).collect();
            let naive = naive.join(" ");
            let mut f = Folder::default();
            f.push(s);
            assert_eq!(f.finish(), naive, "{s:?}");
            assert_eq!(normalize(s), naive, "{s:?}");
            assert_eq!(is_normal(s), *s == naive, "{s:?}");
        }
    }

    /// Long texts, where [`next_break`] passes over whole lanes: runs of
    /// words and single spaces with breaks of every kind at random places
    /// (a fixed xorshift seed, so failures repeat).
    #[test]
    fn folder_matches_a_naive_fold_on_long_random_text() {
        let pieces = [
            "word",
            "é",
            "\u{2019}",
            " ",
            " ",
            " ",
            "  ",
            "\n    ",
            "\t",
            "\u{a0}",
            "\u{ad}",
            "\u{200b}",
            "\u{1}",
            "„",
            "abcdefghijklmnopq",
        ];
        for s in crate::testing::mixes(0x2545_f491_4f6c_dd1d, &pieces, 4, 40).take(20_000) {
            let cleaned = s.replace(SOFT_HYPHEN, "");
            let naive: Vec<&str> = cleaned.split(is_space).filter(|w| !w.is_empty()).collect();
            let mut f = Folder::default();
            f.push(&s);
            assert_eq!(f.finish(), naive.join(" "), "{s:?}");
        }
    }

    #[test]
    fn counts_space_bytes_of_every_kind() {
        for s in [
            "",
            "abc",
            " a\tb\n",
            "a\u{a0}b\u{200b}\u{3000}",
            "é ë\u{2019}",
            "\u{1}\u{1680}x",
        ] {
            let naive: usize = s.chars().filter(|&c| is_space(c)).map(char::len_utf8).sum();
            assert_eq!(space_bytes(s), naive, "{s:?}");
        }
    }

    #[test]
    fn bounds_character_counts_as_a_count_would() {
        for text in [
            "",
            "abc",
            "ééé",
            "€€€€",
            "a€",
            "日本語の見出し",
            "x".repeat(9).as_str(),
        ] {
            for max in 0..12 {
                let want = text.chars().count() <= max;
                assert_eq!(has_at_most_chars(text, max), want, "{text:?} {max}");
            }
        }
    }

    #[test]
    fn finds_words_in_any_ascii_case() {
        assert!(contains_ignore_ascii_case("ADVERTENTIE - x", "advertentie"));
        assert!(!contains_ignore_ascii_case("adv", "advertentie"));
        assert!(!contains_ignore_ascii_case("x", ""));
    }

    #[test]
    fn borrows_when_already_normal() {
        assert!(matches!(normalize("a b c"), Cow::Borrowed(_)));
        assert!(matches!(normalize("a  b"), Cow::Owned(_)));
        assert!(matches!(normalize("a "), Cow::Owned(_)));
    }

    #[test]
    fn normalize_is_idempotent() {
        for s in ["  a  b ", "x\u{a0}\ty", "", "ë  ƫ", "\u{202f}1\u{2007}2"] {
            let once = normalize(s).into_owned();
            assert_eq!(normalize(&once), once);
        }
    }

    #[test]
    fn folder_joins_pieces_at_boundaries() {
        let mut f = Folder::default();
        f.push(" Foo");
        f.push("bar ");
        f.boundary();
        f.push("baz");
        f.boundary();
        assert_eq!(f.finish(), "Foobar baz");
    }
}
