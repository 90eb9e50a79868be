//! Random, always-terminating programs in monjit's subset, deterministic from a seed:
//! loops (while/for over ranges and lists, break/continue/else), int arithmetic that
//! overflows 64 bits into big ints and back, floats, branches, calls (defaults,
//! bounded recursion), closures, exceptions (raised, caught, finally), generators
//! (yield, send, throw, early close), lists, dicts, attributes of small class
//! instances, and a hot module-level loop, under the monitoring tool of `prelude.py`.
//!
//! Termination: every `while` loop has a counter bumped by a pinned first statement,
//! calls only go to functions defined earlier (recursion only in `rec*`, bounded), and
//! each function has a cost budget (statements weighted by the iterations of their
//! loops and the cost of their callees). Big ints stay bounded: an assignment either
//! reduces modulo a constant or adds a bounded atom.

use super::program::{Clause, Node};

/// splitmix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, num: u64, den: u64) -> bool {
        self.below(den) < num
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const MODULI: &[&str] = &["7", "1000003", "2147483647", "2**61 - 1", "2**64", "2**64 + 13", "10**20", "2**100 + 7", "2**63"];
const BIG: &[&str] = &["2**63 - 1", "-2**63", "2**64", "9223372036854775807", "3037000499", "2**47", "-(2**47) - 1", "10**19", "2**70 + 3"];
const SMALL: &[&str] = &["0", "1", "2", "3", "-1", "5", "7", "13", "100", "-42"];
const CMP: &[&str] = &["<", "<=", ">", ">=", "==", "!="];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Plain,
    Gen,
    Rec,
}

struct Func {
    name: String,
    required: usize,
    optional: usize,
    kind: Kind,
    cost: u64,
}

#[derive(Clone)]
struct Scope {
    /// Int variables statements may assign.
    ints: Vec<String>,
    /// Int variables only read (a recursion's or generator's bound).
    bounds: Vec<String>,
    floats: Vec<String>,
    loop_depth: usize,
    /// Inside a `finally` (no break/continue/return there).
    in_finally: bool,
    in_function: bool,
    in_generator: bool,
    /// Iterations of the enclosing loops multiplied.
    mult: u64,
    depth: usize,
    has_list: bool,
    has_dict: bool,
    has_obj: bool,
    closure: bool,
    is_main: bool,
}

pub struct Gen {
    rng: Rng,
    funcs: Vec<Func>,
    cost: u64,
    budget: u64,
    stmts_left: usize,
    fresh: usize,
    /// Toggle statements written so far (each takes the next of `toggle`'s forms).
    toggles: usize,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen { rng: Rng::new(seed), funcs: Vec::new(), cost: 0, budget: 0, stmts_left: 0, fresh: 0, toggles: 0 }
    }

    /// A statement that may toggle instrumentation (`_act`): a call, or an operator,
    /// truth test or iteration whose special method on the prelude's `ACT` makes it,
    /// which compiled code must notice as it notices a call. The form rotates without
    /// drawing on the RNG, so a seed's program keeps its shape.
    fn toggle(&mut self) -> Node {
        self.toggles += 1;
        match self.toggles % 6 {
            0 => Node::line("_act(False)"),
            1 => Node::line("_ = ACT + 0"),
            2 => Node::line("_ = -ACT"),
            3 => Node::block("if ACT < 1:", vec![Node::line("TRACE.append(-1)")]),
            4 => Node::block("for _ in ACT:", vec![Node::line("TRACE.append(-2)")]),
            _ => Node::block("if ACT:", vec![Node::line("TRACE.append(-3)")]),
        }
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    fn int_atom(&mut self, sc: &Scope) -> String {
        match self.rng.below(10) {
            0..=4 if !sc.ints.is_empty() => self.rng.pick(&sc.ints).clone(),
            5 if !sc.bounds.is_empty() => self.rng.pick(&sc.bounds).clone(),
            6 | 7 => self.rng.pick(SMALL).to_string(),
            8 if !sc.floats.is_empty() => format!("int({})", self.rng.pick(&sc.floats)),
            _ => format!("({})", self.rng.pick(BIG)),
        }
    }

    fn int_expr(&mut self, sc: &Scope, depth: usize) -> String {
        if depth == 0 || self.rng.chance(1, 3) {
            return self.int_atom(sc);
        }
        let a = self.int_expr(sc, depth - 1);
        let b = self.int_expr(sc, depth - 1);
        match self.rng.below(12) {
            0 | 1 => format!("({a} + {b})"),
            2 | 3 => format!("({a} - {b})"),
            4 | 5 => format!("({a} * {b})"),
            6 => format!("({a} // ({b} % 7 + 1))"),
            7 => format!("({a} % ({b} % 5 + 6))"),
            8 => format!("({a} >> {})", self.rng.range(1, 70)),
            9 => format!("(({a} % 2**40) << {})", self.rng.range(1, 40)),
            10 => format!("({a} {} {b})", self.rng.pick(&["&", "|", "^"])),
            // Can raise ZeroDivisionError, deliberately.
            _ => format!("({a} // {b})"),
        }
    }

    fn float_expr(&mut self, sc: &Scope) -> String {
        let f = if sc.floats.is_empty() { "0.5".to_string() } else { self.rng.pick(&sc.floats).clone() };
        let i = self.int_atom(sc);
        match self.rng.below(5) {
            0 => format!("({f} * 0.75 + {i} % 1000 / 7.0) % 1000.0"),
            1 => format!("{f} / ({i} % 4)"),
            2 => format!("({f} - {i} % 333) * 1.25"),
            3 => format!("float({i} % 10**6) ** 0.5"),
            _ => format!("({f} + 2.5) % 97.25"),
        }
    }

    fn cond(&mut self, sc: &Scope) -> String {
        let a = self.int_expr(sc, 1);
        let c = match self.rng.below(6) {
            0 if !sc.floats.is_empty() => format!("{} {} {}", self.rng.pick(&sc.floats), self.rng.pick(CMP), self.rng.pick(&["0.5", "3.0", "100.0"])),
            1 => format!("{a} % {} == 0", self.rng.range(2, 5)),
            _ => format!("{a} {} {}", self.rng.pick(CMP), self.int_atom(sc)),
        };
        match self.rng.below(5) {
            0 => format!("{c} and {}", self.int_atom(sc)),
            1 => format!("not ({c}) or {} < 0", self.int_atom(sc)),
            _ => c,
        }
    }

    fn assign(&mut self, sc: &Scope) -> Node {
        let v = self.rng.pick(&sc.ints).clone();
        match self.rng.below(8) {
            0 | 1 => Node::line(format!("{v} += {}", self.int_atom(sc))),
            2 => Node::line(format!("{v} -= {}", self.int_atom(sc))),
            3 => Node::line(format!("{v} = ({}) & (2**64 - 1)", self.int_expr(sc, 3))),
            4 => Node::line(format!("{v} = ({}) >> {}", self.int_expr(sc, 2).replace(v.as_str(), "0"), self.rng.range(0, 64))),
            _ => Node::line(format!("{v} = ({}) % ({})", self.int_expr(sc, 3), self.rng.pick(MODULI))),
        }
    }

    /// A callable earlier function affordable in the remaining budget, and the call text.
    fn call(&mut self, sc: &Scope) -> Option<(String, Kind)> {
        let affordable: Vec<usize> = (0..self.funcs.len()).filter(|&i| self.cost + sc.mult * self.funcs[i].cost <= self.budget).collect();
        if affordable.is_empty() {
            return None;
        }
        let f = *self.rng.pick(&affordable);
        self.cost += sc.mult * self.funcs[f].cost;
        let (required, optional, kind) = (self.funcs[f].required, self.funcs[f].optional, self.funcs[f].kind);
        let name = self.funcs[f].name.clone();
        let nargs = required + self.rng.below(optional as u64 + 1) as usize;
        let mut args = Vec::new();
        for i in 0..nargs {
            if i == 0 && kind != Kind::Plain {
                args.push(format!("{} % 9", self.int_atom(sc)));
            } else {
                args.push(self.int_expr(sc, 1));
            }
        }
        Some((format!("{name}({})", args.join(", ")), kind))
    }

    fn stmts(&mut self, sc: &Scope, n: usize) -> Vec<Node> {
        let mut out = Vec::new();
        for _ in 0..n {
            if self.stmts_left == 0 || self.cost >= self.budget {
                break;
            }
            self.stmts_left -= 1;
            self.cost += sc.mult;
            out.extend(self.stmt(sc));
        }
        out
    }

    fn stmt(&mut self, sc: &Scope) -> Vec<Node> {
        let deep = sc.depth >= 3;
        if sc.is_main && sc.loop_depth > 0 && self.rng.chance(2, 5) {
            return self.call_stmt(sc);
        }
        let roll = self.rng.below(100);
        match roll {
            0..=24 => vec![self.assign(sc)],
            25..=29 if !sc.floats.is_empty() => {
                let f = self.rng.pick(&sc.floats).clone();
                vec![Node::line(format!("{f} = {}", self.float_expr(sc)))]
            }
            30..=37 if !deep => {
                let mut clauses = vec![Clause { head: format!("if {}:", self.cond(sc)), body: self.body(sc, 3) }];
                if self.rng.chance(1, 3) {
                    clauses.push(Clause { head: format!("elif {}:", self.cond(sc)), body: self.body(sc, 2) });
                }
                if self.rng.chance(1, 2) {
                    clauses.push(Clause { head: "else:".into(), body: self.body(sc, 2) });
                }
                vec![Node::Compound(clauses)]
            }
            38..=43 if !deep => self.while_loop(sc),
            44..=51 if !deep => self.for_loop(sc),
            52..=57 if !deep => self.try_stmt(sc),
            58..=59 => {
                let exc = match self.rng.below(3) {
                    0 => format!("FuzzErr({})", self.int_atom(sc)),
                    1 => format!("FuzzErr2({}, 1)", self.int_atom(sc)),
                    _ => "ValueError('bad')".to_string(),
                };
                vec![Node::block(format!("if {}:", self.cond(sc)), vec![Node::line(format!("raise {exc}"))])]
            }
            61..=70 => self.call_stmt(sc),
            71..=74 if sc.loop_depth > 0 && !sc.in_finally => {
                let word = if self.rng.chance(1, 2) { "break" } else { "continue" };
                vec![Node::block(format!("if {}:", self.cond(sc)), vec![Node::line(word)])]
            }
            75..=77 if sc.in_function && !sc.in_finally && !sc.is_main => {
                let value = if sc.in_generator { String::new() } else { format!(" {}", self.int_expr(sc, 2)) };
                vec![Node::block(format!("if {}:", self.cond(sc)), vec![Node::line(format!("return{value}"))])]
            }
            78..=82 if sc.in_generator => {
                let v = self.rng.pick(&sc.ints).clone();
                let y = self.int_expr(sc, 2);
                vec![
                    Node::line(format!("_s = yield {y}")),
                    Node::block("if _s is not None:", vec![Node::line(format!("{v} = ({v} + _s) % (2**64 + 13)"))]),
                ]
            }
            78..=86 => self.container_stmt(sc),
            87..=89 if sc.closure => {
                let v = self.rng.pick(&sc.ints).clone();
                vec![Node::line(format!("{v} = inner({}) % (2**61 - 1)", self.int_atom(sc)))]
            }
            90..=91 => vec![Node::line(format!("TRACE.append({})", self.int_expr(sc, 1)))],
            92..=94 if sc.is_main => {
                let v = self.rng.pick(&sc.ints).clone();
                vec![Node::line(format!("print('{v}', {v})"))]
            }
            95..=96 if sc.is_main || !sc.in_function => vec![self.toggle()],
            _ => vec![self.assign(sc)],
        }
    }

    fn body(&mut self, sc: &Scope, max: u64) -> Vec<Node> {
        let inner = Scope { depth: sc.depth + 1, ..sc.clone() };
        let n = self.rng.range(1, max) as usize;
        self.stmts(&inner, n)
    }

    fn loop_scope(&mut self, sc: &Scope, iterations: u64, var: Option<String>) -> Scope {
        let mut inner = Scope { depth: sc.depth + 1, loop_depth: sc.loop_depth + 1, mult: sc.mult * iterations, ..sc.clone() };
        if let Some(v) = var {
            inner.bounds.push(v);
        }
        inner
    }

    fn iterations(&mut self, sc: &Scope) -> u64 {
        if sc.is_main && sc.loop_depth == 0 { self.rng.range(5, 60) } else { self.rng.range(1, 12) }
    }

    fn while_loop(&mut self, sc: &Scope) -> Vec<Node> {
        let n = self.iterations(sc);
        let k = self.fresh("k");
        let inner = self.loop_scope(sc, n, Some(k.clone()));
        let mut body = vec![Node::pinned(format!("{k} += 1"))];
        let count = self.rng.range(1, 4) as usize;
        body.extend(self.stmts(&inner, count));
        let mut clauses = vec![Clause { head: format!("while {k} < {n}:"), body }];
        if self.rng.chance(1, 4) {
            clauses.push(Clause { head: "else:".into(), body: vec![self.assign(sc)] });
        }
        vec![Node::pinned(format!("{k} = 0")), Node::Compound(clauses)]
    }

    fn for_loop(&mut self, sc: &Scope) -> Vec<Node> {
        let n = self.iterations(sc);
        let i = self.fresh("i");
        let iterable = match self.rng.below(4) {
            0 => {
                let items: Vec<String> = (0..n.min(6)).map(|_| self.int_atom(sc)).collect();
                format!("[{}]", items.join(", "))
            }
            1 if sc.has_list => "list(lst)[:12]".to_string(),
            2 => format!("range({}, {n})", self.rng.pick(&["0", "-3", "1"])),
            _ => format!("range({n})"),
        };
        let inner = self.loop_scope(sc, n, Some(i.clone()));
        let count = self.rng.range(1, 4) as usize;
        let body = self.stmts(&inner, count);
        let mut clauses = vec![Clause { head: format!("for {i} in {iterable}:"), body }];
        if self.rng.chance(1, 4) {
            clauses.push(Clause { head: "else:".into(), body: vec![self.assign(sc)] });
        }
        vec![Node::Compound(clauses)]
    }

    fn try_stmt(&mut self, sc: &Scope) -> Vec<Node> {
        let v = self.rng.pick(&sc.ints).clone();
        let mut clauses = vec![Clause { head: "try:".into(), body: self.body(sc, 3) }];
        let handlers = self.rng.range(0, 2);
        for _ in 0..handlers {
            let (head, line) = match self.rng.below(4) {
                0 => ("except ZeroDivisionError:".to_string(), format!("{v} += 1")),
                1 => ("except FuzzErr2 as e:".to_string(), format!("{v} = ({v} + e.args[0]) % 1000003")),
                2 => ("except (ValueError, FuzzErr) as e:".to_string(), format!("{v} = ({v} + len(e.args)) % 1000003")),
                _ => ("except Exception as e:".to_string(), format!("TRACE.append(type(e).__name__)")),
            };
            let mut body = vec![Node::line(line)];
            if self.rng.chance(1, 6) {
                body.push(Node::line("raise"));
            }
            clauses.push(Clause { head, body });
        }
        if handlers > 0 && self.rng.chance(1, 4) {
            clauses.push(Clause { head: "else:".into(), body: vec![self.assign(sc)] });
        }
        if handlers == 0 || self.rng.chance(1, 3) {
            let fin = Scope { in_finally: true, ..sc.clone() };
            clauses.push(Clause { head: "finally:".into(), body: self.body(&fin, 2) });
        }
        vec![Node::Compound(clauses)]
    }

    fn call_stmt(&mut self, sc: &Scope) -> Vec<Node> {
        let v = self.rng.pick(&sc.ints).clone();
        let Some((call, kind)) = self.call(sc) else { return vec![self.assign(sc)] };
        let m = self.rng.pick(MODULI).to_string();
        match kind {
            Kind::Plain | Kind::Rec => {
                let line = Node::line(format!("{v} = ({v} + {call}) % ({m})"));
                if self.rng.chance(1, 3) {
                    vec![Node::Compound(vec![
                        Clause { head: "try:".into(), body: vec![line] },
                        Clause { head: "except ZeroDivisionError:".into(), body: vec![Node::line(format!("{v} -= 1"))] },
                    ])]
                } else {
                    vec![line]
                }
            }
            Kind::Gen => match self.rng.below(5) {
                0 => vec![Node::line(format!("{v} = sum({call}) % ({m})"))],
                1 => {
                    let y = self.fresh("y");
                    let cond = self.cond(sc);
                    vec![Node::block(
                        format!("for {y} in {call}:"),
                        vec![Node::line(format!("{v} = ({v} + {y}) % ({m})")), Node::block(format!("if {cond}:"), vec![Node::line("break")])],
                    )]
                }
                2 => {
                    let g = self.fresh("g");
                    let send = self.int_atom(sc);
                    vec![
                        Node::line(format!("{g} = {call}")),
                        Node::line(format!("{v} = ({v} + next({g}, 0)) % ({m})")),
                        Node::Compound(vec![
                            Clause { head: "try:".into(), body: vec![Node::line(format!("{v} = ({v} + {g}.send({send})) % ({m})"))] },
                            Clause { head: "except StopIteration:".into(), body: vec![Node::line(format!("{v} += 3"))] },
                        ]),
                        Node::line(format!("{g}.close()")),
                    ]
                }
                3 => {
                    let g = self.fresh("g");
                    vec![
                        Node::line(format!("{g} = {call}")),
                        Node::line(format!("next({g}, 0)")),
                        Node::Compound(vec![
                            Clause { head: "try:".into(), body: vec![Node::line(format!("{g}.throw(FuzzErr({}))", self.int_atom(sc)))] },
                            Clause { head: "except (FuzzErr, StopIteration) as e:".into(), body: vec![Node::line("TRACE.append(type(e).__name__)")] },
                        ]),
                    ]
                }
                _ => vec![Node::line(format!("TRACE.append(len(list({call})))"))],
            },
        }
    }

    fn container_stmt(&mut self, sc: &Scope) -> Vec<Node> {
        let v = self.rng.pick(&sc.ints).clone();
        let a = self.int_atom(sc);
        match self.rng.below(8) {
            0 if sc.has_list => vec![Node::line(format!("lst.append({a})"))],
            1 if sc.has_list => vec![Node::block("if len(lst) > 1:", vec![Node::line(format!("{v} = ({v} + lst.pop() * lst[-1]) % (2**64)"))])],
            2 if sc.has_dict => vec![Node::line(format!("d[{a} % 5] = {v}"))],
            3 if sc.has_dict => vec![Node::line(format!("{v} = ({v} + d.get({a} % 5, 1)) % 1000003"))],
            4 if sc.has_obj => vec![Node::line(format!("o.a = {a}"))],
            5 if sc.has_obj => vec![Node::line(format!("{v} = (o.a + o.b * {a}) % (2**64 + 13)"))],
            6 if sc.has_obj => vec![Node::line(format!("{v} = o.m({a}) % 1000003"))],
            _ if sc.has_list => vec![Node::line(format!("{v} = ({v} + len(lst) + sum(lst[-3:])) % (10**20)"))],
            _ => vec![self.assign(sc)],
        }
    }

    /// Initialisations of a function's (or main's or the module's) variables.
    fn prologue(&mut self, sc: &mut Scope) -> Vec<Node> {
        let mut out = Vec::new();
        for v in 0..self.rng.range(2, 4) {
            let name = format!("v{v}");
            out.push(Node::line(format!("{name} = {}", self.int_atom(sc))));
            sc.ints.push(name);
        }
        if self.rng.chance(1, 2) {
            out.push(Node::line(format!("fl = {}", self.rng.pick(&["0.5", "1.5", "-2.25", "1e300", "3.0"]))));
            sc.floats.push("fl".into());
        }
        if self.rng.chance(1, 3) {
            out.push(Node::line(format!("lst = [{}, {}]", self.int_atom(sc), self.int_atom(sc))));
            sc.has_list = true;
        }
        if self.rng.chance(1, 4) {
            out.push(Node::line("d = {}"));
            sc.has_dict = true;
        }
        if self.rng.chance(1, 4) {
            out.push(Node::line(format!("o = Pt({}, {})", self.int_atom(sc), self.int_atom(sc))));
            sc.has_obj = true;
        }
        out
    }

    fn base_scope(&self, in_function: bool) -> Scope {
        Scope {
            ints: Vec::new(),
            bounds: Vec::new(),
            floats: Vec::new(),
            loop_depth: 0,
            in_finally: false,
            in_function,
            in_generator: false,
            mult: 1,
            depth: 0,
            has_list: false,
            has_dict: false,
            has_obj: false,
            closure: false,
            is_main: false,
        }
    }

    fn function(&mut self, index: usize) -> Node {
        let kind = match self.rng.below(6) {
            0 | 1 if index > 0 => Kind::Gen,
            2 => Kind::Rec,
            _ => Kind::Plain,
        };
        let name = format!("{}{index}", match kind {
            Kind::Plain => "f",
            Kind::Gen => "g",
            Kind::Rec => "rec",
        });
        let mut sc = Scope { in_generator: kind == Kind::Gen, ..self.base_scope(true) };
        let required = self.rng.range(1, 2) as usize;
        let optional = self.rng.range(0, 1) as usize;
        let mut params: Vec<String> = (0..required).map(|i| format!("a{i}")).collect();
        sc.ints.extend(params.clone());
        if kind != Kind::Plain {
            sc.ints.retain(|v| v != "a0");
            sc.bounds.push("a0".into());
        }
        if optional == 1 {
            params.push(format!("b0={}", self.rng.pick(BIG)));
            sc.ints.push("b0".into());
        }
        self.cost = 0;
        self.budget = if kind == Kind::Rec { 60 } else { 400 };
        self.stmts_left = self.rng.range(4, 14) as usize;
        let mut body = self.prologue(&mut sc);
        if kind != Kind::Rec && self.rng.chance(1, 4) && sc.ints.iter().any(|v| v == "v0") {
            sc.closure = true;
            body.push(Node::block(
                "def inner(z):",
                vec![Node::line("nonlocal v0"), Node::line("v0 = (v0 * 3 + z) % (2**64 + 13)"), Node::line("return v0 - z")],
            ));
        }
        match kind {
            Kind::Rec => {
                // a0 is the depth (a call passes `x % 9`), so recursion is bounded.
                body.push(Node::block("if a0 <= 0:", vec![Node::line(format!("return {}", self.int_expr(&sc, 2)))]));
                let n = self.stmts_left;
                body.extend(self.stmts(&sc, n));
                let rest: Vec<String> = (1..required).map(|_| self.int_expr(&sc, 1)).collect();
                let args = std::iter::once("a0 - 1".to_string()).chain(rest).collect::<Vec<_>>().join(", ");
                body.push(Node::line(format!("return ({name}({args}) * 7 + {}) % (2**64 + 13)", self.int_atom(&sc))));
                self.cost *= 9;
            }
            Kind::Gen => {
                let mut loop_body = vec![Node::line("_s = yield (v0 + k) % (2**65)"), Node::block("if _s is not None:", vec![Node::line("v0 += _s")])];
                let inner = self.loop_scope(&sc, 9, Some("k".into()));
                let n = self.stmts_left;
                loop_body.extend(self.stmts(&inner, n));
                let lp = Node::block("for k in range(a0):", loop_body);
                if self.rng.chance(1, 2) {
                    body.push(Node::Compound(vec![
                        Clause { head: "try:".into(), body: vec![lp] },
                        Clause { head: "finally:".into(), body: vec![Node::line(format!("TRACE.append('{name} closed')"))] },
                    ]));
                } else {
                    body.push(lp);
                }
                body.push(Node::line("return v0"));
            }
            Kind::Plain => {
                let n = self.stmts_left;
                body.extend(self.stmts(&sc, n));
                body.push(Node::line(format!("return {}", self.int_expr(&sc, 2))));
            }
        }
        self.funcs.push(Func { name: name.clone(), required, optional, kind, cost: self.cost.max(1) });
        Node::block(format!("def {name}({}):", params.join(", ")), body)
    }

    fn program(&mut self, seed: u64) -> Vec<Node> {
        let mut nodes = vec![
            Node::line(format!("_S[0] = {}", seed % 2147483648)),
            Node::line(format!("LOG_CAP = {}", self.rng.pick(&[300, 2000]))),
            Node::line(format!("ACT_ODDS = {}", self.rng.pick(&[12, 40, 150, 1000]))),
            Node::block("class FuzzErr(Exception):", vec![Node::line("pass")]),
            Node::block("class FuzzErr2(FuzzErr):", vec![Node::line("pass")]),
            Node::Compound(vec![Clause {
                head: "class Pt:".into(),
                body: vec![
                    Node::block("def __init__(self, a, b):", vec![Node::line("self.a = a"), Node::line("self.b = b")]),
                    Node::block("def m(self, k):", vec![Node::line("self.a = (self.a * 5 + k) % (2**64 + 13)"), Node::line("return self.a - self.b")]),
                ],
            }]),
        ];
        let n = self.rng.range(2, 7) as usize;
        for i in 0..n {
            nodes.push(self.function(i));
        }
        let names: Vec<String> = self.funcs.iter().map(|f| f.name.clone()).collect();
        nodes.push(Node::line(format!("FUNCS = [{}]", names.join(", "))));
        nodes.push(Node::line("_setup(3)"));
        nodes.push(Node::line("_setup(4)"));
        nodes.push(Node::line(format!("mon.set_events(3, {})", self.initial_mask(true))));
        for _ in 0..self.rng.range(0, 2) {
            let f = self.rng.pick(&names).clone();
            nodes.push(Node::line(format!("mon.set_local_events(4, {f}.__code__, {})", self.initial_mask(false))));
        }
        // A hot module-level loop (OSR candidate).
        let mut sc = self.base_scope(false);
        self.cost = 0;
        self.budget = 3000;
        self.stmts_left = 8;
        nodes.extend(self.prologue(&mut sc));
        let m = self.rng.range(20, 200);
        let inner = self.loop_scope(&sc, m, Some("_m".into()));
        let count = self.rng.range(2, 5) as usize;
        let body = self.stmts(&inner, count);
        nodes.push(guarded(vec![Node::Compound(vec![Clause { head: format!("for _m in range({m}):"), body }])]));
        nodes.push(Node::line("print('module', v0, v1)"));
        // main, called from a guarded block that always reports.
        let mut sc = Scope { is_main: true, ..self.base_scope(true) };
        self.cost = 0;
        self.budget = 40_000;
        self.stmts_left = self.rng.range(6, 20) as usize;
        let mut body = self.prologue(&mut sc);
        // Phases, so that an exception ends only its phase.
        for _ in 0..self.rng.range(2, 4) {
            let n = self.rng.range(2, 7) as usize;
            let phase = self.stmts(&sc, n);
            body.push(guarded(phase));
        }
        body.push(Node::line("print('main', v0, v1)"));
        nodes.push(Node::block("def main():", body));
        nodes.push(Node::Compound(vec![
            Clause { head: "try:".into(), body: vec![Node::line("main()")] },
            Clause { head: "except Exception as e:".into(), body: vec![Node::line("print('main raised', type(e).__name__, e)")] },
            Clause { head: "finally:".into(), body: vec![Node::pinned("_report()")] },
        ]));
        nodes
    }

    fn initial_mask(&mut self, global: bool) -> String {
        let local = ["PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "CALL", "LINE", "JUMP", "BRANCH_LEFT", "BRANCH_RIGHT", "STOP_ITERATION"];
        let global_only = ["RAISE", "EXCEPTION_HANDLED", "PY_UNWIND", "PY_THROW", "RERAISE"];
        let mut parts = Vec::new();
        for e in local.iter().chain(if global { global_only.iter() } else { [].iter() }) {
            if self.rng.chance(1, 4) {
                parts.push(format!("E.{e}"));
            }
        }
        if parts.is_empty() { "0".into() } else { parts.join(" | ") }
    }
}

/// `body` in a `try` that reports an escaping exception and goes on.
fn guarded(body: Vec<Node>) -> Node {
    Node::Compound(vec![
        Clause { head: "try:".into(), body },
        Clause { head: "except Exception as e:".into(), body: vec![Node::line("print('raised', type(e).__name__, e)")] },
    ])
}

/// The generated part of the program for `seed` (the prelude goes before it).
pub fn generate(seed: u64) -> Vec<Node> {
    Gen::new(seed).program(seed)
}
