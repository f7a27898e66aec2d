//! The data file: where it lives, its schema, how it is written (atomically,
//! under a lock) and how a damaged or foreign file is refused untouched.
//!
//! Every change is lock → re-read → apply → atomic write → unlock, so several
//! processes (the TUI, a CLI call from another pane, a shell prompt) never lose
//! an update. Reads take no lock: a rename is atomic, so a reader sees either
//! the old file or the new one.

mod atomic;
pub mod backup;
pub mod cache;
mod convert;
pub mod crypt;
pub mod demo;
mod error;
pub mod keyring;
mod lock;
pub mod paths;
pub mod schema;
pub mod transfer;

use std::borrow::Cow;
use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

pub use convert::Encryption;
pub use error::StorageError;
pub use keyring::{Asker, Keyring};

use crate::domain::Journey;
use crate::domain::digest::Digest;

/// The data file's name inside the data directory.
pub const DATA_FILE: &str = "breather.json";
/// The lock file's name: a separate file, because the data file's inode is
/// replaced on every save.
pub const LOCK_FILE: &str = "breather.lock";
/// Files larger than this are refused before being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The journey's home on disk.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    file: PathBuf,
    /// Where the status digest is kept (see [`cache`]); none by default.
    digest_cache: Option<PathBuf>,
    /// The keys of an encrypted journal (see [`crypt`]), shared by clones.
    keyring: Keyring,
}

/// The bytes of the data file as last read, to tell whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub journey: Journey,
    /// The file's JSON, decrypted when it was encrypted (`None` when no
    /// file exists yet).
    pub bytes: Option<Vec<u8>>,
    /// The file exactly as on disk, when it was encrypted.
    pub sealed: Option<Vec<u8>>,
}

impl Store {
    /// A store in `dir` (created 0700 on the first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        let file = dir.join(DATA_FILE);
        Store {
            dir,
            file,
            digest_cache: None,
            keyring: Keyring::default(),
        }
    }

    /// This store, asking `asker` for the passphrase (once) when the
    /// journal is encrypted. Without one, an encrypted journal stays locked.
    #[must_use]
    pub fn with_passphrase(mut self, asker: Asker) -> Self {
        self.keyring = Keyring::asking(asker);
        self
    }

    /// The keys of this store (shared by its clones).
    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// The key file of an encrypted journal (it exists only then).
    pub fn key_file(&self) -> PathBuf {
        self.dir.join(crypt::KEY_FILE)
    }

    /// Whether the journal is encrypted, known without the passphrase
    /// (the key file is there, or the data file is an age file).
    pub fn is_encrypted(&self) -> bool {
        fs::symlink_metadata(self.key_file()).is_ok() || starts_sealed(&self.file)
    }

    /// This store, keeping a status digest at `path` after every save and
    /// reading [`Store::digest`] from it while it matches the data file.
    #[must_use]
    pub fn with_digest_cache(mut self, path: PathBuf) -> Self {
        self.digest_cache = Some(path);
        self
    }

    /// What a status needs, without reading the whole file when the cached
    /// digest still matches it exactly; otherwise the file is read (and
    /// refused when damaged) as by [`Store::load`], and the digest kept.
    pub fn digest(&self) -> Result<Digest, StorageError> {
        let Some(cache_file) = &self.digest_cache else {
            return Ok(Digest::of(&self.load()?));
        };
        // An encrypted journal keeps no digest: dates and counts say too much.
        if self.is_encrypted() {
            cache::forget(cache_file);
            return Ok(Digest::of(&self.load()?));
        }
        if let Some(digest) = cache::read(cache_file, &self.file) {
            return Ok(digest);
        }
        let before = cache::stamp_of(&self.file);
        let loaded = self.read()?;
        let digest = Digest::of(&loaded.journey);
        // Kept only when the file did not change while it was being read.
        if let Some(stamp) = before.filter(|s| cache::stamp_of(&self.file) == Some(*s)) {
            cache::write(cache_file, &self.file, stamp, &digest);
        }
        Ok(digest)
    }

    /// Replaces the whole journey with `journey` (an import), under the
    /// lock. `allow` sees the journey on disk first and may refuse; a file
    /// that is replaced is first kept in `backups/`, named for `now`.
    pub fn replace_all<E>(
        &self,
        journey: Journey,
        now: NaiveDateTime,
        allow: impl FnOnce(&Journey) -> Result<(), E>,
    ) -> Result<Result<Journey, E>, StorageError> {
        let name = format!("breather-{}.json", now.format("%Y-%m-%dT%H%M%S"));
        let replace = |current: &mut Journey| {
            allow(current)?;
            *current = journey;
            Ok(())
        };
        Ok(self
            .apply(&Keep::Named(name), replace)?
            .map(|((), saved, _)| saved))
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The data file.
    pub fn data_file(&self) -> &Path {
        &self.file
    }

    /// Reads the journey; an absent file is an empty journey. A file that
    /// cannot be fully read is an error, and is left as it is.
    pub fn load(&self) -> Result<Journey, StorageError> {
        self.read().map(|loaded| loaded.journey)
    }

    /// Reads the journey and the raw bytes it came from.
    pub fn read(&self) -> Result<Loaded, StorageError> {
        match read_bounded(&self.file)? {
            None => Ok(Loaded {
                journey: Journey::new(),
                bytes: None,
                sealed: None,
            }),
            Some(raw) => self.decode_at(&self.file, raw),
        }
    }

    /// The journey in the file at `path` (a backup, an export), decrypted
    /// with this journal's keys when it is encrypted.
    pub fn read_journey_at(&self, path: &Path) -> Result<Journey, StorageError> {
        let missing = || StorageError::io("read", path, std::io::Error::from(ErrorKind::NotFound));
        let raw = read_bounded(path)?.ok_or_else(missing)?;
        Ok(self.decode_at(path, raw)?.journey)
    }

    /// Decrypts `raw` (read from `path`) when it is an age file, then
    /// decodes it strictly. Nothing from an encrypted file is quoted in errors.
    fn decode_at(&self, path: &Path, raw: Vec<u8>) -> Result<Loaded, StorageError> {
        let unreadable = |problem| StorageError::Unreadable {
            path: path.to_owned(),
            problem,
        };
        if crypt::is_sealed(&raw) {
            let keys = self.keyring.keys(&self.key_file())?;
            let plain = keys
                .open(&raw)
                .map_err(|failure| keyring::file_error(path, failure))?;
            let journey = schema::decode(&plain).map_err(|p| unreadable(p.withheld()))?;
            return Ok(Loaded {
                journey,
                bytes: Some(plain),
                sealed: Some(raw),
            });
        }
        let journey = schema::decode(&raw).map_err(unreadable)?;
        Ok(Loaded {
            journey,
            bytes: Some(raw),
            sealed: None,
        })
    }

    /// Applies `change` to the freshly read journey under the lock, and saves
    /// the result when `change` succeeds and altered something. When `change`
    /// refuses, nothing is written and its error is handed back.
    pub fn update<T, E>(
        &self,
        change: impl FnOnce(&mut Journey) -> Result<T, E>,
    ) -> Result<Result<T, E>, StorageError> {
        Ok(self.update_and_get(change)?.map(|(value, _)| value))
    }

    /// [`Store::update`], also handing back the journey as saved, so a
    /// long-running reader (the TUI) needs no second read.
    pub fn update_and_get<T, E>(
        &self,
        change: impl FnOnce(&mut Journey) -> Result<T, E>,
    ) -> Result<Result<(T, Journey), E>, StorageError> {
        Ok(self
            .apply(&Keep::Nothing, change)?
            .map(|(value, journey, _)| (value, journey)))
    }

    /// [`Store::update_and_get`] on `today`: the first write of a day first
    /// copies the current file to `backups/` (see [`backup`]).
    pub fn update_on<T, E>(
        &self,
        today: NaiveDate,
        change: impl FnOnce(&mut Journey) -> Result<T, E>,
    ) -> Result<Result<(T, Journey), E>, StorageError> {
        Ok(self
            .update_on_stamped(today, change)?
            .map(|(value, journey, _)| (value, journey)))
    }

    /// [`Store::update_on`], also handing back the file's fingerprint taken
    /// under the lock, so a reader knows exactly which version it holds.
    pub fn update_on_stamped<T, E>(
        &self,
        today: NaiveDate,
        change: impl FnOnce(&mut Journey) -> Result<T, E>,
    ) -> Result<Result<Stamped<T>, E>, StorageError> {
        self.apply(&Keep::Daily(today), change)
    }

    /// Replaces the journey with the one in the backup at `path`, after
    /// keeping the current file as a backup too (named for `now`). The
    /// backup must be fully readable; the write takes the usual path.
    pub fn restore(&self, path: &Path, now: NaiveDateTime) -> Result<Journey, StorageError> {
        let restored = self.read_journey_at(path)?;
        let name = format!("breather-{}.json", now.format("%Y-%m-%dT%H%M%S"));
        let replace = |journey: &mut Journey| {
            *journey = restored.clone();
            Ok::<(), std::convert::Infallible>(())
        };
        let Ok(((), journey, _)) = self.apply(&Keep::Named(name), replace)?;
        Ok(journey)
    }

    fn apply<T, E>(
        &self,
        keep: &Keep,
        change: impl FnOnce(&mut Journey) -> Result<T, E>,
    ) -> Result<Result<Stamped<T>, E>, StorageError> {
        atomic::ensure_private_dir(&self.dir)?;
        let _lock = lock::Lock::acquire(&self.dir.join(LOCK_FILE))?;
        atomic::remove_stale_temps(&self.dir, DATA_FILE);
        let Loaded {
            mut journey,
            bytes,
            sealed,
        } = self.read()?;
        let outcome = match change(&mut journey) {
            Ok(value) => value,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let room = bytes.as_ref().map_or(0, |b| b.len() + 4096);
        let encoded =
            schema::encode_sized(&journey, room).map_err(|source| StorageError::Encode {
                path: self.file.clone(),
                detail: source.to_string(),
            })?;
        if bytes.as_deref() != Some(encoded.as_slice()) {
            // Encrypted while the key file is there: checked under the lock,
            // so a conversion by another process is never missed.
            let keys = if fs::symlink_metadata(self.key_file()).is_ok() {
                Some(self.keyring.keys(&self.key_file())?)
            } else {
                None
            };
            let keys = keys.as_deref();
            if let Some(old) = bytes.as_deref() {
                let on_disk = match sealed {
                    Some(sealed) => Cow::Owned(sealed),
                    None => as_on_disk(keys, old, &self.file)?,
                };
                self.keep_copy(keep, old, &on_disk)?;
            }
            atomic::write(
                &self.write_target(),
                &as_on_disk(keys, &encoded, &self.file)?,
            )?;
            match (&self.digest_cache, cache::stamp_of(&self.file)) {
                (Some(cache_file), _) if keys.is_some() => cache::forget(cache_file),
                (Some(cache_file), Some(stamp)) => {
                    cache::write(cache_file, &self.file, stamp, &Digest::of(&journey));
                }
                _ => {}
            }
        }
        // Taken under the lock: the fingerprint of exactly this version.
        let stamp = self.stamp();
        Ok(Ok((outcome, journey, stamp)))
    }

    /// The copies made before a write replaces `old` (its JSON; `on_disk`
    /// is what is copied, encrypted when the journal is): one before a file
    /// of an older format is rewritten (never pruned), and the one `keep` asks for.
    fn keep_copy(&self, keep: &Keep, old: &[u8], on_disk: &[u8]) -> Result<(), StorageError> {
        if let Some(version) = schema::older_version(old) {
            backup::write(
                &self.dir,
                &format!("breather-v{version}-original.json"),
                on_disk,
            )?;
        }
        match keep {
            Keep::Nothing => Ok(()),
            Keep::Daily(day) => backup::daily(&self.dir, *day, on_disk),
            Keep::Named(name) => backup::write(&self.dir, name, on_disk).map(|_| ()),
        }
    }

    /// Every backup, newest first, each read (never written); an encrypted
    /// journal is unlocked first, once.
    pub fn backups(&self) -> Result<Vec<backup::Backup>, StorageError> {
        if self.is_encrypted() {
            self.keyring.keys(&self.key_file())?;
        }
        Ok(backup::list(&self.dir, |path, raw| {
            self.decode_at(path, raw)
                .map(|loaded| loaded.journey)
                .map_err(|e| match e {
                    StorageError::Unreadable { problem, .. } => problem,
                    _ => schema::Problem::Sealed,
                })
        }))
    }

    /// Where a save goes: the data file, or the file it links to, so a
    /// symlinked data file (kept in another folder) is updated, not replaced.
    fn write_target(&self) -> PathBuf {
        match fs::symlink_metadata(&self.file) {
            Ok(meta) if meta.file_type().is_symlink() => {
                fs::canonicalize(&self.file).unwrap_or_else(|_| self.file.clone())
            }
            _ => self.file.clone(),
        }
    }

    /// A cheap fingerprint of the data file (size, modification time,
    /// inode), to notice that another process saved it.
    pub fn stamp(&self) -> Option<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(&self.file).ok()?;
        Some(FileStamp {
            len: meta.len(),
            modified_ns: meta
                .mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(meta.mtime_nsec()),
            inode: meta.ino(),
        })
    }
}

/// Which copy of the current file to keep before a write replaces it.
enum Keep {
    Nothing,
    /// The day's backup, if there is none yet.
    Daily(NaiveDate),
    /// A copy under this name (before a restore).
    Named(String),
}

/// What a change gave back, the journey as saved, and the file's
/// fingerprint taken under the lock.
pub type Stamped<T> = (T, Journey, Option<FileStamp>);

/// See [`Store::stamp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified_ns: i64,
    inode: u64,
}

/// Whether the file at `path` begins like an age file (reads a few bytes).
fn starts_sealed(path: &Path) -> bool {
    // Only a regular file: opening a FIFO would block.
    if !fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 64];
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut read = 0;
    let mut file = file.take(64);
    while let Ok(n) = file.read(&mut head[read..]) {
        if n == 0 {
            break;
        }
        read += n;
    }
    crypt::is_sealed(&head[..read])
}

/// `plain` as it goes to disk: sealed with `keys`, or as it is — without a
/// copy, which on a ten-year journal spares two 3 MB copies per save.
fn as_on_disk<'a>(
    keys: Option<&crypt::Keys>,
    plain: &'a [u8],
    file: &Path,
) -> Result<Cow<'a, [u8]>, StorageError> {
    match keys {
        Some(keys) => keys
            .seal(plain)
            .map(Cow::Owned)
            .map_err(|e| StorageError::Seal {
                path: file.to_owned(),
                detail: e.to_string(),
            }),
        None => Ok(Cow::Borrowed(plain)),
    }
}

/// Reads at most [`MAX_FILE_BYTES`] of the data file; `None` when it is absent.
pub(crate) fn read_bounded(path: &Path) -> Result<Option<Vec<u8>>, StorageError> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(StorageError::DanglingSymlink {
                    path: path.to_owned(),
                });
            }
            return Ok(None);
        }
        Err(source) if source.kind() == ErrorKind::NotADirectory => {
            let dir = path.parent().unwrap_or(path);
            return Err(StorageError::io("use", dir, source));
        }
        Err(source) => return Err(StorageError::io("read", path, source)),
    };
    // Only a regular file is read: a FIFO or a device would block or never end.
    if !meta.is_file() {
        return Err(StorageError::NotAFile {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(StorageError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let file = fs::File::open(path).map_err(|source| StorageError::io("read", path, source))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| StorageError::io("read", path, source))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StorageError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    Ok(Some(bytes))
}
