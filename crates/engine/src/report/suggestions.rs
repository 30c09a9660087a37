//! "Did you mean": the near name CPython's traceback suggests for an AttributeError or a
//! NameError (Lib/traceback.py's `_compute_suggestion_error` and `_levenshtein_distance`, 3.12,
//! which port Python/suggestions.c), and "Did you forget to import" for a module's name.

use crate::types::value::{FailedLookup, Value};
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// Modules of CPython's standard library a learner may use without importing (a NameError on
/// one of these asks "Did you forget to import"): `sys.stdlib_module_names`' common part.
const STDLIB_MODULES: &[&str] = &[
    "abc",
    "argparse",
    "array",
    "asyncio",
    "base64",
    "bisect",
    "calendar",
    "collections",
    "concurrent",
    "contextlib",
    "contextvars",
    "copy",
    "csv",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "enum",
    "fractions",
    "functools",
    "gc",
    "glob",
    "hashlib",
    "heapq",
    "html",
    "http",
    "inspect",
    "io",
    "itertools",
    "json",
    "logging",
    "math",
    "operator",
    "os",
    "pathlib",
    "pickle",
    "pprint",
    "queue",
    "random",
    "re",
    "secrets",
    "shutil",
    "signal",
    "socket",
    "sqlite3",
    "statistics",
    "string",
    "struct",
    "subprocess",
    "sys",
    "tempfile",
    "textwrap",
    "threading",
    "time",
    "timeit",
    "traceback",
    "types",
    "typing",
    "unittest",
    "urllib",
    "uuid",
    "warnings",
    "weakref",
    "zoneinfo",
];

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's Levenshtein distance with case-insensitive substitutions half price; past
/// `max_cost`, any larger number.
fn distance(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bindex, &bchar) in b.iter().enumerate() {
        let mut distance = bindex * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &achar) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bchar, achar);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest of `candidates` to `wrong`, as CPython chooses it.
fn closest(wrong: &str, candidates: &[std::rc::Rc<str>]) -> Option<std::rc::Rc<str>> {
    let wrong_len = wrong.chars().count();
    if candidates.len() > MAX_CANDIDATE_ITEMS || wrong_len > MAX_STRING_SIZE {
        return None;
    }
    let mut best = wrong_len;
    let mut suggestion: Option<std::rc::Rc<str>> = None;
    for possible in candidates {
        if &**possible == wrong {
            continue;
        }
        let max = ((possible.chars().count() + wrong_len + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = distance(wrong, possible, max);
        if d > max {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(possible.clone());
            best = d;
        }
    }
    suggestion
}

/// What the report adds after `Type: message` (". Did you mean: 'sqrt'?"), or nothing.
pub fn suggestion(vm: &mut Vm, lookup: &FailedLookup) -> String {
    match lookup {
        FailedLookup::Attribute { name, obj } => {
            // dir(obj), through the builtins namespace (the core does not name the library).
            let Some(dir) = vm.builtins.borrow().get("dir").cloned() else { return String::new() };
            let Ok(listed) = vm.call(dir, vec![obj.clone()], vec![]) else { return String::new() };
            let names: Vec<std::rc::Rc<str>> =
                crate::vm::tuple_items(&listed).into_iter().filter_map(|v| if let Value::Str(s) = v { Some(s) } else { None }).collect();
            closest(name, &names).map(|s| format!(". Did you mean: '{s}'?")).unwrap_or_default()
        }
        FailedLookup::Name { name, locals, globals, self_value } => {
            let mut found = None;
            if let Some(me) = self_value {
                if vm.get_attr(me, name).is_ok() {
                    found = Some(format!("self.{name}"));
                }
            }
            if found.is_none() {
                let mut names = locals.clone();
                names.extend(globals.borrow().keys().cloned());
                names.extend(vm.builtins.borrow().keys().cloned());
                found = closest(name, &names).map(|s| s.to_string());
            }
            let forgot = STDLIB_MODULES.contains(&&**name);
            match (found, forgot) {
                (Some(s), true) => format!(". Did you mean: '{s}'? Or did you forget to import '{name}'?"),
                (Some(s), false) => format!(". Did you mean: '{s}'?"),
                (None, true) => format!(". Did you forget to import '{name}'?"),
                (None, false) => String::new(),
            }
        }
    }
}

/// Marks `exc` (an AttributeError raised by looking `name` up on `obj`) for a suggestion.
pub fn attribute_error(vm: &mut Vm, exc: Value, obj: &Value, name: &str) -> Value {
    let _ = vm;
    crate::types::exceptions::with_data(&exc, |d| {
        d.lookup = Some(std::rc::Rc::new(FailedLookup::Attribute { name: std::rc::Rc::from(name), obj: obj.clone() }))
    });
    exc
}

#[cfg(test)]
mod tests {
    use super::{closest, distance};
    use std::rc::Rc;

    #[test]
    fn distances_and_choices_are_cpythons() {
        assert_eq!(distance("sqr", "sqrt", 10), 2);
        assert_eq!(distance("Print", "print", 10), 1);
        assert_eq!(distance("abc", "xyz", 2), 3);
        let names: Vec<Rc<str>> = ["sqrt", "sin", "pi", "floor"].iter().map(|s| Rc::from(*s)).collect();
        assert_eq!(closest("sqr", &names).as_deref(), Some("sqrt"));
        assert_eq!(closest("flor", &names).as_deref(), Some("floor"));
        assert_eq!(closest("zzzzzz", &names), None);
    }
}
