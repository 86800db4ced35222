//! Finding the article's body container and reading its blocks.
//!
//! Two passes over the flat index, both iterative:
//!
//! 1. [`Signals::new`] sweeps the page once bottom-up (interactive controls
//!    and story links per subtree) and once top-down (the text each block
//!    element holds itself, outside its child blocks, skipping boilerplate).
//! 2. [`container`] scores the parents and grandparents of text-bearing
//!    blocks by their text (readability's idea), discounted by link density
//!    and by lying before the headline; [`blocks`] then reads the winner in
//!    document order, skipping boilerplate subtrees.
//!
//! Every signal is generic: element names, `role`, `hidden`/`aria-*`,
//! link density, text length, position. No class or id is read.

use html5ever::{LocalName, local_name};

use crate::dom::{NodeId, Page, USUAL_DEPTH};
use crate::text::Folder;

use super::{Block, BlockKind};

/// Per-node counts the heuristics need, computed in two linear passes.
pub(crate) struct Signals {
    /// Roots of widgets: the element around a form control (`button`,
    /// `input`, `select`, `textarea`) and the little text that labels it.
    widget: Vec<bool>,
    /// Story links in the subtree: a link wrapping a heading or block, or
    /// the whole of a heading (a teaser's title).
    story_links: Vec<u32>,
    /// Non-space text bytes whose nearest block ancestor is this element.
    own_text: Vec<u32>,
    /// The part of `own_text` inside links.
    own_link: Vec<u32>,
    /// Visible text bytes in document order before each node (prefix sums),
    /// so the text between two nodes is one subtraction.
    text_before: Vec<usize>,
    /// The same for text outside links (prose; menus are link text).
    prose_before: Vec<usize>,
    /// The headline's element: what holds it is never a widget.
    headline: Option<NodeId>,
}

/// Text a block must own to count as a paragraph when scoring containers.
const MIN_PARAGRAPH: u32 = 25;

impl Signals {
    pub(crate) fn new(page: &Page, headline: Option<NodeId>) -> Self {
        let n = page.len();
        let mut signals = Self {
            headline,
            widget: vec![false; n],
            text_before: Vec::with_capacity(n + 1),
            prose_before: Vec::with_capacity(n + 1),
            story_links: vec![0; n],
            own_text: vec![0; n],
            own_link: vec![0; n],
        };
        let (mut sum, mut prose) = (0, 0);
        let mut links: Vec<NodeId> = Vec::with_capacity(USUAL_DEPTH);
        for id in 0..n {
            while links.last().is_some_and(|&end| end <= id) {
                links.pop();
            }
            signals.text_before.push(sum);
            signals.prose_before.push(prose);
            if page.is_text(id) {
                sum += page.text_len(id);
                if links.is_empty() {
                    prose += page.text_len(id);
                }
            } else if page.is(id, &local_name!("a")) {
                links.push(page.end(id));
            }
        }
        signals.text_before.push(sum);
        signals.prose_before.push(prose);
        signals.count_bottom_up(page);
        signals.count_own_text(page);
        signals
    }

    fn count_bottom_up(&mut self, page: &Page) {
        // Widget roots per subtree, to tell a thread of comments.
        let mut widgets = vec![0u32; page.len()];
        for id in (1..page.len()).rev() {
            let Some(name) = page.name(id) else { continue };
            let mut stories = get(&self.story_links, id);
            if *name == local_name!("a") && (is_story_link(page, id) || self.is_line_link(page, id))
            {
                stories += 1;
            }
            if is_control(name) || is_role_button(page, id) {
                self.mark_widget(page, id);
            }
            // Every widget under `id` is marked by now (roots are ancestors
            // of their controls, visited later in this reverse walk).
            if self.widget.get(id).copied().unwrap_or(false) {
                add(&mut widgets, id, 1);
            } else if self.is_comment_thread(page, &widgets, id) {
                set_flag(&mut self.widget, id);
            }
            if let Some(parent) = page.parent(id) {
                let here = get(&widgets, id);
                add(&mut widgets, parent, here);
            }
            // A "read also" box in an `<aside>` (or a menu) does not make
            // the section around it a teaser.
            let boxed = matches!(
                *name,
                local_name!("aside") | local_name!("nav") | local_name!("footer")
            );
            if let Some(parent) = page.parent(id).filter(|_| !boxed) {
                add(&mut self.story_links, parent, stories);
            }
            set(&mut self.story_links, id, stories);
        }
    }

    /// A thread of reader comments: two or more siblings of one name that
    /// each open with a short line (a name, an age), hold text, and carry
    /// buttons (reply, like), together most of `id`'s text. A story's
    /// paragraphs carry no buttons each.
    fn is_comment_thread(&self, page: &Page, widgets: &[u32], id: NodeId) -> bool {
        const MAX_HEAD: usize = 100;
        if self.headline.is_some_and(|h| page.contains(id, h)) {
            return false;
        }
        let is_comment = |c: NodeId| {
            let mut kids = page.element_children(c);
            get(widgets, c) > 0
                && get(&self.story_links, c) == 0
                && kids
                    .next()
                    .is_some_and(|head| (1..=MAX_HEAD).contains(&page.text_len(head)))
                && kids.next().is_some()
                && page.text_len(c) > MAX_HEAD
        };
        let (mut count, mut text, mut first) = (0, 0, None);
        for c in page.element_children(id).filter(|&c| is_comment(c)) {
            let name = page.name(c);
            if first.is_none() {
                first = name;
            } else if first != name {
                continue;
            }
            count += 1;
            text += page.text_len(c);
        }
        count >= 2 && text * 2 >= page.text_len(id)
    }

    /// Climbs from a form control while each step adds little text (a
    /// label, a one-line pitch): the newsletter box or cookie wall ends
    /// where the next step would take in a paragraph of prose, or an
    /// element that holds running text itself (`<br>`-separated paragraphs
    /// of a short article). Never
    /// climbs into what holds the headline, nor past `<article>`/`<main>`.
    fn mark_widget(&mut self, page: &Page, control: NodeId) {
        const MAX_ADDED_TEXT: usize = 200;
        let mut root = control;
        for ancestor in page.ancestors(control).skip(1).take(32) {
            let stop = page.name(ancestor).is_none_or(|n| {
                matches!(
                    *n,
                    local_name!("html")
                        | local_name!("body")
                        | local_name!("main")
                        | local_name!("article")
                )
            }) || self.headline.is_some_and(|h| page.contains(ancestor, h))
                || (page.text_len(ancestor) > page.text_len(root) + MAX_ADDED_TEXT
                    && !is_choice_bar(page, ancestor))
                || holds_running_text(page, ancestor);
            if stop {
                break;
            }
            root = ancestor;
        }
        if let Some(slot) = self.widget.get_mut(root) {
            *slot = true;
        }
    }

    fn count_own_text(&mut self, page: &Page) {
        // (end, is_link) of the open blocks and links; the owner of a text
        // node is the innermost open block.
        let mut blocks: Vec<(NodeId, NodeId)> = Vec::with_capacity(USUAL_DEPTH);
        let mut links: Vec<NodeId> = Vec::with_capacity(USUAL_DEPTH);
        let mut id = 0;
        while id < page.len() {
            while blocks.last().is_some_and(|&(_, end)| end <= id) {
                blocks.pop();
            }
            while links.last().is_some_and(|&end| end <= id) {
                links.pop();
            }
            if page.hidden(id) || self.is_boilerplate(page, id, None) {
                id = page.end(id).max(id + 1);
                continue;
            }
            if let Some(name) = page.name(id) {
                if is_block(name) {
                    blocks.push((id, page.end(id)));
                } else if *name == local_name!("a") {
                    links.push(page.end(id));
                }
            } else if let (true, Some(&(owner, _))) = (page.is_text(id), blocks.last()) {
                // The index already counted the node's visible bytes.
                let len = u32::try_from(page.text_len(id)).unwrap_or(u32::MAX);
                add(&mut self.own_text, owner, len);
                if !links.is_empty() {
                    add(&mut self.own_link, owner, len);
                }
            }
            id += 1;
        }
    }

    /// A link that is a whole line opening its block: nothing before it in
    /// a block parent, and a `<br>`, a block or the parent's end after it
    /// (`<li><a>Titel</a><p>Lead</p></li>`, `<td><a>Titel</a><br>Lead</td>`),
    /// short elements (an age, a badge) allowed between: a teaser's title
    /// even without a heading. A link inside running text
    /// (`<p><a>Naam</a> zei …</p>`) has text after it on its line.
    fn is_line_link(&self, page: &Page, a: NodeId) -> bool {
        const LOOK_AHEAD: usize = 8;
        const MAX_LINE_EXTRA: usize = 32;
        const LIST_TITLE: usize = 25;
        let Some(mut parent) = page.parent(a) else {
            return false;
        };
        // Inline wrappers around the whole link (`<div><span><a>Titel</a>
        // </span></div>`) stand for it on its line.
        let mut a = a;
        for _ in 0..3 {
            if page.name(parent).is_some_and(is_block) || page.text_len(parent) != page.text_len(a)
            {
                break;
            }
            let Some(up) = page.parent(parent) else { break };
            (a, parent) = (parent, up);
        }
        if page.text_len(a) < 10
            || !page.name(parent).is_some_and(is_block)
            || self.between(parent, a) > 0
        {
            return false;
        }
        // A list item opened by a title-long link, the rest of its text in
        // elements, is a teaser (`<li><a>Titel</a> <span>Lead …</span></li>`);
        // a bullet point of prose has running text of its own.
        if page.is(parent, &local_name!("li"))
            && page.text_len(a) >= LIST_TITLE
            && !holds_running_text(page, parent)
        {
            return true;
        }
        let end = page.end(parent);
        let mut next = page.end(a);
        for _ in 0..LOOK_AHEAD {
            if next >= end {
                return true;
            }
            match page.name(next) {
                Some(n) if *n == local_name!("br") || is_block(n) => return true,
                // A short element on the title's line: its age or badge
                // (`<a>Titel</a> <time>4 minuten geleden</time><p>…`).
                // (Not another link: a run of links is a menu or tag line.)
                Some(_)
                    if page.text_len(next) <= MAX_LINE_EXTRA && page.link_text_len(next) == 0 =>
                {
                    next = page.end(next).max(next + 1);
                }
                _ if page.text_len(next) > 0 => return false,
                _ => next = page.end(next).max(next + 1),
            }
        }
        false
    }

    /// Visible text bytes from `from` up to (not including) `to`.
    fn between(&self, from: NodeId, to: NodeId) -> usize {
        let at = |i: NodeId| self.text_before.get(i).copied().unwrap_or(0);
        at(to).saturating_sub(at(from))
    }

    /// Visible text bytes outside links from `from` up to `to`.
    fn prose_between(&self, from: NodeId, to: NodeId) -> usize {
        let at = |i: NodeId| self.prose_before.get(i).copied().unwrap_or(0);
        at(to).saturating_sub(at(from))
    }

    /// Whether `id` roots a subtree that is never article text. `container`
    /// is the body container once chosen (it is never boilerplate itself).
    fn is_boilerplate(&self, page: &Page, id: NodeId, container: Option<NodeId>) -> bool {
        let Some(name) = page.name(id) else {
            return false;
        };
        if Some(id) == container {
            return false;
        }
        if matches!(
            *name,
            local_name!("nav")
                | local_name!("aside")
                | local_name!("footer")
                | local_name!("dialog")
                | local_name!("figure")
                | local_name!("figcaption")
                | local_name!("button")
                | local_name!("select")
                | local_name!("textarea")
                | local_name!("input")
                | local_name!("label")
                | local_name!("menu")
                | local_name!("object")
                | local_name!("video")
                | local_name!("audio")
                | local_name!("canvas")
                | local_name!("img")
                | local_name!("picture")
                | local_name!("address")
        ) {
            return true;
        }
        if let Some(role) = page.attr(id, &local_name!("role")) {
            let role = role.trim().to_ascii_lowercase();
            if matches!(
                role.as_str(),
                "dialog"
                    | "alertdialog"
                    | "button"
                    | "navigation"
                    | "complementary"
                    | "banner"
                    | "contentinfo"
                    | "menu"
                    | "menubar"
                    | "toolbar"
                    | "search"
                    | "tablist"
                    | "alert"
                    | "form"
                    | "figure"
            ) {
                return true;
            }
        }
        if page
            .attr(id, &local_name!("aria-modal"))
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        {
            return true;
        }
        self.widget.get(id).copied().unwrap_or(false)
    }
}

/// An element with `role="button"` (a link or `<div>` acting as one).
fn is_role_button(page: &Page, id: NodeId) -> bool {
    page.attr(id, &local_name!("role"))
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("button"))
}

/// A notice offering a choice: two or more buttons side by side with one
/// text (`<div><span>Wij gebruiken cookies …</span><a role=button>Akkoord</a>
/// <a role=button>Instellingen</a></div>`), whatever the text's length.
fn is_choice_bar(page: &Page, id: NodeId) -> bool {
    const MAX_NOTICE: usize = 1_500;
    page.text_len(id) <= MAX_NOTICE
        && page
            .element_children(id)
            .filter(|&c| page.name(c).is_some_and(is_control) || is_role_button(page, c))
            .nth(1)
            .is_some()
}

/// Whether `id` has a text child with words (not only white space).
fn holds_running_text(page: &Page, id: NodeId) -> bool {
    page.children(id).any(|c| page.is_visible_text(c))
}

fn set_flag(v: &mut [bool], id: NodeId) {
    if let Some(slot) = v.get_mut(id) {
        *slot = true;
    }
}

fn get(v: &[u32], id: NodeId) -> u32 {
    v.get(id).copied().unwrap_or(0)
}
fn set(v: &mut [u32], id: NodeId, value: u32) {
    if let Some(slot) = v.get_mut(id) {
        *slot = value;
    }
}
fn add(v: &mut [u32], id: NodeId, value: u32) {
    if let Some(slot) = v.get_mut(id) {
        *slot = slot.saturating_add(value);
    }
}

fn is_control(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("button")
            | local_name!("input")
            | local_name!("select")
            | local_name!("textarea")
    )
}

fn is_heading_name(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

/// A link that is a story's title: it wraps a heading or a block, or it is
/// the whole text of a heading. Inline links in running text are not.
fn is_story_link(page: &Page, a: NodeId) -> bool {
    let len = page.text_len(a);
    if len < 10 {
        return false;
    }
    if page.descendants(a).take(64).any(|d| {
        page.name(d).is_some_and(|n| {
            is_heading_name(n) || *n == local_name!("p") || *n == local_name!("div")
        })
    }) {
        return true;
    }
    page.parent(a)
        .is_some_and(|p| page.name(p).is_some_and(is_heading_name) && page.text_len(p) <= len + 4)
}

/// Elements whose content starts on a new line (a paragraph boundary).
fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("li")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("figure")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("hr")
            | local_name!("center")
            | local_name!("fieldset")
            | local_name!("form")
            | local_name!("body")
            | local_name!("html")
    )
}

/// A list of stories: two or more children that each hold a story link.
fn is_story_list(page: &Page, signals: &Signals, id: NodeId) -> bool {
    if get(&signals.story_links, id) < 2 {
        return false;
    }
    // The stories must be most of the element, so a body with two inline
    // "read also" teasers is not taken for a list.
    // A table's story may take two rows, the title's and the lead's
    // (`<tr><td>age</td><td><a>Titel</a></td></tr><tr><td></td><td>Lead`),
    // a definition list's a `<dt>` and a `<dd>`.
    let (mut count, mut text, mut after_story) = (0, 0, false);
    for child in page.element_children(id) {
        if get(&signals.story_links, child) > 0 {
            count += 1;
            text += page.text_len(child);
            after_story = page.is(child, &local_name!("tr")) || page.is(child, &local_name!("dt"));
        } else if after_story
            && (page.is(child, &local_name!("tr")) || page.is(child, &local_name!("dd")))
        {
            text += page.text_len(child);
            after_story = false;
        } else {
            after_story = false;
        }
    }
    count >= 2 && text * 5 >= page.text_len(id) * 3
}

/// Text above which a block is more than one story's teaser.
const MAX_TEASER: usize = 1_000;

/// One story's teaser: a small block holding one story link and at most
/// one paragraph of prose (its lead), and not the headline. (A short
/// article's `<article>` is as small, but has paragraphs.)
fn is_teaser_item(page: &Page, signals: &Signals, id: NodeId) -> bool {
    const NODES_READ: usize = 256;
    get(&signals.story_links, id) == 1
        && page.text_len(id) < MAX_TEASER
        && signals.headline.is_none_or(|h| !page.contains(id, h))
        && std::iter::once(id)
            .chain(page.descendants(id))
            .take(NODES_READ)
            .filter(|&d| {
                let own = get(&signals.own_text, d);
                own >= MIN_PARAGRAPH && get(&signals.own_link, d) * 2 <= own
            })
            .nth(1)
            .is_none()
}

/// A list of teasers: two or more teaser children (a title, a lead, an
/// age) make up most of its text.
fn is_teaser_list(page: &Page, signals: &Signals, id: NodeId) -> bool {
    if get(&signals.story_links, id) < 2 {
        return false;
    }
    let (mut count, mut text) = (0, 0);
    for child in page.element_children(id) {
        if is_teaser_item(page, signals, child) {
            count += 1;
            text += page.text_len(child);
        } else if is_lead_row(page, signals, child) {
            text += page.text_len(child);
        }
    }
    count >= 2 && text * 5 >= page.text_len(id) * 3
}

/// A link-less `<dd>` or `<tr>` right after a teaser (`<dt>` title, `<dd>`
/// lead, `<dd>` age; a title row, then a lead row): the story's lead, set
/// as a sibling of its title. Looks back at most a few rows.
fn is_lead_row(page: &Page, signals: &Signals, id: NodeId) -> bool {
    let follower = |n: NodeId| {
        matches!(page.name(n), Some(&local_name!("dd") | &local_name!("tr")))
            && get(&signals.story_links, n) == 0
    };
    if !follower(id) {
        return false;
    }
    let mut at = id;
    for _ in 0..4 {
        let Some(before) = page.prev_element_sibling(at) else {
            return false;
        };
        if is_teaser_item(page, signals, before) {
            return true;
        }
        if !follower(before) {
            return false;
        }
        at = before;
    }
    false
}

/// Whether `block` lies, up to four levels down, inside one teaser of a
/// list of teasers; the answer per list kept in `lists` so a wide list is
/// judged once. (A page wrapper that holds lists as well as the article is
/// no teaser list for the article's paragraphs: they are in no teaser.)
fn in_story_list(page: &Page, signals: &Signals, lists: &mut [u8], block: NodeId) -> bool {
    let mut below = block;
    for ancestor in page.ancestors(block).skip(1).take(4) {
        let Some(slot) = lists.get_mut(ancestor) else {
            continue;
        };
        if *slot == 0 {
            *slot = if is_teaser_list(page, signals, ancestor) {
                1
            } else {
                2
            };
        }
        if *slot == 1 && (is_teaser_item(page, signals, below) || is_lead_row(page, signals, below))
        {
            return true;
        }
        below = ancestor;
    }
    false
}

/// One story's teaser outside a list wrapper (a "read also" box, or
/// related teasers set straight after the body's paragraphs): a small block
/// holding a story link, with its lead and age. What holds the headline is
/// not one (a blog's `<h1><a>` is a story link too).
fn is_teaser(page: &Page, signals: &Signals, id: NodeId, headline: Option<NodeId>) -> bool {
    get(&signals.story_links, id) > 0
        && page.name(id).is_some_and(is_block)
        && page.text_len(id) < 1_000
        && headline.is_none_or(|h| !page.contains(id, h))
        && !prose_before_story(page, signals, id)
}

/// Whether a paragraph of prose comes before the first story link in `id`:
/// a section of the story with a "read also" teaser after its paragraph,
/// not a teaser (whose title comes first, after at most a kicker or age).
fn prose_before_story(page: &Page, signals: &Signals, id: NodeId) -> bool {
    const KICKER: usize = 150;
    const NODES_READ: usize = 256;
    page.descendants(id)
        .take(NODES_READ)
        .find(|&d| get(&signals.story_links, d) > 0 && page.is(d, &local_name!("a")))
        .is_some_and(|a| signals.prose_between(id, a) > KICKER)
}

/// A figure without `<figure>`: a block whose own child is an image (or a
/// link around one) beside a short caption (`<div><img><div>Foto: …</div></div>`).
fn is_captioned_image(page: &Page, id: NodeId) -> bool {
    const MAX_CAPTION: usize = 250;
    // Embedded video is captioned the same way (`<iframe>` + "Video: …").
    let is_image = |n: NodeId| {
        matches!(
            page.name(n),
            Some(
                &local_name!("img")
                    | &local_name!("picture")
                    | &local_name!("iframe")
                    | &local_name!("video")
                    | &local_name!("embed")
            )
        )
    };
    page.text_len(id) <= MAX_CAPTION
        && page.name(id).is_some_and(is_block)
        && page.element_children(id).any(|c| {
            is_image(c) || (page.is(c, &local_name!("a")) && page.element_children(c).any(is_image))
        })
}

/// Whether `block` lies, up to six levels down, in an `<li>` (or an
/// `<article>`) beside another of paragraph length, the item not holding
/// the headline (answers per list kept in `items`).
fn in_list_item(page: &Page, items: &mut [u8], block: NodeId, headline: Option<NodeId>) -> bool {
    page.ancestors(block)
        .take(7)
        .filter(|&a| page.is(a, &local_name!("li")) || page.is(a, &local_name!("article")))
        .take_while(|&a| headline.is_none_or(|h| !page.contains(a, h)))
        .any(|li| {
            let (Some(list), Some(item)) = (page.parent(li), page.name(li)) else {
                return false;
            };
            let Some(slot) = items.get_mut(list) else {
                return false;
            };
            if *slot == 0 {
                let long = page
                    .element_children(list)
                    .filter(|&c| page.is(c, item) && page.text_len(c) >= MIN_PARAGRAPH as usize)
                    .take(2)
                    .count();
                *slot = if long >= 2 { 1 } else { 2 };
            }
            *slot == 1
        })
}

/// A post embedded from a social network: a `<blockquote>` followed by the
/// network's `<script>`, or one that ends in a link (the post's date or
/// author, `— Brandweer (@brandweer) <a>3 november 2025</a>`). A quotation
/// in the story's own words names no link.
fn is_embed(page: &Page, id: NodeId) -> bool {
    const LOOK: usize = 8;
    if !page.is(id, &local_name!("blockquote")) {
        return false;
    }
    let end = page.end(id);
    let script_after = (end..page.len())
        .take(LOOK)
        .find(|&n| page.text(n).is_none() || page.text_len(n) > 0)
        .is_some_and(|n| page.is(n, &local_name!("script")));
    script_after
        || (id + 1..end)
            .rev()
            .take(LOOK * 4)
            .find(|&n| page.is_visible_text(n))
            .is_some_and(|n| {
                page.ancestors(n)
                    .take_while(|&a| a != id)
                    .any(|a| page.is(a, &local_name!("a")))
            })
}

/// Prose bytes between the headline and a container beyond which the
/// container is discounted.
const FAR_BELOW: f64 = 1_500.0;

/// Picks the element that holds the article's paragraphs. `headline` is the
/// headline's element, when shown: the body follows it.
#[allow(clippy::cast_precision_loss)] // text lengths far below 2^52
pub(crate) fn container(
    page: &Page,
    signals: &Signals,
    headline: Option<NodeId>,
) -> Option<NodeId> {
    let mut score = vec![0f64; page.len()];
    // Per node: 0 not asked yet, 1 a story list, 2 not one.
    let mut lists = vec![0u8; page.len()];
    // Per list element: 0 not asked yet, 1 several items with text, 2 not.
    let mut items = vec![0u8; page.len()];
    for block in 1..page.len() {
        let own = get(&signals.own_text, block);
        if own < MIN_PARAGRAPH || page.name(block).is_some_and(is_heading_name) {
            continue;
        }
        let link = get(&signals.own_link, block);
        if link * 2 > own {
            continue;
        }
        // A teaser's lead is not article prose: a list of teasers under a
        // short article holds more text than the article itself.
        if in_story_list(page, signals, &mut lists, block) {
            continue;
        }
        let mut value = f64::from(own - link);
        // Text in one of several list items is a thread of comments (or a
        // list of teasers), not the story, which is never set as list
        // items: it counts for a quarter.
        if in_list_item(page, &mut items, block, headline) {
            value *= 0.25;
        }
        for (level, ancestor) in page.ancestors(block).skip(1).take(3).enumerate() {
            if let Some(slot) = score.get_mut(ancestor) {
                *slot += value / (level as f64 + 1.0);
            }
        }
    }
    let weigh = |id: NodeId| {
        let base = score.get(id).copied().unwrap_or(0.0) * (1.0 - page.link_density(id));
        match headline {
            // Content wholly before the headline is a teaser or a menu.
            Some(h) if page.end(id) <= h => base * 0.2,
            // Content far below the headline, past much prose, is comments
            // or another story (macrumors: the comments outweigh the story).
            Some(h) if id > h => {
                let gap = signals.prose_between(page.end(h), id) as f64;
                if gap > FAR_BELOW {
                    base * FAR_BELOW / gap
                } else {
                    base
                }
            }
            _ => base,
        }
    };
    let mut best = (1..page.len())
        .filter(|&id| page.name(id).is_some())
        .max_by(|&a, &b| weigh(a).total_cmp(&weigh(b)))?;
    if weigh(best) <= 0.0 {
        return None;
    }
    // A wrapper around one paragraph (`<section><div><p>…</p></div>
    // <div><p>…</p></div></section>`, one long paragraph outscoring its
    // section) is no body: its parent is, when that scores half as well.
    for _ in 0..2 {
        let mut texts = page
            .element_children(best)
            .filter(|&c| page.text_len(c) > 0);
        let single_p = match (texts.next(), texts.next()) {
            (Some(c), None) => page.is(c, &local_name!("p")),
            _ => false,
        };
        match page.parent(best) {
            Some(up) if single_p && up != Page::ROOT && weigh(up) >= 0.5 * weigh(best) => best = up,
            _ => break,
        }
    }
    // Paragraphs split over sibling sections (or columns between ads, as
    // nytimes.com sets them) score each section; a common ancestor up to
    // three levels up holds the article when it scores nearly as well.
    loop {
        let threshold = 0.75 * weigh(best);
        let higher = page
            .ancestors(best)
            .skip(1)
            .take(3)
            .take_while(|&a| a != Page::ROOT)
            .filter(|&a| weigh(a) >= threshold)
            .last();
        match higher {
            Some(a) => best = a,
            None => break,
        }
    }
    Some(best)
}

/// One paragraph being gathered from inline content.
#[derive(Default)]
struct Run {
    folder: Folder,
    /// All text so far inside `b`/`strong`.
    all_bold: bool,
    text_bytes: usize,
    link_bytes: usize,
    after_br: bool,
    /// The last text node read into the run.
    last: NodeId,
}

impl Run {
    fn new() -> Self {
        Self {
            all_bold: true,
            ..Self::default()
        }
    }
}

/// What the walk keeps track of as it enters and leaves elements.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Block,
    Bold,
    Link,
}

/// Short fully-bold lines are subheadings (`<b>Kruispunt</b><br><br>`,
/// `<p><strong>Tussenkop</strong></p>`).
const MAX_BOLD_HEADING: usize = 90;

/// Lines that label boilerplate rather than say something.
const LABELS: [&str; 17] = [
    "advertentie",
    "adv.",
    "advertorial",
    "gesponsorde inhoud",
    "advertisement",
    "anzeige",
    "publicité",
    "reclame",
    "gesponsord",
    "sponsored",
    "lees ook",
    "lees ook:",
    "lees meer",
    "bekijk ook",
    "deel dit artikel",
    "share this article",
    "read more",
];

/// Where reading starts. A little text before a headline inside the
/// container is a kicker or breadcrumb; much text means the headline sits
/// below its article (or was mistaken), so then everything is read.
fn start(page: &Page, signals: &Signals, container: NodeId, headline: Option<NodeId>) -> NodeId {
    match headline {
        Some(h) if page.contains(container, h) => {
            let before = signals.between(container, h);
            if before <= 200 || before * 10 <= page.text_len(container) {
                page.end(h)
            } else {
                container + 1
            }
        }
        _ => container + 1,
    }
}

/// Whether the subtree at `id` (inside the container) is left out whole.
fn skips(
    page: &Page,
    signals: &Signals,
    id: NodeId,
    container: NodeId,
    headline: Option<NodeId>,
) -> bool {
    signals.is_boilerplate(page, id, Some(container))
        || is_story_list(page, signals, id)
        || is_teaser(page, signals, id, headline)
        || is_captioned_image(page, id)
        || is_embed(page, id)
        || (page.name(id).is_some_and(is_block)
            && id != container
            && page.link_density(id) > 0.5
            && !is_linked_paragraph(page, signals, id))
}

/// A `<p>` of running text with many inline links (no story link in it):
/// read, and judged as prose or navigation when its text is folded.
fn is_linked_paragraph(page: &Page, signals: &Signals, id: NodeId) -> bool {
    const MIN_PROSE: usize = 100;
    page.is(id, &local_name!("p"))
        && get(&signals.story_links, id) == 0
        && page.text_len(id) >= MIN_PROSE
        && signals.prose_between(id, page.end(id)) * 5 >= page.text_len(id)
}

/// Reads the container's blocks in order. `headline` and `title` keep the
/// headline (and a second copy of it) out of the body. Also returns the
/// last text node read into a block: what follows it (a list of stories
/// inside the container) is no longer the article.
pub(crate) fn blocks(
    page: &Page,
    signals: &Signals,
    container: NodeId,
    headline: Option<NodeId>,
    title: &str,
) -> (Vec<Block>, NodeId) {
    let mut out: Vec<Block> = Vec::new();
    // Per block, the last node read into it.
    let mut ends: Vec<NodeId> = Vec::new();
    // How many blocks were read when a list of stories was last skipped.
    let mut after_list: Option<usize> = None;
    let mut open: Vec<(NodeId, Open)> = Vec::with_capacity(USUAL_DEPTH);
    let (mut bold, mut link) = (0usize, 0usize);
    let mut run = Run::new();
    let end = page.end(container);
    let mut id = start(page, signals, container, headline);
    while id < end {
        while let Some(&(close, kind)) = open.last() {
            if close > id {
                break;
            }
            open.pop();
            match kind {
                Open::Block => flush(&mut run, &mut out, &mut ends, title),
                Open::Bold => bold = bold.saturating_sub(1),
                Open::Link => link = link.saturating_sub(1),
            }
        }
        if page.hidden(id) || Some(id) == headline {
            id = page.end(id).max(id + 1);
            continue;
        }
        let Some(name) = page.name(id) else {
            if let Some(text) = page.text(id) {
                let len = page.text_len(id);
                if len > 0 {
                    run.text_bytes += len;
                    if bold == 0 {
                        run.all_bold = false;
                    }
                    if link > 0 {
                        run.link_bytes += len;
                    }
                    run.after_br = false;
                    run.last = id;
                }
                run.folder.push(text);
            }
            id += 1;
            continue;
        };
        if skips(page, signals, id, container, headline) {
            // A heading that introduced a skipped list ("Meer uit
            // Buitenland") goes with it; a subheading before a newsletter
            // box, an advert or a figure stays.
            if run.text_bytes == 0
                && out.last().is_some_and(is_label_line)
                && introduces_list(page, signals, id, headline)
            {
                out.pop();
                ends.truncate(out.len());
            }
            if introduces_list(page, signals, id, headline) {
                after_list = Some(out.len());
            }
            id = page.end(id).max(id + 1);
            continue;
        }
        if is_heading_name(name) || is_role_heading(page, id) {
            flush(&mut run, &mut out, &mut ends, title);
            if *name != local_name!("h1") && page.link_density(id) <= 0.5 {
                push(&mut out, BlockKind::Heading, page.text_of(id), title);
                if out.len() > ends.len() {
                    ends.push(id);
                }
            }
            id = page.end(id).max(id + 1);
            continue;
        }
        match *name {
            local_name!("br") => {
                // Two `<br>`s end a paragraph; one ends a bold subheading's
                // line (`<b>Ophef</b><br>Tekst …`).
                if run.text_bytes > 0 && (run.after_br || is_heading_run(&run)) {
                    flush(&mut run, &mut out, &mut ends, title);
                } else {
                    run.folder.boundary();
                    run.after_br = true;
                }
            }
            local_name!("b") | local_name!("strong") => {
                bold += 1;
                open.push((page.end(id), Open::Bold));
            }
            local_name!("a") => {
                link += 1;
                open.push((page.end(id), Open::Link));
            }
            local_name!("img") | local_name!("hr") => flush(&mut run, &mut out, &mut ends, title),
            ref other if is_block(other) => {
                flush(&mut run, &mut out, &mut ends, title);
                open.push((page.end(id), Open::Block));
            }
            _ => {}
        }
        id += 1;
    }
    flush(&mut run, &mut out, &mut ends, title);
    finish(out, &ends, after_list, container)
}

/// Drops what trails the article (a footer after its story list, headings
/// with nothing under them) and finds the last node read into a block.
fn finish(
    mut out: Vec<Block>,
    ends: &[NodeId],
    after_list: Option<usize>,
    container: NodeId,
) -> (Vec<Block>, NodeId) {
    // Nothing but short lines after a skipped list of stories: the page's
    // footer ("© Site"), not the article.
    if let Some(mark) = after_list.filter(|&m| m > 0)
        && out
            .get(mark..)
            .is_some_and(|rest| rest.iter().all(is_label_line) || is_closing_section(rest))
    {
        out.truncate(mark);
    }
    // A copyright line closing the page is the page's footer.
    while out.len() > 1 && out.last().is_some_and(is_notice_line) {
        out.pop();
    }
    // A heading with nothing under it closed a section of boilerplate.
    while out.last().is_some_and(|b| b.kind == BlockKind::Heading) {
        out.pop();
    }
    let last = ends
        .get(out.len().wrapping_sub(1))
        .copied()
        .unwrap_or(container);
    (out, last)
}

/// A heading with one short line under it after the story list ("Reageer",
/// "Reageren is bij dit artikel niet mogelijk."): the page's comment
/// box or a notice, not a section of the story.
fn is_closing_section(rest: &[Block]) -> bool {
    const MAX_LINE: usize = 120;
    matches!(rest, [head, line] if head.kind == BlockKind::Heading
        && line.kind == BlockKind::Paragraph
        && line.text.len() <= MAX_LINE)
}

/// A copyright notice (`© ZeelandNet`, `Copyright 2025 Site`, or the
/// two sentences of a print version's "© 2025 Site. Alle rechten …").
fn is_notice_line(block: &Block) -> bool {
    const MAX_NOTICE: usize = 200;
    let text = block.text.trim_start();
    block.text.len() <= MAX_NOTICE
        && (text.starts_with('©')
            || text.starts_with("(c)")
            || text.starts_with("(C)")
            || text
                .get(..9)
                .is_some_and(|t| t.eq_ignore_ascii_case("copyright")))
}

/// A subheading, or a short line that is no sentence: the heading of a list
/// ("Meer uit Vlissingen" in a `<div>`) or a footer line.
fn is_label_line(block: &Block) -> bool {
    const MAX_LABEL: usize = 60;
    block.kind == BlockKind::Heading
        || (!block.text.ends_with([
            '.', '!', '?', '"', '”', '\'', '’', '»', ':', ')', '。', '！', '？',
        ]) && crate::text::has_at_most_chars(&block.text, MAX_LABEL))
}

/// Whether a skipped subtree is a list of stories or links (what a
/// heading before it introduces), not a widget, advert or figure.
fn introduces_list(page: &Page, signals: &Signals, id: NodeId, headline: Option<NodeId>) -> bool {
    is_story_list(page, signals, id)
        || is_teaser(page, signals, id, headline)
        || page.link_density(id) > 0.5
}

fn is_role_heading(page: &Page, id: NodeId) -> bool {
    page.attr(id, &local_name!("role"))
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("heading"))
}

/// A run that would be read as a subheading: short and all bold.
fn is_heading_run(run: &Run) -> bool {
    run.all_bold && run.text_bytes <= MAX_BOLD_HEADING
}

fn flush(run: &mut Run, out: &mut Vec<Block>, ends: &mut Vec<NodeId>, title: &str) {
    let done = std::mem::replace(run, Run::new());
    let before = out.len();
    let end = done.last;
    if done.text_bytes == 0 {
        return;
    }
    let all_bold = done.all_bold;
    let text = done.folder.finish();
    // Mostly-linked lines are navigation ("Lees ook: …"); a long paragraph
    // of sentences with many inline links (a blog's) is still prose.
    if done.link_bytes * 2 > done.text_bytes && !is_linked_prose(&text) {
        return;
    }
    let kind = if all_bold
        && crate::text::has_at_most_chars(&text, MAX_BOLD_HEADING)
        && !text.ends_with(['.', ',', ';', ':'])
    {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    push(out, kind, text, title);
    if out.len() > before {
        ends.push(end);
    }
}

/// Running text however many of its words are links: long, two or more
/// sentences, ending in a full stop.
fn is_linked_prose(text: &str) -> bool {
    const MIN_PROSE: usize = 120;
    text.len() >= MIN_PROSE
        && text.ends_with(['.', '!', '?', '"', '”'])
        && sentence_breaks(text) >= 1
}

/// Sentence ends inside `text`: a full stop, `!` or `?` (perhaps closing a
/// quotation) followed by a space and a capital or an opening quote.
fn sentence_breaks(text: &str) -> usize {
    let mut breaks = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        while chars
            .next_if(|&q| matches!(q, '"' | '”' | '\'' | '’'))
            .is_some()
        {}
        if chars.next_if(|&s| s == ' ').is_some()
            && chars
                .peek()
                .is_some_and(|&n| n.is_uppercase() || matches!(n, '"' | '„' | '“' | '\''))
        {
            breaks += 1;
        }
    }
    breaks
}

/// The line that bridges an advert set inside the body ("Lees verder na de
/// advertentie", "Het artikel gaat verder onder de advertentie").
/// Longest "continues below" line, in bytes.
const CONTINUE_LINE_MAX: usize = 60;

fn is_continue_line(lower: &str) -> bool {
    const OPENERS: [&str; 6] = [
        "lees verder na ",
        "lees verder onder ",
        "verder lezen na ",
        "het artikel gaat verder ",
        "article continues ",
        "story continues ",
    ];
    lower.len() <= CONTINUE_LINE_MAX && OPENERS.iter().any(|o| lower.starts_with(o))
}

fn push(out: &mut Vec<Block>, kind: BlockKind, text: String, title: &str) {
    if text.is_empty() || text == title {
        return;
    }
    // Labels and continue lines are short: a paragraph is never lower-cased
    // (lower-casing shrinks a text at most threefold, `\u{212a}` to `k`).
    let short = text.len() <= CONTINUE_LINE_MAX
        || (text.len() <= 3 * CONTINUE_LINE_MAX && !crate::text::is_ascii(&text));
    if short {
        let lower = text.to_lowercase();
        if LABELS.contains(&lower.as_str()) || is_continue_line(&lower) {
            return;
        }
    }
    out.push(Block { kind, text });
}
