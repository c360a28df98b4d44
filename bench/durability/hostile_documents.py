"""A corpus of hostile documents, imported through ``import_files`` in a child process.

``python -m durability.hostile_documents DATA_DIR CORPUS_DIR`` (bench/ on the path) imports every
file of CORPUS_DIR in one call and prints JSON: each outcome, row counts before and after,
peak RSS.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

from .peak_memory import peak_rss_mb

BIDI = "\u202e\u2066\u200f"


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A minimal PDF with a correct xref table from numbered object bodies."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_bomb(nested: bool) -> bytes:
    """One page whose content stream inflates to 400 MB (twice-deflated when ``nested``)."""
    squeezer = zlib.compressobj(9)
    chunk = b"0 0 m " * 10922  # ~64 KiB of drawing operators
    packed = b"".join(squeezer.compress(chunk) for _ in range(400 * 16)) + squeezer.flush()
    filters = b"/FlateDecode"
    if nested:
        packed = zlib.compress(packed, 9)
        filters = b"[/FlateDecode /FlateDecode]"
    stream = b"<< /Length %d /Filter %s >>\nstream\n" % (len(packed), filters) + packed
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream + b"\nendstream",
        ]
    )


def many_pages_pdf(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * count
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            *pages,
        ]
    )


def deep_pdf() -> bytes:
    return pdf_from_objects(
        [b"<< /Type /Catalog /Pages " + b"[" * 100_000 + b"]" * 100_000 + b" >>"]
    )


def zip_bytes(size: int) -> bytes:
    target = Path(os.environ.get("TMPDIR", "/tmp")) / f"bomb-{os.getpid()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ua.txt", b"\0" * size)
    data = target.read_bytes()
    target.unlink()
    return data


def build_corpus(folder: Path) -> list[str]:
    """Write the hostile files; returns their names."""
    rng = random.Random(42)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "junk.txt": rng.randbytes(200_000),
        "junk.md": rng.randbytes(4096),
        "invalid-utf8.txt": b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc" * 5000,
        "bom-but-not-utf8.txt": b"\xef\xbb\xbf" + b"\xff\xfe\xfd" * 1000,
        "utf16-bom-odd-bytes.txt": b"\xff\xfe" + b"\x00\xd8" * 999 + b"a",
        "utf32-garbage.txt": b"\xff\xfe\x00\x00" + rng.randbytes(4001),
        "nul-bytes.txt": b"UA 1/26\x00\x00\x00" * 1000,
        "control-chars.txt": bytes(range(1, 32)) * 2000,
        "empty.txt": b"",
        "only-spaces.txt": b" \n\t" * 10_000,
        "huge-line.txt": b"A" * 15_000_000,
        "many-lines.txt": b"x\n" * 5_000_000,
        "zip-renamed.pdf": zip_bytes(50_000_000),
        "zip-renamed.txt": zip_bytes(50_000_000),
        "pdf-bomb.pdf": pdf_bomb(nested=False),
        "pdf-bomb-nested.pdf": pdf_bomb(nested=True),
        "pdf-10000-pages.pdf": many_pages_pdf(10_000),
        "pdf-deep-nesting.pdf": deep_pdf(),
        "pdf-header-only.pdf": b"%PDF-1.7\n" + rng.randbytes(10_000),
        "not-a-pdf.pdf": b"hello, this is not a pdf",
        "billion-laughs.html": (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(
                b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                for i in range(1, 10)
            )
            + b"]><html><body><p>&lol9;</p></body></html>"
        ),
        "external-entity.html": (
            b'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<html><body><p>&xxe;</p></body></html>"
        ),
        "nested-tags.html": b"<html>" + b"<div>" * 200_000 + b"</html>",
        "mime-bomb.eml": b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
        + b"--b\nContent-Type: multipart/mixed; boundary=b\n\n" * 20_000,
        f"bidi-{BIDI}name{BIDI}.txt": rng.randbytes(1000),
        "x" * 200 + ".txt": rng.randbytes(100),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    for name, size in (("sparse-2gb.txt", 2 * 1024**3), ("sparse-2gb.pdf", 2 * 1024**3)):
        with open(folder / name, "wb") as fh:
            fh.truncate(size)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.txt")
    if os.path.exists("/dev/zero"):
        (folder / "dev-zero.txt").symlink_to("/dev/zero")
        (folder / "dev-urandom.pdf").symlink_to("/dev/urandom")
    return sorted(p.name for p in folder.iterdir())


def import_in_child(data_dir: Path, corpus: Path) -> dict[str, object]:
    """Run the import in a fresh interpreter and return its JSON report."""
    bench = Path(__file__).resolve().parents[1]
    path = os.pathsep.join(filter(None, [str(bench), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run(
        [sys.executable, "-m", "durability.hostile_documents", str(data_dir), str(corpus)],
        cwd=bench.parent,
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.splitlines()[-1])


def _main(data_dir: str, corpus: str) -> None:
    import time

    from app.paths import resolve_paths
    from app.services.importing import import_files
    from app.store.database import open_database, row_counts

    db = open_database(resolve_paths(data_dir))
    before = row_counts(db)
    files = sorted(Path(corpus).iterdir())
    rss_before = peak_rss_mb()
    slowest = 0.0
    results = []
    for path in files:  # one by one, to time each; then all at once (the bulk path)
        started = time.perf_counter()
        results.extend(import_files(db, [path]))
        slowest = max(slowest, time.perf_counter() - started)
    bulk = import_files(db, files)
    report = {
        "results": [
            {"source": r.source, "outcome": r.outcome.value, "reason": r.reason or ""}
            for r in results + bulk
        ],
        "before": before,
        "after": row_counts(db),
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
        "slowest_seconds": slowest,
    }
    db.close()
    print(json.dumps(report))


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
