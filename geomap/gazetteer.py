"""The curated gazetteer: places, their names and where they are.

A gazetteer is a folder of YAML files (every `*.yaml` except `actors.yaml`) or one
file; each holds a `places:` list. `check_gazetteer` reports every problem as
`file:line: message`; `load_gazetteer` refuses a gazetteer that has any.
"""
from __future__ import annotations

import bisect
import dataclasses
import json
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import shapely
import shapely.geometry
from geopy.distance import great_circle
from shapely.geometry.base import BaseGeometry

from .errors import GazetteerError, Problem
from .yamlio import LineDict, did_you_mean, load_yaml_in_parts

FEATURE_TYPES = (
    "country", "province", "district", "city", "town", "village", "locality",
    "valley", "pass", "mountains", "region", "river", "airport",
)
"""Feature types a place may have; resolution and the map style use them."""

PLACE_FIELDS = {
    "id": "stable identifier, lower case letters, digits and _",
    "name": "the preferred name",
    "feature_type": "one of FEATURE_TYPES",
    "parent": "id of the enclosing place",
    "lat": "latitude, decimal degrees or a DMS string such as 35°18'46\"N",
    "lon": "longitude, decimal degrees or a DMS string such as 69°30'55\"E",
    "variants": "other spellings found in print",
    "source": "where the coordinates come from",
    "precision_km": "how far the true position may be from lat/lon",
    "geonames_id": "GeoNames id, when the coordinates come from GeoNames",
    "referred_to_as": "nouns articles use to refer back to it (the valley, the province)",
    "geometry": "the place's area: WKT text or a GeoJSON geometry (lon, lat order)",
    "population": "people living there (GeoNames), a prior when several places share a name",
}
REQUIRED_FIELDS = ("id", "name", "feature_type", "lat", "lon", "source")

# How far a child may lie from its parent's point before it looks misplaced.
_PARENT_RADIUS_KM = {"country": 6500, "province": 250, "region": 600, "mountains": 600}
_DEFAULT_PARENT_RADIUS_KM = 80
_ID = re.compile(r"[a-z0-9_]+")
_DMS = re.compile(
    r"""\s*(?P<deg>\d+(?:\.\d+)?)\s*[°º]?\s*
        (?:(?P<min>\d+(?:\.\d+)?)\s*['′’]\s*)?
        (?:(?P<sec>\d+(?:\.\d+)?)\s*(?:["″”]|'')\s*)?
        (?P<hemi>[NSEWnsew])\s*""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer; `parent` is the id of the place enclosing it."""

    id: str
    name: str
    feature_type: str
    lat: float
    lon: float
    parent: str | None = None
    variants: tuple[str, ...] = ()
    source: str = ""
    precision_km: float | None = None
    geonames_id: int | None = None
    referred_to_as: tuple[str, ...] = ()
    geometry: BaseGeometry | None = None  # a curated area, lon/lat
    population: int | None = None
    geometry_source: str = ""  # where its boundary comes from, when not from its own entry
    geometry_credit: str = ""  # the credit its boundary's source asks a map for
    curated: bool = True  # False for a place from a generated file (`import-geonames`)
    origin: str = ""  # file:line the entry was read from

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)

    @property
    def reference_nouns(self) -> tuple[str, ...]:
        """Nouns by which a text can point back at this place ("the valley")."""
        return self.referred_to_as or (self.feature_type,)


class Gazetteer:
    """Places by id, with each place's chain of enclosing places.

    Pickled (the index cache, worker processes) as compact rows, one JSON array per
    place in a single byte string: a place becomes a `Place` when first asked for, so
    a world-size gazetteer loads in a fraction of a second.
    """

    def __init__(self, places: Iterable[Place] = ()):
        self._places = {p.id: p for p in sorted(places, key=lambda p: p.id)}
        self.ids: tuple[str, ...] = tuple(self._places)  # sorted
        self._rows: tuple[bytes, array] | None = None  # (JSON rows, where each starts) when unpickled
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._children: dict[str, tuple[str, ...]] | None = None

    def __getitem__(self, place_id: str) -> Place:
        place = self._places.get(place_id)
        if place is None:
            number = self._number(place_id)
            if number is None or self._rows is None:
                raise KeyError(place_id)
            blob, starts = self._rows
            place = self._places[place_id] = _place_from_row(place_id, blob[starts[number]:starts[number + 1]])
        return place

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places or isinstance(place_id, str) and self._number(place_id) is not None

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Place]:
        return (self[place_id] for place_id in self.ids)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Gazetteer) and self.ids == other.ids and all(self[i] == other[i] for i in self.ids)

    def __reduce__(self):
        return Gazetteer.from_rows, self.to_rows()

    def to_rows(self) -> tuple[tuple[str, ...], bytes, array]:
        """(ids, one JSON array per place in one byte string, where each starts): how it is stored."""
        if self._rows is not None:
            return (self.ids, *self._rows)
        starts, rows, offset = array("Q", [0]), [], 0
        for place in self:
            row = json.dumps(_row_of(place), ensure_ascii=False, separators=(",", ":")).encode()
            rows.append(row)
            offset += len(row)
            starts.append(offset)
        return self.ids, b"".join(rows), starts

    @classmethod
    def from_rows(cls, ids: tuple[str, ...], blob: bytes, starts: array) -> "Gazetteer":
        """The gazetteer `to_rows` gave: each place is made from its row when first asked for."""
        gazetteer = cls()
        gazetteer.ids, gazetteer._rows = ids, (blob, starts)
        return gazetteer

    def _number(self, place_id: str) -> int | None:
        number = bisect.bisect_left(self.ids, place_id)
        return number if number < len(self.ids) and self.ids[number] == place_id else None

    def ancestors(self, place_id: str) -> tuple[str, ...]:
        """Ids of the places enclosing `place_id`, nearest first."""
        chain = self._ancestors.get(place_id)
        if chain is None:
            chain, parent = [], self[place_id].parent if place_id in self else None
            while parent and parent in self and parent not in chain and parent != place_id:
                chain.append(parent)
                parent = self[parent].parent
            chain = self._ancestors[place_id] = tuple(chain)
        return chain

    def children(self, place_id: str) -> tuple[Place, ...]:
        """The places whose parent is `place_id` (the index is built on first use)."""
        if self._children is None:
            found: dict[str, list[str]] = {}
            for place in self:
                if place.parent:
                    found.setdefault(place.parent, []).append(place.id)
            self._children = {parent: tuple(ids) for parent, ids in found.items()}
        return tuple(self[i] for i in self._children.get(place_id, ()))

    def is_ancestor(self, maybe_ancestor: str, place_id: str) -> bool:
        return maybe_ancestor in self.ancestors(place_id)

    def country_of(self, place_id: str) -> str | None:
        for pid in (place_id, *self.ancestors(place_id)):
            if self[pid].feature_type == "country":
                return pid
        return None


_ROW_FIELDS = ("name", "feature_type", "lat", "lon", "parent", "variants", "source", "precision_km",
               "geonames_id", "referred_to_as", "geometry", "population", "geometry_source", "geometry_credit", "curated", "origin")


def _row_of(place: Place) -> list:
    row = [getattr(place, name) for name in _ROW_FIELDS]
    row[_ROW_FIELDS.index("geometry")] = place.geometry.wkt if place.geometry is not None else None
    return row


def _place_from_row(place_id: str, row: bytes) -> Place:
    values = dict(zip(_ROW_FIELDS, json.loads(row)))
    for name in ("variants", "referred_to_as"):
        values[name] = tuple(values[name])
    if values["geometry"] is not None:
        values["geometry"] = shapely.from_wkt(values["geometry"])
    return Place(id=place_id, **values)


def parse_coordinate(value, axis: str) -> float:
    """Decimal degrees from a number or a DMS string; `axis` is "lat" or "lon"."""
    if isinstance(value, bool):
        raise ValueError(f"{axis} must be a number or a DMS string, not {value!r}")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = _parse_dms(value, axis)
    else:
        raise ValueError(f"{axis} must be a number or a DMS string, not {type(value).__name__}")
    limit = 90 if axis == "lat" else 180
    if not -limit <= number <= limit:
        raise ValueError(f"{axis} {number} is out of range (-{limit} to {limit})")
    return number


def parse_geometry(value) -> BaseGeometry:
    """A valid polygon from WKT text or a GeoJSON geometry mapping (lon, lat order)."""
    try:
        geometry = shapely.from_wkt(value) if isinstance(value, str) else shapely.geometry.shape(value)
    except Exception as exc:  # shapely raises several kinds for malformed input
        raise ValueError(f"geometry is neither WKT nor a GeoJSON geometry ({exc})") from None
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"geometry must be a Polygon or MultiPolygon, not {geometry.geom_type}")
    if not geometry.is_valid:
        raise ValueError(f"geometry is not a valid polygon ({shapely.is_valid_reason(geometry)})")
    minx, miny, maxx, maxy = geometry.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise ValueError("geometry coordinates must be lon, lat in degrees")
    return geometry


def _parse_dms(text: str, axis: str) -> float:
    match = _DMS.fullmatch(text)
    if not match:
        raise ValueError(f"{axis} {text!r} is neither decimal degrees nor degrees-minutes-seconds")
    hemisphere = match["hemi"].upper()
    if hemisphere not in ("NS" if axis == "lat" else "EW"):
        raise ValueError(f"{axis} {text!r} has hemisphere {hemisphere}, which belongs to the other axis")
    minutes, seconds = float(match["min"] or 0), float(match["sec"] or 0)
    if minutes >= 60 or seconds >= 60:
        raise ValueError(f"{axis} {text!r} has minutes or seconds of 60 or more")
    degrees = float(match["deg"]) + minutes / 60 + seconds / 3600
    return -degrees if hemisphere in "SW" else degrees


def gazetteer_files(path: Path, exclude: tuple[Path, ...] = ()) -> list[Path]:
    """The YAML files that make up a gazetteer at `path` (a folder or one file)."""
    if path.is_dir():
        skip = {p.resolve() for p in exclude}
        return sorted(p for p in path.glob("*.yaml") if p.name != "actors.yaml" and p.resolve() not in skip)
    return [path]


def check_gazetteer(path: str | Path) -> list[Problem]:
    """Every problem in the gazetteer at `path`, in file and line order."""
    _, problems = _read(Path(path))
    return problems


def load_gazetteer(path: str | Path, exclude: tuple[Path, ...] = ()) -> Gazetteer:
    """The gazetteer at `path` (without the files in `exclude`); raises GazetteerError listing every problem."""
    gazetteer, problems = _read(Path(path), exclude)
    if problems:
        raise GazetteerError(problems)
    return gazetteer


def _read(path: Path, exclude: tuple[Path, ...] = ()) -> tuple[Gazetteer, list[Problem]]:
    problems: list[Problem] = []
    places: list[Place] = []
    seen: dict[str, str] = {}
    if not path.exists():
        return Gazetteer(), [Problem(str(path), None, "no such file or folder")]
    files = gazetteer_files(path, exclude)
    if not files:
        problems.append(Problem(str(path), None, "no gazetteer *.yaml files in this folder"))
    additions: list[tuple[str, Path, LineDict]] = []
    for file in files:
        try:
            for document in load_yaml_in_parts(file, "places", GazetteerError):
                curated = not (isinstance(document, dict) and document.get("generated"))
                additions += _addition_entries(file, document, problems)
                for entry in _entries(file, document, problems):
                    place = _place_from_entry(file, entry, problems, curated)
                    if place is None:
                        continue
                    if place.id in seen:
                        problems.append(Problem(str(file), entry.line, f"duplicate id {place.id!r} (first at {seen[place.id]})"))
                        continue
                    seen[place.id] = place.origin
                    places.append(place)
        except GazetteerError as exc:
            problems.extend(exc.problems)
    places = _with_additions(places, additions, problems)
    gazetteer = Gazetteer(places)
    problems.extend(_relation_problems(gazetteer))
    return gazetteer, sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))


def _entries(file: Path, document, problems: list[Problem]) -> list[LineDict]:
    if document is None:
        problems.append(Problem(str(file), None, "empty file: expected a 'places:' list"))
        return []
    if isinstance(document, dict) and "places" not in document and any(k in document for k in _ADDITIONS):
        return []  # a file of names or areas for places listed elsewhere
    if not isinstance(document, dict) or "places" not in document:
        line = getattr(document, "line", 1)
        problems.append(Problem(str(file), line, "expected a mapping with a 'places:' list"))
        return []
    for key in document:
        if key not in ("places", "generated", *_ADDITIONS):
            problems.append(Problem(str(file), document.line_of(key), f"unknown top-level field {key!r}"))
    entries = document["places"]
    if not isinstance(entries, list):
        problems.append(Problem(str(file), document.line_of("places"), "'places' must be a list"))
        return []
    good = []
    for entry in entries:
        if isinstance(entry, LineDict):
            good.append(entry)
        else:
            problems.append(Problem(str(file), document.line_of("places"), f"each place must be a mapping, found {entry!r}"))
    return good


_ADDITIONS = {  # top-level lists that add to places listed elsewhere: their fields, required first
    "names": (("place", "variants"), ()),
    "areas": (("place", "geometry", "source"), ("credit",)),
}


def _addition_entries(file: Path, document, problems: list[Problem]) -> list[tuple[str, Path, LineDict]]:
    """The `names:` (more variants) and `areas:` (a boundary) entries for places listed elsewhere."""
    found = []
    for kind, (required, optional) in _ADDITIONS.items():
        entries = document.get(kind) if isinstance(document, dict) else None
        if entries is None:
            continue
        if not isinstance(entries, list) or not all(isinstance(e, LineDict) for e in entries):
            problems.append(Problem(str(file), document.line_of(kind), f"'{kind}' must be a list of {{{', '.join(required)}}}"))
            continue
        for entry in entries:
            unknown = [k for k in entry if k not in required and k not in optional]
            missing = [k for k in required if entry.get(k) in (None, "", [])]
            if unknown or missing:
                problems.append(Problem(str(file), entry.line, f"each entry of '{kind}' needs {', '.join(required)}"
                                        + (f"; unknown field {unknown[0]!r}" if unknown else "")))
                continue
            found.append((kind, file, entry))
    return found


def _with_additions(places: list[Place], additions: list[tuple[str, Path, LineDict]],
                    problems: list[Problem]) -> list[Place]:
    """`places` with the variants `names:` gives them (after their own) and the boundaries `areas:` gives
    those that have none of their own."""
    by_id = {p.id: p for p in places}
    for kind, file, entry in additions:
        place = by_id.get(entry["place"]) if isinstance(entry["place"], str) else None
        if place is None:
            problems.append(Problem(str(file), entry.line_of("place"),
                                    f"{kind}: unknown place {entry['place']!r}{did_you_mean(str(entry['place']), by_id)}"))
            continue
        if kind == "names":
            variants = entry["variants"]
            if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
                problems.append(Problem(str(file), entry.line_of("variants"), "names: variants must be a list of names"))
                continue
            by_id[place.id] = dataclasses.replace(place, variants=tuple(dict.fromkeys((*place.variants, *variants))))
        elif place.geometry is None:
            try:
                geometry = parse_geometry(entry["geometry"])
            except ValueError as exc:
                problems.append(Problem(str(file), entry.line_of("geometry"), f"areas: {place.id}: {exc}"))
                continue
            by_id[place.id] = dataclasses.replace(place, geometry=geometry, geometry_source=str(entry["source"]),
                                                  geometry_credit=str(entry.get("credit") or ""))
    return list(by_id.values())


def _place_from_entry(file: Path, entry: LineDict, problems: list[Problem], curated: bool = True) -> Place | None:
    def report(key: str | None, message: str) -> None:
        problems.append(Problem(str(file), entry.line_of(key) if key else entry.line, message))

    for key in entry:
        if key not in PLACE_FIELDS:
            report(key, f"unknown field {key!r}{did_you_mean(key, PLACE_FIELDS)}")
    missing = [k for k in REQUIRED_FIELDS if entry.get(k) in (None, "")]
    label = entry.get("id") or entry.get("name") or "place"
    for key in missing:
        what = "coordinates" if key in ("lat", "lon") else "field"
        report(None, f"{label}: missing {what} {key!r}")
    if missing:
        return None
    ok = True
    for key in ("id", "name", "source", "feature_type"):
        if not isinstance(entry[key], str):
            report(key, f"{label}: {key} must be text")
            ok = False
    if not ok:
        return None
    if not _ID.fullmatch(entry["id"]):
        report("id", f"id {entry['id']!r} must be lower case letters, digits and _")
        ok = False
    if entry["feature_type"] not in FEATURE_TYPES:
        hint = did_you_mean(entry["feature_type"], FEATURE_TYPES)
        report("feature_type", f"{label}: unknown feature_type {entry['feature_type']!r}{hint}")
        ok = False
    coordinates = {}
    for axis in ("lat", "lon"):
        try:
            coordinates[axis] = parse_coordinate(entry[axis], axis)
        except ValueError as exc:
            report(axis, f"{label}: {exc}")
            ok = False
    variants = entry.get("variants") or []
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        report("variants", f"{label}: variants must be a list of names")
        ok = False
    nouns = entry.get("referred_to_as") or []
    if not isinstance(nouns, list) or not all(isinstance(v, str) for v in nouns):
        report("referred_to_as", f"{label}: referred_to_as must be a list of nouns")
        ok = False
    parent = entry.get("parent")
    if parent is not None and not isinstance(parent, str):
        report("parent", f"{label}: parent must be a place id")
        ok = False
    precision = entry.get("precision_km")
    if precision is not None and (isinstance(precision, bool) or not isinstance(precision, (int, float)) or precision < 0):
        report("precision_km", f"{label}: precision_km must be a non-negative number")
        ok = False
    for key in ("geonames_id", "population"):
        value = entry.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            report(key, f"{label}: {key} must be a whole number")
            ok = False
    geometry = None
    if entry.get("geometry") is not None:
        try:
            geometry = parse_geometry(entry["geometry"])
        except ValueError as exc:
            report("geometry", f"{label}: {exc}")
            ok = False
    if not ok:
        return None
    return Place(
        id=entry["id"],
        name=entry["name"],
        feature_type=entry["feature_type"],
        lat=coordinates["lat"],
        lon=coordinates["lon"],
        parent=parent,
        variants=tuple(variants),
        source=entry["source"],
        precision_km=float(precision) if precision is not None else None,
        geonames_id=entry.get("geonames_id"),
        referred_to_as=tuple(nouns),
        geometry=geometry,
        population=entry.get("population"),
        curated=curated,
        origin=f"{file}:{entry.line}",
    )


def _relation_problems(gazetteer: Gazetteer) -> list[Problem]:
    """Unknown parents, cycles of parents, and children far from their parent."""
    problems = []
    for place in gazetteer:
        path, line = place.origin.rsplit(":", 1)
        at = lambda message: problems.append(Problem(path, int(line), message))  # noqa: E731
        if place.parent is None:
            continue
        if place.parent not in gazetteer:
            at(f"{place.id}: unknown parent {place.parent!r}{did_you_mean(place.parent, gazetteer.ids)}")
            continue
        if _in_cycle(place.id, gazetteer):
            at(f"{place.id}: its parents form a cycle")
            continue
        if not place.curated:
            continue  # GeoNames' own points; a generated division's point is only the median of its places
        parent = gazetteer[place.parent]
        limit = _PARENT_RADIUS_KM.get(parent.feature_type, _DEFAULT_PARENT_RADIUS_KM)
        distance = great_circle((place.lat, place.lon), (parent.lat, parent.lon)).km
        if distance > limit:
            swapped = -90 <= place.lon <= 90 and great_circle((place.lon, place.lat), (parent.lat, parent.lon)).km <= limit
            hint = "; latitude and longitude look swapped" if swapped else ""
            at(f"{place.id}: {distance:.0f} km from its parent {parent.id!r}, more than the {limit} km expected for a {parent.feature_type}{hint}")
    return problems


def _in_cycle(place_id: str, gazetteer: Gazetteer) -> bool:
    seen = {place_id}
    parent = gazetteer[place_id].parent
    while parent and parent in gazetteer:
        if parent in seen:
            return True
        seen.add(parent)
        parent = gazetteer[parent].parent
    return False
