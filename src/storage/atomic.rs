//! Atomic saves: temp file in the same directory → fsync → rename → fsync the
//! directory (done by `atomic-write-file`), with private permissions.

use std::fs::{self, DirBuilder};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;

use atomic_write_file::AtomicWriteFile;
use atomic_write_file::unix::OpenOptionsExt as _;
use std::os::unix::fs::OpenOptionsExt as _;

use super::StorageError;

/// Creates the data directory (0700) when it is missing.
pub(crate) fn ensure_private_dir(dir: &Path) -> Result<(), StorageError> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(StorageError::io(
            "use",
            dir,
            std::io::Error::from(std::io::ErrorKind::NotADirectory),
        )),
        Err(_) => DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|source| StorageError::io("create", dir, source)),
    }
}

/// Replaces `path` with `bytes` atomically; the file ends up 0600.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let io = |source| StorageError::io("save", path, source);
    let mut file = AtomicWriteFile::options()
        .preserve_mode(false)
        .preserve_owner(false)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    // The umask may have narrowed the mode further, never widened it; set it
    // exactly so a file made under an odd umask is still readable by its owner.
    file.as_file()
        .set_permissions(fs::Permissions::from_mode(0o600))
        .map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.commit().map_err(io)
}

/// Removes temp files a killed save left behind: exactly `.{name}.XXXXXX`
/// (six ASCII letters or digits), the pattern `atomic-write-file` uses.
/// Called under the lock, so no save of ours is in flight.
pub(crate) fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    remove_where(dir, |file_name| is_our_temp(file_name, &prefix));
}

/// Removes temp files a killed save left in `dir` for any `.json` file
/// (the backups folder, where names vary): `.NAME.json.XXXXXX`. A killed
/// `decrypt` can leave one holding plain text, so conversions call this.
pub(crate) fn remove_stale_json_temps(dir: &Path) {
    remove_where(dir, |file_name| {
        file_name.rsplit_once('.').is_some_and(|(head, suffix)| {
            head.starts_with('.')
                && Path::new(head).extension().is_some_and(|e| e == "json")
                && is_temp_suffix(suffix)
        })
    });
}

/// Removes the files of `dir` whose (UTF-8) names `stale` picks.
fn remove_where(dir: &Path, stale: impl Fn(&str) -> bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_str().is_some_and(&stale) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `atomic-write-file`'s random suffix: six ASCII letters or digits.
fn is_temp_suffix(suffix: &str) -> bool {
    suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_our_temp(file_name: &str, prefix: &str) -> bool {
    file_name.strip_prefix(prefix).is_some_and(is_temp_suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_exact_temp_pattern_is_stale() {
        let prefix = ".breather.json.";
        assert!(is_our_temp(".breather.json.a1B2c3", prefix));
        assert!(!is_our_temp(".breather.json.a1B2c", prefix));
        assert!(!is_our_temp(".breather.json.a1B2c3d", prefix));
        assert!(!is_our_temp(".breather.json.a1B-c3", prefix));
        assert!(!is_our_temp("breather.json", prefix));
        assert!(!is_our_temp(".breather.json.old-01", prefix));
        assert!(!is_our_temp(".other.json.a1B2c3", prefix));
    }

    #[test]
    fn stale_json_temps_of_any_name_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let names = [
            ".breather-2027-01-05.json.a1B2c3",
            "breather-2027-01-05.json",
            ".breather-2027-01-05.json.a1B2c",
            ".notes.txt.a1B2c3",
            "x.json.a1B2c3",
        ];
        for name in names {
            fs::write(dir.path().join(name), b"x").expect("written");
        }
        remove_stale_json_temps(dir.path());
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .expect("readable")
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".breather-2027-01-05.json.a1B2c",
                ".notes.txt.a1B2c3",
                "breather-2027-01-05.json",
                "x.json.a1B2c3"
            ]
        );
    }
}
