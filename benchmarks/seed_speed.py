"""Speed of the pipeline on the bundled (curated) gazetteer and the seed articles (repeated).

Prints gazetteer load and index build time, matching MB/s and its ratio to a bare
pyahocorasick scan of the same names in the same run, the first analysis (which loads
the lexicon and word lists once per process), then analysis articles/s and peak
memory; asserts nothing. Run: python benchmarks/seed_speed.py [repeats]
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import geomap
from geomap.matching import build_index

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import compare  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(repeats: int = 200) -> None:
    started = time.perf_counter()
    gazetteer = geomap.load_gazetteer(ROOT / "gazetteer")
    actors = geomap.load_actors(ROOT / "gazetteer" / "actors.yaml")
    loaded = time.perf_counter()
    index = build_index(gazetteer)
    indexed = time.perf_counter()
    articles, _, _ = geomap.read_articles(ROOT / "articles")
    text = "\n\n".join(a.body for a in articles)
    print(f"gazetteer: {len(gazetteer)} places, {len(index.keys)} names; "
          f"load {loaded - started:.2f} s, index {indexed - loaded:.2f} s")

    print(compare(index, "\n\n".join([text] * repeats)))

    start = time.perf_counter()
    geomap.analyse(articles, gazetteer, actors, index=index)  # loads the word lists and lexicon once
    print(f"first analysis of {len(articles)} articles (loads the lexicon, word frequencies and given names): "
          f"{time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    for _ in range(max(1, repeats // 10)):
        geomap.analyse(articles, gazetteer, actors, index=index)
    seconds = time.perf_counter() - start
    count = len(articles) * max(1, repeats // 10)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"analyse (match, resolve, claims, assess; index built once, above): {count} articles in {seconds:.2f} s = "
          f"{count / seconds:.0f} articles/s; peak resident memory {peak:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
