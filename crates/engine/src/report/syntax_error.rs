//! CPython's report of a SyntaxError: the file and line, the source with a caret, the message.

/// CPython's report of a syntax error: the file and line, the source with a caret, the message.
pub fn format_syntax_error(filename: &str, source: &str, e: &awaitlab_syntax::SyntaxError) -> String {
    let line_text = source.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or("");
    let trimmed = line_text.trim_start();
    let indent = line_text.chars().count() - trimmed.chars().count();
    let caret_col = (e.col as usize).saturating_sub(indent);
    let kind = if e.unsupported {
        "NotImplementedError"
    } else if e.message.contains("indent") {
        "IndentationError"
    } else {
        "SyntaxError"
    };
    // CPython shows no caret for these two.
    if e.unsupported || e.message == "unexpected indent" {
        return format!("  File \"{filename}\", line {}\n    {}\n{kind}: {}\n", e.line, trimmed.trim_end(), e.message);
    }
    // As CPython underlines it: the offending range on its first line (to the line's end when
    // it goes on), at least one caret.
    let shown = trimmed.trim_end().chars().count();
    let width = match e.end {
        Some((end_line, _)) if end_line > e.line => shown.saturating_sub(caret_col),
        Some((_, end_col)) => (end_col as usize).saturating_sub(indent).saturating_sub(caret_col),
        None => 1,
    }
    .max(1);
    format!(
        "  File \"{filename}\", line {}\n    {}\n    {}{}\n{kind}: {}\n",
        e.line,
        trimmed.trim_end(),
        " ".repeat(caret_col),
        "^".repeat(width),
        e.message
    )
}
