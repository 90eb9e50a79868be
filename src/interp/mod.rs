//! Tier 1: frames, the interpreter loop, calls and generators.

pub mod call;
pub mod eval;
pub mod fast;
pub mod frame;
pub mod generator;
pub mod instrumented;
pub mod ops;
pub mod stack_ops;
