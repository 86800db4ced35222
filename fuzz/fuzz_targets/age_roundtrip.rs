//! A relative age that parses prints to text that parses back to the same
//! age.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newswire::RelativeAge;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(age) = text.parse::<RelativeAge>() {
        let printed = age.to_string();
        let again: RelativeAge = printed
            .parse()
            .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?} does not parse: {e}"));
        assert_eq!(age, again, "{text:?} printed as {printed:?}");
    }
});
