#!/usr/bin/env bash
# Load benchmark of `lagebild serve` (docs/benchmarks.md, "Serve"):
#  1. builds release, generates N synthetic German articles (crates/server/examples/synth_articles.rs),
#  2. starts `lagebild serve` on a fresh database and posts them as JSON Lines batches (BATCH per request,
#     CLIENTS requests in flight) — each POST is answered only after its batch is committed (WAL,
#     synchronous=FULL) — and reports acknowledged articles/s, then the time until the worker has analysed,
#     clustered and indexed everything,
#  3. runs wrk against GET /api/stories/{id} over random story ids: once at full speed, once at RATE req/s
#     (wrk2-style pacing is not available in Debian's wrk, so the paced run uses one connection per thread and
#     a per-request delay in the Lua script), printing p50/p99.
# Installs wrk with apt-get when missing. Usage: scripts/bench-serve.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-12000}"
batch="${BATCH:-500}"
clients="${CLIENTS:-2}"
duration="${DURATION:-20s}"

if ! command -v wrk >/dev/null; then
  echo "wrk missing: apt-get install -y wrk"
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else sudo apt-get install -y wrk >/dev/null; fi
fi

cargo build --release -p lagebild -p lagebild-server --example synth_articles
target="${CARGO_TARGET_DIR:-target}/release"

tmp="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$target/examples/synth_articles" "$n" >"$tmp/articles.jsonl"
mkdir "$tmp/batches"
split -l "$batch" -d -a 5 "$tmp/articles.jsonl" "$tmp/batches/b"
echo "== $n synthetic articles ($(du -h "$tmp/articles.jsonl" | cut -f1)), $(ls "$tmp/batches" | wc -l) batches of $batch"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$target/lagebild" serve --db "$tmp/db" --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

now() { date +%s.%N; }
start="$(now)"
ls "$tmp/batches"/* | xargs -P "$clients" -I{} \
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/x-ndjson' --data-binary @{} "$base/api/articles"
acked="$(now)"
while [ "$(curl -fsS "$base/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pending"])')" != 0 ]; do
  sleep 0.2
done
done_at="$(now)"
health="$(curl -fsS "$base/healthz")"
python3 - "$n" "$start" "$acked" "$done_at" "$health" <<'EOF'
import json, sys
n, start, acked, done = int(sys.argv[1]), *map(float, sys.argv[2:5])
h = json.loads(sys.argv[5])
print(f"ingest through the API (durable): {n} articles in {acked - start:.2f} s = {n / (acked - start):.0f} articles/s")
print(f"analysed, clustered, indexed:     {n} articles in {done - start:.2f} s = {n / (done - start):.0f} articles/s (end to end)")
print(f"store: {h['articles']} articles, {h['stories']} stories")
EOF

curl -fsS "$base/api/stories?limit=1000" | python3 -c 'import json,sys; [print(s["id"]) for s in json.load(sys.stdin)["stories"]]' >"$tmp/ids"
cat >"$tmp/stories.lua" <<'EOF'
local ids = {}
local delay_ms = 0
function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  delay_ms = tonumber(args[2] or "0")
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
function request()
  return wrk.format("GET", "/api/stories/" .. ids[math.random(#ids)])
end
function delay()
  return delay_ms
end
EOF
echo "== GET /api/stories/{id} over $(wc -l <"$tmp/ids") stories, full speed (2 threads, 16 connections, $duration)"
wrk -t2 -c16 -d"$duration" --latency -s "$tmp/stories.lua" "$base" -- "$tmp/ids" 0 | tee "$tmp/wrk-full.txt"
# About 200 req/s: 8 connections, each waiting 40 ms between requests (plus the request's own time).
echo "== GET /api/stories/{id} paced to about 200 req/s (2 threads, 8 connections, 40 ms delay, $duration)"
wrk -t2 -c8 -d"$duration" --latency -s "$tmp/stories.lua" "$base" -- "$tmp/ids" 40 | tee "$tmp/wrk-paced.txt"
for f in full paced; do
  awk -v run="$f" '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rps=$2} END {printf "%s: p50 %s, p99 %s, %s req/s\n", run, p50, p99, rps}' "$tmp/wrk-$f.txt"
done
