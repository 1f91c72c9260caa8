//! `lagebild ingest` (store articles and analyse them, no server) and `lagebild serve` (HTTP API and web pages).

use crate::parse::read_all;
use anyhow::{anyhow, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use lagebild_ingest::Options;
use lagebild_server::engine::Engine;
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct IngestArgs {
    /// Database folder (created if missing): `lagebild.sqlite`, the search index, a lock file.
    #[arg(long, value_name = "DIR")]
    db: PathBuf,
    /// Files or folders (read recursively); `-` reads stdin. Any input `parse` reads, including JSON Lines.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Args)]
pub struct ServeArgs {
    /// Database folder (created if missing).
    #[arg(long, value_name = "DIR")]
    db: PathBuf,
    /// Address to listen on. Anything but loopback requires --token.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    addr: SocketAddr,
    /// Writes (POST /api/articles) then need `Authorization: Bearer TOKEN`. Also read from LAGEBILD_TOKEN.
    #[arg(long, env = "LAGEBILD_TOKEN", value_name = "TOKEN", hide_env_values = true)]
    token: Option<String>,
}

/// Reads the inputs, stores them (in publication order, as `analyze` takes them, so the stories are the same)
/// and analyses everything pending.
pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let (store, index) = lagebild_server::open(&args.db).map_err(|e| anyhow!("{e}"))?;
    let (mut articles, errors) = read_all(&args.paths, &Options::default());
    for e in &errors {
        eprintln!("lagebild: {e}");
    }
    articles.sort_by(|a, b| a.published.cmp(&b.published));
    let puts = store.put_articles(&articles).context("storing articles")?;
    let new = puts.iter().filter(|p| matches!(p, lagebild_store::Put::Stored(_))).count();
    let mut engine = Engine::restore(store.clone(), index).context("restoring the worker")?;
    let pending = store.counts().context("counting")?.pending;
    let progress = if std::io::stderr().is_terminal() { ProgressBar::new(pending) } else { ProgressBar::hidden() };
    progress.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} articles analysed {per_sec}")?);
    engine.run_until_idle(&|n| progress.inc(n as u64)).context("analysing")?;
    progress.finish_and_clear();
    let counts = store.counts().context("counting")?;
    eprintln!(
        "lagebild: {new} new of {} read; {} articles in {} stories in {}",
        articles.len(),
        counts.articles,
        counts.stories,
        args.db.display()
    );
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Serves the API and pages until Ctrl-C or SIGTERM.
pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    if let Err(e) = lagebild_server::check_bind(&args.addr, args.token.as_deref()) {
        eprintln!("lagebild: {e}");
        return Ok(ExitCode::from(2));
    }
    let (store, index) = lagebild_server::open(&args.db).map_err(|e| anyhow!("{e}"))?;
    let app = lagebild_server::App::start(store, index, args.token).context("starting the worker")?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(lagebild_server::serve(app, args.addr)).with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
