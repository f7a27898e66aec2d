//! `view`: draws the app from a borrowed model. It only reads: no clock,
//! no disk, no state changes.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::action::Screen;
use super::app::{App, Overlay};
use super::overlays;
use super::screens;
use super::theme;
use crate::domain::Stage;
use crate::text;
use crate::tr;

/// Below this size the app shows a plain "too small" view.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf);
            return;
        }
        // A notice takes the rows it needs when wrapped, at most three.
        let notice_rows = self.notice.as_ref().map_or(0, |n| {
            let rows = overlays::wrapped_rows(&n.text, usize::from(area.width.saturating_sub(2)));
            u16::try_from(rows.min(3)).unwrap_or(3)
        });
        let [header, body, notice, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(notice_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        render_header(self, header, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme::border())
            .title(Span::styled(
                format!(" {} ", text::get(self.screen.title_key())),
                theme::title(),
            ));
        let inner = block.inner(body);
        block.render(body, buf);
        match self.screen {
            Screen::Today => screens::today::render(self, inner, buf),
            Screen::Reflect => screens::reflect::render(self, inner, buf),
            Screen::Countdown => screens::countdown::render(self, inner, buf),
            Screen::Activities => screens::activities::render(self, inner, buf),
            Screen::Journal => screens::journal::render(self, inner, buf),
            Screen::Messages => screens::messages::render(self, inner, buf),
            Screen::Checkpoint => screens::checkpoint::render(self, inner, buf),
        }
        if let Some(n) = &self.notice {
            let style = if n.is_error {
                theme::warn()
            } else {
                theme::accent()
            };
            Paragraph::new(Line::styled(n.text.clone(), style))
                .wrap(Wrap { trim: false })
                .render(notice.inner(ratatui::layout::Margin::new(1, 0)), buf);
        }
        render_footer(self, footer, buf);
        // Overlays sit between the header and the footer, never over them;
        // help may use the whole screen, so every key fits at the minimum size.
        let full = area;
        let area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        };
        match &self.overlay {
            None => {}
            Some(Overlay::Help) => overlays::help(self, full, buf),
            Some(Overlay::Editor(editor)) => overlays::editor(self, editor, area, buf),
            Some(Overlay::Form(form)) => overlays::form(form, area, buf),
            Some(Overlay::Dialog(dialog)) => overlays::dialog(self, dialog, area, buf),
            Some(Overlay::Breather(b)) => overlays::breather(b, area, buf),
        }
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let message = tr!(
        "tui.too_small",
        width = area.width,
        height = area.height,
        min_width = MIN_WIDTH,
        min_height = MIN_HEIGHT
    );
    Paragraph::new(message)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The one-line status at the top right: the count when there is one.
pub fn stage_badge(app: &App) -> String {
    let s = &app.derived.summary;
    let days = s.no_contact.as_ref().map_or(0, |c| c.days_done);
    match s.stage {
        Stage::NotStarted => tr!("tui.badge.not_started"),
        Stage::Reflection | Stage::VerdictDue => {
            tr!(
                "tui.badge.reflection",
                answered = s.reflection.answered,
                of = s.reflection.of
            )
        }
        Stage::NoContact | Stage::CheckpointDue => tr!("tui.badge.no_contact", days = days),
        Stage::Reconnect => tr!("tui.badge.reconnect", days = days),
        Stage::MovingOn => tr!("tui.badge.moving_on", days = days),
    }
}

fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let date = app.now.format("%a %-d %b %Y").to_string();
    let [left, middle, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(16),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(Line::styled(" breather", theme::strong())).render(left, buf);
    Paragraph::new(date)
        .alignment(Alignment::Center)
        .render(middle, buf);
    Paragraph::new(Line::styled(
        format!("{} ", stage_badge(app)),
        theme::accent(),
    ))
    .alignment(Alignment::Right)
    .render(right, buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let current = app.screen.tab_index();
    // Narrow terminals name only the current screen; the others keep their key.
    let full = area.width >= 78;
    let mut spans = Vec::new();
    for (i, screen) in Screen::TABS.iter().enumerate() {
        let label = if full || i == current {
            format!(" {} {} ", i + 1, text::get(screen.title_key()))
        } else {
            format!(" {} ", i + 1)
        };
        let style = if i == current {
            theme::selected()
        } else {
            theme::dim()
        };
        spans.push(Span::styled(label, style));
    }
    spans.push(Span::styled(
        format!(" {}", tr!("tui.footer.help")),
        theme::dim(),
    ));
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The rows of a list to draw so that `selected` stays visible in `height`.
pub fn visible_window(len: usize, selected: usize, height: usize) -> std::ops::Range<usize> {
    if height == 0 || len == 0 {
        return 0..0;
    }
    let start = selected
        .saturating_sub(height.saturating_sub(1))
        .min(len.saturating_sub(height));
    start..(start + height).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_follows_the_selection() {
        assert_eq!(visible_window(100, 0, 10), 0..10);
        assert_eq!(visible_window(100, 9, 10), 0..10);
        assert_eq!(visible_window(100, 10, 10), 1..11);
        assert_eq!(visible_window(100, 99, 10), 90..100);
        assert_eq!(visible_window(3, 2, 10), 0..3);
        assert_eq!(visible_window(0, 0, 10), 0..0);
        assert_eq!(visible_window(5, 3, 0), 0..0);
    }
}
