//! The compiler and what it produces: one `JITModule` per compiled function, so that
//! replaced code can be freed on its own (cranelift-jit frees per module).

use crate::abi::CompiledEntry;
use crate::analysis::{analyse, CompileError};
use crate::codegen::{Emitter, Target};
use crate::ir::Function;
use cranelift_codegen::ir::{types, AbiParam, UserFuncName};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};

/// Compiles functions for the host machine. Holds the target description (made once).
pub struct Compiler {
    isa: OwnedTargetIsa,
    builder_ctx: FunctionBuilderContext,
}

/// Machine code for one function. Dropping it frees the code: the owner must make sure
/// no frame is still running it.
pub struct CompiledCode {
    module: Option<JITModule>,
    entry: CompiledEntry,
    /// Size of the emitted machine code, for statistics.
    pub code_size: usize,
    /// Instructions compiled code can be entered at mid-function (on-stack
    /// replacement), with the value-stack depth there; sorted by instruction.
    pub osr_entries: Vec<(u32, u32)>,
}

impl CompiledCode {
    pub fn entry(&self) -> CompiledEntry {
        self.entry
    }
}

impl Drop for CompiledCode {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the owner drops this handle only when no frame runs its code
            // (documented on the type), and `entry` dies with the handle.
            unsafe { m.free_memory() };
        }
    }
}

impl Compiler {
    pub fn new() -> Result<Compiler, CompileError> {
        let mut flags = settings::builder();
        let backend = |e: &dyn std::fmt::Display| CompileError::Backend(e.to_string());
        flags.set("opt_level", "speed").map_err(|e| backend(&e))?;
        flags.set("is_pic", "false").map_err(|e| backend(&e))?;
        flags.set("use_colocated_libcalls", "false").map_err(|e| backend(&e))?;
        // The IR verifier costs about an eighth of compile time. Debug builds keep it:
        // `cargo test` without `--release` verifies every function the tests compile.
        let verify = if cfg!(debug_assertions) { "true" } else { "false" };
        flags.set("enable_verifier", verify).map_err(|e| backend(&e))?;
        let isa = cranelift_native::builder()
            .map_err(|e| backend(&e))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| backend(&e))?;
        Ok(Compiler { isa, builder_ctx: FunctionBuilderContext::new() })
    }

    /// Compiles `f` against the VM's helpers and frame layout.
    pub fn compile(&mut self, f: &Function, target: &Target<'_>) -> Result<CompiledCode, CompileError> {
        let an = analyse(f)?;
        let backend = |e: &dyn std::fmt::Display| CompileError::Backend(e.to_string());
        let mut module = JITModule::new(JITBuilder::with_isa(self.isa.clone(), default_libcall_names()));
        let mut sig = module.make_signature();
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I32));
        sig.returns.push(AbiParam::new(types::I64));
        let id = module.declare_function("entry", Linkage::Local, &sig).map_err(|e| backend(&e))?;
        let osr_entries;
        let mut ctx = module.make_context();
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut self.builder_ctx);
            osr_entries = Emitter::run(&mut b, f, &an, target);
            b.finalize(module.target_config());
        }
        // `MONJIT_JIT_DUMP=1` prints each function's Cranelift IR before compiling it.
        if std::env::var_os("MONJIT_JIT_DUMP").is_some() {
            eprintln!("{}", ctx.func.display());
        }
        // `MONJIT_JIT_DISASM=1` prints each function's machine code once compiled.
        let want_disasm = std::env::var_os("MONJIT_JIT_DISASM").is_some();
        ctx.set_disasm(want_disasm);
        let defined = module.define_function(id, &mut ctx);
        if let Err(e) = defined {
            let detail = match &e {
                cranelift_module::ModuleError::Compilation(cranelift_codegen::CodegenError::Verifier(errs)) => {
                    format!("{e}: {errs}\n{}", ctx.func.display())
                }
                _ => e.to_string(),
            };
            // SAFETY: nothing from this module was handed out.
            unsafe { module.free_memory() };
            return Err(CompileError::Backend(detail));
        }
        let code_size = ctx.compiled_code().map_or(0, |c| c.code_buffer().len());
        if want_disasm {
            if let Some(d) = ctx.compiled_code().and_then(|c| c.vcode.as_ref()) {
                eprintln!("{d}");
            }
        }
        module.clear_context(&mut ctx);
        module.finalize_definitions().map_err(|e| backend(&e))?;
        let ptr = module.get_finalized_function(id);
        // SAFETY: the function was declared with exactly `CompiledEntry`'s signature
        // (two pointer-sized params and a u32, one u64 result) in the platform's default calling
        // convention, which `extern "C"` is.
        let entry = unsafe { std::mem::transmute::<*const u8, CompiledEntry>(ptr) };
        Ok(CompiledCode { module: Some(module), entry, code_size, osr_entries })
    }

    /// The calling convention compiled code and helpers use.
    pub fn call_conv(&self) -> cranelift_codegen::isa::CallConv {
        self.isa.default_call_conv()
    }
}
