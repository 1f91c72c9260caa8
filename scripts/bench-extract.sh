#!/usr/bin/env bash
# Throughput and memory of `lagebild extract --jsonl` (docs/benchmarks.md, "Extraction"):
#  1. builds release and generates N synthetic German articles of ~2,000 characters (two articles of
#     crates/server/examples/synth_articles.rs joined and cut at a sentence end near 2,000 characters),
#  2. runs `extract --jsonl --what figures,times` on the first 10,000 and on all N records, once with the
#     language detected (`lang` absent) and once with `"lang": "de"` given, printing wall and CPU seconds,
#     articles/s per core (records / CPU seconds) and peak RSS — flat memory means the same RSS for both sizes.
# Usage: scripts/bench-extract.sh [N]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-100000}"
what="${WHAT:-figures,times}"
cargo build --release -p lagebild -p lagebild-server --example synth_articles
target="${CARGO_TARGET_DIR:-target}/release"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$target/examples/synth_articles" $((2 * n)) > "$tmp/synth.jsonl"
python3 - "$tmp" "$n" <<'PY'
import json, sys
tmp, n = sys.argv[1], int(sys.argv[2])
recs = [json.loads(line) for line in open(f"{tmp}/synth.jsonl", encoding="utf-8")]
chars = 0
with open(f"{tmp}/auto.jsonl", "w", encoding="utf-8") as auto, open(f"{tmp}/de.jsonl", "w", encoding="utf-8") as de:
    for k in range(n):
        a, b = recs[2 * k], recs[2 * k + 1]
        text = a["text"] + "\n\n" + b["text"]
        if len(text) > 2000:
            cut = text.rfind(". ", 0, 2000)
            text = text[: cut + 1] if cut > 1500 else text[:2000]
        chars += len(text)
        rec = {"id": a["id"], "text": text, "date": a["published"][:10]}
        auto.write(json.dumps(rec, ensure_ascii=False) + "\n")
        rec["lang"] = "de"
        de.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(f"{n} records, {chars / n:.0f} characters on average")
PY
for variant in auto de; do
  for size in 10000 "$n"; do
    head -n "$size" "$tmp/$variant.jsonl" > "$tmp/in.jsonl"
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$target/lagebild" extract --jsonl --what "$what" "$tmp/in.jsonl" > /dev/null
    read -r wall user sys rss < "$tmp/time"
    awk -v v="$variant" -v n="$size" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
      printf "lang %-4s %7d records: wall %6.1f s (%6.0f/s), CPU %6.1f s, %5.0f articles/s per core, peak RSS %.0f MB\n",
        v, n, w, n / w, u + s, n / (u + s), r / 1024 }'
  done
done
uptime
