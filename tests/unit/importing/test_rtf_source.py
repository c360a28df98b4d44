"""A section's UA saved as .rtf and opened or pasted as text: the control words, font tables
and escaped letters are gone, and the fields are read as from the plain text. Fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.importing import parse_file, parse_text
from app.importing.rtf_text import looks_like_rtf, rtf_to_text

_RTF = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}}
{\*\generator Msftedit 5.41.15.1507;}\viewkind4\uc1\pard\f0\fs20 PUBLIC\tab\tab AI Index: AMR 46/019/2005\par
\tab\tab 2 June 2005\par
\par
\b UA 163/05\tab Fear for safety\b0\par
\par
PERU\tab\tab Mar\'eda Elena Ejemplo Huam\'e1n (f), community leader\par
\par
Mar\'eda Elena Ejemplo Huam\'e1n received a death threat on 28 May 2005 after she denounced the pollution of the river.\par
\par
\b APPEALS TO:\b0\par
Minister of the Interior\par
Se\'f1or Javier Ejemplo Ruiz\par
Ministerio del Interior\par
San Isidro, Lima 27, Per\'fa\par
Salutation:\tab Dear Minister/Se\'f1or Ministro\par
\par
PLEASE SEND APPEALS IMMEDIATELY. Check with the International Secretariat, or your section office, if sending appeals after 14 July 2005.\par
}
"""


def test_the_text_of_an_rtf_source_is_what_a_reader_sees() -> None:
    assert looks_like_rtf(_RTF)
    text = rtf_to_text(_RTF)
    assert "fonttbl" not in text and "Msftedit" not in text and "\\" not in text
    assert "PERU\t\tMaría Elena Ejemplo Huamán (f), community leader\n" in text
    assert rtf_to_text(r"{\rtf1\uc1 caf\u233?s \'93quoted\'94\line end}") == "cafés “quoted”\nend\n"


def test_an_rtf_ua_is_read_like_its_text(tmp_path: Path) -> None:
    pasted = parse_text(_RTF)
    path = tmp_path / "ua-163-05.rtf"
    path.write_text(_RTF, encoding="ascii")
    for parsed in (pasted, parse_file(path)):
        assert parsed.ua_number == "163/05"
        assert parsed.ai_index == "AMR 46/019/2005"
        assert parsed.title == "Fear for safety"
        assert parsed.country == "Peru"
        assert parsed.issued_on == date(2005, 6, 2)
        assert parsed.deadline == date(2005, 7, 14)
        assert [p.name for p in parsed.persons] == ["María Elena Ejemplo Huamán"]
        [target] = parsed.targets
        assert target.name == "Javier Ejemplo Ruiz"
        assert target.salutation == "Dear Minister/Señor Ministro"


def test_the_code_page_named_gives_the_escaped_letters() -> None:
    """Word for Mac names its Mac page; a page Python does not know must not stop the import
    (the letters are read as Windows Latin)."""
    assert rtf_to_text(r"{\rtf1\mac\ansicpg10000 Jos\'8e Ejemplo\par}") == "José Ejemplo\n"
    assert rtf_to_text(r"{\rtf1\ansi\ansicpg99999 Se\'f1or\par}") == "Señor\n"
    cyrillic = rtf_to_text(r"{\rtf1\ansi\ansicpg1251 \'cc\'ee\'f1\'ea\'e2\'e0\par}")
    assert cyrillic == "Москва\n"


def test_an_older_mac_file_that_names_no_code_page_is_read_in_the_mac_one() -> None:
    assert rtf_to_text(r"{\rtf1\mac\deff2 Jos\'8e Mar\'92a Ejemplo\par}") == "José María Ejemplo\n"
    assert rtf_to_text(r"{\rtf1\ansi Jos\'e9\par}") == "José\n"


def test_an_rtf_file_in_a_folder_is_imported_like_one_named_alone(tmp_path: Path) -> None:
    from app.services.importing import folder_contents

    (tmp_path / "ua-163-05.rtf").write_text(_RTF, encoding="ascii")
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")
    contents = folder_contents([tmp_path])
    assert [path.name for path in contents.files] == ["ua-163-05.rtf"]
    assert [result.source for result in contents.left_out] == ["notes.odt"]
