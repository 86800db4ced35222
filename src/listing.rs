//! Lists of stories: category pages, home-page blocks, and the "Meer uit …"
//! list under an article. One finder, two callers: [`extract`] for a listing
//! page and [`related`] for the list that follows an article.
//!
//! # How the list is found
//!
//! By structure and text, never by class names:
//!
//! 1. One reverse sweep counts, per node, the *story links* in its subtree
//!    (`<a href>` with at least a few words of text).
//! 2. Every element whose element children repeat one tag, each child holding
//!    one to four story links, is a candidate list (`ul > li`, `div > div`,
//!    `main > article`, `tbody > tr`, …). Children that are runs of siblings
//!    opened by a heading with a link (or a `<dt>`) are candidates too.
//! 3. Each candidate's items are read (title, link, label, lead, age or
//!    clock, through the grammars) and the list scores by how many items it
//!    has and how many of them carry a lead and a time. Lists inside
//!    `nav`/`header`/`footer`/`aside`, and lists headed "Net binnen" or
//!    "Meest gelezen" (tickers, most-read boxes), score lower.
//! 4. A single teaser just before the winning list (a home page's featured
//!    story) joins it when it carries the same kind of time.
//!
//! The heading is the nearest heading-like element before the list; the
//! page date, page number and next page come from the rest of the page.

use std::ops::Range;

use html5ever::{LocalName, local_name};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, Time};

use crate::calendar;
use crate::dom::{NodeId, Page};
use crate::meta::PageMeta;
use crate::text::Folder;
use crate::{Clock, Dateline, Error, RelativeAge};

/// A list of stories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Listing {
    /// The list's heading (`Meer uit Buitenland`, `Politiek`).
    pub heading: Option<String>,
    /// The section the list belongs to (`Buitenland`, `Politiek`).
    pub section: Option<String>,
    /// The day the page shows (the day it was served), `2025-11-03`.
    pub date: Option<Date>,
    /// The stories, in page order.
    pub items: Vec<ListingItem>,
    /// The page number of a paged list.
    pub page: Option<u32>,
    /// The absolute address of the next page.
    pub next_page: Option<String>,
}

/// One story in a [`Listing`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListingItem {
    /// The story's title.
    pub title: String,
    /// The story's absolute address.
    pub url: Option<String>,
    /// A source badge shown with the item (`ANP`).
    pub label: Option<String>,
    /// The dateline that opens the lead.
    pub dateline: Option<Dateline>,
    /// The teaser text, dateline split off.
    pub lead: Option<String>,
    /// How long ago the story appeared.
    pub age: Option<RelativeAge>,
    /// The clock time shown instead of an age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Clock>,
}

/// Finds the page's main list of stories.
pub(crate) fn extract(page: &Page, meta: &PageMeta) -> Result<Listing, Error> {
    let counts = Counts::new(page);
    let finder = Finder {
        page,
        meta,
        counts: &counts,
        from: 0,
        related: false,
    };
    let Some(found) = finder.best().or_else(|| finder.single_teaser()) else {
        return Err(Error::NoListing);
    };
    let heading = found.heading.clone();
    let first = found.first_node();
    let mut listing = Finder::listing(found);
    listing.date = page_date(page, first);
    let (number, next) = paging(page, meta);
    listing.page = number;
    listing.next_page = next;
    listing.section = heading.as_deref().map(section_of);
    Ok(listing)
}

/// Finds the list of other stories that follows an article ("Meer uit
/// Buitenland"), if the page has one.
///
/// `article` is the node where the article extractor found the article to
/// end (its last text): only lists that start after its subtree ends count,
/// so the story's own paragraphs and any ticker or menu *before* it are
/// never taken. The result has no `date`, `page` or `next_page` (those
/// belong to listing pages).
pub(crate) fn related(page: &Page, meta: &PageMeta, article: NodeId) -> Option<Listing> {
    let counts = Counts::new(page);
    let finder = Finder {
        page,
        meta,
        counts: &counts,
        from: page.end(article),
        related: true,
    };
    let found = finder.best()?;
    let mut listing = Finder::listing(found);
    listing.section = listing.heading.as_deref().map(section_of);
    Some(listing)
}

/// The section a heading names: `Meer uit Buitenland` → `Buitenland`, any
/// other heading → itself.
fn section_of(heading: &str) -> String {
    const PREFIXES: [&str; 8] = [
        "meer nieuws uit ",
        "meer nieuws over ",
        "meer uit ",
        "meer over ",
        "ook uit ",
        "lees meer uit ",
        "more from ",
        "mehr aus ",
    ];
    let lower = heading.to_lowercase();
    for prefix in PREFIXES {
        if lower.starts_with(prefix)
            && let Some(rest) = heading.get(prefix.len()..).map(str::trim)
            && !rest.is_empty()
        {
            return rest.to_owned();
        }
    }
    heading.to_owned()
}

/// Per-node subtree counts the finder asks for in O(1).
struct Counts {
    /// `<a href>` with at least ten non-space bytes of text.
    story_links: Vec<u32>,
    /// Any `<a>` element.
    links: Vec<u32>,
}

/// Non-space bytes of link text that make a link a story link, not a menu
/// entry or pager button ("Politiek", "Volgende").
const STORY_LINK_TEXT: usize = 10;

impl Counts {
    fn new(page: &Page) -> Self {
        let len = page.len();
        let mut story_links = vec![0u32; len];
        let mut links = vec![0u32; len];
        for id in (1..len).rev() {
            let (mut story, mut any) = (
                story_links.get(id).copied().unwrap_or(0),
                links.get(id).copied().unwrap_or(0),
            );
            if page.is(id, &local_name!("a")) && !page.hidden(id) {
                any += 1;
                // A link within the page (`#c3`, a comment's permalink) or
                // a script action leads to no story.
                let leads_away = page.attr(id, &local_name!("href")).is_some_and(|h| {
                    let h = h.trim_start();
                    !h.starts_with('#') && !h.starts_with("javascript:")
                });
                if leads_away && page.text_len(id) >= STORY_LINK_TEXT {
                    story += 1;
                }
                if let Some(slot) = story_links.get_mut(id) {
                    *slot = story;
                }
                if let Some(slot) = links.get_mut(id) {
                    *slot = any;
                }
            }
            if let Some(parent) = page.parent(id) {
                if let Some(slot) = story_links.get_mut(parent) {
                    *slot = slot.saturating_add(story);
                }
                if let Some(slot) = links.get_mut(parent) {
                    *slot = slot.saturating_add(any);
                }
            }
        }
        Self { story_links, links }
    }

    fn story(&self, id: NodeId) -> u32 {
        self.story_links.get(id).copied().unwrap_or(0)
    }

    fn links(&self, id: NodeId) -> u32 {
        self.links.get(id).copied().unwrap_or(0)
    }
}

/// A candidate list scored on a sample of its items, with the sample's
/// reads kept for [`Finder::read`].
struct Scored {
    score: f64,
    container: NodeId,
    ranges: Vec<Range<NodeId>>,
    sampled: Vec<Option<ReadItem>>,
}

/// A list the finder read: its items (with the node ranges they came from)
/// and its heading.
struct Found {
    container: NodeId,
    items: Vec<(Range<NodeId>, ListingItem)>,
    heading: Option<String>,
}

impl Found {
    fn first_node(&self) -> NodeId {
        self.items.first().map_or(self.container, |(r, _)| r.start)
    }
}

struct Finder<'a> {
    page: &'a Page,
    meta: &'a PageMeta,
    counts: &'a Counts,
    /// Lists must start at or after this node (the end of an article).
    from: NodeId,
    related: bool,
}

/// How many candidate lists are read in full (by item count, largest first).
const CANDIDATES_READ: usize = 16;

/// How many items of each candidate list are read to score it.
const SAMPLE: usize = 4;

impl Finder<'_> {
    /// The best-scoring list in the region, with a featured teaser before it
    /// joined.
    fn best(&self) -> Option<Found> {
        let mut shapes = self.candidates();
        shapes.sort_by_key(|(_, items)| std::cmp::Reverse(items.len()));
        shapes.truncate(CANDIDATES_READ);
        // Score every candidate on a sample of its items, then read the
        // winner in full: reading every item of every candidate costs more
        // than the page's parse.
        let mut scored: Vec<Scored> = shapes
            .into_iter()
            .filter_map(|(container, ranges)| self.sample_score(container, ranges))
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        let mut best = scored.into_iter().find_map(|s| self.read(s))?;
        if !self.related && self.join_featured(&mut best) {
            // The featured story's own title is not the list's heading.
            best.heading = find_heading(self.page, best.first_node(), self.from);
        }
        Some(best)
    }

    /// Every (container, item ranges) pair with at least two items.
    fn candidates(&self) -> Vec<(NodeId, Vec<Range<NodeId>>)> {
        let page = self.page;
        let mut out = Vec::new();
        // Containers inside the region, and the region's ancestors: a list
        // can share its parent with the article's own paragraphs (teasers
        // as siblings of the body's `<div>`s); their items still start
        // after `from`.
        let ancestors = page
            .parent(self.from)
            .into_iter()
            .flat_map(|p| page.ancestors(p));
        let mut containers: Vec<NodeId> = ancestors.collect();
        containers.reverse();
        for id in containers.into_iter().chain(self.from..page.len()) {
            if page.name(id).is_none() || page.hidden(id) || self.counts.story(id) < 2 {
                continue;
            }
            self.wrapped_items(id, &mut out);
            self.run_items(id, &mut out);
        }
        out
    }

    /// Items that are whole element children sharing a tag (`li`, `article`,
    /// `div`, `tr`).
    fn wrapped_items(&self, id: NodeId, out: &mut Vec<(NodeId, Vec<Range<NodeId>>)>) {
        let page = self.page;
        let mut groups: Vec<(&LocalName, Vec<Range<NodeId>>)> = Vec::new();
        // The group whose last item is the previous child, when that child
        // is a story row (`<tr>`) its lead row may continue.
        let mut row_open: Option<usize> = None;
        for child in page.element_children(id).filter(|&c| c >= self.from) {
            let story = self.counts.story(child);
            let opened = row_open.take();
            // `<tr><td>age</td><td><a>Titel</a></td></tr><tr><td colspan=2>
            // Lead…</td></tr>`: a link-less row right after a story row is
            // that story's lead, not a paragraph between stories.
            if let Some(at) = opened
                && story == 0
                && page.is(child, &local_name!("tr"))
                && self.counts.links(child) == 0
                && !page.hidden(child)
                && let Some(last) = groups.get_mut(at).and_then(|(_, ranges)| ranges.last_mut())
            {
                last.end = page.end(child);
                continue;
            }
            if story == 0 && is_running_text(page, child) {
                // A paragraph between teasers ends the list: a lone "Lees
                // ook" box inside an article and the list under it are
                // two lists, not one.
                for (_, ranges) in groups.drain(..) {
                    if ranges.len() >= 2 {
                        out.push((id, ranges));
                    }
                }
                continue;
            }
            if !(1..=4).contains(&story) || page.hidden(child) {
                continue;
            }
            let Some(name) = page.name(child) else {
                continue;
            };
            let range = child..page.end(child);
            let at = groups
                .iter()
                .position(|(n, _)| *n == name)
                .unwrap_or_else(|| {
                    groups.push((name, Vec::new()));
                    groups.len() - 1
                });
            if let Some((_, ranges)) = groups.get_mut(at) {
                ranges.push(range);
            }
            if *name == local_name!("tr") {
                row_open = Some(at);
            }
        }
        for (_, ranges) in groups {
            if ranges.len() >= 2 {
                out.push((id, ranges));
            }
        }
    }

    /// Items that are runs of siblings, each opened by a heading holding a
    /// story link or by a `<dt>` (`<h3><a>…</a></h3><p>…</p><span>…</span>`
    /// repeated, or a `<dl>`).
    fn run_items(&self, id: NodeId, out: &mut Vec<(NodeId, Vec<Range<NodeId>>)>) {
        let page = self.page;
        let mut ranges: Vec<Range<NodeId>> = Vec::new();
        let mut open: Option<Range<NodeId>> = None;
        for child in page.element_children(id).filter(|&c| c >= self.from) {
            let starts = page.is(child, &local_name!("dt"))
                || (is_heading(page, child) && self.counts.story(child) == 1);
            if starts {
                if let Some(run) = open.take() {
                    ranges.push(run);
                }
                open = Some(child..page.end(child));
            } else if let Some(run) = open.as_mut() {
                if self.counts.links(child) > 0 || is_heading(page, child) {
                    ranges.push(run.start..run.end);
                    open = None;
                } else {
                    run.end = page.end(child);
                }
            }
        }
        if let Some(run) = open {
            ranges.push(run);
        }
        if ranges.len() >= 2 && ranges.iter().any(|r| page.end(r.start) < r.end) {
            out.push((id, ranges));
        }
    }

    /// A candidate's estimated score: the mean weight of its first few
    /// items times its item count, times [`Finder::penalty`].
    fn sample_score(&self, container: NodeId, ranges: Vec<Range<NodeId>>) -> Option<Scored> {
        let sample = ranges.get(..SAMPLE.min(ranges.len()))?;
        let mut weight = 0.0;
        let mut first = None;
        let mut sampled = Vec::with_capacity(sample.len());
        let mut bare = true;
        for range in sample {
            let read = read_item(self.page, range.clone());
            if let Some(read) = read.as_ref().filter(|r| !r.advert) {
                weight += read.weight();
                first.get_or_insert(range.start);
                bare &= read.item.lead.is_none() && read.item.age.is_none();
            }
            sampled.push(read);
        }
        let first = first?;
        #[allow(clippy::cast_precision_loss)] // item counts far below 2^52
        let scale = ranges.len() as f64 / sample.len() as f64;
        let heading = find_heading(self.page, first, self.from);
        // Under an article, a box of bare title links (recent posts, most
        // read, a menu, a ticker of clock times) is not the related list
        // unless its heading says so; a ticker or most-read box never is.
        if self.related {
            let lower = heading.as_deref().map(str::to_lowercase);
            let side = lower
                .as_deref()
                .is_some_and(|h| SIDE_LISTS.iter().any(|w| h.contains(w)));
            if side || (bare && !heading.as_deref().is_some_and(is_related_heading)) {
                return None;
            }
        }
        Some(Scored {
            score: weight * scale * self.penalty(container, heading.as_deref()),
            container,
            ranges,
            sampled,
        })
    }

    /// Reads a candidate's items in full; the sampled ones are not read
    /// twice.
    fn read(&self, candidate: Scored) -> Option<Found> {
        let Scored {
            container,
            ranges,
            sampled,
            ..
        } = candidate;
        let mut items = Vec::with_capacity(ranges.len());
        let mut sampled = sampled.into_iter();
        for range in ranges {
            let read = match sampled.next() {
                Some(read) => read,
                None => read_item(self.page, range.clone()),
            };
            let Some(read) = read else { continue };
            if !read.advert {
                items.push((range, read.finish(self.page, self.meta)));
            }
        }
        drop_bare_rows(self.page, &mut items);
        if items.len() < 2 {
            return None;
        }
        let first = items.first().map_or(container, |(r, _)| r.start);
        let heading = find_heading(self.page, first, self.from);
        Some(Found {
            container,
            items,
            heading,
        })
    }

    /// Score multiplier: page furniture and tickers/most-read boxes count
    /// less; for a related list, a "Meer uit …" heading counts more.
    fn penalty(&self, container: NodeId, heading: Option<&str>) -> f64 {
        let mut factor = 1.0;
        let furniture = self.page.ancestors(container).take(256).any(|a| {
            let aside = !self.related && self.page.is(a, &local_name!("aside"));
            aside
                || matches!(
                    self.page.name(a),
                    Some(&local_name!("nav") | &local_name!("header") | &local_name!("footer"))
                )
                || self
                    .page
                    .attr(a, &local_name!("role"))
                    .is_some_and(|r| r.eq_ignore_ascii_case("navigation"))
        });
        if furniture {
            factor *= 0.4;
        }
        if let Some(heading) = heading {
            let lower = heading.to_lowercase();
            if SIDE_LISTS.iter().any(|w| lower.contains(w)) {
                factor *= 0.3;
            }
            if self.related && RELATED_HEADINGS.iter().any(|w| lower.starts_with(w)) {
                factor *= 2.0;
            }
        }
        factor
    }

    /// A home page's featured story: one teaser just before the list (in a
    /// preceding sibling of the list or of one of its nearest ancestors)
    /// that carries the same kind of time as the list's items.
    fn join_featured(&self, found: &mut Found) -> bool {
        let page = self.page;
        let clocks = found
            .items
            .iter()
            .filter(|(_, i)| i.clock.is_some())
            .count();
        let ages = found.items.iter().filter(|(_, i)| i.age.is_some()).count();
        if clocks * 2 < found.items.len() && ages * 2 < found.items.len() {
            return false;
        }
        let mut inner = found.container;
        for _ in 0..3 {
            let Some(outer) = page.parent(inner) else {
                return false;
            };
            // (`<main>` may hold a hero teaser before the list; a page's
            // body holds too much else.)
            if matches!(
                page.name(outer),
                Some(&local_name!("body") | &local_name!("html"))
            ) {
                return false;
            }
            let before: Vec<NodeId> = page
                .element_children(outer)
                .take_while(|&c| c != inner)
                .collect();
            for &sibling in before.iter().rev() {
                let story = self.counts.story(sibling);
                if story == 0 {
                    continue;
                }
                let Some(read) = read_item(page, sibling..page.end(sibling)) else {
                    return false;
                };
                let item = read.finish(page, self.meta);
                let same_kind = if clocks >= ages {
                    item.clock.is_some()
                } else {
                    item.age.is_some()
                };
                let range = sibling..page.end(sibling);
                let joins = same_kind && single_story(page, self.meta, range, item.url.as_deref());
                if joins {
                    found.items.insert(0, (sibling..page.end(sibling), item));
                }
                return joins;
            }
            inner = outer;
        }
        false
    }

    /// No repeated list: a page that is one story teaser (an `<article>` or
    /// a heading inside a link) lists that one story.
    fn single_teaser(&self) -> Option<Found> {
        let page = self.page;
        if self.counts.story(Page::ROOT) != 1 {
            return None;
        }
        let link = (0..page.len()).find(|&n| {
            page.is(n, &local_name!("a")) && self.counts.story(n) == 1 && !page.hidden(n)
        })?;
        let holds_heading = page.descendants(link).any(|n| is_heading(page, n))
            || page.ancestors(link).any(|n| is_heading(page, n));
        if !holds_heading {
            return None;
        }
        let root = page
            .ancestors(link)
            .find(|&n| page.is(n, &local_name!("article")))
            .unwrap_or(link);
        let read = read_item(page, root..page.end(root))?;
        Some(Found {
            container: root,
            items: vec![(root..page.end(root), read.finish(page, self.meta))],
            heading: None,
        })
    }

    fn listing(found: Found) -> Listing {
        Listing {
            heading: found.heading,
            section: None,
            date: None,
            items: found.items.into_iter().map(|(_, item)| item).collect(),
            page: None,
            next_page: None,
        }
    }
}

/// Drops rows with nothing but a link (a pager or menu line shaped like the
/// items: `<p><a>« Vorige</a> | <a>Volgende »</a></p>`) from a list whose
/// items nearly all show a time. A row with a `<time>` or an image of its
/// own is a story, even when its time is a word (`LIVE` on nos.nl).
fn drop_bare_rows(page: &Page, items: &mut Vec<(Range<NodeId>, ListingItem)>) {
    let timed = items
        .iter()
        .filter(|(_, i)| i.age.is_some() || i.clock.is_some())
        .count();
    if timed * 4 < items.len() * 3 {
        return;
    }
    items.retain(|(range, i)| {
        i.age.is_some()
            || i.clock.is_some()
            || i.lead.is_some()
            || i.label.is_some()
            || range
                .clone()
                .any(|n| page.is(n, &local_name!("time")) || page.is(n, &local_name!("img")))
    });
}

/// Headings of boxes that are not a page's main list.
const SIDE_LISTS: [&str; 8] = [
    "net binnen",
    "meest gelezen",
    "meest bekeken",
    "populair",
    "most read",
    "most popular",
    "trending",
    "meistgelesen",
];

/// Headings that introduce the list under an article.
const RELATED_HEADINGS: [&str; 6] = [
    "meer uit",
    "meer over",
    "meer nieuws",
    "lees ook",
    "gerelateerd",
    "related",
];

fn is_related_heading(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    RELATED_HEADINGS.iter().any(|w| lower.starts_with(w))
}

/// Words that mark an advertisement card among the items.
/// Whether a short text marks an advertisement card.
fn is_advert_word(text: &str) -> bool {
    // A word can only occur where all its letters do: one pass over the
    // text rules out most words before any substring search.
    let present = letter_set(text.as_bytes());
    ADVERT_WORDS.iter().zip(ADVERT_LETTERS).any(|(w, needed)| {
        present & needed == needed && crate::text::contains_ignore_ascii_case(text, w)
    })
}

/// The [`letter_set`] of each of [`ADVERT_WORDS`], computed when compiling.
const ADVERT_LETTERS: [u32; ADVERT_WORDS.len()] = {
    let mut sets = [0; ADVERT_WORDS.len()];
    let mut i = 0;
    while i < ADVERT_WORDS.len() {
        // Evaluated at compile time: an index out of bounds fails the build.
        #[allow(clippy::indexing_slicing)]
        {
            sets[i] = letter_set(ADVERT_WORDS[i].as_bytes());
        }
        i += 1;
    }
    sets
};

/// The ASCII letters in `bytes`, any case, one bit per letter.
const fn letter_set(bytes: &[u8]) -> u32 {
    let mut set = 0;
    let mut i = 0;
    while i < bytes.len() {
        // (A `while` loop: `const fn` allows no iterators.)
        #[allow(clippy::indexing_slicing)] // i < bytes.len()
        let b = bytes[i].to_ascii_lowercase();
        if b.is_ascii_lowercase() {
            set |= 1 << (b - b'a');
        }
        i += 1;
    }
    set
}

const ADVERT_WORDS: [&str; 7] = [
    "advertentie",
    "gesponsord",
    "sponsored",
    "advertisement",
    "advertorial",
    "anzeige",
    "promoted",
];

fn is_heading(page: &Page, id: NodeId) -> bool {
    matches!(
        page.name(id),
        Some(
            &local_name!("h1")
                | &local_name!("h2")
                | &local_name!("h3")
                | &local_name!("h4")
                | &local_name!("h5")
                | &local_name!("h6")
        )
    )
}

/// Whether `id` holds a paragraph's worth of text that is not link text.
fn is_running_text(page: &Page, id: NodeId) -> bool {
    !page.hidden(id) && page.text_len(id).saturating_sub(page.link_text_len(id)) > RUNNING_TEXT
}

/// Bytes of unlinked text from which a block reads as running text.
const RUNNING_TEXT: usize = 80;

/// Inline elements whose text belongs to the text around them.
fn is_inline_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("b")
            | local_name!("strong")
            | local_name!("i")
            | local_name!("em")
            | local_name!("u")
            | local_name!("span")
            | local_name!("font")
            | local_name!("small")
            | local_name!("abbr")
            | local_name!("q")
            | local_name!("cite")
            | local_name!("mark")
            | local_name!("sup")
            | local_name!("sub")
    )
}

/// One run of an item's text that shares an owning element.
#[allow(clippy::struct_excessive_bools)] // independent facts about one run of text
struct Segment {
    owner: NodeId,
    text: Folder,
    /// The nearest `<a href>` around the text, inside the item.
    link: Option<NodeId>,
    heading: bool,
    in_time: bool,
    /// An image's `alt` (a badge such as `ANP`), not visible text.
    alt: bool,
    /// A `<br>` closed it: later text of the same owner starts a new segment.
    sealed: bool,
    /// What [`read_item`] decided the text is.
    role: Role,
}

/// What [`read_item`] learned about one item: everything but its address
/// and dateline ([`ReadItem::finish`]), which only output items need.
struct ReadItem {
    /// `url` and `dateline` are `None`, `lead` is the whole lead text.
    item: ListingItem,
    /// The `<a href>` the address comes from.
    link: Option<NodeId>,
    advert: bool,
}

impl ReadItem {
    /// The item as output: its address resolved, the dateline split off
    /// its lead.
    fn finish(self, page: &Page, meta: &PageMeta) -> ListingItem {
        let mut item = self.item;
        item.url = self.link.and_then(|l| {
            page.attr(l, &local_name!("href"))
                .and_then(|h| meta.resolve(h))
        });
        if let Some(text) = item.lead.take() {
            match split_dateline(&text) {
                Some((d, rest)) => {
                    item.dateline = Some(d);
                    item.lead = (!rest.is_empty()).then_some(rest);
                }
                None => item.lead = Some(text),
            }
        }
        item
    }

    fn weight(&self) -> f64 {
        let i = &self.item;
        let mut w = 1.0;
        if i.lead.is_some() {
            w += 0.5;
        }
        if i.age.is_some() || i.clock.is_some() {
            w += 0.5;
        }
        if i.label.is_some() {
            w += 0.2;
        }
        w
    }
}

/// What a segment's text turned out to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Unknown,
    Time,
    Title,
    Label,
}

/// Reads one item from the nodes in `range`, all but what
/// [`ReadItem::finish`] adds (scoring needs neither).
fn read_item(page: &Page, range: Range<NodeId>) -> Option<ReadItem> {
    let mut segments = segments(page, range.clone());
    let (mut age, mut clock, mut time_label) = (None, None, None);
    for seg in &mut segments {
        if let Some((a, c, rest)) = parse_time(seg.text.as_str()) {
            (age, clock, time_label) = (a, c, rest);
            seg.role = Role::Time;
            break;
        }
    }
    let title_at = pick_title(&segments)?;
    let title_seg = segments.get_mut(title_at)?;
    title_seg.role = Role::Title;
    let title_link = title_seg.link;
    let link = title_link.or_else(|| {
        range.clone().find(|&n| {
            page.is(n, &local_name!("a")) && page.attr(n, &local_name!("href")).is_some()
        })
    });
    let label = pick_label(page, &mut segments, title_link).or(time_label);
    let lead_at = pick_lead(&segments);
    let advert = segments.iter().any(|s| {
        let text = s.text.as_str();
        text.len() <= 24 && is_advert_word(text)
    });
    // The fields take their texts over.
    let lead = lead_at
        .and_then(|i| segments.get_mut(i))
        .map(|s| s.text.take());
    let title = segments.get_mut(title_at)?.text.take();
    Some(ReadItem {
        item: ListingItem {
            title,
            url: None,
            label,
            dateline: None,
            lead,
            age,
            clock,
        },
        link,
        advert,
    })
}

/// Splits a dateline off a lead. A local dateline with an empty agency
/// parenthesis (`GOES () - `, seen on `ZeelandNet` category pages) is a
/// dateline without agencies.
fn split_dateline(text: &str) -> Option<(Dateline, String)> {
    if let Some((d, rest)) = Dateline::split(text) {
        return Some((d, rest.trim().to_owned()));
    }
    if !text.contains(" () ") {
        return None;
    }
    let at = text.get(..64.min(text.len()))?.find(" () ")?;
    let cleaned = format!("{}{}", text.get(..at)?, text.get(at + 3..)?);
    Dateline::split(&cleaned).map(|(d, rest)| (d, rest.trim().to_owned()))
}

/// Whether every link in `range` with an address points at `url`.
fn single_story(page: &Page, meta: &PageMeta, range: Range<NodeId>, url: Option<&str>) -> bool {
    range
        .filter(|&n| page.is(n, &local_name!("a")))
        .filter_map(|n| page.attr(n, &local_name!("href")).map(|h| meta.resolve(h)))
        .all(|resolved| resolved.as_deref() == url)
}

/// Splits an item's text into segments: the text under each owning element,
/// where inline formatting inside running text (`<p>… <b>…</b> …</p>`)
/// belongs to the running text, and image `alt`s are segments of their own.
fn segments(page: &Page, range: Range<NodeId>) -> Vec<Segment> {
    // An element with a non-space text child of its own holds running
    // text (asked only of the few inline elements' parents).
    let is_running = |id: NodeId| page.children(id).any(|c| page.is_visible_text(c));
    let mut out: Vec<Segment> = Vec::with_capacity(4);
    for n in range.clone() {
        if page.hidden(n) {
            continue;
        }
        if page.is(n, &local_name!("br")) {
            // A title set over two lines (`<h3>Eerste helft<br>tweede</h3>`,
            // `<a><span>Eerste<br>tweede</span></a>`) stays one piece.
            if breaks_title(page, n) {
                if let Some(last) = out.last_mut() {
                    last.text.boundary();
                }
                continue;
            }
            // `title<br>ANP<br>lead` in one cell: three pieces, not one.
            if let Some(last) = out.last_mut() {
                last.sealed = true;
            }
            continue;
        }
        if page.is(n, &local_name!("img")) {
            if let Some(alt) = page.attr(n, &local_name!("alt")) {
                let alt = crate::text::normalize(alt);
                if !alt.is_empty() && alt.len() <= 24 {
                    let mut text = Folder::default();
                    text.push(&alt);
                    out.push(segment(page, n, range.start, text, true));
                }
            }
            continue;
        }
        if !page.is_visible_text(n) {
            // White space between elements separates words.
            if page.is_text(n)
                && let Some(last) = out.last_mut()
            {
                last.text.boundary();
            }
            continue;
        }
        let Some(text) = page.text(n) else { continue };
        let Some(mut owner) = page.parent(n) else {
            continue;
        };
        while let Some(parent) = page.parent(owner) {
            let inline = page.name(owner).is_some_and(is_inline_formatting);
            if inline
                && parent >= range.start
                && is_running(parent)
                && !trailing_time(page, owner, parent)
            {
                owner = parent;
            } else {
                break;
            }
        }
        let reuse = out
            .iter()
            .rev()
            .take(8)
            .position(|s| s.owner == owner && !s.sealed);
        if let Some(seg) = reuse
            .and_then(|back| out.len().checked_sub(back + 1))
            .and_then(|at| out.get_mut(at))
        {
            seg.text.push(text);
        } else {
            let mut folder = Folder::with_capacity(text.len());
            folder.push(text);
            out.push(segment(page, owner, range.start, folder, false));
        }
    }
    out.retain(|s| !s.text.is_empty());
    out
}

/// Whether the inline element `inline` closes `parent`'s text and is an
/// age or clock (`<dd>Lead… <em>1 uur geleden</em></dd>`): the time stands
/// apart from the lead it follows.
fn trailing_time(page: &Page, inline: NodeId, parent: NodeId) -> bool {
    let end = page.end(parent);
    let last = page.end(inline) == end
        || (page.end(inline) + 1 == end
            && page
                .text(page.end(inline))
                .is_some_and(|t| t.chars().all(crate::text::is_space)));
    // (A meta line `<span>ANP</span> · <span>4 min. geleden</span>` is one
    // piece: its badge and time split at the separator.)
    let lead = page.text_len(parent).saturating_sub(page.text_len(inline)) >= LEAD_BEFORE_TIME;
    last && lead && page.text_len(inline) <= 40 && parse_time_whole(&page.text_of(inline)).is_some()
}

/// Bytes of text before a closing time that make it a lead.
const LEAD_BEFORE_TIME: usize = 40;

/// Whether the `<br>` at `br` breaks a title's line: it sits in a heading,
/// or in an inline element inside a link.
fn breaks_title(page: &Page, br: NodeId) -> bool {
    let Some(parent) = page.parent(br) else {
        return false;
    };
    is_heading(page, parent)
        || (page.name(parent).is_some_and(is_inline_formatting)
            && page
                .ancestors(parent)
                .skip(1)
                .take(2)
                .any(|a| page.is(a, &local_name!("a")) || is_heading(page, a)))
}

fn segment(page: &Page, owner: NodeId, start: NodeId, text: Folder, alt: bool) -> Segment {
    let mut link = None;
    let (mut heading, mut in_time) = (false, false);
    for a in page.ancestors(owner).take_while(|&a| a >= start) {
        if link.is_none()
            && page.is(a, &local_name!("a"))
            && page.attr(a, &local_name!("href")).is_some()
        {
            link = Some(a);
        }
        heading |= is_heading(page, a);
        in_time |= page.is(a, &local_name!("time"));
    }
    Segment {
        owner,
        text,
        link,
        heading,
        in_time,
        alt,
        sealed: alt,
        role: Role::Unknown,
    }
}

/// An age or clock in `text`, whole or as one part of `ANP | 4 minuten
/// geleden`; the other short part is returned as a label.
fn parse_time(text: &str) -> Option<(Option<RelativeAge>, Option<Clock>, Option<String>)> {
    if text.len() > 64 {
        return None;
    }
    if let Some(found) = parse_time_whole(text) {
        return Some((found.0, found.1, None));
    }
    if !has_separator(text) {
        return None;
    }
    for sep in TIME_SEPARATORS {
        if let Some((a, b)) = text.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            if let Some(found) = parse_time_whole(b) {
                return Some((found.0, found.1, is_label_text(a).then(|| a.to_owned())));
            }
            if let Some(found) = parse_time_whole(a) {
                return Some((found.0, found.1, is_label_text(b).then(|| b.to_owned())));
            }
        }
    }
    None
}

/// What stands between a time and a badge (`ANP | 4 minuten geleden`).
const TIME_SEPARATORS: [char; 5] = ['|', '·', '•', '—', '–'];

/// Whether `text` holds one of [`TIME_SEPARATORS`], tested on bytes: most
/// titles hold none, while many hold other characters that share their
/// lead byte (`’`, `“`).
fn has_separator(text: &str) -> bool {
    if crate::text::is_ascii(text) {
        // The other separators are not ASCII (most titles are).
        return text.contains('|');
    }
    text.contains('|')
        || text.ends_with('·')
        || text
            .as_bytes()
            .windows(3)
            .any(|w| matches!(w, [0xC2, 0xB7, _] | [0xE2, 0x80, 0xA2 | 0x94 | 0x93]))
}

fn parse_time_whole(text: &str) -> Option<(Option<RelativeAge>, Option<Clock>)> {
    // `(3 uur geleden)`, `[19:25]`: brackets around a time are decoration.
    let text = match text.strip_prefix(['(', '[']) {
        Some(inner) => inner.strip_suffix([')', ']']).unwrap_or(inner).trim(),
        None => text,
    };
    if let Some(age) = crate::age::parse_ok(text) {
        return Some((Some(age), None));
    }
    // A clock always has its `H:MM` colon, and no clock phrase has more
    // than eight words (`Gisteren | om 23:03 uur`): most titles are
    // skipped without running the grammar.
    if !text.contains(':') || text.split_whitespace().nth(8).is_some() {
        return None;
    }
    text.parse::<Clock>().ok().map(|c| (None, Some(c)))
}

/// A badge: short, a word or three, no sentence.
fn is_label_text(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 24
        && text.split_whitespace().count() <= 3
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', ':', '?', '!'])
        && calendar::parse_date(text).is_none()
}

/// The title: the first heading text, else the first linked text that is
/// not a time or a badge-sized alt.
fn pick_title(segments: &[Segment]) -> Option<usize> {
    let usable = |s: &Segment| {
        s.role == Role::Unknown
            && !s.alt
            && !s.in_time
            && s.text.as_str().chars().any(char::is_alphabetic)
    };
    let heading = segments.iter().position(|s| usable(s) && s.heading);
    heading.or_else(|| {
        segments.iter().position(|s| {
            let text = s.text.as_str();
            usable(s)
                && s.link.is_some()
                && (!is_label_text(text) || text.split_whitespace().count() > 1)
        })
    })
}

/// The badge: the first short text outside any other link than the title's.
fn pick_label(page: &Page, segments: &mut [Segment], title_link: Option<NodeId>) -> Option<String> {
    for seg in segments.iter_mut() {
        if seg.role != Role::Unknown || seg.in_time {
            continue;
        }
        let text = seg.text.as_str();
        // A badge may link to its tag page (`<a rel="tag">ANP</a>`).
        let tag = seg.link.is_some_and(|l| {
            page.attr(l, &local_name!("rel")).is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("tag"))
            })
        });
        if seg.link.is_some() && seg.link != title_link && !tag {
            continue;
        }
        // `Bron: ANP` names the badge `ANP`.
        let text = strip_source_prefix(text);
        if is_label_text(text) && !is_advert_word(text) && !is_reading_time(text) {
            // A badge printed in brackets (`[ANP]`) is the same badge.
            let bare = text.trim_matches(['[', ']', '(', ')']).trim().to_owned();
            seg.role = Role::Label;
            return Some(bare);
        }
    }
    None
}

/// `ANP` from `Bron: ANP` (`Source:`, `Quelle:`, `Via:`).
fn strip_source_prefix(text: &str) -> &str {
    const PREFIXES: [&str; 5] = ["bron", "bronnen", "source", "quelle", "via"];
    match text.split_once(':') {
        Some((head, rest)) if PREFIXES.iter().any(|p| head.trim().eq_ignore_ascii_case(p)) => {
            rest.trim()
        }
        _ => text,
    }
}

/// A reading time (`2 min leestijd`, `5 min read`) is no badge.
fn is_reading_time(text: &str) -> bool {
    const WORDS: [&str; 5] = [
        "leestijd",
        "leesduur",
        "min read",
        "minute read",
        "lesezeit",
    ];
    WORDS
        .iter()
        .any(|w| crate::text::contains_ignore_ascii_case(text, w))
}

/// The lead: the longest remaining visible text of a few words.
fn pick_lead(segments: &[Segment]) -> Option<usize> {
    segments
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            let text = s.text.as_str();
            s.role == Role::Unknown
                && !s.alt
                && !s.in_time
                && text.len() >= 20
                && text.split_whitespace().take(4).count() == 4
        })
        .max_by_key(|(_, s)| s.text.as_str().len())
        .map(|(i, _)| i)
}

/// Most bytes a heading-like text may have.
const HEADING_MAX: usize = 80;

/// Words above which a plain line of text (not a heading) heads no list.
const PLAIN_HEADING_WORDS: usize = 6;

/// Non-space bytes of link text that mark a story's title rather than a
/// menu entry (`Binnenland`) or a pager link.
const STORY_TITLE_TEXT: usize = 25;

/// How many nodes before a list the heading search looks at.
const HEADING_SEARCH: usize = 4096;

/// Whether a heading-like element is a box of buttons or titles one (a
/// cookie or consent banner): it or an element up to two levels up holds a
/// form control and no link.
fn in_dialog(page: &Page, id: NodeId) -> bool {
    const NODES_READ: usize = 64;
    page.ancestors(id).take(3).any(|a| {
        page.link_text_len(a) == 0
            && page.descendants(a).take(NODES_READ).any(|d| {
                matches!(
                    page.name(d),
                    Some(&local_name!("button") | &local_name!("input") | &local_name!("select"))
                )
            })
    })
}

/// Whether all of `id`'s text is one link to the site's home page.
fn links_home(page: &Page, id: NodeId) -> bool {
    let len = page.text_len(id);
    page.descendants(id)
        .take(16)
        .any(|a| page.text_len(a) == len && is_home_link(page, a))
}

/// Whether `a` is an `<a>` to the site's home page.
fn is_home_link(page: &Page, a: NodeId) -> bool {
    page.is(a, &local_name!("a"))
        && page.attr(a, &local_name!("href")).is_some_and(|h| {
            let h = h.trim();
            let path = match h.split_once("://") {
                Some((_, rest)) => rest.find('/').and_then(|i| rest.get(i..)).unwrap_or("/"),
                None => h,
            };
            matches!(path, "/" | "./" | "/index.html" | "/index.php")
        })
}

/// Whether the element before `id` (past `<br>`s and blank text) is the
/// site's logo: a heading or a link to the home page. A line under it is
/// the site's slogan.
fn after_logo(page: &Page, id: NodeId) -> bool {
    let mut at = id;
    for _ in 0..4 {
        let Some(prev) = page.prev_sibling(at) else {
            return false;
        };
        let blank = page
            .text(prev)
            .is_some_and(|t| t.chars().all(crate::text::is_space));
        if !(blank || page.is(prev, &local_name!("br"))) {
            return is_home_link(page, prev) || (is_heading(page, prev) && links_home(page, prev));
        }
        at = prev;
    }
    false
}

/// The nearest heading-like element before `first` (an `h1`–`h6`, or a short
/// block of text that holds no link), not before `floor`. Stops at a long
/// block of text: a heading does not sit behind a paragraph.
fn find_heading(page: &Page, first: NodeId, floor: NodeId) -> Option<String> {
    let mut n = first;
    let mut budget = HEADING_SEARCH;
    while n > floor && budget > 0 {
        n -= 1;
        budget -= 1;
        if page.hidden(n) || page.contains(n, first) || page.name(n).is_none() {
            continue;
        }
        let name = page.name(n)?;
        // A story title's link before the list belongs to another list (a
        // most-read column): the heading search does not reach past it.
        if *name == local_name!("a")
            && page.text_len(n) >= STORY_TITLE_TEXT
            && page.attr(n, &local_name!("href")).is_some()
            && !page.ancestors(n).take(4).any(|a| is_heading(page, a))
        {
            return None;
        }
        if *name == local_name!("th") && !sole_cell(page, n) {
            // A table's column header, not the list's heading (a `<th>`
            // alone in its row spans the table: a caption).
            continue;
        }
        // A menu's own heading ("Hoofdnavigatie") or the site's name linking
        // home (`<h1><a href="/">Site</a></h1>`) names no list of stories.
        if is_heading(page, n)
            && (links_home(page, n)
                || page.ancestors(n).skip(1).take(8).any(|a| {
                    page.is(a, &local_name!("nav"))
                        || page
                            .attr(a, &local_name!("role"))
                            .is_some_and(|r| r.trim().eq_ignore_ascii_case("navigation"))
                }))
        {
            continue;
        }
        let heading = is_heading(page, n);
        // A block holding no other block; a big subtree is not a heading.
        let leaf_block = crate::dom::is_block(name)
            && page.descendants(n).len() <= 64
            && !page
                .descendants(n)
                .any(|d| page.name(d).is_some_and(crate::dom::is_block));
        // `<font size=4><b>Economie</b></font>`: bold text standing alone.
        let bold_alone = matches!(*name, local_name!("b") | local_name!("strong"))
            && page
                .parent(n)
                .is_some_and(|p| page.text_len(p) == page.text_len(n));
        // `<span>Binnenland</span><br>`: inline text on a line of its own.
        let line_alone = is_inline_formatting(name) && own_line(page, n);
        if !(heading || leaf_block || bold_alone || line_alone) {
            continue;
        }
        let len = page.text_len(n);
        // (Tested late: it reads up to 192 nodes, the tests above none.)
        if len == 0 || in_dialog(page, n) {
            continue;
        }
        if len > HEADING_MAX * 2 {
            return None;
        }
        if page.link_text_len(n) > 0 && !heading {
            continue;
        }
        let text = page.text_of(n);
        if text.len() > HEADING_MAX || line_date(&text).is_some() || parse_time(&text).is_some() {
            continue;
        }
        // Plain text heads a list in a few words ("Meer uit Vlissingen");
        // a longer line is a tagline or a caption.
        if heading
            || (!text.ends_with('.')
                && text.split_whitespace().nth(PLAIN_HEADING_WORDS).is_none()
                && !after_logo(page, n))
        {
            return Some(text);
        }
    }
    None
}

/// Whether the `<th>` at `id` is the only cell of its row.
fn sole_cell(page: &Page, id: NodeId) -> bool {
    page.parent(id)
        .is_some_and(|row| page.element_children(row).take(2).count() == 1)
}

/// Whether the element at `id` stands on a line of its own: the siblings
/// next to it (past blank text) are `<br>`s, blocks or nothing.
fn own_line(page: &Page, id: NodeId) -> bool {
    // (In a block: a `<span>` alone in a link is a menu entry's text.)
    let Some(parent) = page
        .parent(id)
        .filter(|&p| page.name(p).is_some_and(crate::dom::is_block))
    else {
        return false;
    };
    let breaks = |n: NodeId| match page.name(n) {
        Some(name) => crate::dom::is_block(name),
        None => page
            .text(n)
            .is_some_and(|t| t.chars().all(crate::text::is_space)),
    };
    // The next siblings start where `id`'s subtree ends.
    let mut next = page.end(id);
    let mut after = false;
    for _ in 0..3 {
        if next >= page.len() || page.parent(next) != Some(parent) {
            after = true;
            break;
        }
        if !breaks(next) {
            break;
        }
        if page.name(next).is_some() {
            after = true;
            break;
        }
        next = page.end(next);
    }
    if !after {
        return false;
    }
    let mut at = id;
    for _ in 0..3 {
        let Some(prev) = page.prev_sibling(at) else {
            return true; // first child: the line starts with its block
        };
        if !breaks(prev) {
            return false;
        }
        if page.name(prev).is_some() {
            return true;
        }
        at = prev;
    }
    false
}

/// The date the page shows: a `<time datetime>` or a short text that is a
/// date, outside the list's items, the first in page order.
fn page_date(page: &Page, list_start: NodeId) -> Option<Date> {
    for n in 0..page.len() {
        if page.hidden(n) {
            continue;
        }
        if n >= list_start {
            break;
        }
        if page.is(n, &local_name!("time"))
            && let Some(date) = page
                .attr(n, &local_name!("datetime"))
                .and_then(calendar::parse_iso)
        {
            return Some(date);
        }
        if let Some(text) = page.text(n) {
            let text = crate::text::normalize(text);
            if (6..=48).contains(&text.len())
                && let Some(date) = line_date(&text)
            {
                return Some(date);
            }
        }
    }
    None
}

/// The date a dated line shows (`Bijgewerkt op maandag 3 november 2025`,
/// `Bijgewerkt: 3-11-2025 10:15`): the line's [`date_part`], or that part
/// after up to three leading words without digits.
fn line_date(text: &str) -> Option<Date> {
    let mut part = date_part(text);
    // Every date has a digit: a line without one is asked once.
    if let Some(date) = calendar::parse_date(part) {
        return Some(date);
    }
    if !part.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for _ in 0..3 {
        let (word, rest) = part.split_once(' ')?;
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        part = rest.trim_start();
        if let Some(date) = calendar::parse_date(part) {
            return Some(date);
        }
    }
    None
}

/// The date in a dated line: without a leading label (`Bijgewerkt:`) and a
/// trailing clock time (`10:15`, `om 10.15 uur`).
fn date_part(text: &str) -> &str {
    let mut text = text.trim();
    if let Some((label, rest)) = text.split_once(": ")
        && !label.chars().any(|c| c.is_ascii_digit())
        && label.split_whitespace().count() <= 3
    {
        text = rest.trim();
    }
    for _ in 0..3 {
        let Some((head, last)) = text.rsplit_once(' ') else {
            break;
        };
        let clock = last.len() <= 5
            && last.contains([':', '.'])
            && last
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.');
        let joiner = matches!(last, "om" | "at" | "uur" | "|" | "-" | "–" | "·");
        if !(clock || joiner) {
            break;
        }
        text = head.trim_end_matches([',', ' ']);
    }
    text
}

/// The page number and the next page's address: `rel="next"` or a
/// "Volgende" link for the next page; `aria-current` in the pager, the
/// page's own `?page=N` address, or the next page's number less one.
fn paging(page: &Page, meta: &PageMeta) -> (Option<u32>, Option<String>) {
    let mut next = None;
    let mut current = None;
    for n in 0..page.len() {
        let Some(name) = page.name(n) else { continue };
        if page.hidden(n) && *name != local_name!("link") {
            continue;
        }
        let is_link = matches!(*name, local_name!("a") | local_name!("link"));
        if next.is_none() && is_link {
            let rel_next = page.attr(n, &local_name!("rel")).is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("next"))
            });
            let worded = *name == local_name!("a") && page.text_len(n) <= 24 && {
                let mut text = page.text_of(n).to_lowercase();
                if !text.chars().any(char::is_alphanumeric) {
                    // An arrow (`›`) named by its `aria-label` or `title`.
                    if let Some(label) = page
                        .attr(n, &local_name!("aria-label"))
                        .or_else(|| page.attr(n, &local_name!("title")))
                    {
                        text = label.trim().to_lowercase();
                    }
                }
                let text = text.trim_matches(|c: char| !c.is_alphanumeric());
                // `volgende 20 »`: the next twenty stories.
                let text = text
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .trim_end();
                matches!(
                    text,
                    "volgende" | "volgende pagina" | "next" | "next page" | "weiter"
                ) || (matches!(
                    text,
                    "meer laden"
                        | "laad meer"
                        | "load more"
                        | "meer nieuws"
                        | "more news"
                        | "oudere berichten"
                        | "laad oudere berichten"
                        | "oudere posts"
                        | "oudere artikelen"
                        | "older posts"
                        | "older entries"
                ) && page
                    .attr(n, &local_name!("href"))
                    .and_then(|h| meta.resolve(h))
                    .is_some_and(|u| page_param(&u).is_some()))
            };
            if rel_next || worded {
                next = page
                    .attr(n, &local_name!("href"))
                    .and_then(|h| meta.resolve(h));
            }
        }
        if current.is_none()
            && page
                .attr(n, &local_name!("aria-current"))
                .is_some_and(|v| v.eq_ignore_ascii_case("page"))
        {
            current = page.text_of(n).trim().parse::<u32>().ok();
        }
    }
    let own = meta
        .canonical
        .as_deref()
        .or(meta.og_url.as_deref())
        .and_then(page_param);
    let number = current
        .or(own)
        .or_else(|| {
            next.as_deref()
                .and_then(page_param)
                .and_then(|p| p.checked_sub(1))
        })
        .filter(|&p| p > 0);
    (number, next)
}

/// `N` from `?page=N`, `&p=N` or `/page/N` in an address.
fn page_param(url: &str) -> Option<u32> {
    let parsed = url::Url::parse(url).ok()?;
    for (key, value) in parsed.query_pairs() {
        if matches!(key.as_ref(), "page" | "p" | "pagina" | "pg")
            && let Ok(n) = value.parse()
        {
            return Some(n);
        }
    }
    let mut segments = parsed.path_segments()?;
    while let Some(seg) = segments.next() {
        if matches!(seg, "page" | "pagina") {
            return segments.next()?.parse().ok();
        }
    }
    None
}

/// What an item's age or clock counts back from.
///
/// ```
/// use newswire::Anchor;
/// use time::macros::{date, datetime};
/// let now = Anchor::Now(datetime!(2025-11-03 18:00 UTC));
/// let day = Anchor::Date(date!(2025 - 11 - 03));
/// # let _ = (now, day);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Anchor {
    /// The moment the page was fetched (the caller's clock).
    Now(OffsetDateTime),
    /// Only the day the page shows ([`Listing::date`]); the moment within
    /// that day is unknown, so every window widens by a day. Clock times
    /// on such a day are taken as UTC.
    Date(Date),
}

impl Anchor {
    /// The earliest and latest moment the anchor can stand for.
    fn span(self) -> (OffsetDateTime, OffsetDateTime) {
        match self {
            Self::Now(now) => (now, now),
            Self::Date(day) => {
                let start = day.with_time(Time::MIDNIGHT).assume_utc();
                (start, start.saturating_add(Duration::DAY))
            }
        }
    }
}

impl Listing {
    /// The anchor for this listing's times: `now` when the caller has it,
    /// else the page's own [`date`](Listing::date).
    ///
    /// ```
    /// let listing = newswire::parse_listing(
    ///     "<p>3 november 2025</p><ul><li><a href='https://a.nl/1'>Eerste bericht hier</a></li>\
    ///      <li><a href='https://a.nl/2'>Tweede bericht hier</a></li></ul>").unwrap();
    /// assert!(matches!(listing.anchor(None), Some(newswire::Anchor::Date(_))));
    /// ```
    pub fn anchor(&self, now: Option<OffsetDateTime>) -> Option<Anchor> {
        now.map(Anchor::Now).or(self.date.map(Anchor::Date))
    }

    /// Every item's window ([`ListingItem::window`]) against
    /// [`Listing::anchor`], in item order.
    ///
    /// ```
    /// let listing = newswire::parse_listing("<ul><li><a href='https://a.nl/1'>Eerste bericht</a></li>\
    ///      <li><a href='https://a.nl/2'>Tweede bericht</a></li></ul>").unwrap();
    /// assert_eq!(listing.windows(None), vec![None, None]);
    /// ```
    pub fn windows(
        &self,
        now: Option<OffsetDateTime>,
    ) -> Vec<Option<(OffsetDateTime, OffsetDateTime)>> {
        let anchor = self.anchor(now);
        self.items
            .iter()
            .map(|item| anchor.and_then(|a| item.window(a)))
            .collect()
    }
}

impl ListingItem {
    /// When the story appeared, as a window `[earliest, latest]`, counted
    /// back from `anchor`; `None` when the item shows no age or clock.
    ///
    /// An age names a whole unit (`4 minuten geleden` is at least four and
    /// less than five minutes ago); a clock names a minute of the anchor's
    /// day, or of the day before for `Gisteren`. With [`Anchor::Date`] the
    /// window spans the whole day's worth of possible "now"s, one day wider.
    ///
    /// ```
    /// use newswire::Anchor;
    /// use time::macros::{date, datetime};
    /// let listing = newswire::parse_listing(
    ///     "<ul><li><a href='https://a.nl/1'>Eerste bericht</a> <span>4 minuten geleden</span></li>\
    ///      <li><a href='https://a.nl/2'>Tweede bericht</a> <span>Gisteren 23:03</span></li></ul>",
    /// ).unwrap();
    /// let (age, clock) = (&listing.items[0], &listing.items[1]);
    /// let now = datetime!(2025-11-03 18:00 +1);
    /// assert_eq!(
    ///     age.window(Anchor::Now(now)),
    ///     Some((datetime!(2025-11-03 17:55 +1), datetime!(2025-11-03 17:56 +1))),
    /// );
    /// assert_eq!(
    ///     clock.window(Anchor::Now(now)),
    ///     Some((datetime!(2025-11-02 23:03 +1), datetime!(2025-11-02 23:03:59 +1))),
    /// );
    /// // Only the page's date: "now" is anywhere in that day (UTC).
    /// assert_eq!(
    ///     age.window(Anchor::Date(date!(2025 - 11 - 03))),
    ///     Some((datetime!(2025-11-02 23:55 UTC), datetime!(2025-11-03 23:56 UTC))),
    /// );
    /// ```
    pub fn window(&self, anchor: Anchor) -> Option<(OffsetDateTime, OffsetDateTime)> {
        let (early, late) = anchor.span();
        if let Some(age) = self.age {
            let (from, _) = age.window(early);
            let (_, to) = age.window(late);
            return Some((from, to));
        }
        let clock = self.clock?;
        match anchor {
            Anchor::Now(now) => {
                let mut start = clock.resolve(now.date(), now.offset())?;
                // A clock later than "now" on the same day was yesterday's.
                if start > now && clock.days_ago == 0 {
                    start = start.checked_sub(Duration::DAY)?;
                }
                Some((start, start.saturating_add(Duration::seconds(59))))
            }
            Anchor::Date(day) => {
                let start = clock.resolve(day, time::UtcOffset::UTC)?;
                Some((start, start.saturating_add(Duration::seconds(59))))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn related_of(html: &str) -> Option<Listing> {
        let page = Page::parse(html, 0, &[]);
        let meta = PageMeta::new(&page, None);
        let article = (0..page.len())
            .find(|&n| page.is(n, &local_name!("article")))
            .unwrap();
        related(&page, &meta, article)
    }

    #[test]
    fn related_takes_the_list_after_the_article_only() {
        let ticker = "<aside><h2>Net binnen</h2><ul>\
            <li><time>18:02</time> <a href='https://a.nl/t1'>Ticker bericht nummer een</a></li>\
            <li><time>18:01</time> <a href='https://a.nl/t2'>Ticker bericht nummer twee</a></li></ul></aside>";
        let article = "<article><h1>Kop</h1><p>GOES - Tekst van het artikel zelf.</p></article>";
        let list = "<div><b>Meer uit Buitenland</b></div><div>\
            <div><a href='https://a.nl/1'>Eerste verhaal uit het buitenland</a><p>1 uur geleden</p></div>\
            <div><a href='https://a.nl/2'>Tweede verhaal uit het buitenland</a><p>2 uur geleden</p></div></div>";
        assert_eq!(related_of(&format!("{ticker}{article}")), None);
        let found = related_of(&format!("{ticker}{article}{list}")).unwrap();
        assert_eq!(found.heading.as_deref(), Some("Meer uit Buitenland"));
        assert_eq!(found.section.as_deref(), Some("Buitenland"));
        assert_eq!(found.items.len(), 2);
        assert_eq!(
            (found.date, found.page, found.next_page),
            (None, None, None)
        );
    }

    #[test]
    fn sections_from_headings() {
        assert_eq!(section_of("Meer uit Buitenland"), "Buitenland");
        assert_eq!(section_of("meer over  Sport"), "Sport");
        assert_eq!(section_of("Politiek"), "Politiek");
        assert_eq!(section_of("Meer uit "), "Meer uit ");
    }

    #[test]
    fn dated_lines() {
        assert_eq!(date_part("Bijgewerkt: 3-11-2025 10:15"), "3-11-2025");
        assert_eq!(date_part("3 november 2025 om 10.15 uur"), "3 november 2025");
        assert_eq!(
            date_part("maandag 3 november 2025"),
            "maandag 3 november 2025"
        );
        assert_eq!(date_part("Politiek"), "Politiek");
        let day = Date::from_calendar_date(2025, time::Month::November, 3).ok();
        assert_eq!(line_date("Bijgewerkt op maandag 3 november 2025"), day);
        assert_eq!(line_date("Laatst bijgewerkt op 3-11-2025 10:15"), day);
        assert_eq!(line_date("Bijgewerkt: 3-11-2025"), day);
        assert_eq!(line_date("Het nieuws van 3 tot 9 november"), None);
        assert_eq!(line_date("Politiek"), None);
    }

    #[test]
    fn worded_pager_links() {
        let next = |html: &str| {
            let page = Page::parse(html, 0, &[]);
            let base = url::Url::parse("https://a.nl/nieuws?page=12").unwrap();
            let meta = PageMeta::new(&page, Some(&base));
            paging(&page, &meta).1
        };
        assert_eq!(
            next(
                "<p><a href='?page=11'>« vorige 20</a> | <a href='?page=13'>volgende 20 »</a></p>"
            )
            .as_deref(),
            Some("https://a.nl/nieuws?page=13")
        );
        assert_eq!(
            next("<div><a href='?page=13'>Laad oudere berichten</a></div>").as_deref(),
            Some("https://a.nl/nieuws?page=13")
        );
        assert_eq!(next("<div><a href='/sport'>Meer nieuws</a></div>"), None);
    }

    #[test]
    fn a_slogan_under_the_logo_heads_no_list() {
        let list = "<ul><li><a href='https://a.nl/1'>Eerste bericht van vandaag</a></li>\
            <li><a href='https://a.nl/2'>Tweede bericht van vandaag</a></li></ul>";
        let heading = |top: &str| {
            crate::parse_listing(&format!("{top}{list}"))
                .unwrap()
                .heading
        };
        let logo =
            "<div><h1><a href='/'>Site</a></h1><p>Het nieuws van Zeeland, elke dag</p></div>";
        assert_eq!(heading(logo), None);
        let img =
            "<div><a href='/'><img src='l.png' alt='Site'></a><br><span>Zeeuws nieuws</span></div>";
        assert_eq!(heading(img), None);
        assert_eq!(
            heading(&format!("{logo}<p>Politiek</p>")).as_deref(),
            Some("Politiek")
        );
    }

    #[test]
    fn a_time_closing_the_lead_is_the_age() {
        let dl = "<dl><dt><a href='https://a.nl/1'>Eerste bericht van vandaag</a></dt>\
            <dd>GOES - De lead van het eerste bericht staat hier in een zin. <em>1 uur geleden</em></dd>\
            <dt><a href='https://a.nl/2'>Tweede bericht van vandaag</a></dt>\
            <dd>De lead van het tweede bericht, <em>met nadruk</em> in de zin.</dd></dl>";
        let listing = crate::parse_listing(dl).unwrap();
        let first = &listing.items[0];
        assert_eq!(
            first.lead.as_deref(),
            Some("De lead van het eerste bericht staat hier in een zin.")
        );
        assert!(first.age.is_some());
        assert_eq!(
            listing.items[1].lead.as_deref(),
            Some("De lead van het tweede bericht, met nadruk in de zin.")
        );
        // A meta line is not a lead: badge and time still split.
        let meta = "<div><div><a href='https://a.nl/1'>Eerste bericht van vandaag</a>\
            <div><span>ANP</span> · <span>1 uur geleden</span></div></div>\
            <div><a href='https://a.nl/2'>Tweede bericht van vandaag</a>\
            <div><span>ANP</span> · <span>2 uur geleden</span></div></div></div>";
        let listing = crate::parse_listing(meta).unwrap();
        assert_eq!(listing.items[0].label.as_deref(), Some("ANP"));
        assert!(listing.items[0].age.is_some());
    }

    #[test]
    fn advert_words_in_any_case() {
        for text in [
            "ADVERTENTIE",
            "Gesponsord door Bank",
            "- Anzeige -",
            "Promoted",
            "advertorial",
        ] {
            assert!(is_advert_word(text), "{text:?}");
        }
        for text in [
            "",
            "ANP",
            "3 minuten geleden",
            "Sport",
            "adverteren",
            "sponsor",
        ] {
            assert!(!is_advert_word(text), "{text:?}");
        }
    }

    #[test]
    fn separators_found_by_bytes() {
        for sep in TIME_SEPARATORS {
            for text in [
                format!("a{sep}b"),
                format!("{sep}"),
                format!("ANP {sep}"),
                format!("{sep} 1 uur"),
            ] {
                assert!(has_separator(&text), "{text:?}");
            }
        }
        for text in ["", "a", "Ajax’s “kans”", "ab-cd", "1 uur geleden"] {
            assert!(!has_separator(text), "{text:?}");
        }
    }

    #[test]
    fn source_badges() {
        assert_eq!(strip_source_prefix("Bron: ANP"), "ANP");
        assert_eq!(strip_source_prefix("ANP"), "ANP");
        assert_eq!(strip_source_prefix("Update: nieuw"), "Update: nieuw");
        assert!(is_reading_time("2 min leestijd"));
        assert!(!is_reading_time("ANP"));
    }

    #[test]
    fn page_numbers_from_addresses() {
        assert_eq!(page_param("https://a.nl/x?page=14"), Some(14));
        assert_eq!(page_param("https://a.nl/x/pagina/2"), Some(2));
        assert_eq!(page_param("https://a.nl/x"), None);
    }
}
