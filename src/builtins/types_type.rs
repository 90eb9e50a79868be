//! `type`: methods of class objects themselves.

use super::argparse;
use crate::error::PyResult;
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![("mro", mro), ("__subclasses__", subclasses)]
}

fn mro(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("mro", &args, 0, 0)?;
    Ok(list::new_list(s.as_type().map(|t| t.mro()).unwrap_or_default()))
}

fn subclasses(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__subclasses__", &args, 0, 0)?;
    Ok(list::new_list(s.as_type().map(|t| t.subclass_values()).unwrap_or_default()))
}
