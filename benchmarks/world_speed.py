"""The world-size gazetteer: GeoNames cities500 with its Latin-script alternate names.

Builds it in a temporary folder (the bundled gazetteer plus `import-geonames --dataset
cities500`), then prints: parse-and-validate and index build time, the first load
through the cache (which writes it) and the cached load, each in a fresh process with
its peak memory; matching MB/s on a generated corpus against a bare pyahocorasick scan
of the same names on the same text in the same run, and their ratio; analysis
articles/s; false places per 10,000 words (mentions the world gazetteer finds in the
generated seed sentences where the bundled, curated gazetteer, which reads the seeds
exactly, finds none); and this process's peak memory. Asserts nothing. The index cache
goes to a temporary folder, so the first load is a first load.
Run: python benchmarks/world_speed.py [articles]
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402
from throughput import compare  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PEAK = "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024"
STEPS = f"""import resource, sys, time
from geomap import load_gazetteer
from geomap.matching import build_index
started = time.perf_counter(); gazetteer = load_gazetteer(sys.argv[1]); loaded = time.perf_counter()
index = build_index(gazetteer)
print(f"{{len(gazetteer)}} places, {{len(index.keys)}} names; parse and validate {{loaded - started:.1f}} s, "
      f"index build {{time.perf_counter() - loaded:.1f}} s, {{{PEAK}:.0f}} MB peak")
"""
LOAD = f"""import resource, sys, time
from geomap.cache import load_indexed
started = time.perf_counter(); load_indexed(sys.argv[1])
print(f"{{time.perf_counter() - started:.2f}} s, {{{PEAK}:.0f}} MB peak")
"""


def main(count: int = 2000) -> None:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        os.environ["GEOMAP_CACHE_DIR"] = str(work / "cache")
        gazetteer = work / "gazetteer"
        shutil.copytree(ROOT / "gazetteer", gazetteer, ignore=shutil.ignore_patterns(".geomap-cache"))
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geomap", "gazetteer", "import-geonames", "--curated", str(gazetteer),
                        "--dataset", "cities500", "--out", str(gazetteer / "world_cities500.yaml")], check=True)
        print(f"import-geonames --dataset cities500: {time.perf_counter() - started:.0f} s")
        for label, code in (("without the cache", STEPS), ("first load (builds and writes the cache)", LOAD),
                            ("cached load", LOAD)):
            result = subprocess.run([sys.executable, "-c", code, str(gazetteer)], capture_output=True, text=True, check=True)
            print(f"{label}: {result.stdout.strip()}")

        import geomap
        from geomap.cache import load_indexed

        places, index = load_indexed(gazetteer)
        generate(work / "articles", count)
        articles, _, _ = geomap.read_articles(work / "articles")
        print(compare(index, "\n\n".join(a.body for a in articles)))
        sample = articles[:200]
        actors = geomap.load_actors(gazetteer / "actors.yaml")
        started = time.perf_counter()
        analysis = geomap.analyse(sample, places, actors, index=index)
        seconds = time.perf_counter() - started
        print(f"analyse (match, resolve, claims, assess): {len(sample)} articles in {seconds:.1f} s = "
              f"{len(sample) / seconds:.0f} articles/s, {len(analysis.mentions)} mentions kept")
        curated = geomap.analyse(sample, geomap.load_gazetteer(ROOT / "gazetteer"), actors)
        read = {(m.article_id, m.start, m.end) for m in curated.mentions}
        false = [m for m in analysis.mentions if (m.article_id, m.start, m.end) not in read]
        words = sum(len(a.body.split()) for a in sample)
        print(f"false places: {len(false)} in {words} words = {10_000 * len(false) / words:.1f} per 10,000 words "
              f"({', '.join(sorted({m.text for m in false})[:12]) or 'none'})")
        print(f"peak resident memory (this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
