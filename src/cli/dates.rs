//! Dates on the command line: `YYYY-MM-DD`, `today` or `yesterday`.

use chrono::{Days, NaiveDate};

use crate::tr;

/// A date as typed; resolved against today by the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateArg {
    Today,
    Yesterday,
    On(NaiveDate),
}

impl DateArg {
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateArg::Today => today,
            DateArg::Yesterday => today.checked_sub_days(Days::new(1)).unwrap_or(today),
            DateArg::On(date) => date,
        }
    }
}

/// clap value parser for dates.
pub fn parse_date(value: &str) -> Result<DateArg, String> {
    match value.trim() {
        "today" => Ok(DateArg::Today),
        "yesterday" => Ok(DateArg::Yesterday),
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .filter(|_| s.len() == 10)
            .map(DateArg::On)
            .ok_or_else(|| tr!("cli.bad_date", value = value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms_and_refuses_the_rest() {
        let today: NaiveDate = "2027-03-01".parse().expect("valid");
        assert_eq!(parse_date("today").map(|d| d.resolve(today)), Ok(today));
        assert_eq!(
            parse_date("yesterday").map(|d| d.resolve(today)),
            Ok("2027-02-28".parse().expect("valid"))
        );
        assert_eq!(
            parse_date("2028-02-29").map(|d| d.resolve(today)),
            Ok("2028-02-29".parse().expect("valid"))
        );
        for bad in [
            "2027-02-31",
            "31/02",
            "2027-2-3",
            "tomorrow",
            "",
            "2027-02-28x",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
