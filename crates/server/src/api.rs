//! JSON handlers. Every error is `{"error": "...", "record": N?}` (plus `errors` when several records are bad).

use crate::records::{parse_body, RecordError};
use crate::App;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use lagebild_core::SCHEMA_VERSION;
use lagebild_store::{Put, Stored, StoryQuery};
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;

/// How long `?wait=true` waits for the worker before answering 202 (stored, analysis still running).
const WAIT_LIMIT: Duration = Duration::from_secs(600);
/// Most record errors listed in one response.
const MAX_LISTED_ERRORS: usize = 100;

/// An error response.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: String,
    pub record: Option<usize>,
    pub errors: Vec<RecordError>,
}

impl ApiError {
    pub fn new(status: StatusCode, error: impl Into<String>) -> ApiError {
        ApiError { status, error: error.into(), record: None, errors: Vec::new() }
    }
    fn bad(error: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, error)
    }
    fn internal(e: impl std::fmt::Display) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "error": self.error });
        if let Some(r) = self.record {
            body["record"] = json!(r);
        }
        if self.errors.len() > 1 {
            body["errors"] = json!(self.errors);
        }
        (self.status, Json(body)).into_response()
    }
}

/// Runs store or index work off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.map_err(ApiError::internal)?
}

fn raw_json(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Checks `Authorization: Bearer TOKEN` when the server has a token.
fn authorize(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &app.0.token else { return Ok(()) };
    let given =
        headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    // Compare without stopping at the first difference, so timing does not reveal the token.
    let ok = given.is_some_and(|g| {
        g.len() == token.len() && g.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    });
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "writes need the header `Authorization: Bearer TOKEN` (the --token of the server)",
        ))
    }
}

#[derive(Deserialize)]
pub struct PostParams {
    wait: Option<String>,
}

/// `POST /api/articles`: parse, store durably, answer; with `?wait=true` only after analysis.
pub async fn post_articles(
    State(app): State<App>,
    headers: HeaderMap,
    Query(params): Query<PostParams>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    authorize(&app, &headers)?;
    let wait = match params.wait.as_deref() {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") | Some("") => true,
        Some(other) => return Err(ApiError::bad(format!("parameter \"wait\" must be true or false, not {other:?}"))),
    };
    let body = body.map_err(|e| {
        let status = e.status();
        let timed_out = std::error::Error::source(&e)
            .into_iter()
            .flat_map(|s| std::iter::successors(Some(s), |s| s.source()))
            .any(|s| s.is::<tower_http::timeout::TimeoutError>());
        if timed_out {
            let secs = crate::routes::BODY_IDLE_TIMEOUT.as_secs();
            return ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                format!("the client stopped sending the body for {secs} s; nothing stored"),
            );
        }
        let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!("body larger than {} MiB; send fewer articles per request", crate::MAX_BODY_BYTES >> 20)
        } else {
            format!("cannot read body: {e}")
        };
        ApiError::new(status, error)
    })?;
    let origin = format!("api:{}", Utc::now().format("%Y-%m-%dT%H:%M:%SZ"));
    let parsed = blocking(move || Ok(parse_body(&body, &origin))).await?;
    let records = parsed.map_err(|mut errors| {
        let first = errors[0].clone();
        let status = if first.record.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::BAD_REQUEST };
        let error = if errors.len() > 1 {
            format!("{} bad records, nothing stored; first: {}", errors.len(), first.error)
        } else {
            format!("{}; nothing stored", first.error)
        };
        errors.truncate(MAX_LISTED_ERRORS);
        ApiError { status, error, record: first.record, errors }
    })?;
    let store = app.0.store.clone();
    let (positions, articles): (Vec<usize>, Vec<_>) = records.into_iter().unzip();
    let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    let puts = blocking(move || store.put_articles(&articles).map_err(ApiError::internal)).await?;
    app.wake();
    let mut analyzed = false;
    let mut stories = vec![None; ids.len()];
    if wait {
        let target = puts.iter().map(|p| p.seq()).max().unwrap_or(0);
        let mut done = app.0.done.clone();
        analyzed = matches!(tokio::time::timeout(WAIT_LIMIT, done.wait_for(|&d| d >= target)).await, Ok(Ok(_)));
        if analyzed {
            let store = app.0.store.clone();
            let lookup = ids.clone();
            stories = blocking(move || {
                lookup
                    .iter()
                    .map(|id| match store.article(id) {
                        Ok(Some(Stored::Analyzed { story, .. })) => Ok(Some(story)),
                        Ok(_) => Ok(None),
                        Err(e) => Err(ApiError::internal(e)),
                    })
                    .collect()
            })
            .await?;
        }
    }
    let stored = puts.iter().filter(|p| matches!(p, Put::Stored(_))).count();
    let results: Vec<Value> = positions
        .iter()
        .zip(&ids)
        .zip(&puts)
        .zip(&stories)
        .map(|(((record, id), put), story)| {
            let status = if matches!(put, Put::Stored(_)) { "stored" } else { "exists" };
            let mut r = json!({ "record": record, "id": id, "status": status });
            if let Some(s) = story {
                r["story"] = json!(s);
            }
            r
        })
        .collect();
    let status = if wait && !analyzed {
        StatusCode::ACCEPTED
    } else if stored > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let body = json!({ "stored": stored, "existing": ids.len() - stored, "analyzed": analyzed, "records": results });
    Ok((status, Json(body)).into_response())
}

/// `GET /api/stories/{id}`: the stored story JSON with the schema version, without re-serialising.
pub async fn get_story(State(app): State<App>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let store = app.0.store.clone();
    let key = id.clone();
    let json = blocking(move || store.story_json(&key).map_err(ApiError::internal)).await?;
    match json {
        Some(s) if s.starts_with('{') && s.len() > 2 => {
            Ok(raw_json(format!("{{\"schema_version\":{SCHEMA_VERSION},{}", &s[1..])))
        }
        Some(_) => Err(ApiError::internal(format!("story {id}: stored JSON is not an object"))),
        None => Err(ApiError::new(StatusCode::NOT_FOUND, format!("no story with id {id:?}"))),
    }
}

#[derive(Deserialize)]
pub struct ListParams {
    since: Option<String>,
    q: Option<String>,
    limit: Option<String>,
}

/// A `limit` parameter: a whole number from 1 to `max`.
fn limit(given: Option<&str>, default: usize, max: usize) -> Result<usize, ApiError> {
    match given {
        None | Some("") => Ok(default),
        Some(s) => s.parse::<usize>().ok().filter(|n| (1..=max).contains(n)).ok_or_else(|| {
            ApiError::bad(format!("parameter \"limit\" must be a whole number from 1 to {max}, not {s:?}"))
        }),
    }
}

/// A `since` parameter: RFC 3339 or a date, as the UTC format stories are stamped with.
fn since(given: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(s) = given.filter(|s| !s.is_empty()) else { return Ok(None) };
    let instant = DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc)).ok().or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)).map(|d| d.and_utc())
    });
    match instant {
        Some(i) => Ok(Some(i.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())),
        None => Err(ApiError::bad(format!(
            "parameter \"since\" must be an RFC 3339 time (2024-10-21T13:00:00Z) or a date (2024-10-21), not {s:?}"
        ))),
    }
}

/// Story list entries for the API and the index page; `q` keeps stories with an article matching it.
pub async fn list_stories(
    app: &App,
    since_param: Option<&str>,
    q: Option<&str>,
    limit: usize,
) -> Result<Vec<lagebild_core::StorySummary>, ApiError> {
    let since = since(since_param)?;
    let (store, index) = (app.0.store.clone(), app.0.index.clone());
    let q = q.filter(|q| !q.trim().is_empty()).map(str::to_string);
    blocking(move || {
        let ids = match q {
            Some(q) => {
                let hits = index.search(&q, 1_000).map_err(ApiError::internal)?;
                let mut ids: Vec<String> = Vec::new();
                for story in hits.into_iter().filter_map(|h| h.story) {
                    if !ids.contains(&story) {
                        ids.push(story);
                    }
                }
                Some(ids)
            }
            None => None,
        };
        store.stories(&StoryQuery { since, ids, limit }).map_err(ApiError::internal)
    })
    .await
}

/// `GET /api/stories?since=&q=&limit=`.
pub async fn get_stories(State(app): State<App>, Query(p): Query<ListParams>) -> Result<Response, ApiError> {
    let n = limit(p.limit.as_deref(), 50, 1_000)?;
    let stories = list_stories(&app, p.since.as_deref(), p.q.as_deref(), n).await?;
    Ok(Json(json!({ "count": stories.len(), "stories": stories })).into_response())
}

/// `GET /api/articles/{id}`: the analysed article with its story, or the parsed one with `"status":"pending"`.
pub async fn get_article(State(app): State<App>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let store = app.0.store.clone();
    let key = id.clone();
    let stored = blocking(move || store.article(&key).map_err(ApiError::internal)).await?;
    let (mut value, status, story) = match stored {
        Some(Stored::Analyzed { article, story, .. }) => {
            (serde_json::to_value(&*article).map_err(ApiError::internal)?, "analyzed", Some(story))
        }
        Some(Stored::Pending { article, .. }) => {
            (serde_json::to_value(&*article).map_err(ApiError::internal)?, "pending", None)
        }
        None => return Err(ApiError::new(StatusCode::NOT_FOUND, format!("no article with id {id:?}"))),
    };
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), json!(SCHEMA_VERSION));
        obj.insert("status".into(), json!(status));
        if let Some(story) = story {
            obj.insert("story".into(), json!(story));
        }
    }
    Ok(Json(value).into_response())
}

#[derive(Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
}

/// `GET /api/search?q=&limit=`: matching articles with snippets.
pub async fn search(State(app): State<App>, Query(p): Query<SearchParams>) -> Result<Response, ApiError> {
    let n = limit(p.limit.as_deref(), 20, 1_000)?;
    let q = p.q.filter(|q| !q.trim().is_empty()).ok_or_else(|| ApiError::bad("parameter \"q\" is required"))?;
    let index = app.0.index.clone();
    let hits = blocking(move || index.search(&q, n).map_err(ApiError::internal)).await?;
    Ok(Json(json!({ "count": hits.len(), "hits": hits })).into_response())
}

/// `GET /healthz`: sizes and the worker's backlog.
pub async fn healthz(State(app): State<App>) -> Result<Response, ApiError> {
    let store = app.0.store.clone();
    let c = blocking(move || store.counts().map_err(ApiError::internal)).await?;
    let body = json!({ "status": "ok", "articles": c.articles, "pending": c.pending, "stories": c.stories });
    Ok(Json(body).into_response())
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    raw_json(crate::routes::OPENAPI.to_string())
}
