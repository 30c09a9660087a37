//! Run-time checks of the match statement's patterns (CPython's MATCH_SEQUENCE,
//! MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS, and the `**rest` copy).

use crate::types::class::is_subclass;
use crate::types::value::{BuiltinType, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// Pure-Python classes of lib/ (defaultdict, Counter, namedtuple types) say through
/// this class attribute that they are mappings or sequences, as CPython's type flags do.
const KIND_MARKER: &str = "_awaitlab_match_kind";

/// Builtin types whose single positional sub-pattern matches the subject itself (`int(x)`).
const MATCH_SELF: [BuiltinType; 10] = [
    BuiltinType::Bool,
    BuiltinType::Bytes,
    BuiltinType::Dict,
    BuiltinType::Float,
    BuiltinType::FrozenSet,
    BuiltinType::Int,
    BuiltinType::List,
    BuiltinType::Set,
    BuiltinType::Str,
    BuiltinType::Tuple,
];

fn builtin_on_mro(class: &Rc<Obj>, wanted: &[BuiltinType]) -> bool {
    let Obj::Class(c) = &**class else { return false };
    if c.builtin.is_some_and(|b| wanted.contains(&b)) {
        return true;
    }
    c.mro.borrow().iter().any(|m| matches!(&**m, Obj::Class(mc) if mc.builtin.is_some_and(|b| wanted.contains(&b))))
}

impl Vm {
    fn marked_kind(&self, v: &Value) -> Option<Rc<str>> {
        let class = self.type_of(v);
        match self.class_lookup(&class, KIND_MARKER) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// Lists, tuples, ranges and deques; not str, bytes or bytearray.
    pub fn is_match_sequence(&self, v: &Value) -> bool {
        let class = self.type_of(v);
        builtin_on_mro(&class, &[BuiltinType::List, BuiltinType::Tuple, BuiltinType::Range, BuiltinType::Deque])
            || self.marked_kind(v).as_deref() == Some("sequence")
    }

    pub fn is_match_mapping(&self, v: &Value) -> bool {
        let class = self.type_of(v);
        builtin_on_mro(&class, &[BuiltinType::Dict]) || self.marked_kind(v).as_deref() == Some("mapping")
    }

    /// The values of `keys` in `subject` (looked up with `subject.get(key, default)`), or None
    /// as soon as one is missing.
    pub fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult {
        let keys = self.collect_iter(keys)?;
        if keys.is_empty() {
            return Ok(Value::tuple(vec![]));
        }
        let get = self.get_attr(subject, "get")?;
        let missing = Value::obj(Obj::Tuple(vec![Value::None]));
        let mut seen = crate::types::set_table::PySet::new();
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            let k = self.set_key(&seen, key.clone())?;
            if seen.contains(&k) {
                let r = self.repr(&key)?;
                return self.err("ValueError", format!("mapping pattern checks duplicate key ({r})"));
            }
            seen.add(k);
            let value = self.call(get.clone(), vec![key, missing.clone()], vec![])?;
            if value.is(&missing) {
                return Ok(Value::None);
            }
            values.push(value);
        }
        Ok(Value::tuple(values))
    }

    /// A copy of the mapping `subject` without `keys`: what `**rest` binds.
    pub fn match_rest(&mut self, subject: &Value, keys: &Value) -> PyResult {
        let rest = Value::dict(Default::default());
        crate::types::dict::dict_update_from(self, &rest, subject)?;
        for key in self.collect_iter(keys)? {
            self.del_item(&rest, &key)?;
        }
        Ok(rest)
    }

    /// `cls(p1, p2, kw=p3)`: None unless `subject` is an instance of `cls`; else the tuple of
    /// the attributes to match (None if one is missing).
    pub fn match_class(&mut self, subject: &Value, cls: &Value, names: &Value, nargs: usize) -> PyResult {
        let class = match cls {
            Value::Obj(o) if matches!(&**o, Obj::Class(_)) => o.clone(),
            _ => return self.type_error("called match pattern must be a class"),
        };
        let type_name = match self.get_attr(cls, "__name__") {
            Ok(Value::Str(s)) => s,
            _ => Rc::from("?"),
        };
        if !is_subclass(&self.type_of(subject), &class) {
            return Ok(Value::None);
        }
        let mut attrs = vec![];
        let mut seen: Vec<Rc<str>> = vec![];
        if nargs > 0 {
            let match_args = match self.get_attr(cls, "__match_args__") {
                Ok(v) => Some(v),
                Err(e) if crate::types::exceptions::is_instance_of(&e, &self.types.exc("AttributeError")) => None,
                Err(e) => return Err(e),
            };
            let (allowed, positional_names) = match &match_args {
                Some(v) => match v {
                    Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => {
                        let Obj::Tuple(items) = &**o else { unreachable!() };
                        (items.len(), Some(items.clone()))
                    }
                    other => {
                        let got = self.type_name(other);
                        return self.type_error(format!("{type_name}.__match_args__ must be a tuple (got {got})"));
                    }
                },
                None => (builtin_on_mro(&class, &MATCH_SELF) as usize, None),
            };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return self.type_error(format!("{type_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"));
            }
            match positional_names {
                None => attrs.push(subject.clone()),
                Some(names) => {
                    for name in &names[..nargs] {
                        let Value::Str(name) = name else {
                            let got = self.type_name(name);
                            return self.type_error(format!("__match_args__ elements must be strings (got {got})"));
                        };
                        match self.match_class_attr(subject, &type_name, name, &mut seen)? {
                            Some(v) => attrs.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
            }
        }
        for name in self.collect_iter(names)? {
            let Value::Str(name) = name else { continue };
            match self.match_class_attr(subject, &type_name, &name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(attrs))
    }

    fn match_class_attr(&mut self, subject: &Value, type_name: &str, name: &Rc<str>, seen: &mut Vec<Rc<str>>) -> PyResult<Option<Value>> {
        if seen.contains(name) {
            let r = awaitlab_syntax::literal::str_repr(name);
            return self.type_error(format!("{type_name}() got multiple sub-patterns for attribute {r}"));
        }
        seen.push(name.clone());
        match self.get_attr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if crate::types::exceptions::is_instance_of(&e, &self.types.exc("AttributeError")) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
