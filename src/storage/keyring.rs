//! The passphrase, asked for at most once per process, and the keys it
//! unlocks, shared by every clone of the store (the TUI's signal thread
//! saves with the keys the app was opened with, and never asks).

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use age::secrecy::SecretString;

use super::crypt::{Keys, OpenFailure};
use super::{StorageError, read_bounded};

/// Asks the person for the passphrase; `attempt` counts from 1. An error
/// is one sentence saying why there is no passphrase (no terminal, ...).
pub type AskFn = dyn Fn(u32) -> Result<SecretString, String> + Send + Sync;

/// Where the passphrase comes from, and how many wrong ones are allowed
/// (three on a terminal, one from a file).
#[derive(Clone)]
pub struct Asker {
    pub ask: Arc<AskFn>,
    pub attempts: u32,
}

/// The keys of one process: locked until first needed.
#[derive(Clone, Default)]
pub struct Keyring {
    asker: Option<Asker>,
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    keys: Option<Arc<Keys>>,
    /// Set once the full-screen app runs: a prompt would break its screen.
    asking_stopped: bool,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Keyring(unlocked: {})", self.is_unlocked())
    }
}

impl Keyring {
    /// A keyring that asks `asker` when a key is first needed.
    pub fn asking(asker: Asker) -> Self {
        Keyring {
            asker: Some(asker),
            state: Arc::default(),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the keys were unlocked in this process.
    pub fn is_unlocked(&self) -> bool {
        self.state().keys.is_some()
    }

    /// From now on, never ask: a key still locked stays locked (the
    /// full-screen app, whose screen a prompt would break).
    pub fn stop_asking(&self) {
        self.state().asking_stopped = true;
    }

    /// The keys in `key_file`, unlocked with the passphrase the first time.
    pub(crate) fn keys(&self, key_file: &Path) -> Result<Arc<Keys>, StorageError> {
        let mut state = self.state();
        if let Some(keys) = &state.keys {
            return Ok(Arc::clone(keys));
        }
        let wrapped = read_bounded(key_file)?.ok_or_else(|| StorageError::KeyMissing {
            path: key_file.to_owned(),
        })?;
        let asker = match &self.asker {
            Some(_) if state.asking_stopped => return Err(StorageError::LockedMeanwhile),
            Some(asker) => asker,
            None => {
                return Err(StorageError::Locked {
                    path: key_file.to_owned(),
                });
            }
        };
        let mut attempt = 1;
        let keys = loop {
            let passphrase = (asker.ask)(attempt).map_err(StorageError::Passphrase)?;
            match Keys::unwrap(&wrapped, &passphrase) {
                Ok(keys) => break keys,
                Err(OpenFailure::WrongPassphrase) if attempt < asker.attempts => attempt += 1,
                Err(failure) => return Err(key_error(key_file, failure)),
            }
        };
        let keys = Arc::new(keys);
        state.keys = Some(Arc::clone(&keys));
        Ok(keys)
    }

    /// Replaces the keys held (after a conversion), or forgets them.
    pub(crate) fn set(&self, keys: Option<Keys>) {
        self.state().keys = keys.map(Arc::new);
    }
}

/// A failure to open the key file, as one sentence naming it.
pub(crate) fn key_error(key_file: &Path, failure: OpenFailure) -> StorageError {
    let path = key_file.to_owned();
    match failure {
        OpenFailure::WrongPassphrase => StorageError::WrongPassphrase { path },
        OpenFailure::ExcessiveWork { found } => StorageError::ExcessiveWork {
            path,
            found,
            max: super::crypt::MAX_WORK_FACTOR,
        },
        OpenFailure::ForeignKey | OpenFailure::Damaged => StorageError::KeyDamaged { path },
    }
}

/// A failure to open an encrypted data or backup file.
pub(crate) fn file_error(path: &Path, failure: OpenFailure) -> StorageError {
    let path = path.to_owned();
    match failure {
        OpenFailure::ForeignKey => StorageError::ForeignKey { path },
        _ => StorageError::Undecryptable { path },
    }
}
