"""What surrounds the map: its title, legend, sources, date and credits, on screen and on paper.

On screen the title sits top left and the legend bottom left, above the scale bar. For
print (`map.html#print`, which `--png` renders) the page is laid out as a report
figure: the map on the left, and beside it the title, "data as of", the legend, the list
of sources (name, article count, date range) and the credits; no zoom buttons and no
layer control. The layout is one stylesheet and a few lines of script, so the same
`map.html` serves both.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from ..actors import Actors
from ..articles import Article
from .escape import esc
from .features import CONTESTED_COLOUR, MENTIONED_COLOUR

SIDEBAR_PX = 360


def title_box(title: str, articles: list[Article], as_of: dt.date | None) -> str:
    sources = len({a.source for a in articles})
    data_as_of = f"Data as of {as_of.isoformat()}" if as_of else "Data undated"
    return ("<div id='geomap-title' class='geomap-panel'>"
            f"<b style='font-size:15px'>{esc(title)}</b><br>{len(articles)} articles from {sources} sources, "
            f"{esc(_span(articles))}<div class='geomap-print-only'>{esc(data_as_of)}</div></div>")


def legend(actors: Actors, real_areas: bool, approximate_areas: bool, changed_since: dt.date | None = None) -> str:
    def dot(colour: str, extra: str = "") -> str:
        return (f"<span style='display:inline-block;width:12px;height:12px;border-radius:50%;vertical-align:middle;"
                f"background:{colour};{extra}margin-right:6px'></span>")

    def box(style: str) -> str:
        return f"<span style='display:inline-block;width:14px;height:9px;margin-right:6px;{style}'></span>"

    rows = [dot(a.colour) + esc(f"{a.name}: claimed control") for a in actors]
    rows.append(dot(CONTESTED_COLOUR, "border:2px dashed #000;") + "contested: rival claims or a denial")
    rows.append(dot(MENTIONED_COLOUR, "opacity:0.4;") + "mentioned: no control claim")
    rows.append(dot("#999", "opacity:0.35;border:1px dotted #000;") + "faint: every claim hedged")
    rows.append(dot("#999", "border:2px solid #000;") + "strong: corroborated by a second claimant")
    if real_areas:
        rows.append(box("background:#999;opacity:0.5;border:1.5px solid #555") + "filled area: its boundary, coloured by status")
    if approximate_areas:
        rows.append(box("border:1.5px dashed #555") + "dashed area: approximate extent")
    if changed_since:
        rows.append(dot("none", "border:3px solid #111;box-sizing:border-box;")
                    + f"ring: status changed since {changed_since.isoformat()}")
    rows.append("All sources: a pie of what the sources report; the number is how many mention the place; "
                "a dashed ring means they disagree.")
    rows.append("Circle size: province &gt; district &gt; town or locality.")
    return ("<div id='geomap-legend' class='geomap-panel'><b>Claimed control, per source</b>"
            + "".join(f"<div>{row}</div>" for row in rows) + "</div>")


def sources_list(articles: list[Article]) -> str:
    """The sources, each with its article count and date range (on paper; on screen the layer control lists them)."""
    counts = Counter(a.source for a in articles)
    rows = []
    for source in sorted(counts):
        mine = [a for a in articles if a.source == source]
        rows.append(f"<li>{esc(source)}: {counts[source]} article{'s' if counts[source] != 1 else ''}, "
                    f"{esc(_span(mine))}</li>")
    return ("<div id='geomap-sources' class='geomap-panel geomap-print-only'><b>Sources</b>"
            f"<ul>{''.join(rows)}</ul></div>")


def credits(lines: list[str]) -> str:
    return ("<div id='geomap-credits' class='geomap-panel geomap-print-only'>"
            + "<br>".join(esc(line) for line in lines) + "</div>")


def _span(articles: list[Article]) -> str:
    dates = sorted(a.date for a in articles if a.date)
    if not dates:
        return "undated"
    return dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"


STYLE = f"""<style>
.geomap-panel {{ background: #fff; padding: 6px 10px; border: 1px solid #999; border-radius: 4px;
  font: 12px sans-serif; z-index: 1000; box-sizing: border-box; }}
.geomap-panel ul {{ margin: 4px 0; padding-left: 16px; }}
#geomap-title {{ position: fixed; top: 10px; left: 60px; font-size: 13px; max-width: 50%; }}
#geomap-legend {{ position: fixed; bottom: 60px; left: 10px; max-width: 280px; }}
.geomap-print-only {{ display: none; }}
.folium-map.leaflet-container {{ background: #eef1f4; }}
body.geomap-print .leaflet-control-zoom, body.geomap-print .leaflet-control-layers,
body.geomap-print .geomap-time {{ display: none; }}
body.geomap-print .geomap-print-only {{ display: block; }}
body.geomap-print .folium-map {{ position: absolute !important; left: 0; top: 0; bottom: 0;
  right: {SIDEBAR_PX}px; width: auto !important; height: auto !important; }}
#geomap-sidebar {{ position: absolute; top: 0; right: 0; bottom: 0; width: {SIDEBAR_PX}px; overflow: hidden;
  box-sizing: border-box; padding: 10px; background: #fff; border-left: 1px solid #999; font: 12px sans-serif; }}
#geomap-sidebar .geomap-panel {{ position: static; max-width: none; margin-bottom: 8px; border: none; padding: 0; }}
</style>"""

PRINT_LAYOUT = """<script>
(function () {
  if (location.hash !== '#print') { return; }
  document.body.classList.add('geomap-print');
  var sidebar = document.createElement('div');
  sidebar.id = 'geomap-sidebar';
  ['geomap-title', 'geomap-legend', 'geomap-sources', 'geomap-credits'].forEach(function (id) {
    var panel = document.getElementById(id);
    if (panel) { sidebar.appendChild(panel); }
  });
  document.body.appendChild(sidebar);
  window.addEventListener('load', function () {
    for (var name in window) {
      var map = window[name];
      if (name.indexOf('map_') === 0 && map && map.invalidateSize) {
        map.invalidateSize();
        if (window.geomapView) { map.fitBounds(window.geomapView.bounds, {padding: window.geomapView.padding}); }
      }
    }
    if (window.geomapSpaceLabels) { setTimeout(window.geomapSpaceLabels, 0); }
  });
})();
</script>"""
