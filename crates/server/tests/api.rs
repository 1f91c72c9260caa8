//! The HTTP API in process: routes against the OpenAPI document, tokens, escaping, the example corpus, restarts.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{corpus_records, get_json, post_wait, send, send_with, start};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_lists_exactly_the_routes() {
    let doc: Value = serde_json::from_str(lagebild_server::OPENAPI).unwrap();
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| ops.as_object().unwrap().keys().map(move |m| (m.to_uppercase(), path.clone())))
        .collect();
    let routed: BTreeSet<(String, String)> =
        lagebild_server::ROUTES.iter().map(|r| (r.method.to_string(), r.path.to_string())).collect();
    assert_eq!(documented, routed);

    // And the router answers each of them (no 405, no "no route").
    let dir = tempfile::tempdir().unwrap();
    let router = start(dir.path(), None);
    for (method, path) in &routed {
        let uri = path.replace("{id}", "nope");
        let (status, body) = send(&router, method.parse().unwrap(), &uri, Body::empty()).await;
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        assert!(!body.contains("no route"), "{method} {uri}: {body}");
    }
    let served = get_json(&router, "/api/openapi.json").await;
    assert_eq!(served, doc);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_need_the_token_when_one_is_set() {
    let any: std::net::SocketAddr = "0.0.0.0:8080".parse().unwrap();
    let local: std::net::SocketAddr = "127.0.0.1:8080".parse().unwrap();
    assert!(lagebild_server::check_bind(&any, None).unwrap_err().contains("--token"));
    assert!(lagebild_server::check_bind(&any, Some("")).is_err());
    assert!(lagebild_server::check_bind(&any, Some("s3cret")).is_ok());
    assert!(lagebild_server::check_bind(&local, None).is_ok());

    let dir = tempfile::tempdir().unwrap();
    let router = start(dir.path(), Some("s3cret"));
    let record = r#"{"id":"t1","title":"Test","text":"Die Feuerwehr rückte am Montag mit 40 Kräften aus."}"#;
    for auth in [None, Some("Bearer wrong"), Some("s3cret"), Some("Bearer s3cret2")] {
        let mut req = Request::builder().method(Method::POST).uri("/api/articles");
        if let Some(a) = auth {
            req = req.header(header::AUTHORIZATION, a);
        }
        let (status, body) = send_with(&router, req.body(Body::from(record)).unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{auth:?}: {body}");
        assert!(body.contains("Authorization"), "{body}");
    }
    assert_eq!(get_json(&router, "/healthz").await["articles"], 0);
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/articles?wait=true")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .body(Body::from(record))
        .unwrap();
    let (status, body) = send_with(&router, req).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Reads stay open.
    assert_eq!(get_json(&router, "/api/articles/t1").await["status"], "analyzed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn script_in_title_and_body_is_escaped_in_pages_and_kept_as_data_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let router = start(dir.path(), None);
    let record = serde_json::json!({
        "id": "x1", "outlet": "Test<Post>", "published": "2025-02-03",
        "title": "<script>alert('title')</script> Pinguine in Quellbrunn",
        "text": "Im Zoo von Quellbrunn sind am Montag 14 Pinguine geschlüpft. <script>alert('body')</script> Der Zoo hatte 2024 insgesamt 120 Pinguine, teilte der Direktor mit.",
    });
    let got = post_wait(&router, &record.to_string()).await;
    let story = got["records"][0]["story"].as_str().unwrap().to_string();

    let api = get_json(&router, &format!("/api/stories/{story}")).await;
    assert_eq!(api["schema_version"], 1);
    assert!(api["title"].as_str().unwrap().contains("<script>alert('title')</script>"), "{api}");
    let article = get_json(&router, "/api/articles/x1").await;
    assert!(article["text"].as_str().unwrap().contains("<script>alert('body')</script>"));

    for uri in ["/".to_string(), format!("/stories/{story}"), "/?q=Pinguine".to_string()] {
        let (status, html) = send(&router, Method::GET, &uri, Body::empty()).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!html.contains("<script>alert"), "{uri} lets a script through");
        assert!(!html.contains("Test<Post>"), "{uri} lets a tag through");
        assert!(html.contains("&lt;script&gt;"), "{uri} lost the escaped text");
    }
    let hits = get_json(&router, "/api/search?q=Pinguin").await;
    assert_eq!(hits["hits"][0]["article"], "x1", "{hits}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn example_corpus_through_the_api_gives_stories_with_figure_groups() {
    let dir = tempfile::tempdir().unwrap();
    let router = start(dir.path(), None);
    let records = corpus_records();
    let got = post_wait(&router, &records.join("\n")).await;
    assert_eq!(got["stored"], records.len(), "{got}");
    assert_eq!(got["analyzed"], true);
    let health = get_json(&router, "/healthz").await;
    assert_eq!((health["articles"].as_u64(), health["pending"].as_u64()), (Some(records.len() as u64), Some(0)));

    let list = get_json(&router, "/api/stories?limit=1000").await;
    let stories = list["stories"].as_array().unwrap();
    assert_eq!(stories.len() as u64, health["stories"].as_u64().unwrap());
    let mut listed = 0;
    let mut groups = 0;
    for s in stories {
        let story = get_json(&router, &format!("/api/stories/{}", s["id"].as_str().unwrap())).await;
        listed += story["articles"].as_array().unwrap().len();
        groups += story["figure_groups"].as_array().unwrap().len();
        assert_eq!(story["articles"].as_array().unwrap().len() as u64, s["articles"].as_u64().unwrap());
    }
    assert_eq!(listed, records.len(), "every article is in exactly one story");
    assert!(groups > 0, "no story has a figure group");

    // Posting the same records again stores nothing new.
    let again = post_wait(&router, &records.join("\n")).await;
    assert_eq!((again["stored"].as_u64(), again["existing"].as_u64()), (Some(0), Some(records.len() as u64)));
    // Search narrows the list; the HTML story page renders.
    let first = &stories[0]["id"];
    let (status, html) =
        send(&router, Method::GET, &format!("/stories/{}", first.as_str().unwrap()), Body::empty()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1"), "{html}");
    let filtered = get_json(&router, "/api/stories?q=Soldaten&limit=1000").await;
    assert!(filtered["count"].as_u64().unwrap() < stories.len() as u64);
    let future = get_json(&router, "/api/stories?since=2999-01-01").await;
    assert_eq!(future["count"], 0);
}

/// Story of each article, posting the corpus in two halves with a restart in between or not.
async fn assignments(restart: bool) -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let records = corpus_records();
    let (a, b) = records.split_at(records.len() / 2);
    let mut router = start(dir.path(), None);
    post_wait(&router, &a.join("\n")).await;
    if restart {
        drop(router);
        router = start(dir.path(), None);
    }
    post_wait(&router, &b.join("\n")).await;
    let mut out = BTreeMap::new();
    for r in &records {
        let id = serde_json::from_str::<Value>(r).unwrap()["id"].as_str().unwrap().to_string();
        let article = get_json(&router, &format!("/api/articles/{id}")).await;
        out.insert(id, article["story"].as_str().unwrap().to_string());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_gives_the_same_stories() {
    assert_eq!(assignments(true).await, assignments(false).await);
}
