//! The modules a source's `import` statements name, read from its tokens (strings and comments
//! are not imports): what a host must fetch before a run (`library_files_missing`).

use awaitlab_syntax::lexer::{tokenize, Tok, Token};

fn name(token: Option<&Token>) -> Option<&str> {
    match token.map(|t| &t.tok) {
        Some(Tok::Name(n)) => Some(n),
        _ => None,
    }
}

fn is_op(token: Option<&Token>, op: &str) -> bool {
    matches!(token.map(|t| &t.tok), Some(Tok::Op(o)) if *o == op)
}

/// A dotted name at `tokens[i..]` (`a.b.c`), and the index after it.
fn dotted(tokens: &[Token], mut i: usize) -> Option<(String, usize)> {
    let mut out = name(tokens.get(i))?.to_string();
    i += 1;
    while is_op(tokens.get(i), ".") {
        out.push('.');
        out.push_str(name(tokens.get(i + 1))?);
        i += 2;
    }
    Some((out, i))
}

/// Every module `src` imports, in order of appearance, anywhere in it (function bodies too:
/// they may run). `from a import b` names `a` and `a.b` (which may be a submodule). A source
/// that does not tokenize names nothing: its run ends at its SyntaxError.
#[allow(dead_code)] // build.rs includes this file for `imported_modules_on_import` alone.
pub fn imported_modules(src: &str) -> Vec<String> {
    scan(src, false)
}

/// The modules `src` imports as it is imported itself: those outside function bodies. An
/// import in a function runs when the function is called, if ever (asyncio's lazy
/// `concurrent.futures` reaches logging, re and traceback): a host loads those when they run.
pub fn imported_modules_on_import(src: &str) -> Vec<String> {
    scan(src, true)
}

fn scan(src: &str, skip_function_bodies: bool) -> Vec<String> {
    let Ok(tokens) = tokenize(src, &mut vec![]) else { return vec![] };
    let mut out = vec![];
    let mut i = 0;
    // The block depth, and the depth of the `def` whose body the scan is in.
    let mut depth = 0usize;
    let mut in_def: Option<usize> = None;
    while i < tokens.len() {
        match &tokens[i].tok {
            Tok::Indent => depth += 1,
            Tok::Dedent => {
                depth = depth.saturating_sub(1);
                if in_def == Some(depth) {
                    in_def = None;
                }
            }
            // A `def` on one line (`def f(): import x`) ends at its newline.
            Tok::Newline if in_def == Some(depth) && !matches!(tokens.get(i + 1).map(|t| &t.tok), Some(Tok::Indent)) => in_def = None,
            _ => {}
        }
        if skip_function_bodies && in_def.is_none() && name(tokens.get(i)) == Some("def") {
            in_def = Some(depth);
        }
        if in_def.is_some() {
            i += 1;
            continue;
        }
        match name(tokens.get(i)) {
            Some("from") => {
                if let Some((module, after)) = dotted(&tokens, i + 1) {
                    if name(tokens.get(after)) == Some("import") {
                        out.push(module.clone());
                        let mut j = after + 1;
                        while j < tokens.len() && !matches!(tokens[j].tok, Tok::Newline | Tok::End) && !is_op(tokens.get(j), ";") {
                            if let Some(item) = name(tokens.get(j)).filter(|n| *n != "as") {
                                if name(tokens.get(j.wrapping_sub(1))) != Some("as") {
                                    out.push(format!("{module}.{item}"));
                                }
                            }
                            j += 1;
                        }
                        i = j;
                        continue;
                    }
                }
            }
            Some("import") => {
                let mut j = i + 1;
                while let Some((module, after)) = dotted(&tokens, j) {
                    out.push(module);
                    j = after;
                    if name(tokens.get(j)) == Some("as") {
                        j += 2;
                    }
                    if !is_op(tokens.get(j), ",") {
                        break;
                    }
                    j += 1;
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{imported_modules, imported_modules_on_import};

    #[test]
    fn import_statements_anywhere_and_nothing_else() {
        let src = "import asyncio, os.path as p\nfrom collections import (deque,\n    Counter as C)\n\
                   async def f():\n    import re; x = 1\n    yield from g()\n    raise E from e\n\
                   s = 'import json'  # import math\n";
        assert_eq!(imported_modules(src), ["asyncio", "os.path", "collections", "collections.deque", "collections.Counter", "re"]);
    }

    /// What runs on import: the module's own statements, its classes' bodies and its `if` and
    /// `try` blocks, not the bodies of its functions and methods, one-line ones included.
    #[test]
    fn on_import_leaves_function_bodies_out() {
        let src = "import a\ntry:\n    import b\nexcept ImportError:\n    b = None\n\
                   def f(x):\n    import c\n    if x:\n        from d import e\n    return x\n\
                   def g(): import h\nclass K:\n    import i\n    async def m(self):\n        import j\n\
                   \n    @property\n    def n(self):\n        import k\nfrom l import m\n";
        assert_eq!(imported_modules_on_import(src), ["a", "b", "i", "l", "l.m"]);
        assert_eq!(imported_modules(src), ["a", "b", "c", "d", "d.e", "h", "i", "j", "k", "l", "l.m"]);
    }

    #[test]
    fn a_source_that_does_not_tokenize_names_nothing() {
        assert!(imported_modules("import re\ns = 'unclosed\n").is_empty());
    }
}
