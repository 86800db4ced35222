//! White-space normalisation, shared by every field the crate outputs.
//!
//! html5ever has already decoded entities, so what is left is white space:
//! runs of spaces, tabs, newlines and no-break spaces (`&nbsp;` is U+00A0,
//! and nu.nl writes `7&nbsp;minuten geleden`) fold to one ASCII space, and
//! the ends are trimmed. Pure functions, no DOM.

use std::borrow::Cow;

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
    let mut previous_space = true; // a leading space is not normal
    for c in text.chars() {
        if c == SOFT_HYPHEN {
            return false;
        }
        if is_space(c) {
            if previous_space || c != ' ' {
                return false;
            }
            previous_space = true;
        } else {
            previous_space = false;
        }
    }
    !previous_space || text.is_empty()
}

/// Byte offset of the first character in `text` that is (`space == true`)
/// or is not (`false`) white space; `text.len()` when there is none.
///
/// Works on bytes: ASCII is decided from the byte alone, and only the lead
/// byte of a multi-byte character is decoded (no-break spaces are
/// multi-byte), so plain text costs one comparison per byte.
fn find_space(text: &str, space: bool) -> usize {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        // Printable ASCII is never space: skip it in a tight loop when
        // looking for a space.
        let skip = if space {
            bytes
                .get(from..)
                .and_then(|b| b.iter().position(|&b| b <= b' ' || !b.is_ascii()))
        } else {
            Some(0)
        };
        let Some(at) = skip.map(|s| from + s) else {
            return text.len();
        };
        let Some(&b) = bytes.get(at) else {
            return text.len();
        };
        let (is, width) = if b.is_ascii() {
            (
                matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'),
                1,
            )
        } else {
            let c = text.get(at..).and_then(|t| t.chars().next()).unwrap_or(' ');
            (is_space(c), c.len_utf8())
        };
        if is == space {
            return at;
        }
        from = at + width;
    }
}

/// Whether `haystack` contains `needle` (lower-case ASCII) in any ASCII
/// letter case, without allocating a lower-cased copy.
pub(crate) fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return false;
    };
    // The first byte rejects almost every window before a whole compare.
    hay.windows(needle.len()).any(|w| {
        w.first().map(u8::to_ascii_lowercase) == Some(first) && w.eq_ignore_ascii_case(needle)
    })
}

/// Length of the prefix of `text` that is already normal: words joined by
/// single ASCII spaces, ending before any other white space.
fn normal_run_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at += find_space(text.get(at..).unwrap_or(""), true);
        // A single ' ' followed by a non-space keeps the run going.
        let single = bytes.get(at) == Some(&b' ')
            && text
                .get(at + 1..)
                .is_some_and(|next| !next.is_empty() && find_space(next, true) > 0);
        if !single {
            return at;
        }
        at += 1;
    }
}

/// Whether `text` is words joined by single ASCII spaces: no other white
/// space, no space at either end, no two spaces in a row. Printable ASCII
/// is checked byte by byte; other text char by char.
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && if text.is_ascii() {
            bytes.iter().all(|&b| (b' '..=b'~').contains(&b))
        } else {
            text.chars()
                .all(|c| c == ' ' || !(is_space(c) || c == SOFT_HYPHEN))
        }
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
    pub(crate) fn push(&mut self, piece: &str) {
        if piece.is_empty() {
            return;
        }
        if is_plain(piece) {
            // The common text node (`Kop van het stuk`): already normal, so
            // one check over the bytes and one copy, no run splitting.
            if self.pending_space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push_str(piece);
            return;
        }
        // Copy whole runs of words joined by single ASCII spaces at once (most
        // text is such a run); only other white space is handled piecewise.
        let mut rest = piece;
        loop {
            let words = find_space(rest, false);
            if words > 0 {
                self.pending_space = true;
            }
            rest = rest.get(words..).unwrap_or("");
            if rest.is_empty() {
                break;
            }
            let run_end = normal_run_end(rest);
            let run = rest.get(..run_end).unwrap_or("");
            rest = rest.get(run_end..).unwrap_or("");
            // A soft hyphen (`&shy;`) only marks where a word may break.
            let soft = run.contains(SOFT_HYPHEN);
            if soft && run.chars().all(|c| c == SOFT_HYPHEN) {
                continue;
            }
            if self.pending_space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.pending_space = false;
            if soft {
                self.out.extend(run.chars().filter(|&c| c != SOFT_HYPHEN));
            } else {
                self.out.push_str(run);
            }
        }
    }

    /// Marks a word boundary (a block element or `<br>` between pieces).
    pub(crate) fn boundary(&mut self) {
        self.pending_space = true;
    }

    /// Whether nothing but white space has been pushed.
    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty()
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
