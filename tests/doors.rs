//! The two doors give one answer: `parse_article` / `parse_listing` build
//! their tree with the crate's own arena sink, `from_dom` reads the
//! `RcDom` a caller built. Every page must extract the same from both.
//! (Markup that makes the tree builder move nodes is held to the same
//! index node by node in `dom`'s unit tests.)

use html5ever::tendril::TendrilSink;
use newswire::markup5ever_rcdom::RcDom;
use newswire::{Article, Listing};

use crate::common::{fixtures_dir, html_pages, shared_dir};

fn rcdom(html: &str) -> RcDom {
    html5ever::parse_document(RcDom::default(), html5ever::ParseOpts::default()).one(html)
}

/// Both doors on one input; `what` names it in a failure.
fn agree(what: &str, html: &str) {
    let dom = rcdom(html);
    assert_eq!(
        newswire::parse_article(html),
        Article::from_dom(&dom),
        "article doors differ on {what}"
    );
    assert_eq!(
        newswire::parse_listing(html),
        Listing::from_dom(&dom),
        "listing doors differ on {what}"
    );
}

#[test]
fn fixtures_extract_the_same_through_both_doors() {
    for path in html_pages(&fixtures_dir()) {
        let bytes = std::fs::read(&path).unwrap();
        agree(
            &path.display().to_string(),
            &newswire::Options::decode(&bytes),
        );
    }
}

#[test]
fn corpus_and_real_pages_extract_the_same_through_both_doors() {
    let Some(shared) = shared_dir("the doors test on corpus and real pages") else {
        return;
    };
    let mut pages = 0;
    for dir in ["corpus", "real"] {
        for path in crate::real::html_files(&shared.join(dir)) {
            let bytes = crate::real::read_page(&path);
            let html = newswire::Options::decode(&bytes);
            agree(&path.display().to_string(), &html);
            pages += 1;
        }
    }
    println!("both doors agree on {pages} corpus and real pages");
    assert!(pages > 100);
}
