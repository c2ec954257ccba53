//! Mounts the NewsLens page.

fn main() {
    leptos::mount::mount_to_body(newslens_app::App);
}
