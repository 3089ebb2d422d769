"""The draft declaration in the demonstration: two versions of an example text, with
example comments.

The revised draft declaration on the right to international solidarity that the
Independent Expert presented to the Human Rights Council in 2017 is the annex of
A/HRC/35/35. Its complete text could not be taken from a public collection this
platform can read, so the demonstration uses a short text written for it, which says
on its first line that it is an example and not an official text.
"""

from __future__ import annotations

from pathlib import Path

from solidarity.accounts.models import User
from solidarity.core.roles import Role
from solidarity.declaration import services
from solidarity.declaration.models import DeclarationVersion

DATA_DIR = Path(__file__).resolve().parent / "data" / "declaration"

# (role of the demo account, eId, comment, proposed wording), all made on version 1.
COMMENTS = [
    (
        Role.FOCAL_POINT,
        "art_2",
        "(Example comment.) The duty to cooperate should also name international "
        "organizations, which carry much of the cooperation.",
        "States shall cooperate with one another and with international organizations, in "
        "good faith, to realize the right to international solidarity.",
    ),
    (
        Role.CONTRIBUTOR,
        "art_5",
        "(Example comment.) A fixed five-year cycle would duplicate existing reporting; "
        "we suggest removing this article.",
        "",
    ),
    (
        Role.PUBLIC,
        "art_4",
        "(Example comment.) Participation should include people who are affected but "
        "live outside the States that cooperate.",
        "",
    ),
    (
        Role.CONTRIBUTOR,
        "art_1__para_2",
        "(Example comment.) Please say how peoples exercise this right.",
        "",
    ),
]


def load_declaration() -> int:
    """Once: version 1 published, the example comments made on it, then version 2
    (article 2 reworded, article 5 removed) published. Returns the versions added."""
    if DeclarationVersion.objects.exists():
        return 0
    secretariat = User.objects.filter(role=Role.SECRETARIAT, is_active=True).first()
    version_1 = services.version_import(
        actor=secretariat,
        source=(DATA_DIR / "example-v1.txt").read_text(encoding="utf-8"),
        label="Example, first version",
        source_name="example-v1.txt",
        publish=True,
    )
    for role, eid, body, proposed in COMMENTS:
        author = User.objects.filter(role=role, is_active=True).order_by("pk").first()
        if author is None:
            continue
        services.comment_create(
            actor=author, version=version_1, eid=eid, body=body, proposed_wording=proposed
        )
    services.version_import(
        actor=secretariat,
        source=(DATA_DIR / "example-v2.txt").read_text(encoding="utf-8"),
        label="Example, second version",
        source_name="example-v2.txt",
        publish=True,
    )
    return 2
