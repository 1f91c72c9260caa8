#!/usr/bin/env python3
"""Consistency checker for the lagebild example corpus and its gold labels.

Usage:  python3 examples/check_gold.py [-v]

Stdlib only. Verifies that every string in examples/gold.json (titles,
boilerplate, body sentences, figure/time surfaces, quote speakers and
content starts) occurs verbatim in the visible text of the article it
belongs to, that the gold file is internally consistent, and that the
corpus meets its size/format targets. Exit code 0 = pass, 1 = failures.

Comparison is done after collapsing every run of whitespace to a single
space (in both the needle and the haystack); otherwise it is exact and
case-sensitive.
"""
import datetime as dt
import gzip
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
GOLD = os.path.join(HERE, "gold.json")
VERBOSE = "-v" in sys.argv

NS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
APPROX = {"exact", "about", "more_than", "at_least", "less_than", "at_most"}
QUOTE_KINDS = {"direct", "indirect", "according_to"}
AGENCIES = {None, "dpa", "AFP", "Reuters", "AP", "KNA", "Yonhap", "Kyodo", "Keystone-SDA"}
TIME_MODS = {None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS"}
TIME_VALUE = re.compile(
    r"^(\d{2,4}(-\d{2}(-\d{2}(T(\d{2}:\d{2}([+-]\d{2}:\d{2})?|MO|AF|EV|NI))?)?|-W\d{2}(-WE)?|-(SP|SU|FA|WI))?"
    r"|P(T?(\d+|X)[YMWDHS])+|PRESENT_REF|PAST_REF|FUTURE_REF)$")
WEEKDAYS = {
    0: ("Montag", "Monday"), 1: ("Dienstag", "Tuesday"), 2: ("Mittwoch", "Wednesday"),
    3: ("Donnerstag", "Thursday"), 4: ("Freitag", "Friday"), 5: ("Samstag", "Saturday"),
    6: ("Sonntag", "Sunday"),
}
# "Nacht zu Freitag" = the night that *starts* on Thursday, so skip the weekday test there
NIGHT_TO = re.compile(r"Nacht (zu|zum|auf)|overnight into|overnight on", re.I)

errors = []


def err(src, msg):
    errors.append(f"{src}: {msg}")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def strip_tags(markup):
    markup = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", " ", markup)
    markup = re.sub(r"(?s)<!--.*?-->", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</(p|div|li|h[1-6]|tr|td|ul|ol|article|aside|header|footer|nav)>", "\n", markup)
    markup = re.sub(r"(?s)<[^>]+>", " ", markup)
    return html.unescape(markup)


def html_charset(raw):
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", raw[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else "utf-8"


_feed_cache, _jsonl_cache = {}, {}


def load(source):
    """Return (visible_text, title_candidates, meta) for one gold source."""
    path, _, idx = source.partition("#")
    full = os.path.join(CORPUS, path)
    meta = {"path": path}
    if path.endswith(".txt.gz"):
        text = gzip.open(full, "rb").read().decode("utf-8")
        meta["format"] = "gz"
        return text, [text], meta
    if path.endswith(".txt"):
        text = open(full, "rb").read().decode("utf-8")
        meta["format"] = "txt"
        return text, [text], meta
    if path.endswith(".html"):
        raw = open(full, "rb").read()
        cs = html_charset(raw)
        meta["format"] = "html"
        meta["charset"] = cs
        doc = raw.decode(cs)
        m = re.search(r"(?is)<title>(.*?)</title>", doc)
        art = re.search(r"(?is)<article\b.*?</article>", doc)
        pub = re.search(r'article:published_time" content="([^"]+)"', doc)
        site = re.search(r'og:site_name" content="([^"]+)"', doc)
        meta["published"] = pub.group(1) if pub else None
        meta["outlet"] = html.unescape(site.group(1)) if site else None
        meta["article_text"] = strip_tags(art.group(0)) if art else ""
        text = strip_tags(doc)
        return text, [text, html.unescape(m.group(1)) if m else ""], meta
    if path.endswith(".xml"):
        if full not in _feed_cache:
            _feed_cache[full] = ET.parse(full).getroot()
        root = _feed_cache[full]
        chan = root.find("channel")
        items = chan.findall("item")
        item = items[int(idx) - 1]
        body = item.findtext(NS_CONTENT) or item.findtext("description") or ""
        title = item.findtext("title") or ""
        meta["format"] = "feed"
        meta["outlet"] = chan.findtext("title")
        meta["published"] = parsedate_to_datetime(item.findtext("pubDate")).isoformat()
        meta["n_items"] = len(items)
        text = strip_tags(body)
        meta["article_text"] = text
        return text, [title], meta
    if path.endswith(".jsonl"):
        if full not in _jsonl_cache:
            with open(full, encoding="utf-8") as f:
                _jsonl_cache[full] = [json.loads(l) for l in f if l.strip()]
        rec = _jsonl_cache[full][int(idx) - 1]
        for k in ("id", "title", "url", "published", "outlet", "lang"):
            if k not in rec:
                err(source, f"JSONL record lacks field {k!r}")
        if ("text" in rec) == ("html" in rec):
            err(source, "JSONL record must have exactly one of 'text' / 'html'")
        text = rec["text"] if "text" in rec else strip_tags(rec["html"])
        meta.update(format="jsonl", outlet=rec.get("outlet"), published=rec.get("published"),
                    lang=rec.get("lang"), has_html="html" in rec, article_text=text)
        return text, [rec.get("title", "")], meta
    raise ValueError(f"unknown format: {path}")


def contains(hay, needle):
    return norm(needle) in hay


def check_time_value(src, t):
    v, txt = t.get("value"), t.get("text", "")
    if not isinstance(v, str) or not TIME_VALUE.match(v):
        err(src, f"time {txt!r}: malformed value {v!r}")
        return
    if t.get("mod") not in TIME_MODS:
        err(src, f"time {txt!r}: unknown mod {t.get('mod')!r}")
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", v)
    if m and not NIGHT_TO.search(txt):
        wd = dt.date.fromisoformat(m.group(1)).weekday()
        for k, names in WEEKDAYS.items():
            if any(n in txt for n in names) and k != wd:
                err(src, f"time {txt!r}: value {v} is a {WEEKDAYS[wd][1]}, text names {names[1]}")


def main():
    gold = json.load(open(GOLD, encoding="utf-8"))
    stories = {s["id"]: s for s in gold["stories"]}
    if len(stories) != len(gold["stories"]):
        err("gold", "duplicate story ids")
    arts = gold["articles"]
    sources = [a["source"] for a in arts]
    if len(set(sources)) != len(sources):
        err("gold", "duplicate article sources")
    src_set = set(sources)

    stats = {"files": set(), "formats": {}, "latin1": 0, "jsonl_html": 0, "words": []}
    per_story = {}
    for a in arts:
        src = a["source"]
        for k in ("story", "language", "outlet", "published", "title", "wire_of", "wire_agency",
                  "boilerplate", "body_must_contain", "figures", "times", "quotes"):
            if k not in a:
                err(src, f"missing key {k!r}")
        if a["story"] not in stories:
            err(src, f"unknown story {a['story']!r}")
        per_story.setdefault(a["story"], []).append(a)
        if a["language"] not in ("de", "en"):
            err(src, f"bad language {a['language']!r}")
        try:
            text, titles, meta = load(src)
        except Exception as e:  # noqa: BLE001
            err(src, f"cannot load: {e}")
            continue
        stats["files"].add(meta["path"])
        stats["formats"].setdefault(meta["format"], set()).add(meta["path"])
        if meta.get("charset") in ("iso-8859-1", "latin-1", "latin1", "windows-1252"):
            stats["latin1"] += 1
        if meta.get("has_html"):
            stats["jsonl_html"] += 1
        hay = norm(text)

        # title
        if not any(contains(norm(t), a["title"]) for t in titles if t):
            err(src, f"title not found: {a['title']!r}")
        # outlet
        if a["outlet"] is not None:
            if meta.get("outlet") is not None:
                if meta["outlet"] != a["outlet"]:
                    err(src, f"outlet {a['outlet']!r} != metadata {meta['outlet']!r}")
            elif a["outlet"] not in text:
                err(src, f"outlet {a['outlet']!r} not named in the text")
        # published
        pub = a["published"]
        if pub is not None:
            try:
                dt.datetime.fromisoformat(pub) if "T" in pub else dt.date.fromisoformat(pub)
            except ValueError:
                err(src, f"published not ISO 8601: {pub!r}")
            if meta.get("published") and dt.datetime.fromisoformat(meta["published"]) != dt.datetime.fromisoformat(pub):
                err(src, f"published {pub} != metadata {meta['published']}")
        if meta.get("lang") and meta["lang"] != a["language"]:
            err(src, f"language {a['language']} != record lang {meta['lang']}")
        # wire
        if a["wire_of"] is not None:
            if a["wire_of"] not in src_set or a["wire_of"] == src:
                err(src, f"wire_of points to unknown source {a['wire_of']!r}")
            if not a["wire_agency"]:
                err(src, "wire_of set but wire_agency is null")
        if a["wire_agency"] not in AGENCIES:
            err(src, f"unknown wire_agency {a['wire_agency']!r}")
        if a["wire_agency"] and f"({a['wire_agency']})" not in text and "Quelle: " + a["wire_agency"] not in text:
            err(src, f"wire agency {a['wire_agency']} not credited in text")

        # verbatim strings
        for b in a["boilerplate"]:
            if not contains(hay, b):
                err(src, f"boilerplate not found: {b!r}")
        if len(a["body_must_contain"]) < 1:
            err(src, "body_must_contain is empty")
        for b in a["body_must_contain"]:
            if not contains(hay, b):
                err(src, f"body sentence not found: {b!r}")
            for bp in a["boilerplate"]:
                if norm(bp) and norm(bp) in norm(b):
                    err(src, f"body sentence {b!r} contains boilerplate {bp!r}")
        for f in a["figures"]:
            if not contains(hay, f["text"]):
                err(src, f"figure not found: {f['text']!r}")
            if f.get("approx") not in APPROX:
                err(src, f"figure {f['text']!r}: bad approx {f.get('approx')!r}")
            if f.get("value") is not None and not isinstance(f["value"], (int, float)):
                err(src, f"figure {f['text']!r}: value must be a number or null")
            for k in ("unit", "thing", "source"):
                if k not in f:
                    err(src, f"figure {f['text']!r}: missing {k!r}")
            if f.get("source") and not contains(hay, f["source"]):
                err(src, f"figure source not found: {f['source']!r}")
        if not a["figures"]:
            err(src, "no figures")
        for t in a["times"]:
            if not contains(hay, t["text"]):
                err(src, f"time not found: {t['text']!r}")
            check_time_value(src, t)
        for q in a["quotes"]:
            if q.get("kind") not in QUOTE_KINDS:
                err(src, f"quote: bad kind {q.get('kind')!r}")
            if not contains(hay, q["speaker"]):
                err(src, f"quote speaker not found: {q['speaker']!r}")
            if not contains(hay, q["content_starts"]):
                err(src, f"quote content not found: {q['content_starts']!r}")

        # word count of the cleaned article body (rough: boilerplate removed)
        body = norm(meta.get("article_text") or text)
        for b in sorted(a["boilerplate"], key=len, reverse=True):
            body = body.replace(norm(b), " ")
        n = len(body.split())
        stats["words"].append(n)
        if not 150 <= n <= 450:
            err(src, f"article length {n} words outside 150..450")
        if VERBOSE:
            print(f"ok  {src:70s} {a['language']} {n:4d} words  fig={len(a['figures'])} "
                  f"time={len(a['times'])} quote={len(a['quotes'])}")

    # every corpus file must be covered by gold
    on_disk = set()
    for root, _, files in os.walk(CORPUS):
        for fn in files:
            on_disk.add(os.path.relpath(os.path.join(root, fn), CORPUS).replace(os.sep, "/"))
    for p in sorted(on_disk - stats["files"]):
        err("corpus", f"file without gold entry: {p}")
    for fp, items in _feed_cache.items():
        n = len(items.find("channel").findall("item"))
        used = sum(1 for s in sources if os.path.join(CORPUS, s.split("#")[0]) == fp)
        if n != used:
            err("corpus", f"{fp}: {n} items but {used} gold entries")
    for fp, recs in _jsonl_cache.items():
        used = sum(1 for s in sources if os.path.join(CORPUS, s.split("#")[0]) == fp)
        if len(recs) != used:
            err("corpus", f"{fp}: {len(recs)} records but {used} gold entries")

    # corpus-level targets
    outlets = {a["outlet"] for a in arts if a["outlet"]}
    langs = {a["language"] for a in arts}
    fmts = {k: len(v) for k, v in stats["formats"].items()}
    n_feed_items = sum(1 for a in arts if ".xml#" in a["source"])
    n_jsonl = sum(1 for a in arts if ".jsonl#" in a["source"])
    wire_groups = {}
    for a in arts:
        if a["wire_of"]:
            wire_groups.setdefault(a["wire_of"], []).append(a["source"])
    targets = [
        ("articles >= 44", len(arts) >= 44),
        ("stories >= 9", len(stories) >= 9),
        ("every story has >= 3 articles", all(len(per_story.get(s, [])) >= 3 for s in stories)),
        ("outlets >= 7", len(outlets) >= 7),
        ("languages de+en", langs == {"de", "en"}),
        ("german share >= 55%", sum(a["language"] == "de" for a in arts) / max(len(arts), 1) >= 0.55),
        ("html files >= 4", fmts.get("html", 0) >= 4),
        ("a latin-1 html page", stats["latin1"] >= 1),
        ("rss feed files >= 1 with >= 4 items", fmts.get("feed", 0) >= 1 and n_feed_items >= 4),
        ("jsonl files >= 1 with >= 6 records", fmts.get("jsonl", 0) >= 1 and n_jsonl >= 6),
        ("a jsonl record with html", stats["jsonl_html"] >= 1),
        ("gzip files >= 1", fmts.get("gz", 0) >= 1),
        ("a wire text printed by >= 3 outlets", any(len(v) >= 2 for v in wire_groups.values())),
    ]
    for name, ok in targets:
        if not ok:
            err("targets", f"failed: {name}")

    print(f"articles: {len(arts)}  stories: {len(stories)}  outlets: {len(outlets)}  "
          f"de: {sum(a['language'] == 'de' for a in arts)}  en: {sum(a['language'] == 'en' for a in arts)}")
    print("files per format:", ", ".join(f"{k}={v}" for k, v in sorted(fmts.items())),
          f"(feed items={n_feed_items}, jsonl records={n_jsonl})")
    w = stats["words"]
    if w:
        print(f"body words: min {min(w)}, max {max(w)}, mean {sum(w) // len(w)}")
    if errors:
        print(f"\nFAILED with {len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: gold labels consistent with corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
