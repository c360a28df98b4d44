"""Fixtures for the letter tests: fictional cases built directly from domain values."""

from __future__ import annotations

import datetime

import pytest

from app.domain.model import CaseDetail, SenderProfile
from tests.builders import make_case

TODAY = datetime.date(2026, 3, 5)


@pytest.fixture
def case() -> CaseDetail:
    return make_case()


@pytest.fixture
def sender() -> SenderProfile:
    return SenderProfile(
        name="Jo Example", address="4 Linden Walk", city="Ashford", country="Nowhereland"
    )
