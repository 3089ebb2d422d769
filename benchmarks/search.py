"""Benchmark: the good-practice catalogue at a million published practices.

For each database (SQLite, PostgreSQL), in a fresh database:

1. build: generates the corpus (``benchmarks/corpus.py``) and stores it the
   platform's way: practice rows, then search documents with their facets
   through ``solidarity.core.search`` (FTS5 or tsvector, in transactions of
   5,000), while the catalogue engine, in its own process as in a web
   worker, replays the database's changes into its index. Prints the time of
   each step.
2. queries: a new process, as a web worker is, first asks a few other
   searches (``WARM_UP``: other words and filters, so nothing measured is
   remembered), then runs a fixed set of catalogue searches (single words,
   phrases, boolean, with and without facet filters, both orders) through
   ``practices.selectors.catalogue``: first page of 20 with snippets and every
   facet counted. Each query runs ``--runs`` times; prints the first run (its
   facets counted then), p50 and p95 of each, p50 and p95 of the first runs
   and of all runs, and the process's peak memory.
3. web: starts gunicorn with one worker, as ``solidarity serve`` does in
   production, warms it the same way and asks it for
   the same pages over HTTP; prints page p50 and p95 (first runs, all runs)
   and the server's peak memory.

Targets: first page with all facet counts p95 <= 50 ms on each database;
building the corpus and its index <= 10 minutes; web process < 300 MB.

    .venv/bin/python benchmarks/search.py [--count 1000000] [--database sqlite|postgres|both]

Building takes minutes: ``--keep DIR`` keeps what was built (the SQLite file,
the PostgreSQL database named after DIR, the engine's index) and
``--reuse DIR`` measures it again without building.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: `benchmarks.…` as in its children

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402
import uuid  # noqa: E402
import zlib  # noqa: E402

from benchmarks.serving import (  # noqa: E402
    children,
    fresh_postgres,
    gunicorn,
    peak_rss_mib,
    percentile,
    run_child,
)

SOLIDARITY = str(Path(sys.executable).with_name("solidarity"))
BATCH = 5000

# (label, query string): what people type and click in the catalogue.
QUERIES = [
    ("word, rare", "q=mangroves"),
    ("word", "q=vaccines"),
    ("word, stemmed", "q=harvesting"),
    ("word, very common", "q=communities"),
    ("word, in most records", "q=cooperation"),
    ("phrase", 'q="seed banks"'),
    ("phrase, common words", 'q="local communities"'),
    ("AND", "q=drought AND irrigation"),
    ("OR", "q=earthquake OR cyclone"),
    ("NOT", "q=vaccination -laboratories"),
    ("word + region", "q=drought&region=African"),
    ("word + theme + level", "q=clinics&theme=pandemics_recovery&level=international"),
    ("common word + 2 filters", "q=communities&modality=south_south&year=2024"),
    ("phrase + country", 'q="clean water"&country=BRA'),
    ("OR + sdg", "q=schools OR teachers&sdg=4"),
    ("filters only", "region=Asia-Pacific&actor_type=ngo"),
    ("browse, newest", "sort=newest"),
    ("word, newest", "q=solar&sort=newest"),
    ("common word, newest", "q=partners&sort=newest"),
    ("page 5", "q=women&page=5"),
]


# Asked once before measuring, as a web worker has served other visitors: the
# code, the connection and the index files are warm, but no query measured
# above has its counts remembered (other words, other filters).
WARM_UP = [
    "q=microcredit",
    'q="school meals"',
    "q=reforestation AND insurance",
    "q=livelihoods OR nutrition",
    "q=irrigation -harvests",
    "q=cooperatives&region=GRULAC",
    "country=KEN&level=national",
    "q=households&sort=newest",
]


# -- Child: build --------------------------------------------------------------


_WORKER: dict = {}


COLUMNS = [
    "id", "status", "submitted_by", "submission_key", "title", "summary", "description",
    "challenge", "actions", "results", "enabling_factors", "sustainability", "resources",
    "started_on", "ended_on", "ongoing", "level", "actors", "countries", "themes",
    "modalities", "sdg_goals", "sdg_targets", "human_rights", "sources", "language",
    "created_at", "updated_at", "submitted_at", "first_published_at", "published",
    "published_version", "contact_name", "contact_email", "retraction_reason",
]  # fmt: skip


def _prepare_start(submitter: int) -> None:
    """In each worker: Django, and what every record needs (countries, themes)."""
    import django

    django.setup()
    from benchmarks import corpus
    from solidarity.practices.indexing import country_facts

    facts = country_facts()
    codes = sorted(code for code, (_name, group) in facts.items() if group)
    _WORKER.update(
        facts=facts,
        names={code: name for code, (name, _group) in facts.items()},
        codes=codes,
        code_set=frozenset(codes),
        weights=corpus.country_weights(codes),
        themes=frozenset(corpus.THEMES),
        submitter=submitter,
    )


def _prepare(batch: tuple[int, int, int]) -> tuple[list, list, int]:
    """Records first..last: practice rows (model field values) and search documents."""
    from benchmarks import corpus
    from solidarity.core import search
    from solidarity.core.bulk import prepare_rows
    from solidarity.practices.content import searchable_text
    from solidarity.practices.indexing import facets_of
    from solidarity.practices.models import Practice
    from solidarity.practices.validation import clean_content

    first, last, count = batch
    w = _WORKER
    rows, documents, words = [], [], 0
    for n in range(first, last + 1):
        content = corpus.record(n, w["codes"], w["weights"])
        fields = clean_content(content, theme_codes=w["themes"], country_codes=w["code_set"])
        at = corpus.published_at(n, count)
        rows.append(
            (
                n,
                "published",
                w["submitter"],
                uuid.UUID(int=n),
                *tuple(fields[c] for c in COLUMNS[4:26]),
                at,
                at,
                at,
                at,
                content,
                1,
                "",
                "",
                "",
            )
        )
        body = searchable_text(content, country_names=w["names"])
        words += len(body.split())
        documents.append(
            search.Document(
                object_id=str(n),
                title=content["title"],
                body=body,
                language=content["language"],
                sorted_at=at,
                facets=facets_of(content, w["facts"]),
            )
        )
    return prepare_rows(Practice, COLUMNS, rows), documents, words


def _follow(stop) -> None:
    """The catalogue engine replaying the database's changes while they are written."""
    import django

    django.setup()
    from solidarity.core.search import engine
    from solidarity.practices.indexing import SEARCH_KIND

    index = engine.catalogue_index(SEARCH_KIND)
    # As the start-up of a worker: builds the index whatever the size already written
    # (on a quick machine more than a request may rebuild is stored before the first turn).
    while not stop.wait(3):
        index.ensure_current(whatever_size=True)


def _ahead(pool, batches, *, window: int):
    """The prepared batches in order, at most ``window`` prepared ahead (memory stays flat)."""
    pending = []
    for batch in batches:
        pending.append(pool.apply_async(_prepare, (batch,)))
        if len(pending) > window:
            yield pending.pop(0).get()
    for result in pending:
        yield result.get()


def build(count: int) -> None:
    import multiprocessing

    import django

    django.setup()
    from django.db import connection, transaction

    from solidarity.accounts import services as accounts
    from solidarity.core import search
    from solidarity.core.bulk import insert_rows
    from solidarity.core.roles import Role
    from solidarity.core.search import engine
    from solidarity.practices.indexing import SEARCH_KIND
    from solidarity.practices.models import Practice

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # A bulk load's own connection: a large page cache for the growing indexes.
            cursor.execute("PRAGMA cache_size=-262144")
    secretariat = accounts.user_create(
        actor=None,
        email="bench@example.org",
        full_name="Bench",
        role=Role.SECRETARIAT,
        password="not-used-for-anything-42",
    )
    batches = [
        (first, min(count, first + BATCH - 1), count) for first in range(1, count + 1, BATCH)
    ]
    started = time.perf_counter()
    rows_time = index_time = 0.0
    words = 0
    # Spawned, not forked: a forked child would share this process's database connection.
    pool = multiprocessing.get_context("spawn").Pool(
        1, initializer=_prepare_start, initargs=(secretariat.pk,)
    )
    # The engine follows the database as a web worker would, from its own process.
    spawn = multiprocessing.get_context("spawn")
    stop = spawn.Event()
    follower = spawn.Process(target=_follow, args=(stop,), daemon=True)
    follower.start()
    with pool:
        for rows, documents, batch_words in _ahead(pool, batches, window=4):
            words += batch_words
            t = time.perf_counter()
            with transaction.atomic():
                insert_rows(Practice, COLUMNS, rows, prepared=True)
            rows_time += time.perf_counter() - t
            t = time.perf_counter()
            with transaction.atomic():
                search.index_documents(kind=SEARCH_KIND, documents=documents)
            index_time += time.perf_counter() - t
            done = int(documents[-1].object_id)
            if done % 100_000 == 0:
                print(f"  {done:>9,} stored, {time.perf_counter() - started:6.1f} s", flush=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval('practices_practice_id_seq', %s)", [count])
        cursor.execute("ANALYZE")
    t = time.perf_counter()
    stop.set()
    follower.join()
    index = engine.catalogue_index(SEARCH_KIND)
    index.ensure_current(whatever_size=True)  # the last changes
    indexed = index.index.searcher().num_docs
    engine_time = time.perf_counter() - t
    total = time.perf_counter() - started
    print(
        json.dumps(
            {
                "records": count,
                "words_per_record": round(words / count),
                "rows_s": round(rows_time, 1),
                "database_index_s": round(index_time, 1),
                "engine_index_s": round(engine_time, 1),
                "engine_records": indexed,
                "total_s": round(total, 1),
            }
        ),
        flush=True,
    )


# -- Child: queries ------------------------------------------------------------


def queries(runs: int) -> None:
    import django

    django.setup()
    from django.http import QueryDict

    from solidarity.practices import selectors

    selectors.catalogue(selectors.CatalogueQuery())  # opens the index, as a first visit does
    for params in WARM_UP:
        selectors.catalogue(selectors.CatalogueQuery.from_params(QueryDict(params)))
    results, everything, first_runs = [], [], []
    for label, params in QUERIES:
        parsed = QueryDict(params)
        query = selectors.CatalogueQuery.from_params(parsed)
        page = int(parsed.get("page", 1))
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            found = selectors.catalogue(query, offset=(page - 1) * 20, limit=20)
            times.append((time.perf_counter() - t) * 1000)
        everything.extend(times)
        first_runs.append(times[0])
        results.append(
            {
                "label": label,
                "params": params,
                "matches": found.total,
                "first_ms": round(times[0], 1),
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 0.95), 1),
            }
        )
    print(
        json.dumps(
            {
                "queries": results,
                "p50_ms": round(statistics.median(everything), 1),
                "p95_ms": round(percentile(everything, 0.95), 1),
                "first_p50_ms": round(statistics.median(first_runs), 1),
                "first_p95_ms": round(percentile(first_runs, 0.95), 1),
                "peak_rss_mib": round(peak_rss_mib(), 1),
            }
        ),
        flush=True,
    )


# -- Parent ----------------------------------------------------------------------


def _child(env: dict, *args: str) -> dict:
    return run_child(__file__, env, *args)


def web(env: dict, runs: int) -> dict:
    # As in production (`solidarity serve` runs gunicorn there): one worker process,
    # which keeps its database connection from one request to the next.
    with gunicorn(env, workers=1) as (port, server):
        base = f"http://127.0.0.1:{port}"
        urllib.request.urlopen(base + "/practices/", timeout=60).read()

        def page(params: str) -> float:
            quoted = urllib.parse.urlencode(urllib.parse.parse_qsl(params))
            t = time.perf_counter()
            with urllib.request.urlopen(f"{base}/practices/?{quoted}", timeout=60) as response:
                response.read()
            return (time.perf_counter() - t) * 1000

        for params in WARM_UP:
            page(params)
        times, first_times = [], []
        for _label, params in QUERIES:
            runs_ = [page(params) for _ in range(runs)]
            first_times.append(runs_[0])
            times.extend(runs_)
        return {
            "page_first_p50_ms": round(statistics.median(first_times), 1),
            "page_first_p95_ms": round(percentile(first_times, 0.95), 1),
            "page_p50_ms": round(statistics.median(times), 1),
            "page_p95_ms": round(percentile(times, 0.95), 1),
            "server_peak_rss_mib": round(
                max(peak_rss_mib(pid) for pid in [server.pid, *children(server.pid)]), 1
            ),
        }


def _postgres_name(var: Path) -> str:
    """The database of a kept build: named after its folder, so two builds never share one."""
    folder = str(var.resolve())
    return "solidarity_bench_" + str(zlib.crc32(folder.encode()))


def run(database: str, count: int, runs: int, var: Path, *, reuse: bool = False) -> None:
    env = {**os.environ, "SOLIDARITY_ENV": "test", "SOLIDARITY_VAR_DIR": str(var)}
    env["PYTHONPATH"] = str(ROOT)
    env["DJANGO_SETTINGS_MODULE"] = "solidarity.settings"
    env.pop("DATABASE_URL", None)
    if database == "postgres":
        name = _postgres_name(var)
        env["DATABASE_URL"] = (
            f"postgres://postgres@127.0.0.1:5432/{name}" if reuse else fresh_postgres(name)
        )
    if reuse:
        print(f"\n== {database}: the corpus built in {var}")
    else:
        subprocess.run(
            [SOLIDARITY, "migrate", "--no-input"], env=env, check=True, capture_output=True
        )
        print(f"\n== {database}: building {count:,} published practices")
        started = time.perf_counter()
        built = _child({**env, "SOLIDARITY_SEARCH_ENGINE": "database"}, "build", str(count))
        elapsed = time.perf_counter() - started
        print(
            f"  rows {built['rows_s']} s; database full-text index and facets "
            f"{built['database_index_s']} s; catalogue engine, after the last batch, "
            f"{built['engine_index_s']} s; "
            f"{built['words_per_record']} words a record"
        )
        print(
            f"  corpus and index built in {elapsed:.0f} s ({elapsed / 60:.1f} min; "
            "target <= 10 min)"
        )
    measured = _child(env, "queries", str(runs))
    print(f"  {'query':<26} {'matches':>9} {'first':>8} {'p50':>8} {'p95':>8}")
    for q in measured["queries"]:
        print(
            f"  {q['label']:<26} {q['matches']:>9,} {q['first_ms']:>6.1f}ms "
            f"{q['p50_ms']:>6.1f}ms {q['p95_ms']:>6.1f}ms"
        )
    print(
        f"  first run of each query (nothing remembered): p50 {measured['first_p50_ms']} ms, "
        f"p95 {measured['first_p95_ms']} ms"
    )
    print(
        f"  all runs: p50 {measured['p50_ms']} ms, p95 {measured['p95_ms']} ms "
        f"(target p95 <= 50 ms); worker peak memory {measured['peak_rss_mib']} MiB"
    )
    pages = web(env, max(3, runs // 4))
    print(
        f"  whole pages over HTTP: first of each p50 {pages['page_first_p50_ms']} ms, "
        f"p95 {pages['page_first_p95_ms']} ms; all p50 {pages['page_p50_ms']} ms, "
        f"p95 {pages['page_p95_ms']} ms; server peak memory {pages['server_peak_rss_mib']} MiB "
        "(target < 300 MB)"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "build":
        return build(int(sys.argv[2]))
    if len(sys.argv) > 1 and sys.argv[1] == "queries":
        return queries(int(sys.argv[2]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--runs", type=int, default=20)
    kept = parser.add_mutually_exclusive_group()
    kept.add_argument(
        "--keep",
        metavar="DIR",
        help="build in DIR and keep it (SQLite file, PostgreSQL database, engine index)",
    )
    kept.add_argument(
        "--reuse", metavar="DIR", help="measure what --keep DIR built, without building"
    )
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for database in databases:
        if args.reuse:
            run(database, args.count, args.runs, Path(args.reuse) / database, reuse=True)
            continue
        if args.keep:
            var = Path(args.keep) / database
            var.mkdir(parents=True, exist_ok=False)
            run(database, args.count, args.runs, var)
            continue
        with tempfile.TemporaryDirectory(prefix="solidarity-search-") as var:
            run(database, args.count, args.runs, Path(var))


if __name__ == "__main__":
    main()
