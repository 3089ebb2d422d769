"""Every real resolution of the corpus is read exactly as its reader read it.

The facts beside each document were written by reading the document (see
tests/resolutions/corpus/README.md); the parser must agree with every one of
them and warn about nothing. One test per document, named by its file, so a
failure says which document and what was read differently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from solidarity.resolutions.corpus import check_document, documents_in

CORPUS = Path(__file__).parent / "corpus"
PAIRS = documents_in(CORPUS)


def test_the_corpus_is_at_least_thirty_real_resolutions():
    assert len(PAIRS) >= 30


@pytest.mark.parametrize(("document", "facts"), PAIRS, ids=[path.name for path, _ in PAIRS])
def test_the_document_is_read_as_printed(document, facts):
    check = check_document(document, facts)
    assert check.exact, check.line()
