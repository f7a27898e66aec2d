//! Encryption under faults (RELIABILITY.md promise 5, matrix row 26): a
//! `kill -9` in the middle of encrypt, passphrase or decrypt loses nothing;
//! and a canary string typed through the command line and the app (tmux),
//! then a normal exit, a `kill -9`, SIGTERM and a panic, is found nowhere on
//! disk: not in the data directory, the cache, `XDG_RUNTIME_DIR`, `/tmp` or
//! `/dev/shm` — only inside the encrypted file.

mod common;
#[path = "common/encrypted.rs"]
mod encrypted;
// Only some of the terminal helpers are used here.
#[allow(dead_code)]
#[path = "e2e/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use breather::storage::crypt::{Keys, is_sealed};
use encrypted::{FIRST, Journal, SECOND, secret, stderr};
use tmux::{STTY_END, Tmux, shows};

/// Every file in the data directory holds `original` — plain, or encrypted
/// to a key that one of `passphrases` unlocks — and a leftover temp file of
/// a killed save is never plain when `plain_temps_allowed` is false.
fn assert_nothing_lost(
    j: &Journal,
    passphrases: &[&str],
    original: &[u8],
    plain_temps_allowed: bool,
) {
    let files = j.files();
    let keys = files.get("breather.key").map(|key| {
        passphrases
            .iter()
            .find_map(|p| Keys::unwrap(key, &secret(p)).ok())
            .expect("one of the passphrases opens the key file")
    });
    for (name, bytes) in &files {
        let base = name.rsplit('/').next().unwrap_or(name);
        if name == "breather.key" || name == "breather.lock" {
            continue;
        }
        if base.starts_with('.') {
            assert!(
                plain_temps_allowed || bytes.is_empty() || is_sealed(bytes),
                "a plain temp file {name} while encrypting"
            );
            continue;
        }
        let plain = if is_sealed(bytes) {
            keys.as_ref()
                .expect("an encrypted file has its key file")
                .open(bytes)
                .unwrap_or_else(|e| panic!("{name} does not open: {e:?}"))
        } else {
            bytes.clone()
        };
        assert!(plain == original, "{name} lost its contents");
    }
}

/// Starts `cmd` and kills it (`kill -9`) after `delay`, if still running.
fn kill_after(cmd: &mut std::process::Command, delay: Duration) {
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawns");
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_kill_in_the_middle_of_any_conversion_loses_nothing() {
    let j = Journal::new();
    let original =
        breather::storage::schema::encode(&breather::synth::journey(90)).expect("encodes");
    let backups = j.data_dir().join("backups");
    std::fs::create_dir_all(&backups).expect("dirs");
    std::fs::write(j.data_dir().join("breather.json"), &original).expect("seeded");
    for day in 1..=14 {
        std::fs::write(
            backups.join(format!("breather-2026-12-{day:02}.json")),
            &original,
        )
        .expect("seeded");
    }
    let now = "2027-01-05T08:00";
    let key = j.data_dir().join("breather.key");
    // Pseudo-random moments over the first 300 ms (a conversion of these
    // fifteen files takes about 150 to 300 ms here, most of it fsync).
    let mut seed: u64 = 0x5eed;
    let mut delay = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        Duration::from_micros((seed >> 33) % 300_000)
    };
    for _ in 0..8 {
        kill_after(j.std_cmd(now, Some(FIRST)).arg("encrypt"), delay());
        assert_nothing_lost(&j, &[FIRST], &original, false);
        let all_sealed = |j: &Journal| {
            j.files().iter().all(|(name, bytes)| {
                name == "breather.lock" || name == "breather.key" || is_sealed(bytes)
            })
        };
        // Killed too late, it had finished: running it again is then refused.
        if !(key.exists() && all_sealed(&j)) {
            j.ok(now, Some(FIRST), &["encrypt"]);
        }
        assert!(all_sealed(&j));

        let mut change = j.std_cmd(now, Some(FIRST));
        change
            .env("BREATHER_NEW_PASSPHRASE_FILE", j.pass_file(SECOND))
            .arg("passphrase");
        kill_after(&mut change, delay());
        assert_nothing_lost(&j, &[FIRST, SECOND], &original, false);
        let wrapped = std::fs::read(&key).expect("key file");
        let current = if Keys::unwrap(&wrapped, &secret(SECOND)).is_ok() {
            SECOND
        } else {
            FIRST
        };
        let out = j.change_passphrase(now, current, SECOND);
        assert!(out.status.success(), "{}", stderr(&out));
        let wrapped = std::fs::read(&key).expect("key file");
        assert_eq!(
            Keys::unwrap(&wrapped, &secret(SECOND)).expect("new").len(),
            1
        );

        kill_after(j.std_cmd(now, Some(SECOND)).arg("decrypt"), delay());
        assert_nothing_lost(&j, &[SECOND], &original, true);
        if key.exists() {
            j.ok(now, Some(SECOND), &["decrypt"]);
        }
        assert_nothing_lost(&j, &[], &original, true);
    }
}

/// A Monday morning.
const MONDAY: &str = "2027-01-04T08:00";

/// Every regular file under `root` (symbolic links not followed) changed
/// since `since` (its status-change time, which no program can set back)
/// whose bytes contain `needle`. Older files cannot hold what this test
/// typed, and /tmp may hold gigabytes of them.
fn files_containing(root: &Path, needle: &[u8], since: i64) -> Vec<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let mut found = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file()
                && entry.metadata().is_ok_and(|m| m.ctime() >= since)
                && std::fs::read(&path)
                    .is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle))
            {
                found.push(path);
            }
        }
    }
    found
}

/// The environment of the app in a tmux pane, as a prefix for `sh`.
fn pane_env(j: &Journal, extra: &[(&str, &str)]) -> String {
    let root = j.aside.path();
    let mut vars = vec![
        ("TZ", "UTC".to_owned()),
        ("BREATHER_NOW", MONDAY.to_owned()),
        ("HOME", root.display().to_string()),
        ("XDG_DATA_HOME", root.join("xdg-data").display().to_string()),
        (
            "XDG_CONFIG_HOME",
            root.join("xdg-config").display().to_string(),
        ),
        ("XDG_CACHE_HOME", j.cache_dir().display().to_string()),
        ("XDG_RUNTIME_DIR", j.runtime_dir().display().to_string()),
        ("BREATHER_TEST_WORK_FACTOR", "10".to_owned()),
    ];
    vars.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let vars: Vec<String> = vars
        .into_iter()
        .map(|(k, v)| format!("{k}={}", tmux::quote(&v)))
        .collect();
    format!(
        "env -u BREATHER_DATA_DIR -u BREATHER_PASSPHRASE_FILE -u NO_COLOR -u TMUX -u VISUAL {}",
        vars.join(" ")
    )
}

/// Runs `breather ARGS` in a fresh 80×24 tmux pane; the pane then shows
/// `EXITED:<code>` and stays open.
fn in_pane(j: &Journal, label: &str, extra: &[(&str, &str)], args: &str) -> Tmux {
    let script = format!(
        "{} {} --data-dir {} {args}; echo EXITED:$?; echo {STTY_END}; sleep 60",
        pane_env(j, extra),
        tmux::quote(env!("CARGO_BIN_EXE_breather")),
        tmux::quote_path(&j.data_dir()),
    );
    Tmux::start(label, 80, 24, &script)
}

/// Types the passphrase at the masked prompt and checks it is not shown.
fn unlock(t: &Tmux) {
    t.wait_for("Passphrase for breather:");
    t.type_text(FIRST);
    t.press(&["Enter"]);
    assert!(!shows(&t.screen(), FIRST), "the passphrase is echoed");
}

/// Opens the app (unlocking it), and types `text` into a new journal entry.
fn app_with_entry(j: &Journal, label: &str, extra: &[(&str, &str)], text: &str) -> Tmux {
    let t = in_pane(j, label, extra, "");
    unlock(&t);
    t.wait_for("reflection");
    t.press(&["5"]);
    t.press(&["a"]);
    t.wait_for("Whatever is on your mind today.");
    t.type_text(text);
    t.wait_for(text);
    t
}

fn exited(t: &Tmux, code: i32) {
    let screen = t.wait_until("the exit code", |s| shows(s, STTY_END));
    assert!(
        shows(&screen, &format!("EXITED:{code}")),
        "expected exit {code}:\n{}",
        tmux::framed(&screen)
    );
}

/// The app's pid: the `breather` child of the pane's shell.
fn app_pid(t: &Tmux) -> u32 {
    let shell = t.pane_pid();
    let mut found = Vec::new();
    t.wait_until("the app's process", |_| {
        found = tmux::children_named(shell, "breather");
        found.len() == 1
    });
    found[0]
}

fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill {signal} {pid}");
}

#[test]
fn a_canary_never_reaches_the_disk() {
    if !tmux::available() {
        println!("skipped: tmux not installed");
        return;
    }
    let j = Journal::new();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    // Built at run time, so not even this test's binary holds it.
    let canary = format!("qz{}canary{nanos}wx", std::process::id());
    // A second early, for file systems with coarse timestamps.
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        - 1;
    j.ok(MONDAY, None, &["reflect", "An ordinary first morning."]);
    j.ok(MONDAY, Some(FIRST), &["encrypt"]);

    through_the_command_line(&j, &canary);
    through_the_editor(&j, &canary);
    through_the_app(&j, &canary);

    // Nowhere on disk in the clear.
    let roots = [
        j.data_dir(),
        j.cache_dir(),
        j.runtime_dir(),
        j.aside.path().to_owned(),
        PathBuf::from("/tmp"),
        PathBuf::from("/dev/shm"),
        std::env::temp_dir(),
    ];
    for root in &roots {
        let found = files_containing(root, canary.as_bytes(), started);
        assert!(
            found.is_empty(),
            "the canary is on disk in the clear: {found:?}"
        );
    }
    // And it was typed and kept, encrypted: the test is not vacuous.
    let key = std::fs::read(j.data_dir().join("breather.key")).expect("key file");
    let keys = Keys::unwrap(&key, &secret(FIRST)).expect("unlocks");
    let data = std::fs::read(j.data_dir().join("breather.json")).expect("data");
    assert!(is_sealed(&data));
    let plain = String::from_utf8(keys.open(&data).expect("opens")).expect("UTF-8");
    for kept in [
        "as an argument",
        "through a pipe",
        "then a panic",
        "via the editor",
        "saved in the app",
        "unsaved, SIGTERM",
    ] {
        assert!(
            plain.contains(&format!("{canary} {kept}")),
            "{kept:?} was not kept"
        );
    }
}

/// An argument, a pipe, a panic after a save, and `kill -9` during saves.
fn through_the_command_line(j: &Journal, canary: &str) {
    // The command line: an argument, a pipe, then a panic after a save.
    j.ok(
        MONDAY,
        Some(FIRST),
        &["journal", &format!("{canary} as an argument")],
    );
    j.cmd(MONDAY, Some(FIRST))
        .arg("urge")
        .write_stdin(format!("{canary} through a pipe"))
        .assert()
        .success();
    let panicked = j
        .cmd(MONDAY, Some(FIRST))
        .env("BREATHER_TEST_PANIC", "1")
        .args(["journal", &format!("{canary} then a panic")])
        .output()
        .expect("runs");
    assert_eq!(panicked.status.code(), Some(101), "{}", stderr(&panicked));
    assert!(
        !stderr(&panicked).contains(canary),
        "the panic names no entry text"
    );
    // `kill -9` at several moments of a save.
    for ms in [0, 3, 10, 25, 60] {
        kill_after(
            j.std_cmd(MONDAY, Some(FIRST))
                .args(["journal", &format!("{canary} killed")])
                .stdin(Stdio::null()),
            Duration::from_millis(ms),
        );
    }
}

/// `$EDITOR` on a terminal: its file lives in `XDG_RUNTIME_DIR`, and goes.
fn through_the_editor(j: &Journal, canary: &str) {
    let editor = j.aside.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '%s via the editor' \"$CANARY\" > \"$1\"\n",
    )
    .expect("an editor script");
    let writes_then_waits = j.aside.path().join("slow-editor.sh");
    std::fs::write(
        &writes_then_waits,
        "#!/bin/sh\nprintf '%s in a killed editor' \"$CANARY\" > \"$1\"\nexec sleep 30\n",
    )
    .expect("an editor script");
    for script in [&editor, &writes_then_waits] {
        std::fs::set_permissions(script, std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .expect("executable");
    }
    let editor_path = editor.display().to_string();
    let t = in_pane(
        j,
        "canary-editor",
        &[("EDITOR", &editor_path), ("CANARY", canary)],
        "journal",
    );
    unlock(&t);
    exited(&t, 0);
    drop(t);
    // Killed while its editor is open: the file stays (in memory, under
    // XDG_RUNTIME_DIR) until the next command removes it.
    let slow_path = writes_then_waits.display().to_string();
    let t = in_pane(
        j,
        "canary-editor-kill",
        &[("EDITOR", &slow_path), ("CANARY", canary)],
        "journal",
    );
    // The editor opens before the passphrase is asked for (the save asks).
    let pid = app_pid(&t);
    t.wait_until("the editor's file", |_| {
        !files_containing(&j.runtime_dir(), canary.as_bytes(), 0).is_empty()
    });
    // Core dumps are off for the process (and cannot be turned back on).
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).expect("limits");
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .expect("a core size line");
    assert_eq!(core.split_whitespace().nth(4), Some("0"), "{core}");
    assert_eq!(core.split_whitespace().nth(5), Some("0"), "{core}");
    kill("-KILL", pid);
    exited(&t, 137);
    drop(t);
    j.ok(MONDAY, Some(FIRST), &["status"]);
}

/// The app: a save and a normal exit; `kill -9`, SIGTERM and a panic with
/// an editor open.
fn through_the_app(j: &Journal, canary: &str) {
    let t = app_with_entry(j, "canary-app", &[], &format!("{canary} saved in the app"));
    t.press(&["C-s"]);
    t.wait_for("Saved to your journal.");
    t.press(&["q"]);
    exited(&t, 0);
    drop(t);
    let t = app_with_entry(
        j,
        "canary-app-kill",
        &[],
        &format!("{canary} unsaved, kill -9"),
    );
    kill("-KILL", app_pid(&t));
    exited(&t, 137);
    drop(t);
    let t = app_with_entry(
        j,
        "canary-app-term",
        &[],
        &format!("{canary} unsaved, SIGTERM"),
    );
    kill("-TERM", app_pid(&t));
    exited(&t, 143);
    drop(t);
    let fault = [("BREATHER_TEST_FAULT", "panic")];
    let t = app_with_entry(
        j,
        "canary-app-panic",
        &fault,
        &format!("{canary} unsaved, a panic"),
    );
    t.press(&["F12"]);
    exited(&t, 101);
    drop(t);
}
