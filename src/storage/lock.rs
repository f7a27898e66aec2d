//! The writers' lock: an exclusive lock on `breather.lock`, held from the
//! re-read to the end of the atomic write.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::StorageError;

/// Held while a change is applied; released when dropped (or when the
/// process dies, since the kernel drops the lock with the descriptor).
pub(crate) struct Lock {
    file: File,
}

impl Lock {
    /// Waits for the lock.
    pub(crate) fn acquire(path: &Path) -> Result<Self, StorageError> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(path)
            .map_err(|source| StorageError::io("lock", path, source))?;
        file.lock()
            .map_err(|source| StorageError::io("lock", path, source))?;
        Ok(Lock { file })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the descriptor releases the lock anyway; unlocking first
        // just makes the release immediate and explicit.
        let _ = self.file.unlock();
    }
}
