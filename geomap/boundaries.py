"""Real boundaries for gazetteer places, from a boundary file users download.

geoBoundaries and GADM publish GeoJSON files of administrative units (provinces, districts),
each with a name in a property of its own choosing and in its own spelling ("Horv (Hese-
Awal)", "Kalossarow"). `match_boundaries` pairs each unit with a gazetteer place of the
same level by name, in every spelling the gazetteer knows and its transliteration key, also
trying the name without, and inside, parentheses; where several units or places share a
name, the one whose place lies inside (or nearest) the unit wins, and a unit that would go
to a place more than `MAX_KM` away is refused: position stands for the hierarchy, since
geoBoundaries' files name no parent unit and every gazetteer place has a point. The result says what matched, what did not
and why; `areas_text` writes the matches as a generated gazetteer file of `areas:`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import shapely
import shapely.geometry
from shapely.geometry.base import BaseGeometry

from .errors import GazetteerError, Problem
from .gazetteer import Gazetteer, Place
from .matching import fold_name, transliteration_key
from .yamlio import write_generated

LEVELS = {"district": ("district",), "province": ("province", "region")}
MAX_KM = 50  # a place farther than this from a unit of its name is another place
_KM_PER_DEGREE = 111.32
_CREDITS = (  # how to recognise a source by its properties, and the credit it asks for
    (("shapeID", "shapeGroup"), "Administrative boundaries courtesy of geoBoundaries.org"),
    (("GID_0",), "Boundaries: GADM (gadm.org)"),
)


@dataclass(frozen=True)
class Unit:
    """One unit of the boundary file."""

    name: str
    geometry: BaseGeometry
    line: int  # its feature's position in the file (1-based), for messages
    properties: dict


@dataclass(frozen=True)
class Matched:
    unit: Unit
    place: Place
    how: str  # "name", "variant", "transliteration"; "; nearest of N units of that name"


@dataclass(frozen=True)
class BoundaryReport:
    """What an import found: matches, units left unmatched (with why), places left without a boundary."""

    matched: list[Matched] = field(default_factory=list)
    unmatched: list[tuple[Unit, str]] = field(default_factory=list)
    without: list[Place] = field(default_factory=list)
    credit: str = ""

    def as_text(self) -> str:
        lines = [f"{len(self.matched)} units matched:"]
        lines += [f"  {m.unit.name!r} -> {m.place.id} ({m.place.name}; {m.how})" for m in self.matched]
        lines.append(f"{len(self.unmatched)} units not matched:")
        lines += [f"  {unit.name!r}: {why}" for unit, why in self.unmatched]
        lines.append(f"{len(self.without)} places of this level inside the file's extent have no boundary:")
        lines += [f"  {p.id} ({p.name})" for p in self.without]
        return "\n".join(lines) + "\n"


def read_units(path: Path, name_field: str) -> list[Unit]:
    """The units of a GeoJSON FeatureCollection; GazetteerError for a file that is not one."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerError(Problem(str(path), getattr(exc, "lineno", None), f"not a GeoJSON file: {exc}")) from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        raise GazetteerError(Problem(str(path), None, "not a GeoJSON FeatureCollection"))
    units, problems = [], []
    for number, feature in enumerate(features, 1):
        properties = feature.get("properties") or {}
        name = properties.get(name_field)
        if not isinstance(name, str) or not name.strip():
            known = ", ".join(sorted(properties)) or "none"
            problems.append(Problem(str(path), None, f"feature {number} has no {name_field!r} (its properties: {known})"))
            continue
        try:
            geometry = shapely.geometry.shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problems.append(Problem(str(path), None, f"feature {number} ({name}): no readable geometry ({exc})"))
            continue
        if geometry.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(Problem(str(path), None, f"feature {number} ({name}): a {geometry.geom_type}, not an area"))
            continue
        units.append(Unit(name.strip(), shapely.make_valid(geometry), number, properties))
    if problems:
        raise GazetteerError(problems)
    return units


def match_boundaries(units: list[Unit], gazetteer: Gazetteer, level: str, credit: str = "") -> BoundaryReport:
    """Pair units with the gazetteer's places of `level` ("district" or "province")."""
    types = LEVELS[level]
    of_level = _names_index(p for p in gazetteer if p.feature_type in types)
    of_other_levels = _names_index(p for p in gazetteer if p.feature_type not in types)
    candidates: dict[str, list[tuple[Unit, str]]] = {}  # place id -> (unit, how) of every unit naming it
    unmatched = []
    for unit in units:
        found = _places_named(unit.name, of_level)
        if not found:
            others = sorted({f"{p.id} ({p.feature_type})" for p, _ in _places_named(unit.name, of_other_levels)})
            unmatched.append((unit, f"no {level} of this name in the gazetteer"
                                    + (f"; only {', '.join(others)}" if others else "")))
            continue
        near = [(place, how) for place, how in found if _km_outside(unit.geometry, place) <= MAX_KM]
        if not near:
            place = found[0][0]
            unmatched.append((unit, f"{place.id} ({place.name}) lies {_km_outside(unit.geometry, place):.0f} km "
                                    f"outside it: another place of that name"))
            continue
        for place, how in near:
            candidates.setdefault(place.id, []).append((unit, how))
    matched = []
    for place_id in sorted(candidates):
        place = gazetteer[place_id]
        options = sorted(candidates[place_id], key=lambda o: (_km_outside(o[0].geometry, place), o[0].line))
        unit, how = options[0]
        note = f"; nearest of {len(options)} units of that name" if len(options) > 1 else ""
        matched.append(Matched(unit, place, how + note))
        for other, _ in options[1:]:
            unmatched.append((other, f"{place.id} went to another unit of that name, nearer its point"))
    given = {m.place.id for m in matched}
    extent = shapely.union_all([u.geometry for u in units]).envelope if units else None
    without = [p for p in gazetteer if p.feature_type in types and p.id not in given and p.geometry is None
               and extent is not None and extent.contains(shapely.Point(p.lon, p.lat))]
    unmatched.sort(key=lambda u: u[0].line)
    return BoundaryReport(matched, unmatched, without, credit or _credit(units))


def areas_text(report: BoundaryReport, source_file: str, note: str) -> str:
    """A generated gazetteer file giving each matched place its unit's boundary."""
    entries = []
    for m in sorted(report.matched, key=lambda m: m.place.id):
        entry = {"place": m.place.id, "geometry": shapely.set_precision(m.unit.geometry, 1e-5).wkt,
                 "source": f"{source_file}, feature {m.unit.line} ({m.unit.name!r}, matched by {m.how})"}
        if report.credit:
            entry["credit"] = report.credit
        entries.append(entry)
    comment = (f"Generated by `{note}`.\nDo not edit by hand: import the boundary file again, or give a place "
               "its own geometry in its entry.")
    return write_generated(note, {"areas": entries}, comment)


def _names_index(places: Iterable[Place]) -> dict[str, list[tuple[Place, str]]]:
    """Each folded name and transliteration key of the places -> (place, how the key was made)."""
    by_key: dict[str, list[tuple[Place, str]]] = {}
    for place in places:
        for number, name in enumerate(place.names):
            how = "name" if number == 0 else "variant"
            for key, key_how in {fold_name(name): how, transliteration_key(fold_name(name)): "transliteration"}.items():
                by_key.setdefault(key, []).append((place, key_how))
    return by_key


def _places_named(name: str, by_key: dict) -> list[tuple[Place, str]]:
    for spelling in _spellings(name):
        for key in (fold_name(spelling), transliteration_key(fold_name(spelling))):
            if key in by_key:
                first = {}
                for place, how in by_key[key]:
                    first.setdefault(place.id, (place, how))
                return [first[pid] for pid in sorted(first)]
    return []


def _spellings(name: str) -> list[str]:
    """The unit's name, then without what is in parentheses, then what is in them ("Horv (Hese- Awal)")."""
    inside = re.findall(r"\(([^)]*)\)", name)
    outside = re.sub(r"\([^)]*\)", " ", name)
    return [s for s in dict.fromkeys([name, outside, *inside]) if s.strip()]


def _km_outside(geometry: BaseGeometry, place: Place) -> float:
    """How far the place's point lies outside the unit (0 inside), in km."""
    return geometry.distance(shapely.Point(place.lon, place.lat)) * _KM_PER_DEGREE


def _credit(units: list[Unit]) -> str:
    properties = units[0].properties if units else {}
    return next((credit for keys, credit in _CREDITS if all(k in properties for k in keys)), "")
