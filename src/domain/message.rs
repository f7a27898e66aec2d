//! Messages to the ex in the reconnect stage: drafts the person writes,
//! checks, copies out and marks sent. The app never sends anything.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Timestamp;

/// A message draft and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub id: u32,
    pub written_at: Timestamp,
    pub text: String,
    /// The day the person marked it sent.
    #[serde(default)]
    pub sent_on: Option<NaiveDate>,
    /// The day they recorded a reply to it.
    #[serde(default)]
    pub replied_on: Option<NaiveDate>,
}
