//! The embedding API (`monjit::Vm`): running source, reading results back, errors as
//! `Err` (never a panic), output capture, and several VMs in one process, one after
//! another, interleaved on one thread, and on separate threads (each VM stays on the
//! thread that made it).
//!
//! Cases that could abort the whole process (a native stack overflow) run in a child
//! copy of this test binary, so one crash fails one test instead of the suite.

mod common;
use common::captured_vm;
use monjit::api::Outcome;
use monjit::objects::*;
use monjit::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

// ------------------------------------------------------------------ helpers

/// Reads `name` from a namespace dict returned by `Vm::exec`.
fn global(vm: &mut Vm, ns: &Value, name: &str) -> Option<Value> {
    let key = vm.intern(name);
    ns.downcast::<DictObj>().expect("exec returns a dict").get_str(&key)
}

fn int_of(v: &Value) -> i64 {
    v.as_int().and_then(|i| i.to_i64()).unwrap_or_else(|| panic!("not a small int: {v:?}"))
}

fn str_of(v: &Value) -> String {
    v.downcast::<StrObj>().map(|s| s.as_str().to_string()).unwrap_or_else(|| panic!("not a str: {v:?}"))
}

/// `(type name, str(exc))` of an error.
fn describe(vm: &mut Vm, e: monjit::PyErr) -> (String, String) {
    let exc = vm.normalize(e);
    let name = vm.type_name(&exc);
    let msg = vm.str_string(&exc).unwrap_or_else(|_| "<str failed>".into());
    (name, msg)
}

/// Runs `src` with `exec` and returns the error it must raise, described.
fn exec_err(vm: &mut Vm, src: &str) -> (String, String) {
    match vm.exec(src) {
        Ok(_) => panic!("expected an error from {src:?}"),
        Err(e) => describe(vm, e),
    }
}

// ------------------------------------------------------------------ results

#[test]
fn exec_returns_the_namespace() {
    let mut vm = Vm::new();
    let ns = vm.exec("x = 6 * 7\ns = 'ab' * 2\nl = [i * i for i in range(5)]\nbig = 2 ** 100\nf = 1.5 + 1\nt = (1, 'a')\n").expect("runs");
    assert_eq!(int_of(&global(&mut vm, &ns, "x").unwrap()), 42);
    assert_eq!(str_of(&global(&mut vm, &ns, "s").unwrap()), "abab");
    let l = global(&mut vm, &ns, "l").unwrap();
    let items: Vec<i64> = l.downcast::<ListObj>().expect("list").to_vec().iter().map(int_of).collect();
    assert_eq!(items, vec![0, 1, 4, 9, 16]);
    let big = global(&mut vm, &ns, "big").unwrap();
    assert_eq!(vm.repr_string(&big).unwrap(), "1267650600228229401496703205376");
    assert_eq!(global(&mut vm, &ns, "f").unwrap().as_float(), Some(2.5));
    let t = global(&mut vm, &ns, "t").unwrap();
    assert_eq!(vm.repr_string(&t).unwrap(), "(1, 'a')");
    assert!(global(&mut vm, &ns, "missing").is_none());
}

#[test]
fn exec_namespaces_are_separate() {
    let mut vm = Vm::new();
    vm.exec("x = 1").unwrap();
    let (name, msg) = exec_err(&mut vm, "y = x");
    assert_eq!(name, "NameError");
    assert_eq!(msg, "name 'x' is not defined");
}

#[test]
fn run_main_source_keeps_main_namespace() {
    let (mut vm, out, _err) = captured_vm();
    vm.run_main_source("counter = 1\n", "<embed>").expect("first");
    vm.run_main_source("counter += 1\nprint(__name__, counter)\n", "<embed>").expect("second");
    vm.stdout.flush();
    assert_eq!(out.borrow().as_str(), "__main__ 2\n");
}

#[test]
fn call_a_python_function_from_rust() {
    let mut vm = Vm::new();
    let ns = vm.exec("def add(a, b=10):\n    return a + b\nclass K:\n    def m(self, x):\n        return x * 3\nk = K()\n").unwrap();
    let add = global(&mut vm, &ns, "add").unwrap();
    let r = vm.call(&add, &[Value::small_int(5), Value::small_int(6)]).unwrap();
    assert_eq!(int_of(&r), 11);
    let r = vm.call(&add, &[Value::small_int(5)]).unwrap();
    assert_eq!(int_of(&r), 15);
    let k = global(&mut vm, &ns, "k").unwrap();
    let r = vm.call_method(&k, "m", &[Value::small_int(7)]).unwrap();
    assert_eq!(int_of(&r), 21);
    // A wrong call is a TypeError, not a panic.
    let e = vm.call(&add, &[]).err().expect("too few arguments");
    let (name, msg) = describe(&mut vm, e);
    assert_eq!(name, "TypeError");
    assert!(msg.contains("add()"), "{msg}");
    // Calling something that is not callable.
    let x = vm.exec("x = 3").unwrap();
    let three = global(&mut vm, &x, "x").unwrap();
    let e = vm.call(&three, &[]).err().expect("int is not callable");
    assert_eq!(describe(&mut vm, e), ("TypeError".into(), "'int' object is not callable".into()));
    let e = vm.call_method(&k, "nope", &[]).err().expect("no such method");
    assert_eq!(describe(&mut vm, e).0, "AttributeError");
}

// ------------------------------------------------------------------ errors

#[test]
fn runtime_errors_come_back_as_err() {
    let mut vm = Vm::new();
    let cases: &[(&str, &str, &str)] = &[
        ("1 / 0", "ZeroDivisionError", "division by zero"),
        ("undefined_name", "NameError", "name 'undefined_name' is not defined"),
        ("[][3]", "IndexError", "list index out of range"),
        ("{}['k']", "KeyError", "'k'"),
        ("1 + 'a'", "TypeError", "unsupported operand type(s) for +: 'int' and 'str'"),
        ("int('x')", "ValueError", "invalid literal for int() with base 10: 'x'"),
        ("class E(Exception): pass\nraise E('custom')", "E", "custom"),
        ("def f(): f()\nf()", "RecursionError", "maximum recursion depth exceeded"),
        ("assert False, 'nope'", "AssertionError", "nope"),
        ("import no_such_module_xyz", "ModuleNotFoundError", "No module named 'no_such_module_xyz'"),
        ("raise KeyboardInterrupt", "KeyboardInterrupt", ""),
        ("raise SystemExit(3)", "SystemExit", "3"),
        ("next(iter([]))", "StopIteration", ""),
    ];
    for (src, name, msg) in cases {
        assert_eq!(exec_err(&mut vm, src), (name.to_string(), msg.to_string()), "source: {src:?}");
    }
    // The VM is still usable after all of that.
    let ns = vm.exec("ok = sum(range(10))").unwrap();
    assert_eq!(int_of(&global(&mut vm, &ns, "ok").unwrap()), 45);
}

#[test]
fn syntax_errors_come_back_as_err() {
    let mut vm = Vm::new();
    let cases: &[(&str, &str)] = &[
        ("def f(:\n    pass\n", "SyntaxError"),
        ("x = = 1", "SyntaxError"),
        ("return 5", "SyntaxError"),
        ("break", "SyntaxError"),
        ("x = 'unterminated", "SyntaxError"),
        ("f(**x, *y)", "SyntaxError"),
        ("nonlocal q", "SyntaxError"),
        ("def f():\n    x = 1\n    global x\n", "SyntaxError"),
        ("(", "SyntaxError"),
        ("", ""),
        ("\0", "SyntaxError"),
    ];
    for (src, want) in cases {
        match vm.exec(src) {
            Ok(_) => assert_eq!(*want, "", "{src:?} should fail with {want}"),
            Err(e) => {
                let exc = vm.normalize(e);
                let name = vm.type_name(&exc);
                assert_eq!(&name, want, "source {src:?}");
            }
        }
    }
}

#[test]
fn syntax_error_carries_location() {
    let mut vm = Vm::new();
    let e = vm.exec("x = 1\ny = (1,\nz = 3 +\n").err().expect("syntax error");
    let exc = vm.normalize(e);
    assert_eq!(vm.type_name(&exc), "SyntaxError");
    let lineno = vm.exec("pass").map(|_| ()).ok();
    assert!(lineno.is_some());
    let ln = monjit::runtime::exception_attrs::get(&mut vm, &exc, "lineno").ok().flatten().expect("lineno");
    assert!(ln.as_int().is_some(), "lineno is an int: {ln:?}");
}

#[test]
fn run_program_reports_like_python() {
    // Uncaught exception: traceback on stderr, exit 1, stdout flushed first.
    let (mut vm, out, err) = captured_vm();
    let o = vm.run_program("print('before')\ndef f():\n    raise ValueError('bad')\nf()\n", "prog.py");
    assert_eq!(o, Outcome::Exit(1));
    assert_eq!(out.borrow().as_str(), "before\n");
    let e = err.borrow().clone();
    assert!(e.starts_with("Traceback (most recent call last):\n"), "{e}");
    assert!(e.contains("  File \"prog.py\", line 4, in <module>\n"), "{e}");
    assert!(e.contains("  File \"prog.py\", line 3, in f\n"), "{e}");
    assert!(e.ends_with("ValueError: bad\n"), "{e}");

    // SystemExit rules.
    let cases: &[(&str, i32, &str)] = &[
        ("raise SystemExit", 0, ""),
        ("raise SystemExit(None)", 0, ""),
        ("raise SystemExit(4)", 4, ""),
        ("import sys\nsys.exit(263)", 263, ""),
        ("raise SystemExit('bye')", 1, "bye\n"),
        ("raise SystemExit(1, 2)", 1, "(1, 2)\n"),
        ("raise SystemExit(True)", 1, ""),
        ("pass", 0, ""),
    ];
    for (src, code, stderr) in cases {
        let (mut vm, _out, err) = captured_vm();
        assert_eq!(vm.run_program(src, "p.py"), Outcome::Exit(*code), "{src}");
        assert_eq!(err.borrow().as_str(), *stderr, "{src}");
    }

    // A syntax error is reported with exit status 1 (CPython's shape).
    let (mut vm, _out, err) = captured_vm();
    assert_eq!(vm.run_program("x = = 1\n", "bad.py"), Outcome::Exit(1));
    let e = err.borrow().clone();
    assert!(e.contains("File \"bad.py\", line 1"), "{e}");
    assert!(e.trim_end().ends_with("SyntaxError: invalid syntax"), "{e}");
}

/// CPython's exact class, message, location and text for common syntax errors, as
/// python3.14's `exec(src)` reports them (checked against it). Everything here must at
/// least be a SyntaxError `Err`, which `syntax_errors_come_back_as_err` checks; the exact
/// details are conformance.
#[test]
fn syntax_errors_match_cpython_text() {
    type Want = (&'static str, &'static str, (i64, i64, i64, i64), Option<&'static str>);
    let cases: &[Want] = &[
        ("if True:\nprint(1)\n", "IndentationError: expected an indented block after 'if' statement on line 1", (2, 1, 2, 6), Some("print(1)\n")),
        ("  x = 1\n", "IndentationError: unexpected indent", (1, 2, 1, -1), Some("  x = 1\n")),
        ("x = (\n", "SyntaxError: '(' was never closed", (1, 5, 1, 0), Some("x = (\n")),
        ("if True:\n    pass\n  else:\n    pass\n", "IndentationError: unindent does not match any outer indentation level", (3, 8, 3, -1), Some("  else:\n")),
        ("if True:\n\tpass\n        pass\n", "TabError: inconsistent use of tabs and spaces in indentation", (3, 1, 3, 0), Some("        pass\n")),
        ("x = (1,\n  2\ny = 3\n", "SyntaxError: '(' was never closed", (1, 5, 1, 0), Some("x = (1,")),
        ("def f():\n    x = [1, 2\n\ndef g():\n    pass\n", "SyntaxError: '[' was never closed", (2, 9, 2, 0), Some("    x = [1, 2")),
        ("foo(a, [b,\n", "SyntaxError: '[' was never closed", (1, 8, 1, 0), Some("foo(a, [b,\n")),
        ("x = (\n\n\n", "SyntaxError: '(' was never closed", (1, 5, 1, 0), Some("x = (")),
        ("class C:\n", "IndentationError: expected an indented block after class definition on line 1", (1, 9, 1, -1), Some("class C:\n")),
        ("class C:\n\n", "IndentationError: expected an indented block after class definition on line 1", (2, 1, 2, -1), Some("\n")),
        ("for i in range(3):\n    pass\n   x = 1\n", "IndentationError: unindent does not match any outer indentation level", (3, 9, 3, -1), Some("   x = 1\n")),
        ("def f():\n    pass\n        x = 1\n", "IndentationError: unexpected indent", (3, 8, 3, -1), Some("        x = 1\n")),
        ("if x:\n    \ta\n\t    b\n", "TabError: inconsistent use of tabs and spaces in indentation", (3, 1, 3, 0), Some("\t    b\n")),
        ("try:\n    pass\n", "SyntaxError: expected 'except' or 'finally' block", (2, 9, 2, -1), Some("    pass\n")),
        ("@dec\n", "SyntaxError: invalid syntax", (1, 0, 1, 0), Some("@dec\n")),
        ("é = (1,\n", "SyntaxError: '(' was never closed", (1, 5, 1, 0), Some("é = (1,\n")),
        ("f(x for x in\n     yyyyyyyyyyyyyyyyyy, 1)\n", "SyntaxError: Generator expression must be parenthesized", (1, 3, 2, 13), Some("f(x for x in")),
        ("x = 'abc\n", "SyntaxError: unterminated string literal (detected at line 1)", (1, 5, 1, 5), Some("x = 'abc")),
        ("(a + b) = 1\n", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?", (1, 2, 1, 7), Some("(a + b) = 1\n")),
        ("def f(a, a): pass\n", "SyntaxError: duplicate argument 'a' in function definition", (1, 10, 1, 11), None),
    ];
    let mut bad = Vec::new();
    for (src, want, want_pos, want_text) in cases {
        let mut vm = Vm::new();
        let e = vm.exec(src).err().expect("syntax error");
        let exc = vm.normalize(e);
        let mut attr = |name: &str| vm.getattr_str(&exc, name).expect(name);
        let (msg, lineno, offset, end_lineno, end_offset, text) =
            (attr("msg"), attr("lineno"), attr("offset"), attr("end_lineno"), attr("end_offset"), attr("text"));
        let got = format!("{}: {}", vm.type_name(&exc), str_of(&msg));
        let pos = (int_of(&lineno), int_of(&offset), int_of(&end_lineno), int_of(&end_offset));
        let text = (!text.is_none()).then(|| str_of(&text));
        if (got.as_str(), pos, text.as_deref()) != (*want, *want_pos, *want_text) {
            bad.push(format!("{src:?}: got {got:?} {pos:?} {text:?}, CPython says {want:?} {want_pos:?} {want_text:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn output_capture() {
    let (mut vm, out, err) = captured_vm();
    vm.exec("import sys\nprint('a', 1, sep='-')\nprint('no newline', end='')\nsys.stdout.write('w\\n')\nprint('to err', file=sys.stderr)\nsys.stderr.write('e2\\n')\n").unwrap();
    vm.stdout.flush();
    assert_eq!(out.borrow().as_str(), "a-1\nno newlinew\n");
    assert_eq!(err.borrow().as_str(), "to err\ne2\n");
    // Unicode survives.
    vm.exec("print('héllo ☃ \\U0001f600')").unwrap();
    vm.stdout.flush();
    assert!(out.borrow().ends_with("héllo ☃ 😀\n"));
}

#[test]
fn finalizer_errors_are_unraisable_not_err() {
    let (mut vm, _out, err) = captured_vm();
    vm.exec("class D:\n    def __del__(self):\n        raise ValueError('in del')\nd = D()\ndel d\nx = 1\n").expect("the program itself succeeds");
    vm.run_pending_finalizers();
    let e = err.borrow().clone();
    assert!(e.contains("Exception ignored while calling deallocator"), "{e}");
    assert!(e.contains("ValueError: in del"), "{e}");
}

// ------------------------------------------------------------------ many VMs

#[test]
fn many_vms_one_after_another() {
    for i in 0..20 {
        let mut vm = Vm::new();
        let ns = vm.exec(&format!("class C:\n    pass\nc = C()\nc.me = c\nv = {i} * 2\n")).unwrap();
        assert_eq!(int_of(&global(&mut vm, &ns, "v").unwrap()), i * 2);
    }
}

#[test]
fn vm_lifetimes_do_not_accumulate_objects() {
    // A dropped VM leaves nothing behind (see `dropping_the_last_vm_frees_everything`);
    // in any case more VMs must not add to what is live.
    let one_vm = || {
        let mut vm = Vm::new();
        vm.exec("class A:\n    def m(self): return self\na = A()\nl = [a]\nl.append(l)\nd = {'d': None}\nd['d'] = d\ndef g():\n    yield 1\nit = g()\nnext(it)\n").unwrap();
    };
    for _ in 0..3 {
        one_vm();
    }
    let before = monjit::object::tracked_count();
    for _ in 0..15 {
        one_vm();
    }
    let after = monjit::object::tracked_count();
    assert!(after <= before, "tracked containers accumulate across VM lifetimes: {before} -> {after}");
}

/// Dropping the last VM on a thread must free what it allocated (a thread that exits
/// must not keep anything): the cycles its own structures form (types, modules,
/// builtins) once its fields are released, and its garbage with finalizers. With two
/// VMs, what the first one dropped leaves for lack of a collection (objects the embedder
/// still held, released after) goes with the second.
#[test]
fn dropping_the_last_vm_frees_everything() {
    let left = std::thread::spawn(|| {
        let mut vm = Vm::new();
        vm.exec("class A:\n    pass\nl = [A()]\nl.append(l)\n").unwrap();
        drop(vm);
        monjit::object::tracked_count()
    })
    .join()
    .unwrap();
    assert_eq!(left, 0, "tracked containers left on the thread after its only VM was dropped");

    let prog = "class D:\n    def __init__(self): self.me = self\n    def __del__(self): print('del')\n\
        def g():\n    try:\n        yield 1\n    finally:\n        print('closed')\n\
        it = g()\nnext(it)\nbox = [it, D()]\nbox.append(box)\nD()\n\
        held = D()\n";
    let (left, out_a, out_b) = std::thread::spawn(move || {
        let (mut a, out_a, _) = captured_vm();
        let (mut b, out_b, _) = captured_vm();
        a.run_main_source(prog, "<a>").unwrap();
        b.run_main_source(prog, "<b>").unwrap();
        let ns = b.exec("class K:\n    def __del__(self): print('del K')\nk = K()\n").unwrap();
        let held = global(&mut b, &ns, "k").unwrap();
        drop(ns);
        drop(b);
        a.run_main_source("import gc\ngc.collect()\n", "<a>").unwrap();
        drop(held);
        drop(a);
        let (a, b) = (out_a.borrow().clone(), out_b.borrow().clone());
        (monjit::object::tracked_count(), a, b)
    })
    .join()
    .unwrap();
    assert_eq!(left, 0, "tracked containers left on the thread after both VMs were dropped");
    // Each VM finalized its own garbage: the generator, the two instances in cycles,
    // and `held`. b's `k` was still held when b went, so its finalizer never runs.
    let sorted = |s: &str| {
        let mut l: Vec<&str> = s.lines().collect();
        l.sort();
        l.join(" ")
    };
    assert_eq!(sorted(&out_a), "closed del del del", "{out_a}");
    assert_eq!(sorted(&out_b), "closed del del del", "{out_b}");
}

type Output = Rc<RefCell<String>>;

/// VMs a (with its stdout) and b (with its stdout and stderr), each with a class `D`
/// whose instances are in a cycle and print `del <tag>` when finalized.
fn two_vms_with_class_d() -> ((Vm, Output), (Vm, Output, Output)) {
    let (mut a, out_a, _) = captured_vm();
    let (mut b, out_b, err_b) = captured_vm();
    let prog = "class D:\n    def __init__(self, tag): self.tag = tag; self.me = self\n    def __del__(self): print('del', self.tag)\n";
    a.run_main_source(prog, "<a>").unwrap();
    b.run_main_source(prog, "<b>").unwrap();
    ((a, out_a), (b, out_b, err_b))
}

/// The collector's registry and the finalizer queue are per thread, shared by the VMs
/// on it, but each VM runs only its own objects' finalizers (so they print to its
/// stdout and see its sys.argv), whichever VM's collection found them: b's garbage that
/// a's collections find waits for b.
#[test]
fn two_vms_interleaved_on_one_thread() {
    let ((mut a, out_a), (mut b, out_b, err_b)) = two_vms_with_class_d();
    for i in 0..50 {
        a.run_main_source(&format!("D('a{i}')\nimport gc\ngc.collect()\n"), "<a>").unwrap();
        b.run_main_source(&format!("D('b{i}')\nx = [D('b{i}x') for _ in range(3)]\n"), "<b>").unwrap();
    }
    a.run_main_source("import gc\ngc.collect()\n", "<a>").unwrap();
    b.run_main_source("import gc\ngc.collect()\n", "<b>").unwrap();
    a.stdout.flush();
    b.stdout.flush();
    let oa = out_a.borrow().clone();
    let ob = out_b.borrow().clone();
    // Each VM's finalizers print through that VM's own stdout.
    assert!(oa.contains("del a0\n") && oa.contains("del a49\n"), "{oa}");
    assert!(!oa.contains("del b"), "VM a ran VM b's finalizers:\n{oa}");
    assert!(!ob.contains("del a"), "VM b ran VM a's finalizers:\n{ob}");
    // All of them ran, each once: b's last list is still alive.
    assert_eq!(oa.matches("del a").count(), 50, "{oa}");
    assert_eq!(ob.matches("del b").count(), 50 + 49 * 3, "{ob}");
    drop(a);
    // The rest die with b, which finalizes them.
    drop(b);
    assert_eq!(out_b.borrow().matches("del b49x\n").count(), 3, "{}", err_b.borrow());
    assert_eq!(out_a.borrow().as_str(), oa);
}

/// Without any `gc.collect()`: b's garbage that a's automatic collections find waits
/// for b, which runs those finalizers by its own next automatic collection.
#[test]
fn automatic_collections_leave_other_vms_finalizers_to_them() {
    let ((mut a, out_a), (mut b, out_b, _)) = two_vms_with_class_d();
    b.run_main_source("for i in range(5): D('b')\n", "<b>").unwrap();
    // Enough containers for several automatic collections.
    a.run_main_source("for i in range(30000): x = [[i]]\nD('a')\nfor i in range(30000): x = [[i]]\n", "<a>").unwrap();
    a.stdout.flush();
    b.stdout.flush();
    assert_eq!(out_a.borrow().as_str(), "del a\n");
    assert_eq!(out_b.borrow().as_str(), "");
    b.run_main_source("for i in range(30000): x = [[i]]\n", "<b>").unwrap();
    b.stdout.flush();
    assert_eq!(out_b.borrow().as_str(), "del b\n".repeat(5));
    assert_eq!(out_a.borrow().as_str(), "del a\n");
}

/// A VM finalizes its garbage (a suspended generator, an instance with `__del__`) when
/// it is dropped, with its own stdout; no other VM on the thread runs those finalizers,
/// even for objects the embedder still holds when it drops the VM.
#[test]
fn a_dropped_vms_finalizers_stay_its_own() {
    let (mut a, out_a, err_a) = captured_vm();
    a.run_main_source("class D:\n    def __del__(self): print('del in a')\n", "<a>").unwrap();
    let (mut c, out_c, _) = captured_vm();
    let src = "def g(box):\n    try:\n        yield 1\n    finally:\n        print('closed', box[0])\nbox = ['c']\nit = g(box)\nbox.append(it)\nnext(it)\nclass D:\n    def __del__(self): print('del', self.tag)\nd = D()\nd.tag = 'c'\nd.me = d\n";
    c.run_main_source(src, "<c>").unwrap();
    let ns = c.exec("class K:\n    def __del__(self): print('del held')\nk = K()\nk.me = k\n").unwrap();
    let held = global(&mut c, &ns, "k").unwrap();
    drop(ns);
    drop(c);
    let mut lines: Vec<String> = out_c.borrow().lines().map(String::from).collect();
    lines.sort();
    assert_eq!(lines, ["closed c", "del c"]);
    a.run_main_source("import gc\ngc.collect()\n", "<a>").unwrap();
    drop(held);
    a.run_main_source("import gc\ngc.collect()\nD()\n", "<a>").unwrap();
    a.stdout.flush();
    assert_eq!(out_a.borrow().as_str(), "del in a\n");
    assert_eq!(out_c.borrow().lines().count(), 2);
    assert_eq!(err_a.borrow().as_str(), "");
}

#[test]
fn vms_on_separate_threads() {
    let handles: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let (mut vm, out, _) = captured_vm();
                let src = format!(
                    "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\nacc = []\nfor i in range(200):\n    node = {{'i': i}}\n    node['self'] = node\n    acc.append(fib(12) + {t})\nprint(len(acc), acc[0])\nimport gc\ngc.collect()\n"
                );
                vm.exec(&src).expect("thread program runs");
                vm.stdout.flush();
                let s = out.borrow().clone();
                s
            })
        })
        .collect();
    for (t, h) in handles.into_iter().enumerate() {
        let s = h.join().expect("VM thread must not panic");
        assert_eq!(s, format!("200 {}\n", 144 + t));
    }
}

#[test]
fn vm_on_a_thread_with_a_small_stack() {
    // Python-to-Python recursion must not grow the native stack; native re-entry
    // (repr of nested containers, __eq__ from containers) must stop with RecursionError.
    let h = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let mut vm = Vm::new();
            let mut out = Vec::new();
            for src in [
                "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nr = f(900)\n",
                "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __repr__(self): return repr(self)\nrepr(A())\n",
                "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __eq__(self, o): return [self] == [o]\nA() == A()\n",
                "import sys\nsys.setrecursionlimit(100000)\nl = []\nfor i in range(100000): l = [l]\nrepr(l)\n",
            ] {
                out.push(match vm.exec(src) {
                    Ok(_) => "ok".to_string(),
                    Err(e) => describe(&mut vm, e).0,
                });
            }
            out
        })
        .unwrap();
    let r = h.join().expect("no panic");
    assert_eq!(r[0], "ok");
    assert_eq!(r[1], "RecursionError");
    assert_eq!(r[2], "RecursionError");
    assert_eq!(r[3], "RecursionError");
}

// ------------------------------------------------------------------ crash isolation

/// Runs test `test_name` in a copy of this test binary (so a native abort fails one
/// test, not the suite), with `MONJIT_API_CHILD=test_name` and `MONJIT_API_CASE=case`;
/// returns its exit status and stderr.
fn in_child(test_name: &str, case: usize) -> (std::process::ExitStatus, String) {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([test_name, "--exact", "--include-ignored", "--nocapture", "--test-threads=1"])
        .env("MONJIT_API_CHILD", test_name)
        .env("MONJIT_API_CASE", case.to_string())
        .output()
        .expect("spawn child test");
    (out.status, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// In a child run: which case to run.
fn child_case(test_name: &str) -> Option<usize> {
    if std::env::var("MONJIT_API_CHILD").is_ok_and(|v| v == test_name) {
        Some(std::env::var("MONJIT_API_CASE").ok().and_then(|c| c.parse().ok()).unwrap_or(0))
    } else {
        None
    }
}

/// Compiles and runs each source on a thread with a 2 MiB stack (Rust's default for
/// spawned threads), each in its own child process; returns the cases whose child died.
fn run_isolated(test_name: &str, sources: &[String]) -> Vec<String> {
    if let Some(i) = child_case(test_name) {
        let src = sources[i].clone();
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let mut vm = Vm::new();
                if let Err(e) = vm.exec(&src) {
                    let (name, msg) = describe(&mut vm, e);
                    assert!(
                        ["SyntaxError", "RecursionError", "MemoryError"].contains(&name.as_str()),
                        "unexpected {name}: {msg}"
                    );
                }
            })
            .unwrap()
            .join()
            .expect("no panic");
        return Vec::new();
    }
    let mut failed = Vec::new();
    for (i, src) in sources.iter().enumerate() {
        let (status, stderr) = in_child(test_name, i);
        if !status.success() {
            let shown: String = src.chars().take(40).collect();
            failed.push(format!("case {i} ({} bytes, starts {shown:?}): {status}\n{}", src.len(), stderr.lines().filter(|l| !l.starts_with("running") && !l.trim().is_empty()).take(4).collect::<Vec<_>>().join("\n")));
        }
    }
    failed
}

fn nested_defs(n: usize) -> String {
    (0..n).map(|i| format!("{}def f{i}():\n", " ".repeat(i))).collect::<String>() + &" ".repeat(n) + "pass\n"
}

/// Deeply nested source compiled on an ordinary (2 MiB) thread must not overflow the
/// native stack: it compiles (the compiler moves to fresh stack segments as it recurses),
/// or answers as CPython does for brackets nested past 200 levels ("too many nested
/// parentheses"). CPython's PEG parser also gives up ("Parser stack overflowed") on
/// some of these; monjit compiles them instead.
#[test]
fn deep_nesting_on_a_default_thread_is_an_error() {
    let sources = vec![
        format!("x = {}1{}", "(".repeat(5000), ")".repeat(5000)),
        format!("x = {}{}", "[".repeat(5000), "]".repeat(5000)),
        format!("x = {}1", "-".repeat(20000)),
        format!("x = 1{}", " + 1".repeat(20000)),
        format!("x = {}", "not ".repeat(20000)) + "1",
        format!("x = {}1", "lambda: ".repeat(3000)),
        nested_defs(300),
        format!("x = 1{}", " if 1 else 1".repeat(5000)),
    ];
    let failed = run_isolated("deep_nesting_on_a_default_thread_is_an_error", &sources);
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// Nesting at depths CPython accepts must compile on a 2 MiB thread.
#[test]
fn moderate_nesting_on_a_default_thread() {
    let sources = vec![
        format!("x = {}1{}", "(".repeat(150), ")".repeat(150)),
        format!("x = {}{}", "[".repeat(150), "]".repeat(150)),
        format!("x = {}1", "-".repeat(150)),
        format!("x = 1{}", " + 1".repeat(2000)),
        nested_defs(50),
    ];
    let failed = run_isolated("moderate_nesting_on_a_default_thread", &sources);
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

// ------------------------------------------------------------------ native tools

#[test]
fn counting_tool_counts_python_starts_and_returns_natively() {
    let mut vm = Vm::new();
    monjit::monitoring::counting_tool::install(&mut vm).expect("fresh VM: tool id 2 is free");
    let ns = vm
        .exec(
            "import sys\n\
             import _monjit_counting_tool as tool\n\
             E = sys.monitoring.events\n\
             def f(x):\n    return x + 1\n\
             before = tool.count()\n\
             sys.monitoring.set_events(sys.monitoring.PROFILER_ID, E.PY_START | E.PY_RETURN)\n\
             tool.reset()\n\
             for i in range(10):\n    f(i)\n\
             during = tool.count()\n\
             sys.monitoring.set_events(sys.monitoring.PROFILER_ID, 0)\n\
             f(0)\n\
             after = tool.count()\n\
             name = sys.monitoring.get_tool(sys.monitoring.PROFILER_ID)\n",
        )
        .expect("program runs");
    assert_eq!(int_of(&global(&mut vm, &ns, "before").unwrap()), 0);
    // Ten calls: a PY_START and a PY_RETURN each.
    assert_eq!(int_of(&global(&mut vm, &ns, "during").unwrap()), 20);
    assert_eq!(int_of(&global(&mut vm, &ns, "after").unwrap()), 20);
    assert_eq!(str_of(&global(&mut vm, &ns, "name").unwrap()), "monjit native counting profiler");
    assert_eq!(monjit::monitoring::counting_tool::count(), 20);
    // The id is taken: a second install is an Err, not a panic.
    let err = monjit::monitoring::counting_tool::install(&mut vm).unwrap_err();
    assert_eq!(describe(&mut vm, err), ("ValueError".into(), "tool 2 is already in use".into()));
}

#[test]
fn cli_native_tool_flag_installs_the_counting_profiler() {
    let dir = std::env::temp_dir().join(format!("monjit-native-tool-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prog = dir.join("p.py");
    std::fs::write(
        &prog,
        "import sys, _monjit_counting_tool as t\n\
         sys.monitoring.set_events(2, sys.monitoring.events.PY_START)\n\
         def g():\n    pass\n\
         t.reset()\ng()\ng()\nprint(t.count())\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_monjit"))
        .args(["run", "--native-tool", "profiler"])
        .arg(&prog)
        .output()
        .expect("spawn monjit");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
    // Without the flag the module does not exist.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_monjit")).arg("run").arg(&prog).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ModuleNotFoundError: No module named '_monjit_counting_tool'"));
    let _ = std::fs::remove_dir_all(&dir);
}
