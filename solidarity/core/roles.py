"""The roles people hold on the platform. Plain Python: no database needed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Mandate secretariat")
    REVIEWER = "reviewer", _("Reviewer")
    FOCAL_POINT = "focal_point", _("State focal point")
    CONTRIBUTOR = "contributor", _("Contributor")
    PUBLIC = "public", _("Public")
