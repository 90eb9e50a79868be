//! The object protocols and runtime services the interpreter and built-ins share.

pub mod arith;
pub mod attr;
pub mod call;
pub mod classes;
pub mod dicts;
pub mod exception_attrs;
pub mod exceptions;
pub mod finalize;
pub mod format;
pub mod import;
pub mod init;
pub mod io;
pub mod io_objects;
pub mod iter;
pub mod lists;
pub mod ops;
pub mod repr;
pub mod sets;
pub mod slots;
pub mod special_attrs;
pub mod strings;
pub mod subscript;
pub mod carets;
pub mod traceback;
pub mod warnings;
