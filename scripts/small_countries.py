"""Write dashboards/data/small_countries.json: a point for each country that the overview's
1:110m world atlas has no shape for (Singapore, Bahrain, Malta, most island states), so the
map can draw their deals as dots.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/small_countries.py package/countries-10m.json

The point is the area-weighted centre (in longitude and latitude) of the country's largest
polygon in world-atlas's 1:10m countries (Natural Earth, public domain), rounded to a
hundredth of a degree: for a small country, a spot inside or beside it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs, indexes) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _area_and_centre(ring) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def main(path: str) -> None:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdd.settings")
    django.setup()
    from dashboards.atlas import drawn_on_map, iso_numeric
    from taxonomy import words
    from taxonomy.countries import country_codes

    topology = json.loads(Path(path).read_text())
    arcs = _arcs(topology)
    by_id = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]}
    rows = []
    for code in sorted(country_codes()):
        if drawn_on_map(code, words.country(code)):
            continue
        geometry = by_id.get(iso_numeric(code))
        if not geometry or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        best = max((_area_and_centre(_ring(arcs, p[0])) for p in polygons), key=lambda r: r[0])
        rows.append([code, round(best[1], 2), round(best[2], 2)])
    out = Path(__file__).resolve().parent.parent / "dashboards" / "data" / "small_countries.json"
    body = {
        "source": (
            "world-atlas 2.0.2 countries-10m (Natural Earth 1:10m, public domain): "
            "area-weighted centre of each country's largest polygon; "
            "made by scripts/small_countries.py"
        ),
        "points": {code: [lon, lat] for code, lon, lat in rows},
    }
    # one country a line, so a change reads as a one-line diff
    text = json.dumps(body, indent=1).replace("\n   ", " ").replace("\n  ]", "]")
    out.write_text(text + "\n", encoding="utf-8")
    print(f"{len(rows)} countries in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
