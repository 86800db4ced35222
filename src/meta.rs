//! Page-level metadata both extractors share: the base URL every link is
//! resolved against, and the `<head>` facts (`<title>`, `og:*`, canonical
//! link, `<html lang>`), gathered in one pass over the index.

use html5ever::{LocalName, local_name};
use url::Url;

use crate::dom::{NodeId, Page};
use crate::text::normalize;

/// What the page says about itself, outside its visible content.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageMeta {
    /// The URL relative links resolve against (see [`PageMeta::new`]).
    pub(crate) base: Option<Url>,
    /// `<link rel=canonical>`, absolute.
    pub(crate) canonical: Option<String>,
    /// `og:url`, absolute.
    pub(crate) og_url: Option<String>,
    /// `og:title`, normalised.
    pub(crate) og_title: Option<String>,
    /// `<title>`, normalised.
    pub(crate) title: Option<String>,
    /// `<html lang>`.
    pub(crate) language: Option<String>,
    /// Other `<meta name|property=… content=…>` pairs, in page order.
    pub(crate) metas: Vec<(String, String)>,
}

impl PageMeta {
    /// Reads the metadata. The base is, in order: `<base href>` (itself
    /// resolved against what follows), the caller's base (the address the
    /// page was fetched from), the canonical link, `og:url`.
    pub(crate) fn new(page: &Page, caller_base: Option<&Url>) -> Self {
        let mut meta = Self::default();
        let mut base_href: Option<String> = None;
        let mut canonical_raw: Option<String> = None;
        let mut og_url_raw: Option<String> = None;
        for id in 0..page.len() {
            let Some(name) = page.name(id) else { continue };
            match *name {
                local_name!("html") if meta.language.is_none() => {
                    meta.language = attr_text(page, id, &local_name!("lang"));
                }
                local_name!("base") if base_href.is_none() => {
                    base_href = attr_text(page, id, &local_name!("href"));
                }
                local_name!("title") if meta.title.is_none() => {
                    meta.title = raw_text(page, id);
                }
                local_name!("link") if canonical_raw.is_none() && is_canonical(page, id) => {
                    canonical_raw = attr_text(page, id, &local_name!("href"));
                }
                local_name!("meta") => {
                    let key = attr_text(page, id, &local_name!("property"))
                        .or_else(|| attr_text(page, id, &local_name!("name")));
                    let (Some(key), Some(value)) =
                        (key, attr_text(page, id, &local_name!("content")))
                    else {
                        continue;
                    };
                    match key.to_ascii_lowercase().as_str() {
                        "og:url" if og_url_raw.is_none() => og_url_raw = Some(value),
                        "og:title" if meta.og_title.is_none() => meta.og_title = Some(value),
                        _ => meta.metas.push((key, value)),
                    }
                }
                _ => {}
            }
        }
        let canonical = absolute(canonical_raw.as_deref(), caller_base);
        // Most pages name one address twice: parsed once (equal text
        // against the same base resolves equally).
        let og_url = if og_url_raw.is_some() && og_url_raw == canonical_raw {
            canonical.clone()
        } else {
            absolute(og_url_raw.as_deref(), caller_base.or(canonical.as_ref()))
        };
        let fallback = caller_base
            .cloned()
            .or_else(|| canonical.clone())
            .or_else(|| og_url.clone());
        meta.base = match base_href {
            Some(href) => absolute(Some(&href), fallback.as_ref()).or(fallback),
            None => fallback,
        };
        meta.canonical = canonical.map(String::from);
        meta.og_url = og_url.map(String::from);
        meta
    }

    /// `href` resolved against the page's base; as written when there is no
    /// base and it is already absolute, `None` when it cannot be made absolute.
    pub(crate) fn resolve(&self, href: &str) -> Option<String> {
        if let Some(joined) = self.base.as_ref().and_then(|b| join_plain_path(b, href)) {
            return Some(joined);
        }
        absolute(Some(href), self.base.as_ref()).map(String::from)
    }

    /// The first `<meta>` content for `key` (case-insensitive), e.g. `description`.
    pub(crate) fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

/// The text children of an element the index marks hidden (`<title>` sits
/// in `<head>`), normalised.
fn raw_text(page: &Page, id: NodeId) -> Option<String> {
    let mut folder = crate::text::Folder::default();
    for child in page.children(id) {
        if let Some(text) = page.text(child) {
            folder.push(text);
        }
    }
    Some(folder.finish()).filter(|t| !t.is_empty())
}

fn is_canonical(page: &Page, id: NodeId) -> bool {
    page.attr(id, &local_name!("rel")).is_some_and(|rel| {
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
    })
}

/// An attribute's value, normalised, `None` when absent or blank.
pub(crate) fn attr_text(page: &Page, id: NodeId, name: &LocalName) -> Option<String> {
    let value = page.attr(id, name)?;
    let value = normalize(value);
    (!value.is_empty()).then(|| value.into_owned())
}

/// Parses `href` as an absolute URL, or joins it to `base`. Only http(s)
/// results count: `javascript:` and `mailto:` are not story addresses.
fn absolute(href: Option<&str>, base: Option<&Url>) -> Option<Url> {
    let href = href?.trim();
    let url = match Url::parse(href) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then_some(url)
}

/// The fast path of [`absolute`] for the commonest story link, a plain
/// absolute path (`/nieuws/kop-van-het-stuk`) on an http(s) base: joined by
/// hand it is the base's origin plus the path, exactly what `Url::join`
/// yields (it costs a few thousand instructions a link). Anything the URL
/// parser could rewrite (percent-encoding, `.`/`..` segments, a query,
/// white space, `//host`) takes the full path.
fn join_plain_path(base: &Url, href: &str) -> Option<String> {
    let path = href.strip_prefix('/')?;
    let plain = !path.starts_with('/') && is_plain_path(path.as_bytes()) && !has_dot_segment(path);
    if !plain || !matches!(base.scheme(), "http" | "https") || !base.has_host() {
        return None;
    }
    let origin = &base[..url::Position::BeforePath];
    let mut out = String::with_capacity(origin.len() + href.len());
    out.push_str(origin);
    out.push_str(href);
    Some(out)
}

/// Whether every byte is an ASCII letter or digit, `/`, `-`, `_`, `~` or
/// `.`: bytes the URL parser copies as they are. Tested without
/// short-circuits, so that the fold vectorises (a `matches!` per byte
/// cost most of a link's resolution).
#[allow(clippy::needless_bitwise_bool)] // No short-circuit, on purpose.
fn is_plain_path(path: &[u8]) -> bool {
    path.iter().fold(0u8, |bad, &b| {
        // Folding in 0x20 lower-cases letters and moves no other byte
        // into `a..=z`.
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let ok = letter
            | (b.wrapping_sub(b'0') < 10)
            | (b == b'/')
            | (b == b'-')
            | (b == b'_')
            | (b == b'~')
            | (b == b'.');
        bad | u8::from(!ok)
    }) == 0
}

/// Whether `path` has a `.` or `..` segment, which the URL parser would
/// resolve; only paths with a segment starting with `.` are split.
fn has_dot_segment(path: &str) -> bool {
    (path.starts_with('.') || path.contains("/."))
        && path.split('/').any(|seg| seg == "." || seg == "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_path_bytes_are_the_ones_copied_as_written() {
        for b in 0..=u8::MAX {
            let expected =
                b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'~' | b'.');
            assert_eq!(is_plain_path(&[b]), expected, "byte {b:#x}");
        }
    }

    #[test]
    fn plain_paths_join_like_the_url_parser() {
        let bases = [
            "https://www.zeelandnet.nl/nieuws/bench?page=2",
            "http://user:pw@Example.COM:8080/a/b#f",
            "https://a.example",
        ];
        let hrefs = [
            "/nieuws/oekraine-meldt",
            "/",
            "/a//b",
            "/a/./b",
            "/a/../b",
            "/..",
            "//host/x",
            "/a b",
            "/a%20b",
            "/x?y=1",
            "/x#y",
            "/A.B_C~D-E",
            "/a/.",
            "/a/.hidden",
        ];
        let first = Url::parse(bases[0]).unwrap();
        assert!(join_plain_path(&first, hrefs[0]).is_some());
        for base in bases {
            let url = Url::parse(base).unwrap();
            for href in hrefs {
                if let Some(fast) = join_plain_path(&url, href) {
                    assert_eq!(fast, url.join(href).unwrap().as_str(), "{base} + {href}");
                }
            }
        }
    }

    fn meta(html: &str, base: Option<&str>) -> PageMeta {
        let base = base.map(|b| Url::parse(b).unwrap());
        PageMeta::new(&Page::parse(html, 0, &[]), base.as_ref())
    }

    #[test]
    fn base_order_is_base_href_then_caller_then_canonical_then_og() {
        let head = r#"<link rel="canonical" href="https://c.example/a/b"><meta property="og:url" content="https://o.example/x">"#;
        assert_eq!(
            meta(head, None).resolve("../z").as_deref(),
            Some("https://c.example/z")
        );
        assert_eq!(
            meta(head, Some("https://k.example/p/q"))
                .resolve("r")
                .as_deref(),
            Some("https://k.example/p/r")
        );
        let with_base = format!(r#"<base href="/root/">{head}"#);
        assert_eq!(
            meta(&with_base, None).resolve("s").as_deref(),
            Some("https://c.example/root/s")
        );
        let og_only = r#"<meta property="og:url" content="https://o.example/x/y">"#;
        assert_eq!(
            meta(og_only, None).resolve("z").as_deref(),
            Some("https://o.example/x/z")
        );
    }

    #[test]
    fn unresolvable_links_are_none() {
        let m = meta("<title> Kop  | Site </title>", None);
        assert_eq!(m.resolve("/nieuws/x"), None);
        assert_eq!(
            m.resolve("https://a.example/b").as_deref(),
            Some("https://a.example/b")
        );
        assert_eq!(m.resolve("javascript:void(0)"), None);
        assert_eq!(m.title.as_deref(), Some("Kop | Site"));
    }
}

/// The article facts a page states in JSON-LD (`<script
/// type="application/ld+json">`, schema.org `NewsArticle` and kin), each as
/// written, normalised.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct JsonLd {
    /// `headline` (or `name`).
    pub(crate) headline: Option<String>,
    /// `datePublished`.
    pub(crate) published: Option<String>,
    /// `dateModified`.
    pub(crate) modified: Option<String>,
    /// `author` (a string, or the first author's `name`).
    pub(crate) author: Option<String>,
    /// `articleSection` (the first when it is a list).
    pub(crate) section: Option<String>,
    /// `description`.
    pub(crate) description: Option<String>,
    /// `image` (a string, or the first image's `url`).
    pub(crate) image: Option<String>,
}

/// Bounds on JSON-LD scanning: a page is untrusted input.
const JSON_LD_MAX_SCRIPTS: usize = 16;
const JSON_LD_MAX_NODES: usize = 10_000;

impl JsonLd {
    /// Reads every JSON-LD script of the page and keeps the facts of the
    /// object that is an article (`@type` ending in `Article` or
    /// `BlogPosting`, also inside `@graph`); when none is typed so, the first
    /// object that has a `headline`. Invalid JSON is skipped (pages ship
    /// trailing commas and raw newlines; an unreadable block is no fact).
    pub(crate) fn read(page: &Page) -> Self {
        let mut fallback: Option<Self> = None;
        for script in page
            .elements(&local_name!("script"))
            .filter(|&s| crate::dom::is_json_ld(page.attr(s, &local_name!("type"))))
            .take(JSON_LD_MAX_SCRIPTS)
        {
            let mut source = String::new();
            for child in page.children(script) {
                if let Some(text) = page.text(child) {
                    source.push_str(text);
                }
            }
            let Ok(value) = serde_json::from_str::<serde_json::Value>(source.trim()) else {
                continue;
            };
            // Iterative walk over objects and arrays (no recursion on input).
            let mut stack = vec![&value];
            let mut seen = 0;
            while let Some(node) = stack.pop() {
                seen += 1;
                if seen > JSON_LD_MAX_NODES {
                    break;
                }
                match node {
                    serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                    serde_json::Value::Object(map) => {
                        if is_article_type(map.get("@type")) {
                            return Self::from_object(map);
                        }
                        if fallback.is_none() && map.contains_key("headline") {
                            fallback = Some(Self::from_object(map));
                        }
                        if let Some(graph) = map.get("@graph") {
                            stack.push(graph);
                        }
                        if let Some(main) = map.get("mainEntity") {
                            stack.push(main);
                        }
                    }
                    _ => {}
                }
            }
        }
        fallback.unwrap_or_default()
    }

    fn from_object(map: &serde_json::Map<String, serde_json::Value>) -> Self {
        let get = |key: &str| map.get(key).and_then(|v| first_string(v, &["name"]));
        Self {
            headline: get("headline").or_else(|| get("name")),
            published: get("datePublished"),
            modified: get("dateModified"),
            author: get("author"),
            section: get("articleSection"),
            description: get("description"),
            image: map
                .get("image")
                .and_then(|v| first_string(v, &["url", "contentUrl"])),
        }
    }
}

fn is_article_type(value: Option<&serde_json::Value>) -> bool {
    let is_article = |t: &str| {
        let t = t.rsplit('/').next().unwrap_or(t);
        t.ends_with("Article") || t == "BlogPosting" || t == "Report"
    };
    match value {
        Some(serde_json::Value::String(t)) => is_article(t),
        Some(serde_json::Value::Array(types)) => {
            types.iter().any(|t| t.as_str().is_some_and(is_article))
        }
        _ => false,
    }
}

/// A string value, the first string of a list, or the string under one of
/// `keys` of an object (or of a list's first object); normalised, non-empty.
fn first_string(value: &serde_json::Value, keys: &[&str]) -> Option<String> {
    let value = match value {
        serde_json::Value::Array(items) => items.first()?,
        other => other,
    };
    let text = match value {
        serde_json::Value::String(s) => s.as_str(),
        serde_json::Value::Object(map) => keys
            .iter()
            .find_map(|k| map.get(*k).and_then(serde_json::Value::as_str))?,
        _ => return None,
    };
    let text = normalize(text);
    (!text.is_empty()).then(|| text.into_owned())
}
