"""Write tests/unit/importing/real_layouts: fictional UAs in the wrappers volunteers really meet.

    .venv/bin/python bench/make_real_layouts.py

Each document takes one of the held-out fictional UAs and puts it where a volunteer finds it:
a section mailing list (list headers, a posting date, the list footer), a local group's blog
(blog name, post title and date, "Posted by", labels, comments), a section web page in the
UA's language (cookie banner, menus, buttons, breadcrumb, a footer with the section's postal
address and a boilerplate example number), a PDF text layer that lost every accented letter,
and a PDF text layer flattened onto one line. The expected file is the held-out UA's, with
the same damage applied to the text fields when the accents are lost (country and language
names stay in English). Every person, official, address and site here is invented; the
sections' addresses and list names are on ``.example``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "unit" / "importing" / "heldout"
OUT = ROOT / "tests" / "unit" / "importing" / "real_layouts"

MAILING = ["205", "212", "213", "214", "217", "218", "220", "236", "237", "246", "247", "272"]
BLOG = ["212", "214", "217", "220", "229", "231", "236", "240", "241", "247", "276", "288"]
CHROME = ["212", "213", "217", "218", "228", "229", "231", "240", "241", "242", "243", "276"]
ACCENTS = ["228", "229", "230", "231", "232", "240", "241", "242", "243", "250", "251", "276"]
ONE_LINE = ["212", "213", "214", "217", "218", "220", "229", "236", "240", "241", "246", "288"]

_POSTING_DATES = ["Mon, 3 Mar 2014 21:14:05 +0100", "Tue, 9 Sep 2014 08:02:51 +0200",
                  "Fri, 22 Jan 2016 17:40:00 +0000", "Wed, 4 Nov 2020 12:00:13 +0100"]  # fmt: skip
_BLOG_DATES = ["Monday, 3 March 2014", "Tuesday, 9 September 2014", "Friday, 22 January 2016",
               "Wednesday, 4 November 2020"]  # fmt: skip


def _base(prefix: str) -> tuple[Path, str, dict[str, object]]:
    [path] = sorted(HELDOUT.glob(f"{prefix}_*.txt"))
    expected = json.loads(path.with_suffix("").with_suffix(".expected.json").read_text("utf-8"))
    return path, path.read_text(encoding="utf-8"), expected


def _mailing(text: str, expected: dict[str, object], n: int) -> str:
    number = expected.get("ua_number") or "neu"
    subject = f"[ua-netz] UA {number}: {str(expected['title'])[:50]}"
    return (
        f"From: UA-Koordination <ua-koordination@section-{n}.example>\n"
        f"To: ua-netz@lists.section-{n}.example\n"
        f"Date: {_POSTING_DATES[n % len(_POSTING_DATES)]}\n"
        f"Subject: {subject}\n"
        f"List-Id: UA network <ua-netz.lists.section-{n}.example>\n"
        f"Sender: ua-netz-bounces@lists.section-{n}.example\n\n"
        f"{text.rstrip()}\n\n"
        "_______________________________________________\n"
        "ua-netz mailing list\n"
        f"ua-netz@lists.section-{n}.example\n"
        f"https://lists.section-{n}.example/mailman/listinfo/ua-netz\n"
    )


def _blog(text: str, expected: dict[str, object], n: int) -> str:
    return (
        f"Letters for Freedom - Group {400 + n} (fictional)\n"
        "Home | About us | Meetings | Archive | Contact\n\n"
        f"{_BLOG_DATES[n % len(_BLOG_DATES)]}\n\n"
        "Urgent Action of the week\n\n"
        "Dear friends, below is this week's Urgent Action. Paper and envelopes are at the stall.\n\n"
        f"{text.rstrip()}\n\n"
        f"Posted by Marta at 9:{10 + n} PM\n"
        "Labels: urgent action, letters\n\n"
        "2 comments:\n"
        "Jonas said... Sent mine today!\n\n"
        "Newer Post  Older Post  Home\n"
        "Subscribe to: Post Comments (Atom)\n"
    )


_CHROME = {
    "en": (
        "Skip to main content\n"
        "We use cookies to improve your experience on our website. [Accept all cookies]  [Manage]\n"
        "Amnesty Section (fictional)\nDonate   Log in   Menu   Search\n"
        "Home › Get involved › Urgent actions\n\n[Take action]\n\n",
        "\n[Share]  [Print]\n\nAmnesty Section (fictional), 17 Example Street, London N1 9ZZ\n"
        "Please quote the UA number in all correspondence (e.g. UA 25/99 - Peru).\n"
        "© Amnesty Section (fictional). Registered charity.\n",
    ),
    "es": (
        "Ir al contenido principal\n"
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. [Aceptar]\n"
        "Amnistía Sección (ficticia)\nActúa   Hazte socio/a   Dona   Buscar\n"
        "Inicio › Actúa › Acciones urgentes\n\n[Firma ahora]\n\n",
        "\n[Compartir]  [Imprimir]\n\nAmnistía Sección (ficticia), C/ Fernando VI, 8, "
        "28004 Madrid\nIndica siempre el número de la acción (ej: AU 25/99) en tus cartas.\n"
        "© Amnistía Sección (ficticia)\n",
    ),
    "fr": (
        "Aller au contenu principal\n"
        "Ce site utilise des cookies pour mesurer l'audience. [Tout accepter]   [Tout refuser]\n"
        "Amnesty Section (fictive)\nNos combats   Agir   S'informer   Faire un don\n"
        "Accueil > Agir > Actions urgentes\n\n[Écrire]   [Partager]\n\n",
        "\n[Écrire Les Autorités]\n\nAmnesty Section (fictive), 9 rue de l'Exemple, 75000 Paris\n"
        "Mentionnez toujours le numéro de l'action (par exemple : AU 25/99 - Pérou).\n"
        "© Amnesty Section (fictive)\n",
    ),
    "de": (
        "Direkt zum Inhalt\n"
        "Wir verwenden Cookies, um Ihnen die beste Nutzung zu ermöglichen. [Alle akzeptieren]\n"
        "Amnesty Sektion (fiktiv)\nMenü   Suche   Mitglied werden   Jetzt spenden\n"
        "Startseite › Mitmachen › Urgent Actions\n\n[Jetzt schreiben]\n\n",
        "\n[Teilen]\n\nAmnesty Sektion (fiktiv), Beispielweg 8, 10999 Berlin, "
        "IBAN DE00 0000 0000 0000 0000 00\n"
        "Bitte geben Sie immer die UA-Nummer an (z.B. UA-025/1999).\n© Amnesty Sektion (fiktiv)\n",
    ),
}


def _chrome(text: str, expected: dict[str, object], n: int) -> str:
    head, foot = _CHROME.get(str(expected["document_language"]), _CHROME["en"])
    return f"{head}{text.rstrip()}\n{foot}"


def _strip(value: str) -> str:
    """What a PDF text layer without its accented glyphs leaves: the letters dropped."""
    return "".join(
        ch for ch in value if ord(ch) < 128 or not unicodedata.category(ch).startswith("L")
    )


def _accents(text: str, expected: dict[str, object], n: int) -> str:
    return _strip(text)


def _accents_expected(expected: dict[str, object]) -> dict[str, object]:
    damaged = dict(expected)
    damaged["title"] = _strip(str(expected["title"]))
    damaged["persons"] = [
        {"name": _strip(p["name"]), "pronouns": p["pronouns"] and _strip(p["pronouns"])}
        for p in expected["persons"]  # type: ignore[attr-defined]
    ]
    damaged["targets"] = [
        {k: (_strip(v) if isinstance(v, str) else v) for k, v in t.items()}
        for t in expected["targets"]  # type: ignore[attr-defined]
    ]
    if expected.get("ai_index"):
        damaged["ai_index"] = _strip(str(expected["ai_index"]))
    return damaged


def _one_line(text: str, expected: dict[str, object], n: int) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip() + "\n"


WRAPPERS = [
    ("mailing_list", MAILING, _mailing),
    ("group_blog", BLOG, _blog),
    ("section_page", CHROME, _chrome),
    ("pdf_no_accents", ACCENTS, _accents),
    ("pdf_one_line", ONE_LINE, _one_line),
]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    number = 600
    for name, bases, wrap in WRAPPERS:
        for n, prefix in enumerate(bases):
            number += 1
            path, text, expected = _base(prefix)
            slug = path.stem.split("_", 1)[1]
            stem = f"{number}_{name}_{slug}"
            (OUT / f"{stem}.txt").write_text(wrap(text, expected, n), encoding="utf-8")
            truth = _accents_expected(expected) if name == "pdf_no_accents" else expected
            (OUT / f"{stem}.expected.json").write_text(
                json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    print(f"{number - 600} documents in {OUT}")


if __name__ == "__main__":
    main()
