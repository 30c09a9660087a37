//! What the program is told when things go wrong, as CPython words it: tracebacks with carets,
//! warnings from finalizers, shortened reprs, SyntaxError reports.
//!
//! Architecture Invariant: part of the core. Nothing here names `builtins`, `modules` or `run`.

pub(crate) mod carets;
pub(crate) mod reprlib;
pub(crate) mod suggestions;
pub(crate) mod syntax_error;
pub(crate) mod tracebacks;
pub(crate) mod warnings;
