"""The map as a picture for a report: `map.html#print` rendered by headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import MissingDependencyError

PRINT_SIZE = (1600, 1000)  # CSS pixels: the map and, beside it, the sidebar


def find_chromium() -> str:
    """The headless browser used for --png."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise MissingDependencyError.at("chromium", None, "--png needs Chromium: install it with 'apt-get install chromium'")


def screenshot(chromium: str, page: Path, png: Path, size: tuple[int, int] = PRINT_SIZE, scale: float = 1,
               print_layout: bool = True) -> Path:
    """Render `page` (its print layout, unless `print_layout` is False) to `png`; `scale` 2 gives twice the
    pixels for print. Only base-map tiles, which the default map does not load, would need a network."""
    with tempfile.TemporaryDirectory(prefix="geomap-chromium-") as profile:
        partial = png.with_name(f".partial-{png.name}")
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}", f"--force-device-scale-factor={scale:g}",
            "--virtual-time-budget=5000", "--hide-scrollbars", f"--screenshot={partial}",
            page.resolve().as_uri() + ("#print" if print_layout else ""),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0 or not partial.is_file():
            partial.unlink(missing_ok=True)
            raise MissingDependencyError.at(chromium, None, f"Chromium could not render the map: {result.stderr.strip()[-300:]}")
        os.replace(partial, png)
    return png
