//! Backups, restore and the schema fixtures: the promises that a day's
//! first change keeps a copy, that a restore keeps the current file, and
//! that every format ever shipped still loads.

use std::fs;
use std::path::Path;

use breather::clock::Clock;
use breather::domain::Journey;
use breather::service::{Change, Service};
use breather::storage::{Store, backup, schema};
use chrono::DateTime;

fn service(dir: &Path, at: &str) -> Service {
    let now = DateTime::parse_from_rfc3339(at).expect("test timestamps are valid");
    Service::new(Store::new(dir), Clock::Fixed(now))
}

fn journal(dir: &Path, at: &str, text: &str) {
    service(dir, at)
        .perform(Change::Journal {
            text: text.to_owned(),
            mood: None,
        })
        .expect("a journal entry is accepted");
}

fn backup_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(backup::dir_in(dir))
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn the_first_change_of_a_day_keeps_yesterdays_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    journal(dir, "2027-01-04T08:00:00Z", "one");
    assert!(
        backup_names(dir).is_empty(),
        "nothing to back up before the first file exists"
    );
    let after_first = fs::read(dir.join("breather.json")).expect("written");
    journal(dir, "2027-01-04T09:00:00Z", "two");
    assert_eq!(backup_names(dir), ["breather-2027-01-04.json"]);
    let backed_up = fs::read(backup::dir_in(dir).join("breather-2027-01-04.json")).expect("backup");
    assert_eq!(
        backed_up, after_first,
        "the backup is the file as it was, byte for byte"
    );
    journal(dir, "2027-01-04T10:00:00Z", "three");
    assert_eq!(backup_names(dir).len(), 1, "one backup a day");
    journal(dir, "2027-01-05T08:00:00Z", "four");
    assert_eq!(
        backup_names(dir),
        ["breather-2027-01-04.json", "breather-2027-01-05.json"]
    );
}

#[test]
fn only_the_newest_fourteen_daily_backups_are_kept() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    journal(dir, "2027-01-01T08:00:00Z", "start");
    for day in 2..=20 {
        journal(dir, &format!("2027-01-{day:02}T08:00:00Z"), "another day");
    }
    let names = backup_names(dir);
    assert_eq!(names.len(), backup::KEEP);
    assert_eq!(
        names.first().map(String::as_str),
        Some("breather-2027-01-07.json")
    );
    assert_eq!(
        names.last().map(String::as_str),
        Some("breather-2027-01-20.json")
    );
    for name in &names {
        let mode = fs::metadata(backup::dir_in(dir).join(name))
            .map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o777);
        assert_eq!(mode.ok(), Some(0o600), "{name}");
    }
}

#[test]
fn a_refused_change_makes_no_backup() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    journal(dir, "2027-01-04T08:00:00Z", "one");
    let refused = service(dir, "2027-01-05T08:00:00Z").perform(Change::Journal {
        text: "  ".to_owned(),
        mood: None,
    });
    assert!(refused.is_err());
    assert!(backup_names(dir).is_empty());
}

#[test]
fn restore_brings_a_backup_back_and_keeps_the_current_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    journal(dir, "2027-01-04T08:00:00Z", "one");
    journal(dir, "2027-01-05T08:00:00Z", "two");
    journal(dir, "2027-01-06T08:00:00Z", "three");
    let current = fs::read(dir.join("breather.json")).expect("current");
    let restored = service(dir, "2027-01-06T12:30:00Z")
        .restore("2027-01-05")
        .expect("restored");
    assert_eq!(
        restored.journal.len(),
        1,
        "the 5th's backup holds the file of the 4th: one entry"
    );
    assert_eq!(Store::new(dir).load().expect("loads").journal.len(), 1);
    let kept = fs::read(backup::dir_in(dir).join("breather-2027-01-06T123000.json")).expect("kept");
    assert_eq!(
        kept, current,
        "the file as it was before the restore is kept byte for byte"
    );
}

#[test]
fn a_damaged_backup_is_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    journal(dir, "2027-01-04T08:00:00Z", "one");
    journal(dir, "2027-01-05T08:00:00Z", "two");
    let broken = backup::dir_in(dir).join("breather-2027-01-05.json");
    fs::write(&broken, b"{\"schema_version\": 1, \"journal\": [").expect("damage it");
    let before = fs::read(dir.join("breather.json")).expect("current");
    let names = backup_names(dir);
    let err = service(dir, "2027-01-05T12:00:00Z")
        .restore("2027-01-05")
        .expect_err("refused");
    assert!(
        err.to_string().contains("breather-2027-01-05.json"),
        "{err}"
    );
    assert_eq!(
        fs::read(dir.join("breather.json")).expect("current"),
        before
    );
    assert_eq!(
        backup_names(dir),
        names,
        "no copy was made for a refused restore"
    );
    assert!(
        service(dir, "2027-01-05T12:00:00Z")
            .restore("2026-01-01")
            .is_err()
    );
}

#[test]
fn the_backups_list_reads_each_file_without_writing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    journal(dir, "2027-01-04T08:00:00Z", "one");
    journal(dir, "2027-01-05T08:00:00Z", "two");
    fs::write(backup::dir_in(dir).join("breather-2027-01-03.json"), b"").expect("an empty one");
    let list = service(dir, "2027-01-05T12:00:00Z")
        .backups()
        .expect("a plain journal needs no passphrase");
    let names: Vec<&str> = list.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        ["breather-2027-01-05.json", "breather-2027-01-03.json"]
    );
    assert_eq!(
        list[0].content.as_ref().map(|j| j.journal.len()).ok(),
        Some(1)
    );
    assert!(list[1].content.is_err());
}

/// Every format ever shipped stays loadable: version 1 is the first.
#[test]
fn the_version_1_fixture_loads_and_round_trips() {
    let bytes = include_bytes!("fixtures/schema-v1.json");
    let journey: Journey = schema::decode(bytes).expect("the v1 fixture loads");
    assert_eq!(journey.schema_version, 1);
    assert!(
        journey.reflections.len() == 7 && journey.verdict.is_some() && !journey.slips.is_empty()
    );
    let encoded = schema::encode(&journey).expect("encodes");
    assert_eq!(schema::decode(&encoded).expect("decodes again"), journey);
    assert_eq!(
        encoded,
        bytes.to_vec(),
        "the current format writes v1 files byte for byte"
    );
}
