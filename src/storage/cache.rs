//! The status digest, kept in the platform cache directory
//! (`~/.cache/breather/` on Linux) so that `status` and `remind` in a shell
//! prompt read a few kilobytes instead of the whole journal.
//!
//! A digest holds dates and counts only, never text, and is used only while
//! the data file is exactly the one it was made from: same size, inode,
//! modification and change times. Anything else — a save by another
//! process, an edit by hand, a damaged or missing cache — is a miss, and the
//! data file is read (strictly) as always. The cache is never fsynced: a
//! torn one is simply a miss. Deleting it is always safe.

use std::fs::{self, DirBuilder, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::digest::Digest;

/// Cache files larger than this are not read.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Everything about the data file that changes when its contents do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
    dev: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    /// The data file the digest was made from (absolute).
    file: PathBuf,
    stamp: Stamp,
    digest: Digest,
}

/// The data file's stamp now (following a symlink), or `None` when absent.
pub(crate) fn stamp_of(file: &Path) -> Option<Stamp> {
    let meta = fs::metadata(file).ok()?;
    meta.is_file().then(|| Stamp {
        len: meta.len(),
        mtime: (meta.mtime(), meta.mtime_nsec()),
        ctime: (meta.ctime(), meta.ctime_nsec()),
        ino: meta.ino(),
        dev: meta.dev(),
    })
}

/// Where the digest of the data file in `data_dir` is kept, when there is a
/// cache directory: one file per data directory, named by a hash of its path.
pub fn location(data_dir: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "breather")?;
    let absolute = std::path::absolute(data_dir).ok()?;
    // FNV-1a: stable across builds, and a collision only costs a miss
    // (the record names its data file).
    let hash = absolute
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    Some(dirs.cache_dir().join(format!("status-{hash:016x}.json")))
}

/// The cached digest of `data_file`, if it is still exactly that file's.
pub(crate) fn read(cache: &Path, data_file: &Path) -> Option<Digest> {
    let now = stamp_of(data_file)?;
    let mut bytes = Vec::new();
    fs::File::open(cache)
        .ok()?
        .take(MAX_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    let record: Record = serde_json::from_slice(&bytes).ok()?;
    let file = std::path::absolute(data_file).ok()?;
    (record.file == file && record.stamp == now).then_some(record.digest)
}

/// Removes the digest kept at `cache` (an encrypted journal keeps none).
pub(crate) fn forget(cache: &Path) {
    let _ = fs::remove_file(cache);
}

/// Keeps `digest` as the digest of `data_file` in the state `stamp`. Best
/// effort: a cache that can't be written only means slower reads.
pub(crate) fn write(cache: &Path, data_file: &Path, stamp: Stamp, digest: &Digest) {
    let _ = try_write(cache, data_file, stamp, digest);
}

fn try_write(cache: &Path, data_file: &Path, stamp: Stamp, digest: &Digest) -> std::io::Result<()> {
    let dir = cache.parent().ok_or(std::io::ErrorKind::NotFound)?;
    DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    let record = Record {
        file: std::path::absolute(data_file)?,
        stamp,
        digest: digest.clone(),
    };
    let bytes = serde_json::to_vec(&record).map_err(std::io::Error::from)?;
    let name = cache.file_name().ok_or(std::io::ErrorKind::NotFound)?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temp)
        .and_then(|mut f| f.write_all(&bytes));
    match written.and_then(|()| fs::rename(&temp, cache)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;

    #[test]
    fn a_digest_is_used_only_for_the_exact_file_it_was_made_from() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let data = dir.path().join("breather.json");
        let cache = dir.path().join("cache").join("status.json");
        fs::write(&data, b"{}").expect("written");
        let digest = Digest::of(&synth::journey(3));
        let stamp = stamp_of(&data).expect("the file exists");
        write(&cache, &data, stamp, &digest);
        assert_eq!(read(&cache, &data), Some(digest.clone()));
        assert_eq!(fs::metadata(&cache).expect("written").mode() & 0o777, 0o600);

        // Another file in its place (a save renames a new file over it): a miss.
        fs::write(dir.path().join("new"), b"{} ").expect("written");
        fs::rename(dir.path().join("new"), &data).expect("renamed");
        assert_eq!(read(&cache, &data), None);

        // A torn cache is a miss, never an error.
        write(&cache, &data, stamp_of(&data).expect("exists"), &digest);
        let bytes = fs::read(&cache).expect("cache");
        fs::write(&cache, &bytes[..bytes.len() / 2]).expect("torn");
        assert_eq!(read(&cache, &data), None);

        // The same cache never serves another data file.
        let other = dir.path().join("other.json");
        fs::copy(&data, &other).expect("copied");
        write(&cache, &data, stamp_of(&data).expect("exists"), &digest);
        assert_eq!(read(&cache, &other), None);
    }
}
