//! Lists of stories: category pages, home-page blocks, and the "Meer uit …"
//! list under an article. (Finder: to be written.)

use serde::{Deserialize, Serialize};
use time::Date;

use crate::dom::{NodeId, Page};
use crate::meta::PageMeta;
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
    let _ = (page, meta);
    Err(Error::NoListing)
}

/// Finds the list of other stories that follows the article rooted at
/// `article` ("Meer uit Buitenland"), if the page has one.
pub(crate) fn related(page: &Page, meta: &PageMeta, article: NodeId) -> Option<Listing> {
    let _ = (page, meta, article);
    None
}
