//! The full-screen app. A synchronous loop: event → keymap → [`Action`] →
//! [`update`](update::update) → [`Effect`](update::Effect), performed here
//! through the service → draw. Rendering never touches the clock or the disk.

pub mod action;
pub mod app;
pub mod composer;
pub mod editor;
pub mod form;
pub mod keymap;
mod overlays;
pub mod screens;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};

use crate::service::{Change, Service, ServiceError};
use crate::tr;
use action::Action;
use app::App;
use update::Effect;

/// Why the app could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("{0}")]
    Terminal(#[from] io::Error),
}

/// Runs the app on `service` until the person quits, with the config's
/// settings (the look, the breather's minutes, the first day of the week).
/// `NO_COLOR` in the environment turns colour off whatever the config says.
pub fn run(service: &Service, config: &crate::config::Config) -> Result<(), TuiError> {
    theme::set(theme::effective(
        config.theme,
        std::env::var_os("NO_COLOR").as_deref(),
    ));
    // The fingerprint first: a save by another process between the two
    // reads then shows up as a change, never as already seen.
    let stamp = service.stamp();
    let journey = service.load()?;
    let mut app = App::new(journey, service.now(), stamp).with_config(config);
    // What an open editor holds, for the signal thread to keep if the app
    // is ended from outside (SIGTERM, the window closing).
    let pending: Pending = Arc::new(Mutex::new(None));
    let last_words = {
        let (pending, service) = (Arc::clone(&pending), service.clone());
        Box::new(move || keep_unsaved(&service, &pending))
    };
    let mut guard = terminal::TerminalGuard::enter(last_words)?;
    let result = event_loop(&mut guard, service, &mut app, &pending);
    drop(guard);
    result
}

type Pending = Arc<Mutex<Option<String>>>;

/// Saves the text of an editor that was open when the app was ended, as a
/// journal entry: it never overwrites anything, and nothing typed is lost.
fn keep_unsaved(service: &Service, pending: &Pending) {
    let text = pending
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    if let Some(text) = text {
        let entry = format!("{}\n\n{text}", tr!("tui.editor.recovered"));
        let _ = service.perform(Change::Journal {
            text: entry,
            mood: None,
        });
    }
}

/// Turns a terminal event into an action.
pub fn action_for_event(app: &App, event: Event) -> Action {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::action_for(app.mode(), app.screen, key)
        }
        Event::Paste(text) => Action::Paste(text),
        Event::Resize(..) => Action::Resized,
        _ => Action::Ignored,
    }
}

/// Performs an effect through the service and hands the outcome back.
pub fn perform(service: &Service, app: &mut App, effect: Effect) {
    match effect {
        Effect::None | Effect::Quit => {}
        Effect::Perform(change) => match service.perform_stamped(change) {
            Ok((changed, journey, stamp)) => update::saved(app, Ok((changed, journey)), stamp),
            Err(error) => update::saved(app, Err(error), app.stamp),
        },
        Effect::Reload => {
            let stamp = service.stamp();
            update::reloaded(app, service.load(), stamp);
        }
    }
}

/// Debug builds only: with `BREATHER_TEST_FAULT=panic` or `=error`, the F12
/// key makes the loop panic or return an error, so tests can check that the
/// terminal is given back either way. Release builds have no such key.
#[cfg(debug_assertions)]
fn test_fault(event: &Event) -> Result<(), TuiError> {
    use crossterm::event::KeyCode;
    if !matches!(event, Event::Key(k) if k.code == KeyCode::F(12)) {
        return Ok(());
    }
    match std::env::var("BREATHER_TEST_FAULT").as_deref() {
        Ok("panic") => panic!("BREATHER_TEST_FAULT: a panic inside the app"),
        Ok("error") => Err(TuiError::Terminal(io::Error::other(
            "BREATHER_TEST_FAULT: an error from the loop",
        ))),
        _ => Ok(()),
    }
}

fn event_loop(
    guard: &mut terminal::TerminalGuard,
    service: &Service,
    app: &mut App,
    pending: &Pending,
) -> Result<(), TuiError> {
    let mut last_tick = Instant::now();
    let mut dirty = true;
    while !app.should_quit {
        if dirty {
            guard
                .terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))?;
            dirty = false;
        }
        let wait = app.wake_after().saturating_sub(last_tick.elapsed());
        if event::poll(wait)? {
            let event = event::read()?;
            #[cfg(debug_assertions)]
            test_fault(&event)?;
            let action = action_for_event(app, event);
            if action != Action::Ignored {
                let effect = update::update(app, action);
                perform(service, app, effect);
                *pending
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = app.editor_text();
                dirty = true;
            }
        }
        if last_tick.elapsed() >= app.wake_after().min(Duration::from_secs(1)) {
            let elapsed = last_tick.elapsed();
            last_tick = Instant::now();
            let (day, was_breathing) = (app.today(), app.is_breathing());
            update::update(
                app,
                Action::Tick {
                    now: service.now(),
                    elapsed,
                },
            );
            dirty |= was_breathing || app.today() != day;
            if let Some(stamp) = service.stamp().filter(|s| app.stamp != Some(*s)) {
                let effect = update::update(app, Action::FileChanged(stamp));
                perform(service, app, effect);
                dirty = true;
            }
        }
    }
    Ok(())
}
