"""Email and social media: mailto links that fit and survive clients, .eml drafts, short posts."""

from __future__ import annotations

import email.errors
import email.policy
import re
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import quote

from app.domain.errors import N_, InvalidInput
from app.domain.model import CaseDetail, SenderProfile, Target
from app.i18n import _
from app.output.bidi_text import plain_text

MAILTO_LIMIT = 2000  # characters of the final encoded URL that every common client accepts
SOCIAL_LIMIT = 280


def _encode(value: str, safe: str = "") -> str:
    """Percent-encode everything but unreserved characters: ``+`` -> %2B, ``?`` -> %3F."""
    return quote(value, safe=safe)


def crlf(text: str) -> str:
    """Line breaks as CRLF, as RFC 6068 asks for ``body=`` and Outlook needs."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def _addresses(addresses: list[str]) -> str:
    return ",".join(_encode(a.strip(), safe="@") for a in addresses if a and a.strip())


def build_mailto(
    to: list[str], cc: list[str], subject: str, body: str, limit: int = MAILTO_LIMIT
) -> str | None:
    """A ``mailto:`` URL, or None when it would be longer than ``limit`` characters.

    None means: put the body on the clipboard and open the subject-only link (see
    :func:`plan_email`). Empty parameters are left out (Outlook misreads ``subject=``).
    """
    params = [
        (key, value)
        for key, value in (("cc", _addresses(cc)), ("subject", _encode(subject.strip())))
        if value
    ]
    if body.strip():
        params.append(("body", _encode(crlf(plain_text(body)))))
    url = f"mailto:{_addresses(to)}"
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params)
    return url if len(url) <= limit else None


@dataclass(frozen=True, slots=True)
class EmailPlan:
    """How to hand a letter to the mail client: the URL, and whether the body must be pasted."""

    url: str | None  # None: not even the subject-only link fits; offer an .eml file instead
    body_on_clipboard: bool


def plan_email(
    to: list[str], cc: list[str], subject: str, body: str, limit: int = MAILTO_LIMIT
) -> EmailPlan:
    """The whole letter in the link when it fits, else the subject-only link plus the clipboard."""
    full = build_mailto(to, cc, subject, body, limit)
    if full is not None:
        return EmailPlan(full, body_on_clipboard=False)
    return EmailPlan(build_mailto(to, cc, subject, "", limit), body_on_clipboard=True)


def from_address(name: str, address: str) -> Address:
    """The sender as one mailbox, the display name quoted as RFC 5322 requires: "Smith, John"
    stays one person. A line break in either part would start a new header: refused."""
    name, address = name.strip(), address.strip()
    if any(ch in name + address for ch in "\r\n"):
        raise InvalidInput(
            N_("Your name or e-mail address in Settings contains a line break; remove it.")
        )
    try:
        return Address(display_name=name, addr_spec=address)
    except (ValueError, IndexError, email.errors.HeaderParseError):
        raise InvalidInput(
            N_("{address} is not an e-mail address; correct it in Settings."), address=address
        ) from None


def build_eml(
    *,
    to: list[str],
    cc: list[str],
    subject: str,
    body: str,
    sender: SenderProfile | None = None,
    date: datetime | None = None,
) -> bytes:
    """A draft message (RFC 5322, UTF-8) that any mail client opens: save it as ``.eml``.

    ``X-Unsent: 1`` makes Outlook and others open it as an editable draft.
    """
    message = EmailMessage(policy=email.policy.SMTP)
    if sender is not None and sender.email.strip():
        message["From"] = from_address(sender.name, sender.email)
    recipients = [a.strip() for a in to if a and a.strip()]
    copies = [a.strip() for a in cc if a and a.strip()]
    if recipients:
        message["To"] = ", ".join(recipients)
    if copies:
        message["Cc"] = ", ".join(copies)
    message["Subject"] = subject.strip()
    message["Date"] = format_datetime((date or datetime.now()).astimezone())
    message["Message-ID"] = make_msgid(domain="appeal-desk.invalid")
    message["X-Unsent"] = "1"
    message.set_content(plain_text(body.replace("\r\n", "\n")), charset="utf-8")
    return message.as_bytes()


_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)")
_PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com|instagram\.com|threads\.net|bsky\.app/profile)/@?([A-Za-z0-9_.]+)",
    re.I,
)


def social_handle(target: Target) -> str | None:
    """The official's handle ("@name") from the UA's social media entries, if any."""
    for entry in target.social:
        match = _HANDLE.search(entry)
        if match:
            return "@" + match.group(1)
        match = _PROFILE_URL.search(entry)
        if match and match.group(1).lower() not in {"intent", "share", "home"}:
            return "@" + match.group(1)
    return None


def social_message(case: CaseDetail, target: Target, *, limit: int = SOCIAL_LIMIT) -> str:
    """A short post asking the official to act, naming the person and the UA number."""

    people = ", ".join(person.name for person in case.persons[:3])
    handle = social_handle(target)
    addressee = handle or target.display_name or target.title or ""
    if people:
        text = _("{addressee}: please protect {people} and act on their case now. (UA {ua_number})")
    else:
        text = _("{addressee}: please act now on this urgent case. (UA {ua_number})")
    message = text.format(addressee=addressee, people=people, ua_number=case.ua_number).strip(" :")
    if case.is_sample:  # a practice post says so before anything else
        message = "[" + _("FICTIONAL SAMPLE - DO NOT SEND") + "] " + message
    tags = " #UrgentAction"
    if len(message) + len(tags) <= limit:
        message += tags
    return message if len(message) <= limit else message[: limit - 1].rstrip() + "…"
