//! Where a command's TEXT comes from: the argument, else standard input
//! when it is not a terminal, else `$VISUAL`/`$EDITOR` on a private temp file
//! — in a 0700 directory under `XDG_RUNTIME_DIR` when there is one (memory,
//! not disk, on most systems), else the temp directory — removed afterwards.
//! Directories a killed breather left behind are removed the next time.

use std::fs;
use std::io::{self, IsTerminal, Read};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;
use std::process::Command;

use super::CliError;
use crate::domain::MAX_TEXT_CHARS;
use crate::tr;

/// The text for a command: given, piped in, or written in an editor.
pub fn text(given: Option<String>, what: &str) -> Result<String, CliError> {
    if let Some(text) = given {
        return Ok(text);
    }
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return read_limited(stdin.lock());
    }
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|e| !e.trim().is_empty())
        });
    match editor {
        Some(editor) => edit(&editor, what),
        None => Err(CliError::Refused(tr!("cli.no_text", what = what))),
    }
}

fn read_limited(input: impl Read) -> Result<String, CliError> {
    // Four bytes per character is the UTF-8 worst case; anything longer
    // than that is refused by the domain's length check anyway.
    let limit = u64::try_from(MAX_TEXT_CHARS * 4 + 1).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    input
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Failed(tr!("cli.stdin_failed", error = e)))?;
    String::from_utf8(bytes).map_err(|_| CliError::Refused(tr!("cli.stdin_not_utf8")))
}

/// Opens the editor on an empty file in a private (0700) directory and
/// returns what was saved; the directory is removed afterwards.
fn edit(editor: &str, what: &str) -> Result<String, CliError> {
    let dir = private_temp_dir()?;
    let file = dir.join(format!("{what}.md"));
    let result = (|| {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&file)
            .map_err(|e| CliError::Failed(tr!("cli.editor_failed", editor = editor, error = e)))?;
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(&file)
            .status()
            .map_err(|e| CliError::Failed(tr!("cli.editor_failed", editor = editor, error = e)))?;
        if !status.success() {
            return Err(CliError::Refused(tr!(
                "cli.editor_aborted",
                editor = editor
            )));
        }
        let bytes = fs::read(&file)
            .map_err(|e| CliError::Failed(tr!("cli.editor_failed", editor = editor, error = e)))?;
        String::from_utf8(bytes).map_err(|_| CliError::Refused(tr!("cli.stdin_not_utf8")))
    })();
    let _ = fs::remove_dir_all(&dir);
    result
}

/// The directory an editor's file goes in: `XDG_RUNTIME_DIR` when it is set
/// to an absolute directory, else the temp directory.
fn editor_base() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute() && dir.is_dir())
        .unwrap_or_else(std::env::temp_dir)
}

const EDIT_PREFIX: &str = "breather-edit-";

/// Removes editor directories whose breather is gone (killed while the
/// editor was open): `breather-edit-PID-N` with no process PID.
fn remove_abandoned(base: &std::path::Path) {
    let Ok(entries) = fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(EDIT_PREFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let ours = entry
            .metadata()
            .is_ok_and(|m| m.is_dir() && std::os::unix::fs::MetadataExt::uid(&m) == own_uid());
        if ours && !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Removes the editor directories a killed breather left behind (called
/// by every command that is not quick and quiet).
pub fn remove_abandoned_edits() {
    remove_abandoned(&editor_base());
}

fn own_uid() -> u32 {
    rustix::process::getuid().as_raw()
}

fn private_temp_dir() -> Result<PathBuf, CliError> {
    let base = editor_base();
    remove_abandoned(&base);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let dir = base.join(format!("{EDIT_PREFIX}{}-{nanos}", std::process::id()));
    fs::DirBuilder::new()
        .mode(0o700)
        .create(&dir)
        .map_err(|e| CliError::Failed(tr!("cli.editor_failed", editor = "", error = e)))?;
    Ok(dir)
}
