//! Looking back: the stage the journey was at on a past day, from the facts
//! recorded by then (so an export can group what was written by stage).

use chrono::NaiveDate;

use super::{Journey, Stage};

/// The facts the stage depends on, without texts, to ask about many days.
#[derive(Debug, Clone)]
pub struct History {
    facts: Journey,
}

impl History {
    pub fn of(journey: &Journey) -> Self {
        History {
            facts: super::digest::Digest::of(journey).facts().clone(),
        }
    }

    /// The stage on `day`, as it stood then: only reflections, the verdict,
    /// slips and checkpoint answers dated on or before `day` count.
    pub fn stage_then(&self, day: NaiveDate) -> Stage {
        let mut then = Journey::new();
        then.reflections = self
            .facts
            .reflections
            .iter()
            .filter(|r| r.date <= day)
            .cloned()
            .collect();
        then.verdict = self.facts.verdict.clone().filter(|v| v.decided_on <= day);
        then.slips = self
            .facts
            .slips
            .iter()
            .filter(|s| s.date <= day)
            .cloned()
            .collect();
        then.checkpoints = self
            .facts
            .checkpoints
            .iter()
            .filter(|c| c.date <= day)
            .cloned()
            .collect();
        then.stage_on(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;
    use chrono::Days;

    #[test]
    fn each_day_gets_the_stage_it_had_then() {
        let history = History::of(&synth::journey(60));
        let on = |offset: u64| history.stage_then(synth::START + Days::new(offset));
        assert_eq!(on(0), Stage::Reflection);
        assert_eq!(on(6), Stage::VerdictDue);
        assert_eq!(on(7), Stage::NoContact);
        assert_eq!(on(7 + 29), Stage::NoContact);
        assert_eq!(on(7 + 30), Stage::MovingOn);
        let before = synth::START.pred_opt().expect("a day before");
        assert_eq!(history.stage_then(before), Stage::NotStarted);
    }
}
