"""A cache of the loaded gazetteer and its matching index, in the user's cache folder.

Parsing and validating a world-size gazetteer (GeoNames cities500: 235,000 places)
takes far longer than reading back what it produced. The cache lives outside the
gazetteer folder (which people share, zipped), in the user's cache directory
(`platformdirs`; set GEOMAP_CACHE_DIR to choose another), one folder per content
key: a hash of geomap's version, the code that builds the index, and every gazetteer
file's name and bytes, so any edit or upgrade makes a new one. It holds data only,
never code: JSON lists, raw integer arrays and the automaton's own state (the bytes
and numbers pyahocorasick rebuilds an integer automaton from), so a planted file can
at worst fail to load, and then the gazetteer is read again. Writing the cache is an optimisation: a cache
folder that cannot be written just means no cache.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import tempfile
from array import array
from pathlib import Path

import ahocorasick
import platformdirs

from .gazetteer import Gazetteer, gazetteer_files, load_gazetteer
from .matching import HashIndex, NameIndex, Postings, build_index

_FORMAT = "geomap-index-6"
_AHOCORASICK = importlib.metadata.version("pyahocorasick")  # the automaton's state is its own format
_KEPT = 6  # cache folders kept; the least recently used beyond these are removed
_ARRAYS = ("starts", "key_places.starts", "key_places.values", "spelling_places.starts", "spelling_places.values",
           "deletions.hashes", "deletions.values", "anagrams.hashes", "anagrams.values")


def cache_root() -> Path:
    """Where index caches are kept: GEOMAP_CACHE_DIR, else the user's cache directory."""
    chosen = os.environ.get("GEOMAP_CACHE_DIR")
    return Path(chosen) if chosen else Path(platformdirs.user_cache_dir("geomap")) / "index"


def load_indexed(path: str | Path) -> tuple[Gazetteer, NameIndex]:
    """The gazetteer at `path` and its index, from the cache when the YAML has not changed."""
    path = Path(path)
    files = gazetteer_files(path) if path.exists() else []
    if not files:
        gazetteer = load_gazetteer(path)  # raises the usual, precise errors
        return gazetteer, build_index(gazetteer)
    folder = cache_root() / _content_key(files)
    cached = _read(folder)
    if cached is not None:
        return cached
    gazetteer = load_gazetteer(path)
    index = build_index(gazetteer)
    _write(folder, gazetteer, index)
    return gazetteer, index


def _content_key(files: list[Path]) -> str:
    from . import __version__, gazetteer, matching

    digest = hashlib.sha256(f"{_FORMAT}:{__version__}:{sys.byteorder}:{_AHOCORASICK}".encode())
    for module in (gazetteer, matching):  # the code that builds what is cached
        digest.update(Path(module.__file__).read_bytes())
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _read(folder: Path) -> tuple[Gazetteer, NameIndex] | None:
    """The cached gazetteer and index, or None when the folder is missing, partial or foreign."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != _FORMAT:
            return None
        arrays = {}
        for name in _ARRAYS:
            typecode = meta["arrays"][name]
            arrays[name] = array(typecode)
            arrays[name].frombytes((folder / f"{name}.bin").read_bytes())
        ids = tuple(json.loads((folder / "ids.json").read_text(encoding="utf-8")))
        keys = tuple(json.loads((folder / "keys.json").read_text(encoding="utf-8")))
        spellings = tuple(json.loads((folder / "spellings.json").read_text(encoding="utf-8")))
        parts = [(folder / f"automaton.{n}.bin").read_bytes() for n in range(int(meta["automaton"]["parts"]))]
        automaton = ahocorasick.Automaton(parts, *meta["automaton"]["numbers"], None)
        if automaton.store != ahocorasick.STORE_INTS:
            return None
        gazetteer = Gazetteer.from_rows(ids, (folder / "rows.bin").read_bytes(), arrays["starts"])
        index = NameIndex(
            keys, automaton, ids, Postings(arrays["key_places.starts"], arrays["key_places.values"]),
            (folder / "flags.bin").read_bytes(), spellings,
            Postings(arrays["spelling_places.starts"], arrays["spelling_places.values"]),
            HashIndex(arrays["deletions.hashes"], arrays["deletions.values"]),
            HashIndex(arrays["anagrams.hashes"], arrays["anagrams.values"]), int(meta["longest"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    _touch(folder)
    return gazetteer, index


def _write(folder: Path, gazetteer: Gazetteer, index: NameIndex) -> None:
    ids, rows, starts = gazetteer.to_rows()
    arrays = {"starts": starts, "key_places.starts": index.key_places.starts,
              "key_places.values": index.key_places.values,
              "spelling_places.starts": index.spelling_places.starts,
              "spelling_places.values": index.spelling_places.values,
              "deletions.hashes": index.deletions.hashes, "deletions.values": index.deletions.values,
              "anagrams.hashes": index.anagrams.hashes, "anagrams.values": index.anagrams.values}
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder.parent))
        for name, values in arrays.items():
            (partial / f"{name}.bin").write_bytes(values.tobytes())
        (partial / "rows.bin").write_bytes(rows)
        (partial / "flags.bin").write_bytes(index.key_flags)
        for name, strings in (("ids", ids), ("keys", index.keys), ("spellings", index.spellings)):
            (partial / f"{name}.json").write_text(json.dumps(list(strings), ensure_ascii=False), encoding="utf-8")
        parts, *numbers, objects = index.automaton.__reduce__()[1]  # the automaton's own state: bytes and numbers
        if objects is not None:
            return  # an automaton holding objects is not geomap's: not cached
        for n, part in enumerate(parts):
            (partial / f"automaton.{n}.bin").write_bytes(part)
        meta = {"format": _FORMAT, "longest": index.longest, "automaton": {"parts": len(parts), "numbers": numbers},
                "arrays": {name: values.typecode for name, values in arrays.items()}}
        (partial / "meta.json").write_text(json.dumps(meta), encoding="utf-8")  # written last: marks it complete
        try:
            os.replace(partial, folder)
        except OSError:  # another process wrote the same cache meanwhile
            shutil.rmtree(partial, ignore_errors=True)
        _prune(folder.parent)
    except OSError:
        for leftover in folder.parent.glob(".partial-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _touch(folder: Path) -> None:
    try:
        os.utime(folder)
    except OSError:
        pass


def _prune(root: Path) -> None:
    """Keep the most recently used caches; remove the rest."""
    folders = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[_KEPT:]:
        shutil.rmtree(old, ignore_errors=True)
