//! The composer: the editor for a message draft, checked as you type. The
//! words a rule fired on are highlighted in the text itself (the editor's
//! search highlight), and each finding gets a line under it. Also the
//! sent / got-a-reply confirmations.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::app::Dialog;
use super::editor::{Editor, Purpose};
use super::screens::one_line;
use super::theme;
use crate::domain::Pacing;
use crate::domain::checks::{self, Finding};
use crate::terminal_text::safe_line;
use crate::tr;

/// At most this many finding lines under the text.
const MAX_FINDING_ROWS: u16 = 5;

/// A composer holding `text`, already checked against `pacing`.
pub fn open(text: &str, pacing: &Pacing) -> Editor {
    let mut editor = Editor::new(Purpose::Draft, text);
    editor
        .area
        .set_search_style(theme::warn().add_modifier(Modifier::UNDERLINED));
    recheck(&mut editor, pacing);
    editor
}

/// Checks the composer's text again and highlights what fired.
pub fn recheck(editor: &mut Editor, pacing: &Pacing) {
    editor.findings = checks::check(&editor.text(), pacing);
    // An empty pattern stops the highlight; ours is always a valid regex.
    let _ = editor
        .area
        .set_search_pattern(highlight_pattern(&editor.findings));
}

/// A regular expression matching each word a finding fired on, as typed,
/// as a whole word (any case); empty when nothing fired on words.
pub fn highlight_pattern(findings: &[Finding]) -> String {
    let mut alternatives: Vec<String> = Vec::new();
    for word in findings.iter().flat_map(|f| &f.words) {
        let mut alt = String::new();
        let starts_word = word.chars().next().is_some_and(char::is_alphanumeric);
        let ends_word = word.chars().next_back().is_some_and(char::is_alphanumeric);
        if starts_word {
            alt.push_str(r"\b");
        }
        for c in word.chars() {
            if r"\.+*?()|[]{}^$#&-~".contains(c) {
                alt.push('\\');
            }
            alt.push(c);
        }
        if ends_word {
            alt.push_str(r"\b");
        }
        if !alternatives.contains(&alt) {
            alternatives.push(alt);
        }
    }
    if alternatives.is_empty() {
        String::new()
    } else {
        format!("(?i){}", alternatives.join("|"))
    }
}

/// The length that counts for the editor's character count: about 280 for
/// a message (past that it is `long`), the entry limit for everything else.
pub fn limit(editor: &Editor) -> usize {
    if editor.purpose == Purpose::Draft {
        checks::MAX_CHARS
    } else {
        crate::domain::MAX_TEXT_CHARS
    }
}

/// Rows the findings take under the composer's text (0 for other editors).
pub fn findings_rows(editor: &Editor) -> u16 {
    if editor.purpose != Purpose::Draft {
        return 0;
    }
    u16::try_from(editor.findings.len())
        .unwrap_or(MAX_FINDING_ROWS)
        .clamp(1, MAX_FINDING_ROWS)
}

/// One line per finding: the rule, a few words, and what fired it.
pub fn render_findings(editor: &Editor, area: Rect, buf: &mut Buffer) {
    if editor.purpose != Purpose::Draft || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let lines: Vec<Line> = if editor.findings.is_empty() {
        let sentence = if editor.text().trim().is_empty() {
            tr!("tui.composer.empty")
        } else {
            tr!("draft.clean")
        };
        vec![Line::styled(one_line(&sentence, width), theme::accent())]
    } else {
        editor
            .findings
            .iter()
            .map(|f| finding_line(f, width))
            .collect()
    };
    Paragraph::new(lines).render(area, buf);
}

/// "we · keep it about them · "We", "let's"", cut to `width`.
pub fn finding_line(f: &Finding, width: usize) -> Line<'static> {
    let id = f.rule.id();
    let mut rest = format!(" · {}", f.rule.short());
    if !f.words.is_empty() {
        let words: Vec<String> = f
            .words
            .iter()
            .map(|w| format!("\"{}\"", safe_line(w)))
            .collect();
        let _ = write!(rest, " · {}", words.join(", "));
    }
    let room = width.saturating_sub(id.chars().count());
    Line::from(vec![
        Span::styled(id.to_owned(), theme::warn().add_modifier(Modifier::BOLD)),
        Span::styled(one_line(&rest, room), theme::dim()),
    ])
}

/// Title, body and keys of the sent / got-a-reply confirmations.
pub fn dialog_text(dialog: &Dialog) -> Option<(String, String, String)> {
    match dialog {
        Dialog::MarkSent { id, pacing } => {
            let mut body = tr!("tui.composer.sent_body", id = id);
            if let Some(wait) = checks::pacing_finding(pacing) {
                body = format!(
                    "{body}\n\n{} {}",
                    wait.message,
                    tr!("tui.composer.can_wait")
                );
            }
            Some((tr!("tui.composer.sent_title"), body, tr!("tui.dialog.keys")))
        }
        Dialog::GotReply { sent_on, .. } => Some((
            tr!("tui.composer.reply_title"),
            tr!(
                "tui.composer.reply_body",
                sent_on = sent_on.format("%a %-d %b")
            ),
            tr!("tui.dialog.keys"),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_matches_what_fired_as_whole_words() {
        let findings = checks::check_text("We should go? Please. Why?? Let’s");
        let pattern = highlight_pattern(&findings);
        assert_eq!(
            pattern, r"(?i)\bWe\b|\bLet’s\b|\?|\bPlease\b|\?\?",
            "{findings:?}"
        );
        assert_eq!(highlight_pattern(&[]), "");
        let mut editor = open("we went out this weekend", &Pacing::Clear);
        assert!(editor.area.search_pattern().is_some());
        editor.area.insert_str("!");
        recheck(&mut editor, &Pacing::Clear);
        assert_eq!(editor.findings.len(), 1);
    }

    #[test]
    fn a_clean_text_has_no_pattern_and_one_quiet_row() {
        let editor = open(
            "I remember how much you like Thai food; I went to this great Thai place a couple of days ago. You should check it out.",
            &Pacing::Clear,
        );
        assert!(editor.findings.is_empty());
        assert!(editor.area.search_pattern().is_none());
        assert_eq!(findings_rows(&editor), 1);
        assert_eq!(findings_rows(&Editor::new(Purpose::Journal, "")), 0);
    }
}
