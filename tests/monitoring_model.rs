//! The instrumentation model tier 2 compiles from: `Vm::live_events(code)` gives the
//! live (event, offset, tools) of one code object with a version, and each change
//! bumps the versions of exactly the code objects whose live events it changes.

use monjit::monitoring::events::*;
use monjit::monitoring::instrument::LiveEvents;
use monjit::objects::DictObj;
use monjit::{Value, Vm};

const SRC: &str = "\
def f(n):
    total = 0
    for i in range(n):
        total += i
    return total

def g(x):
    return x * 2
";

struct Fixture {
    vm: Vm,
    f: Value,
    g: Value,
    f_code: Value,
    g_code: Value,
}

fn fixture() -> Fixture {
    let mut vm = Vm::new();
    let ns = vm.exec(SRC).expect("compiles");
    let get = |vm: &mut Vm, name: &str| {
        let k = vm.intern(name);
        ns.downcast::<DictObj>().unwrap().get_str(&k).unwrap()
    };
    let f = get(&mut vm, "f");
    let g = get(&mut vm, "g");
    let f_code = vm.getattr_str(&f, "__code__").unwrap();
    let g_code = vm.getattr_str(&g, "__code__").unwrap();
    Fixture { vm, f, g, f_code, g_code }
}

impl Fixture {
    fn live(&self, code: &Value) -> LiveEvents {
        self.vm.live_events(code).expect("a code object")
    }
    fn run_both(&mut self) {
        self.vm.call(&self.f, &[Value::small_int(3)]).unwrap();
        self.vm.call(&self.g, &[Value::small_int(3)]).unwrap();
    }
}

fn line_probes(l: &LiveEvents) -> usize {
    l.line_tools.iter().filter(|&&t| t != 0).count()
}

#[test]
fn nothing_set_means_no_probes() {
    let mut fx = fixture();
    fx.run_both();
    assert!(fx.live(&fx.f_code).is_empty());
    assert!(fx.live(&fx.g_code).is_empty());
}

#[test]
fn local_events_change_only_their_own_code() {
    let mut fx = fixture();
    fx.vm.use_tool_id(1, "t").unwrap();
    let (f0, g0) = (fx.live(&fx.f_code).version, fx.live(&fx.g_code).version);
    fx.vm.set_local_events(1, &fx.f_code, EventSet::LINE).unwrap();
    let (f1, g1) = (fx.live(&fx.f_code), fx.live(&fx.g_code));
    assert_ne!(f1.version, f0, "f's live events changed");
    assert_eq!(g1.version, g0, "g is untouched by f's local events");
    // A probe at each line start, and at jump targets (the loop header).
    assert!(line_probes(&f1) >= 4, "LINE probes cover f's four lines");
    assert!(g1.is_empty());
    // Setting the same local events again changes nothing.
    fx.vm.set_local_events(1, &fx.f_code, EventSet::LINE).unwrap();
    assert_eq!(fx.live(&fx.f_code).version, f1.version);
    // Removing them takes the probes away and bumps f only.
    fx.vm.set_local_events(1, &fx.f_code, EventSet::empty()).unwrap();
    let f2 = fx.live(&fx.f_code);
    assert_ne!(f2.version, f1.version);
    assert!(f2.is_empty());
    assert_eq!(fx.live(&fx.g_code).version, g0);
}

#[test]
fn global_events_change_every_code_and_tools_combine() {
    let mut fx = fixture();
    fx.vm.use_tool_id(1, "a").unwrap();
    fx.vm.use_tool_id(4, "b").unwrap();
    let g0 = fx.live(&fx.g_code).version;
    fx.vm.set_events(1, EventSet::PY_START).unwrap();
    let g1 = fx.live(&fx.g_code);
    assert_ne!(g1.version, g0);
    // PY_START is reported by g's RESUME (instruction 0), for tool 1 only.
    assert_eq!(g1.event_tools.iter().filter(|&&t| t != 0).collect::<Vec<_>>(), vec![&(1 << 1)]);
    fx.vm.set_local_events(4, &fx.g_code, EventSet::PY_START).unwrap();
    let g2 = fx.live(&fx.g_code);
    assert_ne!(g2.version, g1.version);
    assert_eq!(g2.event_tools.iter().filter(|&&t| t != 0).collect::<Vec<_>>(), vec![&((1 << 1) | (1 << 4))]);
}

#[test]
fn disable_removes_one_location_for_one_tool_until_restart() {
    let mut fx = fixture();
    fx.vm.use_tool_id(2, "cov").unwrap();
    fx.vm.use_tool_id(3, "keep").unwrap();
    // Tool 2 disables every LINE it sees; tool 3 keeps its events.
    fx.vm.register_native_callback(2, LINE, |_, _| Ok(true)).unwrap();
    fx.vm.register_native_callback(3, LINE, |_, _| Ok(false)).unwrap();
    fx.vm.set_local_events(2, &fx.f_code, EventSet::LINE).unwrap();
    fx.vm.set_local_events(3, &fx.f_code, EventSet::LINE).unwrap();
    let g0 = fx.live(&fx.g_code).version;
    let before = fx.live(&fx.f_code);
    assert!(before.line_tools.iter().filter(|&&t| t != 0).all(|&t| t == (1 << 2) | (1 << 3)));
    fx.vm.call(&fx.f, &[Value::small_int(3)]).unwrap();
    let after = fx.live(&fx.f_code);
    assert_ne!(after.version, before.version, "DISABLE changed f's live events");
    assert_eq!(line_probes(&after), line_probes(&before), "tool 3 still has every line");
    assert!(after.line_tools.iter().filter(|&&t| t != 0).all(|&t| t == 1 << 3), "tool 2 is gone everywhere");
    assert_eq!(fx.live(&fx.g_code).version, g0, "g is untouched by f's DISABLEs");
    // Setting events again does not undo DISABLE; restart_events does.
    fx.vm.set_local_events(2, &fx.f_code, EventSet::LINE).unwrap();
    assert_eq!(fx.live(&fx.f_code).line_tools, after.line_tools);
    fx.vm.restart_events();
    let restarted = fx.live(&fx.f_code);
    assert_ne!(restarted.version, after.version);
    assert_eq!(restarted.line_tools, before.line_tools);
    assert_eq!(fx.live(&fx.g_code).version, g0, "restart_events leaves code without events alone");
}

#[test]
fn restart_without_disables_keeps_versions() {
    let mut fx = fixture();
    fx.vm.use_tool_id(1, "t").unwrap();
    fx.vm.set_local_events(1, &fx.f_code, EventSet::LINE | EventSet::BRANCH).unwrap();
    fx.run_both();
    let f0 = fx.live(&fx.f_code);
    fx.vm.restart_events();
    let f1 = fx.live(&fx.f_code);
    assert_eq!(f1.line_tools, f0.line_tools);
    assert_eq!(f1.event_tools, f0.event_tools);
    assert_eq!(f1.version, f0.version, "nothing was disabled, so nothing changed");
}

#[test]
fn live_events_of_a_non_code_is_an_error() {
    let fx = fixture();
    assert!(fx.vm.live_events(&Value::small_int(1)).is_err());
}
