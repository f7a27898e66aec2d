//! The one place the CLI writes to: stdout for results, stderr for
//! messages. Colour only on a terminal and never with `NO_COLOR`; a closed
//! pipe (`breather list | head`) is not an error.

use std::io::{self, IsTerminal, Write};

/// Where results go, and whether they may be coloured.
pub struct Output<W: Write> {
    out: W,
    colour: bool,
}

impl Output<io::StdoutLock<'static>> {
    /// Standard output, coloured only when it is a terminal and `NO_COLOR` is unset.
    pub fn stdout() -> Self {
        let stdout = io::stdout();
        let colour =
            stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Output {
            out: stdout.lock(),
            colour,
        }
    }
}

impl<W: Write> Output<W> {
    /// Output to any writer, uncoloured (for tests).
    pub fn plain(out: W) -> Self {
        Output { out, colour: false }
    }

    pub fn is_coloured(&self) -> bool {
        self.colour
    }

    /// One line of text.
    pub fn line(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        writeln!(self.out, "{}", text.as_ref())
    }

    /// One line with the accent (bold) when colour is on.
    pub fn accent(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        if self.colour {
            writeln!(self.out, "\u{1b}[1;36m{}\u{1b}[0m", text.as_ref())
        } else {
            self.line(text)
        }
    }

    /// A dimmed line (hints) when colour is on.
    pub fn hint(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        if self.colour {
            writeln!(self.out, "\u{1b}[2m{}\u{1b}[0m", text.as_ref())
        } else {
            self.line(text)
        }
    }

    /// Text exactly as given (a generated script, a man page, an export).
    pub fn raw(&mut self, text: impl AsRef<[u8]>) -> io::Result<()> {
        self.out.write_all(text.as_ref())
    }

    /// Pretty JSON, one document.
    pub fn json(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        // `io::Error::from` keeps the kind, so a closed pipe stays a closed pipe.
        serde_json::to_writer_pretty(&mut self.out, value).map_err(io::Error::from)?;
        writeln!(self.out)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A message for the person on stderr (never part of a command's result).
pub fn note(text: impl AsRef<str>) {
    let _ = writeln!(io::stderr().lock(), "{}", text.as_ref());
}
