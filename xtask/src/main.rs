//! `cargo xtask`: NewsLens's own set-up, build, serve, test and bench commands (std only).
//!
//! Every command first installs what is missing, at pinned versions, so a fresh
//! machine with only rustup/cargo and Node.js needs nothing else from the README.

mod bundle;
mod lint;
mod proc;
mod python;
mod server;
mod setup;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const HELP: &str = "\
cargo xtask <command>

  serve [--address A] [--port P]   set up, build the release bundle with Trunk and serve
                                   it (default http://127.0.0.1:8080/)
  test                             set up, check formatting and clippy, then run every
                                   test: the workspace's Rust tests, the Python package's
                                   (a venv under target/), a release build, and the
                                   browser tests in headless Chromium on 127.0.0.1
  lint                             only rustfmt --check and clippy -D warnings
  e2e                              set up, build, and run only the browser tests
  python                           only the Python package's step of `test`
  setup                            only install what is missing (idempotent)
  bench-browser                    time drop -> first highlight -> complete in headless
                                   Chromium for the samples and a 5 MB document
  bundle-size [--no-build]         raw and gzipped bundle sizes; fails above 3 MB gzipped

Settings: NEWSLENS_DATA (shared data folder, default ../shared beside the repository),
NEWSLENS_CHROMIUM (browser binary, default: chromium on PATH).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    proc::prepare_path(&root);
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root, &args[1..]),
        Some("test") => test(&root, true),
        Some("e2e") => test(&root, false),
        Some("python") => python::alone(&root),
        Some("setup") => setup::ensure(&root, true).map(|_| ()),
        Some("lint") => lint::check(&root),
        Some("bench-browser") => bench_browser(&root),
        Some("bundle-size") => bundle_size(&root, &args[1..]),
        Some("help" | "-h" | "--help") | None => {
            println!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root: the folder above this crate.
fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

fn serve(root: &Path, args: &[String]) -> Result<(), String> {
    let mut address = "127.0.0.1".to_string();
    let mut port = "8080".to_string();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--address" => address = it.next().ok_or("--address needs a value")?.clone(),
            "--port" => port = it.next().ok_or("--port needs a value")?.clone(),
            other => return Err(format!("serve: unknown option `{other}`")),
        }
    }
    setup::ensure(root, false)?;
    build_release(root)?;
    let dist = root.join("dist");
    let (addr, handle) = server::start(&dist, &format!("{address}:{port}"))
        .map_err(|e| format!("cannot listen on {address}:{port}: {e} (choose another with --port)"))?;
    println!("NewsLens is served at http://{addr}/  (from {}; Ctrl-C stops)", dist.display());
    handle.join().map_err(|_| "server thread stopped".to_string())
}

/// `trunk build --release`, after checking Trunk is told never to download.
fn build_release(root: &Path) -> Result<(), String> {
    setup::check_trunk_config(root)?;
    let started = Instant::now();
    // Belt and braces with Trunk.toml: never fetch a tool, whatever the config says.
    std::env::set_var("TRUNK_OFFLINE", "true");
    proc::run(root, "trunk", &["build", "--release"])?;
    println!("build: trunk build --release took {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn test(root: &Path, native: bool) -> Result<(), String> {
    let tools = setup::ensure(root, true)?;
    let mut failures = Vec::new();
    let mut summary = Vec::new();

    if native {
        let started = Instant::now();
        match lint::check(root) {
            Ok(()) => {
                summary.push(format!("lint: rustfmt and clippy clean ({:.0} s)", started.elapsed().as_secs_f64()))
            }
            Err(e) => {
                summary.push(format!("lint: failed ({e})"));
                failures.push(format!("lint: {e}"));
            }
        }
        let started = Instant::now();
        let counts = proc::cargo_test(root)?;
        let line = format!(
            "native: {} passed, {} failed, {} ignored ({:.0} s)",
            counts.passed,
            counts.failed,
            counts.ignored,
            started.elapsed().as_secs_f64()
        );
        println!("{line}");
        if !counts.ok {
            failures.push(if counts.failed > 0 {
                "native tests failed".to_string()
            } else {
                "cargo test did not finish (build error?)".to_string()
            });
        }
        summary.push(line);
        python::step(root, &mut summary, &mut failures);
    }

    match build_release(root) {
        Err(e) => {
            failures.push(format!("release build failed: {e}"));
            summary.push("e2e: not run (release build failed)".to_string());
        }
        Ok(()) => {
            let (addr, _server) = server::start(&root.join("dist"), "127.0.0.1:0")
                .map_err(|e| format!("cannot start the static server: {e}"))?;
            let url = format!("http://{addr}/");
            println!("e2e: bundle served at {url}");
            let counts = proc::node_tests(root, &url, tools.chromium.as_deref())?;
            let line = format!("e2e: {} passed, {} failed, {} skipped", counts.passed, counts.failed, counts.ignored);
            println!("{line}");
            if !counts.ok {
                failures.push("browser tests failed".to_string());
            }
            summary.push(line);
        }
    }

    println!("\nsummary:");
    for line in &summary {
        println!("  {line}");
    }
    if failures.is_empty() {
        println!("all tests passed");
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

fn bench_browser(root: &Path) -> Result<(), String> {
    let tools = setup::ensure(root, true)?;
    build_release(root)?;
    let (addr, _server) =
        server::start(&root.join("dist"), "127.0.0.1:0").map_err(|e| format!("cannot start the static server: {e}"))?;
    let url = format!("http://{addr}/");
    proc::node_script(root, "tests/bench/browser.mjs", &url, tools.chromium.as_deref())
}

fn bundle_size(root: &Path, args: &[String]) -> Result<(), String> {
    let build = match args.first().map(String::as_str) {
        None => true,
        Some("--no-build") => false,
        Some(other) => return Err(format!("bundle-size: unknown option `{other}`")),
    };
    if build {
        setup::ensure(root, false)?;
        build_release(root)?;
    }
    bundle::report(&root.join("dist"))
}
