//! How WebKit draws the window on Linux.
//!
//! WebKitGTK composites the page with OpenGL. With no GPU it does that in software, through
//! Mesa's llvmpipe: the web process then carries LLVM and a set of GL buffers, about 130 MiB
//! more (measured on the 100k demo file: 247 → 125 MiB for the web process), for no gain in
//! speed. Without a GPU render node Casefile asks WebKit to draw without compositing, the way
//! it did before GL. With a GPU, or when the user has chosen either way, nothing changes.

use std::path::Path;

const SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Decide before GTK or WebKit start (they read the environment once), while the process
/// has one thread, so changing the environment is safe.
pub fn choose() {
    if std::env::var_os(SWITCH).is_none() && !has_gpu(Path::new("/dev/dri")) {
        std::env::set_var(SWITCH, "1");
    }
}

/// A GPU that can render shows up as a DRM render node (renderD128, …).
fn has_gpu(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_node_means_a_gpu() {
        let dir = std::env::temp_dir().join(format!("casefile-dri-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(!has_gpu(&dir), "an empty /dev/dri has no GPU");
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(!has_gpu(&dir), "a display-only card does not render");
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_gpu(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!has_gpu(&dir), "no /dev/dri at all: no GPU");
    }
}
