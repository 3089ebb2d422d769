from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "solidarity.calls"
    verbose_name = _("Calls for input")

    def ready(self) -> None:
        from solidarity.calls.indexing import SEARCH_KIND, reindex_all
        from solidarity.core.search import register_reindexer

        register_reindexer(SEARCH_KIND, reindex_all)
