"""Leaflet and jQuery for the map: inlined from Python packages, or linked from a CDN.

The copies come from `xstatic-leaflet` (Leaflet 1.9.3, the version folium targets) and
`xstatic-jquery` (3.7.1), which `pip install` brings: the default map carries them and
Leaflet's stylesheet (its images as data URIs), so it works offline, behind a firewall,
or in ten years. `--cdn` keeps folium's links instead, for a small file that needs a
network.
"""
from __future__ import annotations

import base64
import re
from pathlib import Path

import xstatic.pkg.jquery
import xstatic.pkg.leaflet

LEAFLET = Path(xstatic.pkg.leaflet.BASE_DIR)
JQUERY = Path(xstatic.pkg.jquery.BASE_DIR)
SCRIPTS = (
    ("leaflet", f"https://cdn.jsdelivr.net/npm/leaflet@{xstatic.pkg.leaflet.VERSION}/dist/leaflet.js", LEAFLET / "leaflet.js"),
    ("jquery", f"https://code.jquery.com/jquery-{xstatic.pkg.jquery.VERSION}.min.js", JQUERY / "jquery.min.js"),
)
STYLES = (
    ("leaflet_css", f"https://cdn.jsdelivr.net/npm/leaflet@{xstatic.pkg.leaflet.VERSION}/dist/leaflet.css",
     LEAFLET / "leaflet.css"),
)


def inline_assets(page: str) -> str:
    """The page with Leaflet, jQuery and Leaflet's stylesheet and images inlined: it needs no network."""
    for _, url, path in SCRIPTS:
        code = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
        page = page.replace(f'<script src="{url}"></script>', f"<script>/* {path.name} {url} */\n{code}\n</script>")
    for _, url, path in STYLES:
        css = re.sub(r"url\((images/[\w.-]+\.png)\)", lambda m, folder=path.parent: _data_uri(folder / m.group(1), m),
                     path.read_text(encoding="utf-8"))
        page = re.sub(rf'<link[^>]*href="{re.escape(url)}"[^>]*>', lambda _: f"<style>/* {path.name} */\n{css}\n</style>",
                      page)
    return page


def _data_uri(image: Path, match: re.Match) -> str:
    if not image.is_file():
        return match.group(0)
    return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode()})"
