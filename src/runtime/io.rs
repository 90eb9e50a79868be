//! Buffered standard streams, like CPython's: stdout is block-buffered when piped and
//! line-buffered on a terminal; stderr is written through. Embedders can capture either.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::rc::Rc;

enum Sink {
    Stdout,
    Stderr,
    Capture(Rc<RefCell<String>>),
}

pub struct OutputStream {
    sink: Sink,
    buf: Vec<u8>,
    line_buffered: bool,
    unbuffered: bool,
}

const BUF_LIMIT: usize = 8192;

impl OutputStream {
    pub fn stdout() -> OutputStream {
        OutputStream { sink: Sink::Stdout, buf: Vec::with_capacity(BUF_LIMIT), line_buffered: std::io::stdout().is_terminal(), unbuffered: false }
    }

    pub fn stderr() -> OutputStream {
        OutputStream { sink: Sink::Stderr, buf: Vec::new(), line_buffered: true, unbuffered: true }
    }

    /// A stream that appends to a string the embedder reads.
    pub fn capture(target: Rc<RefCell<String>>) -> OutputStream {
        OutputStream { sink: Sink::Capture(target), buf: Vec::new(), line_buffered: false, unbuffered: true }
    }

    pub fn write_str(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
        if self.unbuffered || self.buf.len() >= BUF_LIMIT || (self.line_buffered && s.contains('\n')) {
            self.flush();
        }
    }

    pub fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        match &self.sink {
            // A closed pipe is not an error worth a panic; drop the output.
            Sink::Stdout => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(&self.buf);
                let _ = out.flush();
            }
            Sink::Stderr => {
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(&self.buf);
                let _ = err.flush();
            }
            Sink::Capture(t) => t.borrow_mut().push_str(&String::from_utf8_lossy(&self.buf)),
        }
        self.buf.clear();
    }
}

impl Drop for OutputStream {
    fn drop(&mut self) {
        self.flush();
    }
}
