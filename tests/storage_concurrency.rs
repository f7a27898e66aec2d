//! Concurrency, permissions and atomicity of the data file (RELIABILITY.md,
//! matrix rows 1, 2, 11 and 24): many writers at once lose nothing, files are
//! private whatever the umask, a refused command writes nothing, and stale
//! temp files of ours — only ours — are cleaned up by the next write.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::thread;

use breather::domain::Journey;
use breather::storage::{DATA_FILE, LOCK_FILE, Store};
use chrono::{DateTime, FixedOffset};
use tempfile::TempDir;

/// The clock every binary run sees.
const NOW: &str = "2027-01-08T09:00";

fn temp_dir() -> TempDir {
    TempDir::new().expect("a temp dir for the test")
}

/// The real binary on `data_dir`, with a fixed clock and time zone.
fn command(data_dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_breather"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("BREATHER_NOW", NOW)
        .env("TZ", "UTC")
        .env_remove("BREATHER_DATA_DIR")
        .stdin(Stdio::null());
    command
}

fn breather(data_dir: &Path, args: &[&str]) -> Output {
    command(data_dir, args)
        .output()
        .expect("the breather binary runs")
}

/// Runs a command that must succeed.
fn ok(data_dir: &Path, args: &[&str]) -> Output {
    let out = breather(data_dir, args);
    assert!(
        out.status.success(),
        "`breather {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The binary run through `sh` with the given umask.
fn under_umask(umask: &str, data_dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_breather"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("BREATHER_NOW", NOW)
        .env("TZ", "UTC")
        .env_remove("BREATHER_DATA_DIR")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs breather");
    assert!(
        out.status.success(),
        "`breather {}` under umask {umask} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .expect("the path exists")
        .permissions()
        .mode()
        & 0o7777
}

/// The data directory's files; the daily `backups/` folder is left out
/// (`tests/storage_backups.rs` covers it), after checking that it holds
/// nothing but finished backups (no temp file there either).
fn listing(dir: &Path) -> BTreeSet<OsString> {
    if let Ok(backups) = fs::read_dir(dir.join("backups")) {
        for entry in backups {
            let name = entry.expect("a backup entry").file_name();
            let name = name.to_string_lossy();
            assert!(
                name.starts_with("breather-") && name.ends_with(".json"),
                "only finished backups in backups/: {name}"
            );
        }
    }
    fs::read_dir(dir)
        .expect("the directory can be listed")
        .map(|entry| entry.expect("a directory entry").file_name())
        .filter(|name| name != "backups")
        .collect()
}

fn names(list: &[&str]) -> BTreeSet<OsString> {
    list.iter().map(OsString::from).collect()
}

fn load(dir: &Path) -> Journey {
    Store::new(dir).load().expect("the data file loads")
}

// ---------------------------------------------------------------------------
// Many writers

#[test]
fn a_hundred_log_processes_at_once_lose_nothing() {
    const N: usize = 100;
    let tmp = temp_dir();
    // Not created yet: the processes race to create it too.
    let dir = tmp.path().join("fresh").join("data");

    let titles: Vec<String> = (1..=N).map(|n| format!("activity {n}")).collect();
    let children: Vec<_> = titles
        .iter()
        .map(|title| {
            command(&dir, &["log", title])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("a breather process starts")
        })
        .collect();
    let mut printed_ids = BTreeSet::new();
    for (title, child) in titles.iter().zip(children) {
        let out = child.wait_with_output().expect("the process finishes");
        assert!(
            out.status.success(),
            "`breather log {title:?}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let id: u32 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("`log` prints the new id");
        assert!(printed_ids.insert(id), "id {id} was printed twice");
    }

    let journey = load(&dir);
    assert_eq!(journey.activities.len(), N, "every log landed");
    let ids: BTreeSet<u32> = journey.activities.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), N, "100 distinct ids");
    assert_eq!(ids, printed_ids, "the ids printed are the ids stored");
    let stored: BTreeSet<&str> = journey
        .activities
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    let expected: BTreeSet<&str> = titles.iter().map(String::as_str).collect();
    assert_eq!(stored, expected, "all 100 titles, each once");
    assert_eq!(
        listing(&dir),
        names(&[DATA_FILE, LOCK_FILE]),
        "no temp file left behind"
    );
}

#[test]
fn threads_updating_through_the_library_lose_nothing() {
    const THREADS: usize = 8;
    const EACH: usize = 25;
    let tmp = temp_dir();
    let dir = tmp.path().join("data");
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2027-01-08T09:00:00Z").expect("a valid instant");

    thread::scope(|scope| {
        for t in 0..THREADS {
            // Each thread its own Store, as separate processes would have.
            let store = Store::new(&dir);
            scope.spawn(move || {
                for i in 0..EACH {
                    store
                        .update(|journey| {
                            journey.write_journal(now, &format!("thread {t} entry {i}"), None)
                        })
                        .expect("the store saves")
                        .expect("the entry is accepted");
                }
            });
        }
    });

    let journey = load(&dir);
    assert_eq!(journey.journal.len(), THREADS * EACH, "every entry landed");
    let ids: BTreeSet<u32> = journey.journal.iter().map(|e| e.id).collect();
    let expected_ids: BTreeSet<u32> = (1..=u32::try_from(THREADS * EACH).expect("small")).collect();
    assert_eq!(ids, expected_ids, "ids 1..=200, each once");
    let texts: BTreeSet<&str> = journey.journal.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts.len(), THREADS * EACH, "all texts, each once");
    for t in 0..THREADS {
        // Each thread's own entries keep their order.
        let mine: Vec<&str> = journey
            .journal
            .iter()
            .map(|e| e.text.as_str())
            .filter(|text| text.starts_with(&format!("thread {t} ")))
            .collect();
        let expected: Vec<String> = (0..EACH).map(|i| format!("thread {t} entry {i}")).collect();
        assert_eq!(mine, expected, "thread {t}'s entries, in order");
    }
}

// ---------------------------------------------------------------------------
// Permissions

#[test]
fn files_are_private_whatever_the_umask() {
    for umask in ["022", "000"] {
        let tmp = temp_dir();
        let dir = tmp.path().join("data");
        under_umask(umask, &dir, &["journal", "first entry"]);
        assert_eq!(mode(&dir), 0o700, "data dir under umask {umask}");
        assert_eq!(
            mode(&dir.join(DATA_FILE)),
            0o600,
            "data file under umask {umask}"
        );
        assert_eq!(
            mode(&dir.join(LOCK_FILE)),
            0o600,
            "lock file under umask {umask}"
        );
    }
}

#[test]
fn a_missing_parent_is_created_private_too() {
    let tmp = temp_dir();
    let dir = tmp.path().join("a").join("b");
    under_umask("022", &dir, &["journal", "first entry"]);
    assert_eq!(mode(&tmp.path().join("a")), 0o700);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join(DATA_FILE)), 0o600);
}

#[test]
fn a_data_file_made_world_readable_is_tightened_by_the_next_write() {
    let tmp = temp_dir();
    let dir = tmp.path().join("data");
    under_umask("022", &dir, &["journal", "first entry"]);
    let file = dir.join(DATA_FILE);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod 644");
    assert_eq!(mode(&file), 0o644);

    under_umask("022", &dir, &["journal", "second entry"]);
    assert_eq!(mode(&file), 0o600, "the next save makes it private again");
    assert_eq!(load(&dir).journal.len(), 2, "and keeps both entries");
}

// ---------------------------------------------------------------------------
// A refused command writes nothing

#[test]
fn refused_commands_leave_the_file_byte_identical() {
    let tmp = temp_dir();
    let dir = tmp.path().join("data");
    ok(&dir, &["journal", "something true", "--mood", "3"]);
    ok(&dir, &["log", "Pottery class", "--category", "class"]);
    ok(
        &dir,
        &["reflect", "I want them back", "--motive", "reconnect"],
    );
    let file = dir.join(DATA_FILE);
    let bytes = fs::read(&file).expect("the data file");
    let meta = fs::metadata(&file).expect("the data file's metadata");
    let listed = listing(&dir);

    let refusals: [&[&str]; 8] = [
        &["log", "x", "--rating", "9"],
        &["log", "x", "--date", "2027-01-09"],
        &["log", "   "],
        &["decide", "move-on"],
        &["journal", "  \n "],
        &["journal", "x", "--mood", "6"],
        &["slip"],
        &["reflect", "a second answer today", "--motive", "unsure"],
    ];
    for args in refusals {
        let out = breather(&dir, args);
        let what = format!("`breather {}`", args.join(" "));
        assert_eq!(
            out.status.code(),
            Some(2),
            "{what} is refused with exit 2; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stderr.is_empty(), "{what} says why");
        assert_eq!(
            fs::read(&file).expect("the data file"),
            bytes,
            "{what} changed the file"
        );
        let after = fs::metadata(&file).expect("the data file's metadata");
        assert_eq!(after.ino(), meta.ino(), "{what} rewrote the file");
        assert_eq!(after.mode(), meta.mode(), "{what} changed the mode");
        assert_eq!(listing(&dir), listed, "{what} left a file behind");
    }
}

// ---------------------------------------------------------------------------
// Atomic saves

#[test]
fn a_stale_temp_file_of_ours_is_removed_by_the_next_write_and_nothing_else() {
    let tmp = temp_dir();
    let dir = tmp.path().join("data");
    ok(&dir, &["journal", "before the crash"]);
    let before = fs::read(dir.join(DATA_FILE)).expect("the data file");

    // What a `kill -9` mid-save leaves behind, and two look-alikes.
    fs::write(
        dir.join(".breather.json.abc123"),
        &before[..before.len() / 2],
    )
    .expect("a stale temp");
    fs::write(dir.join(".breather.json.keep-me"), b"not ours\n").expect("a look-alike");
    fs::write(dir.join("notes.txt"), b"my notes\n").expect("a person's file");

    ok(&dir, &["journal", "after the crash"]);

    assert_eq!(
        listing(&dir),
        names(&[DATA_FILE, LOCK_FILE, ".breather.json.keep-me", "notes.txt"]),
        "our stale temp is gone, the rest stays"
    );
    assert_eq!(
        fs::read(dir.join(".breather.json.keep-me")).expect("kept"),
        b"not ours\n"
    );
    assert_eq!(
        fs::read(dir.join("notes.txt")).expect("kept"),
        b"my notes\n"
    );
    let texts: Vec<String> = load(&dir).journal.into_iter().map(|e| e.text).collect();
    assert_eq!(texts, ["before the crash", "after the crash"]);
}

#[test]
fn a_save_replaces_the_file_rather_than_writing_into_it() {
    // The atomic path: a new inode renamed over the old one, so a reader
    // holding the old file sees the old content, whole.
    let tmp = temp_dir();
    let dir = tmp.path().join("data");
    ok(&dir, &["journal", "one"]);
    let file = dir.join(DATA_FILE);
    let old = fs::File::open(&file).expect("open the current file");
    let old_bytes = fs::read(&file).expect("the current bytes");
    let old_ino = old.metadata().expect("metadata").ino();

    ok(&dir, &["journal", "two"]);
    assert_ne!(
        fs::metadata(&file).expect("metadata").ino(),
        old_ino,
        "the save renamed a new file into place"
    );
    let mut still = Vec::new();
    std::io::Read::read_to_end(&mut &old, &mut still).expect("read the old descriptor");
    assert_eq!(still, old_bytes, "the old file was never written into");
    assert_eq!(
        listing(&dir),
        names(&[DATA_FILE, LOCK_FILE]),
        "no temp file left behind"
    );
}
