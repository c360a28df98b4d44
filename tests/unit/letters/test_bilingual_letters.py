"""A bilingual letter is one letter with both texts in parallel, each paragraph in its own
direction: isolates in the text (and so in e-mail), per-paragraph direction in the PDF."""

from __future__ import annotations

from pathlib import Path

from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.output.paper import write_letter_pdf
from app.services.letters import LRI, PDI, RLI, draft_letter
from tests.unit.letters.conftest import TODAY, make_case
from tests.unit.output.pdf_reading import fragments


def test_arabic_and_english_in_parallel_each_in_its_direction(sender: SenderProfile) -> None:
    letter = draft_letter(make_case(), 1, sender, locale="ar", bilingual_with="en", today=TODAY)
    text = letter.text
    assert text.count("Ashford") == 2  # one head (return address and date line), not two letters
    assert text.count("Jo Example") == 2  # the sender's name above and the signature once
    arabic = text.index(RLI + "معالي الوزير،" + PDI)
    english = text.index(LRI + "Dear Minister," + PDI)
    assert arabic < english < text.index(LRI + "Yours sincerely," + PDI)
    for line in text.splitlines():
        if line.startswith(LRI):
            assert line.endswith(PDI) and not any("\u0600" <= c <= "\u06ff" for c in line)
    # paragraph by paragraph: an Arabic paragraph, then its English one
    paragraphs = [p for p in text.split("\n\n") if p.startswith((LRI, RLI))]
    starts = [p[0] for p in paragraphs]
    assert starts[:4] == [RLI, LRI, RLI, LRI] or starts[0] == RLI


def test_two_left_to_right_languages_need_no_isolates(sender: SenderProfile) -> None:
    letter = draft_letter(make_case(), 1, sender, locale="es", bilingual_with="en", today=TODAY)
    assert LRI not in letter.text and RLI not in letter.text
    assert letter.text.index("Señor Ministro:\nDear Minister,") > 0


def test_the_pdf_sets_each_paragraph_in_its_direction(
    qapp: object, tmp_path: Path, sender: SenderProfile
) -> None:
    case = make_case()
    letter = draft_letter(case, 1, sender, locale="ar", bilingual_with="en", today=TODAY)
    path = tmp_path / "bilingual.pdf"
    write_letter_pdf(letter, path, sender=sender, target=case.targets[0], page_size=PageSize.A4)
    found = fragments(path)
    (x_english, y_english) = next((x, y) for x, y, text in found if text == "Dear Minister,")
    arabic_salutation = [x for x, y, _ in found if 5 < y - y_english < 20]
    # read back: the English salutation starts at the left margin, the Arabic one just above it
    # ends at the right margin
    assert x_english < 100
    assert arabic_salutation and min(arabic_salutation) > 400
    assert not any("Ashford" in text and y < y_english for _, y, text in found)  # no 2nd head
