//! Turning encryption on and off, and changing the passphrase. Each runs
//! under the writers' lock and converts every file — the data file and each
//! backup — by an atomic write, in an order where, at every moment, every
//! file opens with what is on disk (a crash or `kill -9` midway loses
//! nothing; running the same command again finishes the job):
//!
//! - encrypt: key file first, then each file. Midway: the key file and a
//!   mix of plain and encrypted files, all readable.
//! - decrypt: every file opened in memory first (nothing is written unless
//!   all open), then each written plain, then the key file removed.
//! - passphrase: every file opened first; then a key file holding a new key
//!   *and* the old one, under the new passphrase; then each file
//!   re-encrypted to the new key; then the key file with the new key only.

use std::fs;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;

use super::crypt::{self, Keys};
use super::{DATA_FILE, StorageError, Store, atomic, backup, keyring, lock, read_bounded};

/// Where encryption stands, known without the passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encryption {
    /// The key file is there: saves are encrypted.
    pub on: bool,
    /// Files left plain while it is on, or encrypted while it is off: a
    /// conversion was interrupted.
    pub unfinished: Vec<PathBuf>,
}

impl Store {
    /// Where encryption stands (reads a few bytes of each file).
    pub fn encryption(&self) -> Encryption {
        let on = fs::symlink_metadata(self.key_file()).is_ok();
        let unfinished = self
            .files()
            .into_iter()
            .filter(|path| super::starts_sealed(path) != on)
            .collect();
        Encryption { on, unfinished }
    }

    /// Unlocks the key file now (asking for the passphrase) when the
    /// journal is encrypted, so a wrong passphrase is refused up front.
    pub fn unlock(&self) -> Result<(), StorageError> {
        if fs::symlink_metadata(self.key_file()).is_ok() {
            self.keyring().keys(&self.key_file())?;
        }
        Ok(())
    }

    /// Whether the unlocked key file still holds the key of an interrupted
    /// passphrase change (false while locked).
    pub fn passphrase_change_unfinished(&self) -> bool {
        self.keyring().is_unlocked()
            && self
                .keyring()
                .keys(&self.key_file())
                .is_ok_and(|keys| keys.len() > 1)
    }

    /// Turns encryption on with `passphrase`: a new key, wrapped in the key
    /// file, then every file encrypted to it. Returns how many were.
    pub fn encrypt(&self, passphrase: &SecretString) -> Result<usize, StorageError> {
        let _lock = self.lock_for_conversion()?;
        if fs::symlink_metadata(self.key_file()).is_ok() {
            return Err(StorageError::AlreadyEncrypted {
                path: self.key_file(),
            });
        }
        // A file that cannot be fully read is never converted.
        self.read()?;
        let keys = Keys::generate();
        self.write_key(&keys, passphrase)?;
        self.keyring().set(Some(keys));
        let keys = self.keyring().keys(&self.key_file())?;
        let sealed = self.seal_plain_files(&keys)?;
        if let Some(cache) = &self.digest_cache {
            super::cache::forget(cache);
        }
        Ok(sealed)
    }

    /// Encrypts the files an interrupted `encrypt` (or `decrypt`) left
    /// plain, unlocking the key file first. Returns how many it encrypted.
    pub fn finish_encryption(&self) -> Result<usize, StorageError> {
        let _lock = self.lock_for_conversion()?;
        let state = self.encryption();
        if !state.on {
            return Err(StorageError::NotEncrypted {
                path: self.key_file(),
            });
        }
        if state.unfinished.is_empty() {
            return Err(StorageError::AlreadyEncrypted {
                path: self.key_file(),
            });
        }
        let keys = self.keyring().keys(&self.key_file())?;
        let sealed = self.seal_plain_files(&keys)?;
        if let Some(cache) = &self.digest_cache {
            super::cache::forget(cache);
        }
        Ok(sealed)
    }

    /// Turns encryption off: every file back to plain JSON, then the key
    /// file removed. Returns how many files were decrypted.
    pub fn decrypt(&self) -> Result<usize, StorageError> {
        let _lock = self.lock_for_conversion()?;
        if fs::symlink_metadata(self.key_file()).is_err() {
            if self.files().iter().any(|p| super::starts_sealed(p)) {
                return Err(StorageError::KeyMissing {
                    path: self.key_file(),
                });
            }
            return Err(StorageError::NotEncrypted {
                path: self.key_file(),
            });
        }
        let keys = self.keyring().keys(&self.key_file())?;
        // Everything opens (and the data file decodes) before anything is written.
        let opened = self.open_all(&keys, true)?;
        let mut count = 0;
        for (path, plain, was_sealed) in &opened {
            if *was_sealed {
                atomic::write(&self.target_of(path), plain)?;
                count += 1;
            }
        }
        let key_file = self.key_file();
        fs::remove_file(&key_file).map_err(|e| StorageError::io("remove", &key_file, e))?;
        sync_dir(self.dir());
        self.keyring().set(None);
        Ok(count)
    }

    /// Changes the passphrase to `new` and re-keys everything: a new key,
    /// every file re-encrypted to it, so nothing here opens with the old
    /// passphrase (or a copy of the old key file) any more.
    pub fn change_passphrase(&self, new: &SecretString) -> Result<usize, StorageError> {
        let _lock = self.lock_for_conversion()?;
        if fs::symlink_metadata(self.key_file()).is_err() {
            return Err(StorageError::NotEncrypted {
                path: self.key_file(),
            });
        }
        let old = self.keyring().keys(&self.key_file())?;
        let opened = self.open_all(&old, true)?;
        // From here until the end, the new passphrase opens every file,
        // re-encrypted yet or not.
        let both = Keys::generate_after(&old);
        self.write_key(&both, new)?;
        for (path, plain, _) in &opened {
            let sealed = seal_checked(&both, path, plain)?;
            atomic::write(&self.target_of(path), &sealed)?;
        }
        let last = both.current_only();
        self.write_key(&last, new)?;
        self.keyring().set(Some(last));
        if let Some(cache) = &self.digest_cache {
            super::cache::forget(cache);
        }
        Ok(opened.len())
    }

    fn lock_for_conversion(&self) -> Result<lock::Lock, StorageError> {
        atomic::ensure_private_dir(self.dir())?;
        let held = lock::Lock::acquire(&self.dir().join(super::LOCK_FILE))?;
        atomic::remove_stale_temps(self.dir(), DATA_FILE);
        atomic::remove_stale_temps(self.dir(), crypt::KEY_FILE);
        atomic::remove_stale_json_temps(&backup::dir_in(self.dir()));
        Ok(held)
    }

    /// The data file (when there is one) and every backup, in name order.
    fn files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        if fs::metadata(self.data_file()).is_ok_and(|m| m.is_file()) {
            files.push(self.data_file().to_owned());
        }
        let mut backups: Vec<PathBuf> = fs::read_dir(backup::dir_in(self.dir()))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                fs::symlink_metadata(p).is_ok_and(|m| m.is_file())
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        backups.sort();
        files.extend(backups);
        files
    }

    /// Where a converted file is written: the data file's link target, or
    /// the backup itself.
    fn target_of(&self, path: &Path) -> PathBuf {
        if path == self.data_file() {
            self.write_target()
        } else {
            path.to_owned()
        }
    }

    /// Every file's JSON (decrypted where encrypted) and whether it was
    /// encrypted. With `check_data`, the data file must also decode.
    fn open_all(
        &self,
        keys: &Keys,
        check_data: bool,
    ) -> Result<Vec<(PathBuf, Vec<u8>, bool)>, StorageError> {
        let mut opened = Vec::new();
        for path in self.files() {
            let Some(raw) = read_bounded(&path)? else {
                continue;
            };
            let was_sealed = crypt::is_sealed(&raw);
            let plain = if was_sealed {
                keys.open(&raw)
                    .map_err(|failure| keyring::file_error(&path, failure))?
            } else {
                raw
            };
            if check_data && path == self.data_file() {
                super::schema::decode(&plain).map_err(|problem| StorageError::Unreadable {
                    path: path.clone(),
                    problem: problem.withheld(),
                })?;
            }
            opened.push((path, plain, was_sealed));
        }
        Ok(opened)
    }

    /// Encrypts every plain file to `keys`; returns how many.
    fn seal_plain_files(&self, keys: &Keys) -> Result<usize, StorageError> {
        let mut count = 0;
        for path in self.files() {
            let Some(raw) = read_bounded(&path)? else {
                continue;
            };
            if crypt::is_sealed(&raw) {
                continue;
            }
            let sealed = seal_checked(keys, &path, &raw)?;
            atomic::write(&self.target_of(&path), &sealed)?;
            count += 1;
        }
        Ok(count)
    }

    /// Writes `keys` to the key file under `passphrase`, after checking
    /// that the wrapped key opens again, and that the disk kept it exactly.
    fn write_key(&self, keys: &Keys, passphrase: &SecretString) -> Result<(), StorageError> {
        let key_file = self.key_file();
        let failed = |detail: String| StorageError::Seal {
            path: key_file.clone(),
            detail,
        };
        let wrapped = keys
            .wrap(passphrase, crypt::work_factor())
            .map_err(|e| failed(e.to_string()))?;
        let reopened = Keys::unwrap(&wrapped, passphrase)
            .map_err(|failure| keyring::key_error(&key_file, failure))?;
        if reopened.recipient() != keys.recipient() || reopened.len() != keys.len() {
            return Err(failed("the wrapped key does not open again".to_owned()));
        }
        atomic::write(&key_file, &wrapped)?;
        if read_bounded(&key_file)?.as_deref() != Some(wrapped.as_slice()) {
            return Err(failed("the key file did not read back the same".to_owned()));
        }
        Ok(())
    }
}

/// `plain` encrypted to `keys`, checked to open again to the same bytes.
fn seal_checked(keys: &Keys, path: &Path, plain: &[u8]) -> Result<Vec<u8>, StorageError> {
    let failed = |detail: String| StorageError::Seal {
        path: path.to_owned(),
        detail,
    };
    let sealed = keys.seal(plain).map_err(|e| failed(e.to_string()))?;
    if keys.open(&sealed).ok().as_deref() != Some(plain) {
        return Err(failed("the encrypted copy does not open again".to_owned()));
    }
    Ok(sealed)
}

/// Makes a removal in `dir` durable (best effort: the file is gone either way).
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::storage::Asker;

    fn asker(passphrase: &'static str) -> Asker {
        Asker {
            ask: Arc::new(move |_| Ok(SecretString::from(passphrase.to_owned()))),
            attempts: 1,
        }
    }

    fn note(store: &Store, text: &str) -> Result<(), StorageError> {
        let now = crate::clock::parse_now("2027-01-04T20:00").expect("a moment");
        store
            .update(|j| j.write_journal(now, text, None).map(|_| ()))?
            .map_err(|e| StorageError::Passphrase(e.to_string()))
    }

    #[test]
    fn an_open_app_never_prompts_when_another_process_encrypts() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let open_app = Store::new(dir.path()).with_passphrase(asker("a long passphrase"));
        note(&open_app, "written while plain").expect("saved");
        open_app.keyring().stop_asking();

        let other = Store::new(dir.path()).with_passphrase(asker("a long passphrase"));
        let pass = SecretString::from("a long passphrase".to_owned());
        assert_eq!(other.encrypt(&pass).expect("encrypts"), 1);
        assert!(matches!(
            note(&open_app, "after"),
            Err(StorageError::LockedMeanwhile)
        ));
        assert_eq!(other.load().expect("opens").journal.len(), 1);

        // Re-keyed by another process: the old keys open nothing, and nothing is written.
        let unlocked = Store::new(dir.path()).with_passphrase(asker("a long passphrase"));
        unlocked.unlock().expect("unlocks");
        let new = SecretString::from("another passphrase".to_owned());
        other.change_passphrase(&new).expect("re-keyed");
        let before = fs::read(other.data_file()).expect("data");
        assert!(matches!(
            note(&unlocked, "after"),
            Err(StorageError::ForeignKey { .. })
        ));
        assert_eq!(fs::read(other.data_file()).expect("data"), before);
        assert_eq!(other.decrypt().expect("decrypts"), 1);
        assert!(!other.key_file().exists());
    }
}
