//! Integration tests, one binary (one link step on two cores).

mod common;
mod fuzz_regressions;
mod hostile;
mod shapes;
