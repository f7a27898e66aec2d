//! Files that leave or enter through `export` and `import`: an export is
//! written like the data file (atomically, 0600); an import is read like it
//! (bounded, strictly decoded, older formats migrated), and never written.

use std::path::Path;

use super::{StorageError, atomic, read_bounded, schema};
use crate::domain::Journey;

/// Writes `bytes` to `path` atomically (temp file, fsync, rename), mode 0600.
/// Refuses to write over the data file itself.
pub fn write_export(path: &Path, data_file: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    if same_file(path, data_file) {
        return Err(StorageError::ExportOverData {
            path: path.to_owned(),
        });
    }
    atomic::write(path, bytes)
}

/// The journey in the export at `path`, checked as strictly as the data file.
pub fn read_import(path: &Path) -> Result<Journey, StorageError> {
    let missing = || StorageError::io("read", path, std::io::ErrorKind::NotFound.into());
    let bytes = read_bounded(path)?.ok_or_else(missing)?;
    schema::decode(&bytes).map_err(|problem| StorageError::Unreadable {
        path: path.to_owned(),
        problem,
    })
}

/// Whether `a` and `b` name the same file (following links), or would.
fn same_file(a: &Path, b: &Path) -> bool {
    let real = |p: &Path| {
        std::fs::canonicalize(p).ok().or_else(|| {
            let parent = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
        })
    };
    matches!((real(a), real(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn an_export_never_lands_on_the_data_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let data = dir.path().join("breather.json");
        std::fs::write(&data, b"{}").expect("written");
        let err = write_export(&dir.path().join(".").join("breather.json"), &data, b"x")
            .expect_err("refused");
        assert!(matches!(err, StorageError::ExportOverData { .. }));
        assert_eq!(std::fs::read(&data).expect("still there"), b"{}");
        let out = dir.path().join("export.json");
        write_export(&out, &data, b"[]").expect("written");
        let mode = std::fs::metadata(&out)
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
