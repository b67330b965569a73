"""A cache of the loaded gazetteer and its matching index, beside the YAML it comes from.

Parsing and validating a world-size gazetteer (GeoNames cities500: 235,000 places)
takes minutes; unpickling the result takes seconds. The cache file's name is a hash of
geomap's version and every gazetteer file's name and bytes, so any edit (or upgrade)
makes a new one; older cache files in the folder are removed. Writing the cache is an
optimisation: a folder that cannot be written just means no cache.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .gazetteer import Gazetteer, gazetteer_files, load_gazetteer
from .matching import NameIndex, build_index

CACHE_FOLDER = ".geomap-cache"
_FORMAT = "geomap-index-4"


def load_indexed(path: str | Path) -> tuple[Gazetteer, NameIndex]:
    """The gazetteer at `path` and its index, from the cache when the YAML has not changed."""
    path = Path(path)
    files = gazetteer_files(path) if path.exists() else []
    if not files:
        gazetteer = load_gazetteer(path)  # raises the usual, precise errors
        return gazetteer, build_index(gazetteer)
    folder = (path if path.is_dir() else path.parent) / CACHE_FOLDER
    cache = folder / f"{_content_key(files)}.pickle"
    if cache.is_file():
        try:
            with cache.open("rb") as stream:
                return pickle.load(stream)
        except Exception:  # a damaged or foreign cache file: rebuild
            pass
    gazetteer = load_gazetteer(path)
    index = build_index(gazetteer)
    _store(folder, cache, (gazetteer, index))
    return gazetteer, index


def _content_key(files: list[Path]) -> str:
    from . import __version__, gazetteer, matching

    digest = hashlib.sha256(f"{_FORMAT}:{__version__}".encode())
    for module in (gazetteer, matching):  # the code that builds what is cached
        digest.update(Path(module.__file__).read_bytes())
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _store(folder: Path, cache: Path, value) -> None:
    try:
        folder.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".partial-", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache)
        for old in folder.glob("*.pickle"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        for partial in folder.glob(".partial-*"):
            partial.unlink(missing_ok=True)
