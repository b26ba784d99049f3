//! The real window, measured through the end-to-end harness: start to interactive against a
//! bare Tauri window started the same way, a screen drawn after an IPC call, and memory.
//!
//! Start-up is timed from the moment the WebDriver session is asked for (which starts the
//! program) to the page's own `interactive` performance mark, read back from the page, so
//! the harness's polling adds nothing. Both programs set that mark once their first screen
//! is drawn.

use casefile_e2e::App;
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant, UNIX_EPOCH};

pub type Result<T> = casefile_e2e::Result<T>;

/// Launch `program` and return the window with its start-to-interactive time.
pub async fn launch(program: &Path, args: &[&str]) -> Result<(App, Duration)> {
    let app = App::launch_program(program, args, "body[data-ready=yes]").await?;
    let deadline = Instant::now() + Duration::from_secs(60);
    let ready_ms = loop {
        let v = app
            .js("const m = performance.getEntriesByName('interactive'); return m.length ? performance.timeOrigin + m[0].startTime : null")
            .await?;
        if let Some(ms) = v.as_f64() {
            break ms;
        }
        if Instant::now() > deadline {
            return Err("the page never marked itself interactive".into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let launched_ms = app.launched_at.duration_since(UNIX_EPOCH)?.as_secs_f64() * 1000.0;
    Ok((app, Duration::from_secs_f64(((ready_ms - launched_ms) / 1000.0).max(0.0))))
}

/// Go to `route` as the sidebar would and time, inside the page, until `selector` is drawn
/// and two frames have been painted: the IPC calls the screen makes plus the drawing.
pub async fn time_route(app: &App, route: &str, selector: &str) -> Result<Duration> {
    let script = r#"
        const [route, selector, done] = arguments;
        const t0 = performance.now();
        const finish = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
        const found = () => { const el = document.querySelector(selector); return el && el.offsetParent !== null; };
        const obs = new MutationObserver(() => { if (found()) { obs.disconnect(); finish(); } });
        obs.observe(document.body, { childList: true, subtree: true, attributes: true });
        location.hash = route;
        setTimeout(() => { obs.disconnect(); done(-1); }, 20000);
    "#;
    let v = app.client.execute_async(script, vec![serde_json::json!(route), serde_json::json!(selector)]).await?;
    let ms = v.as_f64().unwrap_or(-1.0);
    if ms < 0.0 {
        return Err(format!("{selector} never appeared after going to {route}").into());
    }
    Ok(Duration::from_secs_f64(ms / 1000.0))
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: the fields follow the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// Every process whose chain of parents reaches `root`, `root` excluded.
fn descendants(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            if let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) {
                if let Some(ppid) = parent_of(pid) {
                    children.entry(ppid).or_default().push(pid);
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut todo = vec![root];
    while let Some(p) = todo.pop() {
        for c in children.get(&p).cloned().unwrap_or_default() {
            out.push(c);
            todo.push(c);
        }
    }
    out
}

fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Pss:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

fn name_of(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_string()
}

/// The program started under the driver, and the summed PSS of it and every process it
/// started (WebKit's web and network processes): (total bytes, one line per process).
pub fn memory(app: &App, program: &Path) -> (u64, Vec<String>) {
    let exe = std::fs::canonicalize(program).unwrap_or_else(|_| program.to_path_buf());
    let under_driver = descendants(app.driver_pid);
    let Some(main) = under_driver.iter().copied().find(|p| std::fs::read_link(format!("/proc/{p}/exe")).map(|e| e == exe).unwrap_or(false)) else {
        return (0, vec!["the program's process was not found".into()]);
    };
    let mut pids = vec![main];
    pids.extend(descendants(main));
    let mut total = 0;
    let mut lines = Vec::new();
    for p in pids {
        let kib = pss_kib(p);
        total += kib;
        lines.push(format!("{} ({p}): {:.1} MiB", name_of(p), kib as f64 / 1024.0));
    }
    (total * 1024, lines)
}
