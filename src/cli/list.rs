//! `breather list reflections|activities|journal|urges|drafts [--json]`:
//! what was written, newest first.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::output::Output;
use crate::domain::{Journey, Reflection};
use crate::service::Service;
use crate::terminal_text::{safe, safe_line};
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to list.
    #[arg(value_enum)]
    pub kind: Kind,
    /// A JSON array, for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    Reflections,
    Activities,
    Journal,
    Urges,
    Drafts,
}

#[derive(Serialize)]
struct ReflectionRow<'a> {
    #[serde(flatten)]
    reflection: &'a Reflection,
    is_morning: bool,
}

/// `items` sorted newest first by `key`.
fn newest_first<T, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> Vec<&T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_key(|item| std::cmp::Reverse(key(item)));
    sorted
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let journey = service.load()?;
    let morning_ends = service.preferences().morning_ends_at_hour;
    if args.json {
        json(&journey, args.kind, morning_ends, out)
    } else {
        text(&journey, args.kind, morning_ends, out)
    }
}

fn json(
    j: &Journey,
    kind: Kind,
    morning_ends: u32,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    match kind {
        Kind::Reflections => {
            let rows: Vec<ReflectionRow> = newest_first(&j.reflections, |r| (r.date, r.id))
                .into_iter()
                .map(|reflection| ReflectionRow {
                    reflection,
                    is_morning: reflection.is_morning_before(morning_ends),
                })
                .collect();
            out.json(&rows)?;
        }
        Kind::Activities => out.json(&newest_first(&j.activities, |a| (a.date, a.id)))?,
        Kind::Journal => out.json(&newest_first(&j.journal, |e| (e.written_at, e.id)))?,
        Kind::Urges => out.json(&newest_first(&j.urges, |u| (u.written_at, u.id)))?,
        Kind::Drafts => out.json(&newest_first(&j.drafts, |d| (d.written_at, d.id)))?,
    }
    Ok(())
}

fn text(
    j: &Journey,
    kind: Kind,
    morning_ends: u32,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    let empty = match kind {
        Kind::Reflections => j.reflections.is_empty(),
        Kind::Activities => j.activities.is_empty(),
        Kind::Journal => j.journal.is_empty(),
        Kind::Urges => j.urges.is_empty(),
        Kind::Drafts => j.drafts.is_empty(),
    };
    if empty {
        out.hint(tr!("list.empty"))?;
        return Ok(());
    }
    match kind {
        Kind::Reflections => {
            for r in newest_first(&j.reflections, |r| (r.date, r.id)) {
                out.accent(format!("{} · {}", r.date, r.marks(morning_ends)))?;
                body(out, &r.text)?;
            }
        }
        Kind::Activities => {
            for a in newest_first(&j.activities, |a| (a.date, a.id)) {
                let mut line = format!(
                    "#{} {} · {} · {}",
                    a.id,
                    a.date,
                    a.category.as_str(),
                    safe_line(&a.title)
                );
                if let Some(r) = a.rating {
                    let _ = write!(line, " · {}", "★".repeat(usize::from(r.get())));
                }
                if a.share {
                    let _ = write!(line, " · {}", tr!("list.shareable"));
                }
                if a.they_would_like {
                    let _ = write!(line, " · {}", tr!("list.they_would_like"));
                }
                out.accent(line)?;
                if let Some(note) = &a.note {
                    body(out, note)?;
                }
            }
        }
        Kind::Journal => {
            for e in newest_first(&j.journal, |e| (e.written_at, e.id)) {
                let mood = e.mood.map_or(String::new(), |m| {
                    format!(" · {}", tr!("list.mood", mood = m.get()))
                });
                out.accent(format!("{}{mood}", e.written_at.format("%Y-%m-%d %H:%M")))?;
                body(out, &e.text)?;
            }
        }
        Kind::Urges => {
            for u in newest_first(&j.urges, |u| (u.written_at, u.id)) {
                out.accent(format!(
                    "{} · {}",
                    u.written_at.format("%Y-%m-%d %H:%M"),
                    tr!("list.unsent")
                ))?;
                body(out, &u.text)?;
            }
        }
        Kind::Drafts => {
            for d in newest_first(&j.drafts, |d| (d.written_at, d.id)) {
                let state = match (d.sent_on, d.replied_on) {
                    (Some(_), Some(r)) => tr!("list.replied", date = r),
                    (Some(s), None) => tr!("list.sent", date = s),
                    _ => tr!("list.draft"),
                };
                out.accent(format!(
                    "#{} {} · {state}",
                    d.id,
                    d.written_at.format("%Y-%m-%d %H:%M")
                ))?;
                body(out, &d.text)?;
            }
        }
    }
    Ok(())
}

/// An entry's text, indented, made safe for the terminal.
fn body(out: &mut Output<impl Write>, text: &str) -> Result<(), CliError> {
    for line in safe(text).lines() {
        out.line(format!("  {line}"))?;
    }
    out.line("")?;
    Ok(())
}
