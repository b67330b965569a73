"""Areas for districts, provinces and valleys: curated polygons, or approximations.

Where the gazetteer gives a place a `geometry`, that is its area. Otherwise an
approximate area is derived with shapely from what the gazetteer knows: the convex
hull of the place's own point and its children's points, widened by their
precision; or, with no children, a disc as wide as the point's `precision_km`.
Approximate areas say so, and how they were made. Built once per gazetteer.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import shapely
from shapely.geometry import MultiPoint, Point
from shapely.geometry.base import BaseGeometry

from .gazetteer import Gazetteer, Place

AREA_TYPES = ("province", "district", "valley", "region")
_DEFAULT_RADIUS_KM = {"province": 30.0, "region": 30.0, "district": 6.0, "valley": 6.0}
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class Area:
    """The area drawn for a place (lon/lat), whether it is approximate, and how it was made."""

    place_id: str
    geometry: BaseGeometry
    approximate: bool
    how: str
    credit: str = ""  # what the boundary's source asks the map to say


def areas_of(gazetteer: Gazetteer) -> dict[str, Area]:
    """An Area for every place of an area-like feature type."""
    children: dict[str, list[Place]] = {}
    for place in gazetteer:
        if place.parent:
            children.setdefault(place.parent, []).append(place)
    areas = {}
    for place in gazetteer:
        if place.geometry is not None:
            areas[place.id] = Area(place.id, place.geometry, False,
                                   f"boundary: {place.geometry_source or 'from its gazetteer entry'}", place.geometry_credit)
        elif place.feature_type in AREA_TYPES:
            areas[place.id] = _approximate(place, sorted(children.get(place.id, []), key=lambda p: p.id))
    return areas


def _approximate(place: Place, children: list[Place]) -> Area:
    """Work in a local equirectangular projection (km), where buffers are round."""
    scale = math.cos(math.radians(place.lat))

    def to_km(lon: float, lat: float) -> tuple[float, float]:
        return (lon - place.lon) * _KM_PER_DEGREE * scale, (lat - place.lat) * _KM_PER_DEGREE

    def to_degrees(coords):  # an (n, 2) array of km offsets
        return coords / (_KM_PER_DEGREE * scale, _KM_PER_DEGREE) + (place.lon, place.lat)

    own_radius = max(place.precision_km or 0, _DEFAULT_RADIUS_KM.get(place.feature_type, 5.0))
    if children:
        points = [to_km(place.lon, place.lat), *(to_km(c.lon, c.lat) for c in children)]
        margin = max(3.0, sorted(c.precision_km or 5.0 for c in children)[len(children) // 2])
        shape = MultiPoint(points).convex_hull.buffer(margin, quad_segs=8)
        how = f"approximate: convex hull of its own point and {len(children)} child place(s), widened by {margin:g} km"
    else:
        shape = Point(0, 0).buffer(own_radius, quad_segs=8)
        how = f"approximate: a disc of {own_radius:g} km around its centre"
    geometry = shapely.transform(shape, to_degrees)
    return Area(place.id, shapely.set_precision(geometry, 1e-5), True, how)
