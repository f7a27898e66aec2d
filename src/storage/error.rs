//! What can go wrong on disk, each with one sentence naming the file and
//! what to do.

use std::io;
use std::path::{Path, PathBuf};

use super::schema::Problem;
use crate::tr;

/// A storage failure. Whatever the variant, the data file was not changed.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{}", tr!("storage.no_data_dir"))]
    NoDataDir,
    #[error("{}", tr!("storage.unreadable", path = path.display(), problem = problem))]
    Unreadable { path: PathBuf, problem: Problem },
    #[error("{}", tr!("storage.too_large", path = path.display(), size = megabytes_up(*size), max = max / MIB))]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{}", tr!("storage.not_a_file", path = path.display()))]
    NotAFile { path: PathBuf },
    #[error("{}", tr!("storage.dangling_symlink", path = path.display()))]
    DanglingSymlink { path: PathBuf },
    #[error("{}", tr!("storage.encode", path = path.display(), detail = detail))]
    Encode { path: PathBuf, detail: String },
    #[error("{}", tr!("export.over_data", path = path.display()))]
    ExportOverData { path: PathBuf },
    #[error("{}", tr!("crypt.locked", path = path.display()))]
    Locked { path: PathBuf },
    #[error("{}", tr!("crypt.locked_meanwhile"))]
    LockedMeanwhile,
    #[error("{0}")]
    Passphrase(String),
    #[error("{}", tr!("crypt.wrong_passphrase", path = path.display()))]
    WrongPassphrase { path: PathBuf },
    #[error("{}", tr!("crypt.excessive_work", path = path.display(), found = found, max = max))]
    ExcessiveWork { path: PathBuf, found: u8, max: u8 },
    #[error("{}", tr!("crypt.key_damaged", path = path.display()))]
    KeyDamaged { path: PathBuf },
    #[error("{}", tr!("crypt.key_missing", path = path.display()))]
    KeyMissing { path: PathBuf },
    #[error("{}", tr!("crypt.foreign_key", path = path.display()))]
    ForeignKey { path: PathBuf },
    #[error("{}", tr!("crypt.undecryptable", path = path.display()))]
    Undecryptable { path: PathBuf },
    #[error("{}", tr!("crypt.seal_failed", path = path.display(), detail = detail))]
    Seal { path: PathBuf, detail: String },
    #[error("{}", tr!("crypt.already_encrypted", path = path.display()))]
    AlreadyEncrypted { path: PathBuf },
    #[error("{}", tr!("crypt.not_encrypted", path = path.display()))]
    NotEncrypted { path: PathBuf },
    #[error("{}", describe_io(action, path, source))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

impl StorageError {
    /// Whether this is the person's doing rather than the disk's (exit 2 on
    /// the command line): no passphrase, a wrong one, or a conversion that
    /// is already done.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            StorageError::Locked { .. }
                | StorageError::LockedMeanwhile
                | StorageError::Passphrase(_)
                | StorageError::WrongPassphrase { .. }
                | StorageError::AlreadyEncrypted { .. }
                | StorageError::NotEncrypted { .. }
        )
    }

    pub(crate) fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        StorageError::Io {
            action,
            path: path.to_owned(),
            source,
        }
    }
}

const MIB: u64 = 1024 * 1024;

/// Size in MB with one decimal, rounded up, so "just over" never reads as equal.
fn megabytes_up(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(MIB);
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn describe_io(action: &str, path: &Path, source: &io::Error) -> String {
    let path = path.display();
    match source.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            tr!("storage.disk_full", path = path)
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            tr!("storage.permission", action = action, path = path)
        }
        io::ErrorKind::NotADirectory => tr!("storage.not_a_directory", path = path),
        _ => tr!("storage.io", action = action, path = path, source = source),
    }
}
