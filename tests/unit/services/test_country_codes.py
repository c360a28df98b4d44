"""Country codes from English names need no other language's names, and agree with them."""

from __future__ import annotations

import subprocess
import sys

from babel import Locale

from app.importing.countries import amnesty_name
from app.services.country_codes import country_code, country_code_by_any_name


def _english_and_amnesty_names() -> list[str]:
    names = []
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha():
            names += [name, amnesty_name(code, name), name.upper(), f"  {name} "]
    return names


def test_english_and_amnesty_names_give_the_same_code_as_the_full_table() -> None:
    names = _english_and_amnesty_names()
    assert len(names) > 900
    for name in names:
        assert country_code(name) == country_code_by_any_name(name.strip()), name


def test_other_languages_and_unknown_names_still_work() -> None:
    assert country_code("Russische Föderation") == "RU"
    assert country_code("Estados Unidos") == "US"
    assert country_code("Pérou") == "PE"
    assert country_code("UK") == "GB"
    assert country_code("PE") == "PE"
    assert country_code("Atlantis (fictional)") is None
    assert country_code("") is None


def test_country_codes_load_no_cldr_data_from_babel() -> None:
    code = (
        "import sys\n"
        "from app.services.country_codes import country_code\n"
        "assert country_code('Peru') == 'PE' and country_code('Russia') == 'RU'\n"
        "assert country_code('Estados Unidos') == 'US' and country_code('Estrevia') is None\n"
        "loaded = sys.modules.get('babel.localedata')\n"
        "print(sorted(loaded._cache) if loaded else [])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
