//! Awaitlab's AST to bytecode. [`compile_module`] resolves scopes as CPython's symtable does
//! (`symtable.rs`), then generates code one code object at a time (`codegen/`), giving plain
//! data ([`bytecode::Code`]) with its own constant pool, and the source's SyntaxWarnings.
//!
//! Architecture Invariant: this crate depends only on `awaitlab-syntax`. Bytecode never names
//! an interpreter value: the engine links each code object's [`bytecode::Const`] pool into its
//! own values when it loads it.

pub mod bytecode;
mod codegen;
mod symtable;

pub use codegen::{compile_cell, compile_module, Compiled};
