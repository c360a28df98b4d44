#!/usr/bin/env python3
"""Score an Urgent Action (UA) importer against a corpus of documents with expected fields.

Usage:
    python3 bench/score_import.py DIR --cmd 'TEMPLATE' [options]

DIR holds NNN_slug.txt documents, each with a NNN_slug.expected.json beside it.
TEMPLATE is a shell command that parses ONE document and prints one JSON object
(the schema in tests/fixtures/ua-samples/README.md) on stdout.  Placeholders, each replaced
by a shell-quoted value:
    {path}      the document (.txt)
    {stem}      the document path without ".txt"
    {expected}  the expected JSON file (useful only for testing this scorer)
If the template has no placeholder, the quoted document path is appended.

Examples:
    # self-test: expected files scored against themselves -> 100%
    python3 bench/score_import.py tests/fixtures/ua-samples --cmd 'cat {expected}'
    # Appeal Desk's importer, one process per document
    python3 bench/score_import.py tests/fixtures/ua-samples \
        --cmd '.venv/bin/python -m app parse --json {path}'

The tests import compare() from this file to check the sample and held-out documents;
bench/score_corpus.py scores the importer in-process on any folder of documents.

Scoring (see tests/fixtures/ua-samples/README.md for the rationale):
  * 13 top-level fields per document, each 1 (match) or 0.
  * Scalars match after normalisation: Unicode NFKC, case-folding, curly quotes
    and dashes made ASCII, ALL whitespace removed, trailing .,;: stripped.
    Field-specific extras: ua_number ("UA 061/96" == "61/96", "58.23" ==
    "58/23", 4-digit years cut to 2); country and language names go through a
    small alias table (e.g. "México" == "Mexico", "español" == "Spanish");
    previous_ua_link ignores scheme, "www." and a trailing slash; dates must be
    exactly YYYY-MM-DD; document_language compares the primary subtag.
  * persons / targets / preferred_languages: the field scores 1 only when the
    SET of keys is equal (persons by name, targets by name - or by title when
    the expected name is null - with honorifics such as "H.E.", "Dr.", "Lic.",
    "Abog.", "General" stripped; languages by canonical name).  null == [].
  * Sub-fields (pronouns; target title, salutation, address, email) and list
    F1 are reported separately and do NOT enter the overall score.
  * A document whose command fails (non-zero exit, timeout, no JSON) scores 0
    on every field.
The overall score is correct field checks / (documents x 13).

Plain python3 only (standard library).
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import unicodedata

FIELDS = [
    "ua_number",
    "ai_index",
    "kind",
    "action_requested",
    "title",
    "country",
    "issued_on",
    "deadline",
    "persons",
    "targets",
    "preferred_languages",
    "previous_ua_link",
    "document_language",
]
TARGET_SUBFIELDS = ["title", "salutation", "address", "email"]

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2039": "'",
    "\u203a": "'",
}
_DASHES = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
}


def _clean(s):
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u00ad", "")  # soft hyphen
    for a, b in _QUOTES.items():
        s = s.replace(a, b)
    for a, b in _DASHES.items():
        s = s.replace(a, b)
    return s


def norm_text(v):
    """Generic scalar normalisation; None/'' -> None."""
    if v is None:
        return None
    if isinstance(v, (list, dict)):
        return json.dumps(v, sort_keys=True)
    s = _clean(str(v)).casefold()
    s = re.sub(r"\s+", "", s)
    s = s.strip(".,;:")
    return s or None


_HONORIFIC = re.compile(
    r"^(?:(?:his|her)\s+excellency|h\.\s*e\.|lieutenant\s+general|lt\.?\s*gen\.?|major\s+general|"
    r"general\s+de\s+divisi[oó]n|general|gen\.|colonel|col\.|chief|mr|mrs|ms|miss|mx|dr|dra|prof|"
    r"lic|licda|licdo|abog|abg|ing|sr|sra|srta|mme|mlle|m\.)\.?\s+",
    re.IGNORECASE,
)


def norm_name(v):
    if v is None:
        return None
    s = _clean(str(v)).strip()
    prev = None
    while prev != s:
        prev = s
        s = _HONORIFIC.sub("", s, count=1).strip()
    return norm_text(s)


def norm_ua(v):
    s = norm_text(v)
    if s is None:
        return None
    s = re.sub(r"^(?:ua|au)[:\-#]?", "", s)
    s = s.replace(".", "/")
    m = re.fullmatch(r"0*(\d+)/(\d{2}|\d{4})", s)
    if m:
        return f"{int(m.group(1))}/{m.group(2)[-2:]}"
    return s


def norm_link(v):
    s = norm_text(v)
    if s is None:
        return None
    s = re.sub(r"^[a-z]+://", "", s)
    s = re.sub(r"^www\.", "", s)
    return s.rstrip("/") or None


def norm_date(v):
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def norm_lang_code(v):
    s = norm_text(v)
    if s is None:
        return None
    return re.split(r"[-_]", s)[0]


def norm_bool(v):
    if isinstance(v, bool):
        return v
    if v is None:
        return None
    s = str(v).strip().casefold()
    if s in ("true", "yes", "1"):
        return True
    if s in ("false", "no", "0"):
        return False
    return s


def norm_addr(v):
    if v is None:
        return None
    s = _clean(str(v)).casefold()
    s = "".join(ch for ch in s if ch.isalnum())
    return s or None


def norm_emails(v):
    if v is None:
        return frozenset()
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v if x)
    parts = re.split(r"[,;]|\s+/\s+|\s+or\s+", _clean(str(v)))
    out = set()
    for p in parts:
        p = re.sub(r"\s+", "", p).casefold().strip(".")
        if p:
            out.add(p)
    return frozenset(out)


_COUNTRY_ALIASES = {
    "usa": [
        "usa",
        "us",
        "u.s.",
        "u.s.a.",
        "unitedstates",
        "unitedstatesofamerica",
        "eeuu",
        "estadosunidos",
        "étatsunis",
        "etatsunis",
        "étatsunisd'amérique",
    ],
    "uk": ["uk", "unitedkingdom", "greatbritain", "reinounido", "royaumeuni"],
    "syria": ["syria", "syrianarabrepublic", "siria", "syrie"],
    "iran": ["iran", "irán", "islamicrepublicofiran"],
    "russia": ["russia", "russianfederation", "rusia", "russie", "fédérationderussie"],
    "vietnam": ["vietnam", "viêtnam"],
    "myanmar": ["myanmar", "burma", "birmania", "birmanie"],
    "mexico": ["mexico", "méxico", "mexique"],
    "peru": ["peru", "perú", "pérou"],
    "cameroon": ["cameroon", "cameroun", "camerún"],
    "colombia": ["colombia", "colombie"],
    "egypt": ["egypt", "egipto", "égypte", "egypte"],
    "saudiarabia": ["saudiarabia", "kingdomofsaudiarabia", "arabiasaudita", "arabiesaoudite"],
    "drc": [
        "drc",
        "democraticrepublicofthecongo",
        "democraticrepublicofcongo",
        "rdc",
        "republiquedemocratiqueducongo",
        "républiquedémocratiqueducongo",
    ],
    "southkorea": ["southkorea", "republicofkorea", "coreadelsur", "corée du sud"],
    "northkorea": ["northkorea", "dprk", "democraticpeople'srepublicofkorea"],
    "turkey": ["turkey", "türkiye", "turkiye", "turquía", "turquie"],
    "tunisia": ["tunisia", "túnez", "tunisie"],
    "azerbaijan": ["azerbaijan", "azerbaiyán", "azerbaïdjan"],
    "india": ["india", "inde"],
    "nigeria": ["nigeria", "nigéria"],
    "indonesia": ["indonesia", "indonésie"],
    "uganda": ["uganda", "ouganda"],
    "kazakhstan": ["kazakhstan", "kazajistán", "kazajstán"],
    "brazil": ["brazil", "brasil", "brésil"],
    "china": ["china", "chine", "people'srepublicofchina"],
    "guatemala": ["guatemala"],
    "honduras": ["honduras"],
    "burundi": ["burundi"],
}
_COUNTRY = {}
for _canon, _names in _COUNTRY_ALIASES.items():
    for _n in _names:
        _COUNTRY[norm_text(_n)] = _canon


def norm_country(v):
    s = norm_text(v)
    if s is None:
        return None
    return _COUNTRY.get(s, s)


_LANG_ALIASES = {
    "english": ["english", "inglés", "ingles", "anglais", "englisch", "en"],
    "spanish": ["spanish", "español", "espanol", "castellano", "espagnol", "spanisch", "es"],
    "french": ["french", "francés", "frances", "français", "francais", "französisch", "fr"],
    "arabic": ["arabic", "árabe", "arabe", "arabisch", "ar"],
    "persian": ["persian", "farsi", "persa", "persan", "fa"],
    "russian": ["russian", "ruso", "russe", "russisch", "ru"],
    "portuguese": ["portuguese", "portugués", "portugais", "pt"],
    "german": ["german", "alemán", "allemand", "deutsch", "de"],
    "chinese": ["chinese", "mandarin", "chino", "chinois", "zh"],
    "kirundi": ["kirundi", "rundi"],
    "azerbaijani": ["azerbaijani", "azeri", "azerí", "az"],
    "vietnamese": ["vietnamese", "vietnamita", "vietnamien", "vi"],
    "turkish": ["turkish", "turco", "turc", "tr"],
    "kazakh": ["kazakh", "kazajo", "kazakhe", "kk"],
    "tamil": ["tamil", "ta"],
}
_LANG = {}
for _canon, _names in _LANG_ALIASES.items():
    for _n in _names:
        _LANG[norm_text(_n)] = _canon


def norm_languages(v):
    if v is None:
        return frozenset()
    if isinstance(v, str):
        v = re.split(r",|;|\band\b|\by\b|\bet\b", v)
    out = set()
    for x in v:
        s = norm_text(x)
        if s:
            out.add(_LANG.get(s, s))
    return frozenset(out)


def _as_list(v):
    if v is None:
        return []
    if isinstance(v, list):
        return v
    return [v]


def person_key(p):
    if isinstance(p, dict):
        return norm_name(p.get("name"))
    return norm_name(p)


def target_key(t):
    if isinstance(t, dict):
        k = norm_name(t.get("name"))
        if k is None:
            k = norm_text(t.get("title"))
        return k
    return norm_name(t)


def _index(items, keyf):
    out = {}
    for it in _as_list(items):
        k = keyf(it)
        if k is not None and k not in out:
            out[k] = it
    return out


def _f1(exp_keys, got_keys):
    if not exp_keys and not got_keys:
        return 1.0
    tp = len(exp_keys & got_keys)
    if tp == 0:
        return 0.0
    p = tp / len(got_keys)
    r = tp / len(exp_keys)
    return 2 * p * r / (p + r)


SCALAR_NORMS = {
    "ua_number": norm_ua,
    "ai_index": norm_text,
    "kind": norm_text,
    "action_requested": norm_bool,
    "title": norm_text,
    "country": norm_country,
    "issued_on": norm_date,
    "deadline": norm_date,
    "previous_ua_link": norm_link,
    "document_language": norm_lang_code,
}


def compare(expected, got):
    """Return (field_scores dict, detail dict)."""
    if not isinstance(got, dict):
        got = {}
    scores, detail = {}, {"mismatch": {}, "sub": {}, "f1": {}}
    for f in FIELDS:
        e, g = expected.get(f), got.get(f)
        if f in SCALAR_NORMS:
            n = SCALAR_NORMS[f]
            ok = n(e) == n(g)
            scores[f] = 1 if ok else 0
            if not ok:
                detail["mismatch"][f] = (e, g)
        elif f == "preferred_languages":
            ok = norm_languages(e) == norm_languages(g)
            scores[f] = 1 if ok else 0
            if not ok:
                detail["mismatch"][f] = (e, g)
        elif f in ("persons", "targets"):
            keyf = person_key if f == "persons" else target_key
            ei, gi = _index(e, keyf), _index(g, keyf)
            ok = set(ei) == set(gi)
            scores[f] = 1 if ok else 0
            detail["f1"][f] = _f1(set(ei), set(gi))
            if not ok:
                detail["mismatch"][f] = (sorted(ei), sorted(gi))
            if f == "persons":
                res = []
                for k, ep in ei.items():
                    gp = gi.get(k)
                    gpron = gp.get("pronouns") if isinstance(gp, dict) else None
                    res.append(gp is not None and norm_text(ep.get("pronouns")) == norm_text(gpron))
                detail["sub"]["persons.pronouns"] = res
            else:
                for sf in TARGET_SUBFIELDS:
                    n = {"address": norm_addr, "email": norm_emails}.get(sf, norm_text)
                    res = []
                    for k, et in ei.items():
                        gt = gi.get(k)
                        gv = gt.get(sf) if isinstance(gt, dict) else None
                        res.append(gt is not None and n(et.get(sf)) == n(gv))
                    detail["sub"]["targets." + sf] = res
    return scores, detail


def run_one(template, doc, timeout, use_shell=True):
    stem = doc[:-4] if doc.endswith(".txt") else doc
    subs = {
        "path": shlex.quote(doc),
        "stem": shlex.quote(stem),
        "expected": shlex.quote(stem + ".expected.json"),
        "dir": shlex.quote(os.path.dirname(doc)),
    }
    if any(f"{{{k}}}" in template for k in subs):
        cmd = template
        for k, v in subs.items():
            cmd = cmd.replace(f"{{{k}}}", v)
    else:
        cmd = template + " " + subs["path"]
    cmd = cmd.replace("{{", "{").replace("}}", "}")
    try:
        proc = subprocess.run(cmd, shell=use_shell, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout}s"
    out = proc.stdout.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"exit {proc.returncode}: {err[-1] if err else ''}"
    try:
        return json.loads(out), None
    except ValueError:
        pass
    for line in reversed(out.splitlines()):  # tolerate log lines before the JSON
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line), None
            except ValueError:
                break
    start = out.find("{")
    if start >= 0:
        try:
            return json.loads(out[start:]), None
        except ValueError:
            pass
    return None, "stdout is not a JSON object"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="directory with NNN_slug.txt + NNN_slug.expected.json")
    ap.add_argument("--cmd", required=True, help="command template (see module docstring)")
    ap.add_argument("--jobs", type=int, default=4, help="documents parsed in parallel (default 4)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per document (default 120)")
    ap.add_argument("--only", default="*", help="glob on document file names, e.g. '0[0-1]*'")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every mismatch")
    ap.add_argument("--json", metavar="PATH", help="also write machine-readable results here")
    ap.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="exit 1 if the overall score (0-100) is below this",
    )
    a = ap.parse_args(argv)

    docs = sorted(
        p
        for p in glob.glob(os.path.join(a.dir, a.only))
        if p.endswith(".txt") and os.path.exists(p[:-4] + ".expected.json")
    )
    if not docs:
        print(f"no documents with .expected.json found in {a.dir}", file=sys.stderr)
        return 2
    docs = [os.path.abspath(d) for d in docs]

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        results = list(ex.map(lambda d: run_one(a.cmd, d, a.timeout), docs))

    field_ok = {f: 0 for f in FIELDS}
    sub_ok, sub_n = {}, {}
    f1_sum = {"persons": 0.0, "targets": 0.0}
    per_doc, failures, records = [], [], []
    for doc, (got, err) in zip(docs, results, strict=True):
        with open(doc[:-4] + ".expected.json", encoding="utf-8") as fh:
            expected = json.load(fh)
        name = os.path.basename(doc)[:-4]
        scores, detail = compare(expected, got if not err else {})
        if err:
            failures.append((name, err))
            scores = {f: 0 for f in FIELDS}
            detail["sub"] = {k: [False] * len(v) for k, v in detail["sub"].items()}
            detail["f1"] = {k: 0.0 for k in detail["f1"]}
        for f, s in scores.items():
            field_ok[f] += s
        for k, res in detail["sub"].items():
            sub_ok[k] = sub_ok.get(k, 0) + sum(res)
            sub_n[k] = sub_n.get(k, 0) + len(res)
        for k, v in detail["f1"].items():
            f1_sum[k] += v
        per_doc.append((name, sum(scores.values()), detail["mismatch"]))
        records.append(
            {
                "document": name,
                "error": err,
                "scores": scores,
                "mismatch": {k: list(v) for k, v in detail["mismatch"].items()},
            }
        )

    n = len(docs)
    total = sum(field_ok.values())
    overall = 100.0 * total / (n * len(FIELDS))
    print(f"UA importer score: {n} documents, command: {a.cmd}")
    print()
    print(f"{'field':<22} {'accuracy':>9}  correct/total")
    for f in FIELDS:
        print(f"{f:<22} {100.0 * field_ok[f] / n:8.1f}%  {field_ok[f]}/{n}")
    print()
    print("detail (not in overall):")
    for k in ("persons", "targets"):
        print(f"  {k:<20} {100.0 * f1_sum[k] / n:8.1f}%  mean set F1")
    for k in sorted(sub_n):
        pct = 100.0 * sub_ok[k] / sub_n[k] if sub_n[k] else 100.0
        print(f"  {k:<20} {pct:8.1f}%  {sub_ok[k]}/{sub_n[k]} expected items")
    print()
    print(f"per document (fields correct of {len(FIELDS)}):")
    for name, s, mism in per_doc:
        flag = "" if s == len(FIELDS) else "   wrong: " + ", ".join(sorted(mism))
        print(f"  {name:<50} {s:2d}{flag}")
        if a.verbose:
            for f in sorted(mism):
                e, g = mism[f]
                print(f"      {f:<20} expected {json.dumps(e, ensure_ascii=False)}")
                print(f"      {'':<20} got      {json.dumps(g, ensure_ascii=False)}")
    if failures:
        print()
        print(f"command failures (scored 0 on every field): {len(failures)}")
        for name, err in failures:
            print(f"  {name}: {err}")
    print()
    print(f"OVERALL {overall:.1f}%  ({total}/{n * len(FIELDS)} field checks)")

    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(
                {
                    "overall": overall,
                    "documents": n,
                    "fields": {f: field_ok[f] / n for f in FIELDS},
                    "detail": {k: (sub_ok[k] / sub_n[k] if sub_n[k] else 1.0) for k in sub_n},
                    "failures": len(failures),
                    "per_document": records,
                },
                fh,
                ensure_ascii=False,
                indent=2,
            )
    if a.min_score is not None and overall < a.min_score:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
