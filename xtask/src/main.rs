//! `cargo xtask`: NewsLens's own set-up, build, serve, test and bench commands.
//!
//! Every command first installs what is missing, at pinned versions, so a fresh
//! machine with only rustup/cargo and Node.js needs nothing else from the README.

mod bundle;
mod codec;
mod lint;
mod offline;
mod proc;
mod python;
mod server;
mod setup;
mod single_file;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Renders the app's SVG icon to the PNG sizes the web app manifest lists.
const ICONS: &str = "xtask/render-icons.mjs";

const HELP: &str = "\
cargo xtask <command>

  serve [--address A] [--port P]   set up, build the release bundle with Trunk and serve
        [--base /sub/path/]        it (default http://127.0.0.1:8080/), optionally under a
        [--no-build] [--dist DIR]  sub-path, or serve an already built folder as it is
  single-file [--no-build]         build, and write dist/newslens.html: the whole app in one
                                   file that opens from disk (trunk build also writes it)
  post-build [DIR]                 Trunk's post-build hook: build id, service worker file
                                   list, single file (DIR: $TRUNK_STAGING_DIR)
  icons                            render web/icons/newslens.svg to the PNG icons (Chromium)
  test                             set up, check formatting and clippy, then run every
                                   test: the workspace's Rust tests, the Python package's
                                   (a venv under target/), a release build, and the
                                   browser tests in headless Chromium (and Firefox) on
                                   127.0.0.1
  lint                             only rustfmt --check and clippy -D warnings
  e2e                              set up, build, and run only the browser tests
  python                           only the Python package's step of `test`
  setup                            only install what is missing (idempotent)
  bench-browser [--no-build]       time drop -> first highlight -> complete in headless
                                   Chromium for the samples and a 5 MB document
  bundle-size [--no-build]         raw and gzipped sizes of the folder and of the single
                                   file; fails above 3 MB (folder) or 1.5 MB (file) gzipped

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
        Some("bench-browser") => bench_browser(&root, &args[1..]),
        Some("bundle-size") => bundle_size(&root, &args[1..]),
        Some("single-file") => single_file(&root, &args[1..]),
        Some("post-build") => post_build(&args[1..]),
        Some("icons") => {
            setup::ensure(&root, true).and_then(|tools| proc::node_script(&root, ICONS, "", tools.chromium.as_deref()))
        }
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
    let mut base = "/".to_string();
    let mut dist = root.join("dist");
    let mut build = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--address" => address = it.next().ok_or("--address needs a value")?.clone(),
            "--port" => port = it.next().ok_or("--port needs a value")?.clone(),
            "--base" => base = it.next().ok_or("--base needs a path such as /tools/newslens/")?.clone(),
            "--dist" => dist = PathBuf::from(it.next().ok_or("--dist needs a folder")?),
            "--no-build" => build = false,
            other => return Err(format!("serve: unknown option `{other}`")),
        }
    }
    if build {
        setup::ensure(root, false)?;
        build_release(root)?;
    }
    let (addr, handle) = server::start_under(&dist, &format!("{address}:{port}"), &base)
        .map_err(|e| format!("cannot listen on {address}:{port}: {e} (choose another with --port)"))?;
    let base = format!("/{}/", base.trim_matches('/')).replace("//", "/");
    // Tests read this line for the address.
    println!("NewsLens is served at http://{addr}{base}  (from {}; Ctrl-C stops)", dist.display());
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

fn bench_browser(root: &Path, args: &[String]) -> Result<(), String> {
    let build = match args.first().map(String::as_str) {
        None => true,
        Some("--no-build") => false,
        Some(other) => return Err(format!("bench-browser: unknown option `{other}`")),
    };
    let tools = setup::ensure(root, true)?;
    if build {
        build_release(root)?;
    }
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

/// `cargo xtask single-file`: the release build writes it (Trunk's post-build hook);
/// `--no-build` makes it again from the folder already built.
fn single_file(root: &Path, args: &[String]) -> Result<(), String> {
    let dist = root.join("dist");
    match args.first().map(String::as_str) {
        None => {
            setup::ensure(root, false)?;
            build_release(root)?;
        }
        Some("--no-build") => offline::post_build(&dist, true)?,
        Some(other) => return Err(format!("single-file: unknown option `{other}`")),
    }
    bundle::report_single_file(&dist)
}

/// Trunk's post-build hook (Trunk.toml): finishes the staging folder before it becomes dist/.
fn post_build(args: &[String]) -> Result<(), String> {
    let dir = match args.first() {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(
            std::env::var_os("TRUNK_STAGING_DIR").ok_or("post-build: give a folder or run it from Trunk's hook")?,
        ),
    };
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p != "debug");
    offline::post_build(&dir, release)
}
