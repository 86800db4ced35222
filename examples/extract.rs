//! Prints pages as JSON Lines (to be written).
fn main() {}
