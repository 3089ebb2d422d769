from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationConfig(AppConfig):
    name = "solidarity.declaration"
    label = "declaration"
    verbose_name = _("Draft declaration")

    def ready(self) -> None:
        from solidarity.core import audit
        from solidarity.declaration.presentation import label_of

        # The audit trail names a comment by the part of the text it is about.
        audit.register_title(
            "declaration.declarationcomment",
            lambda comment: (
                _("%(part)s, version %(number)s")
                % {"part": label_of(comment.eid), "number": comment.version.number}
            ),
            needs=("version",),
        )
        audit.register_reader("declaration.declarationcomment", "eid", label_of)
