//! A bare Tauri 2 window that draws one line: the baseline for Casefile's start-up time.
//! Built with the workspace's release profile, driven by the same WebDriver harness.

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("casefile-hello: {e}");
        std::process::exit(1);
    }
}
