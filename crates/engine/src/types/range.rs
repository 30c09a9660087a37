//! `range` arithmetic: length, membership and equality without materializing the range.

use crate::types::value::{Obj, Value};

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

pub fn range_contains(start: i64, stop: i64, step: i64, i: i64) -> bool {
    let in_bounds = if step > 0 { i >= start && i < stop } else { i <= start && i > stop };
    in_bounds && (i - start) % step == 0
}

pub fn range_eq(a: &Value, b: &Value) -> bool {
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        if let (Obj::Range { start: s1, stop: e1, step: t1 }, Obj::Range { start: s2, stop: e2, step: t2 }) = (&**x, &**y) {
            let (l1, l2) = (range_len(*s1, *e1, *t1), range_len(*s2, *e2, *t2));
            return l1 == l2 && (l1 == 0 || (s1 == s2 && (l1 == 1 || t1 == t2)));
        }
    }
    false
}
