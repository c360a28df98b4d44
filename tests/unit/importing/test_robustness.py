"""Any text either parses or is refused with ImportRejected: never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.errors import ImportRejected
from app.domain.model import ParsedDocument
from app.importing import parse_text

_TOKENS = st.sampled_from(
    [
        "URGENT ACTION", "UA: 12/24", "Index: AMR 46/0001/2024", "Date: 3 May 2024", "\n", "\n\n",
        "TAKE ACTION:", "Minister of Justice", "Mr Jane Example", "Email: a@b.example", "Salutation:",
        "Dear Minister,", "COPIES TO:", "NAME AND PRONOUN:", "(she/her)", ",", " and ", "No further action is requested.",
        "LINK TO PREVIOUS UA:", "www.example.org/x/", "Further information on UA 1/95 (", ")", "\f", "\u00a0",
        "Yours sincerely,", "Peru", "PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL:", "31 February 2024",
    ]
)  # fmt: skip


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TOKENS, st.text(max_size=20)), max_size=60).map(" ".join))
def test_parse_text_never_crashes(text: str) -> None:
    try:
        result = parse_text(text, "fuzz.txt")
    except ImportRejected as rejected:
        assert rejected.reason
    else:
        assert isinstance(result, ParsedDocument)
        assert result.action_requested == (result.kind.value != "final")
        for target in result.targets:
            assert target.name or target.title


def test_a_text_far_longer_than_a_ua_is_refused() -> None:
    try:
        parse_text("URGENT ACTION\n" + "x" * 2_100_000, "long.txt")
    except ImportRejected as rejected:
        assert "far longer" in rejected.reason
    else:  # pragma: no cover - the assertion below explains the failure
        raise AssertionError("a 2 MB text was accepted")
