"""Every corpus document still parses right when re-wrapped, CRLF'd, spaced out or under site chrome."""

from __future__ import annotations

import random
import re
import textwrap
import zlib
from pathlib import Path

import pytest

from app.importing import parse_text
from tests.unit.importing.corpus import HELDOUT, SAMPLES, compare, expected_of

DOCS = HELDOUT + SAMPLES
_LABEL = re.compile(r"^\s*[^\W\d_][^:]{0,45}:\s")
_BULLET = re.compile(r"^\s*(?:[-•▪■\uf0b7\uf0a7]|\d+\.)\s")
CHROME = "Skip to main content\nAmnesty International\nMenu   Search   Donate\n\n"
COOKIES_AND_MENU = (
    "We use cookies to give you the best experience on our website. Accept all cookies\n"
    "English | Español | Français\nWho we are\nWhat we do\nGet involved\n"
    "* [Urgent Actions](https://www.amnesty.example/ua/)\n\n"
)
FOOTER = (
    "\n\nRelated content\nMore Urgent Actions\nSign up for our newsletter\n"
    "Privacy policy | Cookies | Contact us\n© Amnesty International 2024\n"
)


def _is_prose(line: str) -> bool:
    text = line.strip()
    letters = [ch for ch in text if ch.isalpha()]
    return (
        len(text) >= 50
        and not line.startswith("    ")
        and not _LABEL.match(line)
        and not _BULLET.match(line)
        and not re.search(r"\s{3,}", text)
        and not all(ch.isupper() for ch in letters)
        and "@" not in text
    )


def rewrap(text: str, rng: random.Random) -> str:
    """Re-wrap each run of prose lines at a random width between 60 and 100 columns."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2:
            joined = " ".join(line.strip() for line in run)
            width = rng.randint(60, 100)
            out.extend(textwrap.wrap(joined, width, break_long_words=False, break_on_hyphens=False))
        else:
            out.extend(run)
        run.clear()

    for line in text.split("\n"):
        if _is_prose(line):
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def split_long_lines(text: str, width: int) -> str:
    """Every line longer than ``width`` broken at a space (headlines, id lines, labels too)."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) > width and "  " not in line.strip() and not line.startswith("        "):
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
        else:
            out.append(line)
    return "\n".join(out)


def _variants(text: str, rng: random.Random) -> dict[str, str]:
    wrapped = rewrap(text, rng)
    return {
        "re-wrapped": wrapped,
        "long lines split": split_long_lines(text, rng.randint(60, 100)),
        "CRLF": text.replace("\n", "\r\n"),
        "extra blank lines": text.replace("\n\n", "\n\n\n"),
        "site chrome on top": CHROME + text,
        "cookie banner and menu": COOKIES_AND_MENU + text,
        "site footer": text + FOOTER,
        "double-spaced": text.replace("\n", "\n\n"),
        "indented as a quote": "\n".join("  " + line for line in text.split("\n")),
        "all at once": (CHROME + wrapped).replace("\n\n", "\n\n\n").replace("\n", "\r\n"),
        "split and double-spaced": split_long_lines(text, rng.randint(60, 100)).replace(
            "\n", "\n\n"
        ),
        "re-wrapped, split, menu and footer": COOKIES_AND_MENU
        + split_long_lines(wrapped, rng.randint(60, 100))
        + FOOTER,
    }


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_layout_noise_does_not_change_the_parse(path: Path) -> None:
    expected = expected_of(path)
    text = path.read_text(encoding="utf-8")
    for seed in range(2):
        rng = random.Random(zlib.crc32(path.name.encode()) + seed)
        for name, variant in _variants(text, rng).items():
            scores, detail = compare(expected, parse_text(variant).to_json_dict())
            assert all(scores.values()), (name, seed, detail["mismatch"])
