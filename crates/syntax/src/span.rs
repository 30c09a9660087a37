//! Source positions: 1-based lines, 0-based columns (in characters), as CPython reports them.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Span {
    pub fn new(line: u32, col: u32, end_line: u32, end_col: u32) -> Self {
        Span { line, col, end_line, end_col }
    }
    pub fn to(self, end: Span) -> Span {
        Span { line: self.line, col: self.col, end_line: end.end_line, end_col: end.end_col }
    }
}
