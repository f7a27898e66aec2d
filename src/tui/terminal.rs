//! The terminal, entered once and always given back: on quit, on an error
//! (a drop guard), on a panic (a hook), and on SIGTERM / SIGHUP (a signal
//! thread that restores and exits, because a loop blocked on a dead tty
//! would never see a flag).

use std::io::{self, Stdout, Write};
use std::sync::Once;

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal in raw mode on the alternate screen; restored when dropped.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

/// Puts the terminal back as it was: cooked mode, main screen, cursor
/// shown, bracketed paste off. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = out.flush();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// On SIGTERM, SIGHUP (the window closed) or SIGQUIT: restore the terminal,
/// run `last_words` (keep unsaved text), exit. A thread, not a flag: a loop
/// blocked on a dead tty would never look at a flag.
fn install_signal_thread(last_words: Box<dyn FnOnce() + Send>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                restore();
                last_words();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, with bracketed paste and
    /// no mouse capture (people want to select and copy text).
    pub fn enter(last_words: Box<dyn FnOnce() + Send>) -> io::Result<Self> {
        install_panic_hook();
        install_signal_thread(last_words)?;
        enable_raw_mode()?;
        let entered = (|| {
            let mut out = io::stdout();
            execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
            let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
            terminal.clear()?;
            Ok(TerminalGuard { terminal })
        })();
        if entered.is_err() {
            restore();
        }
        entered
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}
