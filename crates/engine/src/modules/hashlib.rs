//! `_hashlib`: the digests `hashlib` offers (`lib/hashlib.py` keeps CPython's API in Python),
//! from RustCrypto's `md-5`, `sha1` and `sha2` crates. `random` seeds from a str with sha512, as
//! CPython's does, through `digest` too.

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arity, as_str, Args, Kwargs};
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use sha2::Digest;

/// `data`'s digest by the algorithm CPython's hashlib calls `name`.
pub(crate) fn digest(name: &str, data: &[u8]) -> Option<Vec<u8>> {
    Some(match name {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

/// `digest(name, data)` → bytes.
fn digest_of(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "digest")?;
    let name = as_str(vm, &args[0])?;
    let Some(data) = crate::types::buffer::bytes_like(vm, &args[1])? else {
        return vm.type_error("object supporting the buffer API required");
    };
    match digest(&name, &data) {
        Some(d) => Ok(Value::obj(Obj::Bytes(d))),
        None => vm.err("ValueError", format!("unsupported hash type {name}")),
    }
}

/// Makes the module (see `MODULES`).
pub(super) fn load(_vm: &mut Vm, module: &Module) -> PyResult {
    Ok(new_module(module.name, funcs(&[("digest", digest_of)])).0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_digests() {
        let hex = |name: &str, data: &[u8]| super::digest(name, data).unwrap().iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(hex("md5", b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(hex("sha1", b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(hex("sha256", b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert!(hex("sha512", b"abc").starts_with("ddaf35a193617abacc417349ae204131"));
        assert!(super::digest("whirlpool", b"").is_none());
    }
}
