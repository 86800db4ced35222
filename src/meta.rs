//! Page-level metadata both extractors share: the base URL every link is
//! resolved against, and the `<head>` facts (`<title>`, `og:*`, canonical
//! link, `<html lang>`), gathered in one pass over the index.

use html5ever::local_name;
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
                    meta.language = attr_text(page, id, "lang");
                }
                local_name!("base") if base_href.is_none() => {
                    base_href = attr_text(page, id, "href")
                }
                local_name!("title") if meta.title.is_none() => {
                    meta.title = raw_text(page, id);
                }
                local_name!("link") if canonical_raw.is_none() && is_canonical(page, id) => {
                    canonical_raw = attr_text(page, id, "href");
                }
                local_name!("meta") => {
                    let key =
                        attr_text(page, id, "property").or_else(|| attr_text(page, id, "name"));
                    let (Some(key), Some(value)) = (key, attr_text(page, id, "content")) else {
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
        let og_url = absolute(og_url_raw.as_deref(), caller_base.or(canonical.as_ref()));
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
            folder.push(&text);
        }
    }
    Some(folder.finish()).filter(|t| !t.is_empty())
}

fn is_canonical(page: &Page, id: NodeId) -> bool {
    page.attr(id, "rel").is_some_and(|rel| {
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
    })
}

/// An attribute's value, normalised, `None` when absent or blank.
pub(crate) fn attr_text(page: &Page, id: NodeId, name: &str) -> Option<String> {
    let value = page.attr(id, name)?;
    let value = normalize(&value);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn meta(html: &str, base: Option<&str>) -> PageMeta {
        let dom = parse(html);
        let base = base.map(|b| Url::parse(b).unwrap());
        PageMeta::new(&Page::new(&dom), base.as_ref())
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
