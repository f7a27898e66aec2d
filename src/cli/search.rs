//! `breather search WORDS`: every entry of any kind that contains all the
//! words (case-insensitive), newest first, as kind, date and the matching
//! line. Nothing found exits 1, like grep.

use std::io::Write;

use chrono::NaiveDate;

use super::CliError;
use super::output::Output;
use crate::domain::Journey;
use crate::service::Service;
use crate::terminal_text::safe_line;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words that must all appear, in any order and any case.
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,
}

/// One entry that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: &'static str,
    pub date: NaiveDate,
    /// Orders hits of the same day (the entry's time, or its id).
    pub order: (String, u32),
    pub line: String,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let words: Vec<String> = args
        .words
        .iter()
        .flat_map(|w| w.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Err(CliError::Refused(tr!("search.no_words")));
    }
    let journey = service.load()?;
    let hits = search(&journey, &words);
    if hits.is_empty() {
        return Err(CliError::Failed(tr!(
            "search.nothing",
            words = safe_line(&words.join(" "))
        )));
    }
    for hit in &hits {
        out.line(format!(
            "{:<10} {}  {}",
            hit.kind,
            hit.date,
            safe_line(&hit.line)
        ))?;
    }
    Ok(())
}

/// Every entry whose texts, together, contain all `words` (lowercase), newest first.
pub fn search(j: &Journey, words: &[String]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut check = |kind, date, order: (String, u32), texts: &[Option<&str>]| {
        let text = texts
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        let lower = text.to_lowercase();
        if words.iter().all(|w| lower.contains(w.as_str())) {
            hits.push(Hit {
                kind,
                date,
                order,
                line: best_line(&text, words),
            });
        }
    };
    for r in &j.reflections {
        let order = (r.written_at.to_rfc3339(), r.id);
        check("reflection", r.date, order, &[Some(&r.text)]);
    }
    for a in &j.activities {
        let order = (a.created_at.to_rfc3339(), a.id);
        check(
            "activity",
            a.date,
            order,
            &[Some(&a.title), a.note.as_deref()],
        );
    }
    for e in &j.journal {
        let order = (e.written_at.to_rfc3339(), e.id);
        check("journal", e.date, order, &[Some(&e.text)]);
    }
    for u in &j.urges {
        let order = (u.written_at.to_rfc3339(), u.id);
        check("urge", u.written_at.date_naive(), order, &[Some(&u.text)]);
    }
    for d in &j.drafts {
        let order = (d.written_at.to_rfc3339(), d.id);
        check("draft", d.written_at.date_naive(), order, &[Some(&d.text)]);
    }
    for s in &j.slips {
        let order = (s.recorded_at.to_rfc3339(), s.id);
        check("slip", s.date, order, &[s.note.as_deref()]);
    }
    for x in &j.exceptions {
        let order = (x.recorded_at.to_rfc3339(), x.id);
        check("exception", x.date, order, &[Some(&x.note)]);
    }
    hits.sort_by(|a, b| (b.date, &b.order).cmp(&(a.date, &a.order)));
    hits
}

/// The line of `text` holding the most of `words` (the first of equals).
fn best_line(text: &str, words: &[String]) -> String {
    let score = |line: &str| {
        let lower = line.to_lowercase();
        words.iter().filter(|w| lower.contains(w.as_str())).count()
    };
    let mut best = ("", 0);
    for line in text.lines() {
        let s = score(line);
        if s > best.1 {
            best = (line, s);
        }
    }
    best.0.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_with_most_of_the_words_is_shown() {
        let words = ["thai".to_owned(), "food".to_owned()];
        let text = "A quiet day.\nWent for Thai.\nThai FOOD with Sam.\nfood again";
        assert_eq!(best_line(text, &words), "Thai FOOD with Sam.");
    }
}
