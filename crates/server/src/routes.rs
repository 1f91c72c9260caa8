//! The one route table: the router is built from it and a test checks it against the OpenAPI document.

use crate::api::{self, ApiError};
use crate::{pages, App, MAX_BODY_BYTES};
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use std::time::Duration;
use tower::limit::ConcurrencyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// Most `POST /api/articles` requests handled at once: each may hold a 32 MiB body and its parsed articles.
const MAX_CONCURRENT_POSTS: usize = 4;

/// Longest pause while a client sends a body: a client that stops sending gives its slot back (408) instead
/// of holding one of the few POST slots forever.
pub const BODY_IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// The OpenAPI 3 document served at `/api/openapi.json` (hand-written, embedded in the binary).
pub const OPENAPI: &str = include_str!("openapi.json");

/// One route: method and path as documented, and its handler.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    handler: fn() -> MethodRouter<App>,
}

/// Every route the server answers.
pub static ROUTES: &[Route] = &[
    // At most a few bodies are read and parsed at once (the others wait), so memory stays bounded; a body
    // that stalls is cut off so that its slot comes free.
    Route {
        method: "POST",
        path: "/api/articles",
        handler: || {
            post(api::post_articles)
                .layer::<_, std::convert::Infallible>(RequestBodyTimeoutLayer::new(BODY_IDLE_TIMEOUT))
                .layer(ConcurrencyLimitLayer::new(MAX_CONCURRENT_POSTS))
        },
    },
    Route { method: "GET", path: "/api/articles/{id}", handler: || get(api::get_article) },
    Route { method: "GET", path: "/api/stories", handler: || get(api::get_stories) },
    Route { method: "GET", path: "/api/stories/{id}", handler: || get(api::get_story) },
    Route { method: "GET", path: "/api/search", handler: || get(api::search) },
    Route { method: "GET", path: "/api/openapi.json", handler: || get(api::openapi) },
    Route { method: "GET", path: "/healthz", handler: || get(api::healthz) },
    Route { method: "GET", path: "/", handler: || get(pages::index) },
    Route { method: "GET", path: "/stories/{id}", handler: || get(pages::story) },
    Route { method: "GET", path: "/assets/app.css", handler: || get(pages::css) },
    Route { method: "GET", path: "/assets/app.js", handler: || get(pages::js) },
];

/// The HTTP service over `app`.
pub fn router(app: App) -> Router {
    let mut router = Router::new();
    for route in ROUTES {
        router = router.route(route.path, (route.handler)());
    }
    router
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(json_errors))
        .with_state(app)
}

async fn not_found(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, format!("no route {method} {}; see /api/openapi.json", uri.path()))
}

/// Turns the framework's plain-text errors (405, extractor rejections) into the JSON error shape.
async fn json_errors(req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let res = next.run(req).await;
    let status = res.status();
    let typed = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json") || ct.starts_with("text/html"));
    if !(status.is_client_error() || status.is_server_error()) || typed {
        return res;
    }
    let (parts, body) = res.into_parts();
    let detail = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    let detail = String::from_utf8_lossy(&detail).trim().to_string();
    let error = if status == StatusCode::METHOD_NOT_ALLOWED {
        format!("method {method} is not allowed on {path}")
    } else if detail.is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        detail
    };
    let mut out = ApiError::new(status, error).into_response();
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out
}
