//! Finding and reading inputs: files, folders (recursively, in a stable order), stdin, gzip.

use crate::IngestError;
use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The raw bytes of one input and the name errors and `source` fields refer to.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as the user gave it (or found under a folder), `-` for stdin; `.gz` kept.
    pub name: String,
    /// Decompressed content.
    pub bytes: Vec<u8>,
}

/// Largest input read into memory; larger files are refused with a clear message rather than exhausting memory.
const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// Expands folders into their files (sorted, hidden files skipped) and keeps files and `-` as given.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push(Ok(e.into_path())),
                Ok(_) => {}
                Err(e) => {
                    let name = e.path().unwrap_or(path).display().to_string();
                    out.push(Err(IngestError::new(&name, format!("cannot read folder entry: {e}"))));
                }
            }
        }
    }
    out
}

/// Reads one path (or stdin for `-`), decompressing gzip by name or magic bytes.
pub fn read(path: &Path) -> Result<Input, IngestError> {
    let name = path.display().to_string();
    let raw = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| IngestError::new(&name, format!("cannot read stdin: {e}")))?;
        buf
    } else {
        let file = std::fs::File::open(path).map_err(|e| IngestError::new(&name, format!("cannot open: {e}")))?;
        // Sized from the file's length: read in one go instead of a buffer grown by doubling.
        let len = file.metadata().map_or(0, |m| m.len()).min(MAX_INPUT_BYTES + 1);
        let mut buf = Vec::with_capacity(len as usize);
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| IngestError::new(&name, format!("cannot read: {e}")))?;
        buf
    };
    from_bytes(name, raw)
}

/// Builds an input from bytes already in memory (stdin, an HTTP body, a test).
pub fn from_bytes(name: String, raw: Vec<u8>) -> Result<Input, IngestError> {
    if raw.len() as u64 > MAX_INPUT_BYTES {
        return Err(IngestError::new(&name, format!("larger than {} MiB", MAX_INPUT_BYTES >> 20)));
    }
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        MultiGzDecoder::new(&raw[..])
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| IngestError::new(&name, format!("broken gzip data: {e}")))?;
        out
    } else if name.ends_with(".gz") {
        return Err(IngestError::new(&name, "named .gz but is not gzip data"));
    } else {
        raw
    };
    Ok(Input { name, bytes })
}

/// The name without a trailing `.gz`, for sniffing the format from the extension.
pub fn inner_name(name: &str) -> &str {
    name.strip_suffix(".gz").unwrap_or(name)
}
