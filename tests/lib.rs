//! Integration tests, one binary (one link step on two cores).

mod article;
mod autotrait;
mod common;
mod fuzz_regressions;
mod grammar;
mod hostile;
mod listing;
mod real;
mod shapes;
