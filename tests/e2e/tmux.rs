//! A real terminal for end-to-end tests: a private tmux server (its own
//! `-L` socket, no config file) running one fixed-size session, driven with
//! `send-keys` and read with `capture-pane`. Every wait polls with a
//! deadline; the server is killed when the handle is dropped.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a condition may take before the test fails (generous: CI is slow).
pub const DEADLINE: Duration = Duration::from_secs(10);

/// How often the pane is read while waiting.
const POLL: Duration = Duration::from_millis(25);

/// The line the session script prints after the app's exit code and `stty -a`.
pub const STTY_END: &str = "STTY-END";

/// Whether `tmux` can be run at all.
pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Quotes `s` for `sh` (single quotes, with embedded ones escaped).
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Quotes a path for `sh`.
pub fn quote_path(p: &Path) -> String {
    quote(p.to_str().expect("test paths are UTF-8"))
}

/// A private tmux server with one session, `s`, whose single pane runs a
/// shell script. Killed (with everything in it) on drop.
pub struct Tmux {
    socket: String,
    /// The socket file, removed on drop (tmux leaves it behind).
    socket_path: Option<PathBuf>,
}

impl Tmux {
    /// Starts a server on a fresh socket named after `label`, with a detached
    /// `width`×`height` session running `script` through `sh -c`.
    pub fn start(label: &str, width: u16, height: u16, script: &str) -> Tmux {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "breather-e2e-{}-{}-{label}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut tmux = Tmux {
            socket,
            socket_path: None,
        };
        tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "s",
            script,
        ]);
        tmux.socket_path = Some(PathBuf::from(tmux.format("#{socket_path}")));
        tmux
    }

    /// A `tmux` command on this server, with no config file and no outer
    /// tmux in the way.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .env_remove("TMUX_PANE")
            // The pane runs `/bin/sh -c SCRIPT`, whatever the user's shell.
            .env("SHELL", "/bin/sh")
            .stdin(Stdio::null());
        cmd
    }

    fn output(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("tmux can be run")
    }

    /// Runs a tmux command and asserts it succeeded; returns its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.output(args);
        assert!(
            out.status.success(),
            "tmux {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("tmux prints UTF-8")
    }

    /// The visible pane, one string with a newline after each row.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "s"])
    }

    /// A tmux format evaluated for the pane (`#{alternate_on}`, ...).
    pub fn format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "s", format])
            .trim_end()
            .to_owned()
    }

    /// The pid of the pane's shell (the parent of the app).
    pub fn pane_pid(&self) -> u32 {
        self.format("#{pane_pid}")
            .parse()
            .expect("pane_pid is a number")
    }

    /// Types `text` literally (every character is a key press).
    pub fn type_text(&self, text: &str) {
        // tmux reads an argument ending in `;` as a command separator.
        let text = match text.strip_suffix(';') {
            Some(head) => format!("{head}\\;"),
            None => text.to_owned(),
        };
        self.run(&["send-keys", "-t", "s", "-l", &text]);
    }

    /// Presses named keys (`C-s`, `Escape`, `q`, ...), one after another.
    pub fn press(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "s"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Resizes the (only) window.
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "s",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Kills the session: its pane's terminal closes (the processes in it
    /// get SIGHUP), as when a terminal window is closed.
    pub fn kill_session(&self) {
        self.run(&["kill-session", "-t", "s"]);
    }

    /// Polls the pane until `ready` holds for it, and returns that screen;
    /// fails with `what` and the last screen after [`DEADLINE`].
    pub fn wait_until(&self, what: &str, ready: impl FnMut(&str) -> bool) -> String {
        self.wait_until_within(DEADLINE, what, ready)
    }

    /// Like [`Tmux::wait_until`] with another deadline.
    pub fn wait_until_within(
        &self,
        deadline: Duration,
        what: &str,
        mut ready: impl FnMut(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < deadline,
                "waited {deadline:?} for {what}; the pane shows:\n{}",
                framed(&screen)
            );
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the pane shows `needle` (whitespace-insensitive, so a
    /// sentence the app wrapped over several rows still matches).
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?} on screen"), |s| shows(s, needle))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Errors are fine: the server may be gone already.
        let _ = self.command(&["kill-server"]).output();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Whether `screen` shows `needle`, comparing with every run of whitespace
/// (spaces, line ends, the padding of a wrapped paragraph) as one space.
pub fn shows(screen: &str, needle: &str) -> bool {
    flatten(screen).contains(&flatten(needle))
}

fn flatten(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The screen with a ruler on each side, for failure messages.
pub fn framed(screen: &str) -> String {
    let mut out = String::new();
    for line in screen.lines() {
        let _ = writeln!(out, "|{line}|");
    }
    out
}

/// What `/proc/PID/stat` says: the command name, the state letter and the
/// parent pid; `None` once the process is gone.
fn stat(pid: u32) -> Option<(String, char, u32)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let name = text[open + 1..close].to_owned();
    let mut rest = text[close + 1..].split_whitespace();
    let state = rest.next()?.chars().next()?;
    let parent = rest.next()?.parse().ok()?;
    Some((name, state, parent))
}

/// The running children of `parent` called `name`.
pub fn children_named(parent: u32, name: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| {
            stat(pid).is_some_and(|(n, state, p)| {
                p == parent && n == name && !matches!(state, 'Z' | 'X')
            })
        })
        .collect()
}

/// Whether `pid` (a process called `name`) still runs. A zombie has
/// exited: whether and when its new parent reaps it is not the app's doing.
pub fn is_running(pid: u32, name: &str) -> bool {
    stat(pid).is_some_and(|(n, state, _)| n == name && !matches!(state, 'Z' | 'X'))
}

/// Waits up to `deadline` for `pid` to stop running; returns how long it took,
/// or `None` (with the process's CPU state left for the caller to report).
pub fn wait_gone(pid: u32, name: &str, deadline: Duration) -> Option<Duration> {
    let start = Instant::now();
    loop {
        if !is_running(pid, name) {
            return Some(start.elapsed());
        }
        if start.elapsed() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// User + system CPU time of `pid` so far, in clock ticks (for reporting a spin).
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let close = text.rfind(')')?;
    let fields: Vec<&str> = text[close + 1..].split_whitespace().collect();
    // After the command name: state is field 3, utime 14, stime 15 (1-based).
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}
