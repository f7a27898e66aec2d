#!/usr/bin/env python3
"""Writes a synthetic breather journey (schema v1) for benchmarks.

    bench/synth.py DAYS OUT_DIR     # e.g. 365 /tmp/year  ->  /tmp/year/breather.json

Seven reflections, a verdict on day 8, then every day a journal entry of
about 400 characters with a mood and an activity; a slip every 97 days and
an urge every 7. Deterministic: the same DAYS gives the same file.
"""
import datetime as dt
import json
import os
import sys

WORDS = ("morning walk coffee friend class clay paint river trip letter quiet "
         "laugh bread market music book club hike rain window garden").split()
CATS = ["trip", "club", "class", "creative", "food", "social", "adventure", "fitness", "other"]


def text(seed, length=400):
    out, i = [], seed
    while sum(len(w) + 1 for w in out) < length:
        i = (i * 1103515245 + 12345) % 2**31
        out.append(WORDS[i % len(WORDS)])
    return " ".join(out).capitalize() + "."


def main():
    days, out_dir = int(sys.argv[1]), sys.argv[2]
    start = dt.date(2020, 1, 1)
    stamp = lambda d, h=8: f"{d.isoformat()}T{h:02d}:00:00Z"
    j = {"schema_version": 1, "reflections": [], "verdict": None, "slips": [], "exceptions": [],
         "checkpoints": [], "activities": [], "journal": [], "urges": [], "drafts": []}
    for i in range(7):
        d = start + dt.timedelta(days=i)
        j["reflections"].append({"id": i + 1, "date": d.isoformat(), "written_at": stamp(d),
                                 "text": text(i), "motive": "reconnect"})
    decided = start + dt.timedelta(days=7)
    j["verdict"] = {"path": "move_on", "decided_on": decided.isoformat(),
                    "started_on": decided.isoformat(), "target_days": 30}
    for n in range(days):
        d = decided + dt.timedelta(days=n)
        j["journal"].append({"id": n + 1, "date": d.isoformat(), "written_at": stamp(d, 21),
                             "text": text(n + 100), "mood": 1 + n % 5})
        j["activities"].append({"id": n + 1, "date": d.isoformat(), "title": text(n, 20)[:40],
                                "category": CATS[n % len(CATS)], "rating": 1 + n % 5, "note": None,
                                "share": n % 3 == 0, "they_would_like": n % 11 == 0,
                                "created_at": stamp(d, 19)})
        if n % 97 == 96:
            j["slips"].append({"id": len(j["slips"]) + 1, "date": d.isoformat(), "note": None,
                               "recorded_at": stamp(d, 22)})
        if n % 7 == 3:
            j["urges"].append({"id": len(j["urges"]) + 1, "written_at": stamp(d, 23), "text": text(n, 120)})
    os.makedirs(out_dir, mode=0o700, exist_ok=True)
    path = os.path.join(out_dir, "breather.json")
    with open(path, "w") as f:
        json.dump(j, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.chmod(path, 0o600)
    last = decided + dt.timedelta(days=days - 1)
    print(f"{path}: {days} days, last day {last.isoformat()}, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
