//! Differential: `parse_article` / `parse_listing` (the crate's arena sink)
//! and `Article::from_dom` / `Listing::from_dom` (html5ever's `RcDom`) must
//! give the same result for every input the limits accept.
#![no_main]

use html5ever::tendril::TendrilSink;
use libfuzzer_sys::fuzz_target;
use newswire::markup5ever_rcdom::RcDom;
use newswire::{Article, Limits, Listing};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if Limits::default().check(&html).is_err() {
        return;
    }
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(&*html);
    assert_eq!(newswire::parse_article(&html), Article::from_dom(&dom));
    assert_eq!(newswire::parse_listing(&html), Listing::from_dom(&dom));
});
