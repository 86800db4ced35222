//! Integration tests, one binary (one link step on two cores).

mod autotrait;
mod common;
mod grammar;
mod listing;
