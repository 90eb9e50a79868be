//! Helpers shared by the Rust integration tests (each test file is its own crate and
//! includes this with `mod common;`).

use monjit::runtime::io::OutputStream;
use monjit::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// A VM whose stdout and stderr go to strings.
pub fn captured_vm() -> (Vm, Rc<RefCell<String>>, Rc<RefCell<String>>) {
    let mut vm = Vm::new();
    let out = Rc::new(RefCell::new(String::new()));
    let err = Rc::new(RefCell::new(String::new()));
    vm.stdout = OutputStream::capture(out.clone());
    vm.stderr = OutputStream::capture(err.clone());
    (vm, out, err)
}
