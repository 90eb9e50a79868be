//! The `_io` module (C in CPython): `StringIO`, text files from `open()`, and
//! `UnsupportedOperation`. `io` itself is the frozen `io.py` re-exporting these.
//!
//! Both object kinds keep text as code points with a position, so `read`, `readline`,
//! `readlines` and iteration are written once (`TextBuf`). A file opened for reading is
//! read and decoded whole at `open()` (universal newlines, as CPython's text mode); a
//! file opened for writing or appending writes through a `BufWriter`, flushed at
//! `close()` or when the object is freed.

use crate::builtins::argparse;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::class::{Layout, TypeFlags};
use crate::objects::func::{self as funcs, Args, NativeFn};
use crate::objects::opaque::{new_opaque, NativeData, OpaqueObj};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;
use std::io::Write;

/// Text with a position in code points: the readable part of both object kinds.
#[derive(Default)]
struct TextBuf {
    chars: Vec<char>,
    pos: usize,
    /// Where lines end: "\n", or for StringIO(newline="") any of "\r", "\n", "\r\n",
    /// or for newline="\r" / "\r\n" that string.
    ends: LineEnds,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum LineEnds {
    #[default]
    Lf,
    Any,
    Cr,
    CrLf,
}

/// A StringIO's `newline` argument: None (universal: input translated to "\n"), "",
/// "\n", "\r" or "\r\n".
#[derive(Clone, Copy)]
struct Newline {
    translate_in: bool,
    ends: LineEnds,
}

impl Newline {
    /// Text as stored: universal newlines become "\n"; with "\r" or "\r\n", written
    /// "\n" become that.
    fn stored(self, s: &str) -> String {
        match (self.translate_in, self.ends) {
            (true, _) => s.replace("\r\n", "\n").replace('\r', "\n"),
            (false, LineEnds::Cr) => s.replace('\n', "\r"),
            (false, LineEnds::CrLf) => s.replace('\n', "\r\n"),
            _ => s.to_string(),
        }
    }
}

impl TextBuf {
    fn rest(&self) -> &[char] {
        &self.chars[self.pos.min(self.chars.len())..]
    }

    /// `read(n)`: n < 0 reads to the end.
    fn read(&mut self, n: i64) -> String {
        let rest = self.rest();
        let take = if n < 0 { rest.len() } else { rest.len().min(n as usize) };
        let s: String = rest[..take].iter().collect();
        if take > 0 {
            self.pos += take;
        }
        s
    }

    /// `readline(limit)`: up to and including the next '\n'.
    fn readline(&mut self, limit: i64) -> String {
        let rest = self.rest();
        let mut end = match self.ends {
            LineEnds::Lf => rest.iter().position(|&c| c == '\n').map(|i| i + 1),
            LineEnds::Cr => rest.iter().position(|&c| c == '\r').map(|i| i + 1),
            LineEnds::CrLf => rest.windows(2).position(|w| w == ['\r', '\n']).map(|i| i + 2),
            LineEnds::Any => rest.iter().position(|&c| c == '\r' || c == '\n').map(|i| {
                if rest[i] == '\r' && rest.get(i + 1) == Some(&'\n') { i + 2 } else { i + 1 }
            }),
        }
        .unwrap_or(rest.len());
        if limit >= 0 {
            end = end.min(limit as usize);
        }
        let s: String = rest[..end].iter().collect();
        if end > 0 {
            self.pos += end;
        }
        s
    }

    /// `readlines(hint)`: lines until their total length reaches `hint` (> 0).
    fn readlines(&mut self, hint: i64) -> Vec<String> {
        let mut out = Vec::new();
        let mut total = 0usize;
        loop {
            let line = self.readline(-1);
            if line.is_empty() {
                break;
            }
            total += line.chars().count();
            out.push(line);
            if hint > 0 && total > hint as usize {
                break;
            }
        }
        out
    }

    /// Writes at the position, padding with NULs past the end; returns the count.
    fn write(&mut self, s: &str) -> usize {
        let new: Vec<char> = s.chars().collect();
        if self.pos > self.chars.len() {
            self.chars.resize(self.pos, '\0');
        }
        let end = self.pos + new.len();
        if end > self.chars.len() {
            self.chars.resize(end, '\0');
        }
        self.chars[self.pos..end].copy_from_slice(&new);
        self.pos = end;
        new.len()
    }
}

enum FileMode {
    Read(TextBuf),
    Write(Option<std::io::BufWriter<std::fs::File>>, usize),
}

struct TextFile {
    mode: FileMode,
    name: Value,
    mode_str: String,
    closed: bool,
}

struct StringIo {
    buf: TextBuf,
    newline: Newline,
    closed: bool,
}

macro_rules! native_data {
    ($t:ty, $($field:ident),*) => {
        impl NativeData for $t {
            fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {
                $(_visit(&self.$field);)*
            }
        }
    };
}
native_data!(StringIo,);
native_data!(TextFile, name);

/// Either kind of text stream, borrowed mutably for one operation.
enum Stream<'a> {
    Sio(&'a mut StringIo),
    File(&'a mut TextFile),
}

fn closed_error(dot: bool) -> PyErr {
    value_error(if dot { "I/O operation on closed file." } else { "I/O operation on closed file" })
}

fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    let Some(cls) = vm_unsupported(vm) else { return PyErr::new(ExcKind::OSError, what) };
    let msg = vm.new_str(what);
    match vm.call(&cls, &[msg]) {
        Ok(e) => PyErr::Obj(e),
        Err(e) => e,
    }
}

/// `io.UnsupportedOperation`, kept in the `_io` module's dict.
fn vm_unsupported(vm: &mut Vm) -> Option<Value> {
    let key = vm.intern("_io");
    let m = vm.modules.downcast::<DictObj>()?.get_str(&key)?;
    let d = m.downcast::<ModuleObj>()?.dict.clone();
    let k = vm.intern("UnsupportedOperation");
    d.downcast::<DictObj>()?.get_str(&k)
}

/// Runs `f` on the stream `s` (a StringIO or text file), checking it is open.
fn with_stream<R>(vm: &mut Vm, s: &Value, what: &str, check_open: bool, f: impl FnOnce(Stream) -> PyResult<R>) -> PyResult<R> {
    let bad = || type_error(format!("descriptor '{what}' requires a '_io._TextIOBase' object but received '{}'", vm.type_name(s)));
    let o = s.downcast::<OpaqueObj>().ok_or_else(bad)?;
    let mut d = o.data.try_borrow_mut().map_err(|_| PyErr::new(ExcKind::RuntimeError, "reentrant call inside stream"))?;
    let any = d.as_any_mut();
    if any.is::<StringIo>() {
        let sio = any.downcast_mut::<StringIo>().expect("StringIO");
        if check_open && sio.closed {
            return Err(closed_error(false));
        }
        f(Stream::Sio(sio))
    } else if let Some(file) = any.downcast_mut::<TextFile>() {
        if check_open && file.closed {
            return Err(closed_error(true));
        }
        f(Stream::File(file))
    } else {
        Err(bad())
    }
}

/// The readable text of a stream, or "not readable".
fn reader<'a>(st: Stream<'a>) -> Result<&'a mut TextBuf, &'static str> {
    match st {
        Stream::Sio(s) => Ok(&mut s.buf),
        Stream::File(TextFile { mode: FileMode::Read(b), .. }) => Ok(b),
        Stream::File(_) => Err("not readable"),
    }
}

fn read_op<R>(vm: &mut Vm, s: &Value, what: &str, f: impl FnOnce(&mut TextBuf) -> R) -> PyResult<R> {
    match with_stream(vm, s, what, true, |st| Ok(reader(st).map(f)))? {
        Ok(r) => Ok(r),
        Err(msg) => Err(unsupported(vm, msg)),
    }
}

/// An optional size argument: None or an int (`-1` when absent).
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is_none() => Ok(-1),
        Some(v) if v.as_int().is_some() || crate::runtime::ops::is_user_object(v) => argparse::int_arg(vm, v),
        Some(v) => Err(type_error(format!("argument should be integer or None, not '{}'", vm.type_name(v)))),
    }
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("read", &args, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    let r = read_op(vm, s, "read", |b| b.read(n))?;
    Ok(vm.str_from_string(r))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("readline", &args, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    let r = read_op(vm, s, "readline", |b| b.readline(n))?;
    Ok(vm.str_from_string(r))
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("readlines", &args, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    // IOBase.readlines (Python-level in CPython): its closed-file message has the dot.
    let lines = read_op(vm, s, "readlines", |b| b.readlines(n)).map_err(|e| match &e {
        PyErr::Msg { kind: ExcKind::ValueError, msg } if msg.starts_with("I/O operation") => closed_error(true),
        _ => e,
    })?;
    let items = lines.into_iter().map(|l| vm.str_from_string(l)).collect();
    Ok(list::new_list(items))
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__next__", &args, 0, 0)?;
    let line = read_op(vm, s, "__next__", |b| b.readline(-1))?;
    if line.is_empty() {
        return Err(PyErr::bare(ExcKind::StopIteration));
    }
    Ok(vm.str_from_string(line))
}

/// `__iter__` and `__enter__`: the stream itself, if open.
fn self_if_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    with_stream(vm, s, "__iter__", false, |st| match st {
        Stream::Sio(x) if x.closed => Err(closed_error(true)),
        Stream::File(x) if x.closed => Err(closed_error(true)),
        _ => Ok(()),
    })?;
    Ok(s.clone())
}

/// The text of `write(v)`, or CPython's message for a non-str (StringIO's differs).
fn text_arg<'a>(v: &'a Value, type_name: &str, sio: bool) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| {
        if sio {
            type_error(format!("string argument expected, got '{type_name}'"))
        } else {
            type_error(format!("write() argument must be str, not {type_name}"))
        }
    })
}

fn write_text(vm: &mut Vm, s: &Value, v: &Value) -> PyResult<usize> {
    let tn = vm.type_name(v);
    let r = with_stream(vm, s, "write", true, |st| {
        Ok(match st {
            Stream::Sio(x) => {
                let t = x.newline.stored(text_arg(v, &tn, true)?);
                Ok(x.buf.write(&t))
            }
            Stream::File(TextFile { mode: FileMode::Write(w, written), .. }) => {
                let t = text_arg(v, &tn, false)?;
                if let Some(w) = w {
                    w.write_all(t.as_bytes()).map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
                }
                *written += t.len();
                Ok(t.chars().count())
            }
            Stream::File(_) => Err("not writable"),
        })
    })?;
    r.map_err(|msg| unsupported(vm, msg))
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("write", &args, 1, 1)?;
    let n = write_text(vm, s, &rest[0])?;
    Ok(Value::int_from_usize(n))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("writelines", &args, 1, 1)?;
    with_stream(vm, s, "writelines", true, |_| Ok(()))?;
    for line in vm.collect(&rest[0])? {
        write_text(vm, s, &line)?;
    }
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("close", &args, 0, 0)?;
    with_stream(vm, s, "close", false, |st| {
        match st {
            Stream::Sio(x) => {
                x.closed = true;
                x.buf.chars = Vec::new();
            }
            Stream::File(x) => {
                x.closed = true;
                if let FileMode::Write(w, _) = &mut x.mode {
                    if let Some(mut w) = w.take() {
                        w.flush().map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
                    }
                }
                if let FileMode::Read(b) = &mut x.mode {
                    *b = TextBuf::default();
                }
            }
        }
        Ok(())
    })?;
    Ok(Value::NONE)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = args.pos().first().ok_or_else(|| type_error("__exit__ needs an argument"))?;
    close(vm, Args::new(std::slice::from_ref(s)))?;
    Ok(Value::NONE)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("flush", &args, 0, 0)?;
    with_stream(vm, s, "flush", true, |st| {
        if let Stream::File(TextFile { mode: FileMode::Write(Some(w), _), .. }) = st {
            w.flush().map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
        }
        Ok(())
    })?;
    Ok(Value::NONE)
}

fn tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("tell", &args, 0, 0)?;
    let n = with_stream(vm, s, "tell", true, |st| {
        Ok(match st {
            Stream::Sio(x) => x.buf.pos,
            // A text file's cookie is its byte offset (utf-8).
            Stream::File(TextFile { mode: FileMode::Read(b), .. }) => b.chars[..b.pos.min(b.chars.len())].iter().map(|c| c.len_utf8()).sum(),
            Stream::File(TextFile { mode: FileMode::Write(_, n), .. }) => *n,
        })
    })?;
    Ok(Value::int_from_usize(n))
}

fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("seek", &args, 1, 2)?;
    let pos = argparse::int_arg(vm, &rest[0])?;
    let whence = match rest.get(1) {
        Some(w) => argparse::int_arg(vm, w)?,
        None => 0,
    };
    let n = with_stream(vm, s, "seek", true, |st| {
        let buf = match st {
            Stream::Sio(x) => &mut x.buf,
            Stream::File(TextFile { mode: FileMode::Read(b), .. }) => b,
            Stream::File(_) => return Err(PyErr::new(ExcKind::OSError, "seek on a file opened for writing is not supported")),
        };
        match whence {
            0 if pos < 0 => Err(value_error(format!("Negative seek position {pos}"))),
            0 => {
                buf.pos = pos as usize;
                Ok(buf.pos)
            }
            1 | 2 if pos != 0 => {
                // CPython says "cur" for both.
                Err(PyErr::new(ExcKind::OSError, "Can't do nonzero cur-relative seeks"))
            }
            1 => Ok(buf.pos),
            2 => {
                buf.pos = buf.chars.len();
                Ok(buf.pos)
            }
            _ => Err(value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
        }
    })?;
    Ok(Value::int_from_usize(n))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("truncate", &args, 0, 1)?;
    let size = match rest.first() {
        Some(v) if !v.is_none() => Some(argparse::int_arg(vm, v)?),
        _ => None,
    };
    let n = with_stream(vm, s, "truncate", true, |st| match st {
        Stream::Sio(x) => {
            let size = size.unwrap_or(x.buf.pos as i64);
            if size < 0 {
                return Err(value_error(format!("Negative size value {size}")));
            }
            x.buf.chars.truncate(size as usize);
            Ok(size as usize)
        }
        Stream::File(_) => Err(PyErr::new(ExcKind::OSError, "truncate on a text file is not supported")),
    })?;
    Ok(Value::int_from_usize(n))
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("getvalue", &args, 0, 0)?;
    let text = with_stream(vm, s, "getvalue", true, |st| match st {
        Stream::Sio(x) => Ok(x.buf.chars.iter().collect::<String>()),
        Stream::File(_) => Err(type_error("getvalue() is a StringIO method")),
    })?;
    Ok(vm.str_from_string(text))
}

fn capability(vm: &mut Vm, args: &Args, what: &str, f: fn(&Stream) -> bool) -> PyResult<Value> {
    let (s, _) = argparse::method(what, args, 0, 0)?;
    let r = with_stream(vm, s, what, true, |st| Ok(f(&st)))?;
    Ok(Value::bool(r))
}

fn readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    capability(vm, &args, "readable", |st| !matches!(st, Stream::File(TextFile { mode: FileMode::Write(..), .. })))
}

fn writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    capability(vm, &args, "writable", |st| !matches!(st, Stream::File(TextFile { mode: FileMode::Read(_), .. })))
}

fn seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    capability(vm, &args, "seekable", |_| true)
}

fn get_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("closed", &args, 0, 0)?;
    let c = with_stream(vm, s, "closed", false, |st| {
        Ok(match st {
            Stream::Sio(x) => x.closed,
            Stream::File(x) => x.closed,
        })
    })?;
    Ok(Value::bool(c))
}

fn get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("name", &args, 0, 0)?;
    with_stream(vm, s, "name", false, |st| match st {
        Stream::File(x) => Ok(x.name.clone()),
        Stream::Sio(_) => Err(PyErr::new(ExcKind::AttributeError, "'_io.StringIO' object has no attribute 'name'")),
    })
}

fn get_mode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("mode", &args, 0, 0)?;
    let m = with_stream(vm, s, "mode", false, |st| match st {
        Stream::File(x) => Ok(x.mode_str.clone()),
        Stream::Sio(_) => Err(PyErr::new(ExcKind::AttributeError, "'_io.StringIO' object has no attribute 'mode'")),
    })?;
    Ok(vm.str_from_string(m))
}

fn stringio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let cls = pos.first().cloned().ok_or_else(|| type_error("StringIO.__new__(): not enough arguments"))?;
    let [iv, nl] = argparse::kwargs("StringIO", &args, ["initial_value", "newline"])?;
    if pos.len() > 3 {
        return Err(type_error(format!("StringIO() takes at most 2 arguments ({} given)", pos.len() - 1)));
    }
    let newline = match nl.or(pos.get(2)) {
        None => Newline { translate_in: false, ends: LineEnds::Lf },
        Some(v) if v.is_none() => Newline { translate_in: true, ends: LineEnds::Lf },
        Some(v) => match v.as_str() {
            Some("") => Newline { translate_in: false, ends: LineEnds::Any },
            Some("\n") => Newline { translate_in: false, ends: LineEnds::Lf },
            Some("\r") => Newline { translate_in: false, ends: LineEnds::Cr },
            Some("\r\n") => Newline { translate_in: false, ends: LineEnds::CrLf },
            Some(_) => return Err(value_error(format!("illegal newline value: {}", vm.repr_string(v)?))),
            None => return Err(type_error(format!("newline must be str or None, not {}", vm.type_name(v)))),
        },
    };
    let initial = iv.or(pos.get(1));
    let chars = match initial {
        None => Vec::new(),
        Some(v) if v.is_none() => Vec::new(),
        Some(v) => match v.as_str() {
            Some(s) => newline.stored(s).chars().collect(),
            None => return Err(type_error(format!("initial_value must be str or None, not {}", vm.type_name(v)))),
        },
    };
    let buf = TextBuf { chars, pos: 0, ends: newline.ends };
    Ok(new_opaque(cls, Box::new(StringIo { buf, newline, closed: false }), Value::NULL))
}

fn stringio_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

const STREAM_METHODS: &[(&str, NativeFn)] = &[
    ("read", read),
    ("readline", readline),
    ("readlines", readlines),
    ("write", write),
    ("writelines", writelines),
    ("close", close),
    ("flush", flush),
    ("tell", tell),
    ("seek", seek),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("__iter__", self_if_open),
    ("__next__", next),
    ("__enter__", self_if_open),
    ("__exit__", exit),
];

/// Adds read-only properties computed by native getters to a native type.
pub(super) fn add_properties(vm: &mut Vm, cls: &Value, owner: &'static str, props: &[(&'static str, NativeFn)]) {
    let d = cls.as_type().expect("type").dict.clone();
    for (name, f) in props {
        let getter = funcs::new_native(name, owner, *f);
        let k = vm.intern(name);
        d.downcast::<DictObj>().expect("dict").set_str(k, descr::new_property(getter, Value::NONE, Value::NONE, Value::NONE));
    }
}

fn stream_type(vm: &mut Vm, name: &'static str, extra: &[(&'static str, NativeFn)], props: &[(&'static str, NativeFn)]) -> Value {
    let mut methods: Vec<(&'static str, NativeFn)> = STREAM_METHODS.to_vec();
    methods.extend_from_slice(extra);
    let object = vm.types.object.clone();
    let cls = vm.make_type(name, object, Layout::Instance, TypeFlags::IMMUTABLE | TypeFlags::QUALIFIED_NAME, &methods);
    let module = vm.intern("_io");
    cls.as_type().expect("type").module.set(module);
    add_properties(vm, &cls, name, props);
    cls
}

// ------------------------------------------------------------------ open()

/// Raises the `OSError` subclass for an I/O error on `path`, as CPython words it:
/// `[Errno 2] No such file or directory: 'x'`.
fn os_error(vm: &mut Vm, e: &std::io::Error, path: &Value) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(5);
    let text = crate::runtime::exceptions::errno_text(errno, e);
    let strerror = vm.str_from_string(text);
    crate::runtime::exceptions::os_error(vm, errno, strerror, path.clone())
}

struct OpenMode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
}

fn parse_mode(mode: &str) -> PyResult<OpenMode> {
    let invalid = || value_error(format!("invalid mode: '{mode}'"));
    let mut m = OpenMode { read: false, write: false, append: false, create: false };
    let (mut text, mut binary, mut plus) = (false, false, false);
    for (i, c) in mode.chars().enumerate() {
        if mode[..i].contains(c) {
            return Err(invalid());
        }
        match c {
            'r' => m.read = true,
            'w' => m.write = true,
            'a' => m.append = true,
            'x' => m.create = true,
            't' => text = true,
            'b' => binary = true,
            '+' => plus = true,
            _ => return Err(invalid()),
        }
    }
    if text && binary {
        return Err(value_error("can't have text and binary mode at once"));
    }
    match [m.read, m.write, m.append, m.create].iter().filter(|b| **b).count() {
        1 => {}
        0 => return Err(value_error("Must have exactly one of create/read/write/append mode and at most one plus")),
        _ => return Err(value_error("must have exactly one of create/read/write/append mode")),
    }
    if binary || plus {
        return Err(value_error(format!("mode '{mode}' is not supported (only text modes r, w, a and x)")));
    }
    Ok(m)
}

fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let params = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    if pos.len() > params.len() {
        return Err(type_error(format!("open() takes at most 8 arguments ({} given)", pos.len())));
    }
    let mut vals: [Option<&Value>; 8] = [None; 8];
    for (i, v) in pos.iter().enumerate() {
        vals[i] = Some(v);
    }
    for (k, v) in args.kwargs() {
        let i = params.iter().position(|p| *p == k).ok_or_else(|| type_error(format!("open() got an unexpected keyword argument '{k}'")))?;
        if vals[i].is_some() {
            return Err(type_error(format!("argument for open() given by name ('{k}') and position ({})", i + 1)));
        }
        vals[i] = Some(v);
    }
    let file = vals[0].ok_or_else(|| type_error("open() missing required argument 'file' (pos 1)"))?.clone();
    let mode = match vals[1] {
        None => "r".to_string(),
        Some(m) => m.as_str().ok_or_else(|| type_error(format!("open() argument 'mode' must be str, not {}", vm.type_name(m))))?.to_string(),
    };
    for (i, what) in [(3, "encoding"), (4, "errors"), (5, "newline")] {
        if let Some(v) = vals[i] {
            if !v.is_none() && v.as_str().is_none() {
                return Err(type_error(format!("open() argument '{what}' must be str or None, not {}", vm.type_name(v))));
            }
        }
    }
    let m = parse_mode(&mode)?;
    let path = file.as_str().ok_or_else(|| type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(&file))))?.to_string();
    let encoding = vals[3].and_then(|v| v.as_str()).map(|s| s.to_ascii_lowercase().replace('_', "-"));
    let codec = match encoding.as_deref() {
        None | Some("utf-8" | "utf8" | "u8" | "utf") => Codec::Utf8,
        Some("ascii" | "us-ascii" | "646") => Codec::Ascii,
        Some("latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1") => Codec::Latin1,
        Some(_) => return Err(PyErr::new(ExcKind::LookupError, format!("unknown encoding: {}", vals[3].and_then(|v| v.as_str()).unwrap_or("")))),
    };
    let mode_state = if m.read {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => return Err(os_error(vm, &e, &file)),
        };
        let text = decode(&bytes, codec)?;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        FileMode::Read(TextBuf { chars: text.chars().collect(), pos: 0, ends: LineEnds::Lf })
    } else {
        if codec != Codec::Utf8 {
            return Err(value_error("only utf-8 is supported for writing text files"));
        }
        let mut o = std::fs::OpenOptions::new();
        if m.append {
            o.append(true).create(true);
        } else if m.create {
            o.write(true).create_new(true);
        } else {
            o.write(true).create(true).truncate(true);
        }
        let f = match o.open(&path) {
            Ok(f) => f,
            Err(e) => return Err(os_error(vm, &e, &file)),
        };
        if f.metadata().is_ok_and(|md| md.is_dir()) {
            let e = std::io::Error::from_raw_os_error(21);
            return Err(os_error(vm, &e, &file));
        }
        FileMode::Write(Some(std::io::BufWriter::new(f)), 0)
    };
    if let FileMode::Read(_) = mode_state {
        if std::fs::metadata(&path).is_ok_and(|md| md.is_dir()) {
            let e = std::io::Error::from_raw_os_error(21);
            return Err(os_error(vm, &e, &file));
        }
    }
    let cls = file_type(vm)?;
    Ok(new_opaque(cls, Box::new(TextFile { mode: mode_state, name: file, mode_str: mode, closed: false }), Value::NULL))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

fn decode(bytes: &[u8], codec: Codec) -> PyResult<String> {
    match codec {
        Codec::Utf8 => {
            String::from_utf8(bytes.to_vec()).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                PyErr::new(ExcKind::UnicodeDecodeError, format!("'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte", bytes[at]))
            })
        }
        Codec::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
        Codec::Ascii => match bytes.iter().position(|&b| b >= 0x80) {
            Some(at) => Err(PyErr::new(
                ExcKind::UnicodeDecodeError,
                format!("'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)", bytes[at]),
            )),
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
        },
    }
}

/// The text file type, made by the `_io` module (imported on first `open()`).
fn file_type(vm: &mut Vm) -> PyResult<Value> {
    let name = vm.intern("_io");
    let m = crate::runtime::import::import_module_level(vm, &name, &Value::NONE, &Value::small_int(0), None)?;
    let d = m.downcast::<ModuleObj>().expect("module").dict.clone();
    let k = vm.intern("TextIOWrapper");
    d.downcast::<DictObj>().expect("dict").get_str(&k).ok_or_else(|| PyErr::new(ExcKind::RuntimeError, "_io.TextIOWrapper is missing"))
}

pub fn init(vm: &mut Vm, d: &DictObj) {
    let sio = stream_type(vm, "StringIO", &[("__new__", stringio_new), ("__init__", stringio_init), ("getvalue", getvalue), ("truncate", truncate)], &[("closed", get_closed)]);
    super::add_value(vm, d, "StringIO", sio);
    let file = stream_type(vm, "TextIOWrapper", &[], &[("closed", get_closed), ("name", get_name), ("mode", get_mode)]);
    super::add_value(vm, d, "TextIOWrapper", file);
    super::add_functions(vm, d, &[("open", open)]);
    // `_io` defines class UnsupportedOperation(OSError, ValueError); monjit has no
    // multiple inheritance yet, so it derives from OSError alone.
    let bases = tuple::new_tuple(vec![vm.exc_type(ExcKind::OSError).clone()]);
    let name = vm.new_str("UnsupportedOperation");
    let ns = dict::new_dict();
    let module = vm.new_str("io");
    let mk = vm.names.dunder_module.clone();
    ns.downcast::<DictObj>().expect("dict").set_str(mk, module);
    let type_ = vm.types.type_.clone();
    if let Ok(cls) = vm.call(&type_, &[name, bases, ns]) {
        super::add_value(vm, d, "UnsupportedOperation", cls);
    }
}

/// The `open` built-in.
pub fn builtin_open() -> (&'static str, NativeFn) {
    ("open", open)
}
