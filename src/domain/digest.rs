//! The few facts a status needs, and no text: what the stage, the count, the
//! reflection week and the activity numbers are derived from. Small enough
//! to read in well under a millisecond, so `status` and `remind` stay quick
//! in a shell prompt however long the journal grows.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::summary::{ActivitySummary, Summary};
use super::{Journey, days_between};

/// A journey reduced to what [`Summary`] reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Digest {
    /// The reflections (texts emptied), the verdict, the slips (notes
    /// dropped) and the checkpoint answers; nothing else.
    facts: Journey,
    /// Activities per day: (days since 1 January of year 1, how many), by day.
    activity_days: Vec<(i32, u32)>,
}

impl Digest {
    /// The digest of `journey`.
    pub fn of(journey: &Journey) -> Self {
        let mut facts = Journey::new();
        facts.schema_version = journey.schema_version;
        facts.reflections = journey
            .reflections
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.text = String::new();
                r
            })
            .collect();
        facts.verdict.clone_from(&journey.verdict);
        facts.slips = journey
            .slips
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.note = None;
                s
            })
            .collect();
        facts.checkpoints.clone_from(&journey.checkpoints);
        let mut per_day: BTreeMap<i32, u32> = BTreeMap::new();
        for a in &journey.activities {
            *per_day.entry(a.date.num_days_from_ce()).or_default() += 1;
        }
        Digest {
            facts,
            activity_days: per_day.into_iter().collect(),
        }
    }

    /// The facts the stage is derived from (reflection dates, verdict, slips,
    /// checkpoint answers), as a journey without texts.
    pub fn facts(&self) -> &Journey {
        &self.facts
    }

    /// Exactly what [`Summary::of`] gives for the whole journey on `today`.
    pub fn summary_on(&self, today: NaiveDate) -> Summary {
        let mut summary = Summary::of(&self.facts, today);
        let total = self.activity_days.iter().map(|&(_, n)| n as usize).sum();
        let last_7_days = self
            .activity_days
            .iter()
            .filter(|&&(day, _)| {
                NaiveDate::from_num_days_from_ce_opt(day)
                    .is_some_and(|day| (0..7).contains(&days_between(day, today)))
            })
            .map(|&(_, n)| n as usize)
            .sum();
        summary.activities = ActivitySummary { total, last_7_days };
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;
    use chrono::Days;

    #[test]
    fn a_digest_summarises_exactly_like_the_whole_journey() {
        for days in [0, 1, 30, 200] {
            let journey = synth::journey(days);
            let digest = Digest::of(&journey);
            let first = synth::START;
            for offset in 0..(u64::from(days) + 20) {
                let today = first + Days::new(offset);
                assert_eq!(
                    digest.summary_on(today),
                    Summary::of(&journey, today),
                    "{days} days, on {today}"
                );
            }
        }
    }

    #[test]
    fn a_digest_keeps_no_text_and_survives_a_round_trip() {
        let mut journey = synth::journey(120);
        journey
            .record_slip(
                synth::at(synth::START + Days::new(110), 22),
                synth::START + Days::new(110),
                Some("a private note"),
            )
            .expect("a slip inside the run is accepted");
        let digest = Digest::of(&journey);
        let json = serde_json::to_string(&digest).expect("serializes");
        assert!(!json.contains("private"), "{json}");
        assert!(digest.facts.reflections.iter().all(|r| r.text.is_empty()));
        let back: Digest = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, digest);
    }
}
