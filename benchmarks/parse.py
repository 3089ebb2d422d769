"""How fast the resolution parser reads text: parses per second on one core.

    .venv/bin/python benchmarks/parse.py [--repeat N] [--profile]

Parses resolution 56/4 (Markdown as converted from the UN PDF, and the same
as plain text with running headers and page numbers) N times each and prints
parses per second and milliseconds per parse; then the whole corpus of real
resolutions in tests/resolutions/corpus/ (PDF text layers, re-flowed text and
Markdown, 1 to 6 pages each), in documents per second. The target is 2,000
parses per second for the seed as plain text, with every check the parser makes.
``--profile`` prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from solidarity.resolutions.parsing import parse_text  # noqa: E402
from tests.resolutions.parsing.variants import plain_text, seed_markdown  # noqa: E402

TARGET_PER_SECOND = 2000
CORPUS = ROOT / "tests" / "resolutions" / "corpus"


def measure(text: str, repeat: int) -> float:
    """Processor seconds per parse on this one core, the best of five rounds.

    Processor time rather than wall-clock time, so that other work on the
    machine does not count against the parser.
    """
    parse_text(text)  # build the lexicons and tables once, as a running service would
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for _ in range(repeat):
            parse_text(text)
        best = min(best, (time.process_time() - start) / repeat)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1000, help="parses per round (1000)")
    parser.add_argument("--profile", action="store_true", help="print the top of a profile")
    options = parser.parse_args()

    markdown = seed_markdown()
    variants = {
        "Markdown (seed)": markdown,
        "plain text with page furniture": plain_text(markdown, symbol="A/HRC/RES/56/4"),
    }
    if options.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(options.repeat):
            for text in variants.values():
                parse_text(text)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)

    plain_seconds = 0.0
    print(f"A/HRC/RES/56/4: {len(markdown):,} characters, {options.repeat} parses per round")
    for name, text in variants.items():
        seconds = measure(text, options.repeat)
        if name.startswith("plain text"):
            plain_seconds = seconds
        print(f"{name:32} {1 / seconds:8,.0f} parses/s {seconds * 1000:7.3f} ms per parse")
    corpus = [
        path.read_text(encoding="utf-8")
        for path in sorted(CORPUS.iterdir())
        if path.suffix in {".txt", ".md"} and path.name != "README.md"
    ]
    rounds = max(1, options.repeat // 100)
    seconds = sum(measure(text, rounds) for text in corpus)
    characters = sum(len(text) for text in corpus)
    print(
        f"{'real corpus, ' + str(len(corpus)) + ' documents':32} {len(corpus) / seconds:8,.0f} "
        f"documents/s ({characters / seconds / 1e6:.1f} million characters/s)"
    )
    met = 1 / plain_seconds >= TARGET_PER_SECOND
    print(f"target {TARGET_PER_SECOND:,} parses/s on plain text: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
