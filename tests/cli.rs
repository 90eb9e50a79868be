//! The `monjit` command line as `python` users type it: options before the program,
//! `-c CODE` with its own arguments, and usage errors.

use std::process::{Command, Output};

fn monjit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_monjit")).args(args).output().expect("spawn monjit")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn dash_c_takes_its_arguments_like_python() {
    let code = "import sys; print(sys.argv)";
    for prefix in [&["run"][..], &[][..], &["--tier", "jit"][..], &["run", "--tier", "interp"][..]] {
        let mut args = prefix.to_vec();
        args.extend(["-c", code, "a", "-b", "c"]);
        let o = monjit(&args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout(&o), "['-c', 'a', '-b', 'c']\n", "{args:?}");
    }
    assert_eq!(stdout(&monjit(&["-c", code])), "['-c']\n");
}

#[test]
fn options_before_a_file_imply_run() {
    let dir = std::env::temp_dir().join(format!("monjit-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prog = dir.join("p.py");
    std::fs::write(&prog, "import sys\nprint(sys.argv[1:])\n").unwrap();
    let p = prog.to_str().unwrap();
    for args in [vec![p, "x", "--y"], vec!["--tier", "interp", p, "x", "--y"], vec!["run", p, "x", "--y"]] {
        let o = monjit(&args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout(&o), "['x', '--y']\n", "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["--no-such-option"][..], &["run"][..], &["run", "--tier", "fast", "x.py"][..]] {
        let o = monjit(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).to_lowercase().contains("usage"), "{args:?}");
    }
}
