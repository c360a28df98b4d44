"""Import about 1,000 mixed files through the CLI and check every one gets one clean line.

    .venv/bin/python bench/bench_mixed_import.py [--count 1000]

The folder mixes good UAs (the repository's corpora), partial pastes (cut at 25/50/75%),
hostile files (binary, empty, huge lines, deep HTML, a MIME bomb, invalid UTF-8), foreign
documents (news text, a CSV, a recipe, an unrelated e-mail) and the app's own outputs
(letters, reports, labels, envelopes, event files) made by the CLI. It prints the counts per
outcome, the files without exactly one line, and every "internal error" (must be 0).
Then it imports near-miss documents into a store that holds the corpora's cases: follow-ups
and reports that carry another case's number but another country or other people. Any of
them that changed a case without confirmation is counted (must be 0).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [
    ROOT / "tests" / "fixtures" / "ua-samples",
    ROOT / "tests" / "unit" / "importing" / "heldout",
    ROOT / "tests" / "unit" / "importing" / "blind",
    ROOT / "tests" / "unit" / "importing" / "blind3",
    ROOT / "tests" / "unit" / "importing" / "blind4",
    ROOT / "tests" / "unit" / "importing" / "real_layouts",
]
INPUTS = ROOT / "tests" / "unit" / "importing" / "inputs"
CLI = [sys.executable, "-m", "app"]

FOREIGN = [
    "Council meeting minutes\n\nThe council approved the new bus timetable. Next meeting: 4 May.\n",
    "name,amount,date\nbread,2.40,2024-05-01\nmilk,1.10,2024-05-02\n",
    "Lemon cake\n\n200 g flour, 3 eggs, 1 lemon. Bake for 40 minutes at 180 degrees.\n",
    "From: friend@mail.example\nSubject: Saturday\n\nAre we still meeting on Saturday at the stall?\n",
]


FAILED: list[str] = []  # the CLI commands that did not do their part, and why


def _run(data: Path, *args: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    """``appeal-desk --data-dir data args``; an exit status outside ``ok`` is noted in FAILED
    with the end of what the command said (``import`` exits 1 when it refused a file)."""
    done = subprocess.run(
        [*CLI, "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=ROOT,
    )
    if done.returncode not in ok or "Traceback (most recent call last)" in done.stderr:
        said = " ".join(done.stderr.split())[-300:]
        FAILED.append(f"appeal-desk {args[0]} exited {done.returncode}: {said}")
    return done


def _cases(data: Path) -> list[dict[str, object]]:
    """The store's cases as ``list --all --json`` gives them ([] and a FAILED note if it
    could not)."""
    done = _run(data, "list", "--all", "--json")
    try:
        listed = json.loads(done.stdout)
    except ValueError:
        FAILED.append(f"appeal-desk list printed no JSON: {done.stdout[:200]!r}")
        return []
    return listed if isinstance(listed, list) else []


def _documents() -> list[Path]:
    return sorted(p for folder in CORPORA for p in folder.glob("*.txt"))


def build(folder: Path, count: int, data: Path) -> int:
    rng = random.Random(7)
    docs = _documents()
    n = 0

    def put(name: str, content: bytes) -> None:
        nonlocal n
        n += 1
        (folder / f"{n:04d}_{name}").write_bytes(content)

    for path in docs:
        put(path.name, path.read_bytes())
    for source in sorted(INPUTS.iterdir()):
        if source.suffix in (".html", ".eml", ".mbox"):
            put(source.name, source.read_bytes())
    # the app's own outputs, made by the CLI from a store with one case
    outputs = data.parent / "outputs"
    outputs.mkdir()
    _run(data, "import", str(CORPORA[1] / "225_peru_swiss_page_2021.txt"), ok=(0, 1))
    _run(data, "sent", "119/21", "--channel", "post")
    for args in (
        ["report", "--pdf", str(outputs / "report.pdf"), "--csv", str(outputs / "report.csv")],
        ["letter", "119/21", "--out", str(outputs / "letter.pdf")],
        ["letter", "119/21", "--out", str(outputs / "letter.txt")],
        ["letter", "119/21", "--out", str(outputs / "letter.eml")],
        ["labels", "119/21", "--out", str(outputs / "labels.pdf")],
        ["envelope", "119/21", "--out", str(outputs / "envelope.pdf")],
    ):
        _run(data, *args)
    own = sorted(outputs.iterdir())
    hostile = [
        ("binary.txt", bytes(range(256)) * 40),
        ("empty.txt", b""),
        ("long_line.txt", b"UA " + b"x" * 300_000),
        ("deep.html", b"<html>" + b"<div>" * 50_000 + b"</html>"),
        ("bad_utf8.txt", b"URGENT ACTION\n\xff\xfe\xfa broken \x81\x82"),
        (
            "mime_bomb.eml",
            b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
            + b"--b\nContent-Type: text/plain\n\nx\n" * 400
            + b"--b--\n",
        ),
        ("not_a_pdf.pdf", b"this is not a pdf"),
    ]
    while n < count:
        kind = rng.random()
        if kind < 0.45:
            path = rng.choice(docs)
            text = path.read_text(encoding="utf-8")
            share = rng.choice((0.25, 0.5, 0.75))
            put(f"partial_{int(share * 100)}_{path.name}", text[: int(len(text) * share)].encode())
        elif kind < 0.6:
            name, content = rng.choice(hostile)
            put(name, content)
        elif kind < 0.75:
            put("foreign.txt", rng.choice(FOREIGN).encode())
        elif kind < 0.9 and own:
            source = rng.choice(own)
            put(source.name, source.read_bytes())
        else:
            path = rng.choice(docs)
            put(path.name, path.read_bytes())
    return n


def near_misses(folder: Path) -> int:
    """Documents that carry a stored case's number but are about another country and people."""
    docs = _documents()
    by_number: dict[str, dict[str, object]] = {}
    countries: dict[str, set[str]] = {}
    for path in docs:
        expected = json.loads(path.with_suffix("").with_suffix(".expected.json").read_text())
        if expected["ua_number"] and expected["country"]:
            by_number.setdefault(str(expected["ua_number"]), {"path": path, **expected})
            countries.setdefault(str(expected["ua_number"]), set()).add(str(expected["country"]))
    # Two fictional corpora may give one number to two UAs: such numbers are left out.
    numbers = sorted(n for n in by_number if len(countries[n]) == 1)
    made = 0
    for i, number in enumerate(numbers):
        other = by_number[numbers[(i + 7) % len(numbers)]]
        if other["country"] == by_number[number]["country"]:
            continue
        text = Path(str(other["path"])).read_text(encoding="utf-8")
        own = re.escape(str(other["ua_number"])).replace("/", r"\s*/\s*")
        text = re.sub(rf"(?<=UA )0*{own}|(?<=AU )0*{own}", number, text)
        if number not in text:
            text = f"URGENT ACTION\nUA {number}\n" + text
        made += 1
        (folder / f"near_{made:03d}_{number.replace('/', '-')}.txt").write_text(text, "utf-8")
    reports = [
        f"Section report\nUA {n}\nTotal letters: 30. Replies received: 1.\nPost 12 Email 18\n"
        for n in numbers[:20]
    ]
    for text in reports:
        made += 1
        (folder / f"near_{made:03d}_report.txt").write_text(text, encoding="utf-8")
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mixed-import-"))
    print(f"work folder: {work}")
    try:
        mixed = work / "mixed"
        mixed.mkdir()
        total = build(mixed, args.count, work / "outputs-store")
        files = sorted(p.name for p in mixed.iterdir())
        result = _run(work / "store", "import", *[str(mixed / name) for name in files], ok=(0, 1))
        lines = [line for line in result.stdout.splitlines() if re.match(r"^\d{4}_", line)]
        without = [f for f in files if not any(line.startswith(f) for line in lines)]
        internal = [line for line in lines if "internal error" in line]
        counts: dict[str, int] = {}
        for line in lines:
            outcome = line.split(": ", 2)[1].split(" (")[0] if ": " in line else "?"
            counts[outcome] = counts.get(outcome, 0) + 1
        print(f"{total} files, {len(lines)} lines (the import exited {result.returncode})")
        print("outcomes:", json.dumps(counts, sort_keys=True))
        print(f"files without a line: {len(without)} {without[:5]}")
        print(f"internal errors: {len(internal)}")
        for line in internal[:10]:
            print("  ", line)
        near = work / "near"
        near.mkdir()
        made = near_misses(near)
        store = work / "near-store"
        stored = _run(store, "import", *[str(folder) for folder in CORPORA], ok=(0, 1))
        before = _cases(store)
        if not before:  # e.g. no backup could be made before the import: it changed nothing
            said = " ".join(stored.stderr.split())[-300:]
            FAILED.append(f"the corpora's cases were not stored, no near miss was tried: {said}")
        result = _run(store, "import", str(near), ok=(0, 1))
        after = _cases(store)
        # Wrong: a near-miss document applied to the case whose number was put into it.
        changed = [
            line
            for line in result.stdout.splitlines()
            if re.match(r"near_\d+_(\d+)-(\d+)\.txt: updated \(UA \1/\2\)", line)
        ]
        waiting = [
            line
            for line in result.stdout.splitlines()
            if "waiting for confirmation" in line or "needs confirmation" in line
        ]
        same = sum(1 for a, b in zip(before, after, strict=False) if a == b)
        print(
            f"near-miss documents: {made}; waiting for confirmation: {len(waiting)}; "
            f"changed a case without confirmation: {len(changed)}; "
            f"cases unchanged: {same}/{len(before)}"
        )
        for line in changed[:10]:
            print("  ", line)
        print(f"commands that failed: {len(FAILED)}")
        for line in FAILED[:10]:
            print("  ", line)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
