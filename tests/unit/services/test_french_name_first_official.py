"""A French UA that names the official before the office ("Madame X" / "Ministre de ..."): the
official is kept, and the letter asks what the model letter asks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.model import SenderProfile
from app.importing import parse_text
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import save_parsed
from app.services.letters import draft_letter

FRENCH_UA = """AU : 140/26 Index : AFR 17/4502/2026 Cameroun Date : 3 décembre 2026

ACTION URGENTE
UN DÉFENSEUR DES DROITS HUMAINS DÉTENU ARBITRAIREMENT
Le défenseur des droits humains Paul Ndongo Exemple (il) est détenu depuis le
25 novembre 2026 à Yaoundé. Cas fictif, écrit pour des tests.

AGISSEZ : ÉCRIVEZ UN APPEL EN UTILISANT VOS PROPRES MOTS OU CE MODÈLE DE LETTRE

Madame Claire Exemple
Ministre de la Justice
Ministère de la Justice
Yaoundé, Cameroun
{contact}
Madame la Ministre,

Je vous écris au sujet de Paul Ndongo Exemple, détenu depuis le 25 novembre 2026.
Je vous prie de le libérer immédiatement et sans condition.

Veuillez agréer, Madame la Ministre, l'expression de ma haute considération.

LANGUE À PRIVILÉGIER POUR S'ADRESSER AU DESTINATAIRE : français, anglais
"""


def test_the_official_named_before_the_office_is_kept_with_or_without_contacts() -> None:
    for contact in ("Courriel : cabinet@example.org\n", ""):
        [official] = parse_text(FRENCH_UA.format(contact=contact), "fr.txt").targets
        assert (official.title, official.name) == ("Ministre de la Justice", "Claire Exemple")
        assert official.email == ("cabinet@example.org" if contact else None)


def test_the_french_letter_greets_the_minister_and_asks_for_the_release(tmp_path: Path) -> None:
    db = open_store(resolve_paths(tmp_path / "data"))
    try:
        parsed = parse_text(FRENCH_UA.format(contact="Courriel : cabinet@example.org\n"), "fr")
        save_parsed(db, parsed, "fr.txt")
        case = get_case(db, "140/26")
        sender = SenderProfile(name="Ana Exemple", city="Lyon", country="France")
        text = draft_letter(case, 1, sender, locale="fr", today=date(2026, 12, 6)).text
    finally:
        db.close()
    assert "Madame la Ministre," in text
    assert "Je vous prie de le libérer immédiatement et sans condition." in text
    assert text.count("l'expression de ma haute considération") == 1
