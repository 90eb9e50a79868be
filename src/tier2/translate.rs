//! A code object as tier 2's input: one `monjit_jit::ir::Inst` per instruction.
//!
//! Instrumented instructions are translated as the instruction they cover, and the
//! code's live instrumentation (sys.monitoring's layers, read at its current live
//! version) becomes one `Probe` per instruction: `pre` where LINE or INSTRUCTION is
//! live, `event` where the instruction's own event is. Instructions without a translation become `Inst::Deopt`: compiled code leaves to
//! the interpreter there (`Helpers::unsupported`), which runs them and continues, and
//! its loops re-enter compiled code at their header.

use crate::bytecode::{Op, CMP_GE, RESUME_OPARG_LOCATION_MASK};
use crate::objects::CodeObj;
use crate::value::Value;
use crate::monitoring::instrument::CodeMonitoring;
use monjit_jit::ir::{ArithOp, CmpOp, Function, Inst, JumpCond, Probe};

/// Why a code object is not compiled (the `--jit-stats` reason).
pub type Unsupported = String;

/// Code objects with more instructions than this stay in the interpreter, under every
/// tier (as HotSpot's `DontCompileHugeMethods`). Compile time grows faster than code
/// size, and such code is mostly straight-line: the pyperformance unpack_sequence
/// benchmark's 2,826-instruction function compiled to over 100 KB of machine code,
/// which ran 2.4 times slower than the interpreter (instruction-cache misses) after
/// taking most of a second to compile. The largest code object of every other
/// benchmark and conformance program has under 1,000.
pub const HUGE_CODE: usize = 2000;

/// The probes instruction `i` (whose uninstrumented opcode is `op`) needs for what is
/// live there now. RESUME's PY_START/PY_RESUME are fired by whoever enters compiled
/// code, END_FOR's STOP_ITERATION by the FOR_ITER helper, and YIELD_VALUE's PY_YIELD
/// by the interpreter, which compiled code leaves to at a yield, so none needs a probe.
/// (END_SEND's STOP_ITERATION does: with it live, END_SEND leaves to the interpreter.)
pub fn live_probe(d: &CodeMonitoring, op: Op, i: usize) -> Probe {
    Probe {
        pre: d.line_on(i) || d.instruction_on(i),
        event: d.event_on(i) && !matches!(op, Op::Resume | Op::EndFor | Op::YieldValue),
    }
}

/// Translates `code` with probes for its live instrumentation (the caller brought it
/// up to date). Also returns which instructions compiled code can reach.
pub fn translate(code: &CodeObj) -> Result<(Function, Vec<bool>), Unsupported> {
    if code.len() > HUGE_CODE {
        return Err(format!("more than {HUGE_CODE} instructions"));
    }
    // Cells are made before RESUME (MAKE_CELL, COPY_FREE_VARS), and a generator's
    // frame starts past RETURN_GENERATOR and the POP_TOP of the first sent value: the
    // interpreter runs those, and enters compiled code at the RESUME.
    let prefix = |op: Op| match op {
        Op::MakeCell | Op::CopyFreeVars | Op::Resume => true,
        Op::ReturnGenerator | Op::PopTop => code.is_generator(),
        _ => false,
    };
    let resume = (0..code.len()).take_while(|&i| prefix(code.base_instr(i).op)).find(|&i| code.base_instr(i).op == Op::Resume);
    let Some(resume) = resume else {
        return Err("does not start with RESUME".into());
    };
    let mut instrs = Vec::with_capacity(code.len());
    let mon = code.runtime.monitoring.borrow();
    let mut probes = Vec::new();
    if let Some(d) = mon.as_ref() {
        probes = (0..code.len()).map(|i| live_probe(d, d.base_op(i), i)).collect();
        if probes.iter().all(|p| !p.any()) {
            probes.clear();
        }
    }
    for i in 0..code.len() {
        let mut ins = code.instr(i);
        if ins.op.is_instrumented() {
            match mon.as_ref() {
                Some(d) => ins.op = d.base_op(i),
                None => return Err("instrumented without monitoring data".into()),
            }
        }
        let event = probes.get(i).is_some_and(|p| p.event);
        match translate_one(code, i, ins).or_else(|| super::helpers_objects::translate(code, ins, event)) {
            Some(inst) => instrs.push(inst),
            None => instrs.push(Inst::Deopt),
        }
    }
    let f = Function {
        name: code.qualname_str().to_string(),
        instrs,
        entry: resume as u32 + 1,
        nlocals: code.nlocalsplus() as u32,
        stack_size: code.stacksize,
        probes,
    };
    let an = monjit_jit::analysis::analyse(&f).map_err(|e| e.to_string())?;
    let reachable = an.depth.iter().map(|d| d.is_some()).collect();
    Ok((f, reachable))
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
        26 => ArithOp::Subscr,
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

/// The address of FOR_ITER `i`'s specialisation byte (`Instr::aux`), which compiled
/// code compares before stepping a range or list iterator inline (what the
/// interpreter's `for_iter_seen` does); 0 in a build without sys.monitoring, whose
/// interpreter keeps no such bookkeeping.
fn for_iter_specialisation(code: &CodeObj, i: usize) -> u64 {
    if !cfg!(feature = "monitoring") {
        return 0;
    }
    code.instrs[i].as_ptr() as u64 + std::mem::offset_of!(crate::bytecode::Instr, aux) as u64
}

fn translate_one(code: &CodeObj, i: usize, ins: crate::bytecode::Instr) -> Option<Inst> {
    let arg = ins.arg;
    let n = code.len() as u32;
    let target = |t: u32| (t < n).then_some(t);
    Some(match ins.op {
        Op::Resume if arg & RESUME_OPARG_LOCATION_MASK == 0 => Inst::Nop,
        // A generator resumes at the RESUME after its yield, which the interpreter
        // runs (firing PY_RESUME) before it enters compiled code past it.
        Op::YieldValue if i + 1 < code.len() && code.base_instr(i + 1).op == Op::Resume => Inst::Yield { resume: i as u32 + 2 },
        Op::Nop | Op::NotTaken => Inst::Nop,
        Op::LoadFast => Inst::LoadLocal { slot: arg, checked: false },
        Op::LoadFastCheck => Inst::LoadLocal { slot: arg, checked: true },
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
        Op::LoadGlobal => Inst::LoadGlobal { push_null: arg & 1 != 0, cache: code.caches.get(ins.cache as usize)?.as_ptr() as u64 },
        Op::Call => Inst::Call { argc: arg },
        Op::GetIter => Inst::GetIter,
        Op::ForIter => Inst::ForIter { exit: target(arg.checked_add(1)?)?, specialised: for_iter_specialisation(code, i) },
        _ => return None,
    })
}
