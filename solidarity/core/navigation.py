"""The main navigation. Each area of the platform adds its entry here."""

from django.utils.translation import gettext_lazy as _

# (URL name, label): in the order they appear.
SECTIONS = [
    ("resolutions:list", _("Resolutions")),
    ("votes:overview", _("Votes")),
    ("practices:catalogue", _("Good practices")),
    ("calls:list", _("Calls for input")),
    ("declaration:home", _("Draft declaration")),
    ("mandate:detail", _("The mandate")),
    ("visits:table", _("Country visits")),
    ("engagements:list", _("Engagements")),
    ("indicators:oda", _("Aid and the 0.7 % pledge")),
    ("countries:list", _("Countries")),
    ("accounts:organizations", _("Organizations")),
]
