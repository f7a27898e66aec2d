//! `breather encrypt`, `breather decrypt` and `breather passphrase`: opt-in
//! encryption at rest (see `storage::crypt` for the design), and the notes
//! any command leaves when a conversion was interrupted.

use std::io::Write;

use super::CliError;
use super::output::{Output, note};
use super::passphrase::{self, FILE_VAR, NEW_FILE_VAR};
use crate::service::Service;
use crate::text::count;
use crate::tr;

/// `breather encrypt`: warns that a forgotten passphrase can't be
/// recovered, asks for it twice, and encrypts the data file and every
/// backup. On a journal left half-encrypted, finishes the job instead.
pub fn encrypt(service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    if service.store().encryption().on {
        let files = service.finish_encryption()?;
        out.line(tr!(
            "crypt.finished",
            files = count(files as u64, "count.files")
        ))?;
        return Ok(());
    }
    note(tr!("crypt.warning"));
    let new = passphrase::new_passphrase(FILE_VAR)?;
    let files = service.encrypt(&new)?;
    out.line(tr!(
        "crypt.encrypted",
        files = count(files as u64, "count.files")
    ))?;
    Ok(())
}

/// `breather decrypt`: every file back to plain JSON, the key file removed.
pub fn decrypt(service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    if service.store().encryption().on {
        note(tr!("crypt.decrypt_warning"));
    }
    let files = service.decrypt()?;
    out.line(tr!(
        "crypt.decrypted",
        files = count(files as u64, "count.files")
    ))?;
    Ok(())
}

/// `breather passphrase`: the current passphrase, then the new one twice
/// (or `BREATHER_PASSPHRASE_FILE` and `BREATHER_NEW_PASSPHRASE_FILE`); a
/// new key, and every file re-encrypted to it.
pub fn change(service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let store = service.store();
    if !store.encryption().on {
        // Refused before anything is asked.
        return Err(CliError::from(crate::service::ServiceError::Storage(
            crate::storage::StorageError::NotEncrypted {
                path: store.key_file(),
            },
        )));
    }
    // The current passphrase first: a wrong one is refused before a new one is asked for.
    service.unlock()?;
    let new = passphrase::new_passphrase(NEW_FILE_VAR)?;
    let files = service.change_passphrase(&new)?;
    out.line(tr!(
        "crypt.rekeyed",
        files = count(files as u64, "count.files")
    ))?;
    Ok(())
}

/// After any command: one line on stderr when a conversion was
/// interrupted (files left plain, or a passphrase change half done).
pub fn remind_unfinished(service: &Service) {
    let store = service.store();
    let state = store.encryption();
    if !state.unfinished.is_empty() {
        note(tr!("crypt.unfinished"));
    } else if state.on && store.passphrase_change_unfinished() {
        note(tr!("crypt.unfinished_rekey"));
    }
}
