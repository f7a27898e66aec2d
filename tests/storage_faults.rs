//! Faults from outside: `kill -9` in the middle of saves, a full disk, a
//! read-only directory. Whatever happens, the file holds the old or the new
//! journey — never a mix, never nothing — and a temp file left by a killed
//! save is cleaned up by the next start.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use breather::domain::Journey;
use breather::storage::{Store, schema};

const BIN: &str = env!("CARGO_BIN_EXE_breather");
const NOW: &str = "2027-01-08T09:00";

fn breather(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("--data-dir")
        .arg(dir)
        .env("BREATHER_NOW", NOW)
        .env("TZ", "UTC")
        .env_remove("BREATHER_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// A journey of about `bytes` bytes, so that a save takes long enough to
/// be killed in the middle of.
fn seed(dir: &Path, bytes: usize) {
    let now = chrono::DateTime::parse_from_rfc3339("2027-01-07T20:00:00Z").expect("valid");
    let text = "the long walk home, the market, the quiet ".repeat(100);
    Store::new(dir)
        .update(|j: &mut Journey| {
            while j.journal.len() * text.len() < bytes {
                j.write_journal(now, &text, None)?;
            }
            Ok::<(), breather::domain::DomainError>(())
        })
        .expect("the seed is written")
        .expect("the seed is accepted");
}

fn stale_temps(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("readable")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with(".breather.json."))
        .collect()
}

/// A tiny deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// How many `kill -9`s the crash test delivers.
const KILLS: usize = 300;

#[test]
fn kill_9_during_saves_leaves_the_old_or_the_new_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    seed(dir, 1_500_000);
    let mut count = Store::new(dir).load().expect("seeded").journal.len();
    let mut rng = Lcg(0x5eed);
    let mut interrupted = 0;
    for i in 0..KILLS {
        let mut child = breather(dir)
            .args(["journal", &format!("entry {i}")])
            .spawn()
            .expect("spawns");
        // Anywhere from before the read to after the rename.
        std::thread::sleep(Duration::from_micros(rng.next(12_000)));
        let _ = child.kill();
        let status = child.wait().expect("reaped");
        if !status.success() {
            interrupted += 1;
        }
        let bytes = fs::read(dir.join("breather.json")).expect("the data file is always there");
        let journey = schema::decode(&bytes)
            .unwrap_or_else(|p| panic!("after kill {i}, the file must parse: {p}"));
        let now = journey.journal.len();
        assert!(
            now == count || now == count + 1,
            "after kill {i}: {count} entries became {now}"
        );
        count = now;
    }
    assert!(
        interrupted > KILLS / 10,
        "only {interrupted} of {KILLS} runs were interrupted: the test did not test"
    );
    // A save that was killed may leave its temp file; the next start removes it.
    let out = breather(dir)
        .args(["journal", "after the storm"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stale_temps(dir), Vec::<String>::new());
    assert_eq!(
        Store::new(dir).load().expect("loads").journal.len(),
        count + 1
    );
}

/// Runs `script` as root of a fresh user and mount namespace (so a tmpfs or
/// a read-only bind mount can be made without touching the machine).
/// `None` when the kernel refuses namespaces here.
fn in_namespace(script: &str) -> Option<std::process::Output> {
    let probe = Command::new("unshare")
        .args(["-Urm", "true"])
        .output()
        .ok()?;
    if !probe.status.success() {
        println!("skipped: unshare -Urm is not permitted here");
        return None;
    }
    Some(
        Command::new("unshare")
            .args(["-Urm", "sh", "-c", script])
            .env("BIN", BIN)
            .output()
            .expect("unshare runs"),
    )
}

fn sha(path: &Path) -> Vec<u8> {
    fs::read(path).expect("readable")
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_file_is_intact() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let original = tmp.path().join("original");
    seed(&original, 60_000);
    let mount = tmp.path().join("small");
    fs::create_dir(&mount).expect("mount point");
    let big = "x".repeat(45_000);
    let script = format!(
        "set -e; mount -t tmpfs -o size=96k tmpfs '{m}'; cp '{o}/breather.json' '{m}/'; \
         set +e; TZ=UTC BREATHER_NOW={NOW} \"$BIN\" --data-dir '{m}' journal '{big}'; echo \"rc=$?\"; \
         cmp -s '{o}/breather.json' '{m}/breather.json' && echo same; ls -A '{m}' '{m}/backups' 2>/dev/null",
        m = mount.display(),
        o = original.display(),
    );
    let Some(out) = in_namespace(&script) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("rc=1"),
        "exit 1 expected: {stdout} {stderr}"
    );
    assert!(
        stdout.contains("same"),
        "the original must be intact: {stdout}"
    );
    assert!(
        stderr.contains("disk is full"),
        "one clear sentence: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        !stdout.contains(".breather.json."),
        "no temp file left: {stdout}"
    );
}

#[test]
fn a_read_only_directory_is_a_clear_error_and_nothing_is_lost() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    seed(&dir, 10_000);
    let before = sha(&dir.join("breather.json"));
    let script = format!(
        "set -e; mount --bind '{d}' '{d}'; mount -o remount,bind,ro '{d}'; set +e; \
         TZ=UTC BREATHER_NOW={NOW} \"$BIN\" --data-dir '{d}' journal 'kept?'; echo \"write=$?\"; \
         TZ=UTC BREATHER_NOW={NOW} \"$BIN\" --data-dir '{d}' status --short; echo \"read=$?\"",
        d = dir.display(),
    );
    let Some(out) = in_namespace(&script) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("write=1"), "{stdout} {stderr}");
    assert!(
        stdout.contains("read=0"),
        "reading a read-only journal still works: {stdout} {stderr}"
    );
    assert!(stderr.contains("not allowed"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(sha(&dir.join("breather.json")), before);
}
