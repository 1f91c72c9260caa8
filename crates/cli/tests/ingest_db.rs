//! `lagebild ingest`: the same stories as `analyze`, idempotent, and one process per database folder.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn lagebild(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lagebild")).args(args).stdin(Stdio::null()).output().unwrap()
}

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus").display().to_string()
}

/// Story memberships as sets of article ids (story numbering aside).
fn groups<'a>(stories: impl Iterator<Item = &'a serde_json::Value>) -> BTreeSet<Vec<String>> {
    stories
        .map(|s| {
            let mut ids: Vec<String> =
                s["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect();
            ids.sort();
            ids
        })
        .collect()
}

#[test]
fn ingest_groups_like_analyze_is_idempotent_and_locks_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let db = db.to_str().unwrap();
    let first = lagebild(&["ingest", "--db", db, &corpus()]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let again = lagebild(&["ingest", "--db", db, &corpus()]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success() && stderr.contains("0 new of 45 read"), "{stderr}");

    // While a server has the folder, a second process is refused with a clear message.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .args(["serve", "--db", db, "--addr", &format!("127.0.0.1:{port}")])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut stories = Vec::new();
    while Instant::now() < deadline {
        if let Ok(mut res) = agent.get(format!("http://127.0.0.1:{port}/api/stories?limit=1000")).call() {
            let list: serde_json::Value = serde_json::from_str(&res.body_mut().read_to_string().unwrap()).unwrap();
            for s in list["stories"].as_array().unwrap() {
                let url = format!("http://127.0.0.1:{port}/api/stories/{}", s["id"].as_str().unwrap());
                let body = agent.get(url).call().unwrap().body_mut().read_to_string().unwrap();
                stories.push(serde_json::from_str::<serde_json::Value>(&body).unwrap());
            }
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let locked = lagebild(&["ingest", "--db", db, &corpus()]);
    server.kill().unwrap();
    server.wait().unwrap();
    let stderr = String::from_utf8_lossy(&locked.stderr);
    assert!(!locked.status.success() && stderr.contains("in use by another lagebild process"), "{stderr}");

    let analyzed = lagebild(&["analyze", "--format", "json", &corpus()]);
    let doc: serde_json::Value = serde_json::from_slice(&analyzed.stdout).unwrap();
    assert!(!stories.is_empty());
    assert_eq!(groups(stories.iter()), groups(doc["stories"].as_array().unwrap().iter()));
    // Story by story, the API gives what `analyze` gives (plus the schema version).
    for mut s in stories {
        assert_eq!(s.as_object_mut().unwrap().remove("schema_version"), Some(serde_json::json!(1)));
        let same = doc["stories"].as_array().unwrap().iter().find(|d| d["id"] == s["id"]).unwrap();
        assert_eq!(&s, same, "story {}", s["id"]);
    }
}

#[test]
fn serve_refuses_a_public_address_without_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let out = lagebild(&["serve", "--db", db.to_str().unwrap(), "--addr", "0.0.0.0:0"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--token"), "{stderr}");
    assert!(!db.exists(), "nothing is created before the address is accepted");
}
