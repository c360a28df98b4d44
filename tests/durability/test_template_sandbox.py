"""Figure 4: sandbox-escape payloads fail with a template error; runaway templates are stopped."""

from __future__ import annotations

from pathlib import Path

from bench.durability.hostile_templates import run_template_corpus
from tests.durability import figures


def test_escape_corpus_and_runaway_templates(tmp_path: Path) -> None:
    result = run_template_corpus(tmp_path)

    figures.record(
        "4 sandbox",
        f"{result.payloads} escape payloads: {len(result.escaped)} escapes, {result.blocked} "
        f"refused with a template error; {result.runaways} runaway templates: {result.stopped} "
        f"stopped (slowest stop {result.slowest_stop:.1f} s)",
    )
    assert result.escaped == []
    assert result.harmless == []  # every payload ends in a clear template error
    assert result.not_stopped == []
    assert result.stopped == result.runaways
