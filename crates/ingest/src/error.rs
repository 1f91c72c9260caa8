use std::fmt;

/// A problem with one input, named so that a user can find it: file, and line or item when known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct IngestError {
    /// The path (or `-` for stdin) the problem is in.
    pub file: String,
    /// 1-based line (JSON Lines, text) or item number (feeds), when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl IngestError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        IngestError { file: file.to_string(), line: None, message: message.into() }
    }

    pub fn at_line(file: &str, line: usize, message: impl Into<String>) -> Self {
        IngestError { file: file.to_string(), line: Some(line), message: message.into() }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
