"""Figure 6: hostile documents are all rejected with a message, in bounded memory, 0 rows changed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.services.backups import list_backups
from bench.durability.hostile_documents import BIDI, build_corpus, import_in_child
from tests.durability import figures

# The child imports Qt, pypdf and SQLAlchemy (180-290 MB measured across runs); the corpus holds
# a 2 GB file and decompression bombs, so any document read or expanded whole blows far past this.
PEAK_RSS_LIMIT_MB = 400

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses resource and symlinks")


def test_hostile_documents_are_rejected_and_change_nothing(
    seeded: AppPaths, tmp_path: Path
) -> None:
    names = build_corpus(tmp_path / "corpus")

    report = import_in_child(seeded.data_dir, tmp_path / "corpus")

    results = report["results"]
    rejected = [r for r in results if r["outcome"] == "rejected" and r["reason"].strip()]
    unsafe_text = [r for r in results if any(c in r["source"] + r["reason"] for c in BIDI)]
    figures.record(
        "6 hostile documents",
        f"{len(names)} files x 2 (one by one, then as one bulk import): "
        f"{len(rejected)}/{len(results)} rejected with a message, rows changed "
        f"{sum(report['after'].values()) - sum(report['before'].values())}, peak RSS "
        f"{report['peak_rss_mb']:.0f} MB (limit {PEAK_RSS_LIMIT_MB}), slowest file "
        f"{report['slowest_seconds']:.1f} s, names with raw bidi controls shown "
        f"{len(unsafe_text)}",
    )
    assert len(results) == 2 * len(names)
    assert [r for r in results if r not in rejected] == []
    assert [r for r in results if "internal error" in r["reason"]] == []
    assert report["after"] == report["before"]
    assert report["peak_rss_mb"] < PEAK_RSS_LIMIT_MB
    assert [b.reason for b in list_backups(seeded)] == ["pre-import"]
