//! 1,000 malformed requests: each gets a 4xx with a JSON error message, nothing is stored, the server keeps serving.

mod common;

use axum::body::Body;
use axum::http::{Method, StatusCode};
use common::{get_json, send, start};
use serde_json::Value;

/// Deterministic pseudo-random numbers (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const GOOD: &str = r#"{"id":"ok-1","title":"Brand in Hamburg","published":"2024-10-21","outlet":"NDR","lang":"de","text":"In Hamburg hat am Montag eine Lagerhalle gebrannt. Die Feuerwehr war mit 80 Kräften im Einsatz."}"#;
const FIELDS: &[&str] = &["text", "html", "title", "url", "published", "outlet", "lang", "author"];
const WRONG_VALUES: &[&str] = &["5", "-1.5e300", "true", "[]", "[\"a\"]", "{}", "{\"x\":1}"];

/// One malformed request: method, URI, body, and what it is (for failure messages).
fn malformed(i: usize, rng: &mut Rng) -> (Method, String, Vec<u8>, String) {
    let post = |body: Vec<u8>, what: String| (Method::POST, "/api/articles".to_string(), body, what);
    match i % 12 {
        // Bad JSON: a good record cut short, or with a byte changed into a syntax error.
        0 => {
            let cut = 1 + rng.below(GOOD.len() - 2);
            let cut = (0..=cut).rev().find(|&c| GOOD.is_char_boundary(c)).unwrap_or(1);
            post(GOOD.as_bytes()[..cut].to_vec(), format!("truncated at {cut}"))
        }
        1 => {
            let mut b = GOOD.as_bytes().to_vec();
            let at = rng.below(b.len());
            b[at] = b"{}[]:,\"\\"[rng.below(8)];
            // Changing a byte may keep the JSON valid (inside a string); make sure it does not.
            if serde_json::from_slice::<Value>(&b).is_ok() {
                b.push(b'}');
            }
            post(b, format!("byte {at} changed"))
        }
        // Wrong field types.
        2 => {
            let field = FIELDS[rng.below(FIELDS.len())];
            let value = WRONG_VALUES[rng.below(WRONG_VALUES.len())];
            let body = format!(r#"{{"id":"w{i}","text":"Ein Satz mit Inhalt.","{field}":{value}}}"#);
            let body = if field == "text" { format!(r#"{{"id":"w{i}","text":{value}}}"#) } else { body };
            post(body.into_bytes(), format!("{field} = {value}"))
        }
        3 => {
            let ids = ["[1]", "{\"a\":1}", "true"];
            post(format!(r#"{{"id":{},"text":"Ein Satz."}}"#, ids[rng.below(3)]).into_bytes(), "id type".into())
        }
        // Invalid UTF-8 somewhere in a record.
        4 => {
            let mut b = GOOD.as_bytes().to_vec();
            let at = rng.below(b.len());
            b.insert(at, [0xff, 0xc3, 0x80 | 0x40, 0xed][rng.below(4)]);
            if std::str::from_utf8(&b).is_ok() {
                b.insert(at, 0xff);
            }
            post(b, format!("invalid UTF-8 at {at}"))
        }
        // Empty and blank bodies, JSON that is not an article object, records without text.
        5 => {
            let bodies = [
                "",
                " ",
                "\n\n",
                "\u{feff}",
                "[]",
                "null",
                "42",
                "\"text\"",
                "[1,2]",
                "{}",
                "{\"text\":\"\"}",
                "{\"title\":\"x\"}",
                "{\"html\":\"<p></p>\"}",
            ];
            let b = bodies[rng.below(bodies.len())];
            post(b.as_bytes().to_vec(), format!("body {b:?}"))
        }
        // A batch where one line of many is bad: nothing of it may be stored.
        6 => {
            let n = 2 + rng.below(6);
            let bad = rng.below(n);
            let lines: Vec<String> = (0..n)
                .map(|k| {
                    if k == bad {
                        "{\"id\": \"b\", \"text\": ".to_string()
                    } else {
                        GOOD.replace("ok-1", &format!("m{i}-{k}"))
                    }
                })
                .collect();
            post(lines.join("\n").into_bytes(), format!("batch of {n}, line {} bad", bad + 1))
        }
        // Bad dates.
        7 => post(
            GOOD.replace("2024-10-21", ["gestern", "2024-13-45", "21.10.", "soon"][rng.below(4)]).into_bytes(),
            "bad date".into(),
        ),
        // Huge fields: one record over the per-record limit (kept to a few, they are large).
        8 if i < 40 => {
            let big = "Wort ".repeat(lagebild_server::records::MAX_RECORD_BYTES / 5 + 10);
            post(format!(r#"{{"id":"huge{i}","text":"{big}"}}"#).into_bytes(), "huge text".into())
        }
        8 => post(
            format!(r#"{{"id":"{}","text":"Ein Satz."}}"#, "x".repeat(600 + rng.below(100))).into_bytes(),
            "long id".into(),
        ),
        // Wrong methods and paths.
        9 => {
            let cases = [
                (Method::PUT, "/api/articles"),
                (Method::DELETE, "/api/articles"),
                (Method::PATCH, "/api/articles/x"),
                (Method::GET, "/api/articles"),
                (Method::POST, "/api/stories"),
                (Method::DELETE, "/api/stories/s0"),
                (Method::POST, "/healthz"),
                (Method::PUT, "/api/search"),
                (Method::POST, "/api/nothing"),
                (Method::GET, "/api/stories/s0/extra"),
            ];
            let (m, p) = cases[rng.below(cases.len())].clone();
            (m.clone(), p.to_string(), GOOD.as_bytes().to_vec(), format!("{m} {p}"))
        }
        // Bad query parameters.
        10 => {
            let uris = [
                "/api/stories?limit=abc",
                "/api/stories?limit=0",
                "/api/stories?limit=-5",
                "/api/stories?limit=100000",
                "/api/stories?since=yesterday",
                "/api/stories?since=2024-99-01",
                "/api/search",
                "/api/search?q=",
                "/api/search?q=x&limit=zz",
                "/api/stories/does-not-exist",
                "/api/articles/does-not-exist",
            ];
            (Method::GET, uris[rng.below(uris.len())].to_string(), Vec::new(), "query".into())
        }
        _ => {
            let uris = ["/api/articles?wait=maybe", "/api/articles?wait=2"];
            (Method::POST, uris[rng.below(uris.len())].to_string(), GOOD.as_bytes().to_vec(), "wait".into())
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_malformed_requests_get_json_4xx_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let router = start(dir.path(), None);
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut statuses = std::collections::BTreeMap::new();
    for i in 0..1_000 {
        let (method, uri, body, what) = malformed(i, &mut rng);
        let (status, text) = send(&router, method.clone(), &uri, body).await;
        assert!(status.is_client_error(), "#{i} {what}: {method} {uri} gave {status}: {text}");
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("#{i} {what}: not JSON: {text}"));
        let message = json["error"].as_str().unwrap_or_default();
        assert!(message.len() >= 10, "#{i} {what}: no clear message: {text}");
        *statuses.entry(status.as_u16()).or_insert(0) += 1;
    }
    // Every kind of rejection was exercised.
    for code in [400, 404, 405, 422] {
        assert!(statuses.contains_key(&code), "no {code} among {statuses:?}");
    }
    let health = get_json(&router, "/healthz").await;
    assert_eq!((health["articles"].as_u64(), health["stories"].as_u64()), (Some(0), Some(0)), "{health}");
    // Still serving, and writes still work.
    let (status, text) = send(&router, Method::POST, "/api/articles?wait=true", GOOD).await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    assert_eq!(get_json(&router, "/healthz").await["articles"], 1);
    let (status, _) = send(&router, Method::GET, "/", Body::empty()).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_limit_is_refused_with_413() {
    let dir = tempfile::tempdir().unwrap();
    let router = start(dir.path(), None);
    let line = GOOD.to_string() + "\n";
    let body = line.repeat(lagebild_server::MAX_BODY_BYTES / line.len() + 10);
    let (status, text) = send(&router, Method::POST, "/api/articles", body).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{text}");
    assert!(text.contains("MiB"), "{text}");
    assert_eq!(get_json(&router, "/healthz").await["articles"], 0);
}

/// A client that starts a body and stops sending gets 408 once the idle timeout passes (time is simulated),
/// and the POST slot it held serves the next client.
#[tokio::test(start_paused = true)]
async fn stalled_body_times_out() {
    let dir = tempfile::tempdir().unwrap();
    let router = start(dir.path(), None);
    let first = futures_util::stream::iter([Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"{\"id\":"))]);
    let stalled = Body::from_stream(futures_util::StreamExt::chain(first, futures_util::stream::pending()));
    let (status, body) = send(&router, Method::POST, "/api/articles", stalled).await;
    assert_eq!(status, StatusCode::REQUEST_TIMEOUT, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    assert!(v["error"].as_str().is_some_and(|e| e.contains("stopped sending")), "{v}");
    let (status, body) = send(&router, Method::POST, "/api/articles", GOOD.to_string()).await;
    assert!(status.is_success(), "{status} {body}");
}
