//! Code objects as the interpreter runs them: the compiler's bytecode, its constant pool linked
//! into values (once per code object), and the inline caches of its attribute sites.

use crate::types::native::NativeObj;
use crate::types::value::{Obj, Value};
use awaitlab_compile::bytecode::{self, Const};
use std::cell::RefCell;
use std::rc::Rc;

pub struct Code {
    /// What the compiler made. Its constant pool is empty: the constants live in `consts`.
    pub bytecode: bytecode::Code,
    /// The constants, as values: each load of an entry gives the same object.
    pub consts: Vec<Value>,
    /// One slot per instruction (filled lazily for attribute and method sites).
    pub method_cache: RefCell<Vec<Option<MethodCacheEntry>>>,
}

impl std::ops::Deref for Code {
    type Target = bytecode::Code;
    fn deref(&self) -> &bytecode::Code {
        &self.bytecode
    }
}

/// Turns compiled code into a code object the VM runs: every constant becomes a value, nested
/// code objects included.
pub fn link(mut code: bytecode::Code) -> Rc<Code> {
    let consts = std::mem::take(&mut code.consts).into_iter().map(const_value).collect();
    Rc::new(Code { bytecode: code, consts, method_cache: RefCell::new(Vec::new()) })
}

fn const_value(c: Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(b),
        Const::Int(i) => Value::Int(i),
        Const::BigInt(digits) => Value::Big(Rc::new(digits.parse().unwrap_or_default())),
        Const::Float(f) => Value::Float(f),
        Const::Str(s) => Value::Str(s),
        Const::Bytes(b) => Value::obj(Obj::Bytes(b)),
        Const::Ellipsis => crate::types::native::ellipsis(),
        Const::Tuple(items) => Value::tuple(items.into_iter().map(const_value).collect()),
        Const::Code(code) => Value::obj(Obj::Native(NativeObj::Code(link(*code)))),
    }
}

/// An inline cache entry for attribute access on instances: the class it was filled for and
/// the class-mutation epoch then. At a `LoadMethod` site `func` is the method found; at a
/// `LoadAttr`/`StoreAttr` site it is unused (`None`) and a hit means the plain path holds: the
/// class defines no property (nor `__setattr__`) for the name, so the instance dict decides.
#[derive(Clone)]
pub struct MethodCacheEntry {
    pub class: usize,
    pub epoch: u64,
    pub func: Value,
}

impl MethodCacheEntry {
    /// The cache key of an instance's class: its address, and the global class epoch.
    pub fn key(class: &Rc<crate::types::value::Obj>) -> (usize, u64) {
        (Rc::as_ptr(class) as *const u8 as usize, crate::types::code::class_epoch())
    }
}

impl Code {
    /// Whether the entry at instruction `ip` was filled for `key` (see `MethodCacheEntry::key`).
    pub fn is_cached(&self, ip: usize, key: (usize, u64)) -> bool {
        matches!(self.method_cache.borrow().get(ip), Some(Some(e)) if (e.class, e.epoch) == key)
    }

    /// The method cached at `ip` for `key`.
    pub fn cached_func(&self, ip: usize, key: (usize, u64)) -> Option<Value> {
        self.method_cache.borrow().get(ip)?.as_ref().filter(|e| (e.class, e.epoch) == key).map(|e| e.func.clone())
    }

    pub fn fill_cache(&self, ip: usize, key: (usize, u64), func: Value) {
        let mut cache = self.method_cache.borrow_mut();
        if cache.len() < self.ops.len() {
            cache.resize(self.ops.len(), None);
        }
        cache[ip] = Some(MethodCacheEntry { class: key.0, epoch: key.1, func });
    }
}

thread_local! {
    /// Bumped whenever a class is created or its namespace changes: invalidates the inline
    /// caches. Per thread, not per run: the engine's own code objects, caches included, serve
    /// every run on the thread, so an epoch must never come back.
    static CLASS_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

pub fn bump_class_epoch() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|e| e.get())
}
