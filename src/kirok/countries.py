"""Countries by name or code: ISO 3166-1 (pycountry) and the other names texts
and people use for them (``data/country_names.json``)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pycountry

from kirok.extraction.lexicon import load_json


def label(country: Any) -> str:
    """The name a person knows a pycountry country by ("South Korea", not
    "Korea, Republic of")."""
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.casefold()] = country.alpha_2
    for entry in load_json("country_names.json")["countries"]:
        for name in entry["names"]:
            names[name.casefold()] = entry["code"]
    return names


def _by_code(code: str) -> Any:
    if len(code) == 2:
        return pycountry.countries.get(alpha_2=code.upper())
    if len(code) == 3:
        return pycountry.countries.get(alpha_3=code.upper())
    return None


def country_code(value: str) -> str | None:
    """An ISO 3166-1 alpha-2 code from a code (2 or 3 letters) or a name."""
    text = " ".join(value.split())
    found = _by_code(text) if text.isalpha() else None
    if found is not None:
        return str(found.alpha_2)
    return _by_name().get(text.casefold())


def country_name(code: str) -> str:
    """The name of the country with this alpha-2 or alpha-3 code (the code if none)."""
    found = _by_code(code)
    return code if found is None else label(found)


@cache
def country_choices() -> list[tuple[str, str]]:
    """(alpha-2 code, name) of every country, by name, for a form's list."""
    return sorted(((c.alpha_2, label(c)) for c in pycountry.countries), key=lambda pair: pair[1])
