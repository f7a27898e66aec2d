//! A sandboxed journal for the encryption tests: passphrase files, a cache
//! and a runtime directory of its own, and key files at scrypt work factor
//! 10 (`BREATHER_TEST_WORK_FACTOR`, debug builds only) so the suites stay
//! fast; the format is the same.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use age::secrecy::SecretString;
use tempfile::TempDir;

use crate::common::Sandbox;

pub const FIRST: &str = "correct horse battery";
pub const SECOND: &str = "a new and longer phrase";

/// A sandbox with passphrase files, a cache and a runtime dir of its own.
pub struct Journal {
    pub s: Sandbox,
    pub aside: TempDir,
}

impl Journal {
    pub fn new() -> Self {
        let aside = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(aside.path().join("run")).expect("a runtime directory");
        Journal {
            s: Sandbox::new(),
            aside,
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.s.data_dir()
    }

    /// `XDG_RUNTIME_DIR` for every run (where `$EDITOR`'s file goes).
    pub fn runtime_dir(&self) -> PathBuf {
        self.aside.path().join("run")
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.aside.path().join("cache")
    }

    /// A file holding `passphrase` (as a script would name it).
    pub fn pass_file(&self, passphrase: &str) -> PathBuf {
        let path = self
            .aside
            .path()
            .join(format!("pass-{}", passphrase.replace(' ', "-")));
        std::fs::write(&path, format!("{passphrase}\n")).expect("a passphrase file");
        path
    }

    /// The binary at `now`, reading the passphrase from a file when given.
    pub fn cmd(&self, now: &str, passphrase: Option<&str>) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.std_cmd(now, passphrase));
        cmd.timeout(Duration::from_secs(60));
        cmd
    }

    pub fn std_cmd(&self, now: &str, passphrase: Option<&str>) -> std::process::Command {
        let mut cmd = self.s.std_cmd(now);
        cmd.env("BREATHER_TEST_WORK_FACTOR", "10")
            .env("XDG_CACHE_HOME", self.cache_dir())
            .env("XDG_RUNTIME_DIR", self.runtime_dir())
            .env_remove("BREATHER_PASSPHRASE_FILE")
            .env_remove("BREATHER_NEW_PASSPHRASE_FILE");
        if let Some(p) = passphrase {
            cmd.env("BREATHER_PASSPHRASE_FILE", self.pass_file(p));
        }
        cmd
    }

    pub fn run(&self, now: &str, passphrase: Option<&str>, args: &[&str]) -> Output {
        self.cmd(now, passphrase)
            .args(args)
            .output()
            .expect("the binary runs")
    }

    /// Runs `args`, asserts exit 0, returns stdout.
    pub fn ok(&self, now: &str, passphrase: Option<&str>, args: &[&str]) -> String {
        let out = self.run(now, passphrase, args);
        assert!(
            out.status.success(),
            "`breather {}` failed ({:?}): {}",
            args.join(" "),
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    /// `breather passphrase` from `old` to `new`, by files.
    pub fn change_passphrase(&self, now: &str, old: &str, new: &str) -> Output {
        self.cmd(now, Some(old))
            .env("BREATHER_NEW_PASSPHRASE_FILE", self.pass_file(new))
            .arg("passphrase")
            .output()
            .expect("the binary runs")
    }

    /// Every file under the data directory, by path relative to it.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        files_under(&self.data_dir())
    }
}

pub fn files_under(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(root)
                    .expect("under root")
                    .display()
                    .to_string();
                found.insert(name, std::fs::read(&path).expect("readable"));
            }
        }
    }
    found
}

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
