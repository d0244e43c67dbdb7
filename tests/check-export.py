#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end checks of the headless export, as a tool author would use it:
`synopsis --export=json|text [--segment=…] [--output=FILE] FILE…`.

Usage: check-export.py SYNOPSIS SAMPLE_DIR
Prints TAP.
"""
import json
import os
import subprocess
import sys
import tempfile

synopsis, sample_dir = sys.argv[1], sys.argv[2]
samples = sorted(os.path.join(sample_dir, f) for f in os.listdir(sample_dir) if f.endswith(".txt"))
results = []


def check(name):
    def wrap(fn):
        try:
            fn()
            results.append((True, name, ""))
        except AssertionError as e:
            results.append((False, name, str(e)))
        return fn
    return wrap


def run(*args, **kw):
    env = dict(os.environ)
    env.pop("DISPLAY", None)          # the export needs no display
    env.pop("WAYLAND_DISPLAY", None)
    # Build sandboxes may name a locale they have no data for, which GTK
    # warns about (fatally, in tests): use the one every libc has.
    env["LC_ALL"] = "C.UTF-8"
    return subprocess.run([synopsis, *args], capture_output=True, env=env, timeout=60, **kw)


def export(*args):
    r = run("--export=json", *args)
    assert r.returncode == 0, f"exit {r.returncode}: {r.stderr.decode(errors='replace')}"
    return json.loads(r.stdout)


@check("json follows the synopsis-comparison schema")
def _():
    e = export(*samples)
    assert e["format"] == "synopsis-comparison" and e["version"] == 1
    assert [s["id"] for s in e["sources"]] == list(range(len(samples)))
    assert [s["path"] for s in e["sources"]] == samples
    for s in e["sources"]:
        assert s["encoding"] == "UTF-8" and s["title"]
    ids = [p["id"] for p in e["passages"]]
    assert ids == list(range(len(ids)))
    assert all(p["kind"] in ("title", "body", "boilerplate") for p in e["passages"])
    seen = set()
    for g in e["groups"]:
        assert 0.0 <= g["score"] <= 1.0
        assert len(g["passages"]) >= 2
        for pid in g["passages"]:
            assert pid not in seen, f"passage {pid} in two groups"
            seen.add(pid)
            assert e["passages"][pid]["kind"] != "boilerplate"
    kinds = {"added", "changed", "number", "quote"}
    for d in e["divergences"]:
        p = e["passages"][d["passage"]]
        assert d["kind"] in kinds
        assert p["start"] <= d["start"] < d["end"] <= p["end"], d


@check("passage offsets are byte offsets into the files on disk")
def _():
    e = export(*samples)
    raw = [open(p, "rb").read() for p in samples]
    for p in e["passages"]:
        assert raw[p["source"]][p["start"]:p["end"]].decode("utf-8") == p["text"], p
    for s in range(len(samples)):
        mine = [p for p in e["passages"] if p["source"] == s]
        assert mine, "every source has passages"
        assert all(a["end"] <= b["start"] for a, b in zip(mine, mine[1:])), "passages in text order"


@check("the sample's versions are aligned")
def _():
    e = export(*samples)
    src = {p["id"]: p["source"] for p in e["passages"]}
    full = [g for g in e["groups"] if len({src[i] for i in g["passages"]}) == len(samples)]
    assert len(full) >= 3, f"only {len(full)} groups span every source"


@check("line and paragraph units")
def _():
    lines = export("--segment=line", samples[0])
    text = open(samples[0], "rb").read()
    nonblank = [l for l in text.split(b"\n") if l.strip()]
    assert len(lines["passages"]) == len(nonblank)
    paras = export("--segment=paragraph", samples[0])
    blocks = [b for b in text.replace(b"\r", b"").split(b"\n\n") if b.strip()]
    assert len(paras["passages"]) == len(blocks), (len(paras["passages"]), len(blocks))


@check("text export lists the groups")
def _():
    r = run("--export=text", *samples)
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "[1]" in out and f"[{len(samples)}]" in out
    assert "sources" in out
    # One line says what the marks and the scores mean, before the groups.
    legend = [l for l in out.splitlines() if l.startswith("Legend:")]
    assert len(legend) == 1, legend
    assert all(m in legend[0] for m in ("= ", "~ ", "+ ", "score")), legend[0]
    assert out.index("Legend:") < out.index("\n— in ")


@check("--output writes the file and nothing on stdout")
def _():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.json")
        r = run("--export=json", "--output", out, *samples)
        assert r.returncode == 0 and r.stdout == b""
        assert json.load(open(out))["format"] == "synopsis-comparison"


@check("an unreadable file: exit 1, its name on stderr, nothing on stdout")
def _():
    with tempfile.TemporaryDirectory() as d:
        missing = os.path.join(d, "gone.txt")
        r = run("--export=json", samples[0], missing)
        assert r.returncode == 1 and r.stdout == b""
        assert b"gone.txt" in r.stderr


@check("the compared files are left untouched")
def _():
    before = [(os.stat(p).st_mtime_ns, open(p, "rb").read()) for p in samples]
    export(*samples)
    after = [(os.stat(p).st_mtime_ns, open(p, "rb").read()) for p in samples]
    assert before == after


@check("bad options are refused with a message")
def _():
    r = run("--export=xml", samples[0])
    assert r.returncode == 1 and b"xml" in r.stderr and r.stdout == b""
    r = run("--export=json", "--segment=word", samples[0])
    assert r.returncode == 1 and b"word" in r.stderr and r.stdout == b""


print(f"1..{len(results)}")
for i, (ok, name, why) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in why.splitlines() or ["(assertion failed)"]:
            print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
