//! The use cases shared by the CLI and the TUI: read the clock once, load,
//! apply one domain change under the store's lock, save.

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::domain::summary::Summary;
use crate::domain::{
    Answer, CheckpointOutcome, DomainError, Journey, Mood, Motive, NewActivity, NoContact, Path,
    ReflectOutcome, Timestamp, verdict,
};
use crate::storage::{StorageError, Store};

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

/// One person's journey on disk, seen through a clock.
#[derive(Debug, Clone)]
pub struct Service {
    store: Store,
    clock: Clock,
}

impl Service {
    pub fn new(store: Store, clock: Clock) -> Self {
        Service { store, clock }
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

    /// Where the journey stands today.
    pub fn summary(&self) -> Result<(Journey, Summary), ServiceError> {
        let journey = self.load()?;
        let summary = Summary::of(&journey, self.today());
        Ok((journey, summary))
    }

    fn change<T>(
        &self,
        apply: impl FnOnce(&mut Journey, Timestamp) -> Result<T, DomainError>,
    ) -> Result<T, ServiceError> {
        let now = self.now();
        Ok(self.store.update(|journey| apply(journey, now))??)
    }

    pub fn reflect(
        &self,
        text: &str,
        motive: Option<Motive>,
        replace: bool,
    ) -> Result<ReflectOutcome, ServiceError> {
        self.change(|j, now| j.reflect(now, text, motive, replace))
    }

    pub fn decide(
        &self,
        path: Path,
        last_contact: Option<NaiveDate>,
        target_days: Option<u32>,
    ) -> Result<NoContact, ServiceError> {
        self.change(|j, now| {
            let today = now.date_naive();
            let target = target_days.unwrap_or(verdict::MIN_TARGET_DAYS);
            j.decide(today, path, last_contact.unwrap_or(today), target)?;
            j.no_contact_on(today).ok_or(DomainError::NoCountdownYet)
        })
    }

    pub fn slip(
        &self,
        date: Option<NaiveDate>,
        note: Option<&str>,
    ) -> Result<NoContact, ServiceError> {
        self.change(|j, now| j.record_slip(now, date.unwrap_or(now.date_naive()), note))
    }

    pub fn exception(
        &self,
        date: Option<NaiveDate>,
        note: &str,
    ) -> Result<NoContact, ServiceError> {
        self.change(|j, now| {
            let today = now.date_naive();
            j.record_exception(now, date.unwrap_or(today), note)?;
            j.no_contact_on(today).ok_or(DomainError::NoCountdownYet)
        })
    }

    pub fn urge(&self, text: &str) -> Result<u32, ServiceError> {
        self.change(|j, now| j.write_urge(now, text))
    }

    pub fn log_activity(&self, new: &NewActivity) -> Result<u32, ServiceError> {
        self.change(|j, now| j.log_activity(now, new))
    }

    pub fn journal(&self, text: &str, mood: Option<Mood>) -> Result<u32, ServiceError> {
        self.change(|j, now| j.write_journal(now, text, mood))
    }

    pub fn checkpoint(
        &self,
        answer: Answer,
        extend_days: Option<u32>,
    ) -> Result<CheckpointOutcome, ServiceError> {
        self.change(|j, now| j.answer_checkpoint(now, answer, extend_days))
    }
}
