//! Integration tests, one binary (one link step on two cores).

mod article;
mod autotrait;
mod common;
mod grammar;
mod listing;
mod real;
