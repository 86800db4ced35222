//! A thread keeps the buffers of its last parse for the next one (the
//! crate's `spare` module): what a parse reads must not depend on what the
//! thread parsed before.

use newswire::{Article, Error, Listing};

use crate::common::{fixtures_dir, html_pages};

type Both = (Result<Article, Error>, Result<Listing, Error>);

fn both(html: &str) -> Both {
    (newswire::parse_article(html), newswire::parse_listing(html))
}

/// Every fixture page and the bench pages: buffers of many sizes, each
/// parse after a larger or a smaller one.
fn pages() -> Vec<String> {
    let mut paths = html_pages(&fixtures_dir());
    let bench = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/pages");
    for name in ["article-100k.html", "listing-20k.html", "article-1m.html"] {
        paths.push(bench.join(name));
    }
    paths.sort();
    paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect()
}

#[test]
fn a_parse_reads_the_same_after_other_parses_on_its_thread() {
    let pages = pages();
    assert!(pages.len() > 20);
    // Two rounds on this thread: the second reuses what the first kept.
    let warm: Vec<Both> = (0..2).flat_map(|_| pages.iter().map(|p| both(p))).collect();
    for (i, page) in pages.iter().enumerate() {
        let fresh = std::thread::scope(|s| s.spawn(|| both(page)).join().unwrap());
        assert_eq!(warm[i], fresh, "page {i}, first round");
        assert_eq!(warm[i + pages.len()], fresh, "page {i}, second round");
    }
}
