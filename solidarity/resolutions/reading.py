"""Reading resolution files for ingestion, in parallel worker processes.

Parsing is pure Python and takes as long as storing, so ``solidarity ingest``
parses ahead in other processes while it stores in its own, one transaction
per resolution. At most a bounded number of files are read ahead, so memory
stays flat however many files there are.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from solidarity.resolutions.parsing import ParseError, parse_bytes


@dataclass
class ReadFile:
    path: Path
    data: bytes = b""
    document: dict | None = None
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def read_file(path: Path) -> ReadFile:
    """Read and parse one file; every failure becomes a message naming the file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return ReadFile(path, error=f"{path}: {error.strerror or error}")
    try:
        result = parse_bytes(data, source=str(path))
    except ParseError as error:
        return ReadFile(path, error=str(error))
    return ReadFile(
        path,
        data=data,
        document=result.document.to_dict(),
        warnings=[str(warning) for warning in result.warnings],
    )


def read_files(paths: Iterable[Path], *, jobs: int = 0, ahead: int = 64) -> Iterator[ReadFile]:
    """Each file read and parsed, in the order given, by ``jobs`` worker processes.

    With ``jobs=0`` files are parsed in this process, one at a time.
    """
    if jobs <= 0:
        for path in paths:
            yield read_file(path)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque = deque()
        for path in paths:
            pending.append(pool.submit(read_file, path))
            if len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
