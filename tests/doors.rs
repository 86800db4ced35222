//! The two doors give one answer: `parse_article` / `parse_listing` build
//! their tree with the crate's own arena sink, `from_dom` reads the
//! `RcDom` a caller built. Every page must extract the same from both, so
//! the arena must build the tree `RcDom` builds, misnested markup included.

use html5ever::tendril::TendrilSink;
use newswire::markup5ever_rcdom::RcDom;
use newswire::{Article, Listing};

use crate::common::{fixtures_dir, shared_dir};

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

/// Markup that makes the tree builder move nodes: foster parenting out of
/// tables, the adoption agency, reparenting, templates, foreign content,
/// text merged across moves.
const TRICKY: [&str; 12] = [
    "<table><tr><td>a</td></tr>stray <b>text</b><p>GOES - Een alinea in een tabel die wegloopt.</p></table>",
    "<h1>Kop</h1><p><b>een <i>twee</p>drie</b> vier</i><p>GOES - Tekst die over de grenzen loopt.</p>",
    "<a href='/x'><p>GOES - Een link om een alinea</a> en verder.</p><h1>Kop</h1>",
    "<h1>Kop</h1><table>x<b>y</b>z<tr>w</table><p>GOES - Na de tabel volgt gewone tekst.</p>",
    "<template><p>verborgen</p></template><h1>Kop</h1><p>GOES - Zichtbare tekst in het artikel.</p>",
    "<h1>Kop</h1><svg><title>t</title><foreignObject><p>GOES - In svg.</p></foreignObject></svg>",
    "<b><b><b><b><p>GOES - Formatting weer opgebouwd</b> per alinea.</p><p>Tweede.</p>",
    "<h1>Kop</h1><select><option selected>a<selectedcontent></selectedcontent></select><p>GOES - Na.</p>",
    "<ul><li><a href=/1>Een</a> <span>1 uur geleden</span><li><a href=/2>Twee</a> <span>2 uur geleden</span></ul>",
    "<table><a href=/1>Een</a><tr><td><a href=/2>Twee</a> 3 uur geleden</table>",
    "<frameset><frame></frameset><p>x",
    "<html><body><p>a</p></body></html><p>GOES - Na het einde van body.</p><!-- c -->",
];

#[test]
fn tricky_markup_builds_the_same_tree() {
    for html in TRICKY {
        agree(html, html);
    }
}

#[test]
fn fixtures_extract_the_same_through_both_doors() {
    let root = fixtures_dir();
    for dir in ["articles", "listings"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let bytes = std::fs::read(&path).unwrap();
                agree(
                    &path.display().to_string(),
                    &newswire::Options::decode(&bytes),
                );
            }
        }
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
