//! Tokenizer: Python source → tokens with INDENT/DEDENT, as CPython's tokenizer produces them.

use crate::error::SyntaxWarning;
use crate::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(String),
    Float(f64),
    /// A string literal. `fstring` literals keep their raw body (escapes unprocessed) for the parser.
    Str {
        value: String,
        bytes: bool,
        fstring: bool,
        raw: bool,
        body_line: u32,
        body_col: u32,
    },
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub message: String,
    pub line: u32,
    pub col: u32,
    /// Where the offending token ends, when the report underlines all of it (a literal).
    pub end: Option<(u32, u32)>,
}

const OPS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "<", ">", "=", ".", ",", ":", ";", "(", ")", "[", "]", "{", "}", "&", "|", "^", "~",
];

/// Tokens of `src`; the SyntaxWarnings met on the way (invalid escapes) go to `warnings`.
pub fn tokenize(src: &str, warnings: &mut Vec<SyntaxWarning>) -> Result<Vec<Token>, LexError> {
    Lexer::new(src, warnings).run()
}

/// Tokens up to an unclosed bracket at end of input, with that error: CPython's parser reports an
/// earlier syntax error inside the brackets first, so the parser gets to look at them.
pub fn tokenize_lenient(src: &str, warnings: &mut Vec<SyntaxWarning>) -> (Vec<Token>, Option<LexError>) {
    let mut lx = Lexer::new(src, warnings);
    lx.lenient = true;
    match lx.run() {
        Ok(t) => (t, None),
        Err(e) => (vec![], Some(e)),
    }
    .pipe_unclosed()
}

trait PipeUnclosed {
    fn pipe_unclosed(self) -> (Vec<Token>, Option<LexError>);
}
impl PipeUnclosed for (Vec<Token>, Option<LexError>) {
    fn pipe_unclosed(self) -> (Vec<Token>, Option<LexError>) {
        let (mut toks, err) = self;
        if let Some(last) = toks.last() {
            if let Tok::Op(o) = last.tok {
                if o.starts_with("UNCLOSED") {
                    let e = toks.pop().unwrap();
                    let span = e.span;
                    toks.push(Token { tok: Tok::End, span });
                    let c = o.chars().last().unwrap();
                    return (
                        toks,
                        Some(LexError { message: format!("'{c}' was never closed"), line: span.line, col: span.col, end: None }),
                    );
                }
            }
        }
        (toks, err)
    }
}

struct Lexer<'w> {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    col: u32,
    indents: Vec<u32>,
    brackets: Vec<(char, u32, u32)>,
    out: Vec<Token>,
    at_line_start: bool,
    lenient: bool,
    warnings: &'w mut Vec<SyntaxWarning>,
}

impl<'w> Lexer<'w> {
    fn new(src: &str, warnings: &'w mut Vec<SyntaxWarning>) -> Self {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        Lexer {
            chars: src.replace("\r\n", "\n").replace('\r', "\n").chars().collect(),
            pos: 0,
            line: 1,
            col: 0,
            indents: vec![0],
            brackets: vec![],
            out: vec![],
            at_line_start: true,
            lenient: false,
            warnings,
        }
    }

    fn peek(&self, off: usize) -> char {
        *self.chars.get(self.pos + off).unwrap_or(&'\0')
    }

    fn bump(&mut self) -> char {
        let c = self.peek(0);
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += 1;
        }
        c
    }

    fn err<T>(&self, message: impl Into<String>, line: u32, col: u32) -> Result<T, LexError> {
        Err(LexError { message: message.into(), line, col, end: None })
    }

    fn push(&mut self, tok: Tok, line: u32, col: u32) {
        self.out.push(Token { tok, span: Span::new(line, col, self.line, self.col) });
    }

    fn run(mut self) -> Result<Vec<Token>, LexError> {
        loop {
            if self.at_line_start && self.brackets.is_empty() {
                self.at_line_start = false;
                if self.indentation()? {
                    continue;
                }
            }
            let c = self.peek(0);
            let (line, col) = (self.line, self.col);
            if self.pos >= self.chars.len() {
                break;
            }
            match c {
                ' ' | '\t' | '\x0c' => {
                    self.bump();
                }
                '#' => {
                    while self.pos < self.chars.len() && self.peek(0) != '\n' {
                        self.bump();
                    }
                }
                '\\' if self.peek(1) == '\n' => {
                    self.bump();
                    self.bump();
                }
                '\\' => return self.err("unexpected character after line continuation character", line, col),
                '\n' => {
                    self.bump();
                    if self.brackets.is_empty() {
                        self.push(Tok::Newline, line, col);
                        self.at_line_start = true;
                    }
                }
                c if c.is_ascii_digit() || (c == '.' && self.peek(1).is_ascii_digit()) => self.number()?,
                c if c == '_' || c.is_alphabetic() => {
                    let mut name = String::new();
                    while self.peek(0) == '_' || self.peek(0).is_alphanumeric() {
                        name.push(self.bump());
                    }
                    if matches!(self.peek(0), '\'' | '"') && is_string_prefix(&name) {
                        self.string(&name, line, col)?;
                    } else {
                        self.push(Tok::Name(name), line, col);
                    }
                }
                '\'' | '"' => self.string("", line, col)?,
                _ => {
                    let op = OPS.iter().find(|op| op.chars().enumerate().all(|(i, oc)| self.peek(i) == oc));
                    let Some(op) = op else {
                        if c == '!' {
                            return self.err("invalid syntax", line, col);
                        }
                        return self.err(format!("invalid character '{c}' (U+{:04X})", c as u32), line, col);
                    };
                    for _ in 0..op.len() {
                        self.bump();
                    }
                    match *op {
                        "(" | "[" | "{" => self.brackets.push((c, line, col)),
                        ")" | "]" | "}" => {
                            let open = match c {
                                ')' => '(',
                                ']' => '[',
                                _ => '{',
                            };
                            match self.brackets.pop() {
                                Some((o, _, _)) if o == open => {}
                                Some((o, ol, _)) => {
                                    let msg = if ol == line {
                                        format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'")
                                    } else {
                                        format!("closing parenthesis '{c}' does not match opening parenthesis '{o}' on line {ol}")
                                    };
                                    return self.err(msg, line, col);
                                }
                                None => return self.err(format!("unmatched '{c}'"), line, col),
                            }
                        }
                        _ => {}
                    }
                    self.push(Tok::Op(op), line, col);
                }
            }
        }
        if let Some((c, l, col)) = self.brackets.first().copied() {
            if self.lenient {
                let marker = match c {
                    '(' => "UNCLOSED(",
                    '[' => "UNCLOSED[",
                    _ => "UNCLOSED{",
                };
                self.out.push(Token { tok: Tok::Op(marker), span: Span::new(l, col, l, col + 1) });
                return Ok(self.out);
            }
            return self.err(format!("'{c}' was never closed"), l, col);
        }
        let (line, col) = (self.line, self.col);
        if !matches!(self.out.last().map(|t| &t.tok), None | Some(Tok::Newline) | Some(Tok::Dedent)) {
            self.push(Tok::Newline, line, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, line, col);
        }
        self.push(Tok::End, line, col);
        Ok(self.out)
    }

    /// Measures a line's indentation; returns true when the line was blank (nothing to emit).
    fn indentation(&mut self) -> Result<bool, LexError> {
        let mut width = 0u32;
        loop {
            match self.peek(0) {
                ' ' => width += 1,
                '\t' => width = (width / 8 + 1) * 8,
                '\x0c' => width = 0,
                _ => break,
            }
            self.bump();
        }
        match self.peek(0) {
            '#' | '\n' => {
                while self.pos < self.chars.len() && self.peek(0) != '\n' {
                    self.bump();
                }
                if self.pos < self.chars.len() {
                    self.bump();
                }
                self.at_line_start = true;
                return Ok(true);
            }
            '\\' if self.peek(1) == '\n' => return Ok(false),
            '\0' if self.pos >= self.chars.len() => return Ok(false),
            _ => {}
        }
        let current = *self.indents.last().unwrap();
        let (line, col) = (self.line, self.col);
        if width > current {
            if self.out.is_empty() || !matches!(self.out.last().map(|t| &t.tok), Some(Tok::Newline)) {
                return self.err("unexpected indent", line, col);
            }
            self.indents.push(width);
            self.push(Tok::Indent, line, 0);
        } else {
            while width < *self.indents.last().unwrap() {
                self.indents.pop();
                self.push(Tok::Dedent, line, col);
            }
            if width != *self.indents.last().unwrap() {
                // CPython points at the end of the line.
                let rest = self.chars[self.pos..].iter().take_while(|c| **c != '\n').count() as u32;
                return self.err("unindent does not match any outer indentation level", line, col + rest);
            }
        }
        Ok(false)
    }

    fn number(&mut self) -> Result<(), LexError> {
        let (line, col) = (self.line, self.col);
        let mut text = String::new();
        if self.peek(0) == '0' && matches!(self.peek(1), 'x' | 'X' | 'o' | 'O' | 'b' | 'B') {
            self.bump();
            let radix_char = self.bump().to_ascii_lowercase();
            let radix = match radix_char {
                'x' => 16,
                'o' => 8,
                _ => 2,
            };
            while self.peek(0).is_digit(radix) || self.peek(0) == '_' {
                let c = self.bump();
                if c != '_' {
                    text.push(c);
                }
            }
            if text.is_empty() {
                return self.err(format!("invalid {} literal", radix_name(radix)), line, col);
            }
            self.push(Tok::Int(radix_to_decimal(&text, radix)), line, col);
            return Ok(());
        }
        let mut is_float = false;
        let digits = |lx: &mut Lexer, text: &mut String| {
            while lx.peek(0).is_ascii_digit() || (lx.peek(0) == '_' && lx.peek(1).is_ascii_digit()) {
                let c = lx.bump();
                if c != '_' {
                    text.push(c);
                }
            }
        };
        digits(self, &mut text);
        if self.peek(0) == '.' && !(self.peek(1) == '.' && self.peek(2) == '.') {
            is_float = true;
            text.push(self.bump());
            digits(self, &mut text);
        }
        if matches!(self.peek(0), 'e' | 'E')
            && (self.peek(1).is_ascii_digit() || (matches!(self.peek(1), '+' | '-') && self.peek(2).is_ascii_digit()))
        {
            is_float = true;
            text.push(self.bump());
            if matches!(self.peek(0), '+' | '-') {
                text.push(self.bump());
            }
            digits(self, &mut text);
        }
        if matches!(self.peek(0), 'j' | 'J') {
            return self.err("complex numbers are not supported in Awaitlab", line, col);
        }
        if self.peek(0).is_alphabetic() || self.peek(0) == '_' {
            return self.err("invalid decimal literal", line, col);
        }
        if is_float {
            self.push(Tok::Float(text.parse().unwrap_or(f64::INFINITY)), line, col);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                return self.err(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line,
                    col,
                );
            }
            self.push(Tok::Int(text), line, col);
        }
        Ok(())
    }

    fn string(&mut self, prefix: &str, line: u32, col: u32) -> Result<(), LexError> {
        let token_start = self.pos - prefix.chars().count();
        let line_start = self.pos - self.col as usize;
        let lower = prefix.to_ascii_lowercase();
        let raw = lower.contains('r');
        let bytes = lower.contains('b');
        let fstring = lower.contains('f');
        let quote = self.bump();
        let triple = self.peek(0) == quote && self.peek(1) == quote;
        if triple {
            self.bump();
            self.bump();
        }
        let (body_line, body_col) = (self.line, self.col);
        if fstring {
            let body = self.fstring_body(quote, triple, raw, line, col)?;
            self.push(Tok::Str { value: body, bytes, fstring, raw, body_line, body_col }, line, col);
            return Ok(());
        }
        let mut body = String::new();
        loop {
            if self.pos >= self.chars.len() {
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {})", self.line)
                } else {
                    format!("unterminated string literal (detected at line {})", line)
                };
                return self.err(msg, line, col);
            }
            let c = self.peek(0);
            if c == '\n' && !triple {
                return self.err(format!("unterminated string literal (detected at line {line})"), line, col);
            }
            if c == quote && (!triple || (self.peek(1) == quote && self.peek(2) == quote)) {
                self.bump();
                if triple {
                    self.bump();
                    self.bump();
                }
                break;
            }
            if c == '\\' {
                body.push(self.bump());
                if self.pos < self.chars.len() {
                    body.push(self.bump());
                }
                continue;
            }
            body.push(self.bump());
        }
        let value = if raw {
            body
        } else {
            // CPython underlines the whole literal, placing it by UTF-8 bytes, not characters
            // (a literal after a non-ASCII character is drawn that much further right).
            let utf8 = |from: usize, to: usize| self.chars[from..to].iter().map(|c| c.len_utf8() as u32).sum::<u32>();
            let byte_col = utf8(line_start, token_start);
            let end = Some((self.line, utf8(self.pos - self.col as usize, self.pos)));
            let (value, invalid) = unescape_noting(&body, bytes).map_err(|m| LexError { message: m, line, col: byte_col, end })?;
            // CPython warns of the first unknown escape of a literal.
            if let Some(e) = invalid.first() {
                self.warnings.push(SyntaxWarning { line, message: format!("invalid escape sequence '\\{e}'") });
            }
            value
        };
        self.push(Tok::Str { value, bytes, fstring, raw, body_line, body_col }, line, col);
        Ok(())
    }

    /// An f-string's body up to its closing quote, as Python 3.12 reads it (PEP 701): inside a
    /// replacement field the expression may hold strings in any quotes, the outer one included,
    /// f-strings among them, and backslashes; the body comes back as written, for the parser.
    fn fstring_body(&mut self, quote: char, triple: bool, raw: bool, line: u32, col: u32) -> Result<String, LexError> {
        // One entry per open replacement field: brackets open in its expression, and whether
        // its format spec (literal text with fields of its own) has begun.
        let mut fields: Vec<(u32, bool)> = Vec::new();
        let mut body = String::new();
        loop {
            if self.pos >= self.chars.len() {
                let msg = if triple {
                    format!("unterminated triple-quoted f-string literal (detected at line {})", self.line)
                } else {
                    format!("unterminated f-string literal (detected at line {})", line)
                };
                return self.err(msg, line, col);
            }
            let c = self.peek(0);
            let in_expression = matches!(fields.last(), Some((_, false)));
            if !in_expression {
                if c == quote && (!triple || (self.peek(1) == quote && self.peek(2) == quote)) {
                    self.bump();
                    if triple {
                        self.bump();
                        self.bump();
                    }
                    return Ok(body);
                }
                if c == '\n' && !triple && fields.is_empty() {
                    return self.err(format!("unterminated f-string literal (detected at line {line})"), line, col);
                }
                match c {
                    '\\' if !raw => {
                        body.push(self.bump());
                        if self.pos < self.chars.len() {
                            body.push(self.bump());
                        }
                    }
                    '{' if fields.is_empty() && self.peek(1) == '{' => {
                        body.push(self.bump());
                        body.push(self.bump());
                    }
                    '{' => {
                        body.push(self.bump());
                        fields.push((0, false));
                    }
                    '}' if fields.is_empty() => {
                        body.push(self.bump());
                        if self.peek(0) == '}' {
                            body.push(self.bump());
                        }
                    }
                    '}' => {
                        // The end of a format spec closes its field.
                        fields.pop();
                        body.push(self.bump());
                    }
                    _ => body.push(self.bump()),
                }
                continue;
            }
            let (brackets, _) = fields.last_mut().unwrap();
            match c {
                '\'' | '"' => {
                    let nested = self.nested_string_prefix(&body);
                    self.copy_nested_string(&mut body, nested)?;
                }
                '(' | '[' | '{' => {
                    *brackets += 1;
                    body.push(self.bump());
                }
                ')' | ']' => {
                    *brackets = brackets.saturating_sub(1);
                    body.push(self.bump());
                }
                '}' if *brackets > 0 => {
                    *brackets -= 1;
                    body.push(self.bump());
                }
                '}' => {
                    fields.pop();
                    body.push(self.bump());
                }
                ':' if *brackets == 0 => {
                    fields.last_mut().unwrap().1 = true;
                    body.push(self.bump());
                }
                _ => body.push(self.bump()),
            }
        }
    }

    /// The prefix letters right before a quote in an expression (`f`, `rb`...), as written.
    fn nested_string_prefix(&self, written: &str) -> String {
        let letters: String = written.chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
        let before = written[..written.len() - letters.len()].chars().last();
        let is_prefix = letters.len() <= 2
            && letters.chars().all(|c| "rRbBfFuU".contains(c))
            && !before.is_some_and(|b| b.is_alphanumeric() || b == '_');
        if is_prefix {
            letters
        } else {
            String::new()
        }
    }

    /// Copies a string literal that sits inside an f-string's expression, quotes and all.
    fn copy_nested_string(&mut self, body: &mut String, prefix: String) -> Result<(), LexError> {
        let (line, col) = (self.line, self.col);
        let lower = prefix.to_ascii_lowercase();
        let quote = self.bump();
        body.push(quote);
        let triple = self.peek(0) == quote && self.peek(1) == quote;
        if triple {
            body.push(self.bump());
            body.push(self.bump());
        }
        if lower.contains('f') {
            let inner = self.fstring_body(quote, triple, lower.contains('r'), line, col)?;
            body.push_str(&inner);
            let closing = if triple { 3 } else { 1 };
            body.extend(std::iter::repeat_n(quote, closing));
            return Ok(());
        }
        loop {
            if self.pos >= self.chars.len() || (self.peek(0) == '\n' && !triple) {
                return self.err(format!("unterminated string literal (detected at line {line})"), line, col);
            }
            let c = self.bump();
            body.push(c);
            if c == '\\' && self.pos < self.chars.len() {
                body.push(self.bump());
                continue;
            }
            if c == quote && (!triple || (self.peek(0) == quote && self.peek(1) == quote)) {
                if triple {
                    body.push(self.bump());
                    body.push(self.bump());
                }
                return Ok(());
            }
        }
    }
}

fn radix_name(radix: u32) -> &'static str {
    match radix {
        16 => "hexadecimal",
        8 => "octal",
        _ => "binary",
    }
}

/// The decimal digits of a hexadecimal, octal or binary literal's digits (of any length).
fn radix_to_decimal(digits: &str, radix: u32) -> String {
    // Little-endian limbs in base 10^9: multiply by the radix and add each digit.
    const LIMB: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![0];
    for d in digits.chars().filter_map(|c| c.to_digit(radix)) {
        let mut carry = d as u64;
        for limb in limbs.iter_mut() {
            let v = *limb * radix as u64 + carry;
            *limb = v % LIMB;
            carry = v / LIMB;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = limbs.last().copied().unwrap_or(0).to_string();
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

fn is_string_prefix(name: &str) -> bool {
    matches!(name.to_ascii_lowercase().as_str(), "r" | "b" | "f" | "rb" | "br" | "fr" | "rf" | "u")
}

/// Processes backslash escapes of a non-raw literal.
pub fn unescape(body: &str, bytes: bool) -> Result<String, String> {
    unescape_noting(body, bytes).map(|(s, _)| s)
}

/// As `unescape`, also listing the escapes Python does not know (`\d`: a SyntaxWarning in 3.12).
/// A malformed escape is CPython's error, with its positions: CPython decodes a literal after
/// writing each non-ASCII character as a 10-byte `\UXXXXXXXX`, so positions count those.
pub fn unescape_noting(body: &str, bytes: bool) -> Result<(String, Vec<char>), String> {
    let mut invalid = vec![];
    let mut out = String::with_capacity(body.len());
    let mut it = body.char_indices().peekable();
    let position = |byte: usize| body[..byte].chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum::<usize>();
    while let Some((at, c)) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = it.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap();
                for _ in 0..2 {
                    match it.peek().and_then(|(_, d)| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            it.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut value = 0u32;
                let mut digits = 0;
                while digits < n {
                    let Some(d) = it.peek().and_then(|(_, d)| d.to_digit(16)) else { break };
                    value = value * 16 + d;
                    digits += 1;
                    it.next();
                }
                let start = position(at);
                if digits < n {
                    return Err(if bytes {
                        format!("(value error) invalid \\x escape at position {start}")
                    } else {
                        let end = start + 1 + digits;
                        format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: truncated \\{e}{} escape",
                            "X".repeat(n)
                        )
                    });
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if (0xd800..0xe000).contains(&value) => {
                        return Err(format!(
                            "(unicode error) '\\{e}{value:0n$x}' is a lone surrogate: CPython allows one in a str (it cannot print it either); Awaitlab's strings cannot hold one"
                        ))
                    }
                    None => {
                        let end = start + 1 + n;
                        return Err(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: illegal Unicode character"));
                    }
                }
            }
            // A named character needs Unicode's name table (hundreds of KB in the page): said
            // plainly, rather than kept as text as an unknown escape is.
            'N' if !bytes && it.peek().is_some_and(|&(_, c)| c == '{') => {
                let start = position(at);
                return Err(format!(
                    "(unicode error) Awaitlab does not know Unicode character names (the \\N{{...}} escape at position {start}): write the character itself, or its \\u escape"
                ));
            }
            other => {
                invalid.push(other);
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok((out, invalid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        tokenize(src, &mut vec![]).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        let t = toks("if x:\n    y\nz\n");
        assert_eq!(
            t,
            vec![
                Tok::Name("if".into()),
                Tok::Name("x".into()),
                Tok::Op(":"),
                Tok::Newline,
                Tok::Indent,
                Tok::Name("y".into()),
                Tok::Newline,
                Tok::Dedent,
                Tok::Name("z".into()),
                Tok::Newline,
                Tok::End
            ]
        );
    }

    #[test]
    fn brackets_join_lines_and_report_unclosed() {
        assert_eq!(toks("f(1,\n 2)").len(), 8);
        let e = tokenize("f(1,\n", &mut vec![]).unwrap_err();
        assert_eq!((e.message.as_str(), e.line, e.col), ("'(' was never closed", 1, 1));
    }

    #[test]
    fn escapes_awaitlab_cannot_hold_are_refused_with_why() {
        let surrogate = tokenize("s = '\\ud800'\n", &mut vec![]).unwrap_err();
        assert!(surrogate.message.contains("'\\ud800' is a lone surrogate"), "{}", surrogate.message);
        assert_eq!((surrogate.col, surrogate.end), (4, Some((1, 12))));
        let named = tokenize("s = 'a \\N{BULLET}'\n", &mut vec![]).unwrap_err();
        assert!(named.message.contains("does not know Unicode character names"), "{}", named.message);
        // In bytes, \N is no escape at all (a SyntaxWarning, as in CPython).
        let mut warnings = vec![];
        assert!(tokenize("s = b'\\N{BULLET}'\n", &mut warnings).is_ok());
    }

    #[test]
    fn numbers_and_strings() {
        assert_eq!(toks("0x_ff 1_000 1.5e3")[..3], [Tok::Int("255".into()), Tok::Int("1000".into()), Tok::Float(1500.0)]);
        match &toks("'a\\tb'")[0] {
            Tok::Str { value, .. } => assert_eq!(value, "a\tb"),
            t => panic!("{t:?}"),
        }
        let e = tokenize("x = 'abc\n", &mut vec![]).unwrap_err();
        assert_eq!(e.message, "unterminated string literal (detected at line 1)");
    }

    #[test]
    fn radix_literals_read_as_decimal() {
        assert_eq!(radix_to_decimal("ff", 16), "255");
        assert_eq!(radix_to_decimal("000", 16), "0");
        assert_eq!(radix_to_decimal("777", 8), "511");
        assert_eq!(radix_to_decimal("1010", 2), "10");
        assert_eq!(radix_to_decimal("ffffffffffffffff", 16), u64::MAX.to_string());
        assert_eq!(radix_to_decimal("ffffffffffffffffffffffffffffffff", 16), u128::MAX.to_string());
        assert_eq!(radix_to_decimal("1000000000000000000000000000000000", 16), "5444517870735015415413993718908291383296");
    }
}
