"""What the map shows of each place: a point per source coloured by its status, a pie of the
sources' statuses in the overview, an area for districts and provinces, and the popups
that quote the evidence. Each layer's places are one GeoJSON layer, so thousands of places
stay one script object. All text from articles is escaped (`esc`).
"""
from __future__ import annotations

import math
from collections import Counter

import folium
from geopy.distance import great_circle

from ..actors import Actors
from ..areas import Area
from ..articles import Article
from ..assess import CONTESTED, MENTIONED, PlaceReport
from ..claims import Claim
from ..gazetteer import Place
from .escape import esc

CONTESTED_COLOUR = "#CC79A7"
MENTIONED_COLOUR = "#7F7F7F"
POPUP_CLAIMS = 12  # claims quoted in one popup; the rest are counted (all are in claims.csv)
ORIENTING_CAPITAL_KM = 150  # a capital this near the claimed places is in the initial view
CONFLICT_AREA_KM = 300  # mentioned places farther than this from every claimed place are "elsewhere"
_RADIUS = {"country": 5, "province": 16, "region": 16, "mountains": 12, "district": 11, "valley": 11}
_DEFAULT_RADIUS = 7
_ICON_PX = {"province": 38, "region": 38, "district": 30, "valley": 30}
_DEFAULT_ICON_PX = 22


def status_colour(status: str, actors: Actors) -> str:
    if status == CONTESTED:
        return CONTESTED_COLOUR
    actor = actors.get(status)
    return actor.colour if actor else MENTIONED_COLOUR


def status_label(status: str, actors: Actors) -> str:
    if status in (CONTESTED, MENTIONED):
        return status
    actor = actors.get(status)
    return f"held by {actor.name}, as claimed" if actor else status


def elsewhere(reports: list[PlaceReport]) -> set[str]:
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


def source_point(report: PlaceReport, articles_by_id: dict[str, Article], actors: Actors) -> dict:
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
    return point_feature(place, esc(f"{place.name}: {status_label(report.status, actors)} ({report.source})"),
                  _popup(report, articles_by_id, actors), style=style)


def point_feature(place: Place, tooltip: str, popup: str, **properties) -> dict:
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


def points_layer(features: list[dict], marker) -> folium.GeoJson:
    """One GeoJSON layer for many places: one script object, however many places, so a big map stays light."""
    return folium.GeoJson({"type": "FeatureCollection", "features": features}, marker=marker,
                          on_each_feature=_BIND, control=False)


def area_layer(area: Area, name: str, colour: str) -> folium.GeoJson:
    label = f"{name}: {area.how}" if area.approximate else name
    style = {"color": colour, "weight": 1.5, "fillColor": colour, "fillOpacity": 0.1 if area.approximate else 0.18,
             "dashArray": "6 4" if area.approximate else None}
    return folium.GeoJson(
        area.geometry.__geo_interface__,
        style_function=lambda _feature, style=style: style,
        tooltip=folium.Tooltip(esc(label)),
        control=False,
    )


def combined_status(reports: list[PlaceReport]) -> str:
    """The sources' status where they agree, else contested."""
    return reports[0].status if len({r.status for r in reports}) == 1 else CONTESTED


def overview_pie(reports: list[PlaceReport], actors: Actors) -> dict:
    """A pie of the statuses the sources report, the number of sources in its middle."""
    place = reports[0].place
    counts = Counter(r.status for r in reports)
    slices = [(status_colour(status, actors), counts[status]) for status in sorted(counts, key=lambda s: (-counts[s], s))]
    agree = len(counts) == 1
    size = icon_px(place)
    lines = [f"{r.source}: {status_label(r.status, actors)} ({len(r.claims)} claim{'s' if len(r.claims) != 1 else ''}"
             f"; spelled {', '.join(r.spellings) or place.name})" for r in reports]
    verdict = "sources agree" if agree else "sources disagree"
    popup = (f"<div class='geomap-popup'><h4 style='margin:0'>{esc(place.name)}</h4>"
             f"<div>{esc(place.feature_type)} &middot; {len(reports)} source{'s' if len(reports) != 1 else ''}"
             f" &middot; <b>{verdict}</b></div><ul style='padding-left:16px;margin:4px 0'>"
             + "".join(f"<li>{esc(line)}</li>" for line in lines)
             + "</ul><div style='font-size:smaller'>Toggle a source's layer to read its evidence.</div></div>")
    icon = {"html": _pie_svg(place.id, slices, len(reports), size, dashed=not agree), "iconSize": [size, size],
            "iconAnchor": [size // 2, size // 2], "className": "geomap-pie"}
    return point_feature(place, esc(f"{place.name}: {len(reports)} source{'s' if len(reports) != 1 else ''}, {verdict}"),
                  popup, icon=icon)


def icon_px(place: Place) -> int:
    """The width of the place's pie on the overview: bigger for bigger kinds of place."""
    return _ICON_PX.get(place.feature_type, _DEFAULT_ICON_PX)


def _pie_svg(place_id: str, slices: list[tuple[str, int]], total: int, size: int, dashed: bool) -> str:
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
    return (f"<svg xmlns='http://www.w3.org/2000/svg' class='geomap-pie-mark' data-place='{esc(place_id)}' "
            f"width='{size}' height='{size}' opacity='0.9'>{''.join(parts)}</svg>")


def elsewhere_point(reports: list[PlaceReport]) -> dict:
    place = reports[0].place
    sources = ", ".join(r.source for r in reports)
    style = {"radius": 5, "color": MENTIONED_COLOUR, "weight": 1, "fillColor": MENTIONED_COLOUR, "fillOpacity": 0.3}
    return point_feature(place, esc(f"{place.name}: mentioned by {sources}"),
                  f"<b>{esc(place.name)}</b><div>{esc(place.feature_type)}: mentioned, no control claim, "
                  f"by {esc(sources)}</div>", style=style)


def _popup(report: PlaceReport, articles_by_id: dict[str, Article], actors: Actors) -> str:
    place = report.place
    precision = f" &middot; position &plusmn;{place.precision_km:g} km" if place.precision_km else ""
    parts = [
        f"<div class='geomap-popup'><h4 style='margin:0'>{esc(place.name)}</h4>",
        f"<div>{esc(place.feature_type)} &middot; <b>{esc(status_label(report.status, actors))}</b>"
        f" &middot; {esc(report.source)}{precision}</div>",
        f"<div>Spelled: {esc(', '.join(report.spellings))}</div>" if report.spellings else "",
    ]
    if not report.claims:
        parts.append("<div><i>Mentioned; no control claim.</i></div>")
    parts += [claim_item(claim, articles_by_id[claim.article_id], actors) for claim in report.claims[:POPUP_CLAIMS]]
    if len(report.claims) > POPUP_CLAIMS:
        rest = len(report.claims) - POPUP_CLAIMS
        parts.append(f"<hr style='margin:4px 0'><div><i>and {rest} more claim{'s' if rest != 1 else ''} from this "
                     "source: see claims.csv</i></div>")
    parts.append("</div>")
    return "".join(parts)


def claim_item(claim: Claim, article: Article, actors: Actors) -> str:
    """One claim in a popup: who says what, the sentence with the place marked, the article and date."""
    controller = actors.get(claim.controller)
    claimant = actors.get(claim.claimant)
    hedges = f" &middot; hedged: <i>{esc(', '.join(claim.hedges))}</i>" if claim.hedges else ""
    title = esc(article.title)
    link = f"<a href='{esc(article.url)}' target='_blank' rel='noopener'>{title}</a>" if article.url else title
    return ("<hr style='margin:4px 0'>"
            f"<div><b>{esc(claimant.name if claimant else claim.claimant)}</b>: {_stance_phrase(claim, controller)}{hedges}</div>"
            f"<blockquote style='margin:2px 0 2px 8px'>{_highlight(claim.evidence, claim.place_text)}</blockquote>"
            f"<div style='font-size:smaller'>{link} &middot; {esc(article.source)} &middot; "
            f"{esc(claim.date.isoformat() if claim.date else 'undated')}</div>")


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


def bounds_of(reports: list[PlaceReport], areas: dict[str, Area]):
    """The initial view: the places claimed, and a capital reported near them, which orients a reader
    (or every place but countries, when nothing is claimed)."""
    claimed = [r.place for r in reports if r.status != MENTIONED]
    capitals = [r.place for r in reports if "capital" in r.place.referred_to_as and any(
        great_circle((r.place.lat, r.place.lon), (c.lat, c.lon)).km <= ORIENTING_CAPITAL_KM for c in claimed)]
    located = claimed + capitals or [r.place for r in reports if r.place.feature_type != "country"]
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
