//! Bytes to text: the page's charset, found as the HTML standard's
//! encoding sniffing does, decoded with `encoding_rs`.
//!
//! Order: a byte-order mark; else a `<meta charset>` or
//! `<meta http-equiv="content-type" content="…charset=…">` in the first
//! 1024 bytes; else UTF-8 when the bytes are valid UTF-8; else
//! windows-1252. (The standard's last step is a locale default, windows-1252
//! for Dutch; a page without a declaration that is valid UTF-8 is decoded as
//! UTF-8 instead, since that is what modern servers send.) Invalid sequences
//! become U+FFFD; nothing here can panic.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::text::is_html_space;

/// How many leading bytes the `<meta>` prescan reads, as the standard says.
const PRESCAN_BYTES: usize = 1024;

/// Decodes page bytes to text (see the module docs for the charset order).
pub(crate) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let encoding = sniff(bytes);
    // `decode` removes (and obeys) a BOM itself.
    let (text, _, _) = encoding.decode(bytes);
    text
}

/// The encoding the page is in.
pub(crate) fn sniff(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    if let Some(encoding) = prescan(head) {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// The charset a `<meta>` in `head` declares, mapped as the standard says
/// (UTF-16 declared in a byte stream means UTF-8, x-user-defined means
/// windows-1252).
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(i) = find_ci(head.get(pos..)?, b"<meta") {
        pos += i + 5;
        if !head
            .get(pos)
            .is_some_and(|&b| is_html_space(b) || b == b'/')
        {
            continue;
        }
        let end = head.get(pos..)?.iter().position(|&b| b == b'>');
        let tag = head.get(pos..end.map_or(head.len(), |e| pos + e))?;
        if let Some(encoding) = meta_charset(tag).and_then(Encoding::for_label) {
            return Some(match encoding.name() {
                "UTF-16LE" | "UTF-16BE" => UTF_8,
                "x-user-defined" => WINDOWS_1252,
                _ => encoding,
            });
        }
    }
    None
}

/// The charset label in one `<meta …>` tag's attributes.
fn meta_charset(tag: &[u8]) -> Option<&[u8]> {
    let mut http_equiv = false;
    let mut content = None;
    for (name, value) in attributes(tag) {
        if name.eq_ignore_ascii_case(b"charset") {
            return Some(value);
        }
        if name.eq_ignore_ascii_case(b"http-equiv") {
            http_equiv = value.eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") {
            content = Some(value);
        }
    }
    if http_equiv {
        return content.and_then(charset_in_content);
    }
    None
}

/// `text/html; charset=utf-8` → `utf-8`.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let at = find_ci(content, b"charset")?;
    let rest = content.get(at + 7..)?;
    let rest = rest.get(rest.iter().position(|&b| !is_html_space(b))?..)?;
    let rest = rest.strip_prefix(b"=")?;
    let rest = rest.get(rest.iter().position(|&b| !is_html_space(b))?..)?;
    let (rest, quote) = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => (rest.get(1..)?, Some(q)),
        _ => (rest, None),
    };
    let end = rest
        .iter()
        .position(|&b| Some(b) == quote || (quote.is_none() && (is_html_space(b) || b == b';')))
        .unwrap_or(rest.len());
    rest.get(..end).filter(|v| !v.is_empty())
}

/// The `name=value` pairs of a tag's attribute text (values unquoted).
fn attributes(tag: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        pos += tag
            .get(pos..)?
            .iter()
            .position(|&b| !is_html_space(b) && b != b'/')?;
        let name_len = tag
            .get(pos..)?
            .iter()
            .position(|&b| is_html_space(b) || b == b'=' || b == b'/')
            .unwrap_or(tag.len() - pos);
        let name = tag.get(pos..pos + name_len.max(1))?;
        pos += name_len.max(1);
        while tag.get(pos).is_some_and(|&b| is_html_space(b)) {
            pos += 1;
        }
        if tag.get(pos) != Some(&b'=') {
            return Some((name, &[][..]));
        }
        pos += 1;
        while tag.get(pos).is_some_and(|&b| is_html_space(b)) {
            pos += 1;
        }
        let value = match tag.get(pos) {
            Some(&q @ (b'"' | b'\'')) => {
                let len = tag.get(pos + 1..)?.iter().position(|&b| b == q);
                let len = len.unwrap_or(tag.len() - pos - 1);
                let value = tag.get(pos + 1..pos + 1 + len)?;
                pos += len + 2;
                value
            }
            Some(_) => {
                let len = tag
                    .get(pos..)?
                    .iter()
                    .position(|&b| is_html_space(b))
                    .unwrap_or(tag.len() - pos);
                let value = tag.get(pos..pos + len)?;
                pos += len;
                value
            }
            None => &[][..],
        };
        Some((name, value))
    })
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations() {
        assert_eq!(sniff(b"\xEF\xBB\xBF<p>x"), UTF_8);
        assert_eq!(sniff(b"<meta charset=iso-8859-1><p>\xe9"), WINDOWS_1252);
        assert_eq!(sniff(b"<meta charset='utf-16'>"), UTF_8);
        assert_eq!(
            sniff(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-15\">"),
            encoding_rs::ISO_8859_15
        );
        assert_eq!(sniff(b"<p>caf\xc3\xa9"), UTF_8);
        assert_eq!(sniff(b"<p>caf\xe9"), WINDOWS_1252);
        assert_eq!(decode(b"<p>caf\xe9"), "<p>caf\u{e9}");
        assert_eq!(sniff(b"<meta content=\"charset=koi8-r\">"), UTF_8);
        assert_eq!(sniff(b"<metax charset=koi8-r>"), UTF_8);
    }
}
