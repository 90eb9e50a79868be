//! A code object as tier 2's input: one `monjit_jit::ir::Inst` per instruction.
//!
//! Only code with nothing instrumented is translated (compiled code has no probes yet).
//! Instructions without a translation become `Inst::Deopt` placeholders; the code is
//! compiled only if none of them is reachable from the entry (exception handlers, which
//! only the interpreter's unwinder enters, do not count).

use crate::bytecode::{Op, CMP_GE, RESUME_OPARG_LOCATION_MASK};
use crate::objects::CodeObj;
use crate::value::Value;
use monjit_jit::ir::{ArithOp, CmpOp, Function, Inst, JumpCond};

/// Why a code object is not compiled (the `--jit-stats` reason).
pub type Unsupported = String;

pub fn translate(code: &CodeObj) -> Result<Function, Unsupported> {
    if code.is_generator() {
        return Err("generator".into());
    }
    if code.instrs.is_empty() || code.instr(0).op != Op::Resume {
        return Err("does not start with RESUME".into());
    }
    let mut instrs = Vec::with_capacity(code.len());
    let mut unsupported = Vec::new();
    for i in 0..code.len() {
        let ins = code.instr(i);
        if ins.op.is_instrumented() {
            return Err("instrumented".into());
        }
        match translate_one(code, i, ins) {
            Some(inst) => instrs.push(inst),
            None => {
                instrs.push(Inst::Deopt);
                unsupported.push((i, ins.op));
            }
        }
    }
    let f = Function {
        name: code.qualname_str().to_string(),
        instrs,
        entry: 1,
        nlocals: code.nlocalsplus() as u32,
        stack_size: code.stacksize,
    };
    let an = monjit_jit::analysis::analyse(&f).map_err(|e| e.to_string())?;
    if let Some((_, op)) = unsupported.iter().find(|(i, _)| an.depth[*i].is_some()) {
        return Err(format!("unsupported {}", op.name()));
    }
    Ok(f)
}

fn arith(oparg: u32) -> ArithOp {
    match oparg {
        0 | 13 => ArithOp::Add,
        10 | 23 => ArithOp::Sub,
        5 | 18 => ArithOp::Mul,
        11 | 24 => ArithOp::TrueDiv,
        2 | 15 => ArithOp::FloorDiv,
        6 | 19 => ArithOp::Mod,
        1 | 14 => ArithOp::And,
        7 | 20 => ArithOp::Or,
        12 | 25 => ArithOp::Xor,
        9 | 22 => ArithOp::Rshift,
        _ => ArithOp::Other,
    }
}

fn cmp(op: u32) -> Option<CmpOp> {
    Some(match op {
        0 => CmpOp::Lt,
        1 => CmpOp::Le,
        2 => CmpOp::Eq,
        3 => CmpOp::Ne,
        4 => CmpOp::Gt,
        CMP_GE => CmpOp::Ge,
        _ => return None,
    })
}

fn translate_one(code: &CodeObj, i: usize, ins: crate::bytecode::Instr) -> Option<Inst> {
    let arg = ins.arg;
    let n = code.len() as u32;
    let target = |t: u32| (t < n).then_some(t);
    Some(match ins.op {
        Op::Resume if i == 0 && arg & RESUME_OPARG_LOCATION_MASK == 0 => Inst::Nop,
        Op::Nop | Op::NotTaken => Inst::Nop,
        Op::LoadFast | Op::LoadFastCheck => Inst::LoadLocal { slot: arg },
        Op::LoadFastAndClear => Inst::LoadLocalAndClear { slot: arg },
        Op::LoadFastLoadFast => Inst::LoadLocal2 { first: arg >> 4, second: arg & 15 },
        Op::StoreFast => Inst::StoreLocal { slot: arg },
        Op::StoreFastLoadFast => Inst::StoreLoadLocal { store: arg >> 4, load: arg & 15 },
        Op::StoreFastStoreFast => Inst::StoreLocal2 { first: arg >> 4, second: arg & 15 },
        Op::LoadConst => Inst::LoadConst { bits: code.consts.get(arg as usize)?.bits() },
        Op::LoadSmallInt => Inst::LoadConst { bits: Value::small_int(arg as i32 as i64).bits() },
        Op::PushNull => Inst::PushNull,
        Op::PopTop | Op::EndFor | Op::PopIter => Inst::Pop,
        Op::Copy => Inst::Copy { n: arg },
        Op::Swap => Inst::Swap { n: arg },
        Op::BinaryOp if arg <= 26 => Inst::Binary { op: arith(arg), oparg: arg },
        Op::CompareOp => Inst::Compare { op: cmp(arg >> 5)?, oparg: arg },
        Op::IsOp => Inst::Is { invert: arg != 0 },
        Op::ToBool => Inst::ToBool,
        Op::UnaryNot => Inst::UnaryNot,
        Op::UnaryNegative => Inst::Unary { kind: 0 },
        Op::UnaryInvert => Inst::Unary { kind: 1 },
        Op::PopJumpIfFalse => Inst::JumpIf { cond: JumpCond::False, target: target(arg)? },
        Op::PopJumpIfTrue => Inst::JumpIf { cond: JumpCond::True, target: target(arg)? },
        Op::PopJumpIfNone => Inst::JumpIf { cond: JumpCond::None, target: target(arg)? },
        Op::PopJumpIfNotNone => Inst::JumpIf { cond: JumpCond::NotNone, target: target(arg)? },
        Op::JumpForward | Op::JumpBackwardNoInterrupt => Inst::Jump { target: target(arg)? },
        Op::JumpBackward => Inst::JumpBack { target: target(arg)? },
        Op::ReturnValue => Inst::Return,
        Op::LoadGlobal => Inst::LoadGlobal { push_null: arg & 1 != 0 },
        Op::Call => Inst::Call { argc: arg },
        Op::GetIter => Inst::GetIter,
        Op::ForIter => Inst::ForIter { exit: target(arg.checked_add(1)?)? },
        _ => return None,
    })
}
