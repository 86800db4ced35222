//! A dateline that parses prints to text that parses back to the same
//! dateline; splitting arbitrary text never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newswire::Dateline;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Dateline::split(text);
    if let Ok(dateline) = text.parse::<Dateline>() {
        let printed = dateline.to_string();
        let again: Dateline = printed
            .parse()
            .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?} does not parse: {e}"));
        assert_eq!(dateline, again, "{text:?} printed as {printed:?}");
    }
});
