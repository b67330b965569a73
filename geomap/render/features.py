"""The map: a static folium page that goes into a report.

Layers: an "All sources" overview (a pie per place: the statuses the sources report,
with their count), one layer per source (off at first; toggled in the layer control),
and the places outside the conflict area that are only mentioned (off at first). Each
layer's places are one GeoJSON layer, so thousands of places stay one script object.
Districts, provinces and valleys are drawn as areas, dashed where approximate.

All text that comes from articles is escaped here (for HTML, and for the JavaScript
template strings folium puts it in); element ids are numbered in tree order, so the
same inputs give a byte-identical page. `inline_assets` makes the page self-contained
from local copies of Leaflet and jQuery.
"""
from __future__ import annotations

import base64
import html
import itertools
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter, OrderedDict
from pathlib import Path

import folium
from branca.element import Element
from geopy.distance import great_circle

from .actors import Actors
from .areas import Area
from .articles import Article
from .assess import CONTESTED, MENTIONED, PlaceReport
from .gazetteer import Place
from .errors import MissingDependencyError

CONTESTED_COLOUR = "#CC79A7"
MENTIONED_COLOUR = "#7F7F7F"
POPUP_CLAIMS = 12  # claims quoted in one popup; the rest are counted (all are in claims.csv)
CONFLICT_AREA_KM = 300  # mentioned places farther than this from every claimed place are "elsewhere"
_RADIUS = {"country": 5, "province": 16, "region": 16, "mountains": 12, "district": 11, "valley": 11}
_DEFAULT_RADIUS = 7
_ICON_PX = {"province": 38, "region": 38, "district": 30, "valley": 30}
_DEFAULT_ICON_PX = 22
_JS = (
    ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", "leaflet/leaflet.js"),
    ("jquery", "https://code.jquery.com/jquery-3.7.1.min.js", "jquery/jquery.min.js"),
)
_CSS = (("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css", "leaflet/leaflet.css"),)
ASSET_DIRS = ("/usr/share/javascript", "/usr/share/nodejs")
"""Where local copies of Leaflet and jQuery are looked for (Debian: libjs-leaflet, libjs-jquery)."""


class _ReportMap(folium.Map):
    """A folium Map that loads only what these maps use: Leaflet and jQuery (for popups)."""

    default_js = [(name, url) for name, url, _ in _JS]
    default_css = [(name, url) for name, url, _ in _CSS]


def esc(text: str) -> str:
    """Escape text for HTML, safe too inside a JavaScript template string (folium's tooltips)."""
    return html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def build_folium_map(reports: list[PlaceReport], articles: list[Article], actors: Actors,
                     areas: dict[str, Area], title: str = "Who claims to control what") -> folium.Map:
    """The report map: overview, a layer per source, the places elsewhere, legend and controls."""
    fmap = _ReportMap(tiles=None, control_scale=True)
    folium.TileLayer("OpenStreetMap", name="Street map (OpenStreetMap)").add_to(fmap)
    folium.TileLayer("OpenTopoMap", name="Terrain (OpenTopoMap)", show=False).add_to(fmap)
    elsewhere_ids = _elsewhere(reports)
    by_place: dict[str, list[PlaceReport]] = {}
    for report in reports:
        by_place.setdefault(report.place.id, []).append(report)

    sources = sorted({a.source for a in articles})
    overview = folium.FeatureGroup(name=f"All sources ({len(sources)})", show=True)
    pies = []
    for place_id in sorted(by_place):
        if place_id not in elsewhere_ids:
            place_reports = by_place[place_id]
            area = areas.get(place_id)
            if area is not None:
                _area(area, place_reports[0].place.name, status_colour(_combined_status(place_reports), actors)).add_to(overview)
            pies.append(_overview_pie(place_reports, actors))
    _points(pies, folium.Marker(icon=folium.DivIcon())).add_to(overview)
    overview.add_to(fmap)

    article_count = Counter(a.source for a in articles)
    articles_by_id = {a.id: a for a in articles}
    for source in sources:
        count = article_count[source]
        layer = folium.FeatureGroup(name=esc(f"{source} ({count} article{'s' if count != 1 else ''})"), show=False)
        points = []
        for report in (r for r in reports if r.source == source and r.place.id not in elsewhere_ids):
            area = areas.get(report.place.id)
            if area is not None:
                _area(area, report.place.name, status_colour(report.status, actors)).add_to(layer)
            points.append(_source_point(report, articles_by_id, actors))
        _points(points, folium.CircleMarker()).add_to(layer)
        layer.add_to(fmap)

    if elsewhere_ids:
        elsewhere = folium.FeatureGroup(name="Elsewhere, only mentioned", show=False)
        _points([_elsewhere_point(by_place[place_id]) for place_id in sorted(elsewhere_ids)],
                folium.CircleMarker()).add_to(elsewhere)
        elsewhere.add_to(fmap)

    folium.LayerControl(collapsed=False).add_to(fmap)
    root = fmap.get_root()
    root.header.add_child(Element(f"<title>{esc(title)}</title>"), name="page_title")
    root.html.add_child(Element(_title_box(title, articles)))
    root.html.add_child(Element(_legend(actors)))
    bounds = _bounds([r for r in reports if r.place.id not in elsewhere_ids], areas)
    if bounds:
        fmap.fit_bounds(bounds, padding=(20, 20))
    return fmap


def render_html(fmap: folium.Map) -> str:
    """The page as text, with element ids numbered in tree order (deterministic)."""
    root = fmap.get_root()
    counter = itertools.count()

    def number(element: Element) -> None:
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
    return root.render()


def find_assets(search: tuple[str, ...] | None = None) -> Path:
    """The folder holding leaflet/ and jquery/ (GEOMAP_ASSETS, else the system's JavaScript folders)."""
    folders = [os.environ["GEOMAP_ASSETS"]] if os.environ.get("GEOMAP_ASSETS") else []
    folders += list(search or ASSET_DIRS)
    for folder in folders:
        if all((Path(folder) / relative).is_file() for _, _, relative in (*_JS, *_CSS)):
            return Path(folder)
    raise MissingDependencyError.at(
        folders[0] if folders else "GEOMAP_ASSETS", None,
        "a self-contained map needs local copies of Leaflet and jQuery: install them with "
        "'apt-get install libjs-leaflet libjs-jquery', or set GEOMAP_ASSETS to a folder holding "
        "leaflet/leaflet.js, leaflet/leaflet.css and jquery/jquery.min.js",
    )


def inline_assets(page: str, assets: Path) -> str:
    """The page with Leaflet, jQuery and Leaflet's CSS images inlined: it then needs no network but for tiles."""
    for _, url, relative in _JS:
        code = (assets / relative).read_text(encoding="utf-8").replace("</script", "<\\/script")
        page = page.replace(f'<script src="{url}"></script>', f"<script>/* {relative} */\n{code}\n</script>")
    for _, url, relative in _CSS:
        css_path = assets / relative

        def data_uri(match: re.Match, folder: Path = css_path.parent) -> str:
            image = folder / match.group(1)
            if not image.is_file():
                return match.group(0)
            return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode()})"

        css = re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css_path.read_text(encoding="utf-8"))
        page = re.sub(rf'<link[^>]*href="{re.escape(url)}"[^>]*>', lambda _: f"<style>/* {relative} */\n{css}\n</style>", page)
    return page


def status_colour(status: str, actors: Actors) -> str:
    if status == CONTESTED:
        return CONTESTED_COLOUR
    actor = actors.get(status)
    return actor.colour if actor else MENTIONED_COLOUR


def _status_label(status: str, actors: Actors) -> str:
    if status in (CONTESTED, MENTIONED):
        return status
    actor = actors.get(status)
    return f"held by {actor.name}, as claimed" if actor else status


def _elsewhere(reports: list[PlaceReport]) -> set[str]:
    """Places only mentioned, and far from every claimed place (or whole countries): not the conflict area."""
    claimed = {r.place.id: r.place for r in reports if r.status != MENTIONED}
    elsewhere = set()
    for report in reports:
        place = report.place
        if place.id in claimed:
            continue
        near = any(great_circle((place.lat, place.lon), (c.lat, c.lon)).km <= CONFLICT_AREA_KM for c in claimed.values())
        if place.feature_type == "country" or not near:
            elsewhere.add(place.id)
    return elsewhere


def _claim_strength(report: PlaceReport) -> str:
    """'hedged' when every claim is hedged, 'corroborated' when two claimants agree, else 'plain'."""
    backing = [c for c in report.claims if c.controller == report.status]
    if report.claims and all(c.hedged for c in report.claims):
        return "hedged"
    if len({c.claimant for c in backing}) >= 2 or any(c.stance == "corroboration" for c in backing):
        return "corroborated"
    return "plain"


def _source_point(report: PlaceReport, articles_by_id: dict[str, Article], actors: Actors) -> dict:
    place = report.place
    colour = status_colour(report.status, actors)
    strength = _claim_strength(report)
    claimed = report.status != MENTIONED
    style = {
        "radius": _RADIUS.get(place.feature_type, _DEFAULT_RADIUS),
        "color": "#000000" if report.status == CONTESTED else colour,
        "weight": 3 if report.status == CONTESTED or strength == "corroborated" else 2,
        "dashArray": "4 3" if report.status == CONTESTED else ("1 4" if strength == "hedged" else None),
        "fillColor": colour,
        "fillOpacity": (0.3 if strength == "hedged" else 0.9 if strength == "corroborated" else 0.65) if claimed else 0.15,
    }
    return _point(place, esc(f"{place.name}: {_status_label(report.status, actors)} ({report.source})"),
                  _popup(report, articles_by_id, actors), style=style)


def _point(place: Place, tooltip: str, popup: str, **properties) -> dict:
    """A GeoJSON point feature; `tooltip` and `popup` are HTML, already escaped."""
    return {"type": "Feature", "id": place.id, "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": {"tooltip": tooltip, "popup": popup, **properties}}


# Binds each feature's tooltip and popup (and a pie's icon) when Leaflet makes its layer.
_BIND = folium.JsCode("""function (feature, layer) {
    var p = feature.properties;
    if (p.icon) { layer.setIcon(L.divIcon(p.icon)); }
    layer.bindTooltip(p.tooltip);
    layer.bindPopup(p.popup, {maxWidth: 440});
}""")


def _points(features: list[dict], marker) -> folium.GeoJson:
    """One GeoJSON layer for many places: one script object, however many places, so a big map stays light."""
    return folium.GeoJson({"type": "FeatureCollection", "features": features}, marker=marker,
                          on_each_feature=_BIND, control=False)


def _area(area: Area, name: str, colour: str) -> folium.GeoJson:
    label = f"{name}: {area.how}" if area.approximate else name
    style = {"color": colour, "weight": 1.5, "fillColor": colour, "fillOpacity": 0.1 if area.approximate else 0.18,
             "dashArray": "6 4" if area.approximate else None}
    return folium.GeoJson(
        area.geometry.__geo_interface__,
        style_function=lambda _feature, style=style: style,
        tooltip=folium.Tooltip(esc(label)),
        control=False,
    )


def _combined_status(reports: list[PlaceReport]) -> str:
    """The sources' status where they agree, else contested."""
    return reports[0].status if len({r.status for r in reports}) == 1 else CONTESTED


def _overview_pie(reports: list[PlaceReport], actors: Actors) -> dict:
    """A pie of the statuses the sources report, the number of sources in its middle."""
    place = reports[0].place
    counts = Counter(r.status for r in reports)
    slices = [(status_colour(status, actors), counts[status]) for status in sorted(counts, key=lambda s: (-counts[s], s))]
    agree = len(counts) == 1
    size = _ICON_PX.get(place.feature_type, _DEFAULT_ICON_PX)
    lines = [f"{r.source}: {_status_label(r.status, actors)} ({len(r.claims)} claim{'s' if len(r.claims) != 1 else ''}"
             f"; spelled {', '.join(r.spellings) or place.name})" for r in reports]
    verdict = "sources agree" if agree else "sources disagree"
    popup = (f"<div class='geomap-popup'><h4 style='margin:0'>{esc(place.name)}</h4>"
             f"<div>{esc(place.feature_type)} &middot; {len(reports)} source{'s' if len(reports) != 1 else ''}"
             f" &middot; <b>{verdict}</b></div><ul style='padding-left:16px;margin:4px 0'>"
             + "".join(f"<li>{esc(line)}</li>" for line in lines)
             + "</ul><div style='font-size:smaller'>Toggle a source's layer to read its evidence.</div></div>")
    icon = {"html": _pie_svg(slices, len(reports), size, dashed=not agree), "iconSize": [size, size],
            "iconAnchor": [size // 2, size // 2], "className": "geomap-pie"}
    return _point(place, esc(f"{place.name}: {len(reports)} source{'s' if len(reports) != 1 else ''}, {verdict}"),
                  popup, icon=icon)


def _pie_svg(slices: list[tuple[str, int]], total: int, size: int, dashed: bool) -> str:
    radius = size / 2 - 2
    centre = size / 2
    parts, angle = [], -math.pi / 2
    for colour, count in slices:
        if count == total:
            parts.append(f"<circle cx='{centre:g}' cy='{centre:g}' r='{radius:g}' fill='{colour}'/>")
            break
        sweep = 2 * math.pi * count / total
        x1, y1 = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        x2, y2 = centre + radius * math.cos(angle + sweep), centre + radius * math.sin(angle + sweep)
        large = 1 if sweep > math.pi else 0
        parts.append(f"<path d='M{centre:g},{centre:g} L{x1:.2f},{y1:.2f} A{radius:g},{radius:g} 0 {large} 1 "
                     f"{x2:.2f},{y2:.2f} Z' fill='{colour}'/>")
        angle += sweep
    ring = "stroke-dasharray='3 2' stroke-width='2.5'" if dashed else "stroke-width='1.5'"
    parts.append(f"<circle cx='{centre:g}' cy='{centre:g}' r='{radius:g}' fill='none' stroke='#000' {ring}/>")
    parts.append(f"<text x='50%' y='50%' dy='0.35em' text-anchor='middle' font-size='{max(10, size // 3)}' "
                 f"font-family='sans-serif' font-weight='bold' fill='#fff' stroke='#000' stroke-width='0.6'>{total}</text>")
    return f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' opacity='0.9'>{''.join(parts)}</svg>"


def _elsewhere_point(reports: list[PlaceReport]) -> dict:
    place = reports[0].place
    sources = ", ".join(r.source for r in reports)
    style = {"radius": 5, "color": MENTIONED_COLOUR, "weight": 1, "fillColor": MENTIONED_COLOUR, "fillOpacity": 0.3}
    return _point(place, esc(f"{place.name}: mentioned by {sources}"),
                  f"<b>{esc(place.name)}</b><div>{esc(place.feature_type)}: mentioned, no control claim, "
                  f"by {esc(sources)}</div>", style=style)


def _popup(report: PlaceReport, articles_by_id: dict[str, Article], actors: Actors) -> str:
    place = report.place
    precision = f" &middot; position &plusmn;{place.precision_km:g} km" if place.precision_km else ""
    parts = [
        f"<div class='geomap-popup'><h4 style='margin:0'>{esc(place.name)}</h4>",
        f"<div>{esc(place.feature_type)} &middot; <b>{esc(_status_label(report.status, actors))}</b>"
        f" &middot; {esc(report.source)}{precision}</div>",
        f"<div>Spelled: {esc(', '.join(report.spellings))}</div>" if report.spellings else "",
    ]
    if not report.claims:
        parts.append("<div><i>Mentioned; no control claim.</i></div>")
    for claim in report.claims[:POPUP_CLAIMS]:
        article = articles_by_id[claim.article_id]
        controller = actors.get(claim.controller)
        claimant = actors.get(claim.claimant)
        hedges = f" &middot; hedged: <i>{esc(', '.join(claim.hedges))}</i>" if claim.hedges else ""
        title = esc(article.title)
        link = f"<a href='{esc(article.url)}' target='_blank' rel='noopener'>{title}</a>" if article.url else title
        parts.append(
            "<hr style='margin:4px 0'>"
            f"<div><b>{esc(claimant.name if claimant else claim.claimant)}</b>: {_stance_phrase(claim, controller)}{hedges}</div>"
            f"<blockquote style='margin:2px 0 2px 8px'>{_highlight(claim.evidence, claim.place_text)}</blockquote>"
            f"<div style='font-size:smaller'>{link} &middot; {esc(article.source)} &middot; "
            f"{esc(claim.date.isoformat() if claim.date else 'undated')}</div>"
        )
    if len(report.claims) > POPUP_CLAIMS:
        rest = len(report.claims) - POPUP_CLAIMS
        parts.append(f"<hr style='margin:4px 0'><div><i>and {rest} more claim{'s' if rest != 1 else ''} from this "
                     "source: see claims.csv</i></div>")
    parts.append("</div>")
    return "".join(parts)


def _stance_phrase(claim, controller) -> str:
    held_by = esc(controller.name if controller else claim.controller)
    if claim.stance == "denial":
        return f"denial (disputes a rival claim; for {held_by})"
    return f"{esc(claim.stance)} &rarr; {held_by}"


def _highlight(sentence: str, place_text: str) -> str:
    """The sentence, escaped, with the place's words marked."""
    at = sentence.find(place_text) if place_text else -1
    if at < 0:
        return esc(sentence)
    end = at + len(place_text)
    return f"{esc(sentence[:at])}<mark>{esc(place_text)}</mark>{esc(sentence[end:])}"


def _title_box(title: str, articles: list[Article]) -> str:
    dates = sorted(a.date for a in articles if a.date)
    span = (dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} to {dates[-1].isoformat()}") if dates else "undated"
    sources = len({a.source for a in articles})
    return (
        "<div id='geomap-title' style='position:fixed;top:10px;left:60px;z-index:1000;background:#fff;"
        "padding:6px 10px;border:1px solid #999;border-radius:4px;font:13px sans-serif;max-width:50%'>"
        f"<b style='font-size:15px'>{esc(title)}</b><br>{len(articles)} articles from {sources} sources, {esc(span)}"
        "</div>"
    )


def _legend(actors: Actors) -> str:
    def dot(colour: str, extra: str = "") -> str:
        return (f"<span style='display:inline-block;width:12px;height:12px;border-radius:50%;vertical-align:middle;"
                f"background:{colour};{extra}margin-right:6px'></span>")

    rows = [dot(a.colour) + esc(f"{a.name}: claimed control") for a in actors]
    rows.append(dot(CONTESTED_COLOUR, "border:2px dashed #000;") + "contested: rival claims or a denial")
    rows.append(dot(MENTIONED_COLOUR, "opacity:0.4;") + "mentioned: no control claim")
    rows.append(dot("#999", "opacity:0.35;border:1px dotted #000;") + "faint: every claim hedged")
    rows.append(dot("#999", "border:2px solid #000;") + "strong: corroborated by a second claimant")
    rows.append("<span style='display:inline-block;width:14px;height:9px;border:1.5px dashed #555;margin-right:6px'></span>"
                "dashed area: approximate extent")
    rows.append("All sources: a pie of what the sources report; the number is how many mention the place; "
                "a dashed ring means they disagree.")
    rows.append("Circle size: province &gt; district &gt; town or locality.")
    return (
        "<div id='geomap-legend' style='position:fixed;bottom:30px;left:10px;z-index:1000;background:#fff;"
        "padding:8px 10px;border:1px solid #999;border-radius:4px;font:12px sans-serif;max-width:280px'>"
        "<b>Claimed control, per source</b>" + "".join(f"<div>{row}</div>" for row in rows) + "</div>"
    )


def _bounds(reports: list[PlaceReport], areas: dict[str, Area]):
    claimed = [r.place for r in reports if r.status != MENTIONED]
    located = claimed or [r.place for r in reports if r.place.feature_type != "country"]
    if not located:
        return None
    lats = [p.lat for p in located]
    lons = [p.lon for p in located]
    for place in located:
        if place.id in areas:
            minx, miny, maxx, maxy = areas[place.id].geometry.bounds
            lats += [miny, maxy]
            lons += [minx, maxx]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def find_chromium() -> str:
    """The headless browser used for --png."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise MissingDependencyError.at("chromium", None, "--png needs Chromium: install it with 'apt-get install chromium'")


def screenshot(chromium: str, page: Path, png: Path, size: tuple[int, int] = (1280, 900)) -> Path:
    """Render `page` to `png` in headless Chromium (the tiles need a network; the rest is in the page)."""
    with tempfile.TemporaryDirectory(prefix="geomap-chromium-") as profile:
        partial = png.with_name(f".partial-{png.name}")
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=5000", "--hide-scrollbars",
            f"--screenshot={partial}", page.resolve().as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0 or not partial.is_file():
            partial.unlink(missing_ok=True)
            raise MissingDependencyError.at(chromium, None, f"Chromium could not render the map: {result.stderr.strip()[-300:]}")
        os.replace(partial, png)
    return png
