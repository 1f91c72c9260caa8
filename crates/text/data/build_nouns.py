#!/usr/bin/env python3
"""Rebuild `nouns_de.tsv.gz` (German noun lemmas with their nominative plural) from a registry package.

    pip download --no-deps -d /tmp/gz german-nouns==1.2.5
    for f in /tmp/gz/*.whl; do unzip -oq "$f" -d /tmp/gz/x; done
    python3 crates/text/data/build_nouns.py /tmp/gz/x

Source: PyPI `german-nouns` 1.2.5 (German Wiktionary, CC BY-SA 4.0). Output: lower-case `lemma<TAB>plural`
lines (plural empty when there is none), sorted, gzip without a timestamp so that rebuilds are byte-identical.
"""
import csv, gzip, io, os, sys

SKIP = {"Toponym", "Vorname", "Nachname", "Eigenname", "Abkürzung", "Straßenname", "Buchstabe", "Symbol",
        "Affix", "Gebundenes Lexem"}
rows = {}
with open(os.path.join(sys.argv[1], "german_nouns/nouns.csv"), encoding="utf-8") as f:
    r = csv.reader(f)
    head = next(r)
    plural = [i for i, h in enumerate(head) if h.startswith("nominativ plural")]
    for row in r:
        lemma, pos = row[0], set(row[1].split(","))
        if "Substantiv" not in pos or pos & SKIP:
            continue
        if not (lemma.isalpha() and lemma[0].isupper() and not lemma.isupper()):
            continue
        pl = next((row[i] for i in plural if row[i] and row[i].isalpha()), "")
        key = lemma.lower()
        # the first entry of a lemma wins (Wiktionary lists the common sense first)
        rows.setdefault(key, pl.lower())
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nouns_de.tsv.gz")
text = "".join(f"{k}\t{v}\n" for k, v in sorted(rows.items()))
with open(out, "wb") as f:
    with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
        g.write(text.encode("utf-8"))
print(f"{len(rows)} lemmas -> {out}")
