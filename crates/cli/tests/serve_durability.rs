//! Durability of `lagebild serve`: SIGKILL in the middle of a bulk ingest, restart, and every article whose POST
//! was acknowledged is there, analysed, in a story that lists it.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// Starts `lagebild serve` and waits for `/healthz`.
fn serve(db: &std::path::Path, port: u16, log: &std::path::Path) -> Child {
    let log = std::fs::File::create(log).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if agent().get(format!("http://127.0.0.1:{port}/healthz")).call().is_ok_and(|r| r.status() == 200) {
            return child;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("lagebild serve exited with {status}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().ok();
    child.wait().ok();
    panic!("no /healthz after 60 s");
}

fn get_json(port: u16, path: &str) -> serde_json::Value {
    let mut res = agent().get(format!("http://127.0.0.1:{port}{path}")).call().unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    serde_json::from_str(&res.body_mut().read_to_string().unwrap()).unwrap()
}

/// A small German article; events repeat so that stories form.
fn record(batch: usize, k: usize) -> String {
    let event = (batch * 7 + k) % 9;
    let places = ["Hamburg", "Köln", "Leipzig", "Bremen", "Kassel", "Ulm", "Trier", "Jena", "Passau"];
    let place = places[event];
    let outlet = ["NDR", "WDR", "MDR"][k % 3];
    serde_json::json!({
        "id": format!("d{batch}-{k}"),
        "title": format!("Brand in {place}"),
        "published": format!("2024-10-{:02}", 10 + event),
        "outlet": outlet,
        "text": format!(
            "In {place} hat am Montag eine Lagerhalle gebrannt. Die Feuerwehr war nach eigenen Angaben mit {} \
             Kräften im Einsatz, teilte ein Sprecher mit. Verletzt wurde niemand.\n\nDer Schaden wird auf {} \
             Euro geschätzt.",
            40 + k,
            100_000 * (event + 1)
        ),
    })
    .to_string()
}

#[test]
fn sigkill_during_bulk_ingest_loses_no_acknowledged_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let port = free_port();
    let mut server = serve(&db, port, &dir.path().join("serve1.log"));

    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let batches_acked = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let client = {
        let (acked, batches_acked, stop) = (acked.clone(), batches_acked.clone(), stop.clone());
        std::thread::spawn(move || {
            let agent = agent();
            for batch in 0.. {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let ids: Vec<String> = (0..25).map(|k| format!("d{batch}-{k}")).collect();
                let body = (0..25).map(|k| record(batch, k)).collect::<Vec<_>>().join("\n");
                match agent.post(format!("http://127.0.0.1:{port}/api/articles")).send(body) {
                    Ok(res) if res.status().is_success() => {
                        acked.lock().unwrap().extend(ids);
                        batches_acked.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(res) => panic!("batch {batch}: HTTP {}", res.status()),
                    // The server was killed: this batch may or may not be stored, but it was not acknowledged.
                    Err(_) => break,
                }
            }
        })
    };
    // Kill while the client is still posting and the worker is still analysing.
    let deadline = Instant::now() + Duration::from_secs(60);
    while batches_acked.load(Ordering::SeqCst) < 40 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill().unwrap(); // SIGKILL on unix
    server.wait().unwrap();
    stop.store(true, Ordering::SeqCst);
    client.join().unwrap();
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 40 * 25, "only {} articles acknowledged before the kill", acked.len());

    let mut server = serve(&db, port, &dir.path().join("serve2.log"));
    let at_restart = get_json(port, "/healthz");
    eprintln!("{} articles acknowledged before SIGKILL; after restart: {at_restart}", acked.len());
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let health = get_json(port, "/healthz");
        if health["pending"] == 0 {
            assert!(health["articles"].as_u64().unwrap() >= acked.len() as u64, "{health}");
            break;
        }
        assert!(Instant::now() < deadline, "still pending after 120 s: {health}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut stories = std::collections::HashMap::new();
    for id in &acked {
        let article = get_json(port, &format!("/api/articles/{id}"));
        assert_eq!(article["status"], "analyzed", "{id}");
        let story = article["story"].as_str().unwrap().to_string();
        let members = stories.entry(story.clone()).or_insert_with(|| get_json(port, &format!("/api/stories/{story}")));
        assert!(
            members["articles"].as_array().unwrap().iter().any(|a| a == id.as_str()),
            "story {story} does not list {id}"
        );
    }
    server.kill().unwrap();
    server.wait().unwrap();
}
