//! Encryption at rest (opt-in), with the `age` format.
//!
//! One random X25519 key opens everything: the data file and its backups are
//! age files encrypted to it, so a save costs one fast public-key operation.
//! The key itself lives in `breather.key` beside the data file, as an age
//! file encrypted with the passphrase (scrypt), so unlocking costs one slow
//! key derivation per process. Both are stock age files: the `age` tool opens
//! them without breather (see the README).
//!
//! The key file holds one `AGE-SECRET-KEY-1…` line per key. Saves use the
//! first; any others only open files not yet re-encrypted after an
//! interrupted passphrase change.

use std::io::{BufRead, BufReader, Read, Write};
use std::iter;

use age::secrecy::{ExposeSecret, SecretString};
use age::{DecryptError, Decryptor, Encryptor, x25519};
use zeroize::Zeroizing;

/// The key file's name, beside the data file.
pub const KEY_FILE: &str = "breather.key";

/// The scrypt work factor (log2 N) breather wraps its key with: about a
/// second of work and 256 MiB of memory on a laptop of 2020.
pub const WORK_FACTOR: u8 = 18;

/// The largest work factor accepted when unlocking (2^20: about four times
/// [`WORK_FACTOR`]'s time, 1 GiB of memory). A crafted key file asking for
/// more is refused before any work is done, so it cannot hang the app.
pub const MAX_WORK_FACTOR: u8 = 20;

/// The first bytes of an age file: binary, or armored (text).
const BINARY_MAGIC: &[u8] = b"age-encryption.org/";
const ARMOR_MAGIC: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// Whether `bytes` are an age file (recognisable without any key).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(BINARY_MAGIC) || bytes.starts_with(ARMOR_MAGIC)
}

/// Why a key or a file could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenFailure {
    /// The passphrase does not open the key file.
    WrongPassphrase,
    /// The key file asks for more scrypt work than breather ever uses.
    ExcessiveWork { found: u8 },
    /// The file is encrypted to a key that is not in the key file.
    ForeignKey,
    /// The file is damaged (header, MAC or payload), or not an age file.
    Damaged,
}

/// The unlocked keys. Never printed, never written except wrapped.
pub struct Keys {
    identities: Vec<x25519::Identity>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Keys({} held)", self.identities.len())
    }
}

impl Keys {
    /// A new random key.
    pub fn generate() -> Self {
        Keys {
            identities: vec![x25519::Identity::generate()],
        }
    }

    /// A new random key that saves, with `previous`'s keys kept to open
    /// files not yet re-encrypted (during a passphrase change).
    pub fn generate_after(previous: &Keys) -> Self {
        let mut identities = vec![x25519::Identity::generate()];
        identities.extend(previous.copies());
        Keys { identities }
    }

    /// Only the key that saves (the end of a passphrase change).
    #[must_use]
    pub fn current_only(&self) -> Self {
        Keys {
            identities: self.copies().take(1).collect(),
        }
    }

    /// How many keys are held (more than one: a passphrase change is unfinished).
    pub fn len(&self) -> usize {
        self.identities.len()
    }

    /// Whether no key is held (never, for keys made here or unwrapped).
    pub fn is_empty(&self) -> bool {
        self.identities.is_empty()
    }

    /// The public half of the key that saves, as `age1…` (for the README's
    /// manual steps and the tests: it reveals nothing).
    pub fn recipient(&self) -> Option<String> {
        self.identities.first().map(|i| i.to_public().to_string())
    }

    fn copies(&self) -> impl Iterator<Item = x25519::Identity> + '_ {
        self.identities.iter().filter_map(|i| {
            let text = i.to_string();
            text.expose_secret().parse().ok()
        })
    }

    /// `plain` as a binary age file to the key that saves.
    pub fn seal(&self, plain: &[u8]) -> std::io::Result<Vec<u8>> {
        let first = self
            .identities
            .first()
            .ok_or_else(|| std::io::Error::other("no key"))?;
        let recipient = first.to_public();
        let encryptor = Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
            .map_err(std::io::Error::other)?;
        let mut sealed = Vec::with_capacity(plain.len() + 256);
        let mut writer = encryptor.wrap_output(&mut sealed)?;
        writer.write_all(plain)?;
        writer.finish()?;
        Ok(sealed)
    }

    /// Decrypts an age file sealed to any of the keys held.
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, OpenFailure> {
        let decryptor = Decryptor::new_buffered(age::armor::ArmoredReader::new(sealed))
            .map_err(|e| failure(&e))?;
        let identities = self.identities.iter().map(|i| i as &dyn age::Identity);
        let mut reader = decryptor.decrypt(identities).map_err(|e| failure(&e))?;
        let mut plain = Vec::with_capacity(sealed.len());
        reader
            .read_to_end(&mut plain)
            .map_err(|_| OpenFailure::Damaged)?;
        Ok(plain)
    }

    /// The key file's contents: these keys, encrypted with `passphrase`
    /// (scrypt at `work_factor`), armored so it is plain ASCII.
    pub fn wrap(&self, passphrase: &SecretString, work_factor: u8) -> std::io::Result<Vec<u8>> {
        let mut text = Zeroizing::new(String::new());
        text.push_str("# breather's key: it opens breather.json and backups/ beside it.\n");
        for identity in &self.identities {
            text.push_str(identity.to_string().expose_secret());
            text.push('\n');
        }
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        recipient.set_work_factor(work_factor.clamp(1, MAX_WORK_FACTOR));
        let encryptor = Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
            .map_err(std::io::Error::other)?;
        let mut wrapped = Vec::new();
        let armored =
            age::armor::ArmoredWriter::wrap_output(&mut wrapped, age::armor::Format::AsciiArmor)?;
        let mut writer = encryptor.wrap_output(armored)?;
        writer.write_all(text.as_bytes())?;
        writer.finish()?.finish()?;
        Ok(wrapped)
    }

    /// The keys in a key file, unlocked with `passphrase`. A work factor
    /// above [`MAX_WORK_FACTOR`] is refused before any work is done.
    pub fn unwrap(key_file: &[u8], passphrase: &SecretString) -> Result<Keys, OpenFailure> {
        let decryptor = Decryptor::new_buffered(age::armor::ArmoredReader::new(key_file))
            .map_err(|e| failure(&e))?;
        if !decryptor.is_scrypt() {
            return Err(OpenFailure::Damaged);
        }
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        let mut reader = decryptor
            .decrypt(iter::once(&identity as &dyn age::Identity))
            .map_err(|e| match e {
                DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed => {
                    OpenFailure::WrongPassphrase
                }
                other => failure(&other),
            })?;
        let mut text = Zeroizing::new(Vec::new());
        reader
            .read_to_end(&mut text)
            .map_err(|_| OpenFailure::Damaged)?;
        let mut identities = Vec::new();
        for line in BufReader::new(text.as_slice()).lines() {
            let line = Zeroizing::new(line.map_err(|_| OpenFailure::Damaged)?);
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            identities.push(line.parse().map_err(|_| OpenFailure::Damaged)?);
        }
        if identities.is_empty() {
            return Err(OpenFailure::Damaged);
        }
        Ok(Keys { identities })
    }
}

fn failure(error: &DecryptError) -> OpenFailure {
    match error {
        DecryptError::ExcessiveWork { required, .. } => {
            OpenFailure::ExcessiveWork { found: *required }
        }
        DecryptError::NoMatchingKeys => OpenFailure::ForeignKey,
        _ => OpenFailure::Damaged,
    }
}

/// The work factor new key files get: [`WORK_FACTOR`], or in debug builds
/// (the tests) `BREATHER_TEST_WORK_FACTOR`, so a test suite that unlocks
/// hundreds of times stays fast. Release builds ignore the variable.
pub fn work_factor() -> u8 {
    // The library's own unit tests: a cheap factor, the same format.
    if cfg!(test) {
        return 10;
    }
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("BREATHER_TEST_WORK_FACTOR")
        .ok()
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|n| (1..64).contains(n))
    {
        return n;
    }
    WORK_FACTOR
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn sealed_files_open_with_their_key_only() {
        let keys = Keys::generate();
        let sealed = keys.seal(b"{\"schema_version\": 1}\n").expect("sealed");
        assert!(is_sealed(&sealed));
        assert!(!is_sealed(b"{\"schema_version\": 1}"));
        assert_eq!(
            keys.open(&sealed).expect("opens"),
            b"{\"schema_version\": 1}\n"
        );
        assert_eq!(
            Keys::generate().open(&sealed).expect_err("another key"),
            OpenFailure::ForeignKey
        );
        let mut damaged = sealed.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert_eq!(keys.open(&damaged), Err(OpenFailure::Damaged));
        assert_eq!(
            keys.open(&sealed[..sealed.len() - 5]),
            Err(OpenFailure::Damaged)
        );
        assert_eq!(keys.open(b"not age at all"), Err(OpenFailure::Damaged));
    }

    #[test]
    fn the_key_file_opens_with_its_passphrase_and_says_when_it_is_wrong() {
        let keys = Keys::generate();
        let wrapped = keys.wrap(&pass("correct horse"), 4).expect("wrapped");
        assert!(wrapped.starts_with(ARMOR_MAGIC));
        let unwrapped = Keys::unwrap(&wrapped, &pass("correct horse")).expect("opens");
        assert_eq!(unwrapped.recipient(), keys.recipient());
        assert_eq!(
            Keys::unwrap(&wrapped, &pass("correct horsE")).expect_err("wrong"),
            OpenFailure::WrongPassphrase
        );
        let text = String::from_utf8(wrapped.clone()).expect("armored");
        let damaged = text.replacen("-----END", "-----END-", 1);
        assert_eq!(
            Keys::unwrap(damaged.as_bytes(), &pass("correct horse")).expect_err("damaged"),
            OpenFailure::Damaged
        );
    }

    #[test]
    fn a_crafted_work_factor_is_refused_at_once() {
        let keys = Keys::generate();
        // Wrap at a small factor, then claim a huge one in the header.
        let mut recipient = age::scrypt::Recipient::new(pass("pw"));
        recipient.set_work_factor(4);
        let plain = b"AGE-SECRET-KEY-1";
        let sealed = age::encrypt(&recipient, plain).expect("sealed");
        let text = String::from_utf8_lossy(&sealed).into_owned();
        let crafted = text.replacen(" 4\n", " 40\n", 1);
        let started = std::time::Instant::now();
        assert_eq!(
            Keys::unwrap(crafted.as_bytes(), &pass("pw")).expect_err("refused"),
            OpenFailure::ExcessiveWork { found: 40 }
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        drop(keys);
    }

    #[test]
    fn a_passphrase_change_holds_both_keys_until_it_finishes() {
        let old = Keys::generate();
        let sealed_old = old.seal(b"old").expect("sealed");
        let both = Keys::generate_after(&old);
        assert_eq!(both.len(), 2);
        assert_eq!(both.open(&sealed_old).expect("old opens"), b"old");
        let sealed_new = both.seal(b"new").expect("sealed");
        assert_eq!(old.open(&sealed_new), Err(OpenFailure::ForeignKey));
        let last = both.current_only();
        assert_eq!(last.len(), 1);
        assert_eq!(last.open(&sealed_new).expect("opens"), b"new");
        assert_eq!(last.open(&sealed_old), Err(OpenFailure::ForeignKey));
    }
}
