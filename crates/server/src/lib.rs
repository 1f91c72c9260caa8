//! `lagebild serve` and `lagebild ingest`: the store, the search index and the worker joined behind an HTTP API
//! and the web pages. See docs/serve.md.
//!
//! Requests never analyse: `POST /api/articles` parses and durably stores, then wakes the one worker thread
//! ([`engine`]), which analyses and clusters in arrival order. Reads are lookups of stored JSON.

mod api;
pub mod engine;
mod pages;
pub mod records;
mod routes;

pub use routes::{router, Route, OPENAPI, ROUTES};

use engine::{Engine, EngineError, BATCH};
use lagebild_search::SearchIndex;
use lagebild_store::{SqliteStore, Store};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// Largest request body.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Opens the store and the search index of a database folder (`DIR/lagebild.sqlite`, `DIR/index`).
pub fn open(dir: &Path) -> Result<(Arc<dyn Store>, Arc<SearchIndex>), EngineError> {
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(dir)?);
    let index = Arc::new(SearchIndex::open(&dir.join("index"))?);
    Ok((store, index))
}

/// Checks a bind address and token: anything but loopback needs a token, or anyone on the network could write.
pub fn check_bind(addr: &SocketAddr, token: Option<&str>) -> Result<(), String> {
    match token {
        Some(t) if t.trim().is_empty() => Err("--token must not be empty".into()),
        None if !addr.ip().is_loopback() => Err(format!(
            "{addr} is not a loopback address: pass --token TOKEN so that writes require `Authorization: Bearer TOKEN`"
        )),
        _ => Ok(()),
    }
}

/// Shared state of the handlers.
#[derive(Clone)]
pub struct App(Arc<Inner>);

struct Inner {
    store: Arc<dyn Store>,
    index: Arc<SearchIndex>,
    token: Option<String>,
    wake: Mutex<mpsc::Sender<()>>,
    /// Highest sequence number analysed, stored and indexed: what `?wait=true` waits for.
    done: watch::Receiver<u64>,
}

impl App {
    /// Restores the worker's state (replay) and starts it on its own thread; it stops when the last `App`
    /// clone is dropped.
    pub fn start(store: Arc<dyn Store>, index: Arc<SearchIndex>, token: Option<String>) -> Result<App, EngineError> {
        let mut engine = Engine::restore(store.clone(), index.clone())?;
        let (done_tx, done) = watch::channel(engine.done());
        let (wake, woken) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("lagebild-worker".into())
            .spawn(move || loop {
                match engine.step(BATCH) {
                    Ok(0) => match woken.recv_timeout(Duration::from_secs(1)) {
                        Err(mpsc::RecvTimeoutError::Disconnected) => return,
                        _ => while woken.try_recv().is_ok() {},
                    },
                    Ok(_) => {
                        done_tx.send_replace(engine.done());
                    }
                    Err(e) => {
                        // The clusterer may have taken articles whose results were not saved: rebuild it from
                        // the store before trying again, so that it never counts an article twice.
                        eprintln!("lagebild: worker: {e}; rebuilding its state and retrying in 1 s");
                        std::thread::sleep(Duration::from_secs(1));
                        while let Err(e) = engine.recover() {
                            eprintln!("lagebild: worker: cannot rebuild its state: {e}; retrying in 5 s");
                            std::thread::sleep(Duration::from_secs(5));
                        }
                    }
                }
            })
            .map_err(|e| EngineError::Store(lagebild_store::StoreError::Io(format!("cannot start worker: {e}"))))?;
        // Wake it once: articles may be pending from before a restart.
        wake.send(()).ok();
        Ok(App(Arc::new(Inner { store, index, token, wake: Mutex::new(wake), done })))
    }

    fn wake(&self) {
        self.0.wake.lock().unwrap_or_else(|e| e.into_inner()).send(()).ok();
    }
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(app: App, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    eprintln!("lagebild: serving http://{}", listener.local_addr()?);
    axum::serve(listener, router(app)).with_graceful_shutdown(shutdown()).await
}

async fn shutdown() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
