//! html5ever's tree builder writing into one flat arena.
//!
//! [`Options::parse_article`](crate::Options::parse_article) and
//! `parse_listing` need no `RcDom`: every node of one would be its own `Rc`
//! allocation with its own vector of children, built, indexed and freed
//! again. [`Arena`] keeps the nodes in one vector, linked by index (parent,
//! first and last child, both siblings), so that building costs a push per
//! node and dropping frees one vector (and what the nodes own). The tree it builds is the
//! one `RcDom` builds from the same tree-builder calls: its methods follow
//! `markup5ever_rcdom`'s, text merging and the index `append_before_sibling`
//! inserts at included. Tests hold the two to the same index on tricky
//! markup, and to the same output on every fixture, corpus and real page;
//! the `doors_agree` fuzz target on arbitrary input.
//!
//! Elements keep only the attributes the index keeps
//! ([`keeps_attribute`]).
//!
//! Nothing here can panic: a handle that names no node (html5ever never
//! passes one) makes a method do nothing.

use std::borrow::Cow;
use std::cell::RefCell;
use std::num::NonZeroU32;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, ExpandedName, LocalName, Namespace, QualName, local_name, ns};

use crate::dom::keeps_attribute;
use crate::spare;

/// Index of a node in the arena. Never zero (slot 0 holds nothing), so an
/// `Option<Slot>` link takes four bytes: a node with its six links and its
/// data fits in 64.
pub(crate) type Slot = NonZeroU32;

/// The document's slot.
pub(crate) const DOCUMENT: Slot = NonZeroU32::MIN;

/// What a node is; only what the extractors read is kept. The index
/// ([`Page`](crate::dom::Page)) takes it over as it is.
#[derive(Debug, Default, PartialEq)]
pub(crate) enum Data {
    /// The document, a template's contents, a doctype, a comment or a
    /// processing instruction: nodes the extractors never read.
    #[default]
    Other,
    /// An element: its local name (the namespace stays with its handle)
    /// and the attributes the extractors read ([`keeps_attribute`]).
    Element {
        name: LocalName,
        attrs: Vec<Attribute>,
    },
    /// A text node.
    Text(StrTendril),
}

/// One node and its links.
#[derive(Debug, Default)]
pub(crate) struct Node {
    pub(crate) data: Data,
    parent: Option<Slot>,
    pub(crate) first_child: Option<Slot>,
    last_child: Option<Slot>,
    prev_sibling: Option<Slot>,
    pub(crate) next_sibling: Option<Slot>,
    /// A `<template>`'s contents: a node of its own, never a child.
    template: Option<Slot>,
    /// An `annotation-xml` that is an HTML integration point.
    integration_point: bool,
}

/// The nodes of one document; slot [`DOCUMENT`] is the document.
#[derive(Debug)]
pub(crate) struct Arena {
    pub(crate) nodes: Vec<Node>,
}

/// A node as html5ever holds it: its slot, and an element's name so that
/// [`TreeSink::elem_name`] can lend it out without borrowing the arena
/// (html5ever clones handles often: two atoms, no prefix).
#[derive(Debug, Clone)]
pub(crate) struct Handle {
    slot: Slot,
    ns: Namespace,
    local: LocalName,
}

thread_local! {
    /// The arena's buffer between parses ([`crate::spare`]).
    pub(crate) static SPARE_NODES: RefCell<Vec<Node>> = const { RefCell::new(Vec::new()) };
}

/// The tree sink: the arena behind a `RefCell`, since html5ever calls the
/// sink through `&self`. Every method borrows it once and calls nothing
/// that borrows it again.
pub(crate) struct Sink {
    arena: RefCell<Arena>,
}

impl Sink {
    pub(crate) fn new(capacity: usize) -> Self {
        let mut nodes = spare::take(&SPARE_NODES, capacity.max(2));
        // Slot 0 (unused), then the document.
        nodes.push(Node::default());
        nodes.push(Node::default());
        Self {
            arena: RefCell::new(Arena { nodes }),
        }
    }

    /// The handle of a node that is no element.
    fn handle(slot: Slot) -> Handle {
        Handle {
            slot,
            ns: ns!(),
            local: local_name!(""),
        }
    }

    /// Adds a detached node.
    fn create(&self, data: Data) -> Slot {
        self.arena.borrow_mut().push(data)
    }
}

impl Arena {
    fn push(&mut self, data: Data) -> Slot {
        let slot = u32::try_from(self.nodes.len())
            .ok()
            .and_then(Slot::new)
            .unwrap_or(Slot::MAX);
        // (Every field spelled out: `..Node::default()` built a default
        // node and dropped its data, a call per node.)
        self.nodes.push(Node {
            data,
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            template: None,
            integration_point: false,
        });
        slot
    }

    pub(crate) fn node(&self, slot: Slot) -> Option<&Node> {
        self.nodes.get(usize::try_from(slot.get()).ok()?)
    }

    pub(crate) fn node_mut(&mut self, slot: Slot) -> Option<&mut Node> {
        self.nodes.get_mut(usize::try_from(slot.get()).ok()?)
    }

    /// Unlinks `child` from its parent, if it has one.
    fn detach(&mut self, child: Slot) {
        let Some(node) = self.node_mut(child) else {
            return;
        };
        let (parent, prev, next) = (node.parent, node.prev_sibling, node.next_sibling);
        node.parent = None;
        node.prev_sibling = None;
        node.next_sibling = None;
        let Some(parent) = parent else { return };
        match prev.and_then(|p| self.node_mut(p)) {
            Some(prev) => prev.next_sibling = next,
            None => {
                if let Some(parent) = self.node_mut(parent) {
                    parent.first_child = next;
                }
            }
        }
        match next.and_then(|n| self.node_mut(n)) {
            Some(next) => next.prev_sibling = prev,
            None => {
                if let Some(parent) = self.node_mut(parent) {
                    parent.last_child = prev;
                }
            }
        }
    }

    /// Moves `child` to the end of `parent`'s children.
    fn append(&mut self, parent: Slot, child: Slot) {
        self.detach(child);
        let Some(last) = self.node(parent).map(|p| p.last_child) else {
            return;
        };
        self.link(parent, last, child, None);
    }

    /// Links the detached `child` into `parent` between `prev` and `next`.
    fn link(&mut self, parent: Slot, prev: Option<Slot>, child: Slot, next: Option<Slot>) {
        let Some(node) = self.node_mut(child) else {
            return;
        };
        node.parent = Some(parent);
        node.prev_sibling = prev;
        node.next_sibling = next;
        match prev.and_then(|p| self.node_mut(p)) {
            Some(prev) => prev.next_sibling = Some(child),
            None => {
                if let Some(parent) = self.node_mut(parent) {
                    parent.first_child = Some(child);
                }
            }
        }
        match next.and_then(|n| self.node_mut(n)) {
            Some(next) => next.prev_sibling = Some(child),
            None => {
                if let Some(parent) = self.node_mut(parent) {
                    parent.last_child = Some(child);
                }
            }
        }
    }

    /// Appends `text` to `slot` when it is a text node.
    fn merge_text(&mut self, slot: Option<Slot>, text: &StrTendril) -> bool {
        match slot.and_then(|s| self.node_mut(s)) {
            Some(Node {
                data: Data::Text(existing),
                ..
            }) => {
                existing.push_slice(text);
                true
            }
            _ => false,
        }
    }

    /// The children of `parent`, first to last (at most as many as there
    /// are nodes, whatever the links say).
    fn children(&self, parent: Slot) -> impl Iterator<Item = Slot> + '_ {
        let first = self.node(parent).and_then(|p| p.first_child);
        std::iter::successors(first, |&c| self.node(c).and_then(|n| n.next_sibling))
            .take(self.nodes.len())
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Arena;
    type ElemName<'a>
        = ExpandedName<'a>
    where
        Self: 'a;

    fn finish(self) -> Arena {
        self.arena.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Self::handle(DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        ExpandedName {
            ns: &target.ns,
            local: &target.local,
        }
    }

    fn create_element(
        &self,
        name: QualName,
        mut attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> Handle {
        attrs.retain(keeps_attribute);
        if attrs.is_empty() {
            // Most elements: their buffer goes now, not with the index.
            attrs = Vec::new();
        }
        let mut arena = self.arena.borrow_mut();
        let template = flags.template.then(|| arena.push(Data::Other));
        let slot = arena.push(Data::Element {
            name: name.local.clone(),
            attrs,
        });
        if let Some(node) = arena.node_mut(slot) {
            node.template = template;
            node.integration_point = flags.mathml_annotation_xml_integration_point;
        }
        Handle {
            slot,
            ns: name.ns,
            local: name.local,
        }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Self::handle(self.create(Data::Other))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Self::handle(self.create(Data::Other))
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut arena = self.arena.borrow_mut();
        let child = match child {
            NodeOrText::AppendNode(node) => node.slot,
            NodeOrText::AppendText(text) => {
                let last = arena.node(parent.slot).and_then(|p| p.last_child);
                if arena.merge_text(last, &text) {
                    return;
                }
                arena.push(Data::Text(text))
            }
        };
        arena.append(parent.slot, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = {
            let arena = self.arena.borrow();
            arena.node(element.slot).is_some_and(|n| n.parent.is_some())
        };
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut arena = self.arena.borrow_mut();
        let doctype = arena.push(Data::Other);
        arena.append(DOCUMENT, doctype);
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        let arena = self.arena.borrow();
        let contents = arena.node(target.slot).and_then(|n| n.template);
        Self::handle(contents.unwrap_or(target.slot))
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.slot == y.slot
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    /// As `RcDom`: the new node goes at the index the sibling had before
    /// the new node left its old place (the same place unless it left an
    /// earlier spot among the same siblings).
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let mut arena = self.arena.borrow_mut();
        let Some(parent) = arena.node(sibling.slot).and_then(|n| n.parent) else {
            return;
        };
        let Some(index) = arena.children(parent).position(|c| c == sibling.slot) else {
            return;
        };
        let child = match new_node {
            NodeOrText::AppendText(text) => {
                let prev = arena.node(sibling.slot).and_then(|n| n.prev_sibling);
                if index > 0 && arena.merge_text(prev, &text) {
                    return;
                }
                arena.push(Data::Text(text))
            }
            NodeOrText::AppendNode(node) => node.slot,
        };
        arena.detach(child);
        let next = arena.children(parent).nth(index);
        let prev = match next {
            Some(next) => arena.node(next).and_then(|n| n.prev_sibling),
            None => arena.node(parent).and_then(|p| p.last_child),
        };
        arena.link(parent, prev, child, next);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut arena = self.arena.borrow_mut();
        let Some(Node {
            data: Data::Element {
                attrs: existing, ..
            },
            ..
        }) = arena.node_mut(target.slot)
        else {
            return;
        };
        // Compared with the attributes there before, as `RcDom` does (those
        // it would compare with and the index drops have names the index
        // drops too).
        let before = existing.len();
        for attr in attrs.into_iter().filter(keeps_attribute) {
            let present = existing.get(..before).unwrap_or_default();
            if !present.iter().any(|e| e.name == attr.name) {
                existing.push(attr);
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.arena.borrow_mut().detach(target.slot);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        if node.slot == new_parent.slot {
            // Nothing moves (and the loop below would never end).
            return;
        }
        let mut arena = self.arena.borrow_mut();
        // Each step moves one child away; the bound holds whatever the
        // links say.
        for _ in 0..arena.nodes.len() {
            let Some(child) = arena.node(node.slot).and_then(|n| n.first_child) else {
                break;
            };
            arena.detach(child);
            arena.append(new_parent.slot, child);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        let arena = self.arena.borrow();
        arena.node(handle.slot).is_some_and(|n| n.integration_point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(sink: &Sink, name: LocalName) -> Handle {
        let name = QualName::new(None, ns!(html), name);
        sink.create_element(name, Vec::new(), ElementFlags::default())
    }

    #[test]
    fn odd_calls_neither_loop_nor_change_the_tree() {
        let sink = Sink::new(0);
        let doc = sink.get_document();
        let (div, p) = (
            element(&sink, local_name!("div")),
            element(&sink, local_name!("p")),
        );
        sink.append(&doc, NodeOrText::AppendNode(div.clone()));
        sink.append(&div, NodeOrText::AppendNode(p.clone()));
        // Into itself, before a node without a parent, contents of a
        // non-template: no loop, no panic, no change.
        sink.reparent_children(&div, &div);
        sink.append_before_sibling(&doc, NodeOrText::AppendText("x".into()));
        assert_eq!(sink.get_template_contents(&div).slot, div.slot);
        let arena = sink.finish();
        let first = |slot| arena.node(slot).and_then(|n| n.first_child);
        assert_eq!(first(DOCUMENT), Some(div.slot));
        assert_eq!(first(div.slot), Some(p.slot));
        assert_eq!(first(p.slot), None);
    }

    #[test]
    fn a_node_fits_in_64_bytes() {
        assert!(
            std::mem::size_of::<Node>() <= 64,
            "{}",
            std::mem::size_of::<Node>()
        );
    }
}
