//! What `--jit-stats` reports.

use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Default, Debug, Clone)]
pub struct Stats {
    /// Code objects compiled (a recompile counts here too).
    pub compiled: u64,
    /// Compilations of code whose earlier compiled version was invalidated.
    pub recompiles: u64,
    /// Code objects left to the interpreter, by reason.
    pub not_compiled: BTreeMap<String, u64>,
    /// Compiled frames that left to the interpreter mid-function, by reason.
    pub deopts: BTreeMap<&'static str, u64>,
    /// Compiled frames that left at an instruction without a translation, by opcode
    /// (reported among the deopts as "unsupported OP").
    pub unsupported_exits: BTreeMap<&'static str, u64>,
    /// Code objects whose loops stopped being re-entered after such exits (they
    /// left before going round their loop too often).
    pub reentry_stopped: u64,
    /// Compiled frames that left to the code's instrumentation changed.
    pub invalidations: u64,
    /// Versions compiled with at least one probe, and their probes.
    pub compiled_with_probes: u64,
    pub probe_sites: u64,
    /// Versions replaced at entry because at least half their probes were dead, most
    /// of them DISABLEd by callbacks (their events still on for the code).
    pub recompiles_after_disable: u64,
    /// The same, most of the dead probes' events having been switched off
    /// (`set_events`, `set_local_events`, `restart_events` with no DISABLE involved).
    pub recompiles_after_events_off: u64,
    /// Compiled frames that handed an exception to the interpreter's unwinder.
    pub error_exits: u64,
    /// Interpreted frames that continued in compiled code at a loop header.
    pub osr_entries: u64,
    pub compile_time: Duration,
    pub code_bytes: usize,
    /// Qualified names of the compiled code objects, in compilation order.
    pub compiled_names: Vec<String>,
}

impl Stats {
    pub fn count_deopt(&mut self, reason: &'static str) {
        *self.deopts.entry(reason).or_default() += 1;
    }

    /// The report, one `jit:` line per topic.
    pub fn report(&self) -> String {
        let by_reason = |m: Vec<(String, u64)>| {
            m.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", ")
        };
        let not_compiled: u64 = self.not_compiled.values().sum();
        let deopts: u64 = self.deopts.values().sum::<u64>() + self.unsupported_exits.values().sum::<u64>();
        let mut out = format!(
            "jit: compiled {} code objects ({} recompiles), {} bytes of machine code, in {:.3} ms\n",
            self.compiled,
            self.recompiles,
            self.code_bytes,
            self.compile_time.as_secs_f64() * 1e3
        );
        out += &format!("jit: compiled: {}\n", self.compiled_names.join(", "));
        out += &format!(
            "jit: not compiled: {not_compiled} ({})\n",
            by_reason(self.not_compiled.iter().map(|(k, v)| (k.clone(), *v)).collect())
        );
        out += &format!(
            "jit: deopts: {deopts} ({})\n",
            by_reason(
                self.deopts
                    .iter()
                    .map(|(k, v)| (k.to_string(), *v))
                    .chain(self.unsupported_exits.iter().map(|(k, v)| (format!("unsupported {k}"), *v)))
                    .collect()
            )
        );
        if self.reentry_stopped > 0 {
            out += &format!(
                "jit: loop re-entry stopped after unsupported-instruction exits: {} code objects\n",
                self.reentry_stopped
            );
        }
        out += &format!(
            "jit: invalidations: {}, error exits: {}, osr entries: {}\n",
            self.invalidations, self.error_exits, self.osr_entries
        );
        out += &format!(
            "jit: probes: {} versions compiled with probes ({} probe sites), batched recompiles of versions with dead probes: {} after DISABLE, {} after events switched off; {} versions alive\n",
            self.compiled_with_probes,
            self.probe_sites,
            self.recompiles_after_disable,
            self.recompiles_after_events_off,
            super::live_versions()
        );
        out
    }
}
