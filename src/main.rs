//! The `monjit` command: run a program like `python`, or disassemble it.

use clap::{Parser, Subcommand, ValueEnum};
use monjit::api::Outcome;
use std::process::ExitCode;

/// The `monjit` binary allocates with mimalloc: Python programs allocate and free
/// small objects at a high rate, and mimalloc's thread-local size-class pages serve
/// them with a fraction of glibc malloc's instructions. The library leaves the choice
/// of allocator to the program that embeds it.
///
/// Requests with malloc's alignment go to `mi_malloc`: the `mimalloc` crate sends every
/// request through `mi_malloc_aligned`, whose slow path (each time a page's free list
/// runs dry) costs about 130 instructions more than `mi_malloc`'s.
struct Mimalloc;

/// The alignment `mi_malloc` guarantees for blocks of at least this size (its
/// `MI_MAX_ALIGN_SIZE`, malloc's `alignof(max_align_t)`).
const MI_MALLOC_ALIGN: usize = 16;

impl Mimalloc {
    /// Whether a block of `size` bytes needs no more than `mi_malloc`'s alignment.
    fn plain(align: usize, size: usize) -> bool {
        align <= MI_MALLOC_ALIGN && align <= size
    }
}

// SAFETY: every block comes from mimalloc with at least the layout's size and
// alignment (`plain` requests get malloc's guarantee, which covers their alignment;
// the others go to the aligned entry points), and `mi_free`/`mi_realloc*` accept any
// block mimalloc returned, whichever entry point it came from.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: plain C allocation calls; sizes and alignments come from a valid Layout.
        unsafe {
            if Self::plain(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as in `alloc`.
        unsafe {
            if Self::plain(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator (GlobalAlloc's contract).
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: `ptr` came from this allocator with `layout` (GlobalAlloc's contract).
        unsafe {
            if Self::plain(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

#[global_allocator]
static GLOBAL_ALLOCATOR: Mimalloc = Mimalloc;

#[derive(Parser)]
#[command(name = "monjit", version, about = "A Python-subset VM with a JIT and exact sys.monitoring",
    long_about = "monjit runs Python programs (a substantial subset of Python 3.14) like `python`.\n\n\
    `monjit [OPTIONS] FILE [ARGS...]` and `monjit [OPTIONS] -c CODE` are short for `monjit run ...`.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum Tier {
    /// The interpreter only.
    Interp,
    /// Compile every code object before it first runs.
    Jit,
    /// Interpret, and compile code that gets hot (the default).
    Auto,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum NativeTool {
    /// Count PY_START and PY_RETURN with a Rust callback on sys.monitoring.PROFILER_ID
    /// (the program sets the events; it reads the count from `_monjit_counting_tool`).
    Profiler,
}

#[derive(clap::Args, Debug)]
struct RunOpts {
    /// Execution tier.
    #[arg(long, value_enum, default_value_t = Tier::Auto)]
    tier: Tier,
    /// Calls, or loop back-edges (then entered at the loop header), before a code object is
    /// compiled (auto tier).
    #[arg(long, value_name = "N")]
    jit_threshold: Option<u32>,
    /// Print JIT statistics to stderr at exit.
    #[arg(long)]
    jit_stats: bool,
    /// Install a native (Rust) sys.monitoring tool before the program runs.
    #[arg(long, value_enum, value_name = "TOOL")]
    native_tool: Option<NativeTool>,
    /// Explain what the VM is doing on stderr.
    #[arg(long, short)]
    verbose: bool,
    /// Program passed in as a string (like `python -c`).
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// The program file; everything after it goes to sys.argv (with `-c`, this is the
    /// first argument instead).
    file: Option<String>,
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program (`monjit run FILE ARGS...` or `monjit run -c CODE ARGS...`).
    Run(RunOpts),
    /// Show the bytecode of every code object in FILE, like `python -m dis`.
    Dis {
        /// The program file.
        file: String,
        /// Print a machine-readable JSON dump instead (offsets are instruction indices).
        #[arg(long)]
        json: bool,
    },
}

const USAGE: &str = "Usage: monjit run [OPTIONS] FILE [ARGS...] | monjit run [OPTIONS] -c CODE [ARGS...]";

fn main() -> ExitCode {
    // `monjit [OPTIONS] FILE ...` and `monjit -c CODE` are short for `monjit run ...`,
    // as `python` takes them.
    let mut args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        let first = args[1].as_str();
        let known = ["run", "dis", "help", "-h", "--help", "-V", "--version"];
        if !known.contains(&first) {
            args.insert(1, "run".into());
        }
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(c) => c,
        Err(e) => {
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::from(0);
            }
            // Every usage error ends with a usage line (clap leaves it out of some).
            let text = e.render().to_string();
            eprint!("{text}");
            if !text.contains("Usage:") {
                eprintln!("\n{USAGE}");
            }
            return ExitCode::from(2);
        }
    };
    // Python code may recurse deeply through native frames; give it room.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run(cli))
        .expect("spawn the VM thread");
    match child.join() {
        Ok(code) => ExitCode::from(code),
        Err(_) => ExitCode::from(70),
    }
}

fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Run(opts) => run_program(opts),
        Command::Dis { file, json } => {
            let source = match std::fs::read_to_string(&file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("monjit: can't open file '{file}': {e}");
                    return 2;
                }
            };
            match monjit::compiler::compile_to_unit(&source) {
                Ok(unit) => {
                    if json {
                        print!("{}", monjit::compiler::dis::to_json(&unit));
                    } else {
                        print!("{}", monjit::compiler::dis::disassemble(&unit));
                    }
                    0
                }
                Err(e) => {
                    eprintln!("  File \"{file}\", line {}\n{}: {}", e.line, e.kind.name(), e.msg);
                    1
                }
            }
        }
    }
}

fn run_program(opts: RunOpts) -> u8 {
    let (source, filename, argv0, dir) = match (&opts.code, &opts.file) {
        (Some(code), _) => (code.clone(), "<string>".to_string(), "-c".to_string(), String::new()),
        (None, Some(file)) => {
            let source = match std::fs::read_to_string(file) {
                Ok(s) => s,
                Err(e) => {
                    let abs = std::path::absolute(file).map(|p| p.display().to_string()).unwrap_or(file.clone());
                    eprintln!("monjit: can't open file '{abs}': [Errno {}] {}", e.raw_os_error().unwrap_or(2), errno_text(&e));
                    return 2;
                }
            };
            let abs = std::path::absolute(file).map(|p| p.display().to_string()).unwrap_or(file.clone());
            let dir = std::path::Path::new(&abs).parent().map(|p| p.display().to_string()).unwrap_or_default();
            (source, abs, file.clone(), dir)
        }
        (None, None) => {
            eprintln!("{USAGE}");
            return 2;
        }
    };
    let mut vm = monjit::Vm::new();
    let mode = match opts.tier {
        Tier::Interp => monjit::tier2::TierMode::Interp,
        Tier::Jit => monjit::tier2::TierMode::Jit,
        Tier::Auto => monjit::tier2::TierMode::Auto,
    };
    vm.tier2.configure(mode, opts.jit_threshold);
    let mut argv = vec![argv0];
    if opts.code.is_some() {
        argv.extend(opts.file.iter().cloned());
    }
    argv.extend(opts.args.iter().cloned());
    vm.set_argv(&argv, Some(&dir));
    if opts.native_tool == Some(NativeTool::Profiler) {
        if let Err(e) = monjit::monitoring::counting_tool::install(&mut vm) {
            let exc = vm.normalize(e);
            eprint!("monjit: --native-tool profiler: {}", monjit::runtime::traceback::format_exception(&mut vm, &exc));
            return 2;
        }
    }
    let outcome = vm.run_program(&source, &filename);
    #[cfg(feature = "opstats")]
    eprint!("{}", monjit::interp::eval::opstats::report());
    if opts.jit_stats {
        eprint!("{}", monjit::tier2::report(&vm));
    }
    match outcome {
        Outcome::Exit(code) => (code & 0xff) as u8,
    }
}

fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}
