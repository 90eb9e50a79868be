//! The text codecs monjit knows (utf-8, ascii, latin-1) with CPython's error handlers
//! `strict`, `ignore` and `replace` and its UnicodeDecodeError/UnicodeEncodeError wording.

use crate::error::{ExcKind, PyErr, PyResult};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec's name in error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The largest code point the codec encodes in one byte (ascii, latin-1).
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 0x80,
            _ => 0x100,
        }
    }
}

/// `codecs.lookup`: the codec an encoding name means (CPython's aliases of the three),
/// case-insensitive and with `_`, `-` and spaces interchangeable.
pub fn lookup(name: &str) -> PyResult<Codec> {
    let norm: String = name.chars().map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
    match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" | "us" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" => Ok(Codec::Latin1),
        _ => Err(PyErr::new(ExcKind::LookupError, format!("unknown encoding: {name}"))),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    /// `\xe9`, `\u20ac`: Python escapes of the bad bytes or characters.
    Backslash,
    /// `&#233;` (encoding only).
    XmlCharRef,
}

/// The error handler named `errors`; an unknown name is only an error once a character
/// needs it, as in CPython.
fn handler(errors: &str) -> PyResult<Handler> {
    match errors {
        "strict" => Ok(Handler::Strict),
        "ignore" => Ok(Handler::Ignore),
        "replace" => Ok(Handler::Replace),
        "backslashreplace" => Ok(Handler::Backslash),
        "xmlcharrefreplace" => Ok(Handler::XmlCharRef),
        _ => Err(PyErr::new(ExcKind::LookupError, format!("unknown error handler name '{errors}'"))),
    }
}

/// A decoding handler's replacement for the bad bytes `bad`; None when it is strict.
fn decode_replacement(errors: &str, bad: &[u8]) -> PyResult<Option<String>> {
    Ok(Some(match handler(errors)? {
        Handler::Strict => return Ok(None),
        Handler::Ignore => String::new(),
        Handler::Replace => "\u{fffd}".to_string(),
        Handler::Backslash => bad.iter().map(|b| format!("\\x{b:02x}")).collect(),
        Handler::XmlCharRef => return Err(PyErr::new(ExcKind::TypeError, "don't know how to handle UnicodeDecodeError in error callback")),
    }))
}

/// UnicodeDecodeError for `data[start..end]`.
fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let name = codec.name();
    let msg = if end == start + 1 {
        format!("'{name}' codec can't decode byte 0x{:02x} in position {start}: {reason}", data[start])
    } else {
        format!("'{name}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    PyErr::new(ExcKind::UnicodeDecodeError, msg)
}

/// A character as a Python escape: `\\xe9`, `\\u20ac`, `\\U0001f600`.
fn escape(c: char) -> String {
    let c = c as u32;
    match c {
        0..=0xff => format!("\\x{c:02x}"),
        0x100..=0xffff => format!("\\u{c:04x}"),
        _ => format!("\\U{c:08x}"),
    }
}

/// UnicodeEncodeError for the characters `[start, end)` (code point positions).
fn encode_error(codec: Codec, first: char, start: usize, end: usize, reason: &str) -> PyErr {
    let name = codec.name();
    let msg = if end == start + 1 {
        let shown = escape(first);
        format!("'{name}' codec can't encode character '{shown}' in position {start}: {reason}")
    } else {
        format!("'{name}' codec can't encode characters in position {start}-{}: {reason}", end - 1)
    };
    PyErr::new(ExcKind::UnicodeEncodeError, msg)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    match codec {
        Codec::Utf8 => decode_utf8(data, errors),
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                match decode_replacement(errors, &data[i..i + 1])? {
                    Some(r) => out.push_str(&r),
                    None => return Err(decode_error(codec, data, i, i + 1, "ordinal not in range(128)")),
                }
            }
            Ok(out)
        }
    }
}

/// UTF-8 decoding; an invalid sequence is the maximal prefix of a valid one (what Rust's
/// `Utf8Error::error_len` and CPython's decoder both report), one U+FFFD when replaced.
fn decode_utf8(data: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut at = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).expect("valid prefix"));
                let bad = e.error_len().unwrap_or(rest.len() - good);
                let start = at + good;
                match decode_replacement(errors, &rest[good..good + bad])? {
                    Some(r) => out.push_str(&r),
                    None => {
                        let first = rest[good];
                        let reason = match e.error_len() {
                            None => "unexpected end of data",
                            Some(1) if !(0xc2..=0xf4).contains(&first) => "invalid start byte",
                            Some(_) => "invalid continuation byte",
                        };
                        return Err(decode_error(Codec::Utf8, data, start, start + bad, reason));
                    }
                }
                rest = &rest[good + bad..];
                at = start + bad;
            }
        }
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(text: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 || text.is_ascii() {
        return Ok(text.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let reason = if codec == Codec::Ascii { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // CPython hands the whole run of unencodable characters to the handler.
        let end = i + chars[i..].iter().take_while(|&&c| c as u32 >= limit).count();
        let bad = &chars[i..end];
        match handler(errors)? {
            Handler::Strict => return Err(encode_error(codec, c, i, end, reason)),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', bad.len())),
            Handler::Backslash => {
                bad.iter().for_each(|&ch| out.extend_from_slice(escape(ch).as_bytes()));
            }
            Handler::XmlCharRef => bad.iter().for_each(|&ch| out.extend_from_slice(format!("&#{};", ch as u32).as_bytes())),
        }
        i = end;
    }
    Ok(out)
}
