//! Finding the headline: the visible element that states the page's title.
//!
//! The page names its title up to four times outside its content (`og:title`,
//! `<title>` with a site suffix, JSON-LD `headline`); the headline is the
//! visible element whose text is one of them (`<h1>` first; among equals the
//! later one: the corpus's legacy template shows the title twice in
//! `<div>`s, the second beside the body, and a page header's copy comes
//! before the article's own). Failing an
//! exact match, the `<h1>` that shares most words with those titles.

use html5ever::local_name;

use crate::dom::{NodeId, Page};
use crate::meta::{JsonLd, PageMeta};

/// The headline's text and, when it is shown on the page, its element.
#[derive(Debug, Clone)]
pub(crate) struct Headline {
    pub(crate) text: String,
    pub(crate) node: Option<NodeId>,
}

/// Separators between a title and a site name in `<title>`.
const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Strips a site name off a `<title>`: the part before the last separator
/// when it is the longer part (`Kop | ZeelandNet`), the part after the first
/// separator when that is (`ZeelandNet | Kop`).
pub(crate) fn strip_site(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(head) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
                return head.trim().to_owned();
            }
            if let Some(tail) = title.strip_prefix(site).and_then(|t| t.strip_prefix(sep)) {
                return tail.trim().to_owned();
            }
        }
    }
    let last = title
        .match_indices(' ')
        .rev()
        .find_map(|(at, _)| separator_at(title, at));
    longer_side(title, last)
}

/// The longer side of the first separator in `title`, or `title`.
fn strip_site_first(title: &str) -> String {
    let first = title
        .match_indices(' ')
        .find_map(|(at, _)| separator_at(title, at));
    longer_side(title, first)
}

/// `(at, length)` when one of [`SEPARATORS`] starts at byte `at` of
/// `title`. Every separator opens with a space, so the spaces are the only
/// places to try: one scan, where a substring search per separator built
/// eight searchers a title.
fn separator_at(title: &str, at: usize) -> Option<(usize, usize)> {
    let rest = title.get(at..)?;
    SEPARATORS
        .iter()
        .find(|sep| rest.starts_with(*sep))
        .map(|sep| (at, sep.len()))
}

/// The side of `title` around the separator at `(offset, length)` with more
/// words (the headline; the other side names the site), or `title` when
/// there is no separator.
fn longer_side(title: &str, separator: Option<(usize, usize)>) -> String {
    let Some((at, len)) = separator else {
        return title.to_owned();
    };
    let (head, tail) = (
        title.get(..at).unwrap_or(""),
        title.get(at + len..).unwrap_or(""),
    );
    if words(head) >= words(tail) {
        head.trim().to_owned()
    } else {
        tail.trim().to_owned()
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Comparison key: lower-case letters and digits only, so quotes, dashes and
/// spacing differences between `<title>` and the visible headline vanish.
fn key(text: &str) -> String {
    if text.is_ascii() {
        // Byte by byte: no Unicode tables for the common title.
        return text
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the visible text of `id` has the comparison [`key`] `key`,
/// compared as it streams: most candidates differ in their first letter,
/// and none is copied.
fn same_key(page: &Page, id: NodeId, key: &str) -> bool {
    let mut expected = key.chars();
    let texts = page
        .descendants(id)
        .filter(|&n| !page.hidden(n))
        .filter_map(|n| page.text(n));
    for text in texts {
        let folded = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase);
        for c in folded {
            if expected.next() != Some(c) {
                return false;
            }
        }
    }
    expected.next().is_none()
}

fn non_space_len(text: &str) -> usize {
    text.len() - crate::text::space_bytes(text)
}

/// Words shared with the best-matching title, as a share of the larger word
/// set (1.0 is the same words).
#[allow(clippy::cast_precision_loss)] // word counts are small
fn overlap(text: &str, titles: &[String]) -> f64 {
    let mine: Vec<String> = text
        .split_whitespace()
        .map(key)
        .filter(|w| !w.is_empty())
        .collect();
    titles
        .iter()
        .map(|t| {
            let theirs: Vec<String> = t
                .split_whitespace()
                .map(key)
                .filter(|w| !w.is_empty())
                .collect();
            let shared = mine.iter().filter(|w| theirs.contains(w)).count();
            let most = mine.len().max(theirs.len()).max(1);
            shared as f64 / most as f64
        })
        .fold(0.0, f64::max)
}

/// Elements that never hold the article's headline.
fn outside_content(page: &Page, id: NodeId) -> bool {
    page.ancestors(id).take(256).any(|a| {
        matches!(
            page.name(a).map(|n| &**n),
            Some("a" | "nav" | "footer" | "aside" | "dialog" | "button" | "li" | "option")
        )
    })
}

/// Finds the headline (see the module docs); `None` when the page neither
/// shows nor names a title.
pub(crate) fn find(page: &Page, meta: &PageMeta, json_ld: &JsonLd) -> Option<Headline> {
    let site = meta.meta("og:site_name");
    let mut titles: Vec<String> = Vec::new();
    for t in [meta.og_title.as_deref(), json_ld.headline.as_deref()]
        .into_iter()
        .flatten()
    {
        titles.push(t.to_owned());
    }
    if let Some(t) = meta.title.as_deref() {
        let stripped = strip_site(t, site);
        // A version note after the title (`Kop (tekstversie)`, `Kop (video)`)
        // is not shown in the headline.
        if let Some(open) = stripped.rfind(" (").filter(|_| stripped.ends_with(')')) {
            titles.push(stripped.get(..open).unwrap_or("").to_owned());
        }
        // A headline that holds a separator itself (`Site :: Ajax - PSV …`):
        // the longer side of the first separator is a candidate too.
        let first = strip_site_first(t);
        if first != stripped {
            titles.push(first);
        }
        titles.push(stripped);
        titles.push(t.to_owned());
    }
    titles.retain(|t| !t.is_empty());
    // The variants often repeat one another: each distinct one keyed once.
    let mut keys: Vec<(String, usize)> = Vec::with_capacity(titles.len());
    for (i, t) in titles.iter().enumerate() {
        if titles.get(..i).is_some_and(|earlier| earlier.contains(t)) {
            continue;
        }
        let k = key(t);
        if !k.is_empty() {
            keys.push((k, non_space_len(t)));
        }
    }

    let mut best_h1: Option<NodeId> = None;
    let mut best_other: Option<NodeId> = None;
    let mut h1s: Vec<NodeId> = Vec::new();
    for id in 0..page.len() {
        let Some(name) = page.name(id) else { continue };
        if page.hidden(id) || matches!(*name, local_name!("title") | local_name!("head")) {
            continue;
        }
        let len = page.text_len(id);
        if len == 0 || len > 600 {
            continue;
        }
        let is_h1 = *name == local_name!("h1");
        if is_h1 && h1s.len() < 64 {
            h1s.push(id);
        }
        // Same text, give or take quotes and dashes the key ignores. (Tested
        // first: it reads only the index, and rejects almost every element.)
        if !keys.iter().any(|&(_, l)| l.abs_diff(len) <= l / 16 + 2) {
            continue;
        }
        // Only the innermost element that holds the whole text is a candidate
        // (so nested wrappers cost one comparison, not one each).
        if page.element_children(id).any(|c| page.text_len(c) == len) {
            continue;
        }
        if !keys.iter().any(|(k, _)| same_key(page, id, k)) || outside_content(page, id) {
            continue;
        }
        let under_h1 = is_h1
            || page
                .ancestors(id)
                .take(8)
                .any(|a| page.is(a, &local_name!("h1")));
        if under_h1 {
            best_h1 = Some(id);
        } else {
            best_other = Some(id);
        }
    }
    if let Some(node) = best_h1.or(best_other) {
        return Some(Headline {
            text: page.text_of(node),
            node: Some(node),
        });
    }
    // No exact match: the h1 closest in words to the titles, or the only h1.
    let scored = h1s
        .iter()
        .filter(|&&h| !outside_content(page, h))
        .map(|&h| (h, overlap(&page.text_of(h), &titles)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match scored {
        Some((h, score)) if score >= 0.5 || (titles.is_empty() && h1s.len() == 1) => {
            Some(Headline {
                text: page.text_of(h),
                node: Some(h),
            })
        }
        _ => titles
            .into_iter()
            .find(|t| !t.is_empty())
            .map(|text| Headline {
                text: strip_site(&text, site),
                node: None,
            }),
    }
}
