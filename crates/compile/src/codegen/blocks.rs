//! `with`, `try` and the handler-block stack: what `break`, `continue` and `return` must clean up
//! on the way out of the blocks they leave (inlined, as CPython does).

use super::{CResult, Compiler, FBlock};
use crate::bytecode::Op;
use awaitlab_syntax::ast::*;
use awaitlab_syntax::Span;

impl<'a> Compiler<'a> {
    pub(super) fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool, span: Span) -> CResult<()> {
        let Some((first, rest)) = items.split_first() else { return self.body(body) };
        self.expr(&first.ctx)?;
        self.span = span;
        if is_async {
            self.op(Op::AsyncWithEnter);
            self.op(Op::Await);
        } else {
            self.op(Op::WithEnter);
        }
        // Stack: exit-callable, enter-result.
        let setup = self.op(Op::SetupWith(0));
        match &first.target {
            Some(t) => self.assign(t)?,
            None => {
                self.op(Op::Pop);
            }
        }
        self.fblocks.push(FBlock::With { is_async });
        self.with(rest, body, is_async, span)?;
        self.fblocks.pop();
        self.span = span;
        self.op(Op::PopBlock);
        self.with_exit_normal(is_async);
        let j = self.op(Op::Jump(0));
        let h = self.here();
        self.patch(setup, h);
        // Exception on TOS, exit-callable below it.
        self.op(Op::PushExcInfo);
        if is_async {
            self.op(Op::AsyncWithExitExc);
            self.op(Op::Await);
        } else {
            self.op(Op::WithExitExc);
        }
        let jt = self.op(Op::PopJumpIfTrue(0));
        self.op(Op::Reraise);
        let sw = self.here();
        self.patch(jt, sw);
        // Suppressed: drop the exception and the exit callable.
        self.op(Op::Swallow);
        let end = self.here();
        self.patch(j, end);
        Ok(())
    }

    pub(super) fn with_exit_normal(&mut self, is_async: bool) {
        if is_async {
            self.op(Op::AsyncWithExitNormal);
            self.op(Op::Await);
            self.op(Op::Pop);
        } else {
            self.op(Op::WithExitNormal);
            self.op(Op::Pop);
        }
    }

    pub(super) fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt], star: bool) -> CResult<()> {
        if star {
            return self.try_except_star(body, handlers, orelse);
        }
        let setup = self.op(Op::SetupExcept(0));
        self.fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.fblocks.pop();
        self.op(Op::PopBlock);
        self.body(orelse)?;
        let mut ends = vec![self.op(Op::Jump(0))];
        let h = self.here();
        self.patch(setup, h);
        // Exception on TOS.
        self.op(Op::PushExcInfo);
        for (i, handler) in handlers.iter().enumerate() {
            self.span = handler.span;
            let mut next = None;
            match &handler.typ {
                Some(t) => {
                    self.op(Op::Dup);
                    self.expr(t)?;
                    self.span = handler.span;
                    self.op(Op::CheckExcMatch);
                    next = Some(self.op(Op::PopJumpIfFalse(0)));
                }
                None => {
                    if i + 1 != handlers.len() {
                        return self.err(handler.span, "default 'except:' must be last");
                    }
                }
            }
            match &handler.name {
                Some(n) => self.store_name(n),
                None => {
                    self.op(Op::Pop);
                }
            }
            self.fblocks.push(FBlock::Handler { name: handler.name.clone() });
            if let Some(n) = &handler.name {
                // `except E as n:` deletes n afterwards, even when the body raises.
                let setup = self.op(Op::SetupFinally(0));
                self.fblocks.push(FBlock::TryFinally { body: &[] });
                self.body(&handler.body)?;
                self.fblocks.pop();
                self.op(Op::PopBlock);
                let j = self.op(Op::Jump(0));
                let h = self.here();
                self.patch(setup, h);
                self.op(Op::LoadConst(0));
                self.store_name(n);
                self.delete_name(n);
                self.op(Op::Reraise);
                let h = self.here();
                self.patch(j, h);
            } else {
                self.body(&handler.body)?;
            }
            self.fblocks.pop();
            self.op(Op::PopExcept);
            if let Some(n) = &handler.name {
                self.op(Op::LoadConst(0));
                self.store_name(n);
                self.delete_name(n);
            }
            ends.push(self.op(Op::Jump(0)));
            if let Some(nx) = next {
                let h = self.here();
                self.patch(nx, h);
            }
        }
        self.op(Op::Reraise);
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        Ok(())
    }

    /// `try` with `except*` clauses (PEP 654), as CPython compiles it. The stack holds the
    /// exception caught, a list of what the clauses raised, and what is left to match.
    pub(super) fn try_except_star(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> CResult<()> {
        let setup = self.op(Op::SetupExcept(0));
        self.fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.fblocks.pop();
        self.op(Op::PopBlock);
        self.body(orelse)?;
        let ends = vec![self.op(Op::Jump(0))];
        let h = self.here();
        self.patch(setup, h);
        self.op(Op::PushExcInfo);
        // [caught] -> [caught, raised=[], rest=caught]
        self.op(Op::Dup);
        self.op(Op::BuildList(0));
        self.op(Op::Rot2);
        for handler in handlers {
            self.span = handler.span;
            let Some(t) = &handler.typ else { return self.err(handler.span, "expected one or more exception types") };
            self.expr(t)?;
            self.span = handler.span;
            self.op(Op::CheckEgMatch);
            let no_match = self.op(Op::PopJumpIfFalse(0));
            // The matched part is the exception being handled inside the clause.
            self.op(Op::PushExcInfo);
            match &handler.name {
                Some(n) => self.store_name(n),
                None => {
                    self.op(Op::Pop);
                }
            }
            let protect = self.op(Op::SetupExcept(0));
            self.fblocks.push(FBlock::StarHandler);
            self.body(&handler.body)?;
            self.fblocks.pop();
            self.op(Op::PopBlock);
            self.op(Op::PopExcept);
            self.clear_handler_name(&handler.name);
            let done = self.op(Op::Jump(0));
            // What the clause raised joins the list: [caught, raised, rest, exc] -> [caught, raised, rest]
            let raised = self.here();
            self.patch(protect, raised);
            self.op(Op::ListAppend(2));
            self.op(Op::PopExcept);
            self.clear_handler_name(&handler.name);
            let done2 = self.op(Op::Jump(0));
            let skip = self.here();
            self.patch(no_match, skip);
            self.op(Op::Pop);
            let next = self.here();
            self.patch(done, next);
            self.patch(done2, next);
        }
        // The rest that no clause handled joins them too: [caught, raised]
        self.op(Op::ListAppend(1));
        self.op(Op::PrepReraiseStar);
        let nothing_left = self.op(Op::PopJumpIfFalse(0));
        self.op(Op::Reraise);
        let h = self.here();
        self.patch(nothing_left, h);
        self.op(Op::Pop);
        self.op(Op::PopExcept);
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        Ok(())
    }

    /// `except ... as n` deletes `n` when its clause ends.
    pub(super) fn clear_handler_name(&mut self, name: &Option<String>) {
        if let Some(n) = name {
            self.op(Op::LoadConst(0));
            self.store_name(n);
            self.delete_name(n);
        }
    }

    /// Emits the cleanup for leaving every block above `down_to` (for break/continue/return).
    pub(super) fn unwind_blocks(&mut self, down_to: usize, preserve_tos: bool) -> CResult<()> {
        let saved = self.fblocks.clone();
        let mut i = self.fblocks.len();
        while i > down_to {
            i -= 1;
            let block = saved[i].clone();
            // While compiling a block's cleanup, only the blocks outside it are active.
            self.fblocks.truncate(i);
            match block {
                FBlock::Loop { is_for, .. } => {
                    if is_for {
                        if preserve_tos {
                            self.op(Op::Rot2);
                        }
                        self.op(Op::Pop);
                    }
                }
                FBlock::TryExcept => {
                    self.op(Op::PopBlock);
                }
                FBlock::TryFinally { body } => {
                    self.op(Op::PopBlock);
                    self.fblocks.push(FBlock::FinallyRunning);
                    self.body(body)?;
                    self.fblocks.pop();
                }
                FBlock::StarHandler => unreachable!("break, continue and return never leave an except* clause"),
                FBlock::Handler { name } => {
                    self.op(Op::PopExcept);
                    if let Some(n) = name {
                        self.op(Op::LoadConst(0));
                        self.store_name(&n);
                        self.delete_name(&n);
                    }
                }
                FBlock::With { is_async } => {
                    self.op(Op::PopBlock);
                    if preserve_tos {
                        self.op(Op::Rot2);
                    }
                    self.with_exit_normal(is_async);
                }
                FBlock::FinallyRunning => {
                    // Leaving a finally body early drops the pending exception.
                    if preserve_tos {
                        self.op(Op::Rot2);
                    }
                    self.op(Op::PopExcept);
                    self.op(Op::Pop);
                }
            }
        }
        self.fblocks = saved;
        Ok(())
    }

    pub(super) fn unwind_for_return(&mut self) -> CResult<()> {
        self.unwind_blocks(0, true)
    }
}
