//! Flattens the text catalogue (`assets/text.toml`, `cues.toml`,
//! `messages.toml`) at build time into one string and an index, so no TOML
//! is parsed when the program starts: `breather status --short` in a shell
//! prompt pays only for the one sentence it prints. The rules are the ones
//! `src/text.rs` documents: nested tables join keys with `.`, the items of a
//! list of strings are `key.0`, `key.1`, ... A file that does not parse is
//! left out with a warning (its keys then show as themselves, and the test
//! that every key used in `src/` exists fails).

use std::fmt::Write as _;
use std::path::Path;

/// The catalogue's files and the prefix of their keys.
const FILES: [(&str, &str); 3] = [
    ("assets/text.toml", ""),
    ("assets/cues.toml", "cues"),
    ("assets/messages.toml", "messages"),
];

fn flatten(prefix: &str, table: &toml::Table, out: &mut Vec<(String, String)>) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(s) => out.push((full, s.clone())),
            toml::Value::Table(t) => flatten(&full, t, out),
            toml::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let toml::Value::String(s) = item {
                        out.push((format!("{full}.{i}"), s.clone()));
                    }
                }
            }
            _ => {}
        }
    }
}

fn main() {
    let mut entries = Vec::new();
    for (file, prefix) in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_default();
        match text.parse::<toml::Table>() {
            Ok(table) => flatten(prefix, &table, &mut entries),
            Err(e) => println!(
                "cargo:warning={file} is not valid TOML, so its sentences are missing: {}",
                e.message()
            ),
        }
    }
    entries.sort();
    entries.dedup_by(|a, b| a.0 == b.0);
    let mut blob = String::new();
    let mut index = String::new();
    for (key, value) in &entries {
        let k = blob.len();
        blob.push_str(key);
        let v = blob.len();
        blob.push_str(value);
        let _ = writeln!(index, "    ({k}, {v}, {}),", blob.len());
    }
    let code = format!(
        "/// Every key and sentence, back to back.\nstatic BLOB: &str = {blob:?};\n\
         /// (key start, value start, value end) in `BLOB`, sorted by key.\n\
         static INDEX: [(u32, u32, u32); {}] = [\n{index}];\n",
        entries.len()
    );
    let out = std::env::var_os("OUT_DIR").unwrap_or_default();
    let written = std::fs::write(Path::new(&out).join("catalogue.rs"), code);
    if let Err(e) = written {
        println!("cargo:warning=could not write the catalogue: {e}");
    }
}
