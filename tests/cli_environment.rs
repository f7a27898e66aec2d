//! The environment a command meets: no HOME, an empty data dir setting.
//! Whatever is missing gets a clear answer, never a panic.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_breather");

#[test]
fn no_home_is_a_clear_answer_never_a_panic() {
    let out = Command::new(BIN)
        .args(["status", "--short"])
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("BREATHER_DATA_DIR")
        .env("BREATHER_NOW", "2027-01-08T09:00")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Documented: without HOME the system's record of the user's home is
    // used (as `directories` does); if there is none, one sentence and exit 1.
    match out.status.code() {
        Some(0) => assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1),
        Some(1) => assert_eq!(stderr.lines().count(), 1, "{stderr}"),
        other => panic!("unexpected exit {other:?}: {stderr}"),
    }
}

#[test]
fn a_data_dir_that_cannot_exist_is_one_sentence() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"x").expect("a regular file");
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(file.join("inside"))
        .args(["journal", "hello"])
        .env("BREATHER_NOW", "2027-01-08T09:00")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("a-file"), "names the path: {stderr}");
}
