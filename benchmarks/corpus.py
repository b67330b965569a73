"""Generate a large article set from the seed articles, so that nothing large is committed.

Each article is about `size` bytes of seed sentences drawn at random (seeded, so the
same arguments give the same corpus), with front matter naming one of `sources`
sources and a date in September 2021.
Run: python benchmarks/corpus.py OUT_FOLDER [count] [size] [sources]
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import geomap
from geomap.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def generate(out: Path, count: int = 10_000, size: int = 3_000, sources: int = 20, seed: int = 0) -> list[Path]:
    articles, _, _ = geomap.read_articles(ROOT / "articles")
    sentences = [s.text for a in articles for s in split_sentences(a.body) if len(s.text) > 40]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        body, length = [], 0
        while length < size:
            sentence = rng.choice(sentences)
            body.append(sentence)
            length += len(sentence) + 1
        path = out / f"{n:06d}.md"
        path.write_text(
            f"---\nsource: Wire {n % sources:02d}\ndate: 2021-09-{1 + n % 30:02d}\ntitle: Generated article {n}\n---\n"
            + " ".join(body) + "\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1])
    numbers = [int(a) for a in sys.argv[2:5]]
    made = generate(target, *numbers)
    print(f"{len(made)} articles in {target}")
