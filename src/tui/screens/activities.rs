//! Activities: what the person did with the silence, by category and week.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{lines, one_line};
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [top, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let key_line = one_line(
        &tr!("tui.activities.keys"),
        usize::from(keys.width.saturating_sub(1)),
    );
    Paragraph::new(Line::styled(format!(" {key_line}"), theme::accent())).render(keys, buf);
    // The chart narrows on small terminals so the list keeps room for titles.
    let side_width = if area.width >= 76 { 30 } else { 22 };
    let [list_area, side] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_width)]).areas(top);
    render_list(app, list_area, buf);
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme::border());
    let inner = block.inner(side);
    block.render(side, buf);
    render_side(app, inner, buf);
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let d = &app.derived;
    let [rows_area, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
    super::render_rows(
        &d.activities,
        &app.journey.activities,
        app.selection.activities,
        &tr!("tui.activities.empty"),
        rows_area,
        buf,
        |a, width| {
            let stars = a.rating.map_or(String::new(), |r| {
                format!(" {}", "★".repeat(usize::from(r.get())))
            });
            let flags = format!(
                "{}{}",
                if a.share { " ↗" } else { "" },
                if a.they_would_like { " ♥" } else { "" }
            );
            let prefix = format!(" {} {:<10}", a.date.format("%d %b"), a.category.as_str());
            let used = prefix.chars().count() + stars.chars().count() + flags.chars().count();
            let title = one_line(&a.title, width.saturating_sub(used));
            format!("{prefix}{title}{stars}{flags}")
        },
    );
    let selected = d
        .activities
        .get(app.selection.activities)
        .and_then(|&i| app.journey.activities.get(i));
    let mut info = Vec::new();
    let about = selected.map(|a| format!("{} {}", a.title, a.note.as_deref().unwrap_or("")));
    if about.is_some_and(|t| {
        !crate::domain::cues::noticed(&t, crate::domain::cues::CueKind::RevengeDiet).is_empty()
    }) {
        info.push(Line::styled(
            format!(" {}", tr!("tui.cues.revenge_diet")),
            theme::warn(),
        ));
    }
    if let Some(note) = selected.and_then(|a| a.note.as_deref()) {
        info.extend(
            lines(&format!(" {note}"))
                .into_iter()
                .map(|l| l.patch_style(theme::dim())),
        );
    }
    Paragraph::new(info)
        .wrap(Wrap { trim: false })
        .render(detail, buf);
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn render_side(app: &App, area: Rect, buf: &mut Buffer) {
    let d = &app.derived;
    let max = d
        .by_category
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_width = usize::from(area.width.saturating_sub(16)).max(1);
    let mut lines = vec![Line::styled(
        format!(" {}", tr!("tui.activities.by_category")),
        theme::title(),
    )];
    for (category, n) in &d.by_category {
        let filled = (n * bar_width).div_ceil(max);
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<10}", category.as_str()), theme::dim()),
            Span::styled("█".repeat(filled), theme::accent()),
            Span::raw(format!(" {n}")),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {}", tr!("tui.activities.per_week")),
        theme::title(),
    ));
    let week_max = d.per_week.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let spark: String = d
        .per_week
        .iter()
        .map(|(_, n)| {
            if *n == 0 {
                '·'
            } else {
                BARS[(n * 7).div_ceil(week_max).min(7)]
            }
        })
        .flat_map(|c| [c, ' '])
        .collect();
    lines.push(Line::styled(format!(" {spark}"), theme::accent()));
    let counts = d
        .per_week
        .iter()
        .fold(String::from(" "), |mut row, (_, n)| {
            let _ = write!(row, "{:<2}", n.min(&99));
            row
        });
    lines.push(Line::styled(counts, theme::dim()));
    Paragraph::new(lines).render(area, buf);
}
