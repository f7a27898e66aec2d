//! `breather log TITLE [--category C] [--date DATE] [--rating 1-5] [--note TEXT] [--share] [--they-would-like]`

use std::io::{IsTerminal, Write};

use super::CliError;
use super::dates::{DateArg, parse_date};
use super::output::{Output, note};
use crate::domain::{Category, NewActivity, Rating};
use crate::service::Service;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What you did, e.g. "Pottery class".
    pub title: String,
    /// What kind of thing it was.
    #[arg(long, value_enum, default_value = "other")]
    pub category: CategoryArg,
    /// When (YYYY-MM-DD, today, yesterday; default today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// How good it was, 1 to 5.
    #[arg(long, value_parser = parse_rating, value_name = "1-5")]
    pub rating: Option<Rating>,
    /// A few words about it.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Worth sharing with all your friends.
    #[arg(long)]
    pub share: bool,
    /// Something your ex would like too (a light topic, later).
    #[arg(long)]
    pub they_would_like: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CategoryArg {
    Trip,
    Club,
    Class,
    Creative,
    Food,
    Social,
    Adventure,
    Fitness,
    Other,
}

impl From<CategoryArg> for Category {
    fn from(c: CategoryArg) -> Self {
        match c {
            CategoryArg::Trip => Category::Trip,
            CategoryArg::Club => Category::Club,
            CategoryArg::Class => Category::Class,
            CategoryArg::Creative => Category::Creative,
            CategoryArg::Food => Category::Food,
            CategoryArg::Social => Category::Social,
            CategoryArg::Adventure => Category::Adventure,
            CategoryArg::Fitness => Category::Fitness,
            CategoryArg::Other => Category::Other,
        }
    }
}

fn parse_rating(value: &str) -> Result<Rating, String> {
    let number: i64 = value
        .trim()
        .parse()
        .map_err(|_| tr!("error.rating_out_of_range", given = value))?;
    Rating::new(number).map_err(|e| e.to_string())
}

pub fn run(args: Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let today = service.today();
    let category = Category::from(args.category);
    let new = NewActivity {
        title: args.title,
        category,
        date: args.date.map_or(today, |d| d.resolve(today)),
        rating: args.rating,
        note: args.note,
        share: args.share,
        they_would_like: args.they_would_like,
    };
    let id = service.log_activity(&new)?;
    // stdout carries the id alone, for scripts; the kind word goes to a person.
    out.line(id.to_string())?;
    if std::io::stderr().is_terminal() {
        note(tr!("log.saved", category = category.as_str()));
    }
    Ok(())
}
