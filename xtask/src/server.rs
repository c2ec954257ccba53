//! A tiny static file server for the built bundle (GET/HEAD, one request per
//! connection), so tests and `serve` see the page exactly as any static host would:
//! at the root or under a sub-path (`/tools/newslens/`), a folder's address without its
//! final slash redirected to it, as static hosts do.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

/// Listens on `addr` (port 0 picks a free one) and serves `root` from a background thread.
pub fn start(root: &Path, addr: &str) -> std::io::Result<(SocketAddr, JoinHandle<()>)> {
    start_under(root, addr, "/")
}

/// Like `start`, with `root` at the sub-path `base` (`/tools/newslens/`); nothing outside it.
pub fn start_under(root: &Path, addr: &str, base: &str) -> std::io::Result<(SocketAddr, JoinHandle<()>)> {
    let listener = TcpListener::bind(addr)?;
    let local = listener.local_addr()?;
    let root = root.to_path_buf();
    let base = format!("/{}/", base.trim_matches('/')).replace("//", "/");
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, base) = (root.clone(), base.clone());
            std::thread::spawn(move || {
                let _ = handle(stream, &root, &base);
            });
        }
    });
    Ok((local, handle))
}

fn handle(mut stream: TcpStream, root: &Path, base: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 && header.len() < 64 * 1024 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, "405 Method Not Allowed", "text/plain", b"method not allowed\n", true);
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    // A folder's address without its slash: relative links would resolve one level up.
    let bare_folder =
        path.strip_prefix(base).is_some_and(|rest| !rest.is_empty() && !rest.ends_with('/') && is_folder(root, rest));
    if bare_folder || (!path.is_empty() && format!("{path}/") == base) {
        return redirect(&mut stream, &format!("{path}/"));
    }
    let Some(path) = path.strip_prefix(base).and_then(|rest| resolve(root, rest)) else {
        return respond(&mut stream, "404 Not Found", "text/plain", b"not found\n", method == "GET");
    };
    match std::fs::read(&path) {
        Ok(body) => respond(&mut stream, "200 OK", mime_type(&path), &body, method == "GET"),
        Err(_) => respond(&mut stream, "404 Not Found", "text/plain", b"not found\n", method == "GET"),
    }
}

fn respond(stream: &mut TcpStream, status: &str, mime: &str, body: &[u8], with_body: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn redirect(stream: &mut TcpStream, location: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes())?;
    stream.flush()
}

fn is_folder(root: &Path, rest: &str) -> bool {
    folder_path(root, rest).is_some_and(|p| p.is_dir())
}

/// Maps a path below the base (`icons/a.png`, percent-encoded) to a file under `root`;
/// `None` for anything outside it or missing.
fn resolve(root: &Path, rest: &str) -> Option<PathBuf> {
    let mut out = folder_path(root, rest)?;
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

/// `root` joined with a decoded relative path; `None` if it would climb out of `root`.
fn folder_path(root: &Path, rest: &str) -> Option<PathBuf> {
    let decoded = percent_decode(rest)?;
    let mut out = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\0')).then_some(text)
}

fn mime_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(addr: SocketAddr, target: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn serves_the_bundle_with_types_and_nothing_outside_it() {
        let dir = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("dist")).unwrap();
        std::fs::write(dir.join("dist/index.html"), "<p>hi</p>").unwrap();
        std::fs::write(dir.join("dist/app_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(dir.join("secret.txt"), "no").unwrap();
        let (addr, _) = start(&dir.join("dist"), "127.0.0.1:0").unwrap();

        let index = get(addr, "/");
        assert!(index.starts_with("HTTP/1.1 200"), "{index}");
        assert!(index.contains("Content-Type: text/html; charset=utf-8"));
        assert!(index.ends_with("<p>hi</p>"));
        let wasm = get(addr, "/app_bg.wasm?v=1");
        assert!(wasm.contains("Content-Type: application/wasm"), "{wasm}");
        assert!(wasm.contains("Content-Length: 4"));
        for escape in ["/../secret.txt", "/%2e%2e/secret.txt", "/nothing.js"] {
            assert!(get(addr, escape).starts_with("HTTP/1.1 404"), "{escape}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn serves_under_a_sub_path_only_and_redirects_bare_folders() {
        let dir = std::env::temp_dir().join(format!("xtask-server-sub-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>app</p>").unwrap();
        std::fs::write(dir.join("icons/index.html"), "icons").unwrap();
        let (addr, _) = start_under(&dir, "127.0.0.1:0", "/tools/newslens/").unwrap();

        assert!(get(addr, "/tools/newslens/").ends_with("<p>app</p>"));
        assert!(get(addr, "/tools/newslens/index.html?x=1").ends_with("<p>app</p>"));
        let bare = get(addr, "/tools/newslens");
        assert!(bare.starts_with("HTTP/1.1 301") && bare.contains("Location: /tools/newslens/\r\n"), "{bare}");
        assert!(get(addr, "/tools/newslens/icons").contains("Location: /tools/newslens/icons/\r\n"));
        for outside in ["/", "/index.html", "/tools/", "/tools/newslens/../newslens/index.html"] {
            assert!(get(addr, outside).starts_with("HTTP/1.1 404"), "{outside}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
