"""End-to-end build time for a generated corpus, with 1 and N processes.

Prints figures and whether the outputs are byte-identical; asserts nothing.
Run: python benchmarks/build_speed.py [count] [jobs]
"""
from __future__ import annotations

import hashlib
import resource
import sys
import tempfile
import time
from pathlib import Path

import geomap

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in sorted(folder.iterdir())}


def main(count: int = 10_000, jobs: int = 2) -> None:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        started = time.perf_counter()
        generate(work / "articles", count)
        megabytes = sum(p.stat().st_size for p in (work / "articles").iterdir()) / 1e6
        print(f"corpus: {count} articles, {megabytes:.1f} MB, generated in {time.perf_counter() - started:.1f} s")
        outputs = {}
        for processes in sorted({1, jobs}):
            started = time.perf_counter()
            result = geomap.build_map(work / "articles", ROOT / "gazetteer", work / f"out{processes}", jobs=processes)
            seconds = time.perf_counter() - started
            outputs[processes] = digest(work / f"out{processes}")
            print(f"build --jobs {processes}: {seconds:.1f} s = {count / seconds:.0f} articles/s, "
                  f"{megabytes / seconds:.2f} MB/s; {len(result.analysis.mentions)} mentions, "
                  f"{len(result.analysis.claims)} claims, {len(result.analysis.reports)} (source, place) features; "
                  f"map.html {(work / f'out{processes}' / 'map.html').stat().st_size / 1e6:.1f} MB")
        print("outputs byte-identical across --jobs:", len({tuple(d.items()) for d in outputs.values()}) == 1)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory (main process): {peak:.0f} MB")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
