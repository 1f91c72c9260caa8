//! Domain types that travel between lagebild's pipeline stages.
//!
//! Every stage reads only the types defined here (or by the stages to its left), so that a stage can be
//! tested and replaced on its own. Offsets are always Unicode code points, end exclusive.

mod article;
mod span;

pub use article::{Article, RemovalReason, Removed};
pub use span::Span;

/// Version of the JSON documents lagebild writes; bumped only on purpose (see `docs/schema.md`).
pub const SCHEMA_VERSION: u32 = 1;
