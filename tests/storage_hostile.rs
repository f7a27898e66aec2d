//! Hostile data files (RELIABILITY.md, matrix rows 6, 7, 8 and 10).
//!
//! Every file here is one breather cannot fully read. Each must be refused by
//! the library (`Store::load`, `Store::update`) and by the real binary, for a
//! read command (`status`) and a write command (`journal "x"`) alike: exit 1,
//! one line on stderr naming the file, and afterwards the file is exactly as
//! it was (same bytes, same inode, same mode) with nothing new next to it but
//! `breather.lock` — no backup, no temp file, no "repaired" copy.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::io::ErrorKind;
use std::os::unix::fs::{MetadataExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use breather::domain::Journey;
use breather::storage::schema::Problem;
use breather::storage::{DATA_FILE, LOCK_FILE, MAX_FILE_BYTES, StorageError, Store};
use chrono::{DateTime, FixedOffset};
use tempfile::TempDir;

/// The clock every binary run sees.
const NOW: &str = "2027-01-08T09:00";

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2027-01-08T09:00:00Z").expect("a valid RFC 3339 instant")
}

fn temp_dir() -> TempDir {
    TempDir::new().expect("a temp dir for the test")
}

/// Runs the real binary on `data_dir`, with a fixed clock and time zone.
fn breather(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_breather"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("BREATHER_NOW", NOW)
        .env("TZ", "UTC")
        .env_remove("BREATHER_DATA_DIR")
        .stdin(Stdio::null())
        .output()
        .expect("the breather binary runs")
}

/// A data file written by the real binary: a reflection, two activities, a
/// journal entry and an urge, with non-ASCII text (so some prefixes cut a
/// multi-byte character in half). Made once, shared as bytes only.
fn valid_file() -> &'static [u8] {
    static VALID: OnceLock<Vec<u8>> = OnceLock::new();
    VALID.get_or_init(|| {
        let tmp = temp_dir();
        let commands: [&[&str]; 5] = [
            &[
                "reflect",
                "Honestly? I want them to see I'm fine 🙂 — and a bit of revenge.",
                "--motive",
                "revenge",
            ],
            &[
                "log",
                "Pottery class",
                "--category",
                "class",
                "--rating",
                "4",
                "--note",
                "Made a lopsided bowl",
            ],
            &["log", "Hike up the hill", "--category", "adventure"],
            &[
                "journal",
                "Slept badly, walked it off. Ça va. 雨.",
                "--mood",
                "3",
            ],
            &["urge", "I miss you"],
        ];
        for args in commands {
            let out = breather(tmp.path(), args);
            assert!(
                out.status.success(),
                "setup command {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let bytes = fs::read(tmp.path().join(DATA_FILE)).expect("the setup wrote a data file");
        assert!(
            Store::new(tmp.path()).load().is_ok(),
            "the setup file must load"
        );
        bytes
    })
}

/// The valid file with `from` (which must occur exactly once) replaced by `to`.
fn valid_with(from: &str, to: &str) -> Vec<u8> {
    let text = std::str::from_utf8(valid_file()).expect("the valid file is UTF-8");
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} must occur exactly once in the valid file:\n{text}"
    );
    text.replacen(from, to, 1).into_bytes()
}

/// The valid file, parsed, changed by `edit`, and pretty-printed again.
fn valid_edited(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut value: serde_json::Value =
        serde_json::from_slice(valid_file()).expect("the valid file is JSON");
    edit(&mut value);
    serde_json::to_vec_pretty(&value).expect("a JSON value serializes")
}

/// The names in a directory.
fn listing(dir: &Path) -> BTreeSet<OsString> {
    fs::read_dir(dir)
        .expect("the directory can be listed")
        .map(|entry| entry.expect("a directory entry").file_name())
        .collect()
}

/// Everything that must not change about the watched path.
#[derive(Debug, PartialEq, Eq)]
enum Fingerprint {
    File {
        ino: u64,
        mode: u32,
        bytes: Vec<u8>,
    },
    /// Too big to compare byte by byte cheaply: a sparse file stays sparse
    /// (no block allocated means nothing was written into it).
    BigFile {
        ino: u64,
        mode: u32,
        len: u64,
        blocks: u64,
        mtime: (i64, i64),
    },
    Dir {
        ino: u64,
        entries: BTreeSet<OsString>,
    },
    Symlink {
        ino: u64,
        target: PathBuf,
    },
}

fn fingerprint(path: &Path) -> Fingerprint {
    let meta = fs::symlink_metadata(path).expect("the watched path exists");
    let kind = meta.file_type();
    if kind.is_symlink() {
        Fingerprint::Symlink {
            ino: meta.ino(),
            target: fs::read_link(path).expect("the symlink can be read"),
        }
    } else if kind.is_dir() {
        Fingerprint::Dir {
            ino: meta.ino(),
            entries: listing(path),
        }
    } else if meta.len() > MAX_FILE_BYTES {
        Fingerprint::BigFile {
            ino: meta.ino(),
            mode: meta.mode(),
            len: meta.len(),
            blocks: meta.blocks(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
        }
    } else {
        Fingerprint::File {
            ino: meta.ino(),
            mode: meta.mode(),
            bytes: fs::read(path).expect("the watched file can be read"),
        }
    }
}

/// Asserts `stderr` is exactly one line, starting `breather: `, with no
/// control characters, and naming `must_name`.
fn assert_one_line_naming(stderr: &[u8], must_name: &Path, what: &str) -> String {
    let text = String::from_utf8_lossy(stderr).into_owned();
    assert!(
        text.ends_with('\n') && text.matches('\n').count() == 1,
        "{what}: stderr must be exactly one line, got {text:?}"
    );
    let line = text.trim_end_matches('\n');
    assert!(
        line.starts_with("breather: "),
        "{what}: stderr must start with `breather: `, got {line:?}"
    );
    assert!(
        !line.chars().any(char::is_control),
        "{what}: stderr must hold no control characters, got {line:?}"
    );
    let name = must_name.display().to_string();
    assert!(
        line.contains(&name),
        "{what}: stderr must name {name}, got {line:?}"
    );
    text
}

/// The whole refusal contract for one hostile setup.
///
/// `data_dir` is what `--data-dir` points at; `watched` is the hostile thing
/// (usually the data file) that must stay exactly as it is; `around` is the
/// directory in which nothing but the lock file may appear; `must_name` is
/// the path every message must mention. Returns the library's load error.
fn assert_refused_everywhere(
    data_dir: &Path,
    watched: &Path,
    around: &Path,
    must_name: &Path,
) -> StorageError {
    let before = fingerprint(watched);
    let listed_before = listing(around);
    let store = Store::new(data_dir);

    // The library: reading and writing both refuse, neither panics.
    let load_error = store
        .load()
        .expect_err("Store::load must refuse a hostile file");
    assert!(
        store.read().is_err(),
        "Store::read must refuse what Store::load refuses"
    );
    let update_error = match store.update(|journey| journey.write_journal(now(), "library", None)) {
        Err(e) => e,
        Ok(outcome) => panic!("Store::update must refuse a hostile file, got {outcome:?}"),
    };

    // The binary: a read and a write command.
    for (args, library_error) in [
        (&["status"][..], &load_error),
        (&["journal", "x"][..], &update_error),
    ] {
        let out = breather(data_dir, args);
        let what = format!("`breather {}`", args.join(" "));
        assert_eq!(
            out.status.code(),
            Some(1),
            "{what} must exit 1; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stdout.is_empty(),
            "{what} must print nothing on stdout, got {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        let line = assert_one_line_naming(&out.stderr, must_name, &what);
        assert_eq!(
            line,
            format!("breather: {library_error}\n"),
            "{what} must say what the library says"
        );
    }

    // Nothing changed, nothing new but the lock file.
    assert_eq!(
        fingerprint(watched),
        before,
        "{} must be left exactly as it was",
        watched.display()
    );
    let new: Vec<_> = listing(around)
        .difference(&listed_before)
        .cloned()
        .collect();
    assert!(
        new.is_empty() || new == [OsString::from(LOCK_FILE)],
        "only {LOCK_FILE} may appear in {}, found {new:?}",
        around.display()
    );
    load_error
}

/// Writes `bytes` as the data file of a fresh directory and checks the whole
/// refusal contract; returns the dir (kept alive) and the load error.
fn refused_file(bytes: &[u8]) -> (TempDir, StorageError) {
    let tmp = temp_dir();
    let file = tmp.path().join(DATA_FILE);
    fs::write(&file, bytes).expect("the hostile file is written");
    let error = assert_refused_everywhere(tmp.path(), &file, tmp.path(), &file);
    (tmp, error)
}

/// The reason inside an `Unreadable` error (and a check of its path).
fn problem(error: &StorageError, dir: &TempDir) -> Problem {
    match error {
        StorageError::Unreadable { path, problem } => {
            assert_eq!(path, &dir.path().join(DATA_FILE));
            problem.clone()
        }
        other => panic!("expected an unreadable-file error, got {other:?}"),
    }
}

fn is_invalid(problem: &Problem) -> bool {
    matches!(problem, Problem::Invalid { .. })
}

/// The whole-number tokens of `text`, in order.
fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|token| !token.is_empty())
        .map(|token| token.parse().expect("digits parse"))
        .collect()
}

// ---------------------------------------------------------------------------
// Truncation

#[test]
fn every_prefix_of_a_valid_file_is_refused_by_the_library() {
    let valid = valid_file();
    let tmp = temp_dir();
    let file = tmp.path().join(DATA_FILE);
    let store = Store::new(tmp.path());
    fs::write(&file, valid).expect("the valid file is written");
    let whole = store.load().expect("the whole file loads");

    let (mut empty, mut not_utf8, mut invalid) = (0, 0, 0);
    for len in 0..valid.len() {
        let prefix = &valid[..len];
        fs::write(&file, prefix).expect("the prefix is written");
        let result = store.load();
        if prefix.trim_ascii_end() == valid.trim_ascii_end() {
            // Only the trailing newline is missing: nothing was lost, and
            // loading it whole is right.
            assert_eq!(result.ok().as_ref(), Some(&whole), "prefix of {len} bytes");
            continue;
        }
        match result {
            Err(StorageError::Unreadable { path, problem }) => {
                assert_eq!(path, file, "the error names the data file");
                match problem {
                    Problem::Empty => empty += 1,
                    Problem::NotUtf8 { .. } => not_utf8 += 1,
                    Problem::Invalid { .. } => invalid += 1,
                    other => panic!("prefix of {len} bytes: unexpected reason {other:?}"),
                }
            }
            Err(other) => panic!("prefix of {len} bytes: unexpected error {other:?}"),
            Ok(journey) => panic!(
                "prefix of {len} of {} bytes loaded as a journey: {journey:?}\n{}",
                valid.len(),
                String::from_utf8_lossy(prefix)
            ),
        }
        assert_eq!(
            fs::read(&file).expect("reread"),
            prefix,
            "load never writes"
        );
    }
    assert_eq!(empty, 1, "only the empty prefix is empty");
    assert!(not_utf8 > 0, "some prefixes cut a multi-byte character");
    assert!(invalid > valid.len() / 2, "most prefixes are damaged JSON");
}

#[test]
fn a_sample_of_prefixes_is_refused_by_the_binary() {
    let valid = valid_file();
    // Twenty lengths spread from 0 to len − 2 (len − 1 only lacks the final
    // newline, which is a complete file).
    let last = valid.len() - 2;
    let lengths: BTreeSet<usize> = (0..20).map(|i| i * last / 19).collect();
    assert!(lengths.len() >= 19);
    for len in lengths {
        let (tmp, error) = refused_file(&valid[..len]);
        let problem = problem(&error, &tmp);
        assert!(
            len == 0 || is_invalid(&problem) || matches!(problem, Problem::NotUtf8 { .. }),
            "prefix of {len} bytes: {problem:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Empty and binary junk

#[test]
fn an_empty_file_is_refused() {
    let (tmp, error) = refused_file(b"");
    assert_eq!(problem(&error, &tmp), Problem::Empty);
}

#[test]
fn a_whitespace_only_file_is_refused() {
    let (tmp, error) = refused_file(b" \n\t\r\n   \n");
    assert_eq!(problem(&error, &tmp), Problem::Empty);
}

#[test]
fn a_nul_filled_file_is_refused() {
    let (tmp, error) = refused_file(&[0u8; 4096]);
    assert!(is_invalid(&problem(&error, &tmp)), "{error:?}");
}

// ---------------------------------------------------------------------------
// Encoding

#[test]
fn invalid_utf8_inside_a_string_is_refused_with_its_offset() {
    let mut bytes = valid_file().to_vec();
    let at = bytes
        .windows(5)
        .position(|w| w == b"Slept")
        .expect("the journal text is in the file");
    bytes[at] = 0xFF;
    let (tmp, error) = refused_file(&bytes);
    assert_eq!(problem(&error, &tmp), Problem::NotUtf8 { valid_up_to: at });
}

#[test]
fn a_byte_order_mark_before_a_valid_file_is_refused() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(valid_file());
    let (tmp, error) = refused_file(&bytes);
    assert_eq!(problem(&error, &tmp), Problem::ByteOrderMark);
}

// ---------------------------------------------------------------------------
// Shape

#[test]
fn a_rating_that_is_a_string_is_refused_naming_its_json_path() {
    let bytes = valid_edited(|v| v["activities"][0]["rating"] = "five".into());
    let (tmp, error) = refused_file(&bytes);
    match problem(&error, &tmp) {
        Problem::Invalid { place, .. } => assert_eq!(place, "activities[0].rating"),
        other => panic!("expected an invalid rating, got {other:?}"),
    }
}

#[test]
fn reflections_that_are_an_object_are_refused() {
    let bytes = valid_edited(|v| v["reflections"] = serde_json::json!({}));
    let (tmp, error) = refused_file(&bytes);
    match problem(&error, &tmp) {
        Problem::Invalid { place, .. } => assert_eq!(place, "reflections"),
        other => panic!("expected invalid reflections, got {other:?}"),
    }
}

#[test]
fn a_duplicate_top_level_key_is_refused() {
    // Whichever copy a lenient parser kept, the other would be lost on save.
    let bytes = valid_with("\"journal\": [", "\"journal\": [],\n  \"journal\": [");
    let (tmp, error) = refused_file(&bytes);
    assert!(is_invalid(&problem(&error, &tmp)), "{error:?}");
}

#[test]
fn a_duplicate_key_inside_an_entry_is_refused() {
    let bytes = valid_with(
        "\"text\": \"Slept badly",
        "\"text\": \"an earlier draft\",\n      \"text\": \"Slept badly",
    );
    let (tmp, error) = refused_file(&bytes);
    match problem(&error, &tmp) {
        Problem::Invalid { place, detail } => {
            assert_eq!(place, "journal[0]");
            assert!(detail.contains("text"), "{detail}");
        }
        other => panic!("expected a duplicate field, got {other:?}"),
    }
}

#[test]
fn an_unknown_field_is_refused() {
    let bytes = valid_edited(|v| v["mystery"] = true.into());
    let (tmp, error) = refused_file(&bytes);
    match problem(&error, &tmp) {
        Problem::Invalid { detail, .. } => assert!(detail.contains("mystery"), "{detail}"),
        other => panic!("expected an unknown field, got {other:?}"),
    }
}

#[test]
fn an_unknown_field_inside_an_entry_is_refused() {
    let bytes = valid_edited(|v| v["journal"][0]["weather"] = "rain".into());
    let (tmp, error) = refused_file(&bytes);
    match problem(&error, &tmp) {
        Problem::Invalid { place, .. } => assert!(place.starts_with("journal[0]"), "{place}"),
        other => panic!("expected an unknown field, got {other:?}"),
    }
}

#[test]
fn twenty_thousand_deep_nesting_is_refused_without_a_crash() {
    const DEPTH: usize = 20_000;
    let nest = |open: &str, close: &str, inner: &str| {
        format!("{}{inner}{}", open.repeat(DEPTH), close.repeat(DEPTH))
    };
    for bytes in [
        nest("[", "]", ""),
        format!(
            "{{\"schema_version\": 1, \"urges\": {}}}",
            nest("[", "]", "")
        ),
        format!(
            "{{\"schema_version\": 1, \"journal\": [{}]}}",
            nest("{\"a\":", "}", "1")
        ),
        // Under a key a newer version might add: only `schema_version` is
        // probed, skipping the rest, which must not recurse unbounded.
        format!(
            "{{\"schema_version\": 99, \"deep\": {}}}",
            nest("[", "]", "")
        ),
    ] {
        let (tmp, error) = refused_file(bytes.as_bytes());
        let problem = problem(&error, &tmp);
        assert!(
            is_invalid(&problem) || matches!(problem, Problem::NewerVersion { found: 99, .. }),
            "{problem:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Size

#[test]
fn a_file_over_64_mib_is_refused_without_being_read() {
    let tmp = temp_dir();
    let file = tmp.path().join(DATA_FILE);
    let size = 65 * 1024 * 1024;
    fs::File::create(&file)
        .and_then(|f| f.set_len(size))
        .expect("a sparse 65 MiB file");
    let error = assert_refused_everywhere(tmp.path(), &file, tmp.path(), &file);
    match &error {
        StorageError::TooLarge {
            path,
            size: found,
            max,
        } => {
            assert_eq!(path, &file);
            assert_eq!(*found, size, "the size comes from the metadata");
            assert_eq!(*max, MAX_FILE_BYTES);
        }
        other => panic!("expected a too-large error, got {other:?}"),
    }
    let message = error.to_string();
    let after_path = message
        .split(&file.display().to_string())
        .nth(1)
        .expect("the message names the file");
    let numbers = numbers(after_path);
    assert!(numbers.contains(&65) && numbers.contains(&64), "{message}");
}

// ---------------------------------------------------------------------------
// Versions

#[test]
fn a_newer_schema_version_is_refused_naming_both_versions() {
    let plain = valid_edited(|v| v["schema_version"] = 99.into());
    let with_new_field = valid_edited(|v| {
        v["schema_version"] = 99.into();
        v["garden"] = serde_json::json!({"plants": 3});
    });
    for bytes in [plain, with_new_field] {
        let (tmp, error) = refused_file(&bytes);
        assert_eq!(
            problem(&error, &tmp),
            Problem::NewerVersion {
                found: 99,
                supported: Journey::SCHEMA_VERSION,
            }
        );
        let message = error.to_string();
        let reason = message
            .split(&tmp.path().join(DATA_FILE).display().to_string())
            .nth(1)
            .expect("the message names the file");
        let numbers = numbers(reason);
        assert!(
            numbers.contains(&99) && numbers.contains(&u64::from(Journey::SCHEMA_VERSION)),
            "the message names both versions: {message}"
        );
        assert!(
            listing(tmp.path())
                .iter()
                .all(|name| name == DATA_FILE || name == LOCK_FILE),
            "no backup rotation for a newer file"
        );
    }
}

#[test]
fn schema_version_zero_is_refused() {
    let bytes = valid_edited(|v| v["schema_version"] = 0.into());
    let (tmp, error) = refused_file(&bytes);
    assert!(
        matches!(problem(&error, &tmp), Problem::UnknownVersion { .. }),
        "{error:?}"
    );
    assert!(numbers(&error.to_string()).contains(&0));
}

// ---------------------------------------------------------------------------
// The data path is not a file

#[test]
fn a_directory_at_the_data_path_is_refused() {
    let tmp = temp_dir();
    let file = tmp.path().join(DATA_FILE);
    fs::create_dir(&file).expect("a directory where the file should be");
    fs::write(file.join("keep.txt"), b"mine\n").expect("a file inside it");
    let error = assert_refused_everywhere(tmp.path(), &file, tmp.path(), &file);
    assert!(
        matches!(&error, StorageError::NotAFile { path } if path == &file),
        "{error:?}"
    );
    assert_eq!(
        fs::read(file.join("keep.txt")).expect("still there"),
        b"mine\n"
    );
}

#[test]
fn a_dangling_symlink_at_the_data_path_is_refused() {
    let tmp = temp_dir();
    let file = tmp.path().join(DATA_FILE);
    symlink("gone/breather.json", &file).expect("a dangling symlink");
    let error = assert_refused_everywhere(tmp.path(), &file, tmp.path(), &file);
    assert!(
        matches!(&error, StorageError::DanglingSymlink { path } if path == &file),
        "{error:?}"
    );
    assert!(
        !tmp.path().join("gone").exists(),
        "the link's target is never created"
    );
}

#[test]
fn a_data_dir_that_is_a_regular_file_is_refused() {
    let tmp = temp_dir();
    let dir = tmp.path().join("not-a-dir");
    fs::write(&dir, b"just a file\n").expect("a file where the data dir should be");
    let error = assert_refused_everywhere(&dir, &dir, tmp.path(), &dir);
    assert!(
        matches!(&error, StorageError::Io { source, .. } if source.kind() == ErrorKind::NotADirectory),
        "{error:?}"
    );
    assert_eq!(
        listing(tmp.path()),
        BTreeSet::from([OsString::from("not-a-dir")]),
        "no lock file either: there is no directory to put it in"
    );
}

// ---------------------------------------------------------------------------
// Edge cases that were bugs once: escapes in error messages, a top-level
// array, a FIFO, a data dir that is a file, sizes just over the limit, and a
// symlinked data file.

#[test]
fn control_characters_from_the_file_never_reach_stderr_raw() {
    for bytes in [
        &br#"{"schema_version": 1, "my\nstery\u001b[2J": 1}"#[..],
        br#"{"schema_version": 1, "activities": [{"id": 1, "date": "2027-01-01", "title": "x",
            "category": "cl\nass\u001b]0;pwned\u0007", "created_at": "2027-01-01T10:00:00Z"}]}"#,
    ] {
        refused_file(bytes);
    }
}

#[test]
fn a_top_level_array_is_refused_as_the_wrong_shape() {
    let (tmp, error) = refused_file(b"[1]");
    assert!(is_invalid(&problem(&error, &tmp)), "{error:?}");
}

#[test]
fn a_fifo_at_the_data_path_is_refused_not_waited_on() {
    let tmp = temp_dir();
    let file = tmp.path().join(DATA_FILE);
    let made = Command::new("mkfifo")
        .arg(&file)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // `timeout` turns a hang into exit 124 instead of a stuck test run.
    let out = Command::new("timeout")
        .arg("5")
        .arg(env!("CARGO_BIN_EXE_breather"))
        .arg("--data-dir")
        .arg(tmp.path())
        .arg("status")
        .env("BREATHER_NOW", NOW)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .expect("timeout runs");
    assert_eq!(out.status.code(), Some(1), "124 means breather hung");
    assert_one_line_naming(&out.stderr, &file, "`breather status` on a FIFO");
}

#[test]
fn a_data_dir_that_is_a_file_is_what_the_read_message_blames() {
    let tmp = temp_dir();
    let dir = tmp.path().join("not-a-dir");
    fs::write(&dir, b"just a file\n").expect("a file where the data dir should be");
    let read = breather(&dir, &["status"]);
    let write = breather(&dir, &["journal", "x"]);
    assert_eq!(
        String::from_utf8_lossy(&read.stderr),
        String::from_utf8_lossy(&write.stderr),
        "reading and writing should blame the same path: the data dir"
    );
}

#[test]
fn a_file_just_over_the_limit_reports_two_different_sizes() {
    let tmp = temp_dir();
    let file = tmp.path().join(DATA_FILE);
    fs::File::create(&file)
        .and_then(|f| f.set_len(MAX_FILE_BYTES + 1))
        .expect("a sparse file one byte over the limit");
    let error = Store::new(tmp.path()).load().expect_err("too large");
    let message = error.to_string();
    let reason = message
        .split(&file.display().to_string())
        .nth(1)
        .expect("the message names the file");
    let numbers = numbers(reason);
    assert!(
        numbers.windows(2).all(|w| w[0] != w[1]),
        "the file's size and the limit must not read the same: {message}"
    );
}

#[test]
fn a_symlinked_data_file_is_written_through_or_refused_never_forked() {
    let tmp = temp_dir();
    let real = tmp.path().join("real");
    let linked = tmp.path().join("linked");
    fs::create_dir(&linked).expect("the linking data dir");
    let made = breather(&real, &["journal", "one"]);
    assert!(made.status.success(), "setup");
    let link = linked.join(DATA_FILE);
    symlink(real.join(DATA_FILE), &link).expect("a symlink to the real file");

    let out = breather(&linked, &["journal", "two"]);
    if out.status.success() {
        assert!(
            fs::symlink_metadata(&link)
                .expect("the link")
                .file_type()
                .is_symlink(),
            "the symlink must survive a save"
        );
        assert_eq!(
            Store::new(&real)
                .load()
                .expect("the target loads")
                .journal
                .len(),
            2,
            "the save must reach the link's target"
        );
    } else {
        assert_eq!(out.status.code(), Some(1));
        assert_one_line_naming(&out.stderr, &link, "`breather journal` through a symlink");
    }
}
