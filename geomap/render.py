"""The map: a static folium page with one toggleable layer per source.

All text that comes from articles is HTML-escaped here, and element ids are numbered
in tree order, so the same inputs give a byte-identical map.html.
"""
from __future__ import annotations

import html
import itertools
from collections import OrderedDict

import folium
from branca.element import Element

from .actors import Actors
from .articles import Article
from .assess import CONTESTED, MENTIONED, PlaceReport

CONTESTED_COLOUR = "#CC79A7"
MENTIONED_COLOUR = "#7F7F7F"
_RADIUS = {"country": 5, "province": 16, "region": 16, "mountains": 12, "district": 11, "valley": 11}
_DEFAULT_RADIUS = 7


def build_folium_map(reports: list[PlaceReport], articles: list[Article], actors: Actors) -> folium.Map:
    """A folium map of the reports: a layer per source, a legend and a layer control."""
    fmap = folium.Map(tiles=None, control_scale=True, prefer_canvas=False)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(fmap)
    article_count = {}
    for article in articles:
        article_count[article.source] = article_count.get(article.source, 0) + 1
    for source in sorted(article_count):
        count = article_count[source]
        layer = folium.FeatureGroup(name=html.escape(f"{source} ({count} article{'s' if count != 1 else ''})"))
        for report in (r for r in reports if r.source == source):
            _marker(report, articles, actors).add_to(layer)
        layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.get_root().html.add_child(folium.Element(_legend(actors, articles)))
    bounds = _bounds(reports)
    if bounds:
        fmap.fit_bounds(bounds, padding=(30, 30))
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


def status_colour(status: str, actors: Actors) -> str:
    if status == CONTESTED:
        return CONTESTED_COLOUR
    actor = actors.get(status)
    return actor.colour if actor else MENTIONED_COLOUR


def _marker(report: PlaceReport, articles: list[Article], actors: Actors) -> folium.CircleMarker:
    place = report.place
    colour = status_colour(report.status, actors)
    claimed = report.status != MENTIONED
    label = _status_label(report.status, actors)
    return folium.CircleMarker(
        location=(place.lat, place.lon),
        radius=_RADIUS.get(place.feature_type, _DEFAULT_RADIUS),
        color="#000000" if report.status == CONTESTED else colour,
        weight=3 if report.status == CONTESTED else 2,
        dash_array="4 3" if report.status == CONTESTED else None,
        fill=True,
        fill_color=colour,
        fill_opacity=0.75 if claimed else 0.15,
        tooltip=html.escape(f"{place.name}: {label} ({report.source})"),
        popup=folium.Popup(_popup(report, articles, actors), max_width=420),
    )


def _status_label(status: str, actors: Actors) -> str:
    if status in (CONTESTED, MENTIONED):
        return status
    actor = actors.get(status)
    return f"held by {actor.name}, as claimed" if actor else status


def _popup(report: PlaceReport, articles: list[Article], actors: Actors) -> str:
    esc = html.escape
    place = report.place
    by_id = {a.id: a for a in articles}
    parts = [
        f"<div class='geomap-popup'><h4 style='margin:0'>{esc(place.name)}</h4>",
        f"<div>{esc(place.feature_type)} &middot; <b>{esc(_status_label(report.status, actors))}</b>"
        f" &middot; {esc(report.source)}</div>",
        f"<div>Spelled: {esc(', '.join(report.spellings))}</div>" if report.spellings else "",
    ]
    if not report.claims:
        parts.append("<div><i>Mentioned; no control claim.</i></div>")
    for claim in report.claims:
        article = by_id[claim.article_id]
        controller = actors.get(claim.controller)
        claimant = actors.get(claim.claimant)
        hedges = f" &middot; hedged: {esc(', '.join(claim.hedges))}" if claim.hedges else ""
        title = esc(article.title)
        link = f"<a href='{esc(article.url, quote=True)}' target='_blank' rel='noopener'>{title}</a>" if article.url else title
        parts.append(
            "<hr style='margin:4px 0'>"
            f"<div><b>{esc(claimant.name if claimant else claim.claimant)}</b>: {_stance_phrase(claim, controller)}{hedges}</div>"
            f"<blockquote style='margin:2px 0 2px 8px'>{_highlight(claim.evidence, claim.place_text)}</blockquote>"
            f"<div style='font-size:smaller'>{link} &middot; {esc(article.source)} &middot; "
            f"{esc(claim.date.isoformat() if claim.date else 'undated')}</div>"
        )
    parts.append("</div>")
    return "".join(parts)


def _stance_phrase(claim, controller) -> str:
    held_by = html.escape(controller.name if controller else claim.controller)
    if claim.stance == "denial":
        return f"denial (disputes a rival claim; for {held_by})"
    return f"{html.escape(claim.stance)} &rarr; {held_by}"


def _highlight(sentence: str, place_text: str) -> str:
    """The sentence, escaped, with the place's words marked."""
    at = sentence.find(place_text) if place_text else -1
    if at < 0:
        return html.escape(sentence)
    end = at + len(place_text)
    return f"{html.escape(sentence[:at])}<mark>{html.escape(place_text)}</mark>{html.escape(sentence[end:])}"


def _legend(actors: Actors, articles: list[Article]) -> str:
    dates = sorted(a.date for a in articles if a.date)
    span = f"{dates[0].isoformat()} to {dates[-1].isoformat()}" if dates else "undated articles"
    rows = [(a.colour, f"{a.name}: claimed control", "") for a in actors]
    rows.append((CONTESTED_COLOUR, "contested: rival claims or a denial", "border:2px dashed #000;"))
    rows.append((MENTIONED_COLOUR, "mentioned: no control claim", "opacity:0.4;"))
    items = "".join(
        f"<div><span style='display:inline-block;width:12px;height:12px;border-radius:50%;"
        f"background:{colour};{extra}margin-right:6px'></span>{html.escape(text)}</div>"
        for colour, text, extra in rows
    )
    return (
        "<div id='geomap-legend' style='position:fixed;bottom:30px;left:10px;z-index:1000;background:#fff;"
        "padding:8px 10px;border:1px solid #999;border-radius:4px;font:12px sans-serif;max-width:260px'>"
        f"<b>Claimed control, per source</b><div style='font-size:11px'>{html.escape(span)}</div>{items}"
        "<div style='font-size:11px;margin-top:4px'>Larger circles: provinces; medium: districts; small: towns and localities.</div>"
        "</div>"
    )


def _bounds(reports: list[PlaceReport]):
    claimed = [r.place for r in reports if r.status != MENTIONED]
    located = claimed or [r.place for r in reports if r.place.feature_type != "country"]
    if not located:
        return None
    lats = [p.lat for p in located]
    lons = [p.lon for p in located]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
