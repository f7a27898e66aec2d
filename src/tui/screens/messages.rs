//! Messages: the reconnect stage's careful texts. The pacing on top; the
//! drafts (newest first) and suggestions on the left; on the right the
//! selected one in full, the words a check fired on highlighted, and what
//! each check says. Before the reconnect stage, what the screen will hold.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::one_line;
use crate::domain::checks::{self, Finding};
use crate::domain::{Draft, Pacing, Path, Stage};
use crate::terminal_text::safe;
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;
use crate::tui::update::messages::{Row, selected};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if app.derived.summary.stage != Stage::Reconnect {
        not_yet(app, area, buf);
        return;
    }
    let area = area.inner(Margin::new(1, 0));
    // The pacing may take two rows; otherwise the second is the gap.
    let [top, body, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Paragraph::new(vec![
        Line::styled(tr!("tui.messages.title"), theme::strong()),
        pacing_line(&app.derived.desk.pacing),
    ])
    .wrap(Wrap { trim: true })
    .render(top, buf);
    let list_width = if body.width >= 76 { 34 } else { 26 };
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(body);
    render_list(app, list, buf);
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme::border());
    let inner = block.inner(detail).inner(Margin::new(1, 0));
    block.render(detail, buf);
    render_detail(app, inner, buf);
    Paragraph::new(Line::styled(
        one_line(&tr!("tui.messages.keys"), usize::from(keys.width)),
        theme::accent(),
    ))
    .render(keys, buf);
}

/// Before the reconnect stage, or on the move-on path: what the screen is for.
fn not_yet(app: &App, area: Rect, buf: &mut Buffer) {
    let body = match app.journey.path() {
        Some(Path::MoveOn) => tr!("tui.messages.move_on"),
        _ => tr!("tui.messages.later"),
    };
    let lines = vec![
        Line::styled(tr!("tui.messages.title"), theme::strong()),
        Line::raw(""),
        Line::raw(body),
        Line::raw(""),
        Line::styled(tr!("tui.messages.never_sent"), theme::dim()),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area.inner(Margin::new(1, 0)), buf);
}

fn pacing_line(pacing: &Pacing) -> Line<'static> {
    match checks::pacing_finding(pacing) {
        Some(wait) => Line::styled(wait.message, theme::warn()),
        None => Line::styled(tr!("tui.messages.pacing_clear"), theme::dim()),
    }
}

/// "draft", "sent 17 Feb", "answered 18 Feb".
fn state(d: &Draft) -> String {
    match (d.sent_on, d.replied_on) {
        (Some(_), Some(on)) => tr!("tui.messages.state_answered", date = on.format("%-d %b")),
        (Some(on), None) => tr!("tui.messages.state_sent", date = on.format("%-d %b")),
        _ => tr!("tui.messages.state_draft"),
    }
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let desk = &app.derived.desk;
    let width = usize::from(area.width);
    let chosen = app.selection.messages;
    // (line, row number it selects): headers select nothing.
    let mut lines: Vec<(Line, Option<usize>)> = Vec::new();
    lines.push((
        Line::styled(tr!("tui.messages.drafts"), theme::title()),
        None,
    ));
    if desk.drafts.is_empty() {
        lines.push((
            Line::styled(
                one_line(&tr!("tui.messages.no_drafts"), width),
                theme::dim(),
            ),
            None,
        ));
    }
    // The state column is as wide as its longest entry.
    let states: Vec<String> = desk
        .drafts
        .iter()
        .map(|c| {
            app.journey
                .drafts
                .get(c.index)
                .map(state)
                .unwrap_or_default()
        })
        .collect();
    let pad = states.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    for (row, checked) in desk.drafts.iter().enumerate() {
        let Some(d) = app.journey.drafts.get(checked.index) else {
            continue;
        };
        let mark = if checked.findings.is_empty() {
            " "
        } else {
            "!"
        };
        let head = format!("#{} {:<pad$}", d.id, states[row]);
        let text = one_line(&d.text, width.saturating_sub(head.chars().count() + 2));
        let style = if row == chosen {
            theme::selected()
        } else {
            theme::plain()
        };
        let line = Line::from(vec![
            Span::styled(mark, theme::warn()),
            Span::styled(format!("{head} {text}"), style),
        ]);
        lines.push((line, Some(row)));
    }
    if !desk.suggestions.is_empty() {
        lines.push((Line::raw(""), None));
        lines.push((
            Line::styled(tr!("tui.messages.suggestions"), theme::title()),
            None,
        ));
    }
    for (i, s) in desk.suggestions.iter().enumerate() {
        let row = desk.drafts.len() + i;
        let style = if row == chosen {
            theme::selected()
        } else {
            theme::plain()
        };
        let text = one_line(&s.text, width.saturating_sub(3));
        lines.push((Line::styled(format!(" ✎ {text}"), style), Some(row)));
    }
    // Keep the selected row in view.
    let height = usize::from(area.height);
    let at = lines
        .iter()
        .position(|(_, row)| *row == Some(chosen))
        .unwrap_or(0);
    let skip = at.saturating_sub(height.saturating_sub(1));
    let shown: Vec<Line> = lines.into_iter().skip(skip).map(|(l, _)| l).collect();
    Paragraph::new(shown).render(area, buf);
}

fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = Vec::new();
    match selected(app) {
        Some(Row::Draft(i)) => {
            let Some(d) = app.journey.drafts.get(i) else {
                return;
            };
            let findings = app
                .derived
                .desk
                .drafts
                .iter()
                .find(|c| c.index == i)
                .map_or(&[][..], |c| c.findings.as_slice());
            lines.push(Line::styled(
                tr!(
                    "tui.messages.draft_head",
                    id = d.id,
                    state = state(d),
                    written = d.written_at.format("%a %-d %b %H:%M")
                ),
                theme::title(),
            ));
            lines.push(Line::raw(""));
            lines.extend(highlighted(&d.text, findings));
            lines.push(Line::raw(""));
            if findings.is_empty() {
                lines.push(Line::styled(tr!("draft.clean"), theme::accent()));
            }
            for f in findings {
                lines.push(Line::from(vec![
                    Span::styled(
                        f.rule.id().to_owned(),
                        theme::warn().add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(" · ", theme::dim()),
                    Span::raw(f.message.clone()),
                ]));
            }
        }
        Some(Row::Suggestion(i)) => {
            let Some(s) = app.derived.desk.suggestions.get(i) else {
                return;
            };
            lines.push(Line::styled(
                tr!("tui.messages.suggestion_head"),
                theme::title(),
            ));
            lines.push(Line::raw(""));
            lines.extend(highlighted(&s.text, &[]));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                tr!("tui.messages.suggestion_hint"),
                theme::dim(),
            ));
        }
        None => {
            lines.push(Line::raw(tr!("tui.messages.reconnect")));
            lines.push(Line::raw(""));
            lines.push(Line::styled(tr!("tui.messages.never_sent"), theme::dim()));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// `text` as lines, the parts in any finding's spans highlighted. Each
/// piece is made terminal-safe on its own, so the spans stay true.
pub fn highlighted(text: &str, findings: &[Finding]) -> Vec<Line<'static>> {
    let mut marks: Vec<Range<usize>> = findings
        .iter()
        .flat_map(|f| f.spans.iter().cloned())
        .filter(|r| text.get(r.clone()).is_some())
        .collect();
    marks = crate::domain::words::merge(marks);
    let hot = theme::warn().add_modifier(Modifier::UNDERLINED);
    let mut pieces: Vec<(&str, Style)> = Vec::new();
    let mut at = 0;
    for mark in &marks {
        if mark.start > at {
            pieces.push((&text[at..mark.start], theme::plain()));
        }
        pieces.push((&text[mark.clone()], hot));
        at = mark.end;
    }
    pieces.push((&text[at..], theme::plain()));
    let mut lines = vec![Line::default()];
    for (piece, style) in pieces {
        for (n, part) in piece.split('\n').enumerate() {
            if n > 0 {
                lines.push(Line::default());
            }
            if !part.is_empty()
                && let Some(line) = lines.last_mut()
            {
                line.push_span(Span::styled(safe(part).into_owned(), style));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_follow_the_spans_across_lines_and_stay_safe() {
        let text = "We should go.\nPlease, \u{1b}[2J let's";
        let lines = highlighted(text, &checks::check_text(text));
        assert_eq!(lines.len(), 2);
        let hot: Vec<String> = lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(hot, ["We", "Please", "let's"]);
        let all: String = lines[1].spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(all, "Please, \u{FFFD}[2J let's");
    }
}
