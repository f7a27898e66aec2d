//! The reconnect stage's use cases — keep a draft, mark it sent, record a
//! reply — and the read-only views of the month: the report, the desk of
//! drafts and suggestions, and a post to share.

use chrono::NaiveDate;

use super::{Change, Changed, Service, ServiceError};
use crate::domain::clean_text;
use crate::domain::message::{Desk, DraftOutcome, ReplyOutcome, SentOutcome};
use crate::domain::report::Report;
use crate::domain::share::{self, Post};

impl Service {
    /// Checks and keeps a draft (before the reconnect stage, as an urge).
    pub fn draft(&self, text: &str) -> Result<DraftOutcome, ServiceError> {
        let change = Change::Draft {
            text: text.to_owned(),
        };
        self.expect(change, |c| {
            if let Changed::DraftKept(o) = c {
                Some(o)
            } else {
                None
            }
        })
    }

    /// Marks draft `id` (default: the latest) as sent today.
    pub fn mark_sent(&self, id: Option<u32>) -> Result<SentOutcome, ServiceError> {
        self.expect(Change::MarkSent { id }, |c| {
            if let Changed::Sent(o) = c {
                Some(o)
            } else {
                None
            }
        })
    }

    /// Records that they answered the last sent message, on `date` (default today).
    pub fn reply(&self, date: Option<NaiveDate>) -> Result<ReplyOutcome, ServiceError> {
        self.expect(Change::Reply { date }, |c| {
            if let Changed::ReplyNoted(o) = c {
                Some(o)
            } else {
                None
            }
        })
    }

    /// The month in one page, as of today.
    pub fn report(&self) -> Result<Report, ServiceError> {
        Ok(Report::of(&self.load()?, self.today()))
    }

    /// The drafts with their checks, the pacing and suggestions, as of today.
    pub fn desk(&self) -> Result<Desk, ServiceError> {
        Ok(Desk::of(&self.load()?, self.today()))
    }

    /// A post for all friends about shareable activity `id` — the person's
    /// own words when given — checked against reading as aimed at the ex.
    /// Nothing is written.
    pub fn share(
        &self,
        id: u32,
        own_text: Option<&str>,
        ex_name: Option<&str>,
    ) -> Result<Post, ServiceError> {
        let journey = self.load()?;
        let generated = journey.share_post(id, self.today())?;
        let text = match own_text {
            Some(own) => clean_text(own)?,
            None => generated,
        };
        let aimed_at_ex = share::check_post(&text, ex_name);
        Ok(Post { text, aimed_at_ex })
    }
}
