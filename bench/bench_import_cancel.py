"""Cancel an import from its progress dialog: how long until the import has stopped.

The app's own MainWindow (offscreen) imports a batch whose second file is slow to read: one
PDF content stream that pypdf parses in a single call, each pathological PDF of the durability
corpus, two megabytes of text in the recognisers; and a batch of 60 ordinary UAs. When the
progress dialog names the slow file (plus a moment, so the reading is well under way), the
bench clicks the dialog's Cancel button and measures the time until the import's ``finished``
signal, and checks that the first file stayed imported and that nothing else was. Last, a
bulk import into a store of 10,000 cases is cancelled during its backup (which reads every row).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench_import_gui import (
    gui_without_message_boxes,
    open_loaded_window,
    wait_for,
    write_documents,
)
from measure import REPO, Result, benchmark_main
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(REPO))

from app.paths import resolve_paths  # noqa: E402

INTO_THE_FILE_S = 0.5  # how long after the slow file starts the user clicks Cancel
SECOND_UA = REPO / "tests" / "fixtures" / "ua-samples" / "108_cambodia_fishers_detained_2014.txt"
FIRST_UA = REPO / "tests" / "fixtures" / "seed" / "ua-119-21-final.txt"


def _pdf(path: Path, content: bytes, form: bytes | None = None) -> Path:
    """A one-page PDF drawing ``content`` (and, when given, a form XObject ``/Fm``)."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject
    from pypdf.generic import NumberObject as N

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})

    def stream(data: bytes, extra: dict[str, object]) -> object:
        item = DecodedStreamObject()
        item.set_data(data)
        for key, value in extra.items():
            item[NameObject(key)] = value  # type: ignore[assignment]
        return writer._add_object(item.flate_encode())

    if form is not None:
        drawn = stream(
            form,
            {
                "/Subtype": NameObject("/Form"),
                "/BBox": ArrayObject([N(0), N(0), N(100), N(100)]),
                "/Resources": resources,
            },
        )
        resources = DictionaryObject(
            {**resources, NameObject("/XObject"): DictionaryObject({NameObject("/Fm"): drawn})}
        )
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Resources")] = resources
    page[NameObject("/Contents")] = stream(content, {})
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


ODD = b"BT /F1 9 Tf 1 0 0 1 10 10 Tm (odd \\) escaped \\( text) Tj ET\n"  # pypdf's parser only


def slow_files(folder: Path) -> dict[str, Path]:
    """Files whose reading takes seconds (fictional; written here, see the module's note)."""
    text = folder / "two-megabytes.txt"
    text.write_text(("A\n" * 1_000_000)[:1_999_990], encoding="utf-8")
    return {
        "one slow PDF stream": _pdf(folder / "slow-stream.pdf", ODD * (990_000 // len(ODD))),
        "a form of escaped text drawn 5,000 times": _pdf(
            folder / "odd-form-x5000.pdf", b"q /Fm Do Q\n" * 5000, ODD * 10_000
        ),
        "2 MB of text in the recognisers": text,
    }


def cancel_during(  # type: ignore[no-untyped-def]
    window, files: list[Path], targets: tuple[str, ...]
) -> tuple[float, list[str]]:
    """Import ``files``, click Cancel once one of ``targets`` has been read for a moment (one
    target: while it is still being read; several, for a batch of quick files whose names
    the dialog shows at most ten times a second: as soon as it names any of them); return
    the seconds from the click to the end of the import, and the outcomes."""
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    finished: list[list[object]] = []
    window.imports.finished.connect(finished.append)

    seen: list[QProgressDialog] = []

    def dialog() -> bool:
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if shown and any(t in shown[0].labelText() for t in targets) and not seen:
            seen.append(shown[0])  # kept: the condition is checked again after the wait
        return bool(seen or finished)

    window.imports.import_paths(files)
    wait_for(dialog, 120)  # the progress dialog names the slow file
    if finished:
        raise RuntimeError(f"{targets[0]} was read before the dialog showed it")
    if len(targets) == 1:  # a slow file: well into its reading
        started = time.perf_counter()
        wait_for(lambda: time.perf_counter() - started > INTO_THE_FILE_S, 10)
    if finished or (len(targets) == 1 and targets[0] not in seen[0].labelText()):
        raise RuntimeError(f"{targets[0]} was read before the cancel")
    progress = seen[0]
    [button] = [b for b in progress.findChildren(QPushButton) if b.text() == "Cancel"]
    clicked = time.perf_counter()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_for(lambda: finished, 120)
    took = time.perf_counter() - clicked
    window.imports.finished.disconnect(finished.append)
    outcomes = [str(r.outcome.value) for r in finished[0]]  # type: ignore[attr-defined]
    return took, outcomes


def cancel_during_backup() -> tuple[str, float, list[str]]:
    """A bulk import into a large store (10,000 cases, 100,000 appeals) begins with a backup
    that reads every row; cancel half a second into it (the service, as the dialog calls it)."""
    import threading

    from generate_store import store_copy

    from app.services.importing import import_files
    from app.store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store_copy(10_000, 100_000, into=data)
        db = open_database(resolve_paths(data))
        cancel = threading.Event()
        out: list[list[str]] = []
        worker = threading.Thread(
            target=lambda: out.append(
                [
                    str(r.outcome.value)
                    for r in import_files(db, [FIRST_UA, SECOND_UA], cancel=cancel)
                ]
            )
        )
        worker.start()
        worker.join(INTO_THE_FILE_S)
        clicked = time.perf_counter()
        cancel.set()
        worker.join()
        took = time.perf_counter() - clicked
        db.close()
    return "the backup before a bulk import (10,000 cases)", took, out[0]


def run(quick: bool) -> list[Result]:
    app = gui_without_message_boxes()  # kept alive for the whole run
    assert app is not None
    rows: list[tuple[str, float, list[str]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        batch = write_documents(folder, 60)
        cases: dict[str, tuple[list[Path], tuple[str, ...]]] = {
            name: ([FIRST_UA, path, SECOND_UA], (path.name,))
            for name, path in slow_files(folder).items()
        }
        if quick:
            cases = dict(list(cases.items())[:2])
        cases["60 ordinary UAs"] = (batch, tuple(path.name for path in batch[10:40]))
        window, _loads = open_loaded_window(folder / "data")
        for name, (files, target) in cases.items():
            took, outcomes = cancel_during(window, files, target)
            rows.append((name, took, outcomes))
        window.close()
    if not quick:
        rows.append(cancel_during_backup())
    for name, took, outcomes in rows:
        kept = outcomes.count("imported") + outcomes.count("unchanged")
        skipped = outcomes.count("skipped")
        print(
            f"  cancel while reading {name}: stopped in {took * 1000:.0f} ms; "
            f"{kept} saved before the cancel, {skipped} skipped, "
            f"{len(outcomes) - kept - skipped} other",
            file=sys.stderr,
        )
    worst = max(took for _name, took, _outcomes in rows)
    return [
        Result(
            "import_cancel_worst_ms",
            worst * 1000,
            "ms",
            1000,
            note=f"{len(rows)} cancels, each {INTO_THE_FILE_S:g} s into a slow file's reading",
        )
    ]


if __name__ == "__main__":
    sys.exit(benchmark_main(__doc__, run))
