"""The map: a static folium page that goes into a report, and works offline.

Layers: an "All sources" overview (a pie per place: the statuses the sources report,
with their count), one layer per source (off at first; toggled in the layer control),
the places outside the conflict area that are only mentioned (off at first), the
places changed since an earlier day (`changes`, with --since), and the place names; a
time slider (`slider`) steps the overview through the days with claims. Districts and provinces are drawn as areas: filled by status where the
gazetteer has their boundary, dashed where approximate. The base map is plain, so
nothing is fetched; street and terrain tiles are a click away for a reader online.

Leaflet and jQuery are inlined from Python packages by default (`assets`); `cdn=True`
links them instead. All text that comes from articles is escaped (`escape`); element
ids are numbered in tree order, so the same inputs give a byte-identical page. The page
has a print layout (`map.html#print`, `panels`) that `png.screenshot` renders.
"""
from __future__ import annotations

import itertools
import json
from collections import Counter, OrderedDict

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from ..actors import Actors
from ..areas import Area
from ..articles import Article
from ..assess import PlaceReport
from ..timeline import Edition
from .assets import SCRIPTS, STYLES, inline_assets
from .changes import changes_layer
from .escape import esc
from .features import (
    area_layer, bounds_of, combined_status, elsewhere, elsewhere_point, overview_pie, points_layer, source_point,
    status_colour,
)
from .labels import LABEL_CSS, LabelSpacing, label_layer
from .panels import PRINT_LAYOUT, STYLE, credits, legend, sources_list, title_box
from .png import find_chromium, screenshot
from .slider import TimeSlider, slider_data

__all__ = ["build_folium_map", "find_chromium", "render_html", "screenshot", "status_colour"]

_PADDING = (90, 40)  # px around the places: room for the names written to their right
COLLAPSE_ABOVE = 8  # source layers beyond which the layer control starts collapsed
LAYER_NAME_CHARS = 32  # longer source names are shortened in the layer control (the full name in a tooltip)
GEOMAP_CREDIT = "Map: geomap, from the articles listed; places from its gazetteer."


class _ReportMap(folium.Map):
    """A folium Map that loads only what these maps use: Leaflet and jQuery (for popups)."""

    default_js = [(name, url) for name, url, _ in SCRIPTS]
    default_css = [(name, url) for name, url, _ in STYLES]


def build_folium_map(reports: list[PlaceReport], articles: list[Article], actors: Actors,
                     areas: dict[str, Area], title: str = "Who claims to control what",
                     edition: Edition | None = None) -> folium.Map:
    """The report map: overview, a layer per source, the places elsewhere, names, legend and controls.

    `edition` dates it: "as of DATE" in the title when the date was asked for, a ring
    around the places changed since an earlier day, and a time slider over the days with claims.
    """
    edition = edition or Edition(None)
    if edition.explicit:
        title = f"{title}, as of {edition.as_of.isoformat()}"
    fmap = _ReportMap(tiles=None, control_scale=True, zoom_snap=0.25)  # fractional zoom: the places fill the view
    folium.TileLayer("OpenStreetMap", name="Street map (OpenStreetMap; needs a network)", show=False).add_to(fmap)
    folium.TileLayer("OpenTopoMap", name="Terrain (OpenTopoMap; needs a network)", show=False).add_to(fmap)
    far = elsewhere(reports)
    by_place: dict[str, list[PlaceReport]] = {}
    for report in reports:
        by_place.setdefault(report.place.id, []).append(report)

    sources = sorted({a.source for a in articles})
    overview = folium.FeatureGroup(name=f"All sources ({len(sources)})", show=True)
    pies, overview_areas = [], {}
    for place_id in sorted(by_place):
        if place_id not in far:
            place_reports = by_place[place_id]
            area = areas.get(place_id)
            if area is not None:
                overview_areas[place_id] = area_layer(area, place_reports[0].place.name,
                                                      status_colour(combined_status(place_reports), actors))
                overview_areas[place_id].add_to(overview)
            pies.append(overview_pie(place_reports, actors))
    pie_layer = points_layer(pies, folium.Marker(icon=folium.DivIcon()))
    pie_layer.add_to(overview)
    overview.add_to(fmap)
    if edition.steps:
        data = slider_data(list(edition.steps), sorted(pid for pid in by_place if pid not in far), actors)
        TimeSlider(data, pie_layer, overview_areas).add_to(fmap)

    article_count = Counter(a.source for a in articles)
    articles_by_id = {a.id: a for a in articles}
    for source in sources:
        layer = folium.FeatureGroup(name=_layer_name(source, article_count[source]), show=False)
        points = []
        for report in (r for r in reports if r.source == source and r.place.id not in far):
            area = areas.get(report.place.id)
            if area is not None:
                area_layer(area, report.place.name, status_colour(report.status, actors)).add_to(layer)
            points.append(source_point(report, articles_by_id, actors))
        points_layer(points, folium.CircleMarker()).add_to(layer)
        layer.add_to(fmap)

    if far:
        elsewhere_group = folium.FeatureGroup(name="Elsewhere, only mentioned", show=False)
        points_layer([elsewhere_point(by_place[place_id]) for place_id in sorted(far)],
                     folium.CircleMarker()).add_to(elsewhere_group)
        elsewhere_group.add_to(fmap)

    if edition.changes:
        changes_layer(list(edition.changes), edition.since, articles_by_id, actors).add_to(fmap)

    labels = label_layer(reports, far)
    if labels is not None:
        labels.add_to(fmap)
        LabelSpacing().add_to(fmap)
    folium.LayerControl(collapsed=len(sources) > COLLAPSE_ABOVE).add_to(fmap)

    shown = [areas[pid] for pid in by_place if pid in areas and pid not in far]
    root = fmap.get_root()
    root.header.add_child(Element(f"<title>{esc(title)}</title>"), name="page_title")
    root.header.add_child(Element(STYLE + LABEL_CSS), name="geomap_style")
    root.html.add_child(Element(title_box(title, articles, edition.as_of)))
    root.html.add_child(Element(legend(actors, any(not a.approximate for a in shown), any(a.approximate for a in shown),
                                       edition.since if edition.changes else None)))
    root.html.add_child(Element(sources_list(articles)))
    root.html.add_child(Element(credits([*_area_credits(shown), GEOMAP_CREDIT])))
    bounds = bounds_of([r for r in reports if r.place.id not in far], areas)
    if bounds:
        fmap.fit_bounds(bounds, padding=_PADDING)
        view = {"bounds": bounds, "padding": list(_PADDING)}
        root.html.add_child(Element(f"<script>window.geomapView = {json.dumps(view)};</script>"))
    root.html.add_child(Element(PRINT_LAYOUT))
    for credit in _area_credits(shown):
        fmap.add_child(_Attribution(credit))
    return fmap


def _layer_name(source: str, count: int) -> str:
    """The source and its article count; a long name shortened, in full in a tooltip."""
    articles = f"({count} article{'s' if count != 1 else ''})"
    if len(source) <= LAYER_NAME_CHARS:
        return esc(f"{source} {articles}")
    short = source[:LAYER_NAME_CHARS - 1].rstrip() + "…"
    return f"<span title='{esc(source)}'>{esc(short)} {articles}</span>"


def _area_credits(areas: list[Area]) -> list[str]:
    return sorted({a.credit for a in areas if a.credit})


class _Attribution(MacroElement):
    """A credit in the map's attribution line (boundary data asks for one)."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
{% endmacro %}
""")

    def __init__(self, text: str):
        super().__init__()
        self.text = esc(text)


def render_html(fmap: folium.Map, cdn: bool = False) -> str:
    """The page as text, with element ids numbered in tree order (deterministic); Leaflet and
    jQuery inlined unless `cdn`."""
    root = fmap.get_root()
    counter = itertools.count()
    numbered: set[int] = set()

    def number(element: Element) -> None:
        if id(element) in numbered:  # a layer the time slider refers to is numbered where it stands
            return
        numbered.add(id(element))
        element._id = f"{next(counter):06d}"
        children = list(element._children.values())
        element._children = OrderedDict()
        for child in children:
            number(child)
            element._children[child.get_name()] = child
        for name, value in sorted(vars(element).items()):  # popups keep their html outside _children
            if isinstance(value, Element) and name != "_parent" and value not in children:
                number(value)

    number(root)
    page = root.render()
    return page if cdn else inline_assets(page)
