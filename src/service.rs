//! The use cases shared by the CLI and the TUI: read the clock once, load,
//! apply one domain change under the store's lock, save.

use age::secrecy::SecretString;
use chrono::NaiveDate;

use crate::clock::Clock;
use crate::domain::digest::Digest;
use crate::domain::message::{DraftOutcome, ReplyOutcome, SentOutcome};
use crate::domain::summary::Summary;
use crate::domain::{
    Answer, CheckpointOutcome, DomainError, Journey, Mood, Motive, NewActivity, NoContact, Path,
    Preferences, ReflectOutcome, Timestamp,
};
use crate::storage::{FileStamp, StorageError, Store};

mod messages;

/// Why a use case did not happen. Either way, nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The method refused the action (exit 2 on the command line).
    #[error(transparent)]
    Refused(#[from] DomainError),
    /// The disk or the data file failed (exit 1).
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// One change a person can make, as data (what the TUI asks for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Reflect {
        text: String,
        motive: Option<Motive>,
        replace: bool,
    },
    Decide {
        path: Path,
        last_contact: Option<NaiveDate>,
        target_days: Option<u32>,
    },
    Slip {
        date: Option<NaiveDate>,
        note: Option<String>,
    },
    Exception {
        date: Option<NaiveDate>,
        note: String,
    },
    Urge {
        text: String,
    },
    LogActivity(NewActivity),
    EditActivity {
        id: u32,
        activity: NewActivity,
    },
    DeleteActivity {
        id: u32,
    },
    Journal {
        text: String,
        mood: Option<Mood>,
    },
    Checkpoint {
        answer: Answer,
        extend_days: Option<u32>,
    },
    /// Check and keep a message draft (before the reconnect stage: an urge).
    Draft {
        text: String,
    },
    /// A draft was sent (`None`: the latest).
    MarkSent {
        id: Option<u32>,
    },
    /// They answered the last sent message (`None`: today).
    Reply {
        date: Option<NaiveDate>,
    },
}

/// What a change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Reflected(ReflectOutcome),
    Decided(NoContact),
    Slipped(NoContact),
    ExceptionNoted(NoContact),
    UrgeKept(u32),
    ActivityLogged(u32),
    ActivityEdited(u32),
    ActivityDeleted(u32),
    JournalWritten(u32),
    CheckpointAnswered(CheckpointOutcome),
    DraftKept(DraftOutcome),
    Sent(SentOutcome),
    ReplyNoted(ReplyOutcome),
}

/// One person's journey on disk, seen through a clock.
#[derive(Debug, Clone)]
pub struct Service {
    store: Store,
    clock: Clock,
    preferences: Preferences,
}

impl Service {
    pub fn new(store: Store, clock: Clock) -> Self {
        Service {
            store,
            clock,
            preferences: Preferences::default(),
        }
    }

    /// This service, with the person's settings (morning cutoff, default target).
    #[must_use]
    pub fn with_preferences(mut self, preferences: Preferences) -> Self {
        self.preferences = preferences;
        self
    }

    /// The settings the method is run with.
    pub fn preferences(&self) -> Preferences {
        self.preferences
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The current moment, from the clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// Reads the journey without locking.
    pub fn load(&self) -> Result<Journey, ServiceError> {
        Ok(self.store.load()?)
    }

    /// The data file's fingerprint, to notice saves by other processes.
    pub fn stamp(&self) -> Option<FileStamp> {
        self.store.stamp()
    }

    /// Where the journey stands today.
    pub fn summary(&self) -> Result<(Journey, Summary), ServiceError> {
        let journey = self.load()?;
        let summary = Summary::of(&journey, self.today());
        Ok((journey, summary))
    }

    /// What `status` and `remind` need, quickly (see [`Store::digest`]).
    pub fn digest(&self) -> Result<Digest, ServiceError> {
        Ok(self.store.digest()?)
    }

    /// Replaces the whole journey with `journey` (an import). A journey that
    /// holds anything is replaced only when `replace` is given, and is kept
    /// in `backups/` first. Also says whether something was replaced.
    pub fn import(&self, journey: Journey, replace: bool) -> Result<(Journey, bool), ServiceError> {
        let replaced = std::cell::Cell::new(false);
        let allow = |current: &Journey| {
            replaced.set(!current.is_empty());
            if current.is_empty() || replace {
                Ok(())
            } else {
                Err(DomainError::ImportIntoNonEmpty)
            }
        };
        let saved = self
            .store
            .replace_all(journey, self.now().naive_local(), allow)??;
        Ok((saved, replaced.get()))
    }

    /// The journey in the export at `path`, checked as strictly as the data
    /// file (and decrypted, when it is encrypted with this journal's key).
    pub fn read_import(&self, path: &std::path::Path) -> Result<Journey, ServiceError> {
        Ok(self.store.read_journey_at(path)?)
    }

    /// `journey` exactly as the data file holds it: pretty JSON, re-importable.
    pub fn export_json(&self, journey: &Journey) -> Result<Vec<u8>, ServiceError> {
        crate::storage::schema::encode(journey).map_err(|e| {
            ServiceError::Storage(StorageError::Encode {
                path: self.store.data_file().to_owned(),
                detail: e.to_string(),
            })
        })
    }

    /// Writes an export to `path`: atomically, 0600, never over the data file.
    pub fn write_export(&self, path: &std::path::Path, bytes: &[u8]) -> Result<(), ServiceError> {
        Ok(crate::storage::transfer::write_export(
            path,
            self.store.data_file(),
            bytes,
        )?)
    }

    /// Turns encryption on with `passphrase` (see [`Store::encrypt`]);
    /// returns how many files were encrypted.
    pub fn encrypt(&self, passphrase: &SecretString) -> Result<usize, ServiceError> {
        Ok(self.store.encrypt(passphrase)?)
    }

    /// Asks for the passphrase now when the journal is encrypted (once per process).
    pub fn unlock(&self) -> Result<(), ServiceError> {
        Ok(self.store.unlock()?)
    }

    /// Finishes an interrupted encryption; returns how many files it encrypted.
    pub fn finish_encryption(&self) -> Result<usize, ServiceError> {
        Ok(self.store.finish_encryption()?)
    }

    /// Turns encryption off; returns how many files were decrypted.
    pub fn decrypt(&self) -> Result<usize, ServiceError> {
        Ok(self.store.decrypt()?)
    }

    /// Changes the passphrase and re-keys every file; returns how many.
    pub fn change_passphrase(&self, new: &SecretString) -> Result<usize, ServiceError> {
        Ok(self.store.change_passphrase(new)?)
    }

    /// The daily backups, newest first (an encrypted journal is unlocked first).
    pub fn backups(&self) -> Result<Vec<crate::storage::backup::Backup>, ServiceError> {
        Ok(self.store.backups()?)
    }

    /// Brings back backup `wanted` (a file name, a date or a path), keeping
    /// the current file as a backup first.
    pub fn restore(&self, wanted: &str) -> Result<Journey, ServiceError> {
        let path = crate::storage::backup::find(self.store.dir(), wanted).ok_or_else(|| {
            DomainError::NoSuchBackup {
                wanted: wanted.to_owned(),
            }
        })?;
        Ok(self.store.restore(&path, self.now().naive_local())?)
    }

    /// Applies `change` and returns what it did and the journey as saved.
    pub fn perform(&self, change: Change) -> Result<(Changed, Journey), ServiceError> {
        self.perform_stamped(change)
            .map(|(changed, journey, _)| (changed, journey))
    }

    /// [`Service::perform`], with the fingerprint of the file as saved (taken
    /// under the lock), for a reader that watches the file (the TUI).
    pub fn perform_stamped(
        &self,
        change: Change,
    ) -> Result<(Changed, Journey, Option<FileStamp>), ServiceError> {
        let now = self.now();
        let today = now.date_naive();
        let counted = |j: &Journey| j.no_contact_on(today).ok_or(DomainError::NoCountdownYet);
        Ok(self
            .store
            .update_on_stamped(today, |j| -> Result<Changed, DomainError> {
                Ok(match change {
                    Change::Reflect {
                        text,
                        motive,
                        replace,
                    } => Changed::Reflected(j.reflect_with(
                        now,
                        &text,
                        motive,
                        replace,
                        self.preferences.morning_ends_at_hour,
                    )?),
                    Change::Decide {
                        path,
                        last_contact,
                        target_days,
                    } => {
                        let target = target_days.unwrap_or(self.preferences.default_target_days);
                        j.decide(today, path, last_contact.unwrap_or(today), target)?;
                        Changed::Decided(counted(j)?)
                    }
                    Change::Slip { date, note } => Changed::Slipped(j.record_slip(
                        now,
                        date.unwrap_or(today),
                        note.as_deref(),
                    )?),
                    Change::Exception { date, note } => {
                        j.record_exception(now, date.unwrap_or(today), &note)?;
                        Changed::ExceptionNoted(counted(j)?)
                    }
                    Change::Urge { text } => Changed::UrgeKept(j.write_urge(now, &text)?),
                    Change::LogActivity(new) => Changed::ActivityLogged(j.log_activity(now, &new)?),
                    Change::EditActivity { id, activity } => {
                        j.edit_activity(now, id, &activity)?;
                        Changed::ActivityEdited(id)
                    }
                    Change::DeleteActivity { id } => {
                        j.delete_activity(id)?;
                        Changed::ActivityDeleted(id)
                    }
                    Change::Journal { text, mood } => {
                        Changed::JournalWritten(j.write_journal(now, &text, mood)?)
                    }
                    Change::Checkpoint {
                        answer,
                        extend_days,
                    } => Changed::CheckpointAnswered(j.answer_checkpoint(
                        now,
                        answer,
                        extend_days,
                    )?),
                    Change::Draft { text } => Changed::DraftKept(j.keep_draft(now, &text)?),
                    Change::MarkSent { id } => Changed::Sent(j.mark_sent(today, id)?),
                    Change::Reply { date } => {
                        Changed::ReplyNoted(j.record_reply(today, date.unwrap_or(today))?)
                    }
                })
            })??)
    }

    fn expect<T>(
        &self,
        change: Change,
        pick: impl FnOnce(Changed) -> Option<T>,
    ) -> Result<T, ServiceError> {
        let (changed, _) = self.perform(change)?;
        // `perform` answers each change with its own variant.
        Ok(pick(changed).expect("perform answers a change with its matching variant"))
    }

    pub fn reflect(
        &self,
        text: &str,
        motive: Option<Motive>,
        replace: bool,
    ) -> Result<ReflectOutcome, ServiceError> {
        let change = Change::Reflect {
            text: text.to_owned(),
            motive,
            replace,
        };
        self.expect(change, |c| {
            if let Changed::Reflected(o) = c {
                Some(o)
            } else {
                None
            }
        })
    }

    pub fn decide(
        &self,
        path: Path,
        last_contact: Option<NaiveDate>,
        target_days: Option<u32>,
    ) -> Result<NoContact, ServiceError> {
        let change = Change::Decide {
            path,
            last_contact,
            target_days,
        };
        self.expect(change, |c| {
            if let Changed::Decided(n) = c {
                Some(n)
            } else {
                None
            }
        })
    }

    pub fn slip(
        &self,
        date: Option<NaiveDate>,
        note: Option<&str>,
    ) -> Result<NoContact, ServiceError> {
        let change = Change::Slip {
            date,
            note: note.map(str::to_owned),
        };
        self.expect(change, |c| {
            if let Changed::Slipped(n) = c {
                Some(n)
            } else {
                None
            }
        })
    }

    pub fn exception(
        &self,
        date: Option<NaiveDate>,
        note: &str,
    ) -> Result<NoContact, ServiceError> {
        let change = Change::Exception {
            date,
            note: note.to_owned(),
        };
        self.expect(change, |c| {
            if let Changed::ExceptionNoted(n) = c {
                Some(n)
            } else {
                None
            }
        })
    }

    pub fn urge(&self, text: &str) -> Result<u32, ServiceError> {
        let change = Change::Urge {
            text: text.to_owned(),
        };
        self.expect(change, |c| {
            if let Changed::UrgeKept(id) = c {
                Some(id)
            } else {
                None
            }
        })
    }

    pub fn log_activity(&self, new: &NewActivity) -> Result<u32, ServiceError> {
        let change = Change::LogActivity(new.clone());
        self.expect(change, |c| {
            if let Changed::ActivityLogged(id) = c {
                Some(id)
            } else {
                None
            }
        })
    }

    pub fn journal(&self, text: &str, mood: Option<Mood>) -> Result<u32, ServiceError> {
        let change = Change::Journal {
            text: text.to_owned(),
            mood,
        };
        self.expect(change, |c| {
            if let Changed::JournalWritten(id) = c {
                Some(id)
            } else {
                None
            }
        })
    }

    pub fn checkpoint(
        &self,
        answer: Answer,
        extend_days: Option<u32>,
    ) -> Result<CheckpointOutcome, ServiceError> {
        let change = Change::Checkpoint {
            answer,
            extend_days,
        };
        self.expect(change, |c| {
            if let Changed::CheckpointAnswered(o) = c {
                Some(o)
            } else {
                None
            }
        })
    }
}
