//! Code shared by the gold-data tests (and, through `#[path]`, by the examples that train on the same data).

pub mod germeval;
