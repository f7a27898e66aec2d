//! The full-screen app in a real terminal: tmux runs the real binary in a
//! fixed 80×24 window, the tests press keys and read the screen, and after
//! the app exits the pane shows `EXITED:<code>` and `stty -a`, so the tests
//! can check that the terminal was given back (RELIABILITY.md, promise 6 and
//! matrix rows 3, 14, 15, 16, 20).
//!
//! Each test has its own tmux server (socket) and data directory, so they run
//! in parallel. Every wait polls the screen with a deadline; no sleep is used
//! to synchronise. Without tmux each test says so and passes.
//!
//! Not here: "the day count moves at midnight" (row 21) needs a clock that
//! moves while the app is open, and `BREATHER_NOW` fixes it for the whole
//! process, so that row is covered without a terminal instead, by
//! `a_tick_past_midnight_moves_today_and_the_count` in `tests/tui_update.rs`.

#[path = "e2e/tmux.rs"]
mod tmux;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;
use tmux::{STTY_END, Tmux, shows};

const BIN: &str = env!("CARGO_BIN_EXE_breather");

/// A Monday morning, for a journey that has not started.
const MONDAY: &str = "2027-01-04T08:00";

/// The day a reflection week from 2027-01-01 is decided (see [`Sandbox::decided`]).
const DECIDED: &str = "2027-01-08T08:00";

/// The process name of the app (what `/proc/PID/stat` shows).
const APP: &str = "breather";

/// How soon the app must be gone after a signal or a closed terminal.
const EXIT_WITHIN: Duration = Duration::from_secs(2);

/// Returns early (passing) with a note when tmux is not installed.
macro_rules! require_tmux {
    () => {
        if !tmux::available() {
            println!("skipped: tmux not installed");
            return;
        }
    };
}

/// One test's private home and data directory.
struct Sandbox {
    root: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Sandbox {
            root: tempfile::tempdir().expect("a temporary directory can be created"),
        }
    }

    /// The `--data-dir` (created by the app on its first write).
    fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    fn data_file(&self) -> PathBuf {
        self.data_dir().join("breather.json")
    }

    /// The data file, parsed.
    fn journey(&self) -> Value {
        let text = std::fs::read_to_string(self.data_file()).expect("the data file exists");
        serde_json::from_str(&text).expect("the data file is JSON")
    }

    /// The environment every run gets: a fixed clock in UTC and a home of
    /// its own, so nothing of the person running the tests leaks in.
    fn env(&self, now: &str) -> Vec<(&'static str, String)> {
        let home = self.root.path();
        vec![
            ("TZ", "UTC".to_owned()),
            ("BREATHER_NOW", now.to_owned()),
            ("HOME", path_str(home).to_owned()),
            ("XDG_DATA_HOME", path_str(&home.join("xdg-data")).to_owned()),
            (
                "XDG_CONFIG_HOME",
                path_str(&home.join("xdg-config")).to_owned(),
            ),
        ]
    }

    /// A CLI command at `now`, not on a terminal.
    fn cli_command(&self, now: &str) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.arg("--data-dir")
            .arg(self.data_dir())
            .envs(self.env(now))
            .env_remove("BREATHER_DATA_DIR")
            .env_remove("NO_COLOR")
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .stdin(Stdio::null());
        cmd
    }

    /// Runs a CLI command at `now` and asserts it succeeded.
    fn cli(&self, now: &str, args: &[&str]) {
        let out = self
            .cli_command(now)
            .args(args)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "`breather {}` at {now} failed ({:?}): {}",
            args.join(" "),
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Seven morning answers from 2027-01-01, then `decide reconnect` on
    /// 2027-01-08: day 0 of the count on [`DECIDED`].
    fn decided(&self) {
        for day in 1..=7 {
            let now = format!("2027-01-{day:02}T08:00");
            self.cli(&now, &["reflect", &format!("Morning {day}: honest words.")]);
        }
        self.cli(DECIDED, &["decide", "reconnect"]);
    }

    /// The pane's script: `run` (a command line for `sh`), then the exit
    /// code and the terminal's settings, then a long sleep so the pane stays
    /// readable.
    fn script(&self, now: &str, run: &str) -> String {
        let env: Vec<String> = self
            .env(now)
            .into_iter()
            .map(|(k, v)| format!("{k}={}", tmux::quote(&v)))
            .collect();
        format!(
            "env -u BREATHER_DATA_DIR -u NO_COLOR -u EDITOR -u VISUAL -u TMUX {} {run}; \
             echo EXITED:$?; stty -a; echo {STTY_END}; sleep 60",
            env.join(" "),
        )
    }

    /// The app's command line for `sh`.
    fn app_command(&self) -> String {
        format!(
            "{} --data-dir {}",
            tmux::quote(BIN),
            tmux::quote_path(&self.data_dir())
        )
    }

    /// Opens the app at `now` in a fresh 80×24 terminal.
    fn open(&self, label: &str, now: &str) -> Tmux {
        Tmux::start(label, 80, 24, &self.script(now, &self.app_command()))
    }
}

fn path_str(p: &std::path::Path) -> &str {
    p.to_str().expect("test paths are UTF-8")
}

/// The app's pid: the `breather` child of the pane's shell.
fn app_pid(t: &Tmux) -> u32 {
    let shell = t.pane_pid();
    let mut found = Vec::new();
    t.wait_until("the app's process", |_| {
        found = tmux::children_named(shell, APP);
        found.len() == 1
    });
    found[0]
}

/// After the app exited: the exit code was `code`, and the terminal is
/// back in cooked mode, on the main screen, with the cursor shown.
fn assert_terminal_restored(t: &Tmux, code: i32) {
    let screen = t.wait_until("the exit code and `stty -a`", |s| shows(s, STTY_END));
    assert!(
        shows(&screen, &format!("EXITED:{code}")),
        "the app should exit with {code}:\n{}",
        tmux::framed(&screen)
    );
    let settings = screen
        .split("EXITED:")
        .nth(1)
        .expect("the exit line is on screen");
    let words: Vec<&str> = settings.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&flag) && !words.contains(&format!("-{flag}").as_str()),
            "the terminal is not back in cooked mode (`{flag}`):\n{}",
            tmux::framed(&screen)
        );
    }
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "the alternate screen is still on"
    );
    assert_eq!(
        t.format("#{cursor_flag}"),
        "1",
        "the cursor is still hidden"
    );
}

/// Waits for the first-run Today screen.
fn wait_for_welcome(t: &Tmux) {
    t.wait_for("Welcome. This is a quiet place for the weeks after a breakup.");
    t.wait_for("Press r to write your first answer.");
}

/// Starts the app, opens today's reflection editor and types `text`.
fn open_with_text_in_editor(s: &Sandbox, label: &str, text: &str) -> Tmux {
    let t = s.open(label, MONDAY);
    wait_for_welcome(&t);
    t.press(&["r"]);
    t.wait_for("Today's answer");
    t.type_text(text);
    t.wait_for(text);
    t
}

#[test]
fn typing_a_reflection_saves_it_and_quitting_restores_the_terminal() {
    require_tmux!();
    let s = Sandbox::new();
    let t = s.open("reflect", MONDAY);
    wait_for_welcome(&t);
    t.wait_for("not started");
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "the app uses the alternate screen"
    );
    assert_eq!(
        t.format("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}"),
        "000",
        "mouse capture is off by default"
    );

    t.press(&["r"]);
    t.wait_for("Why do I want my ex to miss me?");
    // Keys that are commands outside the editor (q, r, u, a, digits, ?) are text here.
    let answer = "quiet mornings: 4 pages read, 1 urge resisted, and a walk?";
    t.type_text(answer);
    t.wait_for(answer);
    t.press(&["C-s"]);
    t.wait_for("Saved today's answer (1 of 7 mornings).");
    t.wait_for("reflection · 1/7");

    t.press(&["q"]);
    assert_terminal_restored(&t, 0);

    let journey = s.journey();
    let reflections = journey["reflections"]
        .as_array()
        .expect("reflections is an array");
    assert_eq!(reflections.len(), 1, "{journey:#}");
    assert_eq!(reflections[0]["text"], answer);
    assert_eq!(reflections[0]["date"], "2027-01-04");
}

#[test]
fn a_cli_write_shows_up_in_the_open_app() {
    require_tmux!();
    let s = Sandbox::new();
    s.decided();
    let t = s.open("cli-write", DECIDED);
    t.wait_for("no contact · day 0");
    t.press(&["4"]);
    t.wait_for("Nothing logged yet");

    s.cli(DECIDED, &["log", "Pottery class", "--category", "class"]);
    t.wait_until_within(
        Duration::from_secs(5),
        "the activity logged from the CLI",
        |screen| shows(screen, "Pottery class"),
    );

    t.press(&["a"]);
    t.wait_for("Something you did for yourself");
    t.type_text("Evening run");
    t.wait_for("Evening run");
    t.press(&["C-s"]);
    t.wait_for("Logged. That's your life, going on.");
    t.wait_until("both activities in the list", |screen| {
        shows(screen, "Evening run") && !shows(screen, "Something you did for yourself")
    });

    // A CLI write the app has not noticed yet: its own next save must keep it.
    s.cli(DECIDED, &["log", "Climbing wall", "--category", "fitness"]);
    t.press(&["a"]);
    t.wait_for("Something you did for yourself");
    t.type_text("Sketching");
    t.press(&["C-s"]);
    t.wait_until("all four activities in the list", |screen| {
        ["Pottery class", "Evening run", "Climbing wall", "Sketching"]
            .iter()
            .all(|title| shows(screen, title))
    });

    t.press(&["q"]);
    assert_terminal_restored(&t, 0);
    let journey = s.journey();
    let mut titles: Vec<&str> = journey["activities"]
        .as_array()
        .expect("activities is an array")
        .iter()
        .map(|a| a["title"].as_str().expect("a title is a string"))
        .collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        ["Climbing wall", "Evening run", "Pottery class", "Sketching"],
        "{journey:#}"
    );
}

/// Sends `signal` to the app (in an editor, with text typed) and checks
/// that it ends within 2 s, exiting with 128 + the signal's number, and
/// gives the terminal back.
fn a_signal_restores_the_terminal(signal: &str, number: i32) {
    let s = Sandbox::new();
    let t = open_with_text_in_editor(&s, &signal.to_lowercase(), "half a thought");
    let pid = app_pid(&t);
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill can be run");
    assert!(status.success(), "kill -{signal} {pid} failed");
    assert!(
        tmux::wait_gone(pid, APP, EXIT_WITHIN).is_some(),
        "the app still runs {EXIT_WITHIN:?} after SIG{signal} (CPU ticks: {:?}):\n{}",
        tmux::cpu_ticks(pid),
        tmux::framed(&t.screen())
    );
    assert_terminal_restored(&t, 128 + number);
}

#[test]
fn sigterm_restores_the_terminal() {
    require_tmux!();
    a_signal_restores_the_terminal("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    require_tmux!();
    a_signal_restores_the_terminal("HUP", 1);
}

#[test]
fn sigterm_keeps_the_text_of_an_open_editor() {
    require_tmux!();
    let s = Sandbox::new();
    let canary = "canary-7f3a unsent words about the weekend";
    let t = open_with_text_in_editor(&s, "sigterm-unsaved", canary);
    let pid = app_pid(&t);
    let status = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill can be run");
    assert!(status.success());
    assert_terminal_restored(&t, 143);
    drop(t);

    // Wherever it was kept (the entry itself, or a draft to bring back), it
    // is somewhere in the data directory.
    let mut kept = false;
    let mut stack = vec![s.data_dir()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .is_ok_and(|b| String::from_utf8_lossy(&b).contains(canary))
            {
                kept = true;
            }
        }
    }
    assert!(
        kept,
        "the text typed before SIGTERM is nowhere in {}",
        s.data_dir().display()
    );
}

#[test]
fn closing_the_terminal_window_ends_the_app_without_spinning() {
    require_tmux!();
    let s = Sandbox::new();
    let t = open_with_text_in_editor(&s, "close-window", "typing when the window closed");
    let pid = app_pid(&t);
    let before = tmux::cpu_ticks(pid);
    t.kill_session();
    if tmux::wait_gone(pid, APP, EXIT_WITHIN).is_none() {
        let during = tmux::cpu_ticks(pid);
        std::thread::sleep(Duration::from_millis(500));
        let after = tmux::cpu_ticks(pid);
        panic!(
            "the app still runs {EXIT_WITHIN:?} after its terminal closed \
             (CPU ticks before {before:?}, at the deadline {during:?}, 0.5 s later {after:?})"
        );
    }
}

#[test]
fn no_terminal_means_one_sentence_and_exit_2() {
    let s = Sandbox::new();
    let out = s
        .cli_command(MONDAY)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.ends_with('\n') && stderr.lines().count() == 1 && !stderr.trim().is_empty(),
        "stderr should be one sentence on one line: {stderr:?}"
    );
    assert!(
        stderr.contains("terminal"),
        "the sentence says why: {stderr:?}"
    );
    assert!(
        !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
        "no escape sequence is written: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        !s.data_file().exists(),
        "nothing is written when the app cannot open"
    );
}

#[test]
fn half_a_terminal_is_refused_without_touching_it() {
    require_tmux!();
    let s = Sandbox::new();
    let out = s.root.path().join("stdout.txt");
    // Keyboard on a terminal but output to a file, then the other way round.
    let run = format!(
        "{app} > {out}; echo FIRST:$?; {app} < /dev/null",
        app = s.app_command(),
        out = tmux::quote_path(&out),
    );
    let t = Tmux::start("half", 80, 24, &s.script(MONDAY, &run));
    let screen = t.wait_until("both runs", |s| shows(s, STTY_END));
    assert!(
        shows(&screen, "FIRST:2"),
        "stdout not a terminal: exit 2\n{}",
        tmux::framed(&screen)
    );
    assert!(
        shows(&screen, "The app needs a terminal"),
        "{}",
        tmux::framed(&screen)
    );
    assert_terminal_restored(&t, 2);
    let written = std::fs::read(&out).expect("the redirected stdout exists");
    assert!(
        written.is_empty(),
        "nothing on a stdout that is not a terminal: {:?}",
        String::from_utf8_lossy(&written)
    );
    assert!(!s.data_file().exists(), "nothing is written");
}

#[test]
fn a_tiny_window_says_too_small_and_keeps_what_was_typed() {
    require_tmux!();
    let s = Sandbox::new();
    let text = "the window shrank, and these words stayed";
    let t = open_with_text_in_editor(&s, "tiny", text);

    t.resize(30, 8);
    let small = t.wait_for("The terminal is 30×8; breather needs at least 60×16.");
    assert!(
        shows(&small, "nothing you typed is lost") && !shows(&small, "these words"),
        "only the too-small message at 30×8:\n{}",
        tmux::framed(&small)
    );
    // Smaller still: nothing to draw, nothing to break.
    t.resize(10, 3);
    t.wait_for("The terminal is");
    t.resize(1, 1);
    t.wait_until("a 1×1 window", |screen| screen.lines().count() <= 1);
    t.resize(80, 24);
    t.wait_for("Today's answer");
    t.wait_for(text);

    t.press(&["C-s"]);
    t.wait_for("Saved today's answer (1 of 7 mornings).");
    t.press(&["q"]);
    assert_terminal_restored(&t, 0);
    assert_eq!(s.journey()["reflections"][0]["text"], text);
}

/// Opens the app with a debug-only fault armed (`BREATHER_TEST_FAULT`),
/// fires it with F12 while an editor holds text, and checks the terminal.
fn a_fault_restores_the_terminal(fault: &str, label: &str, code: i32) {
    let s = Sandbox::new();
    let run = format!("BREATHER_TEST_FAULT={fault} {}", s.app_command());
    let t = Tmux::start(label, 80, 24, &s.script(MONDAY, &run));
    wait_for_welcome(&t);
    t.press(&["r"]);
    t.wait_for("Today's answer");
    t.type_text("words in the editor");
    t.wait_for("words in the editor");
    t.press(&["F12"]);
    assert_terminal_restored(&t, code);
}

#[test]
fn a_panic_inside_the_app_restores_the_terminal() {
    require_tmux!();
    a_fault_restores_the_terminal("panic", "fault-panic", 101);
}

#[test]
fn an_error_returned_from_the_loop_restores_the_terminal() {
    require_tmux!();
    a_fault_restores_the_terminal("error", "fault-error", 1);
}
