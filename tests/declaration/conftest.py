from __future__ import annotations

import pytest

from solidarity.declaration import services

VERSION_1 = """Draft declaration on the right to international solidarity (example)

Preamble

Recalling the Charter of the United Nations,

Article 1: Definitions
1. International solidarity is the union of interests and purposes.
2. It binds peoples and States.

Article 2: Duties of States
States shall cooperate to realize the right to international solidarity.

Article 3
Everyone may take part.

Article 4
States shall report.

Article 5: Reports
States shall report every five years.
"""

# Article 2 reworded, article 5 removed, the rest as it was.
VERSION_2 = VERSION_1.replace(
    "States shall cooperate to realize",
    "States shall cooperate in good faith with one another to realize",
).replace("\nArticle 5: Reports\nStates shall report every five years.\n", "")


@pytest.fixture
def version_1(db):
    return services.version_import(actor=None, source=VERSION_1, label="First draft", publish=True)


@pytest.fixture
def version_2_unpublished(version_1):
    return services.version_import(actor=None, source=VERSION_2, label="Revised draft")
