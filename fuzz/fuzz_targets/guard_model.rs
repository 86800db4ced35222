//! Differential check of the guard's model: whatever passes tight limits
//! must build a tree html5ever keeps within a small multiple of them (a
//! model that under-counts would let hostile pages through).
#![no_main]

use html5ever::tendril::TendrilSink;
use libfuzzer_sys::fuzz_target;
use markup5ever_rcdom::{NodeData, RcDom};
use newswire::{Limits, Options};

const DEPTH: usize = 24;
const ELEMENTS: usize = 600;

fuzz_target!(|data: &[u8]| {
    let text = Options::decode(data);
    let limits = Limits::new()
        .max_depth(DEPTH)
        .max_elements(ELEMENTS)
        .max_open_formatting(8);
    if limits.check(&text).is_err() {
        return;
    }
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(&*text);
    let (mut max_depth, mut elements) = (0, 0);
    let mut stack = vec![(dom.document.clone(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if matches!(
            node.data,
            NodeData::Element { .. } | NodeData::Comment { .. }
        ) {
            elements += 1;
        }
        max_depth = max_depth.max(depth);
        for child in node.children.borrow().iter() {
            stack.push((child.clone(), depth + 1));
        }
    }
    assert!(max_depth <= 2 * DEPTH + 4, "depth {max_depth}");
    assert!(elements <= 4 * ELEMENTS, "elements {elements}");
});
