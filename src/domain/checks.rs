//! The message checks: five rules that keep a first message to an ex light,
//! short and friendly. Words and sentences live in `assets/messages.toml`;
//! the numbers are the command-line contract and live here. A finding is
//! advice, never a refusal: the person decides.

use std::ops::Range;

use serde::Serialize;

use super::message::Pacing;
use super::words::{find_phrases, merge};
use crate::text;

/// More characters than this is `long`.
pub const MAX_CHARS: usize = 280;
/// More sentences than this is `long`.
pub const MAX_SENTENCES: usize = 3;
/// More questions than this is `pressure`.
pub const MAX_QUESTIONS: usize = 1;

/// One check, by its stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// "we / us / our / let's": keep it about them.
    We,
    /// Missing them, love, sorry, the relationship.
    Heavy,
    /// Over 280 characters or three sentences.
    Long,
    /// Two or more questions, "please", "need to", "ASAP".
    Pressure,
    /// The last message is unanswered and recent, or one was sent today.
    Pacing,
}

impl Rule {
    /// Every rule, in the order findings are shown.
    pub const ALL: [Rule; 5] = [
        Rule::We,
        Rule::Heavy,
        Rule::Long,
        Rule::Pressure,
        Rule::Pacing,
    ];

    /// The stable id (`we`, `heavy`, `long`, `pressure`, `pacing`).
    pub fn id(self) -> &'static str {
        match self {
            Rule::We => "we",
            Rule::Heavy => "heavy",
            Rule::Long => "long",
            Rule::Pressure => "pressure",
            Rule::Pacing => "pacing",
        }
    }

    fn words(self) -> Vec<&'static str> {
        match self {
            Rule::We => text::list("messages.rules.we.words"),
            Rule::Heavy => text::list("messages.rules.heavy.words"),
            Rule::Pressure => text::list("messages.rules.pressure.words"),
            Rule::Long | Rule::Pacing => Vec::new(),
        }
    }

    /// The rule in a few words ("keep it about them"), where space is tight.
    pub fn short(self) -> &'static str {
        match self {
            Rule::We => text::get("messages.rules.we.short"),
            Rule::Heavy => text::get("messages.rules.heavy.short"),
            Rule::Long => text::get("messages.rules.long.short"),
            Rule::Pressure => text::get("messages.rules.pressure.short"),
            Rule::Pacing => text::get("messages.rules.pacing.short"),
        }
    }

    fn message(self) -> &'static str {
        match self {
            Rule::We => text::get("messages.rules.we.message"),
            Rule::Heavy => text::get("messages.rules.heavy.message"),
            Rule::Long => text::get("messages.rules.long.message"),
            Rule::Pressure => text::get("messages.rules.pressure.message"),
            Rule::Pacing => text::get("messages.rules.pacing.message"),
        }
    }
}

/// What one rule noticed in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The sentence shown (from `assets/messages.toml`).
    pub message: String,
    /// Where in the text (byte spans, sorted, disjoint), for highlighting.
    /// Empty when the rule is about timing.
    pub spans: Vec<Range<usize>>,
    /// What fired it, as written in the text (each once, in order).
    pub words: Vec<String>,
}

impl Finding {
    fn new(rule: Rule, message: String, text: &str, spans: Vec<Range<usize>>) -> Self {
        let spans = merge(spans);
        let mut words: Vec<String> = Vec::new();
        for span in &spans {
            let word = text.get(span.clone()).unwrap_or_default().to_owned();
            if !word.is_empty()
                && !words
                    .iter()
                    .any(|w| w.to_lowercase() == word.to_lowercase())
            {
                words.push(word);
            }
        }
        Finding {
            rule,
            message,
            spans,
            words,
        }
    }
}

/// The checks on the words alone (`we`, `heavy`, `long`, `pressure`).
pub fn check_text(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in [Rule::We, Rule::Heavy] {
        if let Some(finding) = by_words(text, rule, Vec::new()) {
            out.push(finding);
        }
    }
    if let Some(finding) = long(text) {
        out.push(finding);
    }
    let questions = questions(text);
    let extra = if questions.len() > MAX_QUESTIONS {
        questions
    } else {
        Vec::new()
    };
    if let Some(finding) = by_words(text, Rule::Pressure, extra) {
        out.push(finding);
    }
    out
}

/// Every check: the words, and the pacing of what was already sent.
pub fn check(text: &str, pacing: &Pacing) -> Vec<Finding> {
    let mut out = check_text(text);
    out.extend(pacing_finding(pacing));
    out
}

/// The `pacing` finding, when the pacing says wait.
pub fn pacing_finding(pacing: &Pacing) -> Option<Finding> {
    let message = match pacing {
        Pacing::Clear => return None,
        Pacing::Unanswered {
            sent_on,
            wait_until,
        } => text::fill(
            "messages.rules.pacing.message",
            &[
                ("sent_on", sent_on.format("%a %-d %b").to_string()),
                ("wait_until", wait_until.format("%a %-d %b").to_string()),
            ],
        ),
        Pacing::SentToday => text::get("messages.rules.pacing.message_today").to_owned(),
    };
    Some(Finding {
        rule: Rule::Pacing,
        message,
        spans: Vec::new(),
        words: Vec::new(),
    })
}

fn by_words(text: &str, rule: Rule, mut spans: Vec<Range<usize>>) -> Option<Finding> {
    for (_, found) in find_phrases(text, &rule.words()) {
        spans.extend(found);
    }
    (!spans.is_empty()).then(|| Finding::new(rule, rule.message().to_owned(), text, spans))
}

fn long(text: &str) -> Option<Finding> {
    let text = text.trim_end();
    // Highlight what goes past the limit: after 280 characters, or from the fourth sentence.
    let past_chars = text.char_indices().nth(MAX_CHARS).map(|(at, _)| at);
    let past_sentences = sentences(text).get(MAX_SENTENCES).map(|s| s.start);
    let from = match (past_chars, past_sentences) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    Some(Finding {
        rule: Rule::Long,
        message: Rule::Long.message().to_owned(),
        spans: std::iter::once(from..text.len()).collect(),
        words: Vec::new(),
    })
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？')
}

fn is_question_mark(c: char) -> bool {
    matches!(c, '?' | '‽' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// The sentences of `text` (byte spans). A sentence ends at a run of
/// `.`, `!`, `?` or `…` followed by a space or the end ("3.5" and "…and"
/// do not end one); text after the last one counts when it holds a word.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut has_word = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(at);
        }
        has_word |= c.is_alphanumeric();
        if !is_terminator(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if is_terminator(next) || is_closer(next) {
                end = i + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let at_break = chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        if let (true, true, Some(from)) = (at_break, has_word, start) {
            out.push(from..end);
            start = None;
            has_word = false;
        }
    }
    if let (true, Some(from)) = (has_word, start) {
        out.push(from..text.trim_end().len());
    }
    out
}

/// The questions of `text`: each run of question marks ("?!" is one).
pub fn questions(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut run: Option<Range<usize>> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if is_question_mark(c) || (c == '!' && run.is_some()) {
            run = Some(run.map_or(at..end, |r| r.start..end));
        } else if let Some(r) = run.take() {
            out.push(r);
        }
    }
    out.extend(run);
    out
}

#[cfg(test)]
mod tests;
