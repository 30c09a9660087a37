//! What the front end reports: one SyntaxError that stops the parse, and SyntaxWarnings that
//! travel with the tree (CPython prints a program's own before it runs).

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub line: u32,
    pub col: u32,
    /// `NotImplementedError` rather than `SyntaxError`: valid Python outside Awaitlab's subset.
    pub unsupported: bool,
    /// Where the offending part ends (line, column), when it is more than one character: the
    /// report underlines it, as CPython's does.
    pub end: Option<(u32, u32)>,
}

/// A compile-time warning (an invalid escape sequence, `is` with a literal), in the order met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub line: u32,
    pub message: String,
}
