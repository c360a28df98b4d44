"""The source lines dropped at each import never pull an entry from under a traceback being
written on another thread, and a traceback written afterwards still shows its lines."""

from __future__ import annotations

import linecache
import traceback
from pathlib import Path

from app.ui.application import _drop_sources_at_import


def test_an_import_between_the_two_reads_of_linecache_leaves_the_entry(tmp_path: Path) -> None:
    source = tmp_path / "worker_job.py"
    source.write_text("def run():\n    raise KeyError('no such case')\n", encoding="utf-8")
    name = str(source)
    assert linecache.getline(name, 2).strip() == "raise KeyError('no such case')"
    # linecache.getlines asks `name in cache`, then reads `cache[name]`: another thread's
    # import that comes between the two must not remove the entry
    assert name in linecache.cache
    _drop_sources_at_import("import", ("json", None, [], [], -1))
    size, mtime, lines, fullname = linecache.cache[name]
    assert lines == [] and fullname == name  # the lines are let go...
    linecache.checkcache(name)  # ...and read again when a traceback needs them
    assert linecache.getline(name, 2).strip() == "raise KeyError('no such case')"


def test_a_traceback_after_the_lines_were_dropped_shows_its_source(tmp_path: Path) -> None:
    source = tmp_path / "worker_job.py"
    source.write_text("def run():\n    raise KeyError('no such case')\n", encoding="utf-8")
    code = compile(source.read_text(encoding="utf-8"), str(source), "exec")
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert linecache.getline(str(source), 2)
    _drop_sources_at_import("import", ("json", None, [], [], -1))
    try:
        namespace["run"]()  # type: ignore[operator]
    except KeyError as error:
        text = "".join(traceback.format_exception(error))
    assert "raise KeyError('no such case')" in text
