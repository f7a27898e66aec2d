//! Daily backups in `backups/` beside the data file: before the first write
//! of each day the current file is copied there (byte for byte), and the
//! newest [`KEEP`] are kept. A file about to be migrated is copied too, and
//! that copy is never pruned.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{StorageError, atomic, schema};
use crate::domain::Journey;

/// Daily backups kept.
pub const KEEP: usize = 14;
/// The folder inside the data directory.
pub const DIR: &str = "backups";
const PREFIX: &str = "breather-";
const SUFFIX: &str = ".json";

/// One backup file and what it holds.
#[derive(Debug)]
pub struct Backup {
    pub name: String,
    pub path: PathBuf,
    pub size: u64,
    /// The journey inside, or why it can't be read.
    pub content: Result<Journey, schema::Problem>,
}

/// The backups folder of a data directory.
pub fn dir_in(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR)
}

/// The daily backup's name for `day`.
pub fn daily_name(day: NaiveDate) -> String {
    format!("{PREFIX}{day}{SUFFIX}")
}

fn is_daily(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .is_some_and(|stem| stem.starts_with(|c: char| c.is_ascii_digit()))
}

/// Copies `bytes` (the file as it is now) to `backups/NAME`, atomically, 0600.
pub(crate) fn write(data_dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, StorageError> {
    let dir = dir_in(data_dir);
    atomic::ensure_private_dir(&dir)?;
    let path = dir.join(name);
    atomic::write(&path, bytes)?;
    Ok(path)
}

/// Before the first write on `day`: the daily copy, then pruning.
pub(crate) fn daily(data_dir: &Path, day: NaiveDate, bytes: &[u8]) -> Result<(), StorageError> {
    let name = daily_name(day);
    if dir_in(data_dir).join(&name).exists() {
        return Ok(());
    }
    write(data_dir, &name, bytes)?;
    prune(data_dir);
    Ok(())
}

/// Keeps the newest [`KEEP`] daily backups (names sort by date).
fn prune(data_dir: &Path) {
    let mut names = daily_names(data_dir);
    if names.len() <= KEEP {
        return;
    }
    names.sort();
    let excess = names.len() - KEEP;
    for name in names.into_iter().take(excess) {
        let _ = fs::remove_file(dir_in(data_dir).join(name));
    }
}

fn daily_names(data_dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir_in(data_dir)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| is_daily(name))
        .collect()
}

/// Every backup, newest first, each read (never written) with `open`
/// (which decrypts an encrypted one).
pub(crate) fn list(
    data_dir: &Path,
    open: impl Fn(&Path, Vec<u8>) -> Result<Journey, schema::Problem>,
) -> Vec<Backup> {
    let Ok(entries) = fs::read_dir(dir_in(data_dir)) else {
        return Vec::new();
    };
    let mut backups: Vec<Backup> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let path = e.path();
            let meta = fs::metadata(&path).ok()?;
            if !meta.is_file() || !name.ends_with(SUFFIX) {
                return None;
            }
            let content = match super::read_bounded(&path) {
                Ok(Some(bytes)) => open(&path, bytes),
                _ => Err(schema::Problem::Empty),
            };
            Some(Backup {
                name,
                path,
                size: meta.len(),
                content,
            })
        })
        .collect();
    backups.sort_by(|a, b| b.name.cmp(&a.name));
    backups
}

/// Finds a backup by file name, by date (`2027-01-23`), or by path.
pub fn find(data_dir: &Path, wanted: &str) -> Option<PathBuf> {
    let dir = dir_in(data_dir);
    let candidates = [
        dir.join(wanted),
        dir.join(format!("{PREFIX}{wanted}{SUFFIX}")),
        PathBuf::from(wanted),
    ];
    candidates.into_iter().find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_names_sort_by_date_and_other_files_are_not_daily() {
        let day: NaiveDate = "2027-01-05".parse().expect("valid");
        assert_eq!(daily_name(day), "breather-2027-01-05.json");
        assert!(is_daily("breather-2027-01-05.json"));
        assert!(is_daily("breather-2027-01-05T101500.json"));
        assert!(!is_daily("breather-v1-2027-01-05.json"));
        assert!(!is_daily("notes.json"));
    }
}
