//! What WebDriver cannot reach: the native GTK file dialogs and the native window title.
//!
//! They are driven the way a person would, with the keyboard, through `xdotool` on the
//! app's own X display (`scripts/setup.sh --test` installs it). Xvfb has no window manager,
//! so a dialog is found by its title and given the keyboard focus explicitly.

use crate::{App, Result, WAIT};
use std::process::Command;
use std::time::{Duration, Instant};

impl App {
    /// The X display the window is on.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Run xdotool on the app's display and return what it printed.
    pub fn xdotool(&self, args: &[&str]) -> Result<String> {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .map_err(|e| format!("cannot run xdotool ({e}); `scripts/setup.sh --test` installs it"))?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The titles of every named top-level window on the display, as a window manager sees them.
    pub fn native_titles(&self) -> Result<Vec<String>> {
        let ids = self.xdotool(&["search", "--name", "."])?;
        let mut titles = Vec::new();
        for id in ids.split_whitespace() {
            let name = self.xdotool(&["getwindowname", id])?;
            let name = name.trim();
            if !name.is_empty() {
                titles.push(name.to_string());
            }
        }
        Ok(titles)
    }

    /// Wait until a native window's title contains `needle`; returns all titles seen then.
    pub async fn wait_native_title(&self, needle: &str) -> Result<Vec<String>> {
        let deadline = Instant::now() + WAIT;
        loop {
            let titles = self.native_titles()?;
            if titles.iter().any(|t| t.contains(needle)) {
                return Ok(titles);
            }
            if Instant::now() > deadline {
                return Err(format!("no native window title contains {needle:?}; the titles are {titles:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Wait for a visible native dialog titled exactly `title` and return its window id.
    pub async fn wait_native_dialog(&self, title: &str) -> Result<String> {
        let deadline = Instant::now() + WAIT;
        let pattern = format!("^{}$", regex_escape(title));
        loop {
            let found = self.xdotool(&["search", "--onlyvisible", "--name", &pattern])?;
            if let Some(id) = found.split_whitespace().last() {
                return Ok(id.to_string());
            }
            if Instant::now() > deadline {
                let titles = self.native_titles().unwrap_or_default();
                return Err(format!("no native dialog {title:?} appeared; the windows are {titles:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// In the native save dialog titled `title`, replace the proposed name with `path` (an
    /// absolute path, which GTK accepts in its Name field) and press Enter.
    pub async fn save_dialog_choose(&self, title: &str, path: &std::path::Path) -> Result<()> {
        self.type_into_dialog(title, "ctrl+a", path).await
    }

    /// In the native open dialog titled `title`, open its location field with Ctrl+L, type
    /// `path` and press Enter.
    pub async fn open_dialog_choose(&self, title: &str, path: &std::path::Path) -> Result<()> {
        self.type_into_dialog(title, "ctrl+l", path).await
    }

    async fn type_into_dialog(&self, title: &str, first: &str, path: &std::path::Path) -> Result<()> {
        let id = self.wait_native_dialog(title).await?;
        // GTK maps the dialog and then builds its contents; keys sent before it takes focus are lost.
        tokio::time::sleep(Duration::from_millis(400)).await;
        self.xdotool(&["windowfocus", "--sync", &id])?;
        self.xdotool(&["key", "--clearmodifiers", first])?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        self.xdotool(&["type", "--delay", "15", &path.display().to_string()])?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        self.xdotool(&["key", "Return"])?;
        // The dialog goes away once GTK accepts the path; if it stays, the path was refused.
        let pattern = format!("^{}$", regex_escape(title));
        let deadline = Instant::now() + WAIT;
        while self.xdotool(&["search", "--onlyvisible", "--name", &pattern])?.split_whitespace().any(|w| w == id) {
            if Instant::now() > deadline {
                return Err(format!("the native dialog {title:?} did not accept {}", path.display()).into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        Ok(())
    }
}

fn regex_escape(s: &str) -> String {
    s.chars().flat_map(|c| if "\\.^$|?*+()[]{}".contains(c) { vec!['\\', c] } else { vec![c] }).collect()
}
