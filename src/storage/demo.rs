//! `breather demo`: a throwaway copy of the sample journey in
//! `assets/demo.json`, in a private temp directory removed afterwards.

use std::fs::DirBuilder;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{StorageError, Store, schema};
use crate::service::Service;

const SAMPLE: &str = include_str!("../../assets/demo.json");
const SAMPLE_NOW: &str = include_str!("../../assets/demo-now.txt");
const PREFIX: &str = "breather-demo-";

/// The moment the sample journey is shown at (unless `BREATHER_NOW` says otherwise).
pub fn now() -> DateTime<FixedOffset> {
    crate::clock::parse_now(SAMPLE_NOW.trim())
        .unwrap_or_else(|_| chrono::Local::now().fixed_offset())
}

/// Writes the sample into a new private temp directory and returns it.
pub fn prepare() -> Result<PathBuf, StorageError> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let dir = std::env::temp_dir().join(format!("{PREFIX}{}-{nanos}", std::process::id()));
    DirBuilder::new()
        .mode(0o700)
        .create(&dir)
        .map_err(|source| StorageError::io("create", &dir, source))?;
    let sample = schema::decode(SAMPLE.as_bytes()).map_err(|problem| StorageError::Unreadable {
        path: PathBuf::from("assets/demo.json"),
        problem,
    })?;
    Store::new(&dir).update(|journey| {
        *journey = sample;
        Ok::<(), std::convert::Infallible>(())
    })?;
    Ok(dir)
}

/// The demo directory a service runs on, if it is one.
pub fn dir_of(service: &Service) -> Option<PathBuf> {
    let dir = service.store().dir();
    let name = dir.file_name()?.to_str()?;
    (name.starts_with(PREFIX) && dir.parent() == Some(std::env::temp_dir().as_path()))
        .then(|| dir.to_path_buf())
}

/// Removes a demo directory.
pub fn remove(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_journey_decodes_and_its_moment_parses() {
        let journey =
            schema::decode(SAMPLE.as_bytes()).expect("assets/demo.json is a valid journey");
        assert!(journey.reflections.len() >= 7);
        assert!(journey.activities.len() >= 5);
        assert!(crate::clock::parse_now(SAMPLE_NOW.trim()).is_ok());
    }
}
