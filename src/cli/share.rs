//! `breather share ACTIVITY_ID [--text TEXT] [--ex-name NAME] [--json]`: a
//! short post about a shareable activity, for all friends. The post goes to
//! stdout (ready to copy or pipe); the check's warning goes to stderr.
//! Nothing is written.

use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::output::{Output, note};
use crate::service::Service;
use crate::terminal_text::safe;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity (`breather list activities` shows the ids; it must be marked --share).
    #[arg(value_name = "ACTIVITY_ID")]
    pub id: u32,
    /// Your own words for the post instead of the suggested one (checked the same way).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Your ex's name, so a post that names them is noticed. Never stored.
    #[arg(long, value_name = "NAME", env = "BREATHER_EX_NAME")]
    pub ex_name: Option<String>,
    /// One JSON object: `{"post": "...", "aimed_at_ex": null}`, or with `{"message", "words"}`.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct AimedJson<'a> {
    message: &'a str,
    words: &'a [String],
}

#[derive(Serialize)]
struct PostJson<'a> {
    post: &'a str,
    aimed_at_ex: Option<AimedJson<'a>>,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let name = args.ex_name.as_deref().filter(|n| !n.trim().is_empty());
    let post = service.share(args.id, args.text.as_deref(), name)?;
    if args.json {
        out.json(&PostJson {
            post: &post.text,
            aimed_at_ex: post.aimed_at_ex.as_ref().map(|a| AimedJson {
                message: &a.message,
                words: &a.words,
            }),
        })?;
        return Ok(());
    }
    out.line(safe(&post.text))?;
    if let Some(aimed) = &post.aimed_at_ex {
        note(crate::terminal_text::safe_line(&aimed.message));
    }
    Ok(())
}
