//! Inputs the fuzzers found; each must return without panicking.

use newswire::Options;

fn survives(bytes: &[u8]) {
    let options = Options::new();
    let _ = options.parse_article_bytes(bytes);
    let _ = options.parse_listing_bytes(bytes);
}

#[test]
fn seeds_survive() {
    survives(b"<svg><style><g>");
}
