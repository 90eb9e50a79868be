//! Checks a function before code generation: which instructions are reachable from
//! the entry, the value-stack depth before each (it must agree on every path), and
//! where basic blocks start. Bad input is an error, never a panic.

use crate::ir::{Function, Inst};

/// Why a function cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// The input is inconsistent (bad index, stack depth mismatch...).
    Malformed(String),
    /// Cranelift rejected the function.
    Backend(String),
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompileError::Malformed(m) => write!(f, "malformed input: {m}"),
            CompileError::Backend(m) => write!(f, "backend: {m}"),
        }
    }
}

pub struct Analysis {
    /// Stack depth before each instruction; None where unreachable.
    pub depth: Vec<Option<u32>>,
    /// Instructions that start a basic block.
    pub leader: Vec<bool>,
    /// The deepest the value stack gets.
    pub max_depth: u32,
}

fn malformed(msg: impl Into<String>) -> CompileError {
    CompileError::Malformed(msg.into())
}

pub fn analyse(f: &Function) -> Result<Analysis, CompileError> {
    let n = f.instrs.len();
    if f.entry as usize >= n {
        return Err(malformed("entry past the end"));
    }
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut leader = vec![false; n];
    leader[f.entry as usize] = true;
    depth[f.entry as usize] = Some(0);
    let mut max_depth = 0;
    let mut work = vec![(f.entry, 0u32)];
    let set = |at: u32, d: u32, work: &mut Vec<(u32, u32)>, depth: &mut Vec<Option<u32>>| -> Result<(), CompileError> {
        let slot = depth.get_mut(at as usize).ok_or_else(|| malformed(format!("jump to {at} past the end")))?;
        match *slot {
            None => {
                *slot = Some(d);
                work.push((at, d));
                Ok(())
            }
            Some(old) if old == d => Ok(()),
            Some(old) => Err(malformed(format!("stack depth {old} and {d} meet at {at}"))),
        }
    };
    while let Some((i, d)) = work.pop() {
        let inst = &f.instrs[i as usize];
        check_operands(f, inst, d)?;
        let (pop, push) = inst.stack_effect();
        let after = d - pop + push;
        if after > f.stack_size {
            return Err(malformed(format!("stack overflow at {i}")));
        }
        max_depth = max_depth.max(after).max(d);
        if let Some(t) = inst.branch_target() {
            let at_target = if matches!(inst, Inst::ForIter { .. }) { d } else { after };
            set(t, at_target, &mut work, &mut depth)?;
            if (t as usize) < n {
                leader[t as usize] = true;
            }
            if i as usize + 1 < n {
                leader[i as usize + 1] = true;
            }
        }
        // A generator's resume point is reached only from the entry dispatch (loop
        // headers are also jump targets, which the branch below handles alike).
        if let Some(r) = inst.reentry() {
            set(r, d, &mut work, &mut depth)?;
            if let Some(l) = leader.get_mut(r as usize) {
                *l = true;
            }
        }
        if !inst.ends_block() {
            if i as usize + 1 >= n {
                return Err(malformed("control runs past the end"));
            }
            set(i + 1, after, &mut work, &mut depth)?;
        }
    }
    Ok(Analysis { depth, leader, max_depth })
}

fn check_operands(f: &Function, inst: &Inst, depth: u32) -> Result<(), CompileError> {
    let local = |s: u32| if s < f.nlocals { Ok(()) } else { Err(malformed(format!("local {s} out of range"))) };
    match *inst {
        Inst::LoadLocal { slot, .. } | Inst::LoadLocalAndClear { slot } | Inst::StoreLocal { slot } => local(slot)?,
        Inst::LoadLocal2 { first, second } | Inst::StoreLocal2 { first, second } => {
            local(first)?;
            local(second)?
        }
        Inst::StoreLoadLocal { store, load } => {
            local(store)?;
            local(load)?
        }
        Inst::Copy { n } | Inst::Swap { n } if n == 0 => return Err(malformed("COPY/SWAP 0")),
        _ => {}
    }
    let (pop, _) = inst.stack_effect();
    if pop > depth {
        return Err(malformed(format!("{inst:?} pops {pop} with {depth} on the stack")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(instrs: Vec<Inst>, nlocals: u32, stack_size: u32) -> Function {
        Function { name: "t".into(), instrs, entry: 0, nlocals, stack_size, probes: Vec::new() }
    }

    #[test]
    fn depths_and_leaders() {
        // x = 0; while x < 1: x += 1 ... shaped as a counted loop.
        let f = func(
            vec![
                Inst::LoadConst { bits: 0 },
                Inst::StoreLocal { slot: 0 },
                Inst::LoadLocal { slot: 0, checked: true },
                Inst::JumpIf { cond: crate::ir::JumpCond::False, target: 5 },
                Inst::JumpBack { target: 2 },
                Inst::LoadLocal { slot: 0, checked: true },
                Inst::Return,
            ],
            1,
            2,
        );
        let an = analyse(&f).expect("valid");
        assert_eq!(an.depth, vec![Some(0), Some(1), Some(0), Some(1), Some(0), Some(0), Some(1)]);
        assert!(an.leader[2] && an.leader[4] && an.leader[5] && !an.leader[1]);
        assert_eq!(an.max_depth, 1);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let bad = [
            func(vec![Inst::Pop, Inst::Return], 0, 4),
            func(vec![Inst::Jump { target: 9 }], 0, 4),
            func(vec![Inst::LoadLocal { slot: 3, checked: true }, Inst::Return], 1, 4),
            func(vec![Inst::PushNull, Inst::PushNull, Inst::Return], 0, 1),
            func(vec![Inst::Nop], 0, 1),
            func(vec![Inst::Copy { n: 0 }, Inst::Return], 0, 4),
            // Depths 0 and 1 meet at instruction 2.
            func(vec![Inst::LoadConst { bits: 0 }, Inst::JumpIf { cond: crate::ir::JumpCond::True, target: 3 },
                      Inst::PushNull, Inst::Return], 0, 4),
            func(vec![], 0, 0),
        ];
        for f in &bad {
            assert!(matches!(analyse(f), Err(CompileError::Malformed(_))), "{:?}", f.instrs);
        }
    }
}
