"""Unlabelled German text for the word clusters (`clusters_de.txt`, built by `examples/cluster_words.rs`).

    python3 crates/extract/data/entities/cluster_corpus.py ../shared/data > /tmp/lagebild-de-corpus.txt

Only text, no labels: the quotation texts of `quotes-de/train.jsonl`, the visible text of the `html-de`
pages, and the sentences of the GermEval training part (`ner-de/dev.jsonl` records that
`model::is_held_out` keeps for training; the held-out third is left out so that its words shape nothing).
One paragraph per line.
"""
import gzip
import html
import json
import re
import sys
from pathlib import Path

FNV = 0xCBF29CE484222325


def held_out(id_):
    # model.rs `hs(0, id)`: FNV-1a over the template byte 0, then the id's bytes
    h = FNV
    for b in b"\x00" + id_.encode():
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 3 == 0


def main(root):
    root = Path(root)
    out = sys.stdout
    for line in open(root / "quotes-de/train.jsonl", encoding="utf-8"):
        r = json.loads(line)
        for p in (r.get("title") or "", r.get("text") or ""):
            for para in p.split("\n"):
                if para.strip():
                    out.write(para.strip() + "\n")
    drop = re.compile(r"<(script|style|noscript|svg)\b.*?</\1>", re.S | re.I)
    block = re.compile(r"</?(p|div|br|li|h[1-6]|tr|td|section|article|header|footer|nav)\b[^>]*>", re.I)
    for f in sorted((root / "html-de/pages").glob("*.gz")):
        raw = gzip.open(f).read().decode("utf-8", "replace")
        raw = block.sub("\n", drop.sub(" ", raw))
        txt = html.unescape(re.sub(r"<[^>]+>", " ", raw))
        for para in txt.split("\n"):
            para = " ".join(para.split())
            if len(para) >= 40 and sum(c.isalpha() for c in para) > 0.6 * len(para):
                out.write(para + "\n")
    for line in open(root / "ner-de/dev.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if not held_out(r["id"]):
            out.write(r["text"] + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
