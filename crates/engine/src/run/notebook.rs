//! Notebooks: a program in the "percent" format that Jupytext and VS Code use (a line starting
//! `# %%` begins a cell) runs as its notebook would, with IPython's autoawait: every cell may
//! `await` at top level, all cells share one event loop and one namespace, and the value of a
//! cell's last expression is shown after its output as `Out[n]`. Each cell runs as a task of the
//! loop (`loop.run_until_complete`), as in a Jupyter kernel, whose loop is always running: a cell
//! that calls `asyncio.run` meets CPython's "cannot be called from a running event loop" there
//! too. A plain script (no `# %%` line) keeps CPython's script semantics: top-level `await` is a
//! SyntaxError.

use crate::types::value::{Function, Namespace, Obj, Value};
use crate::vm::Vm;
use awaitlab_compile::Compiled;
use std::cell::RefCell;
use std::rc::Rc;

/// The notebook's runner: the engine's own Python (its frames never show in tracebacks).
/// `Out[n]` is the value pretty-printed as IPython's display shows it (79 columns, dicts in
/// their order, a repr of several lines starting on a line of its own).
const DRIVER: &str = "\
def run(cells):
    import asyncio
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    for number, cell in cells:
        value = loop.run_until_complete(cell())
        if value is not None:
            text = pretty(value)
            print(f'Out[{number}]:', text, sep='\\n' if '\\n' in text else ' ')

def pretty(value):
    try:
        import pprint
    except ImportError:
        return repr(value)
    return pprint.pformat(value, width=79, sort_dicts=False)
";

/// What the driver imports, for the host that fetches a program's library first.
pub const DRIVER_IMPORTS: &str = "import pprint\n";

/// Whether `source` is a notebook: it has a `# %%` line.
pub fn is_notebook(source: &str) -> bool {
    source.lines().any(|line| line.starts_with("# %%"))
}

/// The code cells of a notebook, numbered from 1 as a kernel counts them: each as the whole
/// source with every line outside the cell blanked (positions in errors and tracebacks stay the
/// program's). Markdown cells (`# %% [markdown]`) and cells with no code are left out.
pub fn cells(source: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut starts: Vec<(usize, bool)> = vec![(0, false)];
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("# %%") {
            starts.push((i, line.contains("[markdown]") || line.contains("[md]")));
        }
    }
    let mut out = vec![];
    for (k, &(start, markdown)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        let has_code = lines[start..end].iter().any(|l| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#')
        });
        if markdown || !has_code {
            continue;
        }
        let text: Vec<&str> = lines.iter().enumerate().map(|(i, l)| if (start..end).contains(&i) { *l } else { "" }).collect();
        out.push((out.len() + 1, text.join("\n") + "\n"));
    }
    out
}

/// Compiles every cell (the first SyntaxError ends it, as for a script).
pub fn compile(source: &str, filename: &str) -> Result<Vec<(usize, Compiled)>, awaitlab_syntax::SyntaxError> {
    cells(source)
        .into_iter()
        .map(|(number, text)| {
            let parsed = awaitlab_syntax::parse_module(&text)?;
            Ok((number, awaitlab_compile::compile_cell(&parsed, filename, &format!("<cell {number}>"))?))
        })
        .collect()
}

/// The main thread's first frame for a notebook: the driver, given one function per cell (each
/// cell's code with the notebook's namespace as its globals).
pub fn main_frame(vm: &mut Vm, cells: Vec<(usize, Compiled)>, main_ns: &Rc<RefCell<Namespace>>) -> crate::vm::Frame {
    let driver_ns = Rc::new(RefCell::new(Namespace::default()));
    driver_ns.borrow_mut().insert(Rc::from("__name__"), Value::str("<notebook>"));
    let defined = crate::vm::source::exec_source(vm, DRIVER, "<notebook>", driver_ns.clone());
    assert!(defined.is_ok(), "the notebook driver compiles");
    let functions: Vec<Value> = cells
        .into_iter()
        .map(|(number, compiled)| {
            let code = crate::types::code::link(compiled.code);
            let name: Rc<str> = Rc::from(format!("<cell {number}>"));
            let function = Function {
                code,
                globals: main_ns.clone(),
                defaults: vec![],
                kwdefaults: vec![],
                closure: vec![],
                name: RefCell::new(name.clone()),
                qualname: name,
                dict: RefCell::default(),
            };
            Value::tuple(vec![Value::Int(number as i64), Value::obj(Obj::Function(function))])
        })
        .collect();
    driver_ns.borrow_mut().insert(Rc::from("cells"), Value::list(functions));
    let call = awaitlab_syntax::parse_module("run(cells)\n")
        .and_then(|parsed| awaitlab_compile::compile_module(&parsed, "<notebook>"))
        .expect("the notebook's call compiles");
    vm.module_frame(crate::types::code::link(call.code), driver_ns)
}

#[cfg(test)]
mod tests {
    use super::{cells, is_notebook};

    #[test]
    fn percent_cells_keep_their_lines_and_skip_markdown_and_empty_ones() {
        let src = "import asyncio\n# %%\nx = 1\n# %% [markdown]\n# # Title\n# %%\n\n# %% Last\nawait asyncio.sleep(0)\nx\n";
        assert!(is_notebook(src) && !is_notebook("x = 1\n#%%\n"));
        let cells = cells(src);
        assert_eq!(cells.iter().map(|c| c.0).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(cells[0].1, "import asyncio\n\n\n\n\n\n\n\n\n\n");
        assert_eq!(cells[1].1.lines().nth(2), Some("x = 1"));
        assert_eq!(cells[2].1.lines().skip(7).collect::<Vec<_>>(), ["# %% Last", "await asyncio.sleep(0)", "x"]);
    }
}
