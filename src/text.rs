//! White-space normalisation, shared by every field the crate outputs.
//!
//! html5ever has already decoded entities, so what is left is white space:
//! runs of spaces, tabs, newlines and no-break spaces (`&nbsp;` is U+00A0,
//! and nu.nl writes `7&nbsp;minuten geleden`) fold to one ASCII space, and
//! the ends are trimmed. Pure functions, no DOM.

use std::borrow::Cow;

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
        for c in piece.chars() {
            if is_space(c) {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
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
