//! Where a passphrase comes from: the file named by `BREATHER_PASSPHRASE_FILE`
//! (scripts and tests), else a masked prompt on the terminal (`/dev/tty`,
//! so it works with standard input piped). Never from an argument, which
//! other users can see in the process list.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use age::secrecy::{ExposeSecret, SecretString};

use super::CliError;
use crate::storage::Asker;
use crate::tr;

/// The file holding the passphrase (its first line).
pub const FILE_VAR: &str = "BREATHER_PASSPHRASE_FILE";
/// For `breather passphrase` in scripts: the file holding the new one.
pub const NEW_FILE_VAR: &str = "BREATHER_NEW_PASSPHRASE_FILE";
/// The shortest passphrase accepted.
pub const MIN_CHARS: usize = 8;
/// A passphrase file longer than this is not a passphrase file.
const MAX_FILE_BYTES: u64 = 4096;

/// How the store asks for the current passphrase: from the file when one
/// is named (one try), else on the terminal (three tries).
pub fn asker() -> Asker {
    let from_file = std::env::var_os(FILE_VAR).filter(|v| !v.is_empty());
    let attempts = if from_file.is_some() { 1 } else { 3 };
    Asker {
        ask: Arc::new(move |attempt| match &from_file {
            Some(path) => read_file(&PathBuf::from(path), FILE_VAR),
            None if attempt > 1 => prompt(&tr!("crypt.prompt_retry")),
            None => prompt(&tr!("crypt.prompt")),
        }),
        attempts,
    }
}

/// A new passphrase: from the file named by `var` when set, else typed
/// twice on the terminal. Too short, or not the same twice: refused.
pub fn new_passphrase(var: &str) -> Result<SecretString, CliError> {
    let passphrase = if let Some(path) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        read_file(&PathBuf::from(path), var).map_err(CliError::Refused)?
    } else {
        let first = prompt(&tr!("crypt.prompt_new")).map_err(CliError::Refused)?;
        let second = prompt(&tr!("crypt.prompt_again")).map_err(CliError::Refused)?;
        if first.expose_secret() != second.expose_secret() {
            return Err(CliError::Refused(tr!("crypt.mismatch")));
        }
        first
    };
    if passphrase.expose_secret().chars().count() < MIN_CHARS {
        return Err(CliError::Refused(tr!("crypt.too_short", min = MIN_CHARS)));
    }
    Ok(passphrase)
}

/// A masked prompt on the controlling terminal.
fn prompt(text: &str) -> Result<SecretString, String> {
    rpassword::prompt_password(text)
        .map(SecretString::from)
        .map_err(|_| tr!("crypt.no_terminal", var = FILE_VAR))
}

/// The first line of a passphrase file (without its line ending).
fn read_file(path: &std::path::Path, var: &str) -> Result<SecretString, String> {
    let unreadable = |error: &dyn std::fmt::Display| {
        tr!(
            "crypt.file_unreadable",
            path = path.display(),
            var = var,
            error = error
        )
    };
    let mut bytes = zeroize::Zeroizing::new(Vec::new());
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES).read_to_end(&mut bytes))
        .map_err(|e| unreadable(&e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| unreadable(&e))?;
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(tr!("crypt.file_empty", path = path.display(), var = var));
    }
    Ok(SecretString::from(line.to_owned()))
}
