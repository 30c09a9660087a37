//! The match statement, compiled as CPython 3.11's compiler does (`compiler_match_inner` and
//! the `compiler_pattern_*` family), so that what is evaluated, in which order, and which
//! names are bound when a case or a guard fails, is the same.
//!
//! A pattern consumes the subject on top of the stack. Captured values are rotated down
//! beneath whatever must stay on top (`on_top`) and are stored only once the whole pattern
//! matched. A failing check jumps to a "fail pop" label that drops exactly what is on the
//! stack at that point; the labels are emitted after the case, deepest first.

use super::{CResult, Compiler};
use crate::bytecode::{Const, Op};
use awaitlab_syntax::ast::*;
use awaitlab_syntax::Span;

#[derive(Default)]
struct PatternContext {
    /// Names captured so far, in the order their values lie on the stack (first on top).
    stores: Vec<String>,
    allow_irrefutable: bool,
    /// Jump sites to patch, each with how many items it must pop before failing.
    fail_jumps: Vec<(usize, usize)>,
    /// Items above the captures that later checks still need.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::As { pattern: None, name: None })
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::Star(None))
}

/// A literal mapping key, normalised so that keys Python finds equal (1, 1.0, True) meet.
fn literal_key(e: &Expr) -> Option<(String, String)> {
    let number = |f: f64, repr: String| Some((format!("n{f}"), repr));
    match &e.kind {
        ExprKind::Int(s) => number(s.parse::<f64>().ok()?, s.clone()),
        ExprKind::Float(f) => number(*f, awaitlab_syntax::literal::float_repr(*f)),
        ExprKind::Unary(UnaryOp::Neg, inner) => {
            let (_, repr) = literal_key(inner)?;
            match &inner.kind {
                ExprKind::Int(s) => number(-s.parse::<f64>().ok()?, format!("-{repr}")),
                ExprKind::Float(f) => number(-*f, awaitlab_syntax::literal::float_repr(-*f)),
                _ => None,
            }
        }
        ExprKind::True => number(1.0, "True".into()),
        ExprKind::False => number(0.0, "False".into()),
        ExprKind::None => Some(("None".into(), "None".into())),
        ExprKind::Str(s) => Some((format!("s{s}"), awaitlab_syntax::literal::str_repr(s))),
        ExprKind::Bytes(b) => Some((format!("b{b:?}"), awaitlab_syntax::literal::bytes_repr(b))),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult<()> {
        self.expr(subject)?;
        let mut ends = vec![];
        let last = cases.last().expect("a match has a case");
        let has_default = is_wildcard(&last.pattern) && cases.len() > 1;
        let looped = cases.len() - has_default as usize;
        for (i, case) in cases[..looped].iter().enumerate() {
            self.span = case.pattern.span;
            // The subject is copied for every case but the last one tried.
            let copies = i != looped - 1;
            if copies {
                self.op(Op::Copy(1));
            }
            let mut pc = PatternContext { allow_irrefutable: case.guard.is_some() || i == cases.len() - 1, ..Default::default() };
            self.pattern(&case.pattern, &mut pc)?;
            // Matched: bind the captures (they are on the stack, the first on top).
            for name in &pc.stores {
                self.store_name(name);
            }
            if let Some(guard) = &case.guard {
                self.expr(guard)?;
                let j = self.op(Op::PopJumpIfFalse(0));
                pc.fail_jumps.push((j, 0));
            }
            if copies {
                self.op(Op::Pop);
            }
            self.body(&case.body)?;
            ends.push(self.op(Op::Jump(0)));
            self.span = case.pattern.span;
            self.emit_fail_pops(&mut pc);
        }
        if has_default {
            self.span = last.pattern.span;
            self.op(Op::Nop);
            if let Some(guard) = &last.guard {
                self.expr(guard)?;
                ends.push(self.op(Op::PopJumpIfFalse(0)));
            }
            self.body(&last.body)?;
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        Ok(())
    }

    /// Jumps (with `op`, a conditional or plain jump) to the label that pops what is now on
    /// the stack and fails.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        let at = self.op(op);
        pc.fail_jumps.push((at, pops));
    }

    /// Emits the fail labels: one `Pop` per level, deepest first, each jump entering at its depth.
    fn emit_fail_pops(&mut self, pc: &mut PatternContext) {
        let jumps = std::mem::take(&mut pc.fail_jumps);
        let deepest = jumps.iter().map(|&(_, pops)| pops).max().unwrap_or(0);
        for level in (0..=deepest).rev() {
            let here = self.here();
            for &(at, pops) in &jumps {
                if pops == level {
                    self.patch(at, here);
                }
            }
            if level > 0 {
                self.op(Op::Pop);
            }
        }
    }

    fn rotate(&mut self, n: usize) {
        if n > 1 {
            self.op(Op::RotN(n as u32));
        }
    }

    /// Errors point where CPython's do: at the pattern compiled last.
    fn store_capture(&mut self, name: &Option<String>, pc: &mut PatternContext) -> CResult<()> {
        let Some(name) = name else {
            self.op(Op::Pop);
            return Ok(());
        };
        if pc.stores.contains(name) {
            return self.err(self.span, &format!("multiple assignments to name '{name}' in pattern"));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.clone());
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.span = p.span;
        match &p.kind {
            PatternKind::Value(value) => {
                self.expr(value)?;
                self.span = p.span;
                self.op(Op::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            PatternKind::Singleton(value) => {
                self.expr(value)?;
                self.span = p.span;
                self.op(Op::Compare(CmpOp::Is));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            PatternKind::As { pattern: None, name } => {
                if !pc.allow_irrefutable {
                    return match name {
                        Some(n) => self.err(p.span, &format!("name capture '{n}' makes remaining patterns unreachable")),
                        None => self.err(p.span, "wildcard makes remaining patterns unreachable"),
                    };
                }
                self.store_capture(name, pc)?;
            }
            PatternKind::As { pattern: Some(inner), name } => {
                pc.on_top += 1;
                self.op(Op::Copy(1));
                self.pattern(inner, pc)?;
                pc.on_top -= 1;
                self.store_capture(name, pc)?;
            }
            PatternKind::Star(name) => self.store_capture(name, pc)?,
            PatternKind::Sequence(items) => self.sequence_pattern(items, pc, p.span)?,
            PatternKind::Mapping { keys, patterns, rest } => self.mapping_pattern(keys, patterns, rest, pc, p.span)?,
            PatternKind::Class { cls, patterns, kwd_names, kwd_patterns } => {
                self.class_pattern(cls, patterns, kwd_names, kwd_patterns, pc, p.span)?
            }
            PatternKind::Or(alts) => self.or_pattern(alts, pc, p.span)?,
        }
        Ok(())
    }

    /// A pattern nested in another may be irrefutable whatever the case allows.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    fn load_int(&mut self, i: usize) {
        let k = self.konst(Const::Int(i as i64));
        self.op(Op::LoadConst(k));
    }

    fn sequence_pattern(&mut self, items: &'a [Pattern], pc: &mut PatternContext, span: Span) -> CResult<()> {
        let size = items.len();
        let mut star = None;
        let mut star_wildcard = false;
        let mut only_wildcard = true;
        for (i, item) in items.iter().enumerate() {
            if matches!(item.kind, PatternKind::Star(_)) {
                if star.is_some() {
                    return self.err(span, "multiple starred names in sequence pattern");
                }
                star_wildcard = is_star_wildcard(item);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(item);
        }
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.op(Op::MatchSequence);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        match star {
            None => {
                self.op(Op::GetLen);
                self.load_int(size);
                self.op(Op::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            Some(_) if size > 1 => {
                self.op(Op::GetLen);
                self.load_int(size - 1);
                self.op(Op::Compare(CmpOp::Ge));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.op(Op::Pop);
        } else if star_wildcard {
            self.sequence_subscr(items, star.unwrap(), pc)?;
        } else {
            match star {
                None => self.op(Op::UnpackSequence(size as u32)),
                Some(s) => self.op(Op::UnpackEx(s as u32, (size - s - 1) as u32)),
            };
            pc.on_top += size;
            for item in items {
                pc.on_top -= 1;
                self.subpattern(item, pc)?;
            }
        }
        Ok(())
    }

    /// `[a, *_, b]`: index the elements needed rather than unpacking the whole sequence.
    fn sequence_subscr(&mut self, items: &'a [Pattern], star: usize, pc: &mut PatternContext) -> CResult<()> {
        pc.on_top += 1;
        let size = items.len();
        for (i, item) in items.iter().enumerate() {
            if is_wildcard(item) || i == star {
                continue;
            }
            self.op(Op::Copy(1));
            if i < star {
                self.load_int(i);
            } else {
                // The subject may not support negative indexes.
                self.op(Op::GetLen);
                self.load_int(size - i);
                self.op(Op::Binary(BinOp::Sub));
            }
            self.op(Op::Subscr);
            self.subpattern(item, pc)?;
        }
        pc.on_top -= 1;
        self.op(Op::Pop);
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: &Option<String>,
        pc: &mut PatternContext,
        span: Span,
    ) -> CResult<()> {
        let size = keys.len();
        pc.on_top += 1;
        self.op(Op::MatchMapping);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.op(Op::Pop);
            return Ok(());
        }
        if size > 0 {
            self.op(Op::GetLen);
            self.load_int(size);
            self.op(Op::Compare(CmpOp::Ge));
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        }
        let mut seen = std::collections::HashSet::new();
        for key in keys {
            if let Some((normal, repr)) = literal_key(key) {
                if !seen.insert(normal) {
                    return self.err(span, &format!("mapping pattern checks duplicate key ({repr})"));
                }
            }
            self.expr(key)?;
        }
        self.span = span;
        self.op(Op::BuildTuple(size as u32));
        self.op(Op::MatchKeys);
        // The keys and the values (or None) are now on top of the subject.
        pc.on_top += 2;
        self.op(Op::Copy(1));
        self.op(Op::LoadConst(0));
        self.op(Op::Compare(CmpOp::IsNot));
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        self.op(Op::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if rest.is_some() {
            // [subject, keys] -> a dict of the other items.
            self.op(Op::MatchRest);
            self.store_capture(rest, pc)?;
        } else {
            self.op(Op::Pop);
            self.op(Op::Pop);
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_names: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
        span: Span,
    ) -> CResult<()> {
        for (i, name) in kwd_names.iter().enumerate() {
            if kwd_names[..i].contains(name) {
                return self.err(kwd_patterns[i].span, &format!("attribute name repeated in class pattern: {name}"));
            }
        }
        self.expr(cls)?;
        self.span = span;
        let names = Const::Tuple(kwd_names.iter().map(|n| Const::str(n)).collect());
        self.consts.push(names);
        let k = (self.consts.len() - 1) as u32;
        self.op(Op::LoadConst(k));
        self.op(Op::MatchClass(patterns.len() as u32));
        self.op(Op::Copy(1));
        self.op(Op::LoadConst(0));
        self.op(Op::Compare(CmpOp::IsNot));
        // The tuple of attributes (or None) is on top.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        let total = patterns.len() + kwd_patterns.len();
        self.op(Op::UnpackSequence(total as u32));
        pc.on_top += total;
        pc.on_top -= 1;
        for p in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.op(Op::Pop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, alts: &'a [Pattern], pc: &mut PatternContext, span: Span) -> CResult<()> {
        let mut ends = vec![];
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.span = alt.span;
            let mut alt_pc = PatternContext { allow_irrefutable: i == alts.len() - 1 && pc.allow_irrefutable, ..Default::default() };
            self.op(Op::Copy(1));
            self.pattern(alt, &mut alt_pc)?;
            match &control {
                None => control = Some(alt_pc.stores.clone()),
                Some(control) => {
                    if control.len() != alt_pc.stores.len() {
                        return self.err(self.span, "alternative patterns bind different names");
                    }
                    // Reorder this alternative's captures on the stack to the first one's order.
                    for icontrol in (0..control.len()).rev() {
                        let Some(istores) = alt_pc.stores.iter().position(|n| *n == control[icontrol]) else {
                            return self.err(self.span, "alternative patterns bind different names");
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = alt_pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            alt_pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            ends.push(self.op(Op::Jump(0)));
            self.emit_fail_pops(&mut alt_pc);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(Op::Pop, span);
        self.jump_to_fail_pop(pc, Op::Jump(0));
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        let control = control.unwrap_or_default();
        let rotations = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(rotations);
            if pc.stores.contains(&name) {
                return self.err(self.span, &format!("multiple assignments to name '{name}' in pattern"));
            }
            pc.stores.push(name);
        }
        // Drop the copy of the subject.
        self.op(Op::Pop);
        Ok(())
    }
}
