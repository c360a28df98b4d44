"""E-mails (.eml) and mailboxes (mbox) as UA texts, with the standard library's ``email``.

A UA arrives in the body of a section's e-mail, or attached to a cover note as PDF, HTML or
text, or inside a forwarded message. A mailbox holds many messages: every one that carries a
UA becomes its own document. The wrapper's From/Subject/Date lines are kept above a body UA
so the importer knows them for the wrapper (its Date is not the UA's date; a "STOP ACTION"
subject closes the case).
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
from collections.abc import Iterator
from email.message import EmailMessage, Message
from pathlib import Path

from app.domain.errors import N_, ImportRejected
from app.importing.html_text import html_to_text
from app.importing.own_outputs import check_pdf

MAX_MESSAGES = 2000
MAX_PARTS = 200  # the e-mail parser is slow on thousands of nested parts (a MIME bomb)
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 4
_UA_WORDS = re.compile(
    r"\b(?:UA|AU)\s*[:-]?\s*\d|URGENT ACTION|ACCI[ÓO]N URGENTE|ACTION URGENTE|AI[\s-]*Index|"
    r"EILAKTION|Urgent Action|[ÍI]ndice\s*:|\b(?:AFR|AMR|ASA|EUR|MDE)\s?\d{1,2}/\d",
    re.I,
)
_OUR_DRAFT = re.compile(r"@appeal-desk\.invalid>?\s*$", re.I)

Document = tuple[str, str]  # (source name, text)


def looks_like_mime(text: str) -> bool:
    """An e-mail as a mail program saves it (headers, then a MIME body)."""
    head = text[:3000]
    if len(re.findall(r"^Content-Type:", text, re.M | re.I)) > MAX_PARTS:
        return False  # read as plain text instead: the UA check then rejects it quickly
    return bool(re.search(r"^MIME-Version:", head, re.M | re.I)) and bool(
        re.search(r"^Content-Type:", head, re.M | re.I)
    )


def looks_like_mbox(data: bytes) -> bool:
    """A Unix mailbox: the first line is a ``From `` separator followed by headers."""
    first = data[:200].split(b"\n", 1)[0]
    return bool(re.match(rb"^From \S+.*\d{4}\s*$", first.rstrip(b"\r"))) and bool(
        re.search(rb"^(?:Subject|From|Date|Message-ID):", data[:5000], re.M | re.I)
    )


def eml_documents(raw: bytes | str, source: str) -> list[Document]:
    """The UA documents in one e-mail."""
    if isinstance(raw, bytes):
        message = email.message_from_bytes(raw, policy=email.policy.default)
    else:
        message = email.message_from_string(raw, policy=email.policy.default)
    return message_documents(message, source)


def mbox_documents(path: Path) -> list[Document]:
    """The UA documents in every message of a mailbox, in the mailbox's order."""
    documents: list[Document] = []
    box = mailbox.mbox(str(path), create=False)
    try:
        for number, message in enumerate(_messages(box), start=1):
            if number > MAX_MESSAGES:
                break
            subject = _header(message, "Subject")[:60]
            name = f"{path.name} #{number}" + (f" ({subject})" if subject else "")
            try:
                documents.extend(message_documents(message, name))
            except ImportRejected:
                continue  # one of our own drafts in the mailbox: skipped, the rest goes on
    finally:
        box.close()
    return documents


def _messages(box: mailbox.mbox) -> Iterator[EmailMessage]:
    for key in box.iterkeys():
        data = box.get_bytes(key)
        yield email.message_from_bytes(data, policy=email.policy.default)


def _header(message: Message, key: str) -> str:
    try:
        value = message.get(key)
    except Exception:  # a malformed header: the message is still read
        return ""
    return " ".join(str(value).split()) if value else ""


def message_documents(message: Message, source: str, depth: int = 0) -> list[Document]:
    """The body when it is a UA; else each attachment (PDF, HTML, text, forwarded message)
    that is one; else the body as it is (the importer then says why it is not a UA)."""
    if _OUR_DRAFT.search(_header(message, "Message-ID")):
        from app.importing.own_outputs import check_text

        check_text(f"Message-ID: {_header(message, 'Message-ID')}\n", source)
    if len(list(message.walk())) > MAX_PARTS:
        raise ImportRejected(
            source, N_("This e-mail has far too many parts for a UA; it was not read.")
        )
    wrapper = "".join(
        f"{key}: {_header(message, key)}\n"
        for key in ("From", "Subject", "Date")
        if _header(message, key)
    )
    content = _body_text(message)
    body = [(source, f"{wrapper}\n{content}" if wrapper else content)] if content else []
    if content is not None and _carries_ua(content):
        return body
    found: list[Document] = []
    for part in _attachments(message):
        name = part.get_filename() or part.get_content_type()
        label = f"{source} ({name})"
        found.extend(_attachment_documents(part, label, depth))
    if found:
        return found
    if content is not None and _UA_WORDS.search(content):
        return body
    return [(source, f"{wrapper}\n{content or ''}")]


_IDENTITY = re.compile(
    r"\b(?:UA|AU)\s*[:-]?\s*\d{1,4}\s*[/.]\s*\d{2}|\b(?:AFR|AMR|ASA|EUR|MDE)\s?\d{1,2}/\d", re.I
)


def _carries_ua(text: str) -> bool:
    """A UA, not a cover note that mentions one: a UA number or index and some length."""
    return bool(_IDENTITY.search(text)) and len(text) > 400


def _body_text(message: Message) -> str | None:
    """The body's text: the plain part, or the HTML part when the plain one holds no UA and
    the HTML one does (a stub "view this message in a browser" beside the full UA in HTML)."""
    get_body = getattr(message, "get_body", None)
    if get_body is None:
        return None
    plain = _part_text(get_body(preferencelist=("plain",)))
    if plain is not None and _carries_ua(plain):
        return plain
    html = _part_text(get_body(preferencelist=("html",)))
    if plain is None or html is None:
        return plain if html is None else html
    if _carries_ua(html) or (_UA_WORDS.search(html) and not _UA_WORDS.search(plain)):
        return html
    return plain


def _part_text(body: Message | None) -> str | None:
    if body is None:
        return None
    try:
        content = body.get_content()  # type: ignore[attr-defined]
    except (LookupError, ValueError, AssertionError):  # an unknown charset or a broken part
        payload = body.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    else:
        content = _utf8_despite_label(body, content)
    if not isinstance(content, str):
        return None
    if body.get_content_type() == "text/html":
        content = html_to_text(content)
    return content


def _attachments(message: Message) -> list[Message]:
    iterate = getattr(message, "iter_attachments", None)
    if iterate is None:
        return []
    parts = list(iterate())
    # Attachments inside a multipart/mixed nested in the body (some mail programs) count too.
    for part in message.walk():
        if part is message or part in parts or part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment" or part.get_content_type() in (
            "application/pdf",
            "message/rfc822",
        ):
            parts.append(part)
    return parts


def _attachment_documents(part: Message, label: str, depth: int) -> list[Document]:
    from app.importing.pdf import pdf_text

    kind = part.get_content_type()
    filename = (part.get_filename() or "").lower()
    if kind == "message/rfc822" and depth < MAX_DEPTH:
        inner = part.get_payload()
        messages = inner if isinstance(inner, list) else [inner]
        found: list[Document] = []
        for message in messages:
            if isinstance(message, Message):
                found.extend(
                    d
                    for d in message_documents(message, label, depth + 1)
                    if _UA_WORDS.search(d[1])
                )
        return found
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload or len(payload) > MAX_ATTACHMENT_BYTES:
        return []
    if kind == "application/pdf" or filename.endswith(".pdf") or payload.startswith(b"%PDF"):
        if not payload.lstrip().startswith(b"%PDF"):
            return []
        try:
            check_pdf(payload, label)
            text = pdf_text(payload, label)
        except ImportRejected:
            return []
    elif kind == "text/html" or filename.endswith((".htm", ".html")):
        text = html_to_text(_decode(part, payload))
    elif kind.startswith("text/") or filename.endswith((".txt", ".md")):
        text = _decode(part, payload)
    else:
        return []
    return [(label, text)] if _UA_WORDS.search(text) else []


_SINGLE_BYTE = re.compile(r"^(?:iso-8859-\d+|latin-?1|(?:windows|cp)-?125\d|us-ascii)$", re.I)


def _utf8_despite_label(part: Message, content: object) -> object:
    """A body labelled ISO-8859-1 (or cp1252) whose bytes are UTF-8: saved or pasted again by a
    program that kept the old label. Valid UTF-8 with accented letters is almost never Latin-1
    text, so it is read as UTF-8 (no "HernÃ¡ndez")."""
    if not isinstance(content, str) or not _SINGLE_BYTE.match(part.get_content_charset() or ""):
        return content
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or payload.isascii():
        return content
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return content


def _decode(part: Message, payload: bytes) -> str:
    charset = part.get_content_charset() or "utf-8"
    if _SINGLE_BYTE.match(charset) and not payload.isascii():
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            return payload.decode("cp1252", "replace")
