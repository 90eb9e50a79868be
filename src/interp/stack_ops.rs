//! Bodies of the instructions that work on the value stack through out-of-line
//! calls, shared by the interpreter's arms (`eval.rs`) and tier 2's `stack_op`
//! helper, which runs them on a compiled frame's stack slots. Each leaves the stack
//! as its arm does, on success and on error; finalizer points stay with the callers.

use crate::bytecode::{self as bc, Instr, Op};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::interp::eval::{name_error, unbound_deref, unbound_local, Stack};
use crate::interp::frame::Frame;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// Runs instruction `ins` (whose opcode is one `runs` accepts) of frame `f`, whose
/// code is `code`, on the stack `st` of that frame.
///
/// # Safety
/// `f` is the running frame (alive, on the VM's frame stack) and `st` its stack, with
/// the instruction's operands on it.
pub(crate) unsafe fn run(vm: &mut Vm, f: *mut Frame, code: &CodeObj, ins: Instr, st: &mut Stack) -> PyResult<()> {
    // SAFETY: the caller's guarantee; frames never move.
    let frame = unsafe { &mut *f };
    let slots = frame.slots;
    let local = |i: u32| -> &Value {
        // SAFETY: localsplus slots are initialised; the index comes from the compiler.
        unsafe { &*slots.add(i as usize) }
    };
    let set_local = |i: usize, v: Value| {
        // SAFETY: as in `local`.
        drop(unsafe { std::ptr::replace(slots.add(i), v) });
    };
    match ins.op {
        Op::DeleteFast => {
            if local(ins.arg).is_null() {
                return Err(unbound_local(code, ins.arg as usize));
            }
            set_local(ins.arg as usize, Value::NULL);
        }
        Op::MakeCell => {
            let old = local(ins.arg).clone();
            set_local(ins.arg as usize, func::new_cell(old));
        }
        Op::CopyFreeVars => {
            let fo = frame.func.downcast::<FunctionObj>().expect("closure function");
            let closure = fo.closure.get();
            let cells = closure.as_tuple().expect("closure tuple");
            let start = code.nlocalsplus() - ins.arg as usize;
            for (k, c) in cells.iter().enumerate() {
                set_local(start + k, c.clone());
            }
        }
        Op::LoadDeref => {
            let v = local(ins.arg).downcast::<CellObj>().expect("cell").value.get();
            if v.is_null() {
                return Err(unbound_deref(code, ins.arg as usize));
            }
            st.push(v);
        }
        Op::StoreDeref => {
            let v = st.pop();
            local(ins.arg).downcast::<CellObj>().expect("cell").value.set(v);
        }
        Op::DeleteDeref => {
            let cell = local(ins.arg).downcast::<CellObj>().expect("cell");
            if cell.value.is_null() {
                return Err(unbound_deref(code, ins.arg as usize));
            }
            cell.value.set(Value::NULL);
        }
        Op::LoadFromDictOrDeref => {
            let mapping = st.pop();
            let name = code.localsplus_names[ins.arg as usize].clone();
            match crate::interp::ops::mapping_get(vm, &mapping, &name)? {
                Some(v) => st.push(v),
                None => {
                    let v = local(ins.arg).downcast::<CellObj>().expect("cell").value.get();
                    if v.is_null() {
                        return Err(unbound_deref(code, ins.arg as usize));
                    }
                    st.push(v);
                }
            }
        }
        Op::StoreGlobal => {
            let v = st.pop();
            let name = code.names[ins.arg as usize].clone();
            frame.globals.downcast::<DictObj>().expect("globals").set_str(name, v);
        }
        Op::DeleteGlobal => {
            let name = &code.names[ins.arg as usize];
            if frame.globals.downcast::<DictObj>().expect("globals").remove_str(name).is_none() {
                return Err(name_error(vm, name));
            }
        }
        Op::LoadName => {
            let name = code.names[ins.arg as usize].clone();
            st.push(crate::interp::ops::load_name(vm, frame, &name)?);
        }
        Op::StoreName => {
            let v = st.pop();
            let name = code.names[ins.arg as usize].clone();
            let locals = frame.locals.clone();
            crate::interp::ops::mapping_set(vm, &locals, name, v)?;
        }
        Op::DeleteName => {
            let name = code.names[ins.arg as usize].clone();
            let locals = frame.locals.clone();
            crate::interp::ops::mapping_del(vm, &locals, &name)?;
        }
        Op::LoadAttr => {
            // The method form (the attribute form has its own paths).
            let name = &code.names[(ins.arg >> 1) as usize];
            let owner = st.pop();
            // A module attribute is a plain value (as load_method finds it), through
            // the module-attribute cache the lane reads.
            if owner.is::<ModuleObj>() {
                st.push(crate::interp::ops::load_attr(vm, code, ins, &owner, name)?);
                st.push(Value::NULL);
                return Ok(());
            }
            if let Some(m) = crate::interp::ops::instance_method(vm, &owner, name) {
                st.push(m);
                st.push(owner);
                return Ok(());
            }
            if let Some(m) = crate::interp::ops::builtin_method(vm, code, ins, &owner, name) {
                st.push(m);
                st.push(owner);
                return Ok(());
            }
            let (m, s) = vm.load_method(&owner, name)?;
            st.push(m);
            st.push(s.unwrap_or(Value::NULL));
        }
        Op::StoreAttr => {
            let owner = st.pop();
            let v = st.pop();
            let name = &code.names[ins.arg as usize];
            crate::interp::ops::store_attr(vm, code, ins, &owner, name, v)?;
        }
        Op::DeleteAttr => {
            let owner = st.pop();
            vm.delattr(&owner, &code.names[ins.arg as usize])?;
        }
        Op::LoadSuperAttr => {
            let self_ = st.pop();
            let class = st.pop();
            let global_super = st.pop();
            let name = &code.names[(ins.arg >> 2) as usize];
            let (m, s) = crate::runtime::classes::load_super_attr(
                vm, &global_super, &class, &self_, name, ins.arg & 1 != 0, ins.arg & 2 != 0)?;
            st.push(m);
            if ins.arg & 1 != 0 {
                st.push(s.unwrap_or(Value::NULL));
            }
        }
        Op::LoadSpecial => {
            let owner = st.pop();
            let (m, s) = crate::interp::ops::load_special(vm, &owner, ins.arg)?;
            st.push(m);
            st.push(s);
        }
        Op::LoadCommonConstant => {
            let v = match ins.arg {
                bc::CONSTANT_ASSERTIONERROR => vm.exc_type(ExcKind::AssertionError).clone(),
                bc::CONSTANT_NOTIMPLEMENTEDERROR => vm.exc_type(ExcKind::NotImplementedError).clone(),
                bc::CONSTANT_BUILTIN_TUPLE => vm.types.tuple.clone(),
                _ => {
                    let n = if ins.arg == bc::CONSTANT_BUILTIN_ALL { "all" } else { "any" };
                    let k = vm.intern(n);
                    vm.builtins_dict().get_str(&k).unwrap_or(Value::NONE)
                }
            };
            st.push(v);
        }
        Op::ContainsOp => {
            let container = st.pop();
            let item = st.pop();
            let r = vm.contains(&container, &item)?;
            st.push(Value::bool(r != (ins.arg != 0)));
        }
        Op::BuildTuple | Op::BuildList => {
            let n = ins.arg as usize;
            let items = st.slice(n).to_vec();
            st.drop_n(n);
            st.push(if ins.op == Op::BuildTuple { tuple::new_tuple(items) } else { list::new_list(items) });
        }
        Op::BuildSet => {
            let n = ins.arg as usize;
            let items = st.slice(n).to_vec();
            st.drop_n(n);
            let s = crate::runtime::sets::set_from_values(vm, items, false)?;
            st.push(s);
        }
        Op::BuildMap => {
            let n = ins.arg as usize;
            let items = st.slice(2 * n).to_vec();
            st.drop_n(2 * n);
            let d = dict::new_dict();
            let dobj = d.downcast::<DictObj>().expect("dict");
            for pair in items.chunks(2) {
                dobj.set_item(vm, pair[0].clone(), pair[1].clone())?;
            }
            st.push(d);
        }
        Op::BuildString => {
            let n = ins.arg as usize;
            let mut s = String::new();
            for v in st.slice(n) {
                s.push_str(v.as_str().unwrap_or(""));
            }
            st.drop_n(n);
            st.push(vm.str_from_string(s));
        }
        Op::BuildSlice => {
            let step = if ins.arg == 3 { st.pop() } else { Value::NONE };
            let stop = st.pop();
            let start = st.pop();
            st.push(range::new_slice(start, stop, step));
        }
        Op::ListAppend => {
            let v = st.pop();
            st.peek(ins.arg as usize).downcast::<ListObj>().expect("list").push(v);
        }
        Op::SetAdd => {
            let v = st.pop();
            let s = st.peek(ins.arg as usize).clone();
            s.downcast::<SetObj>().expect("set").add(vm, v)?;
        }
        Op::MapAdd => {
            let v = st.pop();
            let k = st.pop();
            let d = st.peek(ins.arg as usize).clone();
            d.downcast::<DictObj>().expect("dict").set_item(vm, k, v)?;
        }
        Op::ListExtend => {
            let iterable = st.pop();
            let items = crate::interp::ops::extend_items(vm, &iterable)?;
            st.peek(ins.arg as usize).downcast::<ListObj>().expect("list").with_items_mut(|l| l.extend(items));
        }
        Op::SetUpdate => {
            let iterable = st.pop();
            let s = st.peek(ins.arg as usize).clone();
            crate::runtime::sets::set_update(vm, &s, &iterable)?;
        }
        Op::DictUpdate => {
            let other = st.pop();
            let d = st.peek(ins.arg as usize).clone();
            crate::interp::ops::dict_update(vm, &d, &other, None)?;
        }
        Op::DictMerge => {
            let other = st.pop();
            let d = st.peek(ins.arg as usize).clone();
            let callee = st.peek(ins.arg as usize + 3).clone();
            crate::interp::ops::dict_update(vm, &d, &other, Some(&callee))?;
        }
        Op::UnpackSequence => {
            let seq = st.pop();
            // An exact-size tuple (the common `a, b = pair`): push its items directly,
            // with no intermediate Vec.
            if let Some(t) = seq.as_tuple() {
                if t.len() == ins.arg as usize {
                    for v in t.iter().rev() {
                        st.push(v.clone());
                    }
                    return Ok(());
                }
            }
            let items = crate::interp::ops::unpack(vm, &seq, ins.arg as usize, None)?;
            for v in items.into_iter().rev() {
                st.push(v);
            }
        }
        Op::UnpackEx => {
            let seq = st.pop();
            let before = (ins.arg & 0xff) as usize;
            let after = (ins.arg >> 8) as usize;
            let items = crate::interp::ops::unpack(vm, &seq, before, Some(after))?;
            for v in items.into_iter().rev() {
                st.push(v);
            }
        }
        Op::StoreSubscr => {
            let key = st.pop();
            let container = st.pop();
            let v = st.pop();
            vm.setitem(&container, &key, v)?;
        }
        Op::DeleteSubscr => {
            let key = st.pop();
            let container = st.pop();
            vm.delitem(&container, &key)?;
        }
        Op::BinarySlice => {
            let stop = st.pop();
            let start = st.pop();
            let container = st.pop();
            let s = range::new_slice(start, stop, Value::NONE);
            st.push(vm.getitem(&container, &s)?);
        }
        Op::StoreSlice => {
            let stop = st.pop();
            let start = st.pop();
            let container = st.pop();
            let v = st.pop();
            let s = range::new_slice(start, stop, Value::NONE);
            vm.setitem(&container, &s, v)?;
        }
        Op::FormatSimple => {
            let v = st.pop();
            let r = if v.is::<StrObj>() { v } else { vm.format(&v, "")? };
            st.push(r);
        }
        Op::FormatWithSpec => {
            let spec = st.pop();
            let v = st.pop();
            let r = vm.format(&v, spec.as_str().unwrap_or(""))?;
            st.push(r);
        }
        Op::ConvertValue => {
            let v = st.pop();
            let r = match ins.arg {
                bc::CONV_STR => vm.str(&v)?,
                bc::CONV_REPR => vm.repr(&v)?,
                _ => crate::runtime::strings::ascii(vm, &v)?,
            };
            st.push(r);
        }
        Op::CallIntrinsic1 => {
            let v = st.pop();
            let r = crate::interp::ops::intrinsic1(vm, frame, ins.arg, v)?;
            st.push(r);
        }
        Op::MakeFunction => {
            let codev = st.pop();
            let func = crate::interp::ops::make_function(vm, frame, codev);
            st.push(func);
        }
        Op::SetFunctionAttribute => {
            let func = st.pop();
            let attr = st.pop();
            crate::interp::ops::set_function_attribute(&func, ins.arg, attr);
            st.push(func);
        }
        Op::CallKw => {
            let kwnames = st.pop();
            // SAFETY: the caller's guarantee.
            unsafe { call_generic(vm, f, st, ins.arg as usize, Some(kwnames))? };
        }
        Op::CallFunctionEx => {
            let kwargs = st.pop();
            let args = st.pop();
            let _null = st.pop();
            let callable = st.pop();
            frame.sp = st.depth(frame.stack_base());
            let r = crate::interp::ops::call_function_ex(vm, &callable, &args, &kwargs)?;
            st.push(r);
        }
        Op::RaiseVarargs => {
            let (exc, cause) = match ins.arg {
                0 => (None, None),
                1 => (Some(st.pop()), None),
                _ => {
                    let c = st.pop();
                    (Some(st.pop()), Some(c))
                }
            };
            frame.sp = st.depth(frame.stack_base());
            return Err(match exc {
                None => {
                    let cur = vm.handled_exception();
                    if cur.is_none() {
                        return Err(PyErr::new(ExcKind::RuntimeError, "No active exception to reraise"));
                    }
                    // A bare re-raise keeps the traceback as it is.
                    vm.pending_reraise = true;
                    PyErr::Obj(cur)
                }
                Some(e) => crate::runtime::exceptions::do_raise(vm, e, cause),
            });
        }
        Op::Reraise => {
            // The handler search starts from this instruction (CPython sets instr_ptr
            // to the saved lasti only for f_lineno, which a re-raise never records).
            let exc = st.pop();
            vm.pending_reraise = true;
            return Err(PyErr::Obj(exc));
        }
        Op::PushExcInfo => {
            let exc = st.pop();
            let prev = std::mem::replace(vm.exc_chain.last_mut().expect("exc chain"), exc.clone());
            st.push(prev);
            st.push(exc);
        }
        Op::PopExcept => {
            let prev = st.pop();
            *vm.exc_chain.last_mut().expect("exc chain") = prev;
        }
        Op::CheckExcMatch => {
            let typ = st.pop();
            let exc = st.peek(1).clone();
            let m = crate::runtime::exceptions::exception_matches(vm, &exc, &typ)?;
            st.push(Value::bool(m));
        }
        Op::WithExceptStart => {
            // (exit_func, exit_self, lasti, prev_exc, exc) -> (..., res)
            let exc = st.peek(1).clone();
            let exit_self = st.peek(4).clone();
            let exit_func = st.peek(5).clone();
            frame.sp = st.depth(frame.stack_base());
            let typ = vm.type_of(&exc);
            let tb = crate::runtime::exceptions::traceback_value(vm, &exc);
            let r = if exit_self.is_null() {
                vm.call(&exit_func, &[typ, exc, tb])
            } else {
                vm.call(&exit_func, &[exit_self, typ, exc, tb])
            };
            st.push(r?);
        }
        Op::LoadBuildClass => {
            let k = vm.intern("__build_class__");
            match vm.builtins_dict().get_str(&k) {
                Some(v) => st.push(v),
                None => return Err(PyErr::new(ExcKind::NameError, "__build_class__ not found")),
            }
        }
        Op::LoadLocals => st.push(frame.locals.clone()),
        Op::GetYieldFromIter => {
            let v = st.pop();
            let r = if v.is::<crate::interp::generator::GeneratorObj>() { v } else { vm.iter(&v)? };
            st.push(r);
        }
        Op::EndSend => {
            let v = st.pop();
            drop(st.pop());
            st.push(v);
        }
        Op::ImportName => {
            let fromlist = st.pop();
            let level = st.pop();
            let name = code.names[ins.arg as usize].clone();
            frame.sp = st.depth(frame.stack_base());
            let m = crate::runtime::import::import_name(vm, frame, &name, &fromlist, &level)?;
            st.push(m);
        }
        Op::ImportFrom => {
            let name = code.names[ins.arg as usize].clone();
            let module = st.peek(1).clone();
            let v = crate::runtime::import::import_from(vm, &module, &name)?;
            st.push(v);
        }
        op => return Err(PyErr::new(ExcKind::SystemError, format!("{} is not a stack op", op.name()))),
    }
    Ok(())
}

/// CALL/CALL_KW through the generic call (`kwnames` popped already): the callable,
/// self or NULL and `argc` arguments are the top of `st`; they are replaced by the
/// result, or dropped on error.
///
/// # Safety
/// As `run`.
pub(crate) unsafe fn call_generic(vm: &mut Vm, f: *mut Frame, st: &mut Stack, argc: usize, kwnames: Option<Value>) -> PyResult<()> {
    // SAFETY: the caller's guarantee.
    let frame = unsafe { &mut *f };
    frame.sp = st.depth(frame.stack_base());
    let result = {
        let self_or_null = st.peek(argc + 1);
        let callable = st.peek(argc + 2);
        let kw = kwnames.as_ref().map(|k| k.as_tuple().expect("kwnames").to_vec());
        let kwslice: &[Value] = kw.as_deref().unwrap_or(&[]);
        if self_or_null.is_null() {
            let args = st.slice(argc);
            vm.call_args(callable, func::Args::with_kw(args, kwslice))
        } else {
            let args = st.slice(argc + 1);
            vm.call_args(callable, func::Args::with_kw(args, kwslice))
        }
    };
    st.drop_n(argc + 2);
    st.push(result?);
    Ok(())
}
