"""Place names on the map itself, none over another.

Every place of the conflict area is labelled, in order of priority: the places with a
claim (the most claimed first), then those that orient (its provinces, the capitals in
it), then the places only mentioned. After every zoom or move, and when the page is
laid out for print, a small script shows the labels by priority, each to the right of
its point or else to its left, above or below, and hides any that would overlap a label
already shown, another place's pie, a control, the title or the legend, or leave the map:
lower-priority names give way rather than stack. A place with a claim may, as a last
resort, write its name over another place's pie, never over another name.
"""
from __future__ import annotations

import folium
from branca.element import MacroElement
from jinja2 import Template

from ..assess import MENTIONED, PlaceReport
from .escape import esc
from .features import icon_px

LABEL_CLASS = "geomap-label"


def label_layer(reports: list[PlaceReport], elsewhere_ids: set[str]) -> folium.GeoJson | None:
    """One GeoJSON layer of labels, highest priority first."""
    by_place: dict[str, list[PlaceReport]] = {}
    for report in reports:
        if report.place.id not in elsewhere_ids:
            by_place.setdefault(report.place.id, []).append(report)
    ranked = []
    for place_id, place_reports in by_place.items():
        place = place_reports[0].place
        claims = sum(len(r.claims) for r in place_reports if r.status != MENTIONED)
        orienting = place.feature_type in ("province", "region") or "capital" in place.referred_to_as
        ranked.append((0 if claims else 1 if orienting else 2, -claims, place.name, place))
    if not ranked:
        return None
    features = []
    for priority, (kind, *_, place) in enumerate(sorted(ranked, key=lambda r: r[:3])):
        offset = icon_px(place) // 2 + 8  # clear of its own pie, and of the ring of a change
        html = (f"<span class='{LABEL_CLASS}' data-priority='{priority}' data-place='{esc(place.id)}' "
                f"data-offset='{offset}' data-claimed='{int(kind == 0)}'>{esc(place.name)}</span>")
        features.append({"type": "Feature", "id": f"label-{place.id}",
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                         "properties": {"icon": {"html": html, "className": "geomap-label-icon", "iconSize": None,
                                                 "iconAnchor": [-offset, 8]}}})
    return folium.GeoJson({"type": "FeatureCollection", "features": features},
                          marker=folium.Marker(icon=folium.DivIcon()), on_each_feature=_ICON, control=False,
                          name="Place names")


_ICON = folium.JsCode("""function (feature, layer) { layer.setIcon(L.divIcon(feature.properties.icon)); }""")

LABEL_CSS = f"""<style>
.geomap-label-icon {{ background: none; border: none; }}
.{LABEL_CLASS} {{ display: inline-block; white-space: nowrap; font: bold 12px sans-serif; color: #222;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; pointer-events: none; }}
</style>"""


class LabelSpacing(MacroElement):
    """The script that hides labels which would overlap, run after each view change."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (map) {
  function boxes(selector) {
    return Array.from(document.querySelectorAll(selector)).filter(function (e) {
      return e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
    }).map(function (e) { return e.getBoundingClientRect(); });
  }
  function meets(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }
  function space() {
    var taken = boxes('.leaflet-control, #geomap-title, #geomap-legend, #geomap-sidebar');
    var pies = Array.from(document.querySelectorAll('.geomap-pie-mark')).filter(function (e) {
      return e.getClientRects().length > 0;
    }).map(function (e) { return {place: e.dataset.place, box: e.getBoundingClientRect()}; });
    var labels = Array.from(document.querySelectorAll('.geomap-label')).filter(function (l) {
      return l.offsetParent !== null;  // not the names the time slider hid
    });
    labels.sort(function (a, b) { return a.dataset.priority - b.dataset.priority; });
    labels.forEach(function (l) { l.style.visibility = 'visible'; });
    var frame = map.getContainer().getBoundingClientRect();
    function fits(box, place, overPies) {
      var inside = box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
      return inside && !taken.some(function (t) { return meets(box, t); })
        && (overPies || !pies.some(function (p) { return p.place !== place && meets(box, p.box); }));
    }
    labels.forEach(function (label) {
      var side = 2 * label.dataset.offset, rise = +label.dataset.offset + 8;
      var places = ['', 'translateX(calc(-100% - ' + side + 'px))',  // right of its point, left,
                    'translate(calc(-50% - ' + label.dataset.offset + 'px), -' + rise + 'px)',  // above, below
                    'translate(calc(-50% - ' + label.dataset.offset + 'px), ' + rise + 'px)'];
      function tryAll(overPies) {
        return places.some(function (transform) {
          label.style.transform = transform;
          var box = label.getBoundingClientRect();
          if (fits(box, label.dataset.place, overPies)) { taken.push(box); return true; }
          return false;
        });
      }
      // a place with a claim keeps its name, over another place's pie if it must
      var shown = tryAll(false) || (label.dataset.claimed === '1' && tryAll(true));
      if (!shown) { label.style.visibility = 'hidden'; }
    });
  }
  window.geomapSpaceLabels = space;
  map.on('zoomend moveend resize', space);
  window.addEventListener('load', function () { setTimeout(space, 0); });
})({{ this._parent.get_name() }});
{% endmacro %}
""")
