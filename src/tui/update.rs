//! `update`: the only place app state changes in answer to an action. It
//! never touches the disk or the clock; it returns an [`Effect`] for the
//! runner to perform, and [`saved`] takes the outcome back.

use std::time::Duration;

use super::action::{Action, Screen};
use super::app::{App, Dialog, Notice, Overlay};
use super::editor::{Editor, Purpose};
use super::form::{Form, FormPurpose};
use crate::domain::{Answer, DomainError, Path, Stage, checkpoint, verdict};
use crate::service::Change;
use crate::tr;

pub mod messages;
mod outcome;

pub use outcome::{reloaded, saved};

/// What the runner must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Apply a change through the service, then call [`saved`].
    Perform(Change),
    /// The file changed on disk: read it again, then call [`reloaded`].
    Reload,
}

const MAX_TARGET_DAYS: u32 = 365;
const MAX_EXTENSION_DAYS: u32 = 90;

fn notice(app: &mut App, text: String) {
    app.notice = Some(Notice {
        text,
        is_error: false,
    });
}

fn refuse(app: &mut App, error: &DomainError) {
    app.notice = Some(Notice {
        text: error.to_string(),
        is_error: true,
    });
}

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Tick { now, elapsed } => {
            app.set_now(now);
            tick_breather(app, elapsed);
            return Effect::None;
        }
        Action::FileChanged(stamp) => {
            return if app.stamp == Some(stamp) {
                Effect::None
            } else {
                Effect::Reload
            };
        }
        Action::Resized | Action::Ignored => return Effect::None,
        Action::Quit => {
            app.should_quit = true;
            return Effect::Quit;
        }
        _ => {}
    }
    match app.overlay.take() {
        None => {
            let effect = on_screen(app, &action);
            // A notice belongs to the screen; an editor or dialog opening
            // over it makes it stale.
            if app.overlay.is_some() && app.notice.as_ref().is_some_and(|n| !n.is_error) {
                app.notice = None;
            }
            effect
        }
        Some(Overlay::Help) => {
            if action != Action::ToggleHelp {
                app.overlay = Some(Overlay::Help);
            }
            Effect::None
        }
        Some(Overlay::Editor(editor)) => in_editor(app, *editor, action),
        Some(Overlay::Form(form)) => in_form(app, *form, action),
        Some(Overlay::Dialog(dialog)) => in_dialog(app, dialog, &action),
        Some(Overlay::Breather(breather)) => {
            app.overlay = Some(match action {
                Action::LeaveBreather => Overlay::Dialog(Dialog::LeaveBreatherEarly(breather)),
                _ => Overlay::Breather(breather),
            });
            Effect::None
        }
    }
}

fn tick_breather(app: &mut App, elapsed: Duration) {
    let Some(Overlay::Breather(breather) | Overlay::Dialog(Dialog::LeaveBreatherEarly(breather))) =
        &mut app.overlay
    else {
        return;
    };
    breather.elapsed += elapsed;
    if breather.remaining().is_zero() {
        app.overlay = None;
        notice(app, tr!("tui.breather.done"));
    }
}

fn move_selection(app: &mut App, down: bool) {
    let (slot, len) = match app.screen {
        Screen::Reflect => (&mut app.selection.reflect, app.derived.reflections.len()),
        Screen::Activities => (&mut app.selection.activities, app.derived.activities.len()),
        Screen::Journal => (&mut app.selection.journal, app.derived.journal.len()),
        Screen::Messages => (
            &mut app.selection.messages,
            app.derived.desk.drafts.len() + app.derived.desk.suggestions.len(),
        ),
        _ => return,
    };
    *slot = if down {
        (*slot + 1).min(len.saturating_sub(1))
    } else {
        slot.saturating_sub(1)
    };
}

fn cycle_screen(app: &mut App, forward: bool) {
    let n = Screen::TABS.len();
    let i = app.screen.tab_index();
    app.screen = Screen::TABS[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }];
}

fn open_editor(app: &mut App, purpose: Purpose, text: &str) {
    let restored = match app.unsaved.take() {
        Some((p, kept)) if p == purpose => kept,
        other => {
            app.unsaved = other;
            text.to_owned()
        }
    };
    let mut editor = Editor::new(purpose, &restored);
    if let Purpose::Reflection { replace: true } = purpose {
        editor.motive = app
            .journey
            .reflection_on(app.today())
            .and_then(|r| r.motive);
    }
    app.overlay = Some(Overlay::Editor(Box::new(editor)));
}

fn write_reflection(app: &mut App) {
    let today = app.today();
    let existing = app.journey.reflection_on(today).map(|r| r.text.clone());
    let replace = existing.is_some();
    match app.journey.check_reflect(today, replace) {
        Ok(()) => {
            app.screen = Screen::Reflect;
            open_editor(
                app,
                Purpose::Reflection { replace },
                existing.as_deref().unwrap_or(""),
            );
        }
        Err(e) => refuse(app, &e),
    }
}

fn selected_activity(app: &App) -> Option<&crate::domain::Activity> {
    let index = *app.derived.activities.get(app.selection.activities)?;
    app.journey.activities.get(index)
}

fn next_step(app: &mut App) -> Effect {
    match app.derived.summary.stage {
        Stage::NotStarted | Stage::Reflection => write_reflection(app),
        Stage::VerdictDue => app.screen = Screen::Reflect,
        Stage::CheckpointDue => app.screen = Screen::Checkpoint,
        Stage::Reconnect => app.screen = Screen::Messages,
        Stage::NoContact | Stage::MovingOn => {
            app.screen = Screen::Activities;
            app.overlay = Some(Overlay::Form(Box::new(Form::activity(app.today(), None))));
        }
    }
    Effect::None
}

fn on_screen(app: &mut App, action: &Action) -> Effect {
    if app.screen == Screen::Messages
        && let Some(effect) = messages::on_screen(app, action)
    {
        return effect;
    }
    let today = app.today();
    match action {
        Action::GoTo(screen) => {
            app.screen = *screen;
            app.notice = None;
        }
        Action::NextScreen | Action::PreviousScreen => {
            cycle_screen(app, *action == Action::NextScreen);
            app.notice = None;
        }
        Action::ToggleHelp => app.overlay = Some(Overlay::Help),
        Action::Up => move_selection(app, false),
        Action::Down => move_selection(app, true),
        Action::Left => app.months_back = app.months_back.saturating_add(1).min(120),
        Action::Right => app.months_back = app.months_back.saturating_sub(1),
        Action::Open => return next_step(app),
        Action::WriteReflection => write_reflection(app),
        Action::Urge => open_editor(app, Purpose::Urge, ""),
        Action::Add if app.screen == Screen::Journal => open_editor(app, Purpose::Journal, ""),
        Action::Add => app.overlay = Some(Overlay::Form(Box::new(Form::activity(today, None)))),
        Action::Edit => {
            if let Some(activity) = selected_activity(app) {
                let form = Form::activity(today, Some(activity));
                app.overlay = Some(Overlay::Form(Box::new(form)));
            }
        }
        Action::Delete => {
            if let Some(a) = selected_activity(app) {
                let dialog = Dialog::DeleteActivity {
                    id: a.id,
                    title: a.title.clone(),
                };
                app.overlay = Some(Overlay::Dialog(dialog));
            }
        }
        Action::Slip => match (&app.derived.count, app.derived.summary.stage) {
            (None, _) => refuse(app, &DomainError::NoCountdownYet),
            (Some(_), Stage::Reconnect) => refuse(app, &DomainError::SlipInReconnect),
            (Some(count), _) => {
                let form = Form::contact(FormPurpose::Slip, today, Some(count.started_on));
                app.overlay = Some(Overlay::Form(Box::new(form)));
            }
        },
        Action::Exception => {
            if app.journey.verdict.is_some() {
                app.overlay = Some(Overlay::Form(Box::new(Form::contact(
                    FormPurpose::Exception,
                    today,
                    None,
                ))));
            } else {
                refuse(app, &DomainError::NoCountdownYet);
            }
        }
        Action::ChooseMoveOn | Action::ChooseReconnect => match app.journey.check_decide() {
            Ok(()) => {
                let path = if *action == Action::ChooseMoveOn {
                    Path::MoveOn
                } else {
                    Path::Reconnect
                };
                let dialog = Dialog::ChoosePath {
                    path,
                    target_days: app.preferences.default_target_days,
                };
                app.overlay = Some(Overlay::Dialog(dialog));
            }
            Err(e) => refuse(app, &e),
        },
        Action::OpenCheckpoint => match app.journey.check_checkpoint(today) {
            Ok(_) => app.screen = Screen::Checkpoint,
            Err(e) => refuse(app, &e),
        },
        Action::AnswerYes | Action::AnswerNotYet | Action::AnswerNo => {
            if let Err(e) = app.journey.check_checkpoint(today) {
                refuse(app, &e);
            } else {
                let dialog = match action {
                    Action::AnswerYes => Dialog::CheckpointYes,
                    Action::AnswerNotYet => Dialog::CheckpointNotYet {
                        days: checkpoint::DEFAULT_EXTENSION_DAYS,
                    },
                    _ => Dialog::CheckpointNo,
                };
                app.overlay = Some(Overlay::Dialog(dialog));
            }
        }
        _ => {}
    }
    Effect::None
}

fn in_editor(app: &mut App, mut editor: Editor, action: Action) -> Effect {
    let mut effect = Effect::None;
    match action {
        Action::Cancel => {
            let text = editor.text();
            if !text.trim().is_empty() {
                app.unsaved = Some((editor.purpose, text));
                notice(app, tr!("tui.editor.kept_unsaved"));
            }
            return Effect::None;
        }
        Action::Save => {
            let text = editor.text();
            editor.saving = true;
            effect = Effect::Perform(match editor.purpose {
                Purpose::Reflection { replace } => Change::Reflect {
                    text,
                    motive: editor.motive,
                    replace,
                },
                Purpose::Journal => Change::Journal {
                    text,
                    mood: editor.mood,
                },
                Purpose::Urge => Change::Urge { text },
                Purpose::Draft => Change::Draft { text },
            });
        }
        Action::CycleTag => editor.cycle_tag(),
        Action::Paste(text) => {
            editor.error = editor.paste(&text).err().map(|chars| {
                tr!(
                    "tui.editor.paste_too_long",
                    chars = chars,
                    max = crate::domain::MAX_TEXT_CHARS
                )
            });
        }
        Action::Input(key) => {
            editor.error = None;
            editor.area.input(key);
        }
        _ => {}
    }
    if editor.purpose == Purpose::Draft {
        super::composer::recheck(&mut editor, &app.derived.desk.pacing);
    }
    app.overlay = Some(Overlay::Editor(Box::new(editor)));
    effect
}

fn in_form(app: &mut App, mut form: Form, action: Action) -> Effect {
    let mut effect = Effect::None;
    match action {
        Action::Cancel => return Effect::None,
        Action::NextField => form.next_field(),
        Action::PreviousField => form.previous_field(),
        Action::Input(key) => {
            form.error = None;
            form.input(key);
        }
        Action::Paste(text) => form.paste(&text),
        Action::Save => {
            let today = app.today();
            form.saving = true;
            effect = Effect::Perform(match form.purpose {
                FormPurpose::NewActivity => Change::LogActivity(form.new_activity(today)),
                FormPurpose::EditActivity(id) => Change::EditActivity {
                    id,
                    activity: form.new_activity(today),
                },
                FormPurpose::Slip => {
                    let (date, note) = form.contact_values();
                    Change::Slip {
                        date,
                        note: Some(note),
                    }
                }
                FormPurpose::Exception => {
                    let (date, note) = form.contact_values();
                    Change::Exception { date, note }
                }
            });
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Form(Box::new(form)));
    effect
}

fn in_dialog(app: &mut App, dialog: Dialog, action: &Action) -> Effect {
    let adjust = |value: u32, min: u32, max: u32| match action {
        Action::More => value.saturating_add(1).min(max),
        Action::Less => value.saturating_sub(1).max(min),
        _ => value,
    };
    match (action, dialog) {
        (Action::Cancel, Dialog::LeaveBreatherEarly(b)) => app.overlay = Some(Overlay::Breather(b)),
        (Action::Cancel, _) => {}
        (Action::Confirm, Dialog::LeaveBreatherEarly(_)) => {
            notice(app, tr!("tui.breather.left_early"));
        }
        (Action::Confirm, dialog) => {
            let change = match dialog {
                Dialog::ChoosePath { path, target_days } => Change::Decide {
                    path,
                    last_contact: None,
                    target_days: Some(target_days),
                },
                Dialog::DeleteActivity { id, .. } => Change::DeleteActivity { id },
                Dialog::CheckpointYes => Change::Checkpoint {
                    answer: Answer::Yes,
                    extend_days: None,
                },
                Dialog::CheckpointNotYet { days } => Change::Checkpoint {
                    answer: Answer::NotYet,
                    extend_days: Some(days),
                },
                Dialog::MarkSent { id, .. } => Change::MarkSent { id: Some(id) },
                Dialog::GotReply { .. } => Change::Reply { date: None },
                Dialog::CheckpointNo | Dialog::LeaveBreatherEarly(_) => Change::Checkpoint {
                    answer: Answer::No,
                    extend_days: None,
                },
            };
            return Effect::Perform(change);
        }
        (Action::More | Action::Less, Dialog::ChoosePath { path, target_days }) => {
            let target_days = adjust(target_days, verdict::MIN_TARGET_DAYS, MAX_TARGET_DAYS);
            app.overlay = Some(Overlay::Dialog(Dialog::ChoosePath { path, target_days }));
        }
        (Action::More | Action::Less, Dialog::CheckpointNotYet { days }) => {
            let days = adjust(days, 1, MAX_EXTENSION_DAYS);
            app.overlay = Some(Overlay::Dialog(Dialog::CheckpointNotYet { days }));
        }
        (_, dialog) => app.overlay = Some(Overlay::Dialog(dialog)),
    }
    Effect::None
}
