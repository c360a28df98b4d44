"""mailto links that fit or fall back to the clipboard, .eml drafts, and social posts."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, date, datetime
from urllib.parse import unquote, urlsplit

from app.domain.model import CaseDetail, Person, SenderProfile, Target
from app.output.mail import build_eml, build_mailto, plan_email, social_handle, social_message
from tests.builders import make_case

SPANISH = (
    "Señora Ministra:\n\nLe escribo para pedirle que libere de inmediato y sin condiciones a "
    "Luis Ficticio Quispe, defensor comunitario (persona ficticia), detenido en Cusco. "
    "Le pido además que garantice su acceso a su familia, a un abogado de su elección y a la "
    "atención médica que necesite, y que se investiguen las amenazas que recibió. "
) * 4 + "\nAtentamente,\n\nJane Writer"


def test_long_spanish_letter_takes_the_clipboard_path() -> None:
    assert len(SPANISH) < 2000 < len(build_mailto(["a@example.org"], [], "UA 1/26", SPANISH, 10**6))
    assert (
        build_mailto(["ministra@example.gob.pe"], [], "Luis Ficticio Quispe (UA 1/26)", SPANISH)
        is None
    )
    plan = plan_email(["ministra@example.gob.pe"], [], "Luis Ficticio Quispe (UA 1/26)", SPANISH)
    assert plan.body_on_clipboard
    assert plan.url is not None and "body=" not in plan.url and "subject=Luis" in plan.url


def test_short_letter_round_trips_with_plus_and_crlf() -> None:
    body = "Dear Minister,\nPlease act: 50% + 1 of us ask?\nYours"
    url = build_mailto(["min@example.org"], ["copy@example.org"], "UA 5/26 + Ana", body)
    assert url is not None and len(url) <= 2000
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "min@example.org"
    assert "+" not in parts.query and "%2B" in parts.query and "%0D%0A" in parts.query
    params = dict(item.split("=", 1) for item in parts.query.split("&"))
    assert unquote(params["body"]) == body.replace("\n", "\r\n")
    assert unquote(params["subject"]) == "UA 5/26 + Ana"
    assert unquote(params["cc"]) == "copy@example.org"


def test_no_empty_parameters() -> None:
    assert build_mailto(["min@example.org"], [], "", "") == "mailto:min@example.org"
    assert build_mailto(["min@example.org"], [], "Hi", "") == "mailto:min@example.org?subject=Hi"


def test_eml_parses_with_the_right_headers() -> None:
    sender = SenderProfile(name="Jane Writer", email="jane@example.org")
    raw = build_eml(
        to=["ministra@example.gob.pe"],
        cc=["embassy@example.org"],
        subject="Libere a Luis Ficticio Quispe (UA 1/26)",
        body=SPANISH,
        sender=sender,
        date=datetime(2026, 11, 28, 10, 0, tzinfo=UTC),
    )
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"] == "ministra@example.gob.pe"
    assert message["Cc"] == "embassy@example.org"
    assert message["From"] == "Jane Writer <jane@example.org>"
    assert message["Subject"] == "Libere a Luis Ficticio Quispe (UA 1/26)"
    assert message["X-Unsent"] == "1"
    assert message["Date"].datetime.year == 2026
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n").strip() == SPANISH.strip()
    assert b"\r\n" in raw


def test_eml_without_sender_email_has_no_from() -> None:
    raw = build_eml(
        to=["a@example.org"], cc=[], subject="S", body="B", sender=SenderProfile(name="X")
    )
    assert "From" not in email.message_from_bytes(raw, policy=email.policy.default)


def _case() -> CaseDetail:
    return make_case(
        ua_number="123/26",
        ai_index=None,
        title="Fictional case",
        country="Peru",
        issued_on=date(2026, 11, 1),
        deadline=None,
        summary=None,
        model_letter=None,
        persons=(Person("Luis Fictional Quispe"),),
        targets=(),
        preferred_languages=(),
    )


def test_social_message_uses_the_handle() -> None:
    target = Target(title="Minister", name="Ana", social=("Twitter: https://x.com/MinFict",))
    assert social_handle(target) == "@MinFict"
    text = social_message(_case(), target)
    assert text.startswith("@MinFict") and "Luis Fictional Quispe" in text and "123/26" in text
    assert len(text) <= 280


def test_social_message_without_handle_names_the_official() -> None:
    text = social_message(_case(), Target(title="Minister", name="Ana Pérez"))
    assert text.startswith("Ana Pérez") and "@" not in text
