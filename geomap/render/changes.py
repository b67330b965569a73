"""The places whose status changed since an earlier day: a ring each, and what changed them.

One layer, on at first, named "Changed since DATE": a ring around each such place, and
a popup listing, per source, the status before and after and the claims learnt in
between (dated, with their sentences).
"""
from __future__ import annotations

import datetime as dt

import folium

from ..actors import Actors
from ..articles import Article
from ..timeline import NOT_REPORTED, Change
from .escape import esc
from .features import claim_item, icon_px, point_feature, points_layer, status_label

RING_COLOUR = "#111"


def changes_layer(changes: list[Change], since: dt.date, articles_by_id: dict[str, Article],
                  actors: Actors) -> folium.FeatureGroup:
    """The "Changed since" layer: a ring per place, the changes in its popup."""
    by_place: dict[str, list[Change]] = {}
    for change in changes:
        by_place.setdefault(change.place.id, []).append(change)
    rings = []
    for place_id in sorted(by_place):
        place = by_place[place_id][0].place
        parts = [f"<div class='geomap-popup'><h4 style='margin:0'>{esc(place.name)}: changed since "
                 f"{since.isoformat()}</h4>"]
        for change in by_place[place_id]:
            before = change.before if change.before == NOT_REPORTED else status_label(change.before, actors)
            parts.append(f"<div style='margin-top:4px'><b>{esc(change.source)}</b>: {esc(before)} &rarr; "
                         f"<b>{esc(status_label(change.after, actors))}</b></div>")
            parts += [claim_item(c, articles_by_id[c.article_id], actors) for c in change.claims]
        parts.append("</div>")
        sources = ", ".join(c.source for c in by_place[place_id])
        style = {"radius": icon_px(place) / 2 + 5, "color": RING_COLOUR, "weight": 3, "fill": False}
        rings.append(point_feature(place, esc(f"{place.name}: changed since {since.isoformat()} ({sources})"),
                            "".join(parts), style=style))
    group = folium.FeatureGroup(name=f"Changed since {since.isoformat()} ({len(by_place)})", show=True)
    points_layer(rings, folium.CircleMarker()).add_to(group)
    return group
