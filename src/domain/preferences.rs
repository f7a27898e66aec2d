//! The person's own settings that shape the method: the hour a morning ends
//! and the no-contact target offered by default. Plain values, handed in by
//! the caller (the config file is read elsewhere), so the method stays pure.

use super::reflection::MORNING_ENDS_AT_HOUR;
use super::verdict::MIN_TARGET_DAYS;

/// Settings the method takes as parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preferences {
    /// Answers written before this hour (local time) are morning answers.
    pub morning_ends_at_hour: u32,
    /// The no-contact target when none is given at the verdict.
    pub default_target_days: u32,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            morning_ends_at_hour: MORNING_ENDS_AT_HOUR,
            default_target_days: MIN_TARGET_DAYS,
        }
    }
}
