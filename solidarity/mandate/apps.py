from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandateConfig(AppConfig):
    name = "solidarity.mandate"
    verbose_name = _("The mandate")

    def ready(self) -> None:
        from solidarity.mandate import selectors, services
        from solidarity.resolutions import extensions

        extensions.register_on_store("mandate", services.on_resolution_stored)
        extensions.register_document_links("mandate", selectors.documents_linked)
        extensions.register_section(
            order=10, template="mandate/resolution_section.html", data=selectors.for_resolution_page
        )
