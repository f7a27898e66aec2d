//! The file format: `schema_version`, decoding with exact reasons for
//! refusal, encoding (pretty, stable key order), and migrations of older
//! versions as pure functions on the JSON.

use serde::Deserialize;

use crate::domain::Journey;
use crate::terminal_text::safe_line;
use crate::tr;

/// Why a file's bytes are not a journey this build can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("{}", tr!("schema.empty"))]
    Empty,
    #[error("{}", tr!("schema.bom"))]
    ByteOrderMark,
    #[error("{}", tr!("schema.not_utf8", at = valid_up_to))]
    NotUtf8 { valid_up_to: usize },
    #[error("{}", tr!("schema.invalid", place = place, detail = detail))]
    Invalid { place: String, detail: String },
    #[error("{}", tr!("schema.newer", found = found, supported = supported))]
    NewerVersion { found: u64, supported: u32 },
    #[error("{}", tr!("schema.unknown_version", found = found))]
    UnknownVersion { found: String },
    /// An encrypted file that the keys held cannot open.
    #[error("{}", tr!("schema.sealed"))]
    Sealed,
}

impl Problem {
    /// This problem without anything quoted from the file: an encrypted
    /// file's words never reach an error message.
    #[must_use]
    pub fn withheld(self) -> Self {
        match self {
            Problem::Invalid { place, .. } => Problem::Invalid {
                place,
                detail: tr!("schema.withheld"),
            },
            other => other,
        }
    }
}

/// One step from version N to N+1, on the raw JSON.
type Migration = fn(serde_json::Value) -> serde_json::Value;

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`. Version 1 is the
/// first shipped format, so there is nothing to migrate yet; the fixture of
/// every shipped version stays in `tests/fixtures/` for good.
const MIGRATIONS: [Migration; 0] = [];

/// Turns the data file's bytes into a journey, or says exactly why not.
pub fn decode(bytes: &[u8]) -> Result<Journey, Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Empty);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(Problem::ByteOrderMark);
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(Problem::NotUtf8 {
            valid_up_to: e.valid_up_to(),
        });
    }
    // serde would take a positional array for the top-level struct too;
    // only an object is a breather file.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Problem::Invalid {
            place: tr!("schema.top_level"),
            detail: tr!("schema.not_object"),
        });
    }
    match strict_parse(bytes) {
        Ok(journey) => check_version(journey.schema_version).map(|()| journey),
        Err(problem) => match probe_version(bytes) {
            Some(found) if found > u64::from(Journey::SCHEMA_VERSION) => {
                Err(Problem::NewerVersion {
                    found,
                    supported: Journey::SCHEMA_VERSION,
                })
            }
            Some(found) if (1..u64::from(Journey::SCHEMA_VERSION)).contains(&found) => {
                migrate(bytes, found)
            }
            _ => Err(problem),
        },
    }
}

/// The format version of a file older than this build's (it will be
/// migrated on the next write), if it is one.
pub fn older_version(bytes: &[u8]) -> Option<u64> {
    // breather writes `schema_version` first: read it there without
    // scanning a large file; a file ordered by hand is probed whole.
    leading_version(bytes)
        .or_else(|| probe_version(bytes))
        .filter(|v| (1..u64::from(Journey::SCHEMA_VERSION)).contains(v))
}

/// The version when the file opens with `{ "schema_version": N`.
fn leading_version(bytes: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(bytes.get(..bytes.len().min(256))?).ok()?;
    let rest = text.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest.strip_prefix("\"schema_version\"")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .map_or(rest, |end| &rest[..end]);
    digits.parse().ok()
}

/// Pretty JSON with a trailing newline; keys in declaration order.
pub fn encode(journey: &Journey) -> Result<Vec<u8>, serde_json::Error> {
    encode_sized(journey, 0)
}

/// [`encode`] into a buffer of `capacity` bytes from the start (the size of
/// the file it replaces), so a large journal is not copied as it grows.
pub fn encode_sized(journey: &Journey, capacity: usize) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = Vec::with_capacity(capacity.max(128));
    serde_json::to_writer_pretty(&mut bytes, journey)?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn strict_parse(bytes: &[u8]) -> Result<Journey, Problem> {
    // The same strict parse without the path tracker first (a quarter
    // faster on a large file); only a refusal is parsed again, for its place.
    let mut de = serde_json::Deserializer::from_slice(bytes);
    if let Ok(journey) = Journey::deserialize(&mut de)
        && de.end().is_ok()
    {
        return Ok(journey);
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let journey: Journey = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let place = e.path().to_string();
        let inner = e.into_inner();
        invalid(&place, &inner)
    })?;
    de.end().map_err(|e| invalid(".", &e))?;
    Ok(journey)
}

fn invalid(place: &str, error: &serde_json::Error) -> Problem {
    // serde_json's message carries "at line L column C"; keep it, it helps
    // a person find the spot in an editor.
    // Field names and values come from the file: never echo them raw.
    Problem::Invalid {
        place: if place.is_empty() || place == "." {
            tr!("schema.top_level")
        } else {
            safe_line(place)
        },
        detail: safe_line(&error.to_string()),
    }
}

fn check_version(found: u32) -> Result<(), Problem> {
    match found {
        v if v == Journey::SCHEMA_VERSION => Ok(()),
        v if v > Journey::SCHEMA_VERSION => Err(Problem::NewerVersion {
            found: u64::from(v),
            supported: Journey::SCHEMA_VERSION,
        }),
        v => Err(Problem::UnknownVersion {
            found: v.to_string(),
        }),
    }
}

/// Reads only `schema_version`, ignoring everything else.
fn probe_version(bytes: &[u8]) -> Option<u64> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: u64,
    }
    serde_json::from_slice::<Probe>(bytes)
        .ok()
        .map(|p| p.schema_version)
}

/// Migrates an older file, step by step, then parses it strictly.
fn migrate(bytes: &[u8], from: u64) -> Result<Journey, Problem> {
    migrate_with(bytes, from, 1, &MIGRATIONS)
}

/// Runs `steps[i]` (version `first + i` → `first + i + 1`) from version
/// `from` on, then parses the result strictly as the current format.
fn migrate_with(
    bytes: &[u8],
    from: u64,
    first: u64,
    steps: &[Migration],
) -> Result<Journey, Problem> {
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| invalid(".", &e))?;
    let start = usize::try_from(from.saturating_sub(first)).unwrap_or(usize::MAX);
    for step in steps.iter().skip(start) {
        value = step(value);
    }
    let migrated = serde_json::to_vec(&value).map_err(|e| invalid(".", &e))?;
    strict_parse(&migrated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_of_an_empty_journey() {
        let bytes = encode(&Journey::new()).expect("encodes");
        assert!(bytes.starts_with(b"{\n  \"schema_version\": 1,"));
        assert_eq!(decode(&bytes), Ok(Journey::new()));
    }

    #[test]
    fn refusals_name_the_reason() {
        assert_eq!(decode(b""), Err(Problem::Empty));
        assert_eq!(decode(b"  \n"), Err(Problem::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF{}"), Err(Problem::ByteOrderMark));
        assert_eq!(
            decode(b"{\"a\xff"),
            Err(Problem::NotUtf8 { valid_up_to: 3 })
        );
        assert!(matches!(decode(b"{}"), Err(Problem::Invalid { .. })));
        assert!(matches!(decode(b"[1,2]"), Err(Problem::Invalid { .. })));
        assert!(matches!(
            decode(b"{\"schema_version\": 1, \"urges\": [], \"urges\": []}"),
            Err(Problem::Invalid { .. })
        ));
        assert!(matches!(
            decode(b"{\"schema_version\": 1, \"mystery\": 3}"),
            Err(Problem::Invalid { .. })
        ));
        assert!(matches!(
            decode(b"{\"schema_version\": 1} x"),
            Err(Problem::Invalid { .. })
        ));
        assert_eq!(
            decode(b"{\"schema_version\": 2, \"new_thing\": {}}"),
            Err(Problem::NewerVersion {
                found: 2,
                supported: 1
            })
        );
        assert_eq!(
            decode(b"{\"schema_version\": 9}"),
            Err(Problem::NewerVersion {
                found: 9,
                supported: 1
            })
        );
        assert!(matches!(
            decode(b"{\"schema_version\": 0}"),
            Err(Problem::UnknownVersion { .. })
        ));
    }

    #[test]
    fn a_wrong_type_names_the_json_path() {
        let bytes =
            br#"{"schema_version": 1, "activities": [{"id": 1, "date": "2027-01-01", "title": "x",
            "category": "class", "rating": 9, "created_at": "2027-01-01T10:00:00Z"}]}"#;
        match decode(bytes) {
            Err(Problem::Invalid { place, .. }) => assert_eq!(place, "activities[0].rating"),
            other => panic!("expected an invalid rating, got {other:?}"),
        }
    }

    /// The mechanism, on a made-up older format: version 0 kept the journal
    /// under another name and had no urges; two pure steps bring it to today.
    #[test]
    fn migrations_run_in_order_from_the_file_version() {
        fn rename_journal(mut v: serde_json::Value) -> serde_json::Value {
            if let Some(map) = v.as_object_mut() {
                if let Some(entries) = map.remove("diary") {
                    map.insert("journal".to_owned(), entries);
                }
                map.insert("schema_version".to_owned(), 1.into());
            }
            v
        }
        fn never_reached(_: serde_json::Value) -> serde_json::Value {
            serde_json::Value::Null
        }
        let old = br#"{"schema_version": 0, "diary": [{"id": 1, "date": "2027-01-01",
            "written_at": "2027-01-01T20:00:00Z", "text": "kept", "mood": 3}]}"#;
        let journey = migrate_with(old, 0, 0, &[rename_journal]).expect("migrates");
        assert_eq!(journey.journal.len(), 1);
        assert_eq!(journey.journal[0].text, "kept");
        // A file already at the last step's version skips the earlier steps.
        let current = br#"{"schema_version": 1}"#;
        assert!(migrate_with(current, 1, 0, &[never_reached]).is_ok());
        // A step that produces a wrong shape is refused, never half-applied.
        assert!(migrate_with(old, 0, 0, &[never_reached]).is_err());
    }

    #[test]
    fn the_version_is_read_from_the_start_of_a_file_we_wrote() {
        assert_eq!(
            leading_version(b"{\n  \"schema_version\": 7,\n  \"x\": 1}"),
            Some(7)
        );
        assert_eq!(leading_version(b"{\"schema_version\":12}"), Some(12));
        assert_eq!(
            leading_version(b"{\"urges\": [], \"schema_version\": 1}"),
            None
        );
        assert_eq!(leading_version(b"[1]"), None);
        // A file ordered by hand is still probed whole.
        assert_eq!(
            older_version(b"{\"urges\": [], \"schema_version\": 1}"),
            None
        );
        assert_eq!(
            older_version(&encode(&Journey::new()).expect("encodes")),
            None
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut bytes = b"{\"schema_version\": 1, \"urges\": ".to_vec();
        bytes.extend(std::iter::repeat_n(b'[', 20_000));
        bytes.extend(std::iter::repeat_n(b']', 20_000));
        bytes.push(b'}');
        assert!(matches!(decode(&bytes), Err(Problem::Invalid { .. })));
    }
}
