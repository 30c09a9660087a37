//! f-strings as Python 3.12 reads them (PEP 701): literal parts and replacement fields, whose
//! expressions are parsed in place with their spans shifted to the file.

use super::{PResult, Parser};
use crate::ast::*;
use crate::error::{SyntaxError, SyntaxWarning};
use crate::lexer::{self, Tok};
use crate::span::Span;

/// Splits an f-string body into literal parts and `{expression!conv:spec}` parts.
pub(super) fn parse_fstring(body: &str, raw: bool, line: u32, col: u32, warnings: &mut Vec<SyntaxWarning>) -> PResult<Vec<FPart>> {
    parse_fstring_at(body, raw, line, col, 0, warnings)
}

/// `spec_depth`: how many format specs enclose this text. As in CPython, a replacement field
/// inside a spec's spec is "nested too deeply".
fn parse_fstring_at(body: &str, raw: bool, line: u32, col: u32, spec_depth: u32, warnings: &mut Vec<SyntaxWarning>) -> PResult<Vec<FPart>> {
    let chars: Vec<char> = body.chars().collect();
    let mut parts = vec![];
    let mut lit = String::new();
    let mut i = 0;
    let pos_of = |idx: usize| -> (u32, u32) {
        let mut l = line;
        let mut c = col;
        for ch in &chars[..idx] {
            if *ch == '\n' {
                l += 1;
                c = 0;
            } else {
                c += 1;
            }
        }
        (l, c)
    };
    let err = |idx: usize, msg: &str| -> SyntaxError {
        let (l, c) = pos_of(idx);
        SyntaxError { message: format!("f-string: {msg}"), line: l, col: c, unsupported: false, end: None }
    };
    let flush = |lit: &mut String, parts: &mut Vec<FPart>, warnings: &mut Vec<SyntaxWarning>| -> PResult<()> {
        if !lit.is_empty() {
            let text = if raw {
                std::mem::take(lit)
            } else {
                {
                    let (text, invalid) = lexer::unescape_noting(&std::mem::take(lit), false).map_err(|m| SyntaxError {
                        message: m,
                        line,
                        col,
                        unsupported: false,
                        end: None,
                    })?;
                    if let Some(e) = invalid.first() {
                        warnings.push(SyntaxWarning { line, message: format!("invalid escape sequence '\\{e}'") });
                    }
                    text
                }
            };
            parts.push(FPart::Lit(text));
        }
        Ok(())
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            lit.push('{');
            i += 2;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(err(i, "single '}' is not allowed"));
        }
        if c == '\\' && !raw {
            lit.push(c);
            if let Some(n) = chars.get(i + 1) {
                lit.push(*n);
            }
            i += 2;
            continue;
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        flush(&mut lit, &mut parts, warnings)?;
        if spec_depth >= 2 {
            return Err(err(i, "expressions nested too deeply"));
        }
        // Find the end of the expression: depth-aware, string-aware.
        let expr_start = i + 1;
        let mut j = expr_start;
        let mut depth = 0;
        let mut quote: Option<char> = None;
        while j < chars.len() {
            let ch = chars[j];
            if let Some(q) = quote {
                if ch == '\\' {
                    j += 2;
                    continue;
                }
                if ch == q {
                    quote = None;
                }
            } else if ch == '\'' || ch == '"' {
                quote = Some(ch);
            } else if "([{".contains(ch) {
                depth += 1;
            } else if ")]}".contains(ch) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 {
                // A conversion (`!r`, not `!=`), a format spec, or the `=` of a self-documenting
                // expression (not `==`, `!=`, `<=`, `>=`) ends the expression.
                let conversion = ch == '!' && chars.get(j + 1) != Some(&'=');
                let debug = ch == '=' && !matches!(chars.get(j + 1), Some('=')) && j > expr_start && !"=!<>".contains(chars[j - 1]);
                if conversion || ch == ':' || debug {
                    break;
                }
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(err(i, "expecting '}'"));
        }
        let expr_text: String = chars[expr_start..j].iter().collect();
        if expr_text.trim().is_empty() {
            return Err(err(i, "valid expression required before '}'"));
        }
        let mut debug_text = None;
        if chars[j] == '=' {
            let mut text = format!("{expr_text}=");
            j += 1;
            while j < chars.len() && chars[j].is_whitespace() {
                text.push(chars[j]);
                j += 1;
            }
            debug_text = Some(text);
        }
        let mut conversion = None;
        if chars.get(j) == Some(&'!') {
            match chars.get(j + 1) {
                Some(cv @ ('r' | 's' | 'a')) => conversion = Some(*cv),
                _ => return Err(err(j, "invalid conversion character: expected 's', 'r', or 'a'")),
            }
            j += 2;
        }
        let mut spec = None;
        if chars.get(j) == Some(&':') {
            let spec_start = j + 1;
            let mut k = spec_start;
            let mut d = 0;
            while k < chars.len() {
                match chars[k] {
                    '{' => d += 1,
                    '}' if d == 0 => break,
                    '}' => d -= 1,
                    _ => {}
                }
                k += 1;
            }
            let spec_text: String = chars[spec_start..k].iter().collect();
            let (sl, sc) = pos_of(spec_start);
            spec = Some(parse_fstring_at(&spec_text, true, sl, sc, spec_depth + 1, warnings)?);
            j = k;
        }
        if chars.get(j) != Some(&'}') {
            return Err(err(i, "expecting '}'"));
        }
        let (el, ec) = pos_of(expr_start);
        let expr = parse_sub_expression(&expr_text, el, ec, warnings)?;
        if debug_text.is_some() && conversion.is_none() && spec.is_none() {
            conversion = Some('r');
        }
        parts.push(FPart::Expr { expr: Box::new(expr), conversion, spec, debug_text });
        i = j + 1;
    }
    flush(&mut lit, &mut parts, warnings)?;
    Ok(parts)
}

/// Parses an f-string replacement field's expression, shifting spans to its place in the file.
fn parse_sub_expression(text: &str, line: u32, col: u32, warnings: &mut Vec<SyntaxWarning>) -> PResult<Expr> {
    let wrapped = format!("({})", text.trim_end());
    let shift = |l: u32, c: u32| -> (u32, u32) {
        if l == 1 {
            (line, (col + c).saturating_sub(1))
        } else {
            (line + l - 1, c)
        }
    };
    let tokens = lexer::tokenize(&wrapped, warnings).map_err(|e| {
        let (l, c) = shift(e.line, e.col);
        SyntaxError { message: format!("f-string: {}", e.message), line: l, col: c, unsupported: false, end: None }
    })?;
    let tokens = tokens
        .into_iter()
        .map(|mut t| {
            let (l, c) = shift(t.span.line, t.span.col);
            let (el, ec) = shift(t.span.end_line, t.span.end_col);
            t.span = Span::new(l, c, el, ec);
            t
        })
        .collect();
    let mut p = Parser { toks: tokens, pos: 0, depth: 0, lines: vec![], warnings };
    let e = p.star_expressions()?;
    p.eat_tok(&Tok::Newline);
    if !p.at_tok(&Tok::End) {
        return p.error("f-string: invalid syntax");
    }
    Ok(e)
}
