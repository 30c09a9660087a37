//! Calling: functions, bound methods, builtins and classes; binding arguments to parameters
//! as CPython does (with its messages); creating generators and coroutines.

use crate::types::value::{DictMap, Function, GenKind, GenState, Generator, Key, Obj, Value};
use crate::vm::{Mode, PyResult, Thread, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

impl Vm {
    /// Calls any callable from native code (Python functions run in a nested thread).
    pub fn call(&mut self, func: Value, args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult {
        let Value::Obj(o) = &func else {
            let t = self.type_name(&func);
            return self.type_error(format!("'{t}' object is not callable"));
        };
        match &**o {
            Obj::Function(f) => {
                let fast = self.bind_args(f, args, kwargs)?;
                if f.code.is_generator || f.code.is_coroutine {
                    return Ok(self.make_generator(f, fast));
                }
                let frame = self.make_frame(f, fast, Mode::Top);
                self.run_nested(Thread { frames: vec![frame], pending_throw: None })
            }
            Obj::Builtin(b) => {
                let args = match &b.bound {
                    Some(recv) => {
                        let mut a = Vec::with_capacity(args.len() + 1);
                        a.push(recv.clone());
                        a.extend(args);
                        a
                    }
                    None => args,
                };
                (b.func)(self, args, kwargs)
            }
            Obj::BoundMethod { receiver, func: inner } => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(receiver.clone());
                a.extend(args);
                self.call(inner.clone(), a, kwargs)
            }
            Obj::Class(c) => {
                // A metaclass's own __call__ (EnumType's, for one) decides what calling does.
                if let Some(meta) = &c.meta {
                    if let Some(m) = self.class_lookup(meta, "__call__") {
                        if matches!(&m, Value::Obj(f) if matches!(&**f, Obj::Function(_))) {
                            let mut a = Vec::with_capacity(args.len() + 1);
                            a.push(func.clone());
                            a.extend(args);
                            return self.call(m, a, kwargs);
                        }
                    }
                }
                crate::types::class::instantiate(self, o.clone(), args, kwargs)
            }
            Obj::StaticMethod(f) => self.call(f.clone(), args, kwargs),
            Obj::Instance(_) => match self.lookup_method(&func, "__call__")? {
                Some(m) => {
                    let mut a = vec![func.clone()];
                    a.extend(args);
                    self.call(m, a, kwargs)
                }
                None => {
                    let t = self.type_name(&func);
                    self.type_error(format!("'{t}' object is not callable"))
                }
            },
            _ => {
                let t = self.type_name(&func);
                self.type_error(format!("'{t}' object is not callable"))
            }
        }
    }

    pub fn make_generator(&mut self, f: &Function, fast: Vec<Option<Value>>) -> Value {
        let mut frame = self.make_frame(f, fast, Mode::Call);
        let kind = match (f.code.is_generator, f.code.is_coroutine) {
            (true, true) => GenKind::AsyncGenerator,
            (true, false) => GenKind::Generator,
            _ => GenKind::Coroutine,
        };
        let id = self.new_id();
        let gen = Rc::new(Obj::Gen(Generator {
            kind,
            state: Cell::new(GenState::Created),
            frame: RefCell::new(None),
            name: f.name.borrow().clone(),
            qualname: f.current_qualname(),
            code: f.code.clone(),
            awaited: Cell::new(false),
            id,
            created_line: self.call_line,
            created_by_program: self.call_in_program,
        }));
        frame.gen = Some(Rc::downgrade(&gen));
        if let Obj::Gen(g) = &*gen {
            *g.frame.borrow_mut() = Some(Box::new(frame));
        }
        Value::Obj(gen)
    }

    /// Binds call arguments to a function's parameter slots, with CPython's error messages.
    pub fn bind_args(&mut self, f: &Function, mut args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult<Vec<Option<Value>>> {
        let code = &f.code;
        let nparams = code.argcount as usize;
        let nkwonly = code.kwonlyargcount as usize;
        let mut fast: Vec<Option<Value>> = self.spare_locals.pop().unwrap_or_default();
        fast.resize(code.varnames.len(), None);
        // CPython names the function by its qualified name (`A.m() missing ...`).
        let fname = f.current_qualname();
        // As CPython's initialize_locals: keyword errors come before too many positionals.
        let too_many = (args.len() > nparams && !code.varargs).then_some(args.len());
        let extra = if args.len() > nparams { args.split_off(nparams) } else { vec![] };
        let npos = args.len();
        for (i, a) in args.into_iter().enumerate() {
            fast[i] = Some(a);
        }
        let mut varargs_slot = nparams + nkwonly;
        if code.varargs {
            fast[varargs_slot] = Some(Value::tuple(extra));
            varargs_slot += 1;
        }
        let mut extra_kw = DictMap::default();
        let mut positional_only_by_keyword = vec![];
        for (k, v) in kwargs {
            let pos = code.varnames[..nparams + nkwonly].iter().position(|n| **n == *k);
            match pos {
                Some(p) if p >= code.posonlyargcount as usize => {
                    if fast[p].is_some() {
                        return self.type_error(format!("{fname}() got multiple values for argument '{k}'"));
                    }
                    fast[p] = Some(v);
                }
                _ => {
                    if code.varkw {
                        extra_kw.insert(Key { hash: crate::vm::ops::str_hash(&k), value: Value::Str(k) }, v);
                    } else if pos.is_some() {
                        positional_only_by_keyword.push(k);
                    } else {
                        return self.type_error(format!("{fname}() got an unexpected keyword argument '{k}'"));
                    }
                }
            }
        }
        if !positional_only_by_keyword.is_empty() {
            let names: Vec<String> = positional_only_by_keyword.iter().map(|n| format!("'{n}'")).collect();
            return self
                .type_error(format!("{fname}() got some positional-only arguments passed as keyword arguments: {}", names.join(", ")));
        }
        if let Some(given) = too_many {
            let ndefaults = f.defaults.len();
            let takes = if ndefaults > 0 {
                format!("from {} to {} positional arguments", nparams - ndefaults, nparams)
            } else {
                format!("{} positional argument{}", nparams, if nparams == 1 { "" } else { "s" })
            };
            let was = if given == 1 { "was" } else { "were" };
            return self.type_error(format!("{fname}() takes {takes} but {given} {was} given"));
        }
        if code.varkw {
            fast[varargs_slot] = Some(Value::dict(extra_kw));
        }
        // Defaults for missing positionals.
        let first_default = nparams - f.defaults.len();
        let mut missing = vec![];
        for (i, slot) in fast.iter_mut().enumerate().take(nparams).skip(npos) {
            if slot.is_none() {
                if i >= first_default {
                    *slot = Some(f.defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return self.type_error(format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            ));
        }
        let mut missing_kw = vec![];
        for (i, slot) in fast.iter_mut().enumerate().skip(nparams).take(nkwonly) {
            if slot.is_none() {
                let name = &code.varnames[i];
                match f.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => *slot = Some(v.clone()),
                    None => missing_kw.push(name.clone()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return self.type_error(format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                name_list(&missing_kw)
            ));
        }
        Ok(fast)
    }
}

fn name_list(names: &[Rc<str>]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
