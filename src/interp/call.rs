//! Calling Python functions: frames in and out, and binding arguments to parameters with
//! CPython's rules and error messages.

use crate::bytecode::CodeFlags;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::interp::eval::{run, Exit};
use crate::interp::frame::{Frame, StackMark};
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::{Borrowed, Value};
use crate::vm::Vm;

/// A call that needs no argument binding work: positional arguments exactly filling the
/// parameters of a plain (non-generator) function.
#[inline]
pub fn is_simple_call(code: &CodeObj, nargs: usize) -> bool {
    code.argcount as usize == nargs
        && code.kwonlyargcount == 0
        && !code.flags.intersects(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS | CodeFlags::GENERATOR)
}

#[cold]
pub fn recursion_error() -> PyErr {
    PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded")
}

#[inline(always)]
pub fn check_depth(vm: &Vm) -> PyResult<()> {
    if vm.frames.len() >= vm.recursion_limit {
        return Err(recursion_error());
    }
    Ok(())
}

/// Allocates slots for `code` with every localsplus slot NULL.
fn alloc_slots(vm: &mut Vm, code: &CodeObj) -> (*mut Value, StackMark) {
    let (slots, mark) = vm.stack.alloc(code.frame_size());
    for i in 0..code.nlocalsplus() {
        // SAFETY: the slots are fresh and uninitialised; writing NULL initialises them.
        unsafe { std::ptr::write(slots.add(i), Value::NULL) };
    }
    (slots, mark)
}

/// Pushes a frame for running `code` (the object `code_v` refers to) in `slots`,
/// building it in place on the frame stack.
///
/// # Safety
/// `code` must be `code_v`'s object, and `code_v` and `globals` must outlive the frame:
/// `func` owns them for function frames, the runner of a body frame or the generator for
/// generator frames.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn push_new_frame(
    vm: &mut Vm, code: *const CodeObj, code_v: &Value, globals: &Value, func: Value, locals: Value,
    slots: *mut Value, mark: StackMark, entry: bool,
) -> *mut Frame {
    let slot = vm.frames.next_slot();
    // SAFETY: `slot` is the free slot above the top frame. Every field is written (one
    // store each, with no `Frame` temporary to copy), then the push is committed. The
    // borrowed code and globals are the caller's guarantee.
    unsafe {
        use std::ptr::addr_of_mut;
        addr_of_mut!((*slot).code).write(code);
        addr_of_mut!((*slot).slots).write(slots);
        addr_of_mut!((*slot).code_ref).write(Borrowed::new(code_v));
        addr_of_mut!((*slot).globals).write(Borrowed::new(globals));
        addr_of_mut!((*slot).func).write(func);
        addr_of_mut!((*slot).locals).write(locals);
        addr_of_mut!((*slot).generator).write(Value::NULL);
        addr_of_mut!((*slot).stack_mark).write(mark);
        addr_of_mut!((*slot).sp).write(0);
        addr_of_mut!((*slot).pc).write(0);
        addr_of_mut!((*slot).last_pc).write(0);
        addr_of_mut!((*slot).entry).write(entry);
        addr_of_mut!((*slot).init).write(false);
        addr_of_mut!((*slot).probes).write(std::ptr::null());
        vm.frames.commit_push();
    }
    slot
}

/// Moves `n` values from `src` to `dst` (non-overlapping). Calls pass few arguments:
/// up to four are moved inline, not through a `memcpy` call.
///
/// # Safety
/// `src..src+n` is initialised and given up by the caller; `dst..dst+n` is writable
/// and uninitialised.
#[inline(always)]
unsafe fn move_values(src: *const Value, dst: *mut Value, n: usize) {
    // SAFETY: the caller's guarantee.
    unsafe {
        match n {
            0 => {}
            1 => dst.write(src.read()),
            2 => {
                dst.write(src.read());
                dst.add(1).write(src.add(1).read());
            }
            3 => {
                dst.write(src.read());
                dst.add(1).write(src.add(1).read());
                dst.add(2).write(src.add(2).read());
            }
            4 => {
                dst.write(src.read());
                dst.add(1).write(src.add(1).read());
                dst.add(2).write(src.add(2).read());
                dst.add(3).write(src.add(3).read());
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, n),
        }
    }
}

/// Pushes a frame for a simple call of `func` (owned by the new frame), moving the
/// `nargs` values that end at `args_top` into its parameters, and returns it. The
/// caller checked the recursion depth (`check_depth`) and gives up those values.
#[inline(always)]
pub fn push_simple_frame(vm: &mut Vm, func: Value, nargs: usize, args_top: *mut Value) -> *mut Frame {
    let fo = func.downcast::<FunctionObj>().expect("function");
    let code = fo.code();
    let nlocalsplus = code.nlocalsplus();
    let (slots, mark) = vm.stack.alloc(nlocalsplus + code.stacksize as usize);
    // SAFETY: the nargs values below args_top are initialised and owned by the caller's
    // stack, which gives them up (the caller lowers its top past them); the new slots are
    // fresh, so the ranges do not overlap.
    unsafe {
        move_values(args_top.sub(nargs), slots, nargs);
        for i in nargs..nlocalsplus {
            std::ptr::write(slots.add(i), Value::NULL);
        }
    }
    let (code_p, code_v, globals): (*const CodeObj, *const Value, *const Value) = (code, &fo.code, &fo.globals);
    // SAFETY: `func`, moved into the frame, owns its code and globals.
    unsafe { push_new_frame(vm, code_p, &*code_v, &*globals, func, Value::NULL, slots, mark, false) }
}

/// Like `push_simple_frame` for a call that leaves trailing parameters to their
/// defaults: `nargs` values fill the first parameters, `defaults` (the function's
/// `__defaults__`, which cover at least the rest) the others.
#[inline]
fn push_frame_with_defaults(vm: &mut Vm, func: Value, nargs: usize, args_top: *mut Value) -> *mut Frame {
    let fo = func.downcast::<FunctionObj>().expect("function");
    let argcount = fo.code().argcount as usize;
    let defaults = fo.defaults.get();
    let defaults = defaults.as_tuple().expect("defaults cover the missing parameters");
    let first_default = argcount - defaults.len();
    let top = push_simple_frame(vm, func, nargs, args_top);
    // SAFETY: `top` is the frame just pushed, alive on the frame stack.
    let frame = unsafe { &*top };
    for i in nargs..argcount {
        frame.set_local(i, defaults[i - first_default].clone());
    }
    top
}

/// Pushes the frame of a call `ops::direct_call` accepted as `kind` (not `No`):
/// `push_simple_frame`, or `push_frame_with_defaults` when defaults fill the trailing
/// parameters. Returns the new frame.
#[inline(always)]
pub fn push_direct_frame(vm: &mut Vm, func: Value, kind: crate::interp::ops::DirectCall, nargs: usize, args_top: *mut Value) -> *mut Frame {
    if kind == crate::interp::ops::DirectCall::Exact {
        push_simple_frame(vm, func, nargs, args_top)
    } else {
        push_frame_with_defaults(vm, func, nargs, args_top)
    }
}

/// Pops the top frame, dropping its values and returning its stack slots.
#[inline(always)]
pub fn pop_frame(vm: &mut Vm) {
    let top = vm.frames.top_ptr();
    // SAFETY: `top` is the top frame.
    unsafe { pop_frame_at(vm, top) }
}

/// `pop_frame` for a caller that holds the top frame's pointer.
///
/// # Safety
/// `top` must be `vm.frames.top_ptr()`.
#[inline(always)]
pub unsafe fn pop_frame_at(vm: &mut Vm, top: *mut crate::interp::frame::Frame) {
    // SAFETY: `top` is the live top frame (the caller's guarantee); nothing else refers
    // to it while it is popped.
    let frame = unsafe { &mut *top };
    frame.release_slots();
    let mark = frame.stack_mark;
    // SAFETY: `top` is still the top frame (dropping values runs no Python code).
    unsafe { vm.frames.discard_top_at(top) };
    if !mark.is_owned() {
        vm.stack.free(mark);
    }
}

/// `pop_frame_at` for the fast lane's return from a call frame `top` whose slots it
/// released already and whose function reference is not the last one, so popping frees
/// nothing; a call frame's `locals` and `generator` are NULL (only entry frames, which
/// the lane never pops, have them).
///
/// # Safety
/// `top` must be `vm.frames.top_ptr()`, not an entry frame, with its slots released
/// and its function not held only by it.
#[inline(always)]
pub unsafe fn pop_call_frame_at(vm: &mut Vm, top: *mut Frame) {
    // SAFETY: the caller's guarantee; the frame leaves the stack before its function
    // reference is released.
    unsafe {
        let frame = &*top;
        debug_assert!(!frame.entry && frame.locals.is_null() && frame.generator.is_null());
        let mark = frame.stack_mark;
        let func = std::ptr::read(&frame.func);
        vm.frames.forget_top_at(top);
        drop(func);
        vm.stack.free(mark);
    }
}

/// Calls a Python function with any arguments.
pub fn call_function(vm: &mut Vm, func: &Value, args: Args) -> PyResult<Value> {
    let fo = func.downcast::<FunctionObj>().expect("function");
    let code = fo.code();
    if code.is_generator() {
        return crate::interp::generator::new_generator(vm, func, args);
    }
    check_depth(vm)?;
    crate::stack_guard::ensure_stack(vm)?;
    let (slots, mark) = alloc_slots(vm, code);
    if let Err(e) = bind_args(vm, fo, code, args, slots) {
        for i in 0..code.nlocalsplus() {
            // SAFETY: all localsplus slots were initialised by alloc_slots.
            unsafe { std::ptr::drop_in_place(slots.add(i)) };
        }
        vm.stack.free(mark);
        return Err(e);
    }
    // SAFETY: the frame owns a reference to the function, which owns code and globals.
    unsafe { push_new_frame(vm, code, &fo.code, &fo.globals, func.clone(), Value::NULL, slots, mark, true) };
    returned(run(vm))
}

/// The value a function frame run to its end returned (a yield from one is a bug).
pub fn returned(exit: PyResult<Exit>) -> PyResult<Value> {
    match exit? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(PyErr::new(ExcKind::SystemError, "yield from a non-generator frame")),
    }
}

/// Runs a code object with a namespace dict (module bodies, class bodies, exec).
pub fn run_code_with_locals(vm: &mut Vm, code_v: &Value, func: Value, globals: Value, locals: Value) -> PyResult<Value> {
    let code = code_v.downcast::<CodeObj>().expect("code");
    check_depth(vm)?;
    crate::stack_guard::ensure_stack(vm)?;
    let (slots, mark) = alloc_slots(vm, code);
    // SAFETY: `code_v` is borrowed for this whole call and `globals` lives in this
    // function until the frame has finished running.
    unsafe { push_new_frame(vm, code, code_v, &globals, func, locals, slots, mark, true) };
    let result = run(vm);
    drop(globals);
    match result? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(PyErr::new(ExcKind::SystemError, "yield outside a generator")),
    }

}

/// Binds call arguments into a new frame's slots (CPython's `initialize_locals`).
pub fn bind_args(vm: &mut Vm, fo: &FunctionObj, code: &CodeObj, args: Args, slots: *mut Value) -> PyResult<()> {
    let set = |i: usize, v: Value| {
        // SAFETY: i < nlocalsplus (parameter slots come first); the slot holds NULL or
        // a value being replaced, which is dropped.
        unsafe { drop(std::ptr::replace(slots.add(i), v)) };
    };
    let get_is_null = |i: usize| -> bool {
        // SAFETY: as above.
        unsafe { (*slots.add(i)).is_null() }
    };
    let pos = args.pos();
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags.contains(CodeFlags::VARARGS);
    let has_varkw = code.flags.contains(CodeFlags::VARKEYWORDS);
    let total = argcount + kwonly;

    let n = pos.len().min(argcount);
    for (i, v) in pos[..n].iter().enumerate() {
        set(i, v.clone());
    }
    if has_varargs {
        set(total, tuple::new_tuple(pos[n..].to_vec()));
    } else if pos.len() > argcount {
        return Err(too_many_positional(vm, fo, code, pos.len(), &args));
    }
    let kwdict = if has_varkw {
        let d = dict::new_dict();
        set(total + has_varargs as usize, d.clone());
        Some(d)
    } else {
        None
    };
    let names = &code.localsplus_names;
    for (k, v) in args.kwargs() {
        let found = (code.posonlyargcount as usize..total).find(|&i| names[i].as_str() == Some(k));
        match found {
            Some(i) => {
                if !get_is_null(i) {
                    return Err(type_error(format!("{}() got multiple values for argument '{k}'", qualname(fo))));
                }
                set(i, v.clone());
            }
            None => match &kwdict {
                Some(d) => {
                    let key = vm.intern(k);
                    d.downcast::<DictObj>().expect("dict").set_str(key, v.clone());
                }
                None => {
                    if (0..code.posonlyargcount as usize).any(|i| names[i].as_str() == Some(k)) {
                        return Err(type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{k}'",
                            qualname(fo)
                        )));
                    }
                    return Err(type_error(format!("{}() got an unexpected keyword argument '{k}'", qualname(fo))));
                }
            },
        }
    }
    // Defaults for missing positional parameters.
    if pos.len() < argcount {
        let defaults = fo.defaults.get();
        let defaults = defaults.as_tuple().unwrap_or(&[]);
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for i in pos.len()..argcount {
            if get_is_null(i) {
                if i >= first_default {
                    set(i, defaults[i - first_default].clone());
                } else {
                    missing.push(names[i].as_str().unwrap_or("?").to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(fo, "positional", &missing));
        }
    }
    if kwonly > 0 {
        let kwdefaults = fo.kwdefaults.get();
        let mut missing = Vec::new();
        for i in argcount..total {
            if get_is_null(i) {
                let d = kwdefaults.downcast::<DictObj>().and_then(|d| d.get_str(&names[i]));
                match d {
                    Some(v) => set(i, v),
                    None => missing.push(names[i].as_str().unwrap_or("?").to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(fo, "keyword-only", &missing));
        }
    }
    Ok(())
}

fn qualname(fo: &FunctionObj) -> String {
    fo.qualname.get().as_str().unwrap_or("?").to_string()
}

fn missing_error(fo: &FunctionObj, kind: &str, names: &[String]) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
    };
    let plural = if names.len() == 1 { "argument" } else { "arguments" };
    type_error(format!("{}() missing {} required {kind} {plural}: {list}", qualname(fo), names.len()))
}

fn too_many_positional(_vm: &mut Vm, fo: &FunctionObj, code: &CodeObj, given: usize, args: &Args) -> PyErr {
    let argcount = code.argcount as usize;
    let ndefaults = fo.defaults.get().as_tuple().map_or(0, |t| t.len());
    let takes = if ndefaults > 0 {
        format!("from {} to {}", argcount - ndefaults, argcount)
    } else {
        argcount.to_string()
    };
    let plural = if argcount == 1 && ndefaults == 0 { "argument" } else { "arguments" };
    // Keyword-only arguments passed count in the message, as CPython.
    let names = &code.localsplus_names;
    let kwonly_given = args.kwargs().filter(|(k, _)| {
        (argcount..argcount + code.kwonlyargcount as usize).any(|i| names[i].as_str() == Some(k))
    }).count();
    let was = if given == 1 && kwonly_given == 0 { "was" } else { "were" };
    let kw_part = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            kwonly_given,
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    if kwonly_given > 0 {
        type_error(format!("{}() takes {takes} positional {plural} but {given}{kw_part} were given", qualname(fo)))
    } else {
        type_error(format!("{}() takes {takes} positional {plural} but {given} {was} given", qualname(fo)))
    }
}
