//! Article pages: title, dateline, body, related list, metadata.
//!
//! The pipeline (each step one linear, iterative pass over the flat index):
//! find the headline ([`headline`]), score containers and read the body's
//! blocks ([`body`]), split the dateline off the first paragraph, ask
//! [`listing::related`](crate::listing) for the stories under the article,
//! and gather metadata from JSON-LD, `<meta>` and the article header.

mod body;
mod headline;

use html5ever::local_name;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::dom::{NodeId, Page};
use crate::meta::{JsonLd, PageMeta};
use crate::{Dateline, Error, Listing, listing};

/// A news article.
///
/// Serializes to the shape in `SCHEMA.md` (`title`, `dateline`, `body`,
/// `url`, `related`) plus the metadata fields, each `null` when the page
/// does not state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// The headline.
    pub title: String,
    /// The dateline split off the first paragraph.
    pub dateline: Option<Dateline>,
    /// The article's own text in reading order.
    pub body: Vec<Block>,
    /// The canonical address (`<link rel=canonical>`, then `og:url`).
    pub url: Option<String>,
    /// The list of other stories under the article.
    pub related: Option<Listing>,
    /// The section the article is filed under (JSON-LD `articleSection`,
    /// `article:section`, else the related list's section).
    #[serde(default)]
    pub section: Option<String>,
    /// When the article was published (JSON-LD `datePublished`,
    /// `article:published_time`, or a `<time datetime>` in the article
    /// header). Serialized as RFC 3339; a date without a time is midnight
    /// UTC, a time without an offset is taken as UTC.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub published: Option<OffsetDateTime>,
    /// When the article was last changed (JSON-LD `dateModified`,
    /// `article:modified_time`); as [`Article::published`].
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub modified: Option<OffsetDateTime>,
    /// The author or byline (JSON-LD `author`, `<meta name=author>`).
    #[serde(default)]
    pub author: Option<String>,
    /// The page's summary (`<meta name=description>`, `og:description`).
    #[serde(default)]
    pub description: Option<String>,
    /// The lead image's absolute address (`og:image`, JSON-LD `image`).
    #[serde(default)]
    pub image: Option<String>,
    /// The page's language (`<html lang>`).
    #[serde(default)]
    pub language: Option<String>,
}

/// One block of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Block {
    /// Paragraph or heading.
    pub kind: BlockKind,
    /// The block's normalised text.
    pub text: String,
}

/// What a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph of text.
    Paragraph,
    /// A subheading.
    Heading,
}

pub(crate) fn extract(page: &Page, meta: &PageMeta) -> Result<Article, Error> {
    let json_ld = JsonLd::read(page);
    let headline = headline::find(page, meta, &json_ld).ok_or(Error::NoHeadline)?;
    let signals = body::Signals::new(page, headline.node);
    let container = body::container(page, &signals, headline.node).ok_or(Error::NoBody)?;
    let (mut blocks, last) = body::blocks(page, &signals, container, headline.node, &headline.text);
    drop_meta_lines(&mut blocks);
    let dateline = split_dateline(&mut blocks);
    promote_short_lines(&mut blocks);
    if blocks.is_empty() {
        return Err(Error::NoBody);
    }
    let related = listing::related(page, meta, last);
    let header = header_scope(page, container, headline.node);
    let published = json_ld
        .published
        .as_deref()
        .or_else(|| meta.meta("article:published_time"))
        .and_then(parse_date)
        .or_else(|| header_time(page, header));
    let modified = json_ld
        .modified
        .as_deref()
        .or_else(|| meta.meta("article:modified_time"))
        .and_then(parse_date);
    let section = json_ld
        .section
        .clone()
        .or_else(|| meta.meta("article:section").map(str::to_owned))
        .or_else(|| related.as_ref().and_then(|r| r.section.clone()));
    let author = json_ld
        .author
        .clone()
        .or_else(|| meta.meta("author").map(str::to_owned))
        .or_else(|| {
            meta.meta("article:author")
                .filter(|a| !a.contains("://"))
                .map(str::to_owned)
        });
    let description = meta
        .meta("description")
        .or_else(|| meta.meta("og:description"))
        .map(str::to_owned)
        .or_else(|| json_ld.description.clone());
    let image = meta
        .meta("og:image")
        .or_else(|| meta.meta("twitter:image"))
        .map(str::to_owned)
        .or_else(|| json_ld.image.clone())
        .and_then(|src| meta.resolve(&src));
    Ok(Article {
        title: headline.text,
        dateline,
        body: blocks,
        url: meta.canonical.clone().or_else(|| meta.og_url.clone()),
        related,
        section,
        published,
        modified,
        author,
        description,
        image,
        language: meta.language.clone(),
    })
}

/// Drops the byline, date and kicker lines between the headline and the
/// first sentence (`Door Redactie · 3 november 2025, 14:05`): short lines
/// that end in no sentence mark and are not a dateline.
fn drop_meta_lines(blocks: &mut Vec<Block>) {
    let meta_line = |b: &Block| {
        b.kind == BlockKind::Paragraph
            && crate::text::has_at_most_chars(&b.text, 100)
            && !b
                .text
                .ends_with(['.', '!', '?', '"', '”', '\'', '’', '»', ':', ')'])
            && split_local(&b.text).is_none()
            && b.text
                .trim_end_matches(['-', '–', '—', ' '])
                .parse::<Dateline>()
                .is_err()
    };
    let leading = blocks
        .iter()
        .take_while(|b| meta_line(b) || is_photo_credit(b))
        .count();
    if leading < blocks.len() {
        blocks.drain(..leading);
    }
}

/// A caption or credit under the lead image, set as a paragraph
/// ("Archieffoto ter illustratie. (Foto: ANP)").
fn is_photo_credit(block: &Block) -> bool {
    const MAX_CREDIT: usize = 120;
    block.kind == BlockKind::Paragraph
        && block.text.len() <= MAX_CREDIT
        && (crate::text::contains_ignore_ascii_case(&block.text, "foto:")
            || crate::text::contains_ignore_ascii_case(&block.text, "(foto "))
}

/// A subheading set as plain text in the same element as the paragraphs
/// (`<div>Kruispunt</div>` between `<div>` paragraphs): a short line that
/// opens with a capital and ends in no sentence mark, between paragraphs.
fn promote_short_lines(blocks: &mut [Block]) {
    const MAX_HEADING: usize = 60;
    // (The ending first: most paragraphs are sentences, and their
    // characters are then never counted.)
    let is_short = |b: &Block| {
        b.kind == BlockKind::Paragraph
            && !b.text.ends_with([
                '.', '!', '?', '"', '”', '\'', '’', '»', ':', ';', ',', ')', '…',
            ])
            && b.text.chars().next().is_some_and(char::is_uppercase)
            && crate::text::has_at_most_chars(&b.text, MAX_HEADING)
    };
    // Each block judged once, before any is promoted.
    let short: Vec<bool> = blocks.iter().map(is_short).collect();
    let is_para = |j: usize| {
        blocks
            .get(j)
            .is_some_and(|b| b.kind == BlockKind::Paragraph)
            && !short.get(j).copied().unwrap_or(true)
    };
    let promoted: Vec<usize> = (1..blocks.len())
        .filter(|&i| is_para(i - 1) && is_para(i + 1) && short.get(i).copied().unwrap_or(false))
        .collect();
    for i in promoted {
        if let Some(b) = blocks.get_mut(i) {
            b.kind = BlockKind::Heading;
        }
    }
}

/// Splits the dateline off the first paragraph. A first paragraph that is
/// nothing but a dateline (`<p>ASTANA (ANP)</p><p>- Tekst</p>`) is taken
/// whole, and the next paragraph loses its leading separator.
fn split_dateline(blocks: &mut Vec<Block>) -> Option<Dateline> {
    let index = blocks.iter().position(|b| b.kind == BlockKind::Paragraph)?;
    let first = blocks.get_mut(index)?;
    if let Some((dateline, rest)) = split_local(&first.text) {
        let rest = rest.trim().to_owned();
        if rest.is_empty() {
            blocks.remove(index);
        } else {
            first.text = rest;
        }
        return Some(dateline);
    }
    let alone = first.text.trim_end_matches(['-', '–', '—', ' ']);
    if alone.len() > 80 {
        return None;
    }
    let dateline: Dateline = alone.parse().ok()?;
    blocks.remove(index);
    if let Some(next) = blocks.get_mut(index) {
        let rest = next.text.trim_start_matches(['-', '–', '—', ' ']);
        if rest.len() != next.text.len() {
            next.text = rest.to_owned();
        }
    }
    Some(dateline)
}

/// [`Dateline::split`], also taking a local dateline with an empty agency
/// parenthesis (`VLISSINGEN () - `, how the site prints a local story) as
/// a dateline without agencies. (The listing extractor does the same.)
fn split_local(text: &str) -> Option<(Dateline, String)> {
    if let Some((dateline, rest)) = Dateline::split(text) {
        return Some((dateline, rest.to_owned()));
    }
    let at = text.get(..64.min(text.len()))?.find(" () ")?;
    let cleaned = format!("{}{}", text.get(..at)?, text.get(at + 3..)?);
    Dateline::split(&cleaned).map(|(dateline, rest)| (dateline, rest.to_owned()))
}

/// The part of the page that can hold the article's header: the nearest
/// ancestor of the body container that also holds the headline.
fn header_scope(page: &Page, container: NodeId, headline: Option<NodeId>) -> NodeId {
    let Some(h) = headline else {
        return container;
    };
    page.ancestors(container)
        .find(|&a| page.contains(a, h))
        .unwrap_or(container)
}

/// The first `<time datetime>` in `scope` that comes before the body's
/// story lists: the article's own date line.
fn header_time(page: &Page, scope: NodeId) -> Option<OffsetDateTime> {
    page.descendants(scope)
        .filter(|&t| page.is(t, &local_name!("time")))
        .take(4)
        .find_map(|t| page.attr(t, &local_name!("datetime")).and_then(parse_date))
}

/// Parses the date forms pages use: RFC 3339, ISO 8601 (basic offsets,
/// no offset — taken as UTC, a space for `T`), and a bare date (midnight
/// UTC).
pub(crate) fn parse_date(text: &str) -> Option<OffsetDateTime> {
    use time::format_description::well_known::{Iso8601, Rfc3339};
    use time::{Date, PrimitiveDateTime};
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    let text = if text.as_bytes().get(10) == Some(&b' ') {
        std::borrow::Cow::Owned(format!("{}T{}", text.get(..10)?, text.get(11..)?))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    if let Ok(at) = OffsetDateTime::parse(&text, &Rfc3339) {
        return Some(at);
    }
    if let Ok(at) = OffsetDateTime::parse(&text, &Iso8601::DEFAULT) {
        return Some(at);
    }
    if let Ok(at) = PrimitiveDateTime::parse(&text, &Iso8601::DEFAULT) {
        return Some(at.assume_utc());
    }
    let day = text.get(..10)?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(day, &format)
        .ok()
        .filter(|_| text.len() == 10)
        .map(|d| d.midnight().assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let at = |s| parse_date(s).map(OffsetDateTime::unix_timestamp);
        assert_eq!(at("2024-01-02"), Some(1_704_153_600));
        assert_eq!(at("2024-01-02T00:00:00Z"), Some(1_704_153_600));
        assert_eq!(at("2024-01-02T01:00:00+01:00"), Some(1_704_153_600));
        assert_eq!(at("2024-01-02 00:00:00"), Some(1_704_153_600));
        assert_eq!(at("2024-01-02T01:00:00.000+0100"), Some(1_704_153_600));
        assert_eq!(at("gisteren"), None);
        assert_eq!(at(""), None);
    }

    #[test]
    fn site_suffix() {
        let cases = [
            ("Kop van het stuk | ZeelandNet", None, "Kop van het stuk"),
            ("Site | Een lange kop hier", None, "Een lange kop hier"),
            ("Kop - Site", Some("Site"), "Kop"),
            ("Kop", None, "Kop"),
            // The last separator of any kind splits, not the last of the
            // first kind found; a dash inside a word is none.
            (
                "Noord-Beveland: kop - met streep | Site",
                None,
                "Noord-Beveland: kop - met streep",
            ),
            (
                "Site » Binnenland | Een veel langere kop",
                None,
                "Een veel langere kop",
            ),
            ("Kop |Site", None, "Kop |Site"),
        ];
        for (title, site, want) in cases {
            assert_eq!(headline::strip_site(title, site), want, "{title}");
        }
    }
}
