//! Integration tests, one binary (one link step on two cores).

// Test helpers outside #[test] fns may fail loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod article;
mod autotrait;
mod common;
mod doors;
mod fuzz_regressions;
mod grammar;
mod hostile;
mod listing;
mod real;
mod reuse;
mod shapes;
