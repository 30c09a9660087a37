//! Weak references: the part of CPython's `Objects/weakrefobject.c` that must be native.
//! A reference holds a `Weak<Obj>`, which dies exactly when the last strong reference goes:
//! CPython's reference-counting timing. The reference objects themselves are Python
//! (`lib/_weakref.py`); this file keeps, per weakly referenced object, the references made to it
//! (`getweakrefs`, and whose callbacks to queue when it is freed).
//!
//! Freeing an object must stay cheap: `Obj::drop` asks [`watching`] (a global count of threads
//! watching objects, then this thread's flag) before consulting the table.

use crate::types::value::{Obj, Value};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A reference made to a watched object; `callback`: whether it has one to call.
struct Watch {
    reference: Weak<Obj>,
    callback: bool,
}

/// How many threads watch some object: a plain load on every drop, so that programs without
/// weak references never touch thread-local storage there.
static THREADS_WATCHING: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's table holds any object (counted in `THREADS_WATCHING`).
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    /// The watched objects' addresses (an address is not reused while a `Weak` to it lives),
    /// sorted, with their references: a vector searched by halves is less wasm than a map.
    static TABLE: RefCell<Vec<(usize, Vec<Watch>)>> = const { RefCell::new(Vec::new()) };
}

/// Whether any thread has weakly referenced objects: `Obj::drop`'s one check (a plain load).
#[inline(always)]
pub fn watching() -> bool {
    THREADS_WATCHING.load(Ordering::Relaxed) != 0
}

fn set_watching(on: bool) {
    let _ = WATCHING.try_with(|w| {
        if w.replace(on) != on {
            if on {
                THREADS_WATCHING.fetch_add(1, Ordering::Relaxed);
            } else {
                THREADS_WATCHING.fetch_sub(1, Ordering::Relaxed);
            }
        }
    });
}

/// `Obj::drop` of a watched object, maybe: its references' callbacks are queued (newest first,
/// as CPython's list holds them) to run at the next instruction (`vm/finalize.rs`).
#[cold]
#[inline(never)]
pub fn dropped(obj: &Obj) {
    if !WATCHING.try_with(Cell::get).unwrap_or(false) {
        return;
    }
    let address = obj as *const Obj as usize;
    let Ok(Some(watches)) = TABLE.try_with(|t| {
        let mut table = t.borrow_mut();
        let found = table.binary_search_by_key(&address, |(a, _)| *a).ok().map(|i| table.remove(i).1);
        if table.is_empty() {
            set_watching(false);
        }
        found
    }) else {
        return;
    };
    for watch in watches.iter().rev().filter(|w| w.callback) {
        if let Some(reference) = watch.reference.upgrade() {
            crate::vm::finalize::queue_weakref_callback(reference);
        }
    }
}

/// Whether CPython's type of `obj` has a weak reference list: instances of classes defined in
/// Python (unless `__slots__` leave out `__weakref__`), functions, methods, classes, sets,
/// generators, coroutines, modules, deques, futures and tasks, code objects. Not int, str,
/// tuple, list, dict, None, `object()` or the builtin exceptions.
pub fn accepts(obj: &Obj) -> bool {
    use crate::types::native::NativeObj;
    match obj {
        Obj::Instance(i) => {
            let Obj::Class(class) = &*i.class else { return false };
            let mro = class.mro.borrow();
            mro.iter().any(|c| match &**c {
                Obj::Class(c) if c.builtin.is_none() => match c.dict.borrow().get("__slots__") {
                    None => true,
                    Some(Value::Str(s)) => &**s == "__weakref__",
                    Some(Value::Obj(slots)) => match &**slots {
                        Obj::Tuple(names) => names.iter().any(|n| matches!(n, Value::Str(s) if &**s == "__weakref__")),
                        Obj::List(names) => names.borrow().iter().any(|n| matches!(n, Value::Str(s) if &**s == "__weakref__")),
                        _ => true,
                    },
                    Some(_) => true,
                },
                _ => false,
            })
        }
        Obj::Function(_) | Obj::Builtin(_) | Obj::Class(_) | Obj::Set(_) | Obj::FrozenSet(_) | Obj::Gen(_) | Obj::Module { .. } => true,
        Obj::Deque(..) => true,
        // A bound method: a Python function's (a builtin's is a builtin_function_or_method).
        Obj::BoundMethod { func: Value::Obj(f), .. } => matches!(&**f, Obj::Function(_)),
        Obj::Native(NativeObj::Future(_) | NativeObj::Code(_)) => true,
        _ => false,
    }
}

/// Records `reference` (a `_weakref.ref`) as made to `obj`.
pub fn watch(obj: &Rc<Obj>, reference: &Rc<Obj>, callback: bool) {
    let _ = TABLE.try_with(|t| {
        let mut table = t.borrow_mut();
        let address = Rc::as_ptr(obj) as usize;
        let i = match table.binary_search_by_key(&address, |(a, _)| *a) {
            Ok(i) => i,
            Err(i) => {
                table.insert(i, (address, vec![]));
                i
            }
        };
        let watches = &mut table[i].1;
        watches.retain(|w| w.reference.strong_count() > 0);
        watches.push(Watch { reference: Rc::downgrade(reference), callback });
        set_watching(true);
    });
}

/// The live references to `obj` in CPython's order: those without a callback first, then the
/// others newest first.
pub fn references(obj: &Rc<Obj>) -> Vec<Value> {
    let address = Rc::as_ptr(obj) as usize;
    TABLE
        .try_with(|t| {
            let table = t.borrow();
            let Ok(i) = table.binary_search_by_key(&address, |(a, _)| *a) else { return vec![] };
            let watches = &table[i].1;
            let plain = watches.iter().filter(|w| !w.callback);
            let with_callback = watches.iter().rev().filter(|w| w.callback);
            plain.chain(with_callback).filter_map(|w| w.reference.upgrade()).map(Value::Obj).collect()
        })
        .unwrap_or_default()
}

/// Forgets every watched object: the run is over, nothing is called any more.
pub fn forget_all() {
    let table = TABLE.try_with(|t| std::mem::take(&mut *t.borrow_mut()));
    set_watching(false);
    drop(table);
}
