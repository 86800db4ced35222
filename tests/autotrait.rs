//! The public error and output types are `Send + Sync + 'static + Unpin +
//! UnwindSafe`, so callers can move them across threads and tasks and keep
//! them past the input (semver's `tests/test_autotrait.rs`).

use std::panic::{RefUnwindSafe, UnwindSafe};

fn assert_auto<T: Send + Sync + 'static + Unpin + UnwindSafe + RefUnwindSafe>() {}

#[test]
fn errors() {
    assert_auto::<newswire::Error>();
    assert_auto::<newswire::Limit>();
    assert_auto::<newswire::ParseDatelineError>();
    assert_auto::<newswire::DatelineErrorKind>();
    assert_auto::<newswire::ParseAgeError>();
    assert_auto::<newswire::AgeErrorKind>();
    assert_auto::<newswire::ParseClockError>();
    assert_auto::<newswire::ClockErrorKind>();
}

#[test]
fn outputs() {
    assert_auto::<newswire::Dateline>();
    assert_auto::<newswire::Agency>();
    assert_auto::<newswire::AgencyKind>();
    assert_auto::<newswire::RelativeAge>();
    assert_auto::<newswire::AgeUnit>();
    assert_auto::<newswire::Clock>();
    assert_auto::<newswire::Article>();
    assert_auto::<newswire::Block>();
    assert_auto::<newswire::BlockKind>();
    assert_auto::<newswire::Listing>();
    assert_auto::<newswire::ListingItem>();
}

#[test]
fn errors_are_std_errors() {
    fn is_error<E: std::error::Error + Send + Sync + 'static>() {}
    is_error::<newswire::Error>();
    is_error::<newswire::ParseDatelineError>();
    is_error::<newswire::ParseAgeError>();
    is_error::<newswire::ParseClockError>();
}
