//! Arbitrary bytes through the article bytes entry: `Ok` or a typed error,
//! never a panic, stall or abort.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = newswire::Options::new().parse_article_bytes(data);
});
