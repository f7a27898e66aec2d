//! `breather draft [TEXT] [--json] [--suggest]`: check a message and keep
//! it. In the reconnect stage it is a draft; before it, it is kept with the
//! unsent messages (an urge), and the output says so.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::output::{Output, note};
use super::{CliError, input};
use crate::domain::checks::Finding;
use crate::domain::{Kept, Path, Stage};
use crate::service::Service;
use crate::terminal_text::safe_line;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The message (else standard input, else $EDITOR).
    #[arg(conflicts_with = "suggest")]
    pub text: Option<String>,
    /// One JSON object: {"id": N, "findings": [{"rule": "we", "message": "..."}]}.
    #[arg(long)]
    pub json: bool,
    /// Print two or three light drafts made from your activity log; nothing is kept.
    #[arg(long)]
    pub suggest: bool,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'static str,
    message: &'a str,
}

#[derive(Serialize)]
struct DraftJson<'a> {
    id: u32,
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct SuggestionJson<'a> {
    activity_id: Option<u32>,
    text: &'a str,
}

pub fn run(args: Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    if args.suggest {
        return suggest(args.json, service, out);
    }
    let text = input::text(args.text, "draft")?;
    let outcome = service.draft(&text)?;
    let kept_line = match outcome.kept {
        Kept::Draft(id) => tr!("draft.kept", id = id),
        Kept::Urge(id) if service.load()?.path() == Some(Path::MoveOn) => {
            tr!("draft.kept_move_on", id = id)
        }
        Kept::Urge(id) => tr!("draft.kept_as_urge", id = id),
    };
    let (Kept::Draft(id) | Kept::Urge(id)) = outcome.kept;
    if args.json {
        let findings = outcome
            .findings
            .iter()
            .map(|f| FindingJson {
                rule: f.rule.id(),
                message: &f.message,
            })
            .collect();
        out.json(&DraftJson { id, findings })?;
        // stdout stays one JSON document; where the text went is for the person.
        if matches!(outcome.kept, Kept::Urge(_)) {
            note(kept_line);
        }
        return Ok(());
    }
    out.line(kept_line)?;
    findings(&outcome.findings, out)?;
    if let Kept::Draft(id) = outcome.kept {
        out.hint(tr!("draft.when_sent", id = id))?;
    }
    Ok(())
}

/// The findings, one rule a line, with the words that fired it.
pub fn findings(findings: &[Finding], out: &mut Output<impl Write>) -> Result<(), CliError> {
    if findings.is_empty() {
        out.line(tr!("draft.clean"))?;
        return Ok(());
    }
    out.line(tr!("draft.noticed"))?;
    for f in findings {
        out.accent(format!(
            "  {}",
            tr!("draft.finding", rule = f.rule.id(), message = f.message)
        ))?;
        if !f.words.is_empty() {
            let mut words = String::new();
            for (i, w) in f.words.iter().enumerate() {
                let sep = if i == 0 { "" } else { ", " };
                let _ = write!(words, "{sep}\"{}\"", safe_line(w));
            }
            out.hint(tr!("draft.words", words = words))?;
        }
    }
    Ok(())
}

fn suggest(json: bool, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let desk = service.desk()?;
    if json {
        let rows: Vec<SuggestionJson> = desk
            .suggestions
            .iter()
            .map(|s| SuggestionJson {
                activity_id: s.activity_id,
                text: &s.text,
            })
            .collect();
        out.json(&rows)?;
        return Ok(());
    }
    let stage = service.load()?.stage_on(service.today());
    if stage != Stage::Reconnect {
        out.line(tr!("draft.suggest_later"))?;
        return Ok(());
    }
    out.line(tr!("draft.suggestions"))?;
    for s in &desk.suggestions {
        out.line(format!("  {}", safe_line(&s.text)))?;
    }
    if desk.suggestions.iter().all(|s| s.activity_id.is_none()) {
        out.hint(tr!("draft.suggest_hint"))?;
    }
    Ok(())
}
