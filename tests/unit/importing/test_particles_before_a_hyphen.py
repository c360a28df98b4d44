"""A name's particle before a hyphen ("el-", "del-", "al-") counts as no word of any language
when a document's language is told from its frequent words: neither whole nor in part. The
names are fictional."""

from __future__ import annotations

from app.importing.languages import detect_language

# A Turkish sentence listing names: "ve" is its one Turkish frequent word.
TURKISH_LIST = (
    "Ahmed el-Masri, Omar el-Sayed, Ali el-Din, Samir el-Haddad ve Hassan el-Banna gözaltında."
)


def test_a_turkish_list_of_names_with_el_is_not_read_as_portuguese() -> None:
    # "el-" read as far as "e" counted five Portuguese "e" against one Turkish "ve".
    assert detect_language(TURKISH_LIST) == "tr"


def test_the_words_after_the_particles_still_count() -> None:
    assert detect_language("Ahmed el-Masri ve Omar el-Sayed bir ve bu için gözaltında.") == "tr"
