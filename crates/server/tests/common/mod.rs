//! Helpers of the in-process server tests: an app over a temporary folder, one request at a time.
#![allow(dead_code)] // each test file uses a different subset

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use lagebild_server::App;
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// Starts an app over `dir`, waiting for a previous app on the same folder to let go of it.
pub fn start(dir: &Path, token: Option<&str>) -> Router {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match lagebild_server::open(dir) {
            Ok((store, index)) => {
                return lagebild_server::router(App::start(store, index, token.map(str::to_string)).unwrap())
            }
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => panic!("cannot open {}: {e}", dir.display()),
        }
    }
}

/// One request; the body as text.
pub async fn send(router: &Router, method: Method, uri: &str, body: impl Into<Body>) -> (StatusCode, String) {
    send_with(router, Request::builder().method(method).uri(uri).body(body.into()).unwrap()).await
}

pub async fn send_with(router: &Router, request: Request<Body>) -> (StatusCode, String) {
    let res = router.clone().oneshot(request).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// A GET that must succeed with JSON.
pub async fn get_json(router: &Router, uri: &str) -> Value {
    let (status, body) = send(router, Method::GET, uri, Body::empty()).await;
    assert_eq!(status, StatusCode::OK, "GET {uri}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {uri}: not JSON ({e}): {body}"))
}

/// Posts JSON Lines with `?wait=true` and returns the response.
pub async fn post_wait(router: &Router, lines: &str) -> Value {
    let (status, body) = send(router, Method::POST, "/api/articles?wait=true", lines.to_string()).await;
    assert!(status == StatusCode::CREATED || status == StatusCode::OK, "POST: {status} {body}");
    serde_json::from_str(&body).unwrap()
}

/// The example corpus as JSON Lines records (read by the same ingest code as `lagebild parse`), in
/// publication order.
pub fn corpus_records() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let files = lagebild_ingest::source::expand(&[root]);
    let (mut articles, errors) = lagebild_ingest::read_all(files, &Default::default(), &|| {});
    assert!(errors.is_empty(), "{errors:?}");
    articles.sort_by(|a, b| a.published.cmp(&b.published));
    articles
        .iter()
        .map(|a| {
            serde_json::json!({
                "id": a.id, "title": a.title, "text": a.text, "published": a.published,
                "outlet": a.outlet, "lang": a.language,
            })
            .to_string()
        })
        .collect()
}
