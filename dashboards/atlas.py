"""Which countries the overview's map can draw: the shapes of the vendored world atlas
(Natural Earth 1:110m via world-atlas), keyed by ISO 3166 numeric code.

At that scale small countries (Singapore, Bahrain, Malta, most island states) have no
shape at all, so a deal there would silently vanish from the map: the map draws them as
dots at a point from `data/small_countries.json` (made by scripts/small_countries.py from
the 1:10m atlas) and names them under it. Kosovo has a shape but no ISO numeric code, so it
is matched by name.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pycountry
from django.contrib.staticfiles import finders

ATLAS = "vendor/world-atlas/countries-110m.json"
POINTS = Path(__file__).resolve().parent / "data" / "small_countries.json"


@cache
def _shapes() -> tuple[frozenset[str], frozenset[str]]:
    """The atlas's shape ids and the names of the shapes that have no id."""
    path = finders.find(ATLAS)
    with open(path, encoding="utf-8") as f:
        geometries = json.load(f)["objects"]["countries"]["geometries"]
    ids = frozenset(g["id"] for g in geometries if g.get("id"))
    unnamed = frozenset(g["properties"]["name"] for g in geometries if not g.get("id"))
    return ids, unnamed


def iso_numeric(code: str) -> str:
    """The country's ISO 3166 numeric code, "" for none (Kosovo's XK is user-assigned)."""
    found = pycountry.countries.get(alpha_2=code) if code else None
    return found.numeric if found else ""


def drawn_on_map(code: str, name: str) -> bool:
    """Whether the map has a shape for this country: by numeric id, or for a country
    without one (Kosovo) by the atlas's name of an id-less shape."""
    ids, unnamed = _shapes()
    numeric = iso_numeric(code)
    return numeric in ids if numeric else name in unnamed


@cache
def _points() -> dict[str, tuple[float, float]]:
    with POINTS.open(encoding="utf-8") as f:
        return {code: (lon, lat) for code, (lon, lat) in json.load(f)["points"].items()}


def dot_for(code: str) -> tuple[float, float] | None:
    """(longitude, latitude) to draw a country without a shape as a dot; None if unknown."""
    return _points().get(code)
