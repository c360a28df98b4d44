"""Text from documents and users shown exactly as written where Qt would render rich text."""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip showing ``text`` literally.

    Qt shows a tooltip as rich text whenever it looks like HTML (``Qt.mightBeRichText``), so a
    case title such as ``<img src=x><b>bold</b>`` would load an image and turn bold. Such text
    is escaped, and wrapped so that its line breaks and spaces still show; other text is
    returned as it is (Qt already shows it plainly).
    """
    if not text or not Qt.mightBeRichText(text):
        return text
    import html  # rarely needed: its entity tables are not loaded at start-up

    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
