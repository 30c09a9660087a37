//! Python 3.12 source to Awaitlab's AST. [`parse_module`] gives the tree with every node's
//! span and the SyntaxWarnings met on the way ([`Parsed`]), or the first [`SyntaxError`], worded
//! as CPython words it. Valid Python outside the supported subset is a SyntaxError marked
//! `unsupported` (the run reports it as NotImplementedError).
//!
//! - `lexer.rs`: source to tokens, INDENT/DEDENT as CPython's tokenizer makes them.
//! - `parser/`: tokens to `ast` nodes, one file per kind of construct.
//! - `literal.rs`: how Python writes literals back (`repr` of floats, str, bytes).
//!
//! Architecture Invariant: this crate depends on nothing and knows nothing of bytecode, values
//! or the VM. Diagnostics are data in the result; there is no global or thread-local state.

pub mod ast;
mod error;
pub mod lexer;
pub mod literal;
mod parser;
mod span;

pub use error::{SyntaxError, SyntaxWarning};
pub use parser::{parse_module, Parsed, MAX_CHAIN, MAX_NESTING};
pub use span::Span;
