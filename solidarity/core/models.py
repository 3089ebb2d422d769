"""Shared models: the audit trail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who changed what, when, with the before and after of each changed field.

    Written only by :func:`solidarity.core.audit.record`, called from service
    functions and audited admin screens. Entries are never edited.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.CharField(_("record type"), max_length=80, db_index=True)
    target_id = models.CharField(_("record id"), max_length=80, blank=True)
    target_label = models.CharField(_("record"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"
        )


class SearchDocument(models.Model):
    """One entry of the full-text index (see :mod:`solidarity.core.search`).

    The engine-specific parts (the FTS5 table and its triggers on SQLite, the
    ``vector`` column and its GIN index on PostgreSQL) are created by the
    migration; nothing but the search backends reads or writes this table.
    """

    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=120)
    language = models.CharField(max_length=10, default="en")
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # The date a "newest first" listing sorts by (publication, adoption).
    sorted_at = models.DateTimeField(null=True, blank=True)
    # Facet values, one "facet=value" a line between newlines (search/faceting.py).
    # New columns here must be nullable without a default: SQLite then adds them
    # in place, where any other change rebuilds the table and drops the FTS5
    # triggers of migration 0003.
    facets = models.TextField(null=True, blank=True)  # noqa: DJ001 - see above

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="one_search_entry_per_record"
            )
        ]
        indexes = [models.Index(fields=["kind", "sorted_at"], name="search_newest")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchChange(models.Model):
    """A search document changed: the log the catalogue engine replays, in order.

    Written with the document, in the same transaction; see
    :mod:`solidarity.core.search.engine`.
    """

    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["kind", "id"], name="search_change_order")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchMirror(models.Model):
    """A copy of the catalogue index (one folder on one machine): how far it has read the log.

    Each mirror writes its row as it applies changes, and at least every few
    minutes while it runs. ``solidarity reindex --prune`` deletes the changes
    every mirror seen recently has applied.
    """

    name = models.CharField(max_length=64)  # a random name kept in the index folder
    kind = models.CharField(max_length=40)
    applied = models.BigIntegerField()
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="one_position_per_mirror")
        ]

    def __str__(self) -> str:
        return f"{self.name}:{self.kind}@{self.applied}"


class SearchChangePruned(models.Model):
    """The changes of a kind up to ``through`` have been deleted from the log.

    A mirror that has applied less than that cannot replay what it missed and
    is rebuilt from the database instead.
    """

    kind = models.CharField(max_length=40, unique=True)
    through = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.kind}<={self.through}"


class PageRevision(models.Model):
    """What a cached public page shows changed: its subject's token is new (``core.pagecache``).

    A subject names what pages show (``resolution:A/HRC/RES/56/4``, ``state:CUB``,
    ``practices``). The services that change it write a new token in their own
    transaction, so the change and the pages' new address are committed together,
    whichever process or machine serves the next request.
    """

    subject = models.CharField(max_length=200, primary_key=True)
    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"{self.subject}@{self.token}"
