//! sys.monitoring (PEP 669), as CPython 3.14 implements it.

#[derive(Default)]
pub struct Monitoring {}
