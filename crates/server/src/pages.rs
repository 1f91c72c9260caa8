//! HTML handlers: the pages are rendered by `lagebild-web`; this only fetches their data.

use crate::api::{blocking, list_stories, ApiError};
use crate::App;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use lagebild_core::{AnalyzedArticle, Story};
use serde::Deserialize;

/// Stories listed on `/`.
const INDEX_STORIES: usize = 500;
/// Search hits shown on `/?q=`.
const INDEX_HITS: usize = 50;

#[derive(Deserialize)]
pub struct IndexParams {
    q: Option<String>,
}

fn html_error(status: StatusCode, title: &str, e: &ApiError) -> Response {
    (status, Html(lagebild_web::message_page(title, &e.error))).into_response()
}

/// `/` and `/?q=`.
pub async fn index(State(app): State<App>, Query(p): Query<IndexParams>) -> Response {
    let q = p.q.filter(|q| !q.trim().is_empty());
    let stories = match list_stories(&app, None, None, INDEX_STORIES).await {
        Ok(s) => s,
        Err(e) => return html_error(e.status, "Cannot list stories", &e),
    };
    let hits = match &q {
        Some(q) => {
            let (index, q) = (app.0.index.clone(), q.clone());
            match blocking(move || {
                index
                    .search(&q, INDEX_HITS)
                    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
            })
            .await
            {
                Ok(h) => h,
                Err(e) => return html_error(e.status, "Search failed", &e),
            }
        }
        None => Vec::new(),
    };
    Html(lagebild_web::index_page(&stories, q.as_deref(), &hits)).into_response()
}

/// `/stories/{id}`.
pub async fn story(State(app): State<App>, Path(id): Path<String>) -> Response {
    let store = app.0.store.clone();
    let key = id.clone();
    let found = blocking(move || -> Result<Option<(Story, Vec<AnalyzedArticle>)>, ApiError> {
        let internal = |e: String| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e);
        let Some(json) = store.story_json(&key).map_err(|e| internal(e.to_string()))? else { return Ok(None) };
        let story: Story = serde_json::from_str(&json).map_err(|e| internal(format!("story {key}: {e}")))?;
        let articles = store.story_articles(&key).map_err(|e| internal(e.to_string()))?;
        Ok(Some((story, articles)))
    })
    .await;
    match found {
        Ok(Some((story, articles))) => {
            let refs: Vec<&AnalyzedArticle> = articles.iter().collect();
            Html(lagebild_web::story_page(&story, &refs)).into_response()
        }
        Ok(None) => {
            let e = ApiError::new(StatusCode::NOT_FOUND, format!("There is no story with id {id:?}."));
            html_error(StatusCode::NOT_FOUND, "Story not found", &e)
        }
        Err(e) => html_error(e.status, "Cannot show the story", &e),
    }
}

/// `/assets/app.css`.
pub async fn css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")],
        lagebild_web::APP_CSS,
    )
        .into_response()
}

/// `/assets/app.js`.
pub async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")],
        lagebild_web::APP_JS,
    )
        .into_response()
}
