"""A forwarder's subject that names the country last ("Urgent Action Guatemala") gives the
country however the subject is padded: the spaces of a long run are read once (the suite's
time limit for a test fails a search from each of them). The message is fictional."""

from __future__ import annotations

from app.importing import parse_text

MESSAGE = """Forwarded message:
Date: Tue, 6 May 1997 09:14:02 -0700
To: ua-friends@list.example (Ruth Ejemplar)
From: coordinator@taskforce.example (Solidarity Task Force)
Subject: {subject}

Amnesty International is concerned for the safety of the trade unionist
Ernesto Fictício Morales, who was threatened at his home on 2 May 1997 by
armed men who told him to leave the union.
"""
RUN = 300_000


def test_the_country_last_in_the_subject_is_read() -> None:
    assert parse_text(MESSAGE.format(subject="Urgent Action Guatemala")).country == "Guatemala"
    assert parse_text(MESSAGE.format(subject="Fwd: Urgent Action Guatemala ")).country == (
        "Guatemala"
    )


def test_a_subject_padded_after_the_country_is_read_as_its_short_form() -> None:
    padded = parse_text(MESSAGE.format(subject="Urgent Action Guatemala" + " " * RUN + "(2)"))
    short = parse_text(MESSAGE.format(subject="Urgent Action Guatemala (2)"))
    assert padded.country == short.country
    assert [p.name for p in padded.persons] == ["Ernesto Fictício Morales"]


def test_a_subject_padded_after_the_country_it_is_on_is_read_as_its_short_form() -> None:
    assert (
        parse_text(MESSAGE.format(subject="Urgent Action on Guatemala (2)")).country == "Guatemala"
    )
    padded = parse_text(MESSAGE.format(subject="Urgent Action on Guatemala" + " " * RUN + "!"))
    short = parse_text(MESSAGE.format(subject="Urgent Action on Guatemala !"))
    assert padded.country == short.country
