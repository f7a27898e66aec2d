//! Where the data lives: `--data-dir`, `BREATHER_DATA_DIR`, or the platform
//! data directory (`~/.local/share/breather` on Linux).

use std::path::PathBuf;

use super::StorageError;

/// The data directory: the one given, else the platform default.
pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf, StorageError> {
    match explicit {
        Some(dir) if !dir.as_os_str().is_empty() => Ok(dir),
        _ => directories::ProjectDirs::from("", "", "breather")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(StorageError::NoDataDir),
    }
}
