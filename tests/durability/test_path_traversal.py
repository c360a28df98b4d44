"""Figure 5: hostile names through every route to the filesystem open nothing outside its folder."""

from __future__ import annotations

from pathlib import Path

from app.paths import AppPaths
from bench.durability.traversal import AUDIT, hostile_names, standard_read_roots, try_every_route
from tests.durability import figures

NAMES = hostile_names()


def test_no_hostile_name_reaches_outside_its_folder(seeded: AppPaths, tmp_path: Path) -> None:
    attempts = try_every_route(seeded, NAMES)
    strays = [p for p in tmp_path.rglob("*") if not p.is_relative_to(seeded.data_dir)]
    strays = [p for p in strays if p.name != "secret.txt" and p != seeded.data_dir.parent]

    figures.record(
        "5 path traversal",
        f"{len(NAMES)} hostile names, {attempts} attempts through locale ids, template names, "
        f"export names and event files ({AUDIT.events} file events audited): "
        f"{len(AUDIT.outside)} opened or written outside the allowed roots",
    )
    assert AUDIT.outside == []
    assert strays == []
    assert len(NAMES) >= 300


def test_the_audit_hook_sees_a_real_escape(tmp_path: Path) -> None:
    """Control: the same hook does report a read and a write outside the allowed roots."""
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (tmp_path / "secret.txt").write_text("fictional", encoding="utf-8")
    before = len(AUDIT.outside)
    with AUDIT.watching(standard_read_roots(), [allowed]):
        (allowed / "../secret.txt").read_text(encoding="utf-8")
        (allowed / "inside.txt").write_text("ok", encoding="utf-8")
        (tmp_path / "written.txt").write_text("escape", encoding="utf-8")
    seen = AUDIT.outside[before:]
    del AUDIT.outside[before:]
    assert [Path(p).name for _e, p in seen] == ["secret.txt", "written.txt"]
