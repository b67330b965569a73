"""How heavy the map is with thousands of (source, place) features, and how fast it opens.

Builds a synthetic conflict (a grid of invented villages; articles from `sources`
sources in which the first two actors of the bundled actors.yaml capture them in turn),
runs `build_map` (Leaflet and jQuery inlined, as always), then opens map.html in headless Chromium with no
network and prints, from inside the page: when the map was ready (scripts run, overview
drawn) and how long switching every source layer on took; and, from outside, the whole
Chromium run including its start-up. Needs chromium.
Asserts nothing. Run: python benchmarks/map_speed.py [places] [sources]
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geomap
from geomap.render import find_chromium

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ("ba", "ve", "lo", "mi", "ra", "su", "ten", "gor", "da", "ki", "nol", "pe")

TIMING = """<script>
(function () {
  var ready = performance.now(), map = null, groups = [];
  for (var k in window) {
    if (k.indexOf('map_') === 0 && window[k] && window[k].addLayer) { map = window[k]; }
    if (k.indexOf('feature_group_') === 0 && window[k] && window[k].eachLayer) { groups.push(window[k]); }
  }
  var before = performance.now();
  groups.forEach(function (g) { map.addLayer(g); });
  document.body.offsetHeight;  // force layout
  var out = document.createElement('pre');
  out.id = 'timing';
  out.textContent = JSON.stringify({ready_ms: ready, all_layers_on_ms: performance.now() - before,
                                    paths: document.querySelectorAll('path.leaflet-interactive').length});
  document.body.appendChild(out);
})();
</script>"""


def village(n: int) -> str:
    return "".join(SYLLABLES[(n // 12 ** k) % 12] for k in range(3)).capitalize() + "abad"


def main(places: int = 250, sources: int = 20) -> None:
    actors = geomap.load_actors(ROOT / "gazetteer" / "actors.yaml")
    first, second = (a.name for a in list(actors)[:2])
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        (work / "gazetteer").mkdir()
        (work / "articles").mkdir()
        side = int(places ** 0.5) + 1
        rows = [f"  - {{id: v{n}, name: {village(n)}, feature_type: village, lat: {35 + 0.03 * (n // side):.2f}, "
                f"lon: {69 + 0.03 * (n % side):.2f}, source: synthetic}}" for n in range(places)]
        (work / "gazetteer" / "places.yaml").write_text("places:\n" + "\n".join(rows) + "\n", encoding="utf-8")
        (work / "gazetteer" / "actors.yaml").write_bytes((ROOT / "gazetteer" / "actors.yaml").read_bytes())
        for s in range(sources):
            for part in range(0, places, 50):
                lines = [f"The {first if (n + s) % 3 else second} captured {village(n)}."
                         for n in range(part, min(places, part + 50))]
                (work / "articles" / f"s{s:02d}_{part:04d}.md").write_text(
                    f"---\nsource: Source {s:02d}\ndate: 2021-09-06\ntitle: Report {part}\n---\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
        started = time.perf_counter()
        result = geomap.build_map(work / "articles", work / "gazetteer", work / "out")
        features = sum(1 for r in result.analysis.reports)
        page = work / "out" / "map.html"
        print(f"build: {len(result.analysis.mentions)} mentions, {len(result.analysis.claims)} claims, "
              f"{features} (source, place) features in {time.perf_counter() - started:.1f} s; "
              f"map.html {page.stat().st_size / 1e6:.1f} MB")
        probe = work / "out" / "timed.html"
        probe.write_text(page.read_text(encoding="utf-8").replace("</html>", TIMING + "</html>"), encoding="utf-8")
        command = [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run",
                   "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={work / 'profile'}",
                   "--window-size=1280,900", "--dump-dom", probe.as_uri()]
        for attempt in range(3):
            started = time.perf_counter()
            dom = subprocess.run(command, capture_output=True, text=True, timeout=300).stdout
            outside = time.perf_counter() - started
            found = re.search(r'<pre id="timing">(.*?)</pre>', dom, re.DOTALL)
            timing = json.loads(found.group(1).replace("&quot;", '"')) if found else {}
            print(f"open {attempt + 1}: map ready {timing.get('ready_ms', float('nan')) / 1000:.2f} s after navigation; "
                  f"every layer on in {timing.get('all_layers_on_ms', float('nan')) / 1000:.2f} s more "
                  f"({timing.get('paths')} circles drawn); whole Chromium run {outside:.1f} s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
