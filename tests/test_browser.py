"""The default map in a real browser: headless Chromium, with no network at all.

Needs Chromium (.ci/run installs it); everything else comes from pip.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from geomap import build_map

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Runs first in <head>: records script errors, console errors and failed loads of scripts, styles and images.
RECORDER = """<script>
window.__probe = {errors: [], failed: []};
window.addEventListener('error', function (e) {
  var t = e.target;
  if (t && t !== window && (t.src || t.href)) { window.__probe.failed.push(t.src || t.href); }
  else { window.__probe.errors.push(String(e.message)); }
}, true);
var __consoleError = console.error;
console.error = function () { window.__probe.errors.push(Array.from(arguments).join(' ')); __consoleError.apply(console, arguments); };
</script>"""

# Helpers for the probes: the map object, and every place layer (each source's GeoJSON layer
# holds one Leaflet layer per place) after switching every layer on.
PLACE_LAYERS = """
function __map() {
  for (var k in window) { if (k.indexOf('map_') === 0 && window[k] && window[k].addLayer) { return window[k]; } }
}
function __placeLayers(map) {
  var found = [];
  for (var k in window) {
    var group = window[k];
    if (k.indexOf('feature_group_') === 0 && group && group.eachLayer) {
      map.addLayer(group);
      group.eachLayer(function (child) {
        if (child.feature === undefined && child.eachLayer) { child.eachLayer(function (l) { if (l.getPopup()) found.push(l); }); }
      });
    }
  }
  return found;
}
"""

# Runs after load: opens one source's popup for a place, then writes what it saw into the page.
PROBE = """<script>""" + PLACE_LAYERS + """
window.addEventListener('load', function () { setTimeout(function () {
  var map = __map(), opened = false;
  __placeLayers(map).forEach(function (m) {
    var text = m.getTooltip() ? m.getTooltip().getContent() : '';
    if (!opened && text.indexOf(%(place)s) >= 0 && text.indexOf(%(source)s) >= 0) { m.openPopup(); opened = true; }
  });
  var labels = Array.from(document.querySelectorAll('.leaflet-control-layers label')).map(function (l) { return l.textContent.trim(); });
  var popup = document.querySelector('.leaflet-popup-content');
  var scripts = document.querySelectorAll('script[src]').length;
  var out = document.createElement('pre');
  out.id = 'probe-result';
  out.textContent = JSON.stringify({errors: window.__probe.errors, failed: window.__probe.failed, labels: labels,
                                    popup: popup ? popup.textContent : null, external_scripts: scripts,
                                    leaflet: typeof L !== 'undefined'});
  document.body.appendChild(out);
}, 300); });
</script>"""


@pytest.fixture(scope="module")
def default_map(tmp_path_factory):
    out = tmp_path_factory.mktemp("map")
    build_map(ROOT / "articles", ROOT / "gazetteer", out)
    return out / "map.html"


def _dump(page_text: str, folder, result_id: str, fragment: str = "", size: str = "1400,900") -> dict:
    """Load `page_text` in headless Chromium with no network; return the JSON its probe wrote into #result_id."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    page = folder / f"{result_id}.html"
    page.write_text(page_text, encoding="utf-8")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
               f"--user-data-dir={folder / 'profile'}", f"--window-size={size}", "--virtual-time-budget=8000",
               "--dump-dom", page.as_uri() + fragment]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(rf'<pre id="{result_id}">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, f"the probe did not run: {result.stderr[-500:]}"
    return json.loads(html.unescape(found.group(1)))


def _run_in_chromium(page_text: str, folder, place: str, source: str) -> dict:
    probe = PROBE % {"place": json.dumps(place), "source": json.dumps(source)}
    page = page_text.replace("<head>", "<head>" + RECORDER, 1).replace("</body>", probe + "</body>")
    return _dump(page, folder, "probe-result")


def test_the_default_map_loads_no_script_or_style_from_the_network(default_map):
    page = default_map.read_text(encoding="utf-8")
    assert not re.search(r'<script[^>]+src="https?:', page)
    assert not re.search(r'<link[^>]+href="https?:[^"]+\.css"', page)


def test_the_default_map_renders_offline_with_nothing_missing_and_shows_evidence(default_map, tmp_path):
    seen = _run_in_chromium(default_map.read_text(encoding="utf-8"), tmp_path, "Rokha", "The Telegraph")
    assert seen["leaflet"] and seen["external_scripts"] == 0
    assert seen["errors"] == []
    assert seen["failed"] == []  # no script, stylesheet or image missing: nothing needs the network
    for label in ("All sources (4)", "TRT World (2 articles)", "The Telegraph (1 article)",
                  "Hindustan Times (1 article)", "WION (1 article)"):
        assert label in seen["labels"]
    assert "claimed on Sunday night to have seized a police headquarters" in seen["popup"]
    assert "disputed by the NRF" in seen["popup"]


HOSTILE = (
    "---\n"
    "source: '<img src=x onerror=\"window.__pwned=1\">'\n"
    "date: 2021-09-06\n"
    "title: '</script><script>window.__pwned=2</script> \"quoted\" `tick`'\n"
    "url: 'javascript:window.__pwned=3'\n"
    "---\n"
    "The Taliban captured Rokha <script>window.__pwned=4</script> and `${window.__pwned=5}` "
    "\"it's\" <svg onload=window.__pwned=6></svg>.\n"
    "Witnesses said the Taliban seized Khinj <img src=y onerror=window.__pwned=7>.\n"
    + "A" * 100_000 + "\n"
)

OPEN_EVERY_POPUP = """<script>""" + PLACE_LAYERS + """
window.addEventListener('load', function () { setTimeout(function () {
  var opened = 0, shown = false;
  __placeLayers(__map()).forEach(function (m) {
    m.openPopup(); opened += 1;
    var content = m.getPopup().getElement().querySelector('.leaflet-popup-content');
    shown = shown || (content !== null && content.innerHTML.indexOf('&lt;script&gt;window.__pwned=4') >= 0);
  });
  var out = document.createElement('pre');
  out.id = 'hostile-result';
  out.textContent = JSON.stringify({pwned: window.__pwned === undefined ? null : window.__pwned, opened: opened,
    javascript_links: document.querySelectorAll('a[href^="javascript:" i]').length, text_shown: shown});
  document.body.appendChild(out);
}, 300); });
</script>"""


def test_hostile_article_text_is_shown_as_text_and_never_runs(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    result = build_map(tmp_path / "articles", ROOT / "gazetteer", tmp_path / "out")
    assert any("javascript:" in str(w) for w in result.warnings)  # the URL is refused, with a warning
    page = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    seen = _dump(page.replace("</body>", OPEN_EVERY_POPUP + "</body>"), tmp_path, "hostile-result")
    assert seen["opened"] >= 2
    assert seen["pwned"] is None
    assert seen["javascript_links"] == 0
    assert seen["text_shown"]


# Runs after load (and after the labels are spaced): the boxes of what is on screen.
BOXES = """<script>
window.addEventListener('load', function () { setTimeout(function () {
  function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  function shown(e) { return e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden' &&
                             getComputedStyle(e).display !== 'none'; }
  var pick = function (selector) { return Array.from(document.querySelectorAll(selector)).filter(shown).map(box); };
  var map = document.querySelector('.folium-map');
  var out = document.createElement('pre');
  out.id = 'boxes-result';
  out.textContent = JSON.stringify({
    labels: pick('.geomap-label'), names: Array.from(document.querySelectorAll('.geomap-label')).filter(shown).map(
      function (e) { return e.textContent; }),
    controls: pick('.leaflet-control'), panels: pick('#geomap-sidebar .geomap-panel'), sidebar: pick('#geomap-sidebar'),
    zoom: pick('.leaflet-control-zoom'), layers: pick('.leaflet-control-layers'), map: box(map),
    layer_names: Array.from(document.querySelectorAll('.leaflet-control-layers-overlays span[title]')).map(
      function (e) { return e.getAttribute('title'); }),
    collapsed: !!document.querySelector('.leaflet-control-layers:not(.leaflet-control-layers-expanded)')});
  document.body.appendChild(out);
}, 500); });
</script>"""


def _boxes(page_path, folder, fragment=""):
    page = page_path.read_text(encoding="utf-8").replace("</body>", BOXES + "</body>")
    return _dump(page, folder, "boxes-result", fragment, "1600,1000")


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _apart(boxes) -> bool:
    return not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_claimed_places_and_the_capital_are_named_on_the_map(default_map, tmp_path):
    names = _boxes(default_map, tmp_path)["names"]
    assert {"Rokha", "Khinj", "Anabah", "Panjshir", "Kabul"} <= set(names)


def test_no_two_place_names_overlap(default_map, tmp_path):
    seen = _boxes(default_map, tmp_path)
    assert len(seen["labels"]) >= 5 and _apart(seen["labels"])
    assert not any(_overlap(label, control) for label in seen["labels"] for control in seen["controls"])


def test_the_print_layout_has_no_zoom_buttons_or_layer_control(default_map, tmp_path):
    seen = _boxes(default_map, tmp_path, "#print")
    assert seen["zoom"] == [] and seen["layers"] == []


def test_in_the_print_layout_nothing_overlaps_anything(default_map, tmp_path):
    seen = _boxes(default_map, tmp_path, "#print")
    assert len(seen["panels"]) == 4  # title, legend, sources, credits: beside the map
    assert _apart([seen["map"], *seen["sidebar"]])
    assert _apart(seen["panels"]) and _apart(seen["labels"] + seen["controls"])
    assert all(_overlap(label, seen["map"]) for label in seen["labels"])


def test_many_sources_start_with_a_collapsed_layer_control_and_short_names(tmp_path):
    (tmp_path / "articles").mkdir()
    body = (ROOT / "articles" / "003_3a15821f95648dd1.txt").read_text(encoding="utf-8")
    for n in range(10):
        source = f"The Very Long Name of Regional Newspaper Number {n}"
        (tmp_path / "articles" / f"{n}.md").write_text(f"---\nsource: {source}\ndate: 2021-09-06\n---\n{body}",
                                                        encoding="utf-8")
    build_map(tmp_path / "articles", ROOT / "gazetteer", tmp_path / "out")
    seen = _boxes(tmp_path / "out" / "map.html", tmp_path)
    assert seen["collapsed"]
    assert "The Very Long Name of Regional Newspaper Number 3" in seen["layer_names"]


def test_png_is_the_print_layout_at_the_scale_asked(tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    import struct

    result = build_map(ROOT / "articles", ROOT / "gazetteer", tmp_path / "out", png=True, png_scale=2)
    header = result.outputs["map.png"].read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", header[16:24]) == (3200, 2000)


# Moves the time slider to each step in turn; records the day shown and each place's pie colours (or none: hidden).
SLIDE = """<script>
window.addEventListener('load', function () { setTimeout(function () {
  var slider = document.querySelector('.geomap-time input'), steps = [];
  for (var i = 0; i <= +slider.max; i++) {
    slider.value = i;
    slider.dispatchEvent(new Event('input'));
    var pies = {};
    document.querySelectorAll('.geomap-pie-mark').forEach(function (svg) {
      var hidden = svg.closest('.leaflet-marker-icon').style.display === 'none';
      pies[svg.dataset.place] = hidden ? null : Array.from(svg.querySelectorAll('circle, path')).map(
        function (e) { return e.getAttribute('fill'); }).filter(function (f) { return f !== 'none'; });
    });
    steps.push({day: document.querySelector('.geomap-time-day').textContent, pies: pies});
  }
  var out = document.createElement('pre');
  out.id = 'slide-result';
  out.textContent = JSON.stringify(steps);
  document.body.appendChild(out);
}, 300); });
</script>"""


def test_moving_the_time_slider_shows_that_days_statuses(dated_war, tmp_path):
    build_map(dated_war / "articles", dated_war / "gazetteer", tmp_path / "out")
    page = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    steps = {step["day"]: step["pies"] for step in _dump(page.replace("</body>", SLIDE + "</body>"), tmp_path,
                                                         "slide-result")}
    red, blue = "#d55e00", "#0072b2"
    assert steps["2021-09-01"]["vell"] == [red] and steps["2021-09-01"]["karrow"] is None  # not reported yet
    assert steps["2021-09-08"]["vell"] == [blue] and steps["2021-09-08"]["karrow"] is not None
