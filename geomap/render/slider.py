"""A time slider: the overview as it stood on each day that has claims.

The page carries, for each step, which pie each place shows and which colour its area
takes (each distinct pie once, so a long war stays light); a few lines of script swap
them in as the slider moves, hide the places no source had reported yet, and space the
names again. It works offline, like the rest of the map, and is left out of the print
layout, which shows the map as of its date.
"""
from __future__ import annotations

import datetime as dt
import json

from branca.element import Element, MacroElement
from jinja2 import Template

from ..actors import Actors
from ..assess import PlaceReport
from .features import combined_status, overview_pie, status_colour


def slider_data(steps: list[tuple[dt.date, list[PlaceReport]]], place_ids: list[str], actors: Actors) -> dict:
    """{"days", "html" (distinct pies), "pies" and "colours" (place id -> per step: an index, or -1 unreported)}."""
    html: dict[str, int] = {}
    colours: dict[str, int] = {}
    pies = {pid: [] for pid in place_ids}
    areas = {pid: [] for pid in place_ids}
    for _, reports in steps:
        by_place: dict[str, list[PlaceReport]] = {}
        for report in reports:
            by_place.setdefault(report.place.id, []).append(report)
        for pid in place_ids:
            if pid not in by_place:
                pies[pid].append(-1)
                areas[pid].append(-1)
                continue
            pie = overview_pie(by_place[pid], actors)["properties"]["icon"]["html"]
            pies[pid].append(html.setdefault(pie, len(html)))
            colour = status_colour(combined_status(by_place[pid]), actors)
            areas[pid].append(colours.setdefault(colour, len(colours)))
    return {"days": [day.isoformat() for day, _ in steps], "html": list(html), "colours": list(colours),
            "pies": pies, "areas": areas}


class TimeSlider(MacroElement):
    """The slider control over the overview's pie layer and area layers (place id -> layer)."""

    def __init__(self, data: dict, pies: Element, areas: dict[str, Element]):
        super().__init__()
        self._name = "TimeSlider"
        self.data = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self.pies = pies
        self.areas = areas

    def area_names(self) -> str:
        """The area layers' script names, read when the page is rendered (after ids are numbered)."""
        return json.dumps({pid: layer.get_name() for pid, layer in self.areas.items()}, sort_keys=True)

    _template = Template("""
{% macro script(this, kwargs) %}
(function (map, pies) {
  var data = {{ this.data }};
  var areaNames = {{ this.area_names() }};
  var last = data.days.length - 1;
  var control = L.control({position: 'bottomright'});
  control.onAdd = function () {
    var div = L.DomUtil.create('div', 'geomap-panel geomap-time');
    div.innerHTML = "<b>Overview as of <span class='geomap-time-day'>" + data.days[last] + "</span></b><br>"
      + "<input type='range' min='0' max='" + last + "' value='" + last + "' step='1' "
      + "aria-label='Day shown by the overview' style='width:220px'><br>"
      + "<span style='font-size:11px'>" + data.days[0] + " to " + data.days[last] + ", "
      + data.days.length + " days with claims</span>";
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    div.querySelector('input').addEventListener('input', function (e) { show(+e.target.value); });
    return div;
  };
  control.addTo(map);
  function show(step) {
    document.querySelector('.geomap-time-day').textContent = data.days[step];
    pies.eachLayer(function (marker) {
      var k = data.pies[marker.feature.id] ? data.pies[marker.feature.id][step] : 0;
      if (k >= 0) {
        var icon = Object.assign({}, marker.feature.properties.icon, {html: data.html[k]});
        marker.setIcon(L.divIcon(icon));
      }
      var element = marker.getElement();  // none while the overview layer is off
      if (element) { element.style.display = k >= 0 ? '' : 'none'; }
    });
    Object.keys(areaNames).forEach(function (pid) {
      var layer = window[areaNames[pid]], k = data.areas[pid][step];
      layer.setStyle(k >= 0 ? {opacity: 1, fillOpacity: layer.geomapFill, color: data.colours[k],
                               fillColor: data.colours[k]} : {opacity: 0, fillOpacity: 0});
    });
    document.querySelectorAll('.geomap-label').forEach(function (label) {
      var k = data.pies[label.dataset.place] ? data.pies[label.dataset.place][step] : 0;
      label.parentElement.style.display = k >= 0 ? '' : 'none';
    });
    if (window.geomapSpaceLabels) { window.geomapSpaceLabels(); }
  }
  Object.keys(areaNames).forEach(function (pid) {
    var layer = window[areaNames[pid]];
    layer.eachLayer(function (shape) { layer.geomapFill = shape.options.fillOpacity; });
  });
  window.geomapShowDay = show;
})({{ this._parent.get_name() }}, {{ this.pies.get_name() }});
{% endmacro %}
""")
