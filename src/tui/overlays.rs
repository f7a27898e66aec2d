//! What is drawn over a screen: help, the editor, forms, dialogs and the
//! breather.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Breather, Dialog};
use super::composer;
use super::editor::{Editor, Purpose};
use super::form::{Form, FormPurpose, Value};
use super::keymap::{self, Mode};
use super::theme;
use crate::domain::Path;
use crate::text;
use crate::tr;

/// A centred box of at most `width` × `height`, cleared, with a title.
fn frame(area: Rect, width: u16, height: u16, title: &str, buf: &mut Buffer) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    Clear.render(rect, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::accent())
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(rect).inner(Margin::new(1, 0));
    block.render(rect, buf);
    inner
}

pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let entries = keymap::help_for(Mode::Normal, app.screen);
    let height = u16::try_from(entries.len() + 3).unwrap_or(u16::MAX);
    let title = tr!("tui.help.title", screen = text::get(app.screen.title_key()));
    let inner = frame(area, 74, height, &title, buf);
    // One line per key, cut with an ellipsis rather than wrapped, so every
    // key of the screen fits even at the minimum size.
    let room = usize::from(inner.width).saturating_sub(15);
    let mut lines: Vec<Line> = entries
        .iter()
        .map(|(keys, help)| {
            Line::from(vec![
                Span::styled(format!("{keys:>13}  "), theme::accent()),
                Span::raw(crate::tui::screens::one_line(text::get(help), room)),
            ])
        })
        .collect();
    lines.push(Line::styled(
        crate::tui::screens::one_line(&tr!("tui.help.editor_note"), usize::from(inner.width)),
        theme::dim(),
    ));
    Paragraph::new(lines).render(inner, buf);
}

pub fn editor(app: &App, editor: &Editor, area: Rect, buf: &mut Buffer) {
    let (title, prompt) = match editor.purpose {
        Purpose::Reflection { replace: false } => {
            (tr!("tui.editor.reflection"), tr!("tui.today.question"))
        }
        Purpose::Reflection { replace: true } => (
            tr!("tui.editor.reflection_again"),
            tr!("tui.today.question"),
        ),
        Purpose::Journal => (tr!("tui.editor.journal"), tr!("tui.editor.journal_prompt")),
        Purpose::Urge => (tr!("tui.editor.urge"), tr!("tui.editor.urge_prompt")),
        Purpose::Draft => (tr!("tui.composer.title"), tr!("tui.composer.prompt")),
    };
    let width = area.width.saturating_sub(4).min(90);
    let height = area.height.saturating_sub(2);
    // The editor owns the whole space: nothing of the screen shows around it.
    Clear.render(area, buf);
    let inner = frame(area, width, height, &title, buf);
    let status_rows = editor.error.as_ref().map_or(1, |e| {
        u16::try_from(wrapped_rows(e, usize::from(inner.width)).clamp(1, 3)).unwrap_or(3)
    });
    let [prompt_area, text_area, findings, status, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(composer::findings_rows(editor)),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    Paragraph::new(Line::styled(prompt, theme::strong()))
        .wrap(Wrap { trim: true })
        .render(prompt_area, buf);
    (&editor.area).render(text_area, buf);
    composer::render_findings(editor, findings, buf);
    let tag = match editor.purpose {
        Purpose::Reflection { .. } => {
            tr!(
                "tui.editor.motive",
                motive = editor
                    .motive
                    .map_or_else(|| tr!("tui.editor.no_tag"), |m| m.as_str().to_owned())
            )
        }
        Purpose::Journal => {
            tr!(
                "tui.editor.mood",
                mood = editor
                    .mood
                    .map_or_else(|| tr!("tui.editor.no_tag"), |m| format!("{}/5", m.get()))
            )
        }
        Purpose::Urge => tr!("tui.editor.urge_note"),
        Purpose::Draft => tr!("tui.composer.note"),
    };
    let status_line = match (&editor.error, editor.saving) {
        (Some(e), _) => Line::styled(e.clone(), theme::warn()),
        (None, true) => Line::styled(tr!("tui.editor.saving"), theme::dim()),
        (None, false) => Line::styled(
            format!("{tag} · {}/{}", editor.chars(), composer::limit(editor)),
            theme::dim(),
        ),
    };
    Paragraph::new(status_line)
        .wrap(Wrap { trim: true })
        .render(status, buf);
    let key_help = match editor.purpose {
        Purpose::Urge => tr!("tui.editor.keys_urge"),
        Purpose::Journal => tr!("tui.editor.keys_journal"),
        Purpose::Reflection { .. } => tr!("tui.editor.keys"),
        Purpose::Draft => tr!("tui.composer.keys"),
    };
    Paragraph::new(Line::styled(key_help, theme::accent())).render(keys, buf);
    let _ = app;
}

pub fn form(form: &Form, area: Rect, buf: &mut Buffer) {
    let (title, intro) = match form.purpose {
        FormPurpose::NewActivity => (tr!("tui.form.new_activity"), tr!("tui.form.activity_intro")),
        FormPurpose::EditActivity(_) => (
            tr!("tui.form.edit_activity"),
            tr!("tui.form.activity_intro"),
        ),
        FormPurpose::Slip => (tr!("tui.form.slip"), tr!("tui.form.slip_intro")),
        FormPurpose::Exception => (tr!("tui.form.exception"), tr!("tui.form.exception_intro")),
    };
    let width = area.width.min(72);
    let text_width = usize::from(width.saturating_sub(4));
    let intro_rows = wrapped_rows(&intro, text_width);
    let error_rows = form
        .error
        .as_ref()
        .map_or(1, |e| wrapped_rows(e, text_width).min(3));
    let height = u16::try_from(form.fields.len() + intro_rows + error_rows + 3).unwrap_or(u16::MAX);
    let inner = frame(area, width, height, &title, buf);
    let mut rows = Vec::with_capacity(form.fields.len() + 4);
    rows.push(Constraint::Length(
        u16::try_from(intro_rows).unwrap_or(u16::MAX),
    ));
    rows.extend(form.fields.iter().map(|_| Constraint::Length(1)));
    rows.push(Constraint::Length(u16::try_from(error_rows).unwrap_or(3)));
    rows.push(Constraint::Length(1));
    let areas = Layout::vertical(rows).split(inner);
    Paragraph::new(Line::styled(intro, theme::dim()))
        .wrap(Wrap { trim: true })
        .render(areas[0], buf);
    for (i, field) in form.fields.iter().enumerate() {
        let row = areas[i + 1];
        let [label, value] =
            Layout::horizontal([Constraint::Length(18), Constraint::Fill(1)]).areas(row);
        let focused = i == form.focus;
        let label_style = if focused {
            theme::strong()
        } else {
            theme::dim()
        };
        Paragraph::new(Line::styled(text::get(field.label).to_owned(), label_style))
            .render(label, buf);
        let shown = match &field.value {
            Value::Text(area) => {
                if focused {
                    area.as_ref().render(value, buf);
                    continue;
                }
                crate::tui::screens::one_line(&area.lines().join(" "), usize::from(value.width))
            }
            Value::Date { value, .. } => format!("‹ {} ›", value.format("%a %-d %b %Y")),
            Value::Category(c) => format!("‹ {} › {}", c.as_str(), c.describe()),
            Value::Rating(r) => format!(
                "‹ {} ›",
                r.map_or_else(
                    || tr!("tui.form.no_rating"),
                    |r| "★".repeat(usize::from(r.get()))
                )
            ),
            Value::Toggle(b) => {
                if *b {
                    tr!("tui.form.yes")
                } else {
                    tr!("tui.form.no")
                }
            }
        };
        let style = if focused {
            theme::selected()
        } else {
            theme::plain()
        };
        Paragraph::new(Line::styled(shown, style)).render(value, buf);
    }
    let n = form.fields.len();
    let status = match (&form.error, form.saving) {
        (Some(e), _) => Line::styled(e.clone(), theme::warn()),
        (None, true) => Line::styled(tr!("tui.editor.saving"), theme::dim()),
        (None, false) => Line::raw(""),
    };
    Paragraph::new(status)
        .wrap(Wrap { trim: true })
        .render(areas[n + 1], buf);
    let keys = crate::tui::screens::one_line(&tr!("tui.form.keys"), usize::from(inner.width));
    Paragraph::new(Line::styled(keys, theme::accent())).render(areas[n + 2], buf);
}

pub fn dialog(app: &App, dialog: &Dialog, area: Rect, buf: &mut Buffer) {
    let (title, body, keys) = match dialog {
        Dialog::ChoosePath {
            path: Path::MoveOn,
            target_days,
        } => (
            tr!("tui.dialog.move_on_title"),
            format!(
                "{}\n\n{}\n\n{}",
                tr!("decide.move_on.question"),
                tr!("decide.move_on.why"),
                target_line(app, *target_days)
            ),
            tr!("tui.dialog.keys_adjust"),
        ),
        Dialog::ChoosePath {
            path: Path::Reconnect,
            target_days,
        } => (
            tr!("tui.dialog.reconnect_title"),
            format!(
                "{}\n\n{}\n\n{}",
                tr!("tui.dialog.reconnect_body"),
                tr!("decide.reconnect.no_promise"),
                target_line(app, *target_days)
            ),
            tr!("tui.dialog.keys_adjust"),
        ),
        Dialog::DeleteActivity { title, .. } => (
            tr!("tui.dialog.delete_title"),
            tr!(
                "tui.dialog.delete_body",
                title = crate::tui::screens::one_line(title, 40)
            ),
            tr!("tui.dialog.keys"),
        ),
        Dialog::CheckpointYes => (
            tr!("tui.dialog.yes_title"),
            tr!("tui.dialog.yes_body"),
            tr!("tui.dialog.keys"),
        ),
        Dialog::CheckpointNotYet { days } => (
            tr!("tui.dialog.not_yet_title"),
            tr!("tui.dialog.not_yet_body", days = days),
            tr!("tui.dialog.keys_adjust"),
        ),
        Dialog::CheckpointNo => (
            tr!("tui.dialog.no_title"),
            tr!("tui.dialog.no_body"),
            tr!("tui.dialog.keys"),
        ),
        Dialog::LeaveBreatherEarly(b) => (
            tr!("tui.dialog.leave_title"),
            tr!("tui.dialog.leave_body", left = mm_ss(b.remaining())),
            tr!("tui.dialog.keys"),
        ),
        Dialog::MarkSent { .. } | Dialog::GotReply { .. } => {
            composer::dialog_text(dialog).unwrap_or_default()
        }
    };
    // Just tall enough for the wrapped text, the keys and the borders.
    let text_rows = wrapped_rows(&body, 62);
    let height = u16::try_from(text_rows + 4).unwrap_or(u16::MAX);
    let inner = frame(area, 66, height, &title, buf);
    let [text, key_row] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    Paragraph::new(body)
        .wrap(Wrap { trim: true })
        .render(text, buf);
    Paragraph::new(Line::styled(keys, theme::accent())).render(key_row, buf);
}

/// Rows `text` takes when word-wrapped at `width` (an upper bound).
pub fn wrapped_rows(text: &str, width: usize) -> usize {
    text.lines()
        .map(|line| {
            let mut rows = 1;
            let mut used = 0;
            for word in line.split_whitespace() {
                let len = word.chars().count();
                if used > 0 && used + 1 + len > width {
                    rows += 1;
                    used = 0;
                }
                used += if used == 0 { len } else { len + 1 };
            }
            rows
        })
        .sum()
}

fn target_line(app: &App, days: u32) -> String {
    let due = app.today() + chrono::Days::new(u64::from(days));
    format!(
        "{} {}",
        tr!(
            "tui.dialog.target",
            days = days,
            due = due.format("%a %-d %b %Y")
        ),
        tr!("tui.dialog.suggestion")
    )
}

fn mm_ss(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}:{:02}", s / 60, s % 60)
}

/// The breathing cycle: four seconds in, four held, six out.
pub fn breath_phase(elapsed: Duration) -> (&'static str, f64) {
    let cycle_ms = 14_000u128;
    let t = elapsed.as_millis() % cycle_ms;
    #[allow(clippy::cast_precision_loss)] // milliseconds within one cycle
    let t = t as f64;
    if t < 4_000.0 {
        ("tui.breather.in", t / 4_000.0)
    } else if t < 8_000.0 {
        ("tui.breather.hold", 1.0)
    } else {
        ("tui.breather.out", 1.0 - (t - 8_000.0) / 6_000.0)
    }
}

pub fn breather(b: &Breather, area: Rect, buf: &mut Buffer) {
    let inner = frame(area, 60, 12, &tr!("tui.breather.title"), buf);
    let [intro, gap, phase, bar, left, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(inner);
    let _ = gap;
    Paragraph::new(tr!("tui.breather.intro"))
        .wrap(Wrap { trim: true })
        .render(intro, buf);
    let (key, fill) = breath_phase(b.elapsed);
    Paragraph::new(Line::styled(text::get(key).to_owned(), theme::strong())).render(phase, buf);
    let (done, _) = crate::tui::screens::progress_bar(usize::from(bar.width), fill);
    Paragraph::new(Line::styled(done, theme::accent())).render(bar, buf);
    Paragraph::new(Line::styled(
        tr!("tui.breather.left", left = mm_ss(b.remaining())),
        theme::dim(),
    ))
    .render(left, buf);
    Paragraph::new(Line::styled(tr!("tui.breather.keys"), theme::dim())).render(keys, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_breath_goes_in_holds_and_goes_out() {
        assert_eq!(breath_phase(Duration::from_secs(0)).0, "tui.breather.in");
        assert_eq!(breath_phase(Duration::from_secs(5)).0, "tui.breather.hold");
        assert_eq!(breath_phase(Duration::from_secs(9)).0, "tui.breather.out");
        assert_eq!(breath_phase(Duration::from_secs(14)).0, "tui.breather.in");
        assert_eq!(mm_ss(Duration::from_secs(600)), "10:00");
        assert_eq!(mm_ss(Duration::from_secs(61)), "1:01");
        assert_eq!(wrapped_rows("one two three", 7), 2);
        assert_eq!(wrapped_rows("a\n\nb", 10), 3);
    }
}
