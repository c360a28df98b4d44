"""argparse's own words (``usage:``, ``options``, its error messages) in the interface language.

argparse translates what it prints with the standard library's gettext functions in the
default text domain, ``messages``, which is also the name of the app's catalogs. The command
line binds that domain to the app's catalogs and names the interface language for it, and the
catalogs translate copies of argparse's messages, listed here for extraction (the texts must
stay exactly as argparse writes them, Python 3.11 to 3.13).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager

from app.i18n import CATALOG_DOMAIN, N_, SOURCE_LANGUAGE, locale_chain, locales_dir

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


@contextmanager
def argparse_speaks(locale_id: str) -> Iterator[None]:
    """While parsing the command line, argparse speaks ``locale_id`` (its compiled catalog is
    beside the .po once the language is chosen; English when there is none). The process's
    environment is as it was afterwards."""
    gettext.bindtextdomain(CATALOG_DOMAIN, str(locales_dir()))
    chain = [link for link in locale_chain(locale_id) if link != SOURCE_LANGUAGE]
    previous = os.environ.get("LANGUAGE")
    # gettext reads the language from the environment, LANGUAGE first.
    os.environ["LANGUAGE"] = ":".join(chain) or SOURCE_LANGUAGE
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous
