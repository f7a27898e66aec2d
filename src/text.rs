//! Every sentence a user reads lives in `assets/text.toml`; this module looks
//! them up by key and fills `{placeholders}`.
//!
//! The catalogue is flattened at build time (`build.rs`) into one string
//! and a sorted index, so nothing is parsed when the program starts. A key
//! that is missing yields the key itself (never a panic); a test checks that
//! every key used in the source exists.

use std::fmt::Write as _;

// BLOB and INDEX, generated from the files below by build.rs.
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

#[cfg(test)]
const CATALOGUE: &str = include_str!("../assets/text.toml");
/// Word lists (under the `cues.` prefix): see `assets/cues.toml`.
#[cfg(test)]
const CUES: &str = include_str!("../assets/cues.toml");
/// Message checks, suggestions and share posts (under `messages.`): see `assets/messages.toml`.
#[cfg(test)]
const MESSAGES: &str = include_str!("../assets/messages.toml");

fn slice(from: u32, to: u32) -> &'static str {
    let at = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    BLOB.get(at(from)..at(to)).unwrap_or_default()
}

/// The sentence stored under `key`, if there is one.
fn lookup(key: &str) -> Option<&'static str> {
    INDEX
        .binary_search_by(|&(k, v, _)| slice(k, v).cmp(key))
        .ok()
        .map(|i| slice(INDEX[i].1, INDEX[i].2))
}

/// Every key and its sentence (for the tests).
#[cfg(test)]
fn catalogue() -> std::collections::HashMap<&'static str, &'static str> {
    INDEX
        .iter()
        .map(|&(k, v, end)| (slice(k, v), slice(v, end)))
        .collect()
}

/// The sentence stored under `key`, or the key itself when it is missing.
pub fn get(key: &str) -> &str {
    lookup(key).unwrap_or(key)
}

/// The `n`-th item of a list in the catalogue (`ideas.0`, `ideas.1`, ...).
pub fn list(key: &str) -> Vec<&'static str> {
    (0..).map_while(|i| lookup(&format!("{key}.{i}"))).collect()
}

/// The sentence under `key` with each `{name}` replaced by its value.
pub fn fill(key: &str, args: &[(&str, String)]) -> String {
    fill_template(get(key), args)
}

fn fill_template(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => {
                let _ = write!(out, "{{{name}}}");
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `n` with its word, from `key.one` / `key.other` ("1 day", "12 days").
pub fn count(n: impl Into<u64>, key: &str) -> String {
    let n = n.into();
    if n == 1 {
        get(&format!("{key}.one")).to_owned()
    } else {
        fill(&format!("{key}.other"), &[("n", n.to_string())])
    }
}

/// `tr!("key")` or `tr!("key", name = value, ...)`: a sentence from `assets/text.toml`.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::text::get($key).to_owned()
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text::fill($key, &[$((stringify!($name), ($value).to_string())),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_words_agree_with_their_number() {
        assert_eq!(count(1u32, "count.days"), "1 day");
        assert_eq!(count(0u32, "count.days"), "0 days");
        assert_eq!(count(12u32, "count.days"), "12 days");
    }

    #[test]
    fn catalogue_parses_and_is_not_empty() {
        assert!(CATALOGUE.parse::<toml::Table>().is_ok());
        assert!(CUES.parse::<toml::Table>().is_ok());
        assert!(MESSAGES.parse::<toml::Table>().is_ok());
        assert!(list("messages.rules.we.words").contains(&"let's"));
        assert!(list("cues.revenge").contains(&"regret"));
        assert!(catalogue().len() > 20);
    }

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_unknown_ones() {
        let args = [("n", "3".to_owned()), ("of", "30".to_owned())];
        assert_eq!(
            fill_template("day {n} of {of}, {missing}", &args),
            "day 3 of 30, {missing}"
        );
        assert_eq!(fill_template("open { brace", &args), "open { brace");
        assert_eq!(fill("no.such.key", &[]), "no.such.key");
    }

    /// Every `tr!("...")` and `text::get("...")` key used in `src/` exists in the catalogue.
    #[test]
    fn every_key_used_in_the_source_exists() {
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.ends_with("text.rs") {
                    continue;
                }
                let Ok(source) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for marker in ["tr!(\"", "text::get(\"", "text::list(\"", "text::fill(\""] {
                    for (at, _) in source.match_indices(marker) {
                        // `include_str!("…")` ends in `tr!("` too: skip identifiers.
                        let before = source[..at].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let start = at + marker.len();
                        let Some(len) = source[start..].find('"') else {
                            continue;
                        };
                        let key = &source[start..start + len];
                        if key.contains('{') || key.is_empty() {
                            continue;
                        }
                        let present = catalogue().contains_key(key)
                            || catalogue().contains_key(format!("{key}.0").as_str());
                        if !present {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys missing from assets/text.toml:\n{}",
            missing.join("\n")
        );
    }
}
