//! Article pages: title, dateline, body, related list, metadata. (Extractor: to be written.)

use serde::{Deserialize, Serialize};

use crate::dom::Page;
use crate::meta::PageMeta;
use crate::{Dateline, Error, Listing};

/// A news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// The headline.
    pub title: String,
    /// The dateline split off the first paragraph.
    pub dateline: Option<Dateline>,
    /// The article's own text in reading order.
    pub body: Vec<Block>,
    /// The canonical address.
    pub url: Option<String>,
    /// The list of other stories under the article.
    pub related: Option<Listing>,
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
    let _ = (page, meta);
    Err(Error::NoHeadline)
}
