"""Hostile locale ids never reach a file outside the allowed folders."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from app import i18n

ROOT = Path(__file__).resolve().parents[3]
SEEDS = [
    "..",
    "../",
    "../../etc/passwd",
    "..\\..\\windows",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "\\\\server\\share",
    "es\x00",
    "es/../../x",
    "%2e%2e",
    "%2e%2e%2fetc",
    "es_PE.UTF-8/../..",
    "CON",
    "NUL",
    "LPT1",
    "es_PE@../../x",
    "e" * 300,
    "",
    " ",
    ".",
    "es-",
    "-es",
    "es__PE",
    "es_PE/LC_MESSAGES/../../../x",
    "~",
    "~root",
    "$HOME",
    "es\n",
    "es\r\nX",
    "🙂",
    "ＥＳ",
]


def hostile_names() -> list[str]:
    names = list(SEEDS)
    for seed in SEEDS:
        names += [
            f"es_{seed}",
            f"{seed}_es",
            f"es-{seed}",
            f"{seed}/es",
            f"es/{seed}",
            seed.upper(),
        ]
    return (names * 5)[:1000]


def test_a_thousand_hostile_ids_normalise_to_nothing_or_to_a_plain_locale_id() -> None:
    names = hostile_names()
    assert len(names) == 1000
    for name in names:
        result = i18n.normalize_locale(name)
        assert result is None or i18n.LOCALE_ID.fullmatch(result), name
        if result is not None:
            path = i18n.catalog_path(result).resolve()
            assert path.is_relative_to(i18n.locales_dir().resolve()), name


def test_no_file_outside_the_allowed_folders_is_opened(tmp_path: Path) -> None:
    """Run every route (interface language, letter language) under an audit hook."""
    script = tmp_path / "fuzz.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys, os, sysconfig
            sys.path.insert(0, {str(ROOT)!r})
            from tests.unit.i18n.test_hostile_locale_ids import hostile_names
            from app import i18n
            from app.domain.errors import AppealDeskError
            from app.letters.sample_cases import SAMPLE_CASES, SAMPLE_SENDERS
            from app.services import letters
            from app.letters import rendering
            rendering_render = rendering.render
            letters.render_guarded = lambda chain, user, name, values: rendering_render(
                rendering.build_environment(chain, user), name, values)
            allowed = [os.path.realpath(p) for p in (
                {str(ROOT / "app")!r}, {str(ROOT / "locales")!r}, sys.prefix, sys.base_prefix,
                sysconfig.get_paths()["stdlib"], {str(tmp_path)!r})]
            bad = []
            def hook(event, args):
                if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
                    path = os.path.realpath(os.fsdecode(args[0]))
                    if not any(path == a or path.startswith(a + os.sep) for a in allowed):
                        bad.append(path)
            sys.addaudithook(hook)
            for name in hostile_names():
                i18n.set_language(name)
                try:
                    letters.draft_letter(SAMPLE_CASES[0], 1, SAMPLE_SENDERS[0], locale=name)
                except AppealDeskError:
                    pass
            found = sorted(set(bad))
            open(os.devnull).close()  # canary: the hook must see this one
            print("CANARY", os.path.realpath(os.devnull) in bad)
            print("BAD", found)
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    )
    assert "CANARY True" in result.stdout, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stdout.strip().endswith("BAD []"), result.stdout[-2000:] + result.stderr[-2000:]
