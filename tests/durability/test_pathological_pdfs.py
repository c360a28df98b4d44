"""Pathological PDFs stop within the reader's limits, inside a page as well as between pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.importing.pdf import MAX_SECONDS
from tests.durability import figures
from tests.durability.pathological_pdfs import build_corpus

# The child imports pypdf and the app's reader only (about 60-80 MB); one of these files read
# without limits grows by gigabytes, another runs for hours. Within the limits the peak lies
# between 150 and 300 MB, depending on how far a page gets before its deadline on a busy
# machine, so the bound is the one the hostile-documents check uses.
PEAK_RSS_LIMIT_MB = 400

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses the resource module")


def test_pathological_pdfs_are_stopped_within_the_limits(tmp_path: Path) -> None:
    names = build_corpus(tmp_path / "corpus")

    done = subprocess.run(
        [sys.executable, "-m", "tests.durability.pathological_pdfs", str(tmp_path / "corpus")],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        cwd=Path(__file__).resolve().parents[2],
    )
    report = json.loads(done.stdout)
    results = report["results"]
    stopped = [r for r in results if r["outcome"] == "rejected" and "PDF bomb" in r["message"]]
    slowest = max(r["seconds"] for r in results)
    figures.record(
        "11 pathological PDFs",
        f"{len(results)} small PDFs (largest {max(r['bytes'] for r in results) // 1024} KB) "
        f"drawing forms thousands of times, nested forms, a million operations, slow-parser "
        f"pages: {len(stopped)}/{len(results)} stopped as possible PDF bombs, slowest "
        f"{slowest:.1f} s (limit {MAX_SECONDS:.0f} s), peak RSS {report['peak_rss_mb']:.0f} MB",
    )
    assert sorted(r["name"] for r in results) == names
    assert stopped == results
    assert slowest < MAX_SECONDS + 5  # the limit holds inside a page
    assert report["peak_rss_mb"] < PEAK_RSS_LIMIT_MB
