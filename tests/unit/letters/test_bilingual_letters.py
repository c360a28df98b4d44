"""A bilingual letter is one letter written twice: the whole letter in the official's language,
then the same letter (the same demands) in the writer's, each part with its own salutation and
closing, the writer's own sentences once; each paragraph in its own direction (isolates in the
text, and so in e-mail; per-paragraph direction in the PDF)."""

from __future__ import annotations

import datetime
from pathlib import Path

from pypdf import PdfReader

from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.output.paper import write_letter_pdf
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import import_files
from app.services.letters import BILINGUAL_SEPARATOR, LRI, PDI, RLI, draft_letter
from tests.unit.letters.conftest import TODAY, make_case
from tests.unit.output.pdf_reading import fragments, pdf_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
NOTE = "I am a retired teacher and I think of her every day."


def test_arabic_and_english_one_after_the_other_each_in_its_direction(
    sender: SenderProfile,
) -> None:
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
    # the whole Arabic letter, then the whole English one
    paragraphs = [p for p in text.split("\n\n") if p.startswith((LRI, RLI))]
    starts = "".join("a" if p[0] == RLI else "e" for p in paragraphs)
    assert starts == "a" * starts.count("a") + "e" * starts.count("e")
    assert starts.count("a") >= 3 and starts.count("e") >= 3


def test_both_parts_make_the_same_demands_and_the_own_words_come_once(
    sender: SenderProfile,
) -> None:
    letter = draft_letter(
        make_case(), 1, sender, locale="es", bilingual_with="en", today=TODAY, personal_note=NOTE
    )
    spanish, english = letter.text.split(BILINGUAL_SEPARATOR)
    assert "Le pido que ponga en libertad a Tharani Selvanayagam" in spanish
    assert "I urge you to release Tharani Selvanayagam immediately" in english
    assert letter.text.count(NOTE) == 1 and NOTE in english
    # each part opens and closes on its own: no salutation or closing stacked on another
    assert spanish.count("Señor Ministro:") == 1 and "Dear Minister," not in spanish
    assert "Respetuosamente," in spanish and "Yours sincerely," in english
    assert "Señor Ministro:\nDear Minister," not in letter.text


def test_a_model_letter_in_the_officials_language_is_written_from_its_asks_in_both(
    tmp_path: Path,
) -> None:
    # the UA (fictional) asks in Spanish for protection measures and an investigation
    db = open_store(resolve_paths(tmp_path))
    try:
        import_files(db, [FIXTURES / "ua-es-death-threats.txt"])
        case = get_case(db, "102/26")
    finally:
        db.close()
    writer = SenderProfile(name="Ana Example", address="12 Elm Road", city="Leeds")
    letter = draft_letter(
        case,
        1,
        writer,
        locale="es",
        bilingual_with="en",
        personal_note=NOTE,
        today=datetime.date(2026, 12, 6),
    )
    spanish, english = letter.text.split(BILINGUAL_SEPARATOR)
    assert "una protección eficaz" in spanish and "investigación" in spanish
    assert "effective protection" in english and "investigation" in english
    assert "torture" not in english and "harassment" not in english
    assert letter.text.count(NOTE) == 1
    assert spanish.count("Señor Presidente:") == 1 and "Your Excellency," in english


def test_the_pdf_prints_the_two_parts_one_after_the_other(
    qapp: object, tmp_path: Path, sender: SenderProfile
) -> None:
    case = make_case()
    letter = draft_letter(
        case, 1, sender, locale="es", bilingual_with="en", today=TODAY, personal_note=NOTE
    )
    path = tmp_path / "bilingual.pdf"
    write_letter_pdf(letter, path, sender=sender, target=case.targets[0], page_size=PageSize.A4)
    lines = [line.strip() for line in pdf_text(path).splitlines() if line.strip()]
    order = [
        lines.index(line)
        for line in ("Señor Ministro:", "Respetuosamente,", "Dear Minister,", "Yours sincerely,")
    ]
    assert order == sorted(order)
    assert sum(NOTE in line for line in lines) <= 1 and "think of her every day." in pdf_text(path)


def test_two_left_to_right_languages_need_no_isolates(sender: SenderProfile) -> None:
    letter = draft_letter(make_case(), 1, sender, locale="es", bilingual_with="en", today=TODAY)
    assert LRI not in letter.text and RLI not in letter.text
    assert letter.text.index("Señor Ministro:") < letter.text.index("Dear Minister,")


def test_the_pdf_sets_each_paragraph_in_its_direction(
    qapp: object, tmp_path: Path, sender: SenderProfile
) -> None:
    case = make_case()
    letter = draft_letter(case, 1, sender, locale="ar", bilingual_with="en", today=TODAY)
    path = tmp_path / "bilingual.pdf"
    write_letter_pdf(letter, path, sender=sender, target=case.targets[0], page_size=PageSize.A4)
    found = fragments(path)
    (x_english, y_english) = next((x, y) for x, y, text in found if text == "Dear Minister,")
    # the PDF keeps the Arabic words in visual order: "الوزير" reads back reversed
    (x_arabic, y_arabic) = next((x, y) for x, y, text in found if "ريزولا" in text)
    # read back: the English salutation starts at the left margin; the Arabic one, above it
    # (the Arabic part comes first), ends at the right margin
    assert x_english < 100
    assert y_arabic > y_english and x_arabic > 300
    assert not any("Ashford" in text and y < y_english for _, y, text in found)  # no 2nd head


def test_text_and_e_mail_outputs_carry_no_isolates_yet_each_line_keeps_its_direction(
    tmp_path: Path, sender: SenderProfile
) -> None:
    import email
    import email.policy
    from urllib.parse import unquote

    from app.output.bidi_text import is_rtl_text
    from app.output.mail import build_mailto
    from app.services.outputs import (
        LetterOnPaper,
        default_output_options,
        save_letter_eml,
        save_letter_text,
    )

    case = make_case()
    letter = draft_letter(case, 1, sender, locale="ar", bilingual_with="en", today=TODAY)
    assert RLI in letter.text  # the screen and the PDF set each line's direction with them
    txt, eml = tmp_path / "letter.txt", tmp_path / "letter.eml"
    save_letter_text(letter, txt)
    save_letter_eml(LetterOnPaper(letter, case, 1, sender, default_output_options()), eml)
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    body = message.get_body().get_content()  # type: ignore[union-attr]
    mailto = build_mailto(["minister@example.gov"], [], letter.subject, letter.text, 100_000)
    assert mailto is not None
    mailto_body = unquote(mailto.split("body=")[1]).replace("\r\n", "\n")
    for shown in (txt.read_text(encoding="utf-8"), body, mailto_body):
        assert not any("\u2066" <= char <= "\u2069" for char in shown)
        lines = shown.splitlines()
        # every line reads in its language's direction by its first letter, without a mark
        assert "معالي الوزير،" in lines and "Dear Minister," in lines
        assert "وتفضلوا بقبول فائق الاحترام والتقدير،" in lines and "Yours sincerely," in lines
        assert is_rtl_text(lines[lines.index("معالي الوزير،") + 2])
        assert not is_rtl_text(lines[lines.index("Dear Minister,") + 2])
        assert not any(char in shown for char in "\u200e\u200f")


def test_a_line_that_starts_against_its_direction_gets_the_mark_of_its_direction() -> None:
    from app.output.bidi_text import plain_text

    arabic = "Tharani Selvanayagam معتقلة منذ مارس."  # an Arabic sentence, a Latin name first
    english = "عمر الحسن was released on 3 March."  # an English one, an Arabic name first
    isolated = f"{RLI}{arabic}{PDI}\n\n{LRI}{english}{PDI}\n{LRI}Dear Minister,{PDI}"
    assert plain_text(isolated) == f"\u200f{arabic}\n\n\u200e{english}\nDear Minister,"


def test_the_english_part_of_an_arabic_letter_is_signed_at_the_left_margin(
    qapp: object, tmp_path: Path, sender: SenderProfile
) -> None:
    case = make_case()
    letter = draft_letter(case, 1, sender, locale="ar", bilingual_with="en", today=TODAY)
    path = tmp_path / "bilingual.pdf"
    write_letter_pdf(letter, path, sender=sender, target=case.targets[0], page_size=PageSize.A4)
    pages = len(PdfReader(path).pages)
    found = [item for page in range(pages) for item in fragments(path, page)]
    closing = next(x for x, _, text in found if text == "Yours sincerely,")
    names = [(y, x) for x, y, text in fragments(path, pages - 1) if text.strip() == sender.name]
    _, signature = min(names)  # the lowest: the sender's block heads page 1 with the name too
    # the signature under the English closing starts where the English paragraphs start
    assert closing < 100 and abs(signature - closing) < 2
