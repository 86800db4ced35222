//! Integration tests, one binary (one link step on two cores).

mod common;

mod article;
