"""Combo boxes of the settings whose first entry means "automatic" and carries no value."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from app.domain.output_options import PageSize
from app.i18n import available_languages


def choice_combo(items: Iterable[tuple[str, object]], current: object = None) -> QComboBox:
    """``items`` as (label, value) after a first entry whose value is None (its words, such as
    "automatic", come from the dialog's ``retranslate_ui``); ``current`` is chosen, or the
    first entry when no item holds it."""
    combo = QComboBox()
    combo.addItem("", None)
    for label, value in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def page_size_combo(current: PageSize | None) -> QComboBox:
    """The letter paper: automatic (the region's), or one of the sizes by name."""
    return choice_combo(((size.value, size.value) for size in PageSize), current and current.value)


def interface_language_combo(current: str | None) -> QComboBox:
    """The interface language: automatic (the system's), or one named in its own language."""
    from app.ui.formatting import own_language_name

    languages = available_languages()
    return choice_combo(((own_language_name(code), code) for code in languages), current)
