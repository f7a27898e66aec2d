//! Encryption at rest, on the real binary (RELIABILITY.md promise 5, matrix
//! row 25): a week of use encrypted, a passphrase change, a decrypt that
//! gives back exactly what a plain journal holds; the old passphrase opens
//! nothing; a wrong passphrase and a damaged file say different things and
//! write nothing; a crafted key file is refused at once; `status --short`
//! never asks. (A `kill -9` in the middle of a conversion, and the canary:
//! `tests/encryption_faults.rs`.)

mod common;
#[path = "common/encrypted.rs"]
mod encrypted;

use std::time::{Duration, Instant};

use breather::storage::crypt::{Keys, OpenFailure, is_sealed};
use encrypted::{FIRST, Journal, SECOND, files_under, secret, stderr};

/// One day of the simulated week: (now, args).
type Step = (&'static str, &'static [&'static str]);

const BEFORE: &[Step] = &[
    (
        "2027-01-04T08:00",
        &[
            "reflect",
            "--motive",
            "reconnect",
            "I miss the Sunday markets.",
        ],
    ),
    (
        "2027-01-04T21:00",
        &["journal", "--mood", "2", "A hard first evening."],
    ),
];

const FIRST_HALF: &[Step] = &[
    (
        "2027-01-05T08:00",
        &["reflect", "Less angry today, more tired."],
    ),
    ("2027-01-05T20:00", &["urge", "I just wanted to say sorry"]),
    (
        "2027-01-06T08:00",
        &[
            "reflect",
            "--motive",
            "unsure",
            "Maybe I want them to notice me.",
        ],
    ),
    (
        "2027-01-06T19:00",
        &[
            "log",
            "Pottery class",
            "--category",
            "class",
            "--rating",
            "4",
        ],
    ),
];

const SECOND_HALF: &[Step] = &[
    (
        "2027-01-07T08:00",
        &["reflect", "I want to be friends, one day."],
    ),
    (
        "2027-01-08T08:00",
        &["reflect", "Quiet morning; coffee on the balcony."],
    ),
    (
        "2027-01-08T22:00",
        &["journal", "--mood", "4", "Dinner with Sam. Laughed."],
    ),
    (
        "2027-01-09T08:00",
        &["reflect", "Revenge would not make my life better."],
    ),
    (
        "2027-01-10T08:00",
        &[
            "reflect",
            "--motive",
            "friendship",
            "Friends, maybe. Later.",
        ],
    ),
    ("2027-01-11T09:00", &["decide", "reconnect"]),
    (
        "2027-01-11T18:00",
        &[
            "log",
            "Thai cooking",
            "--category",
            "food",
            "--they-would-like",
        ],
    ),
    (
        "2027-01-11T23:00",
        &["slip", "--note", "replied to a story"],
    ),
];

#[test]
fn a_week_encrypted_then_rekeyed_then_decrypted_gives_back_exactly_the_data() {
    let plain = Journal::new();
    let locked = Journal::new();
    for (now, args) in BEFORE {
        plain.ok(now, None, args);
        locked.ok(now, None, args);
    }
    locked.ok("2027-01-04T21:30", None, &["status", "--short"]);

    let out = locked.run("2027-01-04T22:00", Some(FIRST), &["encrypt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nobody can get your words back"),
        "encrypt warns that a forgotten passphrase is the end: {}",
        stderr(&out)
    );
    assert!(
        files_under(&locked.cache_dir()).is_empty(),
        "an encrypted journal keeps no status digest in the cache"
    );

    for (now, args) in FIRST_HALF {
        plain.ok(now, None, args);
        locked.ok(now, Some(FIRST), args);
    }
    // Reads ask too, and see the same as the plain journal.
    for args in [
        &["list", "journal", "--json"][..],
        &["status", "--json"],
        &["report"],
    ] {
        assert_eq!(
            locked.ok("2027-01-06T21:00", Some(FIRST), args),
            plain.ok("2027-01-06T21:00", None, args),
            "{args:?}"
        );
    }
    let files = locked.files();
    for (name, bytes) in &files {
        match name.as_str() {
            "breather.lock" => assert!(bytes.is_empty()),
            "breather.key" => assert!(bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")),
            _ => assert!(is_sealed(bytes), "{name} is encrypted"),
        }
    }
    assert!(
        files.contains_key("backups/breather-2027-01-05.json"),
        "{:?}",
        files.keys()
    );

    // The passphrase changes midweek; the old key file is kept aside, as someone could have.
    let old_key = std::fs::read(locked.data_dir().join("breather.key")).expect("key file");
    let out = locked.change_passphrase("2027-01-06T22:00", FIRST, SECOND);
    assert!(out.status.success(), "{}", stderr(&out));
    let old_keys =
        Keys::unwrap(&old_key, &secret(FIRST)).expect("the old key file, old passphrase");
    for (name, bytes) in locked.files() {
        if name == "breather.key" {
            assert_eq!(
                Keys::unwrap(&bytes, &secret(FIRST)).expect_err("re-keyed"),
                OpenFailure::WrongPassphrase
            );
        } else if !bytes.is_empty() {
            assert!(is_sealed(&bytes), "{name} is encrypted");
            assert!(
                old_keys.open(&bytes).is_err(),
                "{name} opens with the old key"
            );
        }
    }
    let refused = locked.run("2027-01-06T22:00", Some(FIRST), &["list", "journal"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));

    for (now, args) in SECOND_HALF {
        plain.ok(now, None, args);
        locked.ok(now, Some(SECOND), args);
    }
    let out = locked.run("2027-01-12T08:00", Some(SECOND), &["decrypt"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Exactly the same data file and backups as the journal that was never encrypted.
    let mut expected = plain.files();
    let mut got = locked.files();
    for files in [&mut expected, &mut got] {
        files.remove("breather.lock");
    }
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &expected {
        assert!(got[name] == *bytes, "{name} differs after decrypt");
    }
    assert_eq!(
        locked.ok("2027-01-12T08:00", None, &["status", "--short"]),
        plain.ok("2027-01-12T08:00", None, &["status", "--short"])
    );
}

#[test]
fn a_wrong_passphrase_and_a_damaged_file_say_different_things_and_write_nothing() {
    let j = Journal::new();
    j.ok(
        "2027-01-04T08:00",
        None,
        &["reflect", "First honest words."],
    );
    j.ok("2027-01-04T09:00", Some(FIRST), &["encrypt"]);
    let before = j.files();

    let wrong = j.run(
        "2027-01-05T08:00",
        Some("not the passphrase"),
        &["journal", "x y"],
    );
    assert_eq!(
        wrong.status.code(),
        Some(2),
        "a wrong passphrase is refused"
    );
    let wrong = stderr(&wrong);
    assert!(wrong.contains("does not open"), "{wrong}");
    common::assert_one_line(&wrong);
    assert!(j.files() == before, "a wrong passphrase writes nothing");

    // One bit flipped in the payload: the key opens, the file does not.
    let data = j.data_dir().join("breather.json");
    let mut damaged = std::fs::read(&data).expect("data");
    let last = damaged.len() - 3;
    damaged[last] ^= 0x20;
    std::fs::write(&data, &damaged).expect("planted");
    let before = j.files();
    for args in [&["journal", "x y"][..], &["list", "reflections"]] {
        let out = j.run("2027-01-05T08:00", Some(FIRST), args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "damaged ciphertext is a failure"
        );
        let said = stderr(&out);
        assert!(
            said.contains("damaged") && !said.contains("does not open"),
            "{said}"
        );
        common::assert_one_line(&said);
    }
    assert!(j.files() == before, "a damaged file is never written over");

    // A truncated one, and a key file that is damaged, are damage too.
    std::fs::write(&data, &damaged[..damaged.len() / 2]).expect("planted");
    let out = j.run("2027-01-05T08:00", Some(FIRST), &["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let key = j.data_dir().join("breather.key");
    let text = std::fs::read_to_string(&key).expect("key");
    std::fs::write(&key, text.replacen('A', "B", 3)).expect("planted");
    let out = j.run("2027-01-05T08:00", Some(FIRST), &["status"]);
    let said = stderr(&out);
    assert!(
        out.status.code() == Some(1) && said.contains("damaged"),
        "{said}"
    );
}

#[test]
fn a_crafted_huge_scrypt_work_factor_is_refused_fast() {
    let j = Journal::new();
    j.ok(
        "2027-01-04T08:00",
        None,
        &["reflect", "First honest words."],
    );
    j.ok("2027-01-04T09:00", Some(FIRST), &["encrypt"]);
    // A key file claiming 2^40 scrypt work (a terabyte of memory, days of CPU).
    let mut recipient = age::scrypt::Recipient::new(secret(FIRST));
    recipient.set_work_factor(4);
    let sealed = age::encrypt(&recipient, b"AGE-SECRET-KEY-1\n").expect("sealed");
    let crafted = String::from_utf8_lossy(&sealed).replacen(" 4\n", " 40\n", 1);
    std::fs::write(j.data_dir().join("breather.key"), crafted.as_bytes()).expect("planted");
    let before = j.files();
    let started = Instant::now();
    let out = j.run("2027-01-05T08:00", Some(FIRST), &["journal", "x y"]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("work factor 40"), "{said}");
    assert!(took < Duration::from_secs(2), "refused in {took:?}");
    assert!(j.files() == before, "nothing written");
}

#[test]
fn status_short_shows_a_locked_marker_without_asking_and_remind_stays_quiet() {
    let j = Journal::new();
    j.ok(
        "2027-01-04T08:00",
        None,
        &["reflect", "First honest words."],
    );
    j.ok("2027-01-04T09:00", Some(FIRST), &["encrypt"]);
    let started = Instant::now();
    let short = j.ok("2027-01-05T08:00", None, &["status", "--short"]);
    assert_eq!(short, "breather · locked\n");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(j.ok("2027-01-05T08:00", None, &["remind"]), "");
    // Anything that needs the words, with no way to ask: one sentence, exit 2.
    // In a new session (no controlling terminal, even when the tests run
    // in one), so there is no /dev/tty to prompt on.
    let std = j.std_cmd("2027-01-05T08:00", None);
    let mut detached = std::process::Command::new("setsid");
    detached
        .arg("--wait")
        .arg(std.get_program())
        .args(std.get_args())
        .arg("status")
        .stdin(std::process::Stdio::null());
    for (key, value) in std.get_envs() {
        match value {
            Some(value) => detached.env(key, value),
            None => detached.env_remove(key),
        };
    }
    let out = detached.output().expect("setsid runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("BREATHER_PASSPHRASE_FILE"),
        "{}",
        stderr(&out)
    );
    // Converting twice is refused, as is decrypting a plain journal.
    let again = j.run("2027-01-05T08:00", Some(FIRST), &["encrypt"]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    j.ok("2027-01-05T08:00", Some(FIRST), &["decrypt"]);
    let plain = j.run("2027-01-05T08:00", Some(FIRST), &["decrypt"]);
    assert_eq!(plain.status.code(), Some(2), "{}", stderr(&plain));
    // A short passphrase is refused before anything changes.
    let short = j.run("2027-01-05T08:00", Some("short"), &["encrypt"]);
    assert_eq!(short.status.code(), Some(2), "{}", stderr(&short));
    assert!(!j.data_dir().join("breather.key").exists());
}

#[test]
fn backups_restore_import_and_export_work_while_encrypted() {
    let j = Journal::new();
    j.ok("2027-01-04T08:00", None, &["reflect", "Day one."]);
    j.ok("2027-01-05T08:00", None, &["reflect", "Day two."]);
    j.ok("2027-01-05T09:00", Some(FIRST), &["encrypt"]);
    let listed = j.ok("2027-01-05T09:00", Some(FIRST), &["backups"]);
    assert!(listed.contains("reflections 1"), "{listed}");
    j.ok("2027-01-05T09:00", Some(FIRST), &["restore", "2027-01-05"]);
    let list = j.ok(
        "2027-01-05T09:00",
        Some(FIRST),
        &["list", "reflections", "--json"],
    );
    let list: serde_json::Value = serde_json::from_str(&list).expect("JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    let export = j.run("2027-01-05T09:00", Some(FIRST), &["export"]);
    assert!(
        stderr(&export).contains("not encrypted"),
        "{}",
        stderr(&export)
    );
    let file = j.aside.path().join("export.json");
    std::fs::write(&file, &export.stdout).expect("export");
    j.ok(
        "2027-01-05T09:00",
        Some(FIRST),
        &["import", "--replace", file.to_str().expect("UTF-8")],
    );
    assert!(is_sealed(
        &std::fs::read(j.data_dir().join("breather.json")).expect("data")
    ));
}
