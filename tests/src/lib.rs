//! The end-to-end harness: the real `casefile` binary in a real window, driven over
//! WebDriver (tauri-driver in front of WebKitWebDriver).
//!
//! Each [`App`] gets its own Xvfb display when none is set, its own tauri-driver on free
//! ports, and its own config and data folders, so a journey never touches the user's files
//! and journeys cannot see each other. Nothing here is mocked: what a journey sees is what a
//! person would see.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod native;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// How long a journey waits for something to appear before it fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// A scratch folder removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("casefile-e2e-{tag}-{}-{}", std::process::id(), nanos()));
        std::fs::create_dir_all(&p).expect("create scratch dir");
        Scratch(p)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn nanos() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

/// The workspace's target folder, where `make test` has built the app.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("target"))
}

/// The built app. `make test` builds it before the journeys run.
pub fn app_binary() -> PathBuf {
    let p = std::env::var_os("CASEFILE_BIN").map(PathBuf::from).unwrap_or_else(|| target_dir().join("debug").join("casefile"));
    assert!(p.exists(), "{} is missing: build it first with `cargo build -p casefile` (make test does this)", p.display());
    p
}

fn tauri_driver() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
    });
    let p = cargo_home.join("bin").join("tauri-driver");
    if p.exists() { p } else { PathBuf::from("tauri-driver") }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// Tall enough for the full-page screenshots (the window grown to the page's height), which
/// are taken from the screen.
const SCREEN: &str = "1280x2440x24";

/// Start a private Xvfb when there is no display, returning it and the display name.
fn display() -> (Option<Child>, String) {
    if let Some(d) = std::env::var_os("DISPLAY").filter(|d| !d.is_empty()) {
        return (None, d.to_string_lossy().into_owned());
    }
    for n in 90..190 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
            continue;
        }
        let name = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([name.as_str(), "-screen", "0", SCREEN, "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (package xvfb) must be installed; make test installs it");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
            std::thread::sleep(Duration::from_millis(50));
        }
        return (Some(child), name);
    }
    panic!("no free X display number between :90 and :189");
}

/// Stop a child politely (SIGTERM) so it can take its own children with it, then reap it.
/// tauri-driver killed with SIGKILL orphans WebKitWebDriver, which keeps the test's output open.
fn stop(child: &mut Child) {
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The driver and the private display of one [`App`]. Stopped when dropped, so a journey that
/// fails part-way (and never reaches `quit`) leaves no tauri-driver or Xvfb behind.
struct Procs {
    driver: Child,
    xvfb: Option<Child>,
}

impl Drop for Procs {
    fn drop(&mut self) {
        stop(&mut self.driver);
        if let Some(x) = self.xvfb.as_mut() {
            stop(x);
        }
    }
}

/// The app in its window, and everything it took to start it.
pub struct App {
    pub client: Client,
    pub file: PathBuf,
    procs: Procs,
    home: Scratch,
    extra_args: Vec<String>,
    /// The X display the window is on, for driving native dialogs (see `native`).
    display: String,
    /// The wall-clock moment the session was asked for, which starts the program: benchmarks
    /// measure "start to interactive" from here, the same way for every program.
    pub launched_at: std::time::SystemTime,
    /// The tauri-driver in front of this window, whose descendants are the program and its
    /// WebKit processes (see `process_tree`).
    pub driver_pid: u32,
}

impl App {
    /// Start the app on `file` (created if missing).
    pub async fn launch(file: &Path) -> Result<App> {
        Self::launch_with(file, &[]).await
    }

    pub async fn launch_with(file: &Path, extra: &[&str]) -> Result<App> {
        let home = Scratch::new("home");
        let mut args = vec!["--file".to_string(), file.display().to_string()];
        args.extend(extra.iter().map(|s| s.to_string()));
        Self::start(home, file.to_path_buf(), args).await
    }

    /// Start the app with no `--file`, as on a first run: it shows its welcome screen.
    pub async fn launch_first_run() -> Result<App> {
        let home = Scratch::new("home");
        Self::start(home, PathBuf::new(), Vec::new()).await
    }

    async fn start(home: Scratch, file: PathBuf, args: Vec<String>) -> Result<App> {
        Self::start_program(home, file, &app_binary(), args, "body[data-ready=yes]").await
    }

    /// Start any Tauri program (the benchmarks' bare hello-world window, say) through the same
    /// driver, display and folders as the app, and wait until `ready` (a CSS selector) shows.
    pub async fn launch_program(program: &Path, args: &[&str], ready: &str) -> Result<App> {
        let home = Scratch::new("home");
        let args = args.iter().map(|s| s.to_string()).collect();
        Self::start_program(home, PathBuf::new(), program, args, ready).await
    }

    async fn start_program(home: Scratch, file: PathBuf, program: &Path, args: Vec<String>, ready: &str) -> Result<App> {
        // On these shared machines the driver now and then never answers its first request
        // (a port or display taken in between). That is the harness, not the app: try once
        // more with a fresh driver, display and ports. An app that cannot start fails twice.
        let session = match Self::session(&home, program, &args).await {
            Ok(s) => s,
            Err(first) => {
                eprintln!("harness: the first start failed ({first}); starting once more");
                Self::session(&home, program, &args).await?
            }
        };
        let (client, procs, display, launched_at, driver_pid) = session;
        let extra_args = Vec::new();
        let app = App { client, file, procs, home, extra_args, display, launched_at, driver_pid };
        app.wait_for(ready).await?;
        Ok(app)
    }

    async fn session(home: &Scratch, program: &Path, args: &[String]) -> Result<(Client, Procs, String, std::time::SystemTime, u32)> {
        let (xvfb, display) = display();
        let (port, native) = (free_port(), free_port());
        let driver = Command::new(tauri_driver())
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .env("DISPLAY", &display)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // No desktop session here: keep GTK from looking for one.
            .env("NO_AT_BRIDGE", "1")
            .env("GTK_A11Y", "none")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start tauri-driver ({e}); make test installs it with `cargo install tauri-driver`"))?;
        let caps: serde_json::Map<String, serde_json::Value> = serde_json::from_value(serde_json::json!({
            "tauri:options": { "application": program.display().to_string(), "args": args }
        }))?;
        let deadline = Instant::now() + Duration::from_secs(30);
        // Ask for the session only once the driver listens, so the first request starts the
        // program and `launched_at` is the moment it was started.
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        let driver_pid = driver.id();
        let launched_at = std::time::SystemTime::now();
        let client = loop {
            match ClientBuilder::native().capabilities(caps.clone()).connect(&format!("http://127.0.0.1:{port}")).await {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    let mut driver = driver;
                    stop(&mut driver);
                    if let Some(mut x) = xvfb {
                        stop(&mut x);
                    }
                    return Err(format!("the app did not start within 30 s: {e}").into());
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(150)).await,
            }
        };
        Ok((client, Procs { driver, xvfb }, display, launched_at, driver_pid))
    }

    /// Quit and start again on the same file, keeping the same config folders.
    pub async fn restart(self) -> Result<App> {
        let file = self.file.clone();
        let mut args = if file.as_os_str().is_empty() { vec![] } else { vec!["--file".to_string(), file.display().to_string()] };
        args.extend(self.extra_args.iter().cloned());
        let home = self.stop_keeping_home().await;
        Self::start(home, file, args).await
    }

    /// Quit, run `between` while the app is not running (to change its file, say), and start again.
    pub async fn restart_with(self, between: impl FnOnce()) -> Result<App> {
        let file = self.file.clone();
        let mut args = if file.as_os_str().is_empty() { vec![] } else { vec!["--file".to_string(), file.display().to_string()] };
        args.extend(self.extra_args.iter().cloned());
        let home = self.stop_keeping_home().await;
        between();
        Self::start(home, file, args).await
    }

    async fn stop_keeping_home(self) -> Scratch {
        let App { client, procs, home, .. } = self;
        let _ = client.close().await;
        drop(procs);
        home
    }

    pub async fn quit(self) {
        drop(self.stop_keeping_home().await);
    }

    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(self.client.find(Locator::Css(css)).await?)
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    /// Wait until an element matching `css` exists and is displayed.
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if el.is_displayed().await.unwrap_or(false) {
                    return Ok(el);
                }
            }
            if Instant::now() > deadline {
                let shot = self.failure_shot().await;
                return Err(format!("timed out waiting for `{css}` (screenshot {shot})").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until `css` matches nothing (a dialog closed, a row went away).
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        while self.client.find(Locator::Css(css)).await.is_ok() {
            if Instant::now() > deadline {
                return Err(format!("`{css}` did not go away").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Wait until the text of `css` contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> Result<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(t) = el.text().await {
                    if t.contains(needle) {
                        return Ok(t);
                    }
                }
            }
            if Instant::now() > deadline {
                let seen = self
                    .client
                    .execute("const e = document.querySelector(arguments[0]); return e ? e.innerText : '<no such element>'", vec![serde_json::json!(css)])
                    .await
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .unwrap_or_else(|e| format!("<{e}>"));
                let shot = self.failure_shot().await;
                return Err(format!("timed out waiting for `{css}` to contain {needle:?}; it shows {seen:?} (screenshot {shot})").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Click like a person: bring the element to the middle of the view first, and if a
    /// toast or an animation is still covering it, wait for it to clear and try again.
    pub async fn click(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let el = self.wait_for(css).await?;
            let _ = self
                .client
                .execute("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", vec![serde_json::to_value(&el)?])
                .await;
            match el.click().await {
                Ok(()) => return Ok(()),
                Err(e) if Instant::now() < deadline && is_transient(&e) => tokio::time::sleep(Duration::from_millis(200)).await,
                Err(e) => return Err(format!("clicking `{css}`: {e} (screenshot {})", self.failure_shot().await).into()),
            }
        }
    }

    pub async fn text(&self, css: &str) -> Result<String> {
        Ok(self.find(css).await?.text().await?)
    }

    /// Replace the value of a field.
    pub async fn fill(&self, css: &str, value: &str) -> Result<()> {
        let el = self.wait_for(css).await?;
        el.clear().await?;
        if !value.is_empty() {
            el.send_keys(value).await?;
        }
        Ok(())
    }

    /// Choose an option of a <select> by its visible label.
    pub async fn select(&self, css: &str, label: &str) -> Result<()> {
        self.wait_for(css).await?.select_by_label(label).await?;
        Ok(())
    }

    /// Type keys into whatever has focus (WebDriver key codes, e.g. "\u{E007}" for Enter).
    pub async fn keys(&self, keys: &str) -> Result<()> {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    /// Run JavaScript in the page and return its result.
    pub async fn js(&self, script: &str) -> Result<serde_json::Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Wait until the window shows the screen of a route pattern (e.g. "/dashboard"), as it
    /// does after opening a file, so a journey never races the app's own navigation.
    pub async fn wait_route(&self, pattern: &str) -> Result<()> {
        self.wait_for(&format!("[data-view][data-route=\"{pattern}\"]")).await.map(|_| ())
    }

    /// Open a file's customer list, once the app has finished its own way to its home screen.
    pub async fn customers(&self) -> Result<()> {
        self.wait_route("/dashboard").await?;
        self.go("/customers").await?;
        self.wait_for("[data-list=customers]").await.map(|_| ())
    }

    /// Go to a route, as a click in the sidebar would.
    pub async fn go(&self, route: &str) -> Result<()> {
        self.client.execute("location.hash = arguments[0]", vec![serde_json::json!(route)]).await?;
        Ok(())
    }

    /// Save what the window shows now to target/e2e-screenshots/NAME.png.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let dir = target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        // What the screen shows lags the DOM on a busy machine (shots of a page still loading
        // were seen): let two frames paint, and give the last one time to reach the X server.
        let _ = self
            .client
            .execute_async("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", vec![])
            .await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        // Captured from the X display, as a person would see the window. WebKit's own snapshot
        // (WebDriver's screenshot) stalls for seconds, and for good when the window is taller
        // than the page, while WebKit draws without compositing (see src-tauri/src/drawing.rs).
        let (x, y, w, h) = self.client.get_window_rect().await?;
        let crop = format!("{w}x{h}+{x}+{y}");
        let out = Command::new("import")
            .args(["-display", &self.display, "-window", "root", "-crop", &crop, "+repage"])
            .arg(&path)
            .output()
            .map_err(|e| format!("cannot run `import` (package imagemagick; make test installs it): {e}"))?;
        if !out.status.success() {
            return Err(format!("`import` could not capture the screen: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        Ok(path)
    }

    /// A screenshot named after the moment of failure, so a red journey can be looked at.
    async fn failure_shot(&self) -> String {
        match self.screenshot(&format!("failure-{}", nanos())).await {
            Ok(p) => p.display().to_string(),
            Err(e) => format!("not taken: {e}"),
        }
    }

    /// The config/data home the app runs with, for journeys that check its files.
    pub fn home(&self) -> &Path {
        self.home.path()
    }
}

/// WebDriver key codes.
pub mod key {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const TAB: &str = "\u{E004}";
    pub const CONTROL: &str = "\u{E009}";
    pub const SHIFT: &str = "\u{E008}";
    /// Releases held modifiers.
    pub const NULL: &str = "\u{E000}";
    pub const DOWN: &str = "\u{E015}";
}

/// Make a case file with the real core, for journeys that start from known data.
pub fn demo_file(dir: &Scratch, name: &str) -> PathBuf {
    let path = dir.join(name);
    let as_of = chrono_today();
    casefile_core::demo::write(&path, &casefile_core::demo::DemoOptions { seed: 1, entries: 0, as_of: Some(as_of) }).expect("write demo");
    path
}

fn chrono_today() -> casefile_core::chrono::NaiveDate {
    casefile_core::chrono::Local::now().date_naive()
}

/// SHA-256 of a file's bytes, to prove a journey left it untouched.
pub fn file_hash(path: &Path) -> String {
    casefile_core::hash::sha256_hex(&std::fs::read(path).expect("read file"))
}

/// Click failures that go away by themselves: something briefly on top, or a re-render.
fn is_transient(e: &fantoccini::error::CmdError) -> bool {
    use fantoccini::error::{CmdError, ErrorStatus};
    matches!(
        e,
        CmdError::Standard(w) if matches!(w.error, ErrorStatus::ElementClickIntercepted | ErrorStatus::StaleElementReference | ErrorStatus::ElementNotInteractable)
    )
}
