//! Python exceptions as Rust errors.
//!
//! Code that fails returns `Err(PyErr)`. Built-in exceptions are usually raised lazily (a
//! kind and arguments) so helpers need no VM to fail; the interpreter turns them into
//! exception objects (`Vm::normalize`) when Python code can observe them.

use crate::value::Value;

macro_rules! exc_kinds {
    ($($kind:ident($base:ident)),* $(,)?) => {
        /// The built-in exception classes, in creation order (a base before its subclasses).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind { $($kind,)* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$kind,)*];
            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$kind => stringify!($kind),)* }
            }
            /// The base class (`BaseException` is its own base marker).
            pub fn base(self) -> ExcKind {
                match self { $(ExcKind::$kind => ExcKind::$base,)* }
            }
        }
    };
}

exc_kinds! {
    BaseException(BaseException),
    Exception(BaseException),
    ArithmeticError(Exception),
    ZeroDivisionError(ArithmeticError),
    OverflowError(ArithmeticError),
    FloatingPointError(ArithmeticError),
    LookupError(Exception),
    IndexError(LookupError),
    KeyError(LookupError),
    ValueError(Exception),
    UnicodeError(ValueError),
    UnicodeDecodeError(UnicodeError),
    UnicodeEncodeError(UnicodeError),
    TypeError(Exception),
    AttributeError(Exception),
    NameError(Exception),
    UnboundLocalError(NameError),
    RuntimeError(Exception),
    RecursionError(RuntimeError),
    NotImplementedError(RuntimeError),
    StopIteration(Exception),
    StopAsyncIteration(Exception),
    GeneratorExit(BaseException),
    AssertionError(Exception),
    KeyboardInterrupt(BaseException),
    SystemExit(BaseException),
    SyntaxError(Exception),
    IndentationError(SyntaxError),
    TabError(IndentationError),
    ImportError(Exception),
    ModuleNotFoundError(ImportError),
    MemoryError(Exception),
    SystemError(Exception),
    EOFError(Exception),
    BufferError(Exception),
    OSError(Exception),
    FileNotFoundError(OSError),
    FileExistsError(OSError),
    IsADirectoryError(OSError),
    NotADirectoryError(OSError),
    PermissionError(OSError),
    Warning(Exception),
    UserWarning(Warning),
    DeprecationWarning(Warning),
    RuntimeWarning(Warning),
    PendingDeprecationWarning(Warning),
    SyntaxWarning(Warning),
    FutureWarning(Warning),
    ImportWarning(Warning),
    UnicodeWarning(Warning),
    BytesWarning(Warning),
    ResourceWarning(Warning),
    EncodingWarning(Warning),
}

/// A raised Python exception.
pub enum PyErr {
    /// A built-in exception not yet turned into an object.
    Lazy { kind: ExcKind, args: Vec<Value> },
    /// A lazily raised exception whose single argument is a message.
    Msg { kind: ExcKind, msg: String },
    /// An exception instance.
    Obj(Value),
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr::Msg { kind, msg: msg.into() }
    }

    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr::Lazy { kind, args }
    }

    /// A built-in exception of `kind` raised with no arguments.
    pub fn bare(kind: ExcKind) -> PyErr {
        PyErr::Lazy { kind, args: Vec::new() }
    }

    /// The built-in kind, when the error is still lazy.
    pub fn lazy_kind(&self) -> Option<ExcKind> {
        match self {
            PyErr::Lazy { kind, .. } | PyErr::Msg { kind, .. } => Some(*kind),
            PyErr::Obj(_) => None,
        }
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PyErr::Lazy { kind, args } => write!(f, "{}{:?}", kind.name(), args),
            PyErr::Msg { kind, msg } => write!(f, "{}({msg:?})", kind.name()),
            PyErr::Obj(v) => write!(f, "PyErr({v:?})"),
        }
    }
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::TypeError, msg)
}
pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}
pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::IndexError, msg)
}
pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::OverflowError, msg)
}
pub fn zero_division(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ZeroDivisionError, msg)
}
pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::RuntimeError, msg)
}
