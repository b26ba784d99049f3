//! The structure that keeps Casefile fast as a case file grows (issue 8), checked in the
//! source so a new screen or command cannot quietly break it:
//!
//! - every command runs off the UI thread (`#[tauri::command(async)]`);
//! - the modules the window reads from use cached statements only;
//! - every list the window asks for is paged (the core caps a page at 200 rows);
//! - every search box is debounced;
//! - the first screen loads without chains: index.html preloads every module the start and
//!   the home screen import, and links every stylesheet itself (no `@import`).
//!
//! Query plans are checked against a scaled case file in the core's own tests
//! (`casefile-core`, `query_plans`).

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if e.is_dir() {
            files(&e, ext, out);
        } else if e.extension().is_some_and(|x| x == ext) {
            out.push(e);
        }
    }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn shown(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

#[test]
fn every_command_runs_off_the_ui_thread() {
    let mut rs = Vec::new();
    files(&root().join("src-tauri/src"), "rs", &mut rs);
    let mut checked = 0;
    for f in rs {
        for (i, line) in read(&f).lines().enumerate() {
            if line.trim_start().starts_with("#[tauri::command") {
                checked += 1;
                assert!(line.contains("(async)"), "{}:{}: a command must be #[tauri::command(async)] so it never runs on the UI thread", shown(&f), i + 1);
            }
        }
    }
    assert!(checked > 20, "found only {checked} commands");
}

/// The core modules whose queries the window runs on every screen.
const HOT: &[&str] = &[
    "accounts.rs", "contacts.rs", "people.rs", "events.rs", "events/listing.rs", "timeline.rs", "remedies.rs", "root_causes.rs",
    "promises", "complaints", "lost_revenue.rs", "decisions.rs", "attachments.rs", "briefing", "search", "dashboard.rs", "reminders.rs",
];

#[test]
fn the_modules_the_window_reads_use_cached_statements() {
    let core = root().join("src-tauri/core/src");
    let mut rs = Vec::new();
    for hot in HOT {
        let p = core.join(hot);
        if p.is_dir() {
            files(&p, "rs", &mut rs);
        } else if p.exists() {
            rs.push(p);
        }
    }
    let direct = ["conn.prepare(", "tx.prepare(", "conn().prepare(", "conn.query_row(", "tx.query_row(", "conn().query_row(", "conn.query_map(", "conn.execute(", "tx.execute("];
    for f in rs.iter().filter(|f| !f.to_string_lossy().contains("test")) {
        let text = read(f);
        // Test modules at the end of a file are not the window's path.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            let compact: String = line.split_whitespace().collect();
            if let Some(d) = direct.iter().find(|d| compact.contains(*d)) {
                // Deleting a contact added by mistake is rare, not a screen; search's
                // `explain` is for the tests of its plans; `search::bulk` runs once at the
                // end of the scaled demo's bulk load, never from the window.
                let inside = |func: &str| code.lines().take(i + 1).filter(|l| l.contains("fn ")).last().is_some_and(|l| l.contains(func));
                let allowed = (f.ends_with("contacts.rs") && inside("fn delete")) || (f.ends_with("sources.rs") && inside("fn explain"))
                    || f.ends_with("search/bulk.rs");
                assert!(allowed, "{}:{}: `{d}` prepares the statement on every call; use prepare_cached", shown(f), i + 1);
            }
        }
    }
}

/// Lists that are small by nature: backups (retention keeps about 14), the root-cause tree,
/// the files of one entry, and the reminders (the promises needing attention now, of which
/// the window draws the first few).
const BOUNDED: &[&str] = &["api.listBackups(", "api.listRootCauses(", "api.listAttachments(", "api.listReminders("];

#[test]
fn every_list_the_window_asks_for_is_a_page() {
    let mut js = Vec::new();
    files(&root().join("ui/js"), "js", &mut js);
    let mut checked = 0;
    for f in js {
        let text = read(&f);
        for (at, _) in text.match_indices("api.list") {
            let call = &text[at..text.len().min(at + 160)];
            if BOUNDED.iter().any(|b| call.starts_with(b)) {
                continue;
            }
            checked += 1;
            let before = &text[at.saturating_sub(200)..at];
            let paged = before.contains("load: (offset, limit)") || before.contains("load(offset, limit)");
            let limit = call.split("limit:").nth(1).map(|rest| rest.trim_start().chars().take_while(|c| c.is_ascii_digit()).collect::<String>());
            match limit {
                Some(n) if !n.is_empty() => {
                    let n: u32 = n.parse().unwrap_or(u32::MAX);
                    assert!(n <= 200, "{}: `{}` asks for {n} rows; a page is at most 200", shown(&f), call.lines().next().unwrap_or_default());
                }
                _ => assert!(
                    paged || call.contains("limit"),
                    "{}: `{}` is not paged: go through pagedList or pass a limit of at most 200",
                    shown(&f),
                    call.lines().next().unwrap_or_default()
                ),
            }
        }
    }
    assert!(checked > 5, "found only {checked} list calls");
}

#[test]
fn every_search_box_is_debounced() {
    let mut js = Vec::new();
    files(&root().join("ui/js"), "js", &mut js);
    let mut checked = 0;
    for f in js {
        let text = read(&f);
        if !text.contains("type: 'search'") {
            continue;
        }
        // Functions made with debounce(), which a handler may call instead.
        let debounced: Vec<&str> = text
            .match_indices("= debounce(")
            .filter_map(|(at, _)| text[..at].trim_end().rsplit(|c: char| !c.is_alphanumeric() && c != '_').next())
            .collect();
        for (at, _) in text.match_indices("addEventListener('input'") {
            checked += 1;
            let handler = &text[at..text.len().min(at + 160)];
            let handler = handler.split("});").next().unwrap_or(handler);
            let ok = handler.contains("debounce(") || debounced.iter().any(|d| handler.contains(&format!("{d}(")));
            assert!(ok, "{}: a search box must debounce its input (`{}`)", shown(&f), handler.lines().next().unwrap_or_default());
        }
    }
    assert!(checked >= 1, "no search box found");
}

/// The modules `start` imports without waiting (static `import … from`), each once, from
/// `start` on, as paths relative to ui/.
fn static_imports(start: &str) -> Vec<String> {
    let ui = root().join("ui");
    let (mut seen, mut todo) = (Vec::new(), vec![start.to_string()]);
    while let Some(file) = todo.pop() {
        if seen.contains(&file) {
            continue;
        }
        let text = read(&ui.join(&file));
        let dir = Path::new(&file).parent().unwrap_or(Path::new("")).to_path_buf();
        for line in text.lines().filter(|l| l.starts_with("import ")) {
            let Some(spec) = line.rsplit(['\'', '"']).nth(1) else { continue };
            let mut path = dir.clone();
            for part in spec.split('/') {
                match part {
                    "." => {}
                    ".." => {
                        path.pop();
                    }
                    p => path.push(p),
                }
            }
            todo.push(path.display().to_string());
        }
        seen.push(file);
    }
    seen
}

#[test]
fn the_first_screen_loads_without_chains() {
    let index = read(&root().join("ui/index.html"));
    let attr = |tag: &str, rel: &str| -> Vec<String> {
        index.lines().filter(|l| l.contains(tag) && l.contains(&format!("rel=\"{rel}\""))).filter_map(|l| l.split("href=\"").nth(1)?.split('"').next().map(String::from)).collect()
    };
    // Without the preloads WebKit finds the modules a level at a time, and the window's
    // first calls to the core wait behind them (about 20 ms at start, docs/BENCHMARKS.md).
    let mut wanted: Vec<String> = static_imports("js/main.js").into_iter().chain(static_imports("js/views/dashboard.js")).filter(|m| m != "js/main.js").collect();
    wanted.sort();
    wanted.dedup();
    let mut preloaded = attr("<link", "modulepreload");
    preloaded.sort();
    assert_eq!(preloaded, wanted, "ui/index.html must preload exactly the modules main.js and the dashboard import");
    assert!(read(&root().join("ui/js/main.js")).contains("export const HOME = '/dashboard'"), "the preloads are for the dashboard, the home screen");
    // An @import is fetched only once the sheet holding it has arrived.
    let mut css = Vec::new();
    files(&root().join("ui"), "css", &mut css);
    for f in &css {
        assert!(!read(f).contains("@import"), "{}: link the stylesheet from ui/index.html instead of @import", shown(f));
    }
    for sheet in attr("<link", "stylesheet") {
        assert!(root().join("ui").join(&sheet).exists(), "ui/index.html links {sheet}, which does not exist");
    }
}
