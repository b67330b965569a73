"""Matching throughput against the bare-scan baseline, measured in the same run.

Not a benchmark by itself: seed_speed.py and world_speed.py call `compare`.
"""
from __future__ import annotations

import time

import ahocorasick

from geomap.matching import NameIndex, find_names


def compare(index: NameIndex, text: str, repeats: int = 3) -> str:
    """geomap's find_names and a bare pyahocorasick scan over the same names on the same
    text (lower-cased), each timed `repeats` times, interleaved; the best of each counts."""
    bare = ahocorasick.Automaton()
    for key in index.keys:
        bare.add_word(key, key)
    bare.make_automaton()
    megabytes = len(text.encode("utf-8")) / 1e6
    ours, baseline = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        mentions = len(find_names(text, index))
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        hits = sum(1 for _ in bare.iter(text.lower()))
        baseline.append(time.perf_counter() - started)
    ours_rate, bare_rate = megabytes / min(ours), megabytes / min(baseline)
    return (f"matching on {megabytes:.1f} MB (best of {repeats}): geomap {ours_rate:.2f} MB/s ({mentions} names found); "
            f"bare pyahocorasick {bare_rate:.2f} MB/s ({hits} raw hits); ratio {ours_rate / bare_rate:.2f}")
