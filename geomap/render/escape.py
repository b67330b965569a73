"""Article text on the page: always escaped, for HTML and for the JavaScript template strings
folium puts tooltips in."""
from __future__ import annotations

import html


def esc(text: str) -> str:
    """Escape text for HTML, safe too inside a JavaScript template string (folium's tooltips)."""
    return html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")
