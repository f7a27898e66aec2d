//! Shared helpers for the black-box CLI tests: every test gets its own data
//! directory and runs the real binary with a fixed clock (`BREATHER_NOW`),
//! UTC, no colour settings and no editor inherited from whoever runs the tests.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;
use chrono::{Days, NaiveDate};
use serde_json::Value;
use tempfile::TempDir;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_breather");

/// No single command may take longer than this (a hang is a failure, not a stuck suite).
const TIMEOUT: Duration = Duration::from_secs(60);

/// The stage names DESIGN.md lists.
pub const STAGES: [&str; 7] = [
    "not_started",
    "reflection",
    "verdict_due",
    "no_contact",
    "checkpoint_due",
    "reconnect",
    "moving_on",
];

/// A private temporary home for one test's data.
pub struct Sandbox {
    root: TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            root: tempfile::tempdir().expect("a temporary directory can be created"),
        }
    }

    /// The data directory handed to `--data-dir` (created by the app on its first write).
    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// `DATA_DIR/breather.json`.
    pub fn data_file(&self) -> PathBuf {
        self.data_dir().join("breather.json")
    }

    /// The data file's bytes, or `None` while it does not exist.
    pub fn file_bytes(&self) -> Option<Vec<u8>> {
        match std::fs::read(self.data_file()) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("cannot read {}: {e}", self.data_file().display()),
        }
    }

    /// The data file as text (for readable diffs), or `None` while it does not exist.
    pub fn file_text(&self) -> Option<String> {
        self.file_bytes()
            .map(|bytes| String::from_utf8(bytes).expect("the data file is UTF-8"))
    }

    /// Writes the data file directly (to plant a damaged one).
    pub fn plant_file(&self, bytes: &[u8]) {
        std::fs::create_dir_all(self.data_dir()).expect("data dir can be created");
        std::fs::write(self.data_file(), bytes).expect("data file can be written");
    }

    /// A `std::process::Command` for the binary at local time `now`, with a
    /// controlled environment (for tests that need to spawn it themselves).
    pub fn std_cmd(&self, now: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new(BIN);
        cmd.arg("--data-dir")
            .arg(self.data_dir())
            .env("BREATHER_NOW", now)
            .env("TZ", "UTC")
            .env("HOME", self.root.path())
            .env("XDG_DATA_HOME", self.root.path().join("xdg"))
            .env("XDG_CONFIG_HOME", self.root.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", self.root.path().join("xdg-cache"))
            .env_remove("XDG_RUNTIME_DIR")
            .env_remove("BREATHER_PASSPHRASE_FILE")
            .env_remove("BREATHER_DATA_DIR")
            .env_remove("NO_COLOR")
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LIB_BACKTRACE")
            .stdin(Stdio::null());
        cmd
    }

    /// An `assert_cmd::Command` for the binary at local time `now`
    /// (`YYYY-MM-DDTHH:MM`, in UTC since `TZ=UTC`). Standard input is an
    /// empty pipe unless the test writes to it.
    pub fn cmd(&self, now: &str) -> Command {
        let mut cmd = Command::from_std(self.std_cmd(now));
        cmd.timeout(TIMEOUT);
        cmd
    }

    /// Runs `args` at `now`, asserts exit 0, returns stdout.
    pub fn ok(&self, now: &str, args: &[&str]) -> String {
        let output = self.cmd(now).args(args).output().expect("the binary runs");
        assert!(
            output.status.success(),
            "`breather {}` at {now} failed with {:?}\nstdout: {}\nstderr: {}",
            args.join(" "),
            output.status.code(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        String::from_utf8(output.stdout).expect("stdout is UTF-8")
    }

    /// `status --json` at `now`, checked against the shape DESIGN.md promises.
    pub fn status(&self, now: &str) -> Value {
        let stdout = self.ok(now, &["status", "--json"]);
        let value: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("status --json is not JSON ({e}): {stdout}"));
        assert_status_shape(&value);
        value
    }

    /// `status --short` at `now`: one line, at most 60 characters, no escape
    /// codes (stdout is a pipe, and `NO_COLOR` is unset on purpose).
    pub fn short(&self, now: &str) -> String {
        let stdout = self.ok(now, &["status", "--short"]);
        assert_one_short_line(&stdout);
        stdout.trim_end_matches('\n').to_owned()
    }

    /// `list KIND --json` at `now`, as an array.
    pub fn list(&self, now: &str, kind: &str) -> Vec<Value> {
        let stdout = self.ok(now, &["list", kind, "--json"]);
        match serde_json::from_str(&stdout) {
            Ok(Value::Array(items)) => items,
            other => panic!("list {kind} --json is not an array: {other:?}\n{stdout}"),
        }
    }

    /// Seven morning answers (08:00) on seven days from `first_day` (YYYY-MM-DD).
    pub fn reflection_week(&self, first_day: &str) {
        let first = date(first_day);
        for n in 0..7 {
            let day = first + Days::new(n);
            self.ok(
                &format!("{day}T08:00"),
                &[
                    "reflect",
                    &format!("Day {} of the week: honest words.", n + 1),
                ],
            );
        }
    }

    /// Asserts a refused action: exit 2, nothing on stdout, exactly one
    /// non-empty line on stderr, and the data file untouched (byte for byte,
    /// or still absent). Returns the stderr line.
    pub fn refused(&self, now: &str, args: &[&str]) -> String {
        self.refused_with(self.cmd(now).args(args), args)
    }

    /// Like [`Sandbox::refused`], for a command the test built itself.
    pub fn refused_with(&self, cmd: &mut Command, args: &[&str]) -> String {
        let before = self.file_bytes();
        let output = cmd.output().expect("the binary runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(
            output.status.code(),
            Some(2),
            "`breather {}` should be refused with exit 2\nstdout: {stdout}\nstderr: {stderr}",
            args.join(" ")
        );
        assert!(
            stdout.is_empty(),
            "a refusal prints nothing on stdout: {stdout}"
        );
        assert_one_line(&stderr);
        assert!(
            self.file_bytes() == before,
            "`breather {}` was refused but changed {}",
            args.join(" "),
            self.data_file().display()
        );
        stderr
    }

    /// Asserts that the argument parser rejects `args` (exit 2), naming
    /// `bad_value` on stderr, with the data file untouched.
    pub fn rejected_by_parser(&self, now: &str, args: &[&str], bad_value: &str) -> String {
        let before = self.file_bytes();
        let output = self.cmd(now).args(args).output().expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(
            output.status.code(),
            Some(2),
            "`breather {}` should be rejected with exit 2\nstderr: {stderr}",
            args.join(" ")
        );
        assert!(
            stderr.contains(bad_value),
            "stderr should name {bad_value:?}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "nothing on stdout");
        assert!(self.file_bytes() == before, "the data file is untouched");
        stderr
    }
}

/// A `YYYY-MM-DD` date.
pub fn date(s: &str) -> NaiveDate {
    s.parse()
        .unwrap_or_else(|e| panic!("test date {s:?} is valid: {e}"))
}

/// The keys of a JSON object, sorted.
pub fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("expected an object, got {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

/// `status --json` has exactly the keys DESIGN.md lists, with the right types.
pub fn assert_status_shape(v: &Value) {
    assert_eq!(
        keys(v),
        set(&["stage", "path", "reflection", "no_contact", "activities"]),
        "{v:#}"
    );
    let stage = v["stage"].as_str().expect("stage is a string");
    assert!(STAGES.contains(&stage), "unknown stage {stage}");
    assert!(
        v["path"].is_null() || v["path"] == "reconnect" || v["path"] == "move_on",
        "path is reconnect, move_on or null: {}",
        v["path"]
    );

    let r = &v["reflection"];
    assert_eq!(keys(r), set(&["answered", "of", "answered_today"]), "{v:#}");
    assert!(r["answered"].is_u64(), "{r}");
    assert_eq!(r["of"], 7);
    assert!(r["answered_today"].is_boolean(), "{r}");

    let c = &v["no_contact"];
    if !c.is_null() {
        assert_eq!(
            keys(c),
            set(&[
                "started_on",
                "days_done",
                "target_days",
                "days_left",
                "slips",
                "longest_streak",
                "total_silent_days",
            ]),
            "{v:#}"
        );
        let started = c["started_on"].as_str().expect("started_on is a string");
        date(started);
        for key in [
            "days_done",
            "target_days",
            "days_left",
            "slips",
            "longest_streak",
            "total_silent_days",
        ] {
            assert!(c[key].is_u64(), "{key} is a whole number: {c}");
        }
    }

    let a = &v["activities"];
    assert_eq!(keys(a), set(&["total", "last_7_days"]), "{v:#}");
    assert!(a["total"].is_u64() && a["last_7_days"].is_u64(), "{a}");
}

/// Text that is exactly one non-empty line, newline-terminated.
pub fn assert_one_line(text: &str) {
    assert!(
        text.ends_with('\n') && text.matches('\n').count() == 1,
        "expected exactly one line, got {text:?}"
    );
    assert!(!text.trim().is_empty(), "expected a non-empty line");
}

/// One line of at most 60 Unicode scalar values, without ESC.
pub fn assert_one_short_line(text: &str) {
    assert_one_line(text);
    let line = text.trim_end_matches('\n');
    assert!(
        line.chars().count() <= 60,
        "{} characters, more than 60: {line:?}",
        line.chars().count()
    );
    assert!(!text.contains('\u{1b}'), "no escape codes: {text:?}");
}
